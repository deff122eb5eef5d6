"""EndNote XML exports (``<xml><records><record>…``), as EndNote's "Export → XML" writes them.

Parsed with lxml with entity resolution, DTD loading and network access all off, like JATS.
Field text sits in ``<style>`` runs inside each element; it is joined as read.
"""

from __future__ import annotations

import re
from typing import Any

from veribib.errors import SourceError
from veribib.model import Document, Fields, Origin, Person, RawReference, ReferenceType, Warning_
from veribib.source.interface import Source
from veribib.source.names import collapse, person_from_string
from veribib.source.render import structured_reference

_SNIFF = re.compile(rb"<xml>\s*<records>\s*<record>", re.I)
_SIGNATURE = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?<xml>\s*<records>", re.I)
_YEAR = re.compile(r"\d{4}")
_TYPES = {
    "journal article": ReferenceType.JOURNAL_ARTICLE,
    "electronic article": ReferenceType.JOURNAL_ARTICLE,
    "magazine article": ReferenceType.JOURNAL_ARTICLE,
    "conference proceedings": ReferenceType.PROCEEDINGS_ARTICLE,
    "conference paper": ReferenceType.PROCEEDINGS_ARTICLE,
    "book": ReferenceType.BOOK,
    "edited book": ReferenceType.BOOK,
    "electronic book": ReferenceType.BOOK,
    "book section": ReferenceType.BOOK_CHAPTER,
    "thesis": ReferenceType.THESIS,
    "report": ReferenceType.REPORT,
    "government document": ReferenceType.REPORT,
    "dataset": ReferenceType.DATASET,
    "standard": ReferenceType.STANDARD,
    "web page": ReferenceType.WEBPAGE,
}


def _parser() -> Any:
    from lxml import etree  # type: ignore[import-untyped]  # loaded only for XML inputs

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def _text(el: Any) -> str | None:
    if el is None:
        return None
    return collapse("".join(el.itertext())) or None


def _first(rec: Any, *paths: str) -> str | None:
    for p in paths:
        value = _text(rec.find(p))
        if value:
            return value
    return None


def _persons(rec: Any, path: str) -> tuple[Person, ...]:
    out: list[Person] = []
    for el in rec.findall(path):
        name = _text(el)
        if not name:
            continue
        # A name without a comma or space is an organisation ("World Health Organization,"
        # is written by EndNote with a trailing comma): keep it whole.
        person = person_from_string(name) if "," in name.rstrip(",") else Person(name.rstrip(","))
        if person is not None:
            out.append(person)
    return tuple(out)


def _ref_type(rec: Any) -> str:
    ref_type = rec.find("ref-type")
    return str((ref_type.get("name") if ref_type is not None else "") or "")


def _fields(rec: Any) -> Fields:
    kind = _ref_type(rec)
    m = _YEAR.search(_first(rec, "dates/year", "dates/pub-dates/date") or "")
    mapped = _TYPES.get(kind.lower(), ReferenceType.OTHER)
    return Fields(
        authors=_persons(rec, "contributors/authors/author"),
        year=int(m.group(0)) if m else None,
        title=_first(rec, "titles/title"),
        container=_first(rec, "titles/secondary-title", "periodical/full-title")
        if mapped is not ReferenceType.BOOK
        else None,
        volume=_first(rec, "volume"),
        issue=_first(rec, "number", "issue"),
        pages=_first(rec, "pages"),
        publisher=_first(rec, "publisher"),
        editors=_persons(rec, "contributors/secondary-authors/author"),
        edition=_first(rec, "edition"),
        url=_first(rec, "urls/related-urls/url", "urls/web-urls/url"),
        type=mapped,
    )


def _extra(rec: Any) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for name, path in (
        ("doi", "electronic-resource-num"),
        ("isbn", "isbn"),
        ("accession", "accession-num"),
        ("note", "notes"),
        ("url", "urls/related-urls/url"),
    ):
        value = _first(rec, path)
        if value:
            # EndNote puts the PubMed id in accession-num for PubMed imports.
            out.append(("pmid" if name == "accession" and value.isdigit() else name, value))
    return tuple(out)


class EndnoteSource(Source):
    """EndNote XML (``.xml``) exports."""

    format = "endnote"
    extensions = (".enlx",)

    sniff_pattern = _SNIFF
    signature_pattern = _SIGNATURE

    def read(self, path: str, data: bytes) -> Document:
        from lxml import etree

        """Read each ``<record>`` into a reference, its line the record's line."""
        parser = _parser()
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise SourceError(path, f"not well-formed EndNote XML: {exc}") from None
        if root is None:
            raise SourceError(path, "not well-formed EndNote XML")
        warnings = [
            Warning_(Origin(path, e.line), f"XML error, read past: {e.message}")
            for e in list(parser.error_log)[:20]
        ]
        references: list[RawReference] = []
        for index, rec in enumerate(root.iter("record")):
            fields = _fields(rec)
            extra = _extra(rec)
            doi = dict(extra).get("doi")
            references.append(
                structured_reference(
                    fields,
                    Origin(path, rec.sourceline, index),
                    doi=doi,
                    key=_first(rec, "rec-number"),
                    entry_type=(
                        rec.find("ref-type").get("name")
                        if rec.find("ref-type") is not None
                        else None
                    ),
                    extra=extra,
                )
            )
        if not references:
            warnings.append(Warning_(Origin(path), "no EndNote <record> elements found"))
        return Document(path, self.format, tuple(references), warnings=tuple(warnings))


__all__ = ["EndnoteSource"]
