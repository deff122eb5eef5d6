"""Cleaned BibTeX: the user's file with DOIs added, errors corrected and fabrications moved out.

Works on the original text: bibtexparser finds each block and field, and only the spans of
entries that change are rewritten, so every other byte (comments, @string, @preamble, unknown
entry types and fields, spacing, key order) is kept exactly. Corrections keep each entry's own
style: the enclosing of the value replaced, the indentation and ``key = value`` spacing of its
other fields, and whether it ends its last field with a comma.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bibtexparser.entrypoint import parse_string
from bibtexparser.model import Entry

from veribib.errors import ExportError
from veribib.export.atomic import same_file
from veribib.export.bibtex_files import (
    changes_path,
    fabricated_path,
    read_text,
    verified_backup,
    write_text,
)
from veribib.export.bibtex_fresh import fresh_bibtex
from veribib.export.bibtex_result import Change, ExportResult, changes_report
from veribib.export.bibtex_spans import (
    EntryEdit,
    EntrySpan,
    FieldSpan,
    line_starts,
    locate,
    unenclosed,
)
from veribib.export.bibtex_values import (
    BIB_FIELDS,
    bib_value,
    latex_to_text,
    safe_doi,
    strip_controls,
)
from veribib.export.common import (
    clip,
    corrections,
    doi_to_add,
    same_value,
    work_label,
)
from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.model import Flag, Verdict

Fabricated = Literal["separate", "comment"]


def _current(span: EntrySpan, names: Sequence[str]) -> tuple[FieldSpan | None, str | None]:
    f = span.find(names)
    return f, (latex_to_text(unenclosed(f.raw)) if f is not None else None)


_ISO_DATE = re.compile(r"^\s*(\d{4})((?:-\d{2}){0,2})\s*$")


def _edit_entry(
    span: EntrySpan, whole: str, checked: CheckedReference, ascii_only: bool
) -> tuple[str | None, list[Change], list[str]]:
    """The entry's new text (None: unchanged), the changes made and notes on fields left alone."""
    key = span.entry.key
    j = checked.judgement
    edit = EntryEdit(span, whole)
    changes: list[Change] = []
    notes: list[str] = []
    source = j.match.source if j.match is not None else "the registry"
    if j.verdict is Verdict.INACCURATE and j.suggestion is not None:
        for c in corrections(checked):
            f, current = _current(span, BIB_FIELDS[c.field])
            new = bib_value(j.suggestion, c.field, ascii_only)
            if new is None:
                continue
            if f is None:
                notes.append(
                    f"{key}: {c.field} looks wrong ({c.cited!r} vs {c.found!r}) but "
                    "the entry has no such field to correct"
                )
                continue
            if f.name.lower() == "date" and c.field == "year":
                # A BibLaTeX date (ISO 8601: 2019, 2019-05, 2019-05-03) gets the record's
                # year in place of its own; a range or free text is left for a person.
                m = _ISO_DATE.match(current or "")
                if m is None or new is None or not new.isdigit():
                    notes.append(
                        f"{key}: date {current!r} disagrees with the record's year "
                        f"{c.found}; left for you to check"
                    )
                    continue
                new = new + m.group(2)
            if same_value(current, c.found):
                continue
            edit.replace(f, new)
            sim = (
                f", similarity {c.similarity:.2f}"
                if c.similarity is not None and c.field in ("title", "container", "authors")
                else ""
            )
            why = f"inaccurate: {source} record has {clip(c.found, 80)!r}{sim}"
            changes.append(Change(key, "correct", f.name, unenclosed(f.raw), new, why))
    offered = doi_to_add(checked)
    doi = safe_doi(offered)
    if offered is not None and doi is None:
        notes.append(f"{key}: the registry's DOI {offered!r} is not a valid DOI; not written")
    if doi is not None:
        f, current = _current(span, ("doi",))
        why = (
            f"verified against {source}"
            if j.verdict is Verdict.VERIFIED
            else f"inaccurate: the cited work is {doi} per {source}"
        )
        if f is None:
            edit.add("doi", doi)
            changes.append(Change(key, "add", "doi", None, doi, why))
        elif (current or "").lower().removeprefix("https://doi.org/") != doi.lower():
            edit.replace(f, doi)
            changes.append(Change(key, "correct", f.name, unenclosed(f.raw), doi, why))
    if not changes:
        return None, [], notes
    return edit.result(), changes, notes


