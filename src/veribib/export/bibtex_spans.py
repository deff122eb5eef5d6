"""Surgery on BibTeX text: find where each entry and field value sits, and rewrite inside it.

bibtexparser (with no middleware) gives each block's raw text and start line and each field's
raw value; this module turns those into exact offsets so an edit replaces only what changes and
follows the entry's own style.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bibtexparser.model import Entry


def line_starts(text: str) -> list[int]:
    """Offset of the start of each 0-based line (bibtexparser counts lines from 0)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where one field's key and value sit inside its entry's text."""

    name: str  # as written (case kept)
    key_start: int  # offsets relative to the entry text
    value_start: int
    value_end: int
    raw: str  # the value as written, enclosing included


@dataclass(frozen=True, slots=True)
class EntrySpan:
    """Where one entry sits in the whole text, with the spans of its fields."""

    entry: Entry
    start: int  # offsets in the whole text
    end: int
    fields: tuple[FieldSpan, ...]

    def text(self, whole: str) -> str:
        """The entry's text, exactly as written."""
        return whole[self.start : self.end]

    def find(self, names: Sequence[str]) -> FieldSpan | None:
        """The first field present among ``names`` (in their order of preference)."""
        for name in names:
            for f in self.fields:
                if f.name.lower() == name.lower():
                    return f
        return None


def locate(text: str, entry: Entry, starts: list[int]) -> EntrySpan | None:
    """Where an entry and each of its fields sit in ``text``; None if it cannot be pinned down."""
    raw = entry.raw
    if not raw or entry.start_line is None or entry.start_line >= len(starts):
        return None
    start = text.find(raw, starts[entry.start_line])
    if start < 0:
        return None
    end = start + len(raw)
    spans: list[FieldSpan] = []
    for f in entry.fields:
        value = f.value if isinstance(f.value, str) else None
        if value is None or f.start_line is None or f.start_line >= len(starts):
            return None
        search_from = max(starts[f.start_line], start)
        pattern = re.compile(r"(?<![\w\-:.])" + re.escape(f.key) + r"\s*=\s*", re.IGNORECASE)
        found = None
        for m in pattern.finditer(text, search_from, end):
            if text.startswith(value, m.end()):
                found = m
                break
        if found is None:
            return None
        spans.append(
            FieldSpan(
                f.key,
                found.start() - start,
                found.end() - start,
                found.end() + len(value) - start,
                value,
            )
        )
    return EntrySpan(entry, start, end, tuple(spans))


def unenclosed(raw: str) -> str:
    """A value as written, without its outer braces or quotes, on one line."""
    v = raw.strip()
    if len(v) >= 2 and ((v[0] == "{" and v[-1] == "}") or (v[0] == '"' and v[-1] == '"')):
        v = v[1:-1]
    return " ".join(v.split())


def enclose_like(old_raw: str, new: str) -> str:
    """``new`` in the enclosing the old value used ({...}, {{...}}, "...", or bare digits)."""
    v = old_raw.strip()
    if v.startswith("{{") and v.endswith("}}"):
        return "{{" + new + "}}"
    if v.startswith('"') and '"' not in new:
        return '"' + new + '"'
    if v.isdigit() and new.isdigit():
        return new
    return "{" + new + "}"


@dataclass
class EntryEdit:
    """Replacements and insertions inside one entry, applied right to left."""

    span: EntrySpan
    whole: str
    replacements: list[tuple[int, int, str]] = field(default_factory=list)
    additions: list[tuple[str, str]] = field(default_factory=list)  # (field name, value text)

    def replace(self, f: FieldSpan, new_value: str) -> None:
        """Replace a field's value, keeping the enclosing it was written with."""
        self.replacements.append((f.value_start, f.value_end, enclose_like(f.raw, new_value)))

    def add(self, name: str, value: str) -> None:
        """Add a field after the last one, in the style of the entry's other fields."""
        self.additions.append((name, value))

    def result(self) -> str:
        """The entry's new text with every replacement and addition applied."""
        text = self.span.text(self.whole)
        for start, end, new in sorted(self.replacements, reverse=True):
            text = text[:start] + new + text[end:]
        if self.additions:
            text = self._insert(text)
        return text

    def _style(self) -> tuple[str | None, str, str, bool, int | None]:
        """Indent (None when fields follow the header on its line), separator, enclosing,
        upper-case keys and value column the entry's fields use."""
        fields = self.span.fields
        entry_text = self.span.text(self.whole)
        if not fields:
            return "  ", " = ", "{", False, None
        first = fields[0]
        line_start = entry_text.rfind("\n", 0, first.key_start) + 1
        before = entry_text[line_start : first.key_start]
        # None: the first field shares the header's line, so new fields go inline too.
        indent = before if before.strip() == "" and line_start > 0 else None
        separator = entry_text[first.key_start + len(first.name) : first.value_start]
        quoted = sum(1 for f in fields if f.raw.startswith('"'))
        enclosing = '"' if quoted > len(fields) - quoted else "{"
        upper = sum(1 for f in fields if f.name.isupper()) > len(fields) // 2
        columns = {f.value_start - f.key_start for f in fields}
        lengths = {len(f.name) for f in fields}
        # Values start at one column although keys differ in length: the user aligns them.
        column = columns.pop() if len(columns) == 1 and len(lengths) > 1 else None
        return indent, separator, enclosing, upper, column

    def _insert(self, text: str) -> str:
        indent, separator, enclosing, upper, column = self._style()
        newline = "\r\n" if "\r\n" in text else "\n"
        new_fields = []
        for name, value in self.additions:
            shown = name.upper() if upper else name
            if enclosing == '"' and '"' not in value:
                enclosed = '"' + value + '"'
            else:
                enclosed = "{" + value + "}"
            sep = separator
            if column is not None:
                tail = separator.lstrip()
                sep = " " * max(1, column - len(shown) - len(tail)) + tail
            new_fields.append(f"{shown}{sep}{enclosed}")
        joiner = ("," + newline + indent) if indent is not None else ", "
        if self.span.fields:
            last_end = self.span.fields[-1].value_end
            trailing = re.match(r"\s*,", text[last_end:])
            if trailing:
                at = last_end + trailing.end()
                lead = (newline + indent) if indent is not None else " "
                insertion = lead + joiner.join(new_fields) + ","
            else:
                at = last_end
                insertion = joiner + joiner.join(new_fields)
            return text[:at] + insertion + text[at:]
        # An entry with no fields: put them before the closing brace.
        close = len(text.rstrip()) - 1
        body = text[:close].rstrip()
        sep = "" if body.endswith(",") else ","
        return body + sep + newline + "  " + joiner.join(new_fields) + newline + text[close:]


__all__ = [
    "EntryEdit",
    "EntrySpan",
    "FieldSpan",
    "enclose_like",
    "line_starts",
    "locate",
    "unenclosed",
]
