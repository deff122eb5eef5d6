"""CSL-JSON (citeproc JSON): an array of items, a single item, or ``{"items": [...]}``.

Items are decoded one at a time so each keeps the line it starts on and a broken item
leaves the ones before it usable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from veribib.errors import SourceError
from veribib.model import Document, Fields, Origin, Person, RawReference, ReferenceType, Warning_
from veribib.source.decode import decode_text
from veribib.source.interface import Source
from veribib.source.names import collapse, person_from_string
from veribib.source.render import structured_reference

_SNIFF = re.compile(
    rb'^\s*[\[{]\s*(?:\{\s*)?"(?:id|type|title|author|DOI|issued|items)"', re.DOTALL
)
_SIGNATURE = re.compile(rb'\s*(?:\[\s*)?\{\s*"|\s*\[\s*\]')
_WS = re.compile(r"\s*")
_TYPES = {
    "article-journal": ReferenceType.JOURNAL_ARTICLE,
    "article-magazine": ReferenceType.JOURNAL_ARTICLE,
    "article-newspaper": ReferenceType.JOURNAL_ARTICLE,
    "review": ReferenceType.JOURNAL_ARTICLE,
    "paper-conference": ReferenceType.PROCEEDINGS_ARTICLE,
    "book": ReferenceType.BOOK,
    "chapter": ReferenceType.BOOK_CHAPTER,
    "entry-encyclopedia": ReferenceType.BOOK_CHAPTER,
    "thesis": ReferenceType.THESIS,
    "report": ReferenceType.REPORT,
    "article": ReferenceType.PREPRINT,
    "dataset": ReferenceType.DATASET,
    "standard": ReferenceType.STANDARD,
    "webpage": ReferenceType.WEBPAGE,
    "post-weblog": ReferenceType.WEBPAGE,
    "post": ReferenceType.WEBPAGE,
    # Crossref's own type names, which its CSL output keeps.
    "journal-article": ReferenceType.JOURNAL_ARTICLE,
    "proceedings-article": ReferenceType.PROCEEDINGS_ARTICLE,
    "book-chapter": ReferenceType.BOOK_CHAPTER,
    "monograph": ReferenceType.BOOK,
    "edited-book": ReferenceType.BOOK,
    "posted-content": ReferenceType.PREPRINT,
    "dissertation": ReferenceType.THESIS,
}
_FIELD_KEYS = frozenset(
    {
        "author",
        "editor",
        "issued",
        "title",
        "container-title",
        "volume",
        "issue",
        "page",
        "publisher",
        "edition",
        "URL",
        "type",
        "id",
    }
)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return collapse(value) or None


def _person(item: Any) -> Person | None:
    if isinstance(item, str):
        return person_from_string(item)
    if not isinstance(item, Mapping):
        return None
    literal = _text(item.get("literal")) or _text(item.get("name"))
    family = _text(item.get("family"))
    if not family:
        return Person(literal) if literal else None
    particle = _text(item.get("non-dropping-particle"))
    given = " ".join(
        x for x in (_text(item.get("given")), _text(item.get("dropping-particle"))) if x
    )
    suffix = _text(item.get("suffix"))
    if suffix:
        given = f"{given}, {suffix}" if given else suffix
    return Person(f"{particle} {family}" if particle else family, given)


def _persons(value: Any) -> tuple[Person, ...]:
    if not isinstance(value, list):
        return ()
    people = (_person(x) for x in value)
    return tuple(p for p in people if p is not None)


def _year(issued: Any) -> int | None:
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            try:
                return int(parts[0][0])
            except (TypeError, ValueError):
                return None
        raw = _text(issued.get("raw")) or _text(issued.get("literal")) or ""
        m = re.search(r"\d{4}", raw)
        return int(m.group(0)) if m else None
    return None


def _extra(item: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for key, value in item.items():
        if key == "abstract" or (key in _FIELD_KEYS and key not in {"URL", "id", "type"}):
            continue
        if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
            value = " ".join(str(v) for v in value)
        if isinstance(value, str | int) and not isinstance(value, bool):
            out.append((str(key).lower(), collapse(str(value))))
    return tuple(out)


def reference_from_csl(item: Mapping[str, Any], origin: Origin) -> RawReference:
    """One CSL-JSON item as a raw reference with its fields."""
    kind = _text(item.get("type"))
    fields = Fields(
        authors=_persons(item.get("author")),
        year=_year(item.get("issued")),
        title=_text(item.get("title")),
        container=_text(item.get("container-title")),
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        pages=_text(item.get("page")),
        publisher=_text(item.get("publisher")),
        editors=_persons(item.get("editor")),
        edition=_text(item.get("edition")),
        url=_text(item.get("URL")),
        type=_TYPES.get(kind or "", ReferenceType.OTHER),
    )
    doi = _text(item.get("DOI"))
    key = item.get("id")
    return structured_reference(
        fields,
        origin,
        doi=doi,
        key=str(key) if isinstance(key, str | int) else None,
        entry_type=kind,
        extra=_extra(item),
    )


class _Lines:
    """Line numbers of increasing offsets, counted incrementally (linear over the file)."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def __call__(self, offset: int) -> int:
        if offset >= self.pos:
            self.line += self.text.count("\n", self.pos, offset)
        else:
            self.line = self.text.count("\n", 0, offset) + 1
        self.pos = offset
        return self.line


def _items(path: str, text: str) -> tuple[list[tuple[int, Any]], list[Warning_]]:
    """Decode the items one by one with their start offsets; stop at the first broken one."""
    decoder = json.JSONDecoder()
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    line_of = _Lines(text)
    if text.startswith("{", pos):
        try:
            obj, _ = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise SourceError(path, f"not valid JSON: {exc.msg}", exc.lineno) from None
        if isinstance(obj, Mapping) and isinstance(obj.get("items"), list):
            return [(line_of(pos), x) for x in obj["items"]], []
        return [(line_of(pos), obj)], []
    if not text.startswith("[", pos):
        raise SourceError(path, "not CSL-JSON: expected a JSON array or object", line_of(pos))
    items: list[tuple[int, Any]] = []
    pos += 1
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            return items, []
        try:
            obj, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            warning = Warning_(
                Origin(path, line_of(pos)),
                f"invalid JSON at line {exc.lineno} ({exc.msg}); this and later items skipped",
            )
            return items, [warning]
        items.append((line_of(pos), obj))
        pos = _WS.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos += 1
        elif not text.startswith("]", pos):
            return items, [Warning_(Origin(path, line_of(pos)), "expected ',' or ']'; stopped")]


class CslJsonSource(Source):
    """CSL-JSON (``.json``) files from Zotero, citeproc or doi.org content negotiation."""

    format = "csljson"
    extensions = (".json", ".csl", ".csljson")

    sniff_pattern = _SNIFF
    signature_pattern = _SIGNATURE

    def read(self, path: str, data: bytes) -> Document:
        """Read every item; items that are not objects are warned about."""
        text, decode_warnings = decode_text(path, data)
        items, item_warnings = _items(path, text)
        warnings = list(decode_warnings) + item_warnings
        references: list[RawReference] = []
        for line, item in items:
            if not isinstance(item, Mapping):
                warnings.append(Warning_(Origin(path, line), "CSL-JSON item is not an object"))
                continue
            references.append(reference_from_csl(item, Origin(path, line, len(references))))
        if not references:
            warnings.append(Warning_(Origin(path), "no CSL-JSON items found"))
        return Document(path, self.format, tuple(references), warnings=tuple(warnings))


__all__ = ["CslJsonSource", "reference_from_csl"]