# --- fabricated entries ---------------------------------------------------------------------


def _safe_comment(text: str, ascii_only: bool = False) -> str:
    """Text for a %-comment line: one line, no "@" (BibTeX would start an entry there), and
    ASCII when the file is (accents folded)."""
    text = " ".join(strip_controls(text).replace("@", "(at)").replace("…", "...").split())
    if ascii_only:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text


def _fabricated_reason(checked: CheckedReference) -> str:
    j = checked.judgement
    reason = j.reason or "no such work was found"
    if j.likely_source is not None:
        reason += f"; likely source: {work_label(j.likely_source, 80)}"
    return reason


def _commented_out(entry_text: str, reason: str, newline: str, ascii_only: bool) -> str:
    """An entry turned into %-comments that neither BibTeX nor bibtexparser will read back."""
    body = entry_text.replace("@", "", 1).replace("@", "(at)")
    lines = [
        f"% veribib: fabricated: {_safe_comment(reason, ascii_only)}",
        '% Commented out. To restore it, delete the "% " before each line and put an at-sign '
        "back before the entry type.",
    ]
    lines.extend("% " + line if line else "%" for line in body.split(newline))
    return newline.join(lines)


# --- the whole file -------------------------------------------------------------------------


def _references_by_entry(
    doc: CheckedDocument,
) -> tuple[dict[tuple[str, int], int], dict[str, list[int]]]:
    """Positions in ``doc.references`` by (key, line) and by key (a large run's references
    stay on disk until their entry is cleaned)."""
    by_key_line: dict[tuple[str, int], int] = {}
    by_key: dict[str, list[int]] = {}
    for i, c in enumerate(doc.references):
        key = c.reference.raw.key
        if not key:
            continue
        if c.reference.origin.line is not None:
            by_key_line[(key, c.reference.origin.line)] = i
        by_key.setdefault(key, []).append(i)
    return by_key_line, by_key


def _match(
    entry: Entry,
    references: Sequence[CheckedReference],
    by_key_line: dict[tuple[str, int], int],
    by_key: dict[str, list[int]],
) -> CheckedReference | None:
    """The checked reference for an entry: by key and 1-based line, else by key if unique."""
    if entry.start_line is not None:
        hit = by_key_line.get((entry.key, entry.start_line + 1))
        if hit is not None:
            return references[hit]
    candidates = by_key.get(entry.key, [])
    return references[candidates[0]] if len(candidates) == 1 else None


@dataclass
class CleanedText:
    """The cleaned text of a .bib and what was done to it (before any file is written)."""

    text: str
    changes: list[Change]
    fabricated: list[str]  # entry texts moved out, each with its comment header
    notes: list[str]
    entries: int
    untouched: int


