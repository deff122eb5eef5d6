"""Split the lines of a reference list into entries, and find where the list ends.

Numbered lists (``[1]``, ``1.``, ``1)``, ``(1)``) split at the next expected number. In
unnumbered lists (author-year, Harvard, APA, Vancouver without numbers) a new entry starts at a
line that begins like a reference (``Surname, I.``) once the entry before it could be complete:
it has a year or identifier and does not end on a comma, ``and`` or a hyphen (a short line also
ends an entry in wrapped text). When lines are long (median over ``LONG_LINE``) each line is
taken to be a whole reference. Blank lines, page numbers and running heads inside the list
neither split nor end it. The list ends at a footer (phone, e-mail, copyright), a closing
heading (Appendix, Acknowledgements ...), or a block after a gap, or after an entry ending on a
DOI, that does not read like a reference (PDF text loses the blank line before a footer).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from veribib.source import cues

_LOOKAHEAD = 8  # non-blank lines searched for the next list number after a gap
MAX_ENTRY_LINES = 60  # no reference runs this long: past it the "list" is running text
LONG_LINE = 100  # median line width above which each line is taken to be a whole entry
SHORT_LINE = 0.7  # a line shorter than this share of the usual width ends a paragraph


@dataclass(slots=True)
class Entry:
    """One entry of a list: its first line (1-based), its lines, and its list number if any."""

    line: int
    lines: list[str] = field(default_factory=list)
    number: int | None = None
    tentative: bool = False  # started after a gap without looking like a reference start
    evidence: bool = False  # a year or identifier seen in the lines so far

    def add(self, line: str) -> None:
        """Append a line, noting whether it carries a year or identifier."""
        self.lines.append(line)
        self.evidence = self.evidence or cues.has_year(line) or cues.has_identifier(line)

    def hard_end(self, nxt: str) -> bool:
        """True when the entry ended on a DOI/URL and ``nxt`` does not read as more of it.

        Text extracted from PDFs loses blank lines, so this stands in for the gap that would
        have come before a footer.
        """
        return (
            bool(self.lines)
            and cues.ends_with_identifier(self.lines[-1])
            and not cues.follows_identifier(nxt)
        )

    def complete(self) -> bool:
        """True when the entry so far could be a whole reference (see ``cues.entry_complete``)."""
        return self.evidence and bool(self.lines) and cues.ends_like_entry(self.lines[-1])


@dataclass(frozen=True, slots=True)
class Split:
    """The entries of a list and the index (into the given lines) where the list stopped."""

    entries: tuple[Entry, ...]
    end: int


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


def _marker_ahead(lines: Sequence[str], start: int, expected: int, style: str) -> bool:
    seen = 0
    for raw in lines[start : start + 4 * _LOOKAHEAD]:
        s = raw.strip()
        if not s:
            continue
        m = cues.list_marker(s)
        if m is not None and m[1] == style and m[0] == expected:
            return True
        seen += 1
        if seen >= _LOOKAHEAD:
            break
    return False


def _split_inline_markers(line: str, expected: int, style: str) -> list[str]:
    """Split ``... [4] Next ...`` when several bracketed entries share one extracted line."""
    if style != "[n]":
        return [line]
    pieces: list[str] = []
    rest = line
    while True:
        m = re.search(rf"\s\[{expected}\]\s", rest)
        if m is None:
            pieces.append(rest)
            return pieces
        pieces.append(rest[: m.start()])
        rest = rest[m.start() + 1 :]
        expected += 1


def _whole_reference(line: str) -> bool:
    """A line that is a reference by itself (one-reference-per-line lists)."""
    return cues.ends_like_entry(line) and cues.looks_like_reference(line)


class _Splitter:
    """State of one pass over a list's lines (kept in one object to keep each step small)."""

    def __init__(
        self, first_line: int, repeated: frozenset[str], long_lines: bool, width: int
    ) -> None:
        self.first_line = first_line
        self.repeated = repeated
        self.long_lines = long_lines  # one reference per line, not wrapped
        self.short = int(width * SHORT_LINE)  # wrapped text: a shorter line ends a paragraph
        self.entries: list[Entry] = []
        self.cur: Entry | None = None
        self.gap = False
        self.numbered = False
        self.style = ""
        self.expected = 0
        self.base_indent = 0
        self.single_lines = True  # every entry so far fits on one line

    def start(
        self, line_no: int, text: str, number: int | None = None, tentative: bool = False
    ) -> None:
        if self.cur is not None and len(self.cur.lines) > 1:
            self.single_lines = False
        self.cur = Entry(line=line_no, number=number, tentative=tentative)
        if text:
            self.cur.add(text)
        self.entries.append(self.cur)

    def first(self, lines: Sequence[str], i: int, s: str) -> None:
        m = cues.list_marker(s)
        self.base_indent = _indent(lines[i])
        if m is None:
            self.start(self.first_line + i, s)
            return
        self.numbered, self.style, self.expected = True, m[1], m[0] + 1
        head, *rest = _split_inline_markers(s[m[2] :], self.expected, self.style)
        self.start(self.first_line + i, head.strip(), m[0])
        for piece in rest:
            self.numbered_line(lines, i, piece.strip())

    def numbered_line(self, lines: Sequence[str], i: int, s: str) -> bool:
        """Place one line of a numbered list; False when the list ends before it."""
        assert self.cur is not None
        m = cues.list_marker(s)
        if m is not None and m[1] == self.style and self.expected <= m[0] <= self.expected + 2:
            self.expected = m[0] + 1
            self.start(self.first_line + i, s[m[2] :].strip(), m[0])
            return True
        if (
            (self.gap or self.cur.hard_end(s))
            and self.cur.complete()
            and not _marker_ahead(lines, i + 1, self.expected, self.style)
        ):
            return False
        self.cur.add(s)
        return True

    def unnumbered_line(self, raw: str, i: int, s: str) -> None:
        """Place one line of an unnumbered list: a new entry or a continuation."""
        cur = self.cur
        assert cur is not None
        line_no = self.first_line + i
        complete = cur.complete()
        # In wrapped text a short line ends a paragraph: enough to end an entry before an
        # author, though not to read the first line after a gap as a new entry.
        ended = complete or (cur.evidence and bool(cur.lines) and len(cur.lines[-1]) < self.short)
        if self.long_lines:
            self.long_line(s, line_no)
        elif cur.lines and cues.ends_mid_entry(cur.lines[-1]):
            cur.add(s)
        elif ended and cues.author_start(s):
            self.start(line_no, s)
        elif not self.gap and _indent(raw) > self.base_indent + 1:
            cur.add(s)
        elif self.gap or (complete and cur.hard_end(s)):
            if not complete or s[:1].islower() or (cues.is_bare_link(s) and cues.has_identifier(s)):
                cur.add(s)
            else:
                self.start(line_no, s, tentative=True)
        elif complete and (
            cues.organisation_start(s)
            or (len(cur.lines) == 1 and s[:1].isupper() and _whole_reference(s))
            or (self.single_lines and len(self.entries) >= 3 and s[:1].isupper())
        ):
            self.start(line_no, s)
        else:
            cur.add(s)

    def long_line(self, s: str, line_no: int) -> None:
        """One reference per line: each line starts an entry unless it plainly goes on."""
        cur = self.cur
        assert cur is not None
        starts = cues.author_start(s)
        goes_on = (s[:1].islower() and not starts) or (
            cues.is_bare_link(s) and cues.has_identifier(s)
        )
        if not goes_on and cur.lines and cues.ends_mid_entry(cur.lines[-1]):
            goes_on = not (s[:1].isupper() and (starts or _whole_reference(s)))
        if goes_on:
            cur.add(s)
        else:
            self.start(line_no, s, tentative=not starts)

    def run(self, lines: Sequence[str]) -> int:
        for i, raw in enumerate(lines):
            s = raw.strip()
            if not s:
                self.gap = self.gap or self.cur is not None
                continue
            if cues.is_page_furniture(s) or s in self.repeated:
                continue
            if cues.is_footer(s) and not cues.looks_like_reference(s):
                return i
            if cues.is_stop_heading(s) and (self.cur is None or self.gap or self.cur.complete()):
                return i
            if self.cur is None:
                self.first(lines, i, s)
            elif self.numbered:
                for piece in _split_inline_markers(s, self.expected, self.style):
                    if not self.numbered_line(lines, i, piece.strip()):
                        return i
            else:
                self.unnumbered_line(raw, i, s)
            self.gap = False
            if self.cur is not None and len(self.cur.lines) > MAX_ENTRY_LINES:
                return self.cur.line - self.first_line
        return len(lines)


def split_list(
    lines: Sequence[str], first_line: int, repeated: frozenset[str] = frozenset()
) -> Split:
    """Split a reference list into entries; ``first_line`` is the 1-based number of ``lines[0]``.

    ``repeated`` holds lines that recur across the document (running heads) and are skipped.
    """
    widths = sorted(len(raw.strip()) for raw in lines[:400] if raw.strip())
    long_lines = bool(widths) and widths[len(widths) // 2] > LONG_LINE
    usual = widths[len(widths) * 9 // 10] if widths else 0
    splitter = _Splitter(first_line, repeated, long_lines, usual)
    end = splitter.run(lines)
    entries = [e for e in splitter.entries if e.lines and e.line - first_line < end]
    # An entry begun after a gap that does not read like a reference ends the list there,
    # unless the entries right after it do (then it is an odd reference inside the list).
    refs = [cues.looks_like_reference(" ".join(e.lines)) for e in entries]
    for k, entry in enumerate(entries):
        if entry.tentative and not refs[k] and not any(refs[k + 1 : k + 3]):
            end = min(end, entry.line - first_line)
            entries = entries[:k]
            break
    return Split(tuple(entries), end)


__all__ = ["Entry", "Split", "split_list"]
