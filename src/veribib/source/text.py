"""Plain text: find the reference list(s) in running text, split them, find in-text citations.

References are taken from (1) sections under a heading such as References, Bibliography or
Works Cited, (2) inline ``Reference: ...`` lines anywhere, and (3) when neither exists, a text
that is itself a list of references. Every reference keeps the 1-based line where it starts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from veribib.errors import SourceError
from veribib.model import Document, InTextCitation, Origin, RawReference, Warning_
from veribib.source.decode import decode_text
from veribib.source.interface import Source

if TYPE_CHECKING:
    from veribib.source.sections import Heading, InlineLine
    from veribib.source.splitter import Entry

# The cues, sections, splitter, line joining and citation finding are imported where text is
# read: every input's format is detected with this module's TextSource loaded, and a BibTeX
# file needs none of them (their regular expressions take ~25 ms to compile).

_RUNNING_HEAD_MIN = 3  # a line seen this often across a document is a running head ...
_RUNNING_HEAD_OUTSIDE = 2  # ... when it is also seen this often outside the list
MAX_REFERENCES = 20_000  # per document; more is not a reference list but a runaway
# Longest running text read (about 5,000 pages); reading takes about a second per 10 M.
MAX_TEXT_CHARS = 10_000_000
_INLINE_MAX_LINES = 6  # an inline "Reference:" may wrap over at most this many lines
_FALLBACK_SHARE = 0.6  # share of entries that must read like references in a bare list
_WEAK_SHARE = 0.5  # ... under a weak heading such as "Sources"
_FALLBACK_START = 20  # a bare list starts within this many non-blank lines


@dataclass(frozen=True, slots=True)
class TextResult:
    """What the text pipeline found: references, citations, warnings, reference-list line spans."""

    references: tuple[RawReference, ...]
    citations: tuple[InTextCitation, ...]
    warnings: tuple[Warning_, ...]
    spans: tuple[tuple[int, int], ...]  # [start, end) 0-based line ranges holding references


@dataclass(slots=True)
class _Found:
    line: int  # 1-based
    lines: list[str]
    key: str | None = None


def _running_heads(
    lines: Sequence[str], counts: Counter[str], start: int, stop: int
) -> frozenset[str]:
    """Lines of ``lines[start:stop]`` repeated across the pages, also outside that range."""
    inside = Counter(
        s
        for s in map(str.strip, lines[start:stop])
        if len(s) >= 15 and counts[s] >= _RUNNING_HEAD_MIN
    )
    return frozenset(s for s, n in inside.items() if counts[s] - n >= _RUNNING_HEAD_OUTSIDE)


def _section_entries(
    lines: Sequence[str], heading: Heading, stop: int, counts: Counter[str]
) -> tuple[list[Entry], int] | None:
    from veribib.source import cues
    from veribib.source.splitter import split_list

    start = heading.index + 1
    repeated = _running_heads(lines, counts, start, stop)
    split = split_list(lines[start:stop], start + 1, repeated)
    entries = list(split.entries)
    texts = [" ".join(e.lines) for e in entries]
    good = sum(1 for t in texts if cues.looks_like_reference(t))
    if good == 0 or (not heading.strong and good < _WEAK_SHARE * len(entries)):
        return None
    return entries, start + split.end


def _inline_entry(lines: Sequence[str], index: int, rest: str) -> _Found:
    from veribib.source import cues

    found = _Found(index + 1, [rest])
    for raw in lines[index + 1 : index + _INLINE_MAX_LINES]:
        s = raw.strip()
        if not s or cues.entry_complete(found.lines):
            break
        found.lines.append(s)
    return found


def _fallback(lines: Sequence[str], counts: Counter[str]) -> tuple[list[Entry], int, int]:
    """A document with no heading and no inline lines may be a bare list of references.

    The list must begin within the first few lines (after a title, say).
    """
    from veribib.source import cues
    from veribib.source.splitter import split_list

    seen = 0
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        seen += 1
        if seen > _FALLBACK_START:
            break
        if cues.list_marker(s) is not None or cues.author_start(s):
            repeated = _running_heads(lines, counts, i, len(lines))
            split = split_list(lines[i:], i + 1, repeated)
            texts = [" ".join(e.lines) for e in split.entries]
            good = [
                e for e, t in zip(split.entries, texts, strict=True) if cues.looks_like_reference(t)
            ]
            if good and len(good) >= _FALLBACK_SHARE * len(texts):
                return good, i, i + split.end
            break
    return [], 0, 0


def check_length(path: str, text: str, limit: int | None = None) -> None:
    """Refuse text longer than ``limit`` (default ``MAX_TEXT_CHARS``) with a ``SourceError``."""
    limit = MAX_TEXT_CHARS if limit is None else limit
    if len(text) > limit:
        raise SourceError(
            path,
            f"{len(text) / 1e6:.1f} M characters of text, over the {limit / 1e6:.0f} M "
            "characters one document may have (split the file)",
        )


class _Collect:
    """Gathers entries from headed sections, inline lines and the bare-list fallback."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.found: list[_Found] = []
        self.spans: list[tuple[int, int]] = []
        self.used = bytearray(len(lines))  # 1 for lines already inside a reference span

    def mark(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        self.used[start:end] = b"\x01" * (min(end, len(self.lines)) - start)

    def add(self, entries: Sequence[Entry]) -> None:
        self.found.extend(
            _Found(e.line, e.lines, str(e.number) if e.number is not None else None)
            for e in entries
        )

    def sections(self, headings: Sequence[Heading], counts: Counter[str]) -> None:
        for k, heading in enumerate(headings):
            if self.used[heading.index]:
                continue
            stop = headings[k + 1].index if k + 1 < len(headings) else len(self.lines)
            result = _section_entries(self.lines, heading, stop, counts)
            if result is not None:
                entries, end = result
                self.mark(heading.index, max(end, heading.index + 1))
                self.add(entries)

    def inline(self, items: Sequence[InlineLine]) -> None:
        from veribib.source import cues

        for item in items:
            if self.used[item.index]:
                continue
            entry = _inline_entry(self.lines, item.index, item.rest)
            if item.label.startswith("source") and not cues.looks_like_reference(
                " ".join(entry.lines)
            ):
                continue  # "Source: our photograph" is a credit, not a reference
            self.found.append(entry)
            self.mark(item.index, item.index + len(entry.lines))

    def fallback(self, counts: Counter[str]) -> None:
        entries, start, end = _fallback(self.lines, counts)
        if entries:
            self.add(entries)
            self.mark(start, end)


def read_text(text: str, path: str) -> TextResult:
    """Find, split and join the references of running text; find its in-text citations.

    Raises ``SourceError`` for text over ``MAX_TEXT_CHARS`` characters.
    """
    from veribib.source.citations import MAX_CITATIONS, find_citations
    from veribib.source.linejoin import Vocabulary, join_lines, repair_ligatures
    from veribib.source.sections import LineIndex, find_headings, find_inline

    check_length(path, text)
    text = repair_ligatures(text.replace("\f", ""))
    lines = text.split("\n")
    index = LineIndex(text)
    headings = find_headings(text, index)
    inline = find_inline(text, index)
    counts: Counter[str] = Counter(map(str.strip, lines)) if headings or not inline else Counter()
    collect = _Collect(lines)
    collect.sections(headings, counts)
    collect.inline(inline)
    if not collect.found:
        collect.fallback(counts)

    found = sorted(collect.found, key=lambda f: f.line)
    warnings: list[Warning_] = []
    if len(found) > MAX_REFERENCES:
        where = Origin(path, found[MAX_REFERENCES].line)
        warnings.append(Warning_(where, f"over {MAX_REFERENCES} references; rest skipped"))
        del found[MAX_REFERENCES:]
    vocabulary = Vocabulary(text)
    references = tuple(
        RawReference(join_lines(f.lines, vocabulary), Origin(path, f.line, i), key=f.key)
        for i, f in enumerate(found)
    )
    citations = find_citations(_mask(lines, collect.spans), path)
    if len(citations) >= MAX_CITATIONS:
        warnings.append(
            Warning_(Origin(path), f"over {MAX_CITATIONS} in-text citations; rest skipped")
        )
    if not references:
        warnings.append(Warning_(Origin(path), "no reference list or reference lines found"))
    return TextResult(references, citations, tuple(warnings), tuple(sorted(collect.spans)))


def _mask(lines: Sequence[str], spans: Sequence[tuple[int, int]]) -> str:
    """The text with reference lines blanked (line numbers kept) so citations skip the list."""
    if not spans:
        return "\n".join(lines)
    masked = list(lines)
    for start, end in spans:
        for i in range(start, min(end, len(masked))):
            masked[i] = ""
    return "\n".join(masked)


class TextSource(Source):
    """Plain-text documents: articles, blog posts, text extracted from PDFs, pasted lists."""

    format = "text"
    extensions = (".txt", ".text", ".rst")

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """Any head that is not binary can be read as text (the fallback format)."""
        return b"\x00" not in head

    def read(self, path: str, data: bytes) -> Document:
        """Decode the bytes and run the text pipeline."""
        text, decode_warnings = decode_text(path, data)
        result = read_text(text, path)
        return Document(
            path=path,
            format=self.format,
            references=result.references,
            citations=result.citations,
            warnings=decode_warnings + result.warnings,
        )


__all__ = [
    "MAX_REFERENCES",
    "MAX_TEXT_CHARS",
    "TextResult",
    "TextSource",
    "check_length",
    "read_text",
]