def clean_bibtex_text(
    text: str, doc: CheckedDocument, fabricated: Fabricated, fabricated_name: str
) -> CleanedText:
    """The cleaned text of a BibTeX file whose references ``doc`` holds (no files touched)."""
    library = parse_string(text, parse_stack=[])
    starts = line_starts(text)
    ascii_only = text.isascii()
    newline = "\r\n" if "\r\n" in text else "\n"
    by_key_line, by_key = _references_by_entry(doc)
    pieces: list[str] = []
    cursor = 0
    changes: list[Change] = []
    moved: list[str] = []
    notes: list[str] = []
    entries = untouched = 0
    for block in library.blocks:
        if not isinstance(block, Entry):
            continue
        entries += 1
        checked = _match(block, doc.references, by_key_line, by_key)
        if checked is None:
            untouched += 1
            notes.append(f"{block.key}: not among the checked references; left as it was")
            continue
        span = locate(text, block, starts)
        if span is None:
            untouched += 1
            notes.append(f"{block.key}: could not be located exactly in the file; left as it was")
            continue
        verdict = checked.judgement.verdict
        new_text: str | None = None
        if verdict is Verdict.FABRICATED:
            reason = _fabricated_reason(checked)
            if fabricated == "separate":
                moved.append(
                    f"% {block.key}: {_safe_comment(reason, ascii_only)}{newline}{span.text(text)}"
                )
                short = clip(checked.judgement.reason or "fabricated", 120)
                new_text = (
                    f"% veribib: entry {block.key} moved to {fabricated_name}: "
                    f"{_safe_comment(short, ascii_only)}"
                )
                changes.append(Change(block.key, "move", None, None, fabricated_name, reason))
            else:
                new_text = _commented_out(span.text(text), reason, newline, ascii_only)
                changes.append(Change(block.key, "comment", None, None, None, reason))
        else:
            new_text, entry_changes, entry_notes = _edit_entry(span, text, checked, ascii_only)
            changes.extend(entry_changes)
            notes.extend(entry_notes)
            if verdict is Verdict.UNRESOLVED:
                notes.append(
                    f"{block.key}: unresolved ({checked.judgement.reason or 'not found'})"
                    "; left as it was"
                )
        flags = checked.judgement.flags
        if Flag.RETRACTED in flags or Flag.EXPRESSION_OF_CONCERN in flags:
            which = "retracted" if Flag.RETRACTED in flags else "has an expression of concern"
            notes.append(f"{block.key}: the work {which}; check before citing it")
        if new_text is None:
            untouched += 1
            continue
        pieces.append(text[cursor : span.start])
        pieces.append(new_text)
        cursor = span.end
    pieces.append(text[cursor:])
    return CleanedText("".join(pieces), changes, moved, notes, entries, untouched)


def document_for(report: Report, input_path: Path) -> CheckedDocument:
    """The checked document read from ``input_path`` (ExportError if the report has none)."""
    wanted = input_path.resolve()
    for doc in report.documents:
        try:
            if Path(doc.document.path).resolve() == wanted:
                return doc
        except OSError:
            continue
    if len(report.documents) == 1:
        return report.documents[0]
    raise ExportError(f"{input_path}: not among the inputs of this report")


def _guard_output(output: Path, input_path: Path, force: bool) -> Path | None:
    """Refuse to write over the input; an existing output needs ``force`` and is backed up first.

    Returns the backup made of an existing output (None when there was nothing to keep).
    """
    if same_file(output, input_path):
        raise ExportError(f"{output}: that is the input; pass in_place to overwrite it")
    if not (output.exists() or output.is_symlink()):
        return None
    if not force:
        raise ExportError(
            f"{output}: already exists; pass --force to replace it (a backup is kept)"
        )
    return verified_backup(output)


def clean_bibtex_file(
    report: Report,
    input_path: Path,
    output: Path,
    *,
    fabricated: Fabricated = "separate",
    in_place: bool = False,
    force: bool = False,
) -> ExportResult:
    """Write the cleaned copy of a BibTeX input (see the module docstring for what changes)."""
    doc = document_for(report, input_path)
    target = input_path if in_place else output
    original = read_text(input_path)
    fab_file = fabricated_path(target)
    ch_file = changes_path(target)
    for derived in (fab_file, ch_file):
        if same_file(derived, input_path):
            raise ExportError(f"{derived}: would overwrite the input; choose another output name")
    cleaned = clean_bibtex_text(original, doc, fabricated, fab_file.name)
    # Every check passes before the first byte is written: a refusal leaves no file changed.
    backup = verified_backup(input_path) if in_place else _guard_output(output, input_path, force)
    write_text(target, cleaned.text)
    written_fab = None
    if cleaned.fabricated:
        header = (
            f"% Entries of {input_path.name} that veribib judged fabricated (no such work found)."
            "\n% Each is preceded by the reason. Check them before citing anything here.\n\n"
        )
        write_text(fab_file, header + "\n\n".join(cleaned.fabricated) + "\n")
        written_fab = fab_file
    write_text(
        ch_file,
        changes_report(
            original, cleaned.text, str(input_path), str(target), cleaned.changes, cleaned.notes
        ),
    )
    moved = sum(1 for c in cleaned.changes if c.action == "move")
    return ExportResult(
        output=target,
        changes_file=ch_file,
        changes=tuple(cleaned.changes),
        fabricated_file=written_fab,
        backup=backup,
        entries=cleaned.entries - moved,
        untouched=cleaned.untouched,
        notes=tuple(cleaned.notes),
    )


