"""Find where references are in running text: headed sections and inline ``Reference:`` lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add

# Headings that always introduce a reference list.
_STRONG = (
    r"references?|reference\s+list|list\s+of\s+references|bibliography|selected\s+bibliography"
    r"|works\s+cited|literature\s+cited|cited\s+literature|references\s+cited|literature\s+references"
    r"|notes\s+and\s+references|references\s+and\s+notes|sources\s+and\s+references"
    r"|bibliographic\s+references|bibliographie|literaturverzeichnis|literatur|références"
    r"|referencias|bibliografía|bibliografia|riferimenti\s+bibliografici|referências"
)
# Headings that only sometimes do ("Sources" may head a paragraph on raw materials).
_WEAK = (
    r"literature|sources|citations|further\s+reading|works\s+consulted|reading\s+list"
    r"|endnotes|notes"
)

_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?"
    r"(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)[ \t]+)?"
    rf"(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK}))"
    r"(?:\*\*|__)?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_INLINE = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<label>references?|ref\.|citation|sources?)[ \t]*:[ \t]*"
    r"(?P<rest>\S[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line (0-based index) that may open a reference list."""

    index: int
    strong: bool


@dataclass(frozen=True, slots=True)
class InlineLine:
    """A ``Reference: ...`` line (0-based index), its label and the text after the colon."""

    index: int
    label: str
    rest: str


class LineIndex:
    """Maps character offsets of a text to 0-based line indexes."""

    def __init__(self, text: str) -> None:
        # Each line's length plus its newline, summed: all in C, fast on huge texts.
        lengths = map(add, map(len, text.split("\n")), repeat(1))
        self._starts = list(accumulate(lengths, initial=0))

    def line_of(self, offset: int) -> int:
        """The 0-based line index holding character ``offset``."""
        return bisect_right(self._starts, offset) - 1


def find_headings(text: str, index: LineIndex) -> list[Heading]:
    """Headings in ``text`` that name a reference list, strong ones (References ...) marked."""
    return [
        Heading(index.line_of(m.start()), m.group("strong") is not None)
        for m in _HEADING.finditer(text)
    ]


def find_inline(text: str, index: LineIndex) -> list[InlineLine]:
    """Lines of the form ``Reference: <text>`` anywhere in ``text``."""
    found = []
    for m in _INLINE.finditer(text):
        line = index.line_of(m.start())
        found.append(InlineLine(line, m.group("label").lower(), m.group("rest").rstrip()))
    return found


def heading_kind(line: str) -> str | None:
    """``"strong"`` or ``"weak"`` when a single line is a reference-list heading, else None."""
    if len(line) > 80 or "\n" in line.strip():
        return None
    m = _HEADING.fullmatch(line.strip())
    if m is None:
        return None
    return "strong" if m.group("strong") is not None else "weak"


def inline_reference(line: str) -> tuple[str, str] | None:
    """``(label, text)`` when a line reads ``Reference: <text>``, else None."""
    m = _INLINE.match(line.strip())
    return (m.group("label").lower(), m.group("rest").rstrip()) if m else None


__all__ = [
    "Heading",
    "InlineLine",
    "LineIndex",
    "find_headings",
    "find_inline",
    "heading_kind",
    "inline_reference",
]
