"""`library export`: the cleaned library — verified and corrected works — as BibTeX or CSL-JSON.

Each work is written once, from its registry record (a field the record lacks is filled from
a citation of it; the same rules as `veribib export`). Fabricated works are listed apart in
``<output>.fabricated.txt`` with where they are cited; unresolved works are left out (they
could not be checked) and counted. Files are written atomically: a temporary file beside the
target, then renamed over it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from bibtexparser.entrypoint import parse_string, write_string
from bibtexparser.model import Field
from bibtexparser.writer import BibtexFormat

from veribib.errors import ConfigError, ExportError
from veribib.export.bibtex_fresh import best_fields, fresh_bibtex
from veribib.export.bibtex_values import make_key
from veribib.export.csl_json import csl_item
from veribib.export.interface import CheckedDocument, CheckedReference
from veribib.library.listing import WorkSummary, list_works
from veribib.library.rows import judgement_from_json, reference_from_row, work_from_json
from veribib.library.state import Citation, citations_of, latest_documents, works_by_id
from veribib.model import Document, Flag, Verdict
from veribib.store import Store

RETRACTED = Flag.RETRACTED.value
FORMATS = {".bib": "bibtex", ".bibtex": "bibtex", ".json": "csl-json"}


@dataclass(frozen=True, slots=True)
class LibraryExport:
    """What `library export` wrote."""

    output: Path
    format: str
    written: int  # verified and corrected works
    fabricated: int
    unresolved: int  # left out
    fabricated_file: Path | None

    def __str__(self) -> str:
        lines = [
            f"wrote {self.output}: {self.written} works ({self.format}); "
            f"{self.unresolved} unresolved left out"
        ]
        if self.fabricated_file is not None:
            lines.append(f"{self.fabricated} fabricated listed in {self.fabricated_file}")
        return "\n".join(lines)


def write_atomically(path: Path, text: str) -> None:
    """Write a text file so that readers see the old file or the new one, never half of one."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _representatives(store: Store, works: list[WorkSummary]) -> dict[int, Citation]:
    """One current citation per work: the first with the work's verdict (else any)."""
    wanted = {w.id: w.verdict for w in works}
    chosen: dict[int, Citation] = {}
    for c in citations_of(store, latest_documents(store), wanted):
        work_id = c.reference.work_id
        if work_id is None or c.verdict is None:
            continue
        if work_id not in chosen or (
            chosen[work_id].verdict is not None
            and chosen[work_id].verdict.verdict != wanted[work_id]  # type: ignore[union-attr]
            and c.verdict.verdict == wanted[work_id]
        ):
            chosen[work_id] = c
    return chosen


def _checked(store: Store, works: list[WorkSummary]) -> list[tuple[WorkSummary, CheckedReference]]:
    """Each work with a checked citation of it, judged with the work's latest record."""
    reps = _representatives(store, works)
    rows = works_by_id(store, reps)
    out = []
    for w in works:
        c = reps.get(w.id)
        if c is None or c.verdict is None:
            continue
        judgement = judgement_from_json(c.verdict.judgement)
        record = work_from_json(rows[w.id].record)
        if record is not None and judgement.verdict in (Verdict.VERIFIED, Verdict.INACCURATE):
            judgement = replace(judgement, match=record)
        reference = reference_from_row(c.reference, c.document.format)
        out.append((w, CheckedReference(reference, judgement)))
    return out


def _mark_retracted(text: str, works: list[WorkSummary]) -> str:
    """The BibTeX with a ``note`` on each entry of a retracted work (entries are in order)."""
    if not any(RETRACTED in w.flags for w in works):
        return text
    library = parse_string(text)
    for entry, work in zip(library.entries, works, strict=True):
        if RETRACTED in work.flags:
            old = entry.fields_dict.get("note")
            entry.set_field(Field("note", f"{old.value}; Retracted" if old else "Retracted"))
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]  # bibtexparser leaves it unannotated
    fmt.indent = "  "
    fmt.trailing_comma = True
    return str(write_string(library, bibtex_format=fmt))


def _fabricated_list(store: Store, works: list[WorkSummary]) -> str:
    lines = ["# Fabricated works in the library: cited, but no such work exists (veribib)."]
    reps = _representatives(store, works)
    for w in works:
        c = reps.get(w.id)
        reason = judgement_from_json(c.verdict.judgement).reason if c and c.verdict else ""
        lines.append("")
        lines.append(c.reference.raw_text if c else (w.title or w.key))
        lines.append(f"  cited in: {', '.join(w.documents)}")
        if reason:
            lines.append(f"  why: {reason}")
    return "\n".join(lines) + "\n"


def export_library(store: Store, output: Path) -> LibraryExport:
    """Write the cleaned library to ``output`` (.bib: BibTeX; .json: CSL-JSON)."""
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise ConfigError(f"{output}: give a .bib or .json file name")
    works = list_works(store)
    clean = [w for w in works if w.verdict in (Verdict.VERIFIED.value, Verdict.INACCURATE.value)]
    fabricated = [w for w in works if w.verdict == Verdict.FABRICATED.value]
    checked = _checked(store, clean)
    if fmt == "bibtex":
        document = CheckedDocument(
            Document("the veribib library", "library", ()), tuple(c for _, c in checked)
        )
        text, _changes, _written = fresh_bibtex(document)
        text = _mark_retracted(text, [w for w, _ in checked])
    else:
        taken: set[str] = set()
        items = []
        for work, ref in checked:
            fields = best_fields(ref)
            j = ref.judgement
            doi = (
                j.suggested_doi
                or (j.match.doi if j.match else None)
                or ref.reference.identifiers.doi
            )
            note = "Retracted" if RETRACTED in work.flags else None
            items.append(csl_item(fields, make_key(fields, taken), doi, note))
        text = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    write_atomically(output, text)
    apart = None
    if fabricated:
        apart = output.with_name(output.name + ".fabricated.txt")
        write_atomically(apart, _fabricated_list(store, fabricated))
    return LibraryExport(
        output=output,
        format=fmt,
        written=len(checked),
        fabricated=len(fabricated),
        unresolved=sum(1 for w in works if w.verdict == Verdict.UNRESOLVED.value),
        fabricated_file=apart,
    )


__all__ = ["FORMATS", "LibraryExport", "export_library", "write_atomically"]
