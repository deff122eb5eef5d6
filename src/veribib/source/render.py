"""One readable line for a reference that came with structured fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from veribib.model import Fields, Origin, Person, RawReference


def _person(p: Person) -> str:
    return f"{p.family}, {p.given}" if p.given else p.family


def render_reference(fields: Fields, links: Mapping[str, str] | None = None) -> str:
    """Render fields APA-like on one line: ``Authors (Year). Title. Container, Vol(Iss), Pages.``

    ``links`` may carry ``doi`` and ``url`` to append; nothing is invented for missing fields.
    """
    parts: list[str] = []
    authors = "; ".join(_person(p) for p in fields.authors)
    if fields.et_al:
        authors = f"{authors} et al." if authors else "et al."
    year = f"({fields.year})" if fields.year is not None else ""
    head = " ".join(x for x in (authors, year) if x)
    if head:
        parts.append(head)
    if fields.title:
        parts.append(fields.title)
    where = fields.container or ""
    volume = fields.volume or ""
    if fields.issue:
        volume = f"{volume}({fields.issue})"
    locator = ", ".join(x for x in (where, volume, fields.pages or "") if x)
    if locator:
        parts.append(locator)
    if fields.editors:
        parts.append("Ed. " + "; ".join(_person(p) for p in fields.editors))
    if fields.publisher:
        parts.append(fields.publisher)
    links = links or {}
    doi = links.get("doi")
    url = links.get("url") or fields.url
    if doi:
        parts.append(f"doi:{doi}")
    elif url:
        parts.append(url)
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text:
            text += " " if text.endswith((".", "?", "!")) else ". "
        text += part
    if text and not (doi or url) and not text.endswith((".", "?", "!")):
        text += "."
    return text


def structured_reference(
    fields: Fields,
    origin: Origin,
    *,
    doi: str | None = None,
    key: str | None = None,
    entry_type: str | None = None,
    extra: Sequence[tuple[str, str]] = (),
) -> RawReference:
    """A reference read from a structured record: its fields, rendered as its one-line text."""
    return RawReference(
        text=render_reference(fields, {"doi": doi} if doi else {}),
        origin=origin,
        fields=fields,
        key=key,
        entry_type=entry_type,
        extra=tuple(extra),
    )


__all__ = ["render_reference", "structured_reference"]
