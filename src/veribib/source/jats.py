"""JATS / NLM XML articles (PubMed Central ``.nxml``): the ``<ref-list>`` and ``<xref>`` citations.

Parsed with lxml with entity resolution, DTD loading and network access all off, so a hostile
file cannot expand entities ("billion laughs") or make the parser fetch anything.
"""

from __future__ import annotations

import re
from typing import Any

from veribib.errors import SourceError
from veribib.model import (
    Document,
    Fields,
    InTextCitation,
    Origin,
    Person,
    RawReference,
    ReferenceType,
    Warning_,
)
from veribib.source.interface import Source
from veribib.source.names import collapse
from veribib.source.render import render_reference

_SNIFF = re.compile(rb"<!DOCTYPE\s+article|<article[\s>]|<ref-list[\s>]", re.I)
_SIGNATURE = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+article|<article[\s>])", re.I | re.S
)
_TYPES = {
    "journal": ReferenceType.JOURNAL_ARTICLE,
    "book": ReferenceType.BOOK,
    "chapter": ReferenceType.BOOK_CHAPTER,
    "confproc": ReferenceType.PROCEEDINGS_ARTICLE,
    "conf-proc": ReferenceType.PROCEEDINGS_ARTICLE,
    "thesis": ReferenceType.THESIS,
    "report": ReferenceType.REPORT,
    "preprint": ReferenceType.PREPRINT,
    "data": ReferenceType.DATASET,
    "dataset": ReferenceType.DATASET,
    "standard": ReferenceType.STANDARD,
    "web": ReferenceType.WEBPAGE,
    "webpage": ReferenceType.WEBPAGE,
}
_CITATIONS = ("element-citation", "mixed-citation", "nlm-citation", "citation")
_TITLES = ("article-title", "chapter-title", "data-title", "part-title")
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_RANGE_DASHES = {"-", "\u2013", "\u2014", "\u2010"}


def _parser() -> Any:
    from lxml import etree  # type: ignore[import-untyped]  # loaded only for XML inputs

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def _local(el: Any) -> str:
    from lxml import etree

    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _text(el: Any) -> str:
    """Text of an element and its descendants (unexpanded entity references stay as written)."""
    return collapse("".join(el.itertext()))


def _spaced_text(cit: Any) -> str:
    """Text of a citation with a space put between its tagged parts (surname, given names)."""
    pieces = [cit.text or ""]
    for child in cit:
        # An unexpanded entity reference is a child without a tag: keep it as written.
        inner = _text(child) if isinstance(child.tag, str) else (child.text or "")
        pieces.extend((" ", inner, child.tail or ""))
    return collapse("".join(pieces))


def _child(el: Any, *names: str) -> Any | None:
    for name in names:
        found = el.find(f".//{{*}}{name}")
        if found is None:
            found = el.find(f".//{name}")
        if found is not None:
            return found
    return None


def _child_text(el: Any, *names: str) -> str | None:
    found = _child(el, *names)
    if found is None:
        return None
    return _text(found) or None


def _person(el: Any) -> Person | None:
    kind = _local(el)
    if kind == "collab":
        text = _text(el)
        return Person(text) if text else None
    if kind == "string-name" and _child(el, "surname") is None:
        text = _text(el)
        return Person(text) if text else None
    family = _child_text(el, "surname") or ""
    prefix = _child_text(el, "prefix")
    if prefix:
        family = f"{prefix} {family}".strip()
    given = _child_text(el, "given-names") or ""
    suffix = _child_text(el, "suffix")
    if suffix:
        given = f"{given}, {suffix}" if given else suffix
    if not family:
        family, given = given, ""
    return Person(family, given) if family else None


def _persons(container: Any) -> tuple[tuple[Person, ...], bool]:
    people: list[Person] = []
    et_al = False
    for el in container:
        kind = _local(el)
        if kind in {"name", "string-name", "collab"}:
            person = _person(el)
            if person is not None:
                people.append(person)
        elif kind == "etal":
            et_al = True
    return tuple(people), et_al


def _authors_editors(cit: Any) -> tuple[tuple[Person, ...], bool, tuple[Person, ...]]:
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    et_al = False
    groups = [el for el in cit if _local(el) == "person-group"]
    for group in groups:
        kind = (group.get("person-group-type") or "author").lower()
        people, group_et_al = _persons(group)
        if kind == "editor":
            editors += people
        elif kind == "author":
            authors += people
            et_al = et_al or group_et_al
    if not groups:
        authors, et_al = _persons(cit)
    return authors, et_al, editors


def _pages(cit: Any) -> str | None:
    first, last = _child_text(cit, "fpage"), _child_text(cit, "lpage")
    if first and last and last != first:
        return f"{first}–{last}"
    return first or _child_text(cit, "page-range", "elocation-id")


