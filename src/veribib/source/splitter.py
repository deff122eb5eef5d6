"""Split the lines of a reference list into entries, and find where the list ends.

Two list styles are told apart by the first entry: numbered (``[1]``, ``1.``, ``1)``, ``(1)``)
and unnumbered (author-year, Harvard, APA, Vancouver without numbers). A new unnumbered entry
starts at a line that begins like a reference (``Surname, I.``) once the entry before it could be
complete (it has a year or identifier and does not end on a comma, ``and`` or a hyphen).
Blank lines and page furniture inside the list neither split nor end it; the list ends at a
footer (address, phone, e-mail), a closing heading (Appendix, Acknowledgements ...), or a block
after a gap that does not read like a reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from veribib.source import cues

_LOOKAHEAD = 8  # non-blank lines searched for the next list number after a gap
MAX_ENTRY_LINES = 60  # no reference runs this long: past it the "list" is running text


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

    def __init__(self, first_line: int, repeated: frozenset[str]) -> None:
        self.first_line = first_line
        self.repeated = repeated
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

    def first(self, line_no: int, raw: str, s: str) -> None:
        m = cues.list_marker(s)
        self.base_indent = _indent(raw)
        if m is not None:
            self.numbered, self.style, self.expected = True, m[1], m[0] + 1
            self.start(line_no, s[m[2] :].strip(), m[0])
        else:
            self.start(line_no, s)

    def numbered_line(self, lines: Sequence[str], i: int, s: str) -> bool:
        """Place one line of a numbered list; False when the list ends before it."""
        assert self.cur is not None
        m = cues.list_marker(s)
        if m is not None and m[1] == self.style and self.expected <= m[0] <= self.expected + 2:
            self.expected = m[0] + 1
            self.start(self.first_line + i, s[m[2] :].strip(), m[0])
            return True
        if (
            self.gap
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
        if cur.lines and cues.ends_mid_entry(cur.lines[-1]):
            cur.add(s)
        elif complete and cues.author_start(s):
            self.start(line_no, s)
        elif not self.gap and _indent(raw) > self.base_indent + 1:
            cur.add(s)
        elif self.gap:
            if not complete or (cues.is_bare_link(s) and cues.has_identifier(s)):
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

    def run(self, lines: Sequence[str]) -> int:
        for i, raw in enumerate(lines):
            s = raw.strip()
            if not s:
                self.gap = self.gap or self.cur is not None
                continue
            if cues.is_page_furniture(s) or s in self.repeated:
                continue
            if cues.is_footer(s):
                return i
            if cues.is_stop_heading(s) and (self.cur is None or self.gap or self.cur.complete()):
                return i
            if self.cur is None:
                self.first(self.first_line + i, raw, s)
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
    splitter = _Splitter(first_line, repeated)
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
