"""Fields as CSL-JSON items (the citation format of Zotero, Pandoc and citeproc).

Items follow the CSL-JSON schema (csl-data.json, version 1.0.2): ``id``, ``type``, names as
``{"family", "given"}`` (organisations as ``{"literal"}``), ``issued`` as ``date-parts``.
"""

from __future__ import annotations

from typing import Any

from veribib.model import Fields, Person, ReferenceType

CSL_TYPES: dict[ReferenceType, str] = {
    ReferenceType.JOURNAL_ARTICLE: "article-journal",
    ReferenceType.PROCEEDINGS_ARTICLE: "paper-conference",
    ReferenceType.BOOK: "book",
    ReferenceType.BOOK_CHAPTER: "chapter",
    ReferenceType.THESIS: "thesis",
    ReferenceType.REPORT: "report",
    ReferenceType.PREPRINT: "article",
    ReferenceType.DATASET: "dataset",
    ReferenceType.STANDARD: "standard",
    ReferenceType.WEBPAGE: "webpage",
    ReferenceType.CLINICAL_TRIAL: "document",
    ReferenceType.OTHER: "document",
}


def _name(person: Person) -> dict[str, str]:
    if not person.given:
        return {"literal": person.family}
    return {"family": person.family, "given": person.given}


def csl_item(
    fields: Fields, item_id: str, doi: str | None = None, note: str | None = None
) -> dict[str, Any]:
    """One CSL-JSON item for a work's fields (unknown fields are left out, never guessed)."""
    kind = fields.type or (ReferenceType.JOURNAL_ARTICLE if fields.container else None)
    item: dict[str, Any] = {
        "id": item_id,
        "type": CSL_TYPES.get(kind, "document") if kind else "document",
    }
    if fields.title:
        item["title"] = fields.title
    if fields.authors:
        item["author"] = [_name(p) for p in fields.authors]
    if fields.editors:
        item["editor"] = [_name(p) for p in fields.editors]
    if fields.year is not None:
        item["issued"] = {"date-parts": [[fields.year]]}
    optional = {
        "container-title": fields.container,
        "volume": fields.volume,
        "issue": fields.issue,
        "page": fields.pages,
        "publisher": fields.publisher,
        "edition": fields.edition,
        "URL": fields.url,
        "DOI": doi,
        "note": note,
    }
    item.update({k: v for k, v in optional.items() if v})
    return item


__all__ = ["CSL_TYPES", "csl_item"]
