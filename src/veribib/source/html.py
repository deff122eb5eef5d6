"""HTML pages: reference sections by heading, their ``<ol>/<ul>`` items, ``Reference:`` lines.

Parsed with the standard library's ``html.parser`` (tolerant of broken markup, no network,
no entity expansion beyond HTML's named characters). Scripts, styles and other non-text
elements are dropped. Every reference keeps the line of the source HTML it starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from veribib.model import Document, InTextCitation, Origin, RawReference, Warning_
from veribib.source.decode import decode_text
from veribib.source.interface import Source
from veribib.source.text import MAX_TEXT_CHARS, check_length

# The cues, sections, splitter, line joining and citation finding are imported where a page is
# read (see source/text.py): detecting any input's format loads this module.

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "iframe",
        "object",
        "canvas",
        "select",
        "button",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "ol",
        "ul",
        "dl",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "address",
        "form",
        "fieldset",
        "details",
        "summary",
        "body",
        "html",
    }
)
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    }
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_NOT_IN_HEADING = frozenset({"p", "div", "li", "ol", "ul", "dl", "table", "section", "article"})
_PSEUDO_HEADING = 7  # a paragraph that holds nothing but "References"
MAX_HTML_CHARS = 2 * MAX_TEXT_CHARS  # markup included
_REFS_ATTR = re.compile(
    r"(?:^|[\s_-])(?:references?|reflist|ref-list|bibliography|citations?|footnotes)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SNIFF = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|ol|li|h[1-6])[\s>]", re.I
)
_SIGNATURE = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.I | re.S,
)


@dataclass(slots=True)
class _Open:
    tag: str
    refs: bool
    li: int | None = None
    number: int | None = None  # the li's list number
    counter: int = 0  # for ol/ul: items seen so far
    ordered: bool = False


@dataclass(slots=True)
class Chunk:
    """Text of one block of the page with the source line it starts on."""

    text: str
    line: int
    heading: int | None
    li: int | None
    number: int | None
    refs: bool


@dataclass(slots=True)
class _Unit:
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.chunks[0].line

    @property
    def text(self) -> str:
        return "\n".join(c.text for c in self.chunks)


class _Collector(HTMLParser):
    """Collects block texts with their source lines; drops scripts, styles and the like."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.skip: list[str] = []
        self.buf: list[str] = []
        self.buf_line = 0
        self.chunks: list[Chunk] = []
        self.li_count = 0

    def _flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        if not text.strip():
            return
        lead = text[: len(text) - len(text.lstrip())]
        heading = None
        for o in reversed(self.stack):
            if o.tag in _HEADINGS:
                heading = _HEADINGS[o.tag]
                break
            if o.tag in _NOT_IN_HEADING:  # an unclosed <h2> before a list: the list is no heading
                break
        li = next((o for o in reversed(self.stack) if o.li is not None), None)
        self.chunks.append(
            Chunk(
                text=text.strip(),
                line=self.buf_line + lead.count("\n"),
                heading=heading,
                li=li.li if li else None,
                number=li.number if li else None,
                refs=any(o.refs for o in self.stack),
            )
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag in _SKIP:
                self.skip.append(tag)
            return
        if tag in _SKIP:
            self.skip.append(tag)
            return
        if tag == "br":
            self.handle_data("\n")
            return
        if tag in _VOID:
            return
        if tag in _BLOCK:
            self._flush()
        values = dict(attrs)
        refs = bool(_REFS_ATTR.search(f"{values.get('id') or ''} {values.get('class') or ''}"))
        entry = _Open(tag, refs)
        if tag in {"ol", "ul"}:
            entry.ordered = tag == "ol"
            start = values.get("start") or "1"
            entry.counter = int(start) - 1 if start.strip().lstrip("-").isdigit() else 0
        if tag == "li":
            self.li_count += 1
            entry.li = self.li_count
            parent = next((o for o in reversed(self.stack) if o.tag in {"ol", "ul"}), None)
            if parent is not None:
                parent.counter += 1
                entry.number = parent.counter if parent.ordered else None
        self.stack.append(entry)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in _BLOCK:
            self._flush()
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.buf:
            self.buf_line = self.getpos()[0]
        self.buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def collect_chunks(text: str) -> list[Chunk]:
    """The page's visible blocks of text, in order, each with its source line."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.chunks


def _units(chunks: list[Chunk]) -> list[_Unit]:
    """Chunks of one list item merged into one unit; every other chunk is its own unit."""
    units: list[_Unit] = []
    for chunk in chunks:
        if units and chunk.li is not None and units[-1].chunks[-1].li == chunk.li:
            units[-1].chunks.append(chunk)
        else:
            units.append(_Unit([chunk]))
    return units


def _heading_of(unit: _Unit) -> tuple[int, str | None]:
    """The unit's heading level (7 for a bare "References" paragraph) and reference-heading kind."""
    from veribib.source.sections import heading_kind

    chunk = unit.chunks[0]
    kind = heading_kind(unit.text) if len(unit.text) <= 80 else None
    if chunk.heading is not None:
        return chunk.heading, kind
    return (_PSEUDO_HEADING, kind) if kind else (0, None)


@dataclass(slots=True)
class _Picked:
    line: int
    lines: list[str]
    key: str | None


def _entries_of(units: list[_Unit]) -> list[_Picked]:
    """List items are entries; other blocks are split like plain text."""
    from veribib.source.splitter import split_list

    picked: list[_Picked] = []
    for unit in units:
        first = unit.chunks[0]
        if first.li is not None:
            key = str(first.number) if first.number is not None else None
            picked.append(_Picked(unit.line, unit.text.split("\n"), key))
            continue
        split = split_list(unit.text.split("\n"), unit.line)
        picked.extend(
            _Picked(e.line, e.lines, str(e.number) if e.number is not None else None)
            for e in split.entries
        )
    return picked


def _section(units: list[_Unit], start: int, level: int, strong: bool) -> tuple[list[_Picked], int]:
    from veribib.source import cues

    end = start + 1
    while end < len(units):
        lvl, _ = _heading_of(units[end])
        if lvl and (lvl <= level or (level == _PSEUDO_HEADING and lvl == _PSEUDO_HEADING)):
            break
        end += 1
    picked = _entries_of(units[start + 1 : end])
    good = [p for p in picked if cues.looks_like_reference(" ".join(p.lines))]
    if not good or (not strong and len(good) < 0.5 * len(picked)):
        return [], start + 1
    return picked, end


class HtmlSource(Source):
    """HTML pages (``.html``, ``.htm``)."""

    format = "html"
    extensions = (".html", ".htm", ".xhtml")

    sniff_pattern = _SNIFF
    signature_pattern = _SIGNATURE

    def read(self, path: str, data: bytes) -> Document:
        """Find reference sections, reference containers and ``Reference:`` lines on the page."""
        from veribib.source import cues
        from veribib.source.linejoin import Vocabulary, join_lines
        from veribib.source.sections import inline_reference

        text, warnings = decode_text(path, data)
        check_length(path, text, MAX_HTML_CHARS)
        units = _units(collect_chunks(text))
        used = [False] * len(units)
        picked: list[_Picked] = []
        i = 0
        while i < len(units):
            level, kind = _heading_of(units[i])
            if kind is None:
                i += 1
                continue
            found, end = _section(units, i, level, kind == "strong")
            if found:
                picked.extend(found)
                used[i:end] = [True] * (end - i)
            i = end
        for k, unit in enumerate(units):
            if used[k]:
                continue
            first = unit.chunks[0]
            if first.refs and first.li is not None:
                picked.extend(_entries_of([unit]))
                used[k] = True
                continue
            inline = inline_reference(unit.text.split("\n", 1)[0])
            if inline is not None:
                label, rest = inline
                lines = [rest, *unit.text.split("\n")[1:]]
                if label.startswith("source") and not cues.looks_like_reference(" ".join(lines)):
                    continue
                picked.append(_Picked(unit.line, lines, None))
                used[k] = True
        vocabulary = Vocabulary(text)
        picked.sort(key=lambda p: p.line)
        references = tuple(
            RawReference(join_lines(p.lines, vocabulary), Origin(path, p.line, n), key=p.key)
            for n, p in enumerate(picked)
        )
        citations = _citations(path, [u for k, u in enumerate(units) if not used[k]])
        extra = () if references else (Warning_(Origin(path), "no references found on the page"),)
        return Document(path, self.format, references, citations, tuple(warnings) + extra)


def _citations(path: str, units: list[_Unit]) -> tuple[InTextCitation, ...]:
    from veribib.source.citations import find_citations

    out: list[InTextCitation] = []
    for unit in units:
        for chunk in unit.chunks:
            for c in find_citations(chunk.text, path):
                line = (c.origin.line or 1) + chunk.line - 1
                out.append(
                    InTextCitation(
                        c.text, Origin(path, line, len(out)), c.authors, c.year, c.number
                    )
                )
    return tuple(out)


__all__ = ["Chunk", "HtmlSource", "collect_chunks"]
