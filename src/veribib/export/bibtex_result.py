"""What the BibTeX export hands back and writes beside its output: the changes made."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass(frozen=True, slots=True)
class Change:
    """One change made to the BibTeX: which entry, which field, old and new value, and why."""

    key: str
    action: Literal["add", "correct", "move", "comment", "omit", "write"]
    field: str | None = None
    old: str | None = None
    new: str | None = None
    reason: str = ""

    def __str__(self) -> str:
        if self.action == "move":
            return f"{self.key}: moved to {self.new} ({self.reason})"
        if self.action == "comment":
            return f"{self.key}: commented out ({self.reason})"
        if self.action == "write":
            return f"{self.key}: written from {self.new} ({self.reason})"
        if self.action == "omit":
            return f"{self.key}: left out ({self.reason})"
        old = "(none)" if self.old is None else self.old
        return f"{self.key}: {self.field} {old} → {self.new} ({self.reason})"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What ``export_bibtex`` wrote and changed; ``str()`` is a short summary for people."""

    output: Path
    changes_file: Path
    changes: tuple[Change, ...]
    fabricated_file: Path | None = None
    backup: Path | None = None
    entries: int = 0  # entries (or works) written
    untouched: int = 0  # entries left byte-for-byte as they were
    notes: tuple[str, ...] = field(default=())  # things left alone that deserve a look

    def __str__(self) -> str:
        written = [c for c in self.changes if c.action == "write"]
        if written:
            return self._fresh_summary(written)
        doi = sum(1 for c in self.changes if c.action == "add" and c.field == "doi")
        fixed = len({c.key for c in self.changes if c.action == "correct"})
        gone = sum(1 for c in self.changes if c.action in ("move", "comment", "omit"))
        lines = [
            f"wrote {self.output}: {self.entries} entries, {doi} DOI(s) added, "
            f"{fixed} entr{'y' if fixed == 1 else 'ies'} corrected, {gone} fabricated set aside",
            f"changes listed in {self.changes_file}",
        ]
        if self.fabricated_file is not None:
            lines.append(f"fabricated entries in {self.fabricated_file}")
        if self.backup is not None:
            lines.append(f"backup of the replaced file in {self.backup}")
        return "\n".join(lines)

    def _fresh_summary(self, written: list[Change]) -> str:
        as_cited = sum(1 for c in written if c.new == "the fields as cited")
        left_out = sum(1 for c in self.changes if c.action == "omit")
        return (
            f"wrote {self.output}: {len(written)} entries "
            f"({len(written) - as_cited} from registry records, {as_cited} as cited), "
            f"{left_out} fabricated left out\nchanges listed in {self.changes_file}"
        )


def changes_report(
    original: str | None,
    cleaned: str,
    input_name: str,
    output_name: str,
    changes: Sequence[Change],
    notes: Sequence[str],
) -> str:
    """The change file: the list of changes, what was left alone, then a unified diff of
    ``original`` and ``cleaned`` (no diff when there is no original, e.g. fresh BibTeX)."""
    out = [f"veribib: changes from {input_name} to {output_name}", ""]
    out.append(f"Changes ({len(changes)}):")
    out.extend(f"  {c}" for c in changes)
    if not changes:
        out.append("  (none)")
    if notes:
        out += ["", "Left as they were, worth a look:"]
        out.extend(f"  {n}" for n in notes)
    if original is None:
        return "\n".join(out) + "\n"
    diff = difflib.unified_diff(
        original.splitlines(keepends=True),
        cleaned.splitlines(keepends=True),
        fromfile=input_name,
        tofile=output_name,
    )
    out += ["", "Unified diff:", ""]
    return "\n".join(out) + "\n" + "".join(diff)


__all__ = ["Change", "ExportResult", "changes_report"]