def _is_bibtex(doc: CheckedDocument, input_path: Path) -> bool:
    if doc.document.format == "bibtex":
        return True
    return not doc.document.format and input_path.suffix.lower() in (".bib", ".bibtex")


def write_fresh_bibtex(
    report: Report, input_path: Path, output: Path, *, force: bool = False
) -> ExportResult:
    """Write new BibTeX for a non-BibTeX input's references (see ``bibtex_fresh``)."""
    doc = document_for(report, input_path)
    if same_file(output, input_path):
        raise ExportError(f"{output}: that is the input; write the BibTeX somewhere else")
    text, changes, written = fresh_bibtex(doc)
    ch_file = changes_path(output)
    backup = _guard_output(output, input_path, force)
    write_text(output, text)
    notes = [
        f"{c.reference.raw.key or c.reference.id}: unresolved "
        f"({c.judgement.reason or 'not found'}); written as cited from {c.reference.origin}"
        for c in doc.references
        if c.judgement.verdict is Verdict.UNRESOLVED
    ]
    write_text(ch_file, changes_report(None, text, str(input_path), str(output), changes, notes))
    return ExportResult(
        output=output,
        changes_file=ch_file,
        changes=tuple(changes),
        backup=backup,
        entries=written,
        notes=tuple(notes),
    )


def export_bibtex(
    report: Report,
    input_path: Path,
    output: Path,
    *,
    fabricated: Fabricated = "separate",
    in_place: bool = False,
    force: bool = False,
) -> ExportResult:
    """BibTeX out of a checked input: the cleaned .bib for a BibTeX input, fresh BibTeX else.

    A BibTeX input keeps every untouched entry byte for byte; verified entries get missing
    DOIs, inaccurate ones their corrected fields, unresolved ones stay as they are, and
    fabricated ones move to ``<output stem>.fabricated.bib`` (or are commented out in place
    with ``fabricated="comment"``). Every change is listed in ``<output>.changes.txt``. The
    input is overwritten only with ``in_place`` (then ``output`` is not used and a backup
    ``<input>.bak`` is kept). An existing ``output`` is replaced only with ``force``, after a
    verified backup of it; every file is written atomically (``atomic``).
    """
    if fabricated not in ("separate", "comment"):
        raise ExportError(f"fabricated={fabricated!r}: choose 'separate' or 'comment'")
    doc = document_for(report, input_path)
    if doc.error:
        raise ExportError(f"{input_path}: could not be read, nothing to export ({doc.error})")
    if _is_bibtex(doc, input_path):
        return clean_bibtex_file(
            report, input_path, output, fabricated=fabricated, in_place=in_place, force=force
        )
    if in_place:
        raise ExportError(f"{input_path}: is not BibTeX; in_place only applies to .bib inputs")
    return write_fresh_bibtex(report, input_path, output, force=force)


__all__ = [
    "Change",
    "ExportResult",
    "clean_bibtex_file",
    "clean_bibtex_text",
    "document_for",
    "export_bibtex",
    "write_fresh_bibtex",
]
