"""What the library holds now (or held at a time): each document's latest check and its citations.

A document is known by the path it was checked under. Its state at a time is its latest run
that finished by then; the citations of the library are those of every document's state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from veribib.errors import ConfigError
from veribib.store import Store
from veribib.store.db import WRITE_CHUNK
from veribib.store.tables import DocumentRow, ReferenceRow, RunRow, VerdictRow, WorkRow


@dataclass(frozen=True, slots=True)
class Citation:
    """One reference of a checked document with the verdict its run gave it."""

    document: DocumentRow
    run: RunRow
    reference: ReferenceRow
    verdict: VerdictRow | None


def same_path(stored: str, given: str) -> bool:
    """True when a stored document path and a path the user gave name the same file."""
    if stored == given:
        return True
    try:
        return Path(stored).resolve() == Path(given).resolve()
    except (OSError, RuntimeError):
        return False


def document_runs(store: Store, path: str | None = None) -> list[tuple[DocumentRow, RunRow]]:
    """Every readable document of every finished run (of one path when given), oldest first."""
    with Session(store.engine) as session:
        rows = session.exec(
            select(DocumentRow, RunRow)
            .join(RunRow, col(RunRow.id) == DocumentRow.run_id)
            .where(RunRow.status == "done", col(DocumentRow.error).is_(None))
            .order_by(col(RunRow.id))
        ).all()
    return [(d, r) for d, r in rows if path is None or same_path(d.path, path)]


def latest_documents(
    store: Store, path: str | None = None, at: str | None = None
) -> list[tuple[DocumentRow, RunRow]]:
    """Each document's latest check (finished at or before ``at``, an ISO time, when given)."""
    latest: dict[str, tuple[DocumentRow, RunRow]] = {}
    for doc, run in document_runs(store, path):
        if at is not None and (run.finished_at or run.started_at) > at:
            continue
        latest[doc.path] = (doc, run)
    return sorted(latest.values(), key=lambda pair: pair[0].path)


def citations_of(
    store: Store, documents: Sequence[tuple[DocumentRow, RunRow]], work_ids: Iterable[int] = ()
) -> list[Citation]:
    """The references of these documents (only those citing ``work_ids`` when given), in order."""
    wanted = set(work_ids)
    by_id = {doc.id: (doc, run) for doc, run in documents}
    ids = [i for i in by_id if i is not None]
    out: list[Citation] = []
    with Session(store.engine) as session:
        for start in range(0, len(ids), WRITE_CHUNK):
            chunk = ids[start : start + WRITE_CHUNK]
            query = (
                select(ReferenceRow, VerdictRow)
                # A reference's verdict may be an earlier run's identical one (schema 3).
                .join(VerdictRow, col(VerdictRow.id) == ReferenceRow.verdict_id, isouter=True)
                .where(col(ReferenceRow.document_id).in_(chunk))
                .order_by(col(ReferenceRow.id))
            )
            if wanted:
                query = query.where(col(ReferenceRow.work_id).in_(wanted))
            for ref, verdict in session.exec(query).all():
                doc, run = by_id[ref.document_id]
                out.append(Citation(doc, run, ref, verdict))
    return out


def works_by_id(store: Store, ids: Iterable[int]) -> dict[int, WorkRow]:
    """Work rows by id."""
    wanted = list(dict.fromkeys(ids))
    out: dict[int, WorkRow] = {}
    with Session(store.engine) as session:
        for start in range(0, len(wanted), WRITE_CHUNK):
            chunk = wanted[start : start + WRITE_CHUNK]
            for row in session.exec(select(WorkRow).where(col(WorkRow.id).in_(chunk))).all():
                assert row.id is not None
                out[row.id] = row
    return out


def since_time(value: str) -> str:
    """A ``--since`` date or time (ISO 8601, e.g. 2026-12-01) as a comparable ISO UTC string."""
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(
            f"--since {value!r}: give a date or time like 2026-12-01 or 2026-12-01T09:30"
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


__all__ = [
    "Citation",
    "citations_of",
    "document_runs",
    "latest_documents",
    "same_path",
    "since_time",
    "works_by_id",
]