def _extra(ref: Any, cit: Any) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    label = _child_text(ref, "label")
    if label:
        out.append(("label", label))
    for el in cit.iter():
        kind = _local(el)
        if kind == "pub-id":
            value = _text(el)
            if value:
                out.append(((el.get("pub-id-type") or "pub-id").lower(), value))
        elif kind in {"ext-link", "uri"}:
            href = el.get(_XLINK_HREF) or _text(el)
            if href:
                out.append(("url", href))
        elif kind in {"isbn", "issn"}:
            out.append((kind, _text(el)))
        elif kind == "comment":
            out.append(("note", _text(el)))
    return tuple(out)


def reference_from_jats(ref: Any, path: str, index: int) -> RawReference | None:
    """One ``<ref>`` as a raw reference (None when it holds no citation)."""
    cit = next((el for el in ref.iter() if _local(el) in _CITATIONS), None)
    if cit is None:
        return None
    kind = (cit.get("publication-type") or cit.get("citation-type") or "").lower() or None
    authors, et_al, editors = _authors_editors(cit)
    title = _child_text(cit, *_TITLES)
    source = _child_text(cit, "source")
    if title is None and kind in {"book", "thesis", "report"}:
        title, source = source, None
    year_text = _child_text(cit, "year") or ""
    year_match = re.search(r"\d{4}", year_text)
    url = next((v for k, v in _extra(ref, cit) if k == "url"), None)
    fields = Fields(
        authors=authors,
        et_al=et_al,
        year=int(year_match.group(0)) if year_match else None,
        title=title,
        container=source,
        volume=_child_text(cit, "volume"),
        issue=_child_text(cit, "issue"),
        pages=_pages(cit),
        publisher=_child_text(cit, "publisher-name"),
        editors=editors,
        edition=_child_text(cit, "edition"),
        url=url,
        type=_TYPES.get(kind or "", ReferenceType.OTHER),
    )
    extra = _extra(ref, cit)
    doi = next((v for k, v in extra if k == "doi"), None)
    # Tagged citations are rendered from their fields (tag boundaries often lack spaces);
    # a citation with no title or source tag is free text and kept as written.
    free_text = title is None and source is None
    links = {"doi": doi} if doi else {}
    text = _spaced_text(cit) if free_text else render_reference(fields, links)
    return RawReference(
        text=text,
        origin=Origin(path, ref.sourceline, index),
        fields=None if free_text else fields,
        key=ref.get("id"),
        entry_type=kind,
        extra=extra,
    )


def _citations(root: Any, path: str, positions: dict[str, int]) -> tuple[InTextCitation, ...]:
    """``<xref ref-type="bibr">`` links in the text, ranges like ``1``–``9`` filled in."""
    found: list[InTextCitation] = []

    def add(text: str, line: int | None, number: int) -> None:
        found.append(InTextCitation(text, Origin(path, line, len(found)), number=number))

    for xref in root.iter("{*}xref", "xref"):
        if (xref.get("ref-type") or "") != "bibr":
            continue
        label = _text(xref) or (xref.get("rid") or "")
        numbers = [positions[r] for r in (xref.get("rid") or "").split() if r in positions]
        for number in numbers:
            add(label, xref.sourceline, number)
        nxt = xref.getnext()
        if (
            numbers
            and (xref.tail or "").strip() in _RANGE_DASHES
            and nxt is not None
            and _local(nxt) == "xref"
        ):
            ends = [positions[r] for r in (nxt.get("rid") or "").split() if r in positions]
            if ends and 0 < ends[0] - numbers[-1] <= 50:
                span = f"{label}{(xref.tail or '').strip()}{_text(nxt)}"
                for number in range(numbers[-1] + 1, ends[0]):
                    add(span, xref.sourceline, number)
    return tuple(found)


class JatsSource(Source):
    """JATS / NLM XML (``.nxml``, ``.xml``) articles."""

    format = "jats"
    extensions = (".nxml", ".xml", ".jats")

    sniff_pattern = _SNIFF
    signature_pattern = _SIGNATURE

    def read(self, path: str, data: bytes) -> Document:
        from lxml import etree

        """Read every ``<ref>`` of the article's reference lists and its ``<xref>`` citations."""
        parser = _parser()
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise SourceError(path, f"not well-formed XML: {exc.msg}", exc.lineno) from None
        if root is None:
            raise SourceError(path, "not well-formed XML: no root element")
        warnings = list(
            dict.fromkeys(
                Warning_(Origin(path, err.line), f"XML error recovered from: {err.message}")
                for err in list(parser.error_log)[:20]
            )
        )
        references: list[RawReference] = []
        positions: dict[str, int] = {}
        for ref in root.iter("{*}ref", "ref"):
            raw = reference_from_jats(ref, path, len(references))
            if raw is None:
                warnings.append(Warning_(Origin(path, ref.sourceline), "<ref> without a citation"))
                continue
            references.append(raw)
            if raw.key:
                positions[raw.key] = len(references)
        if not references:
            warnings.append(Warning_(Origin(path), "no <ref-list> references found"))
        citations = _citations(root, path, positions)
        return Document(path, self.format, tuple(references), citations, tuple(warnings))


__all__ = ["JatsSource", "reference_from_jats"]
