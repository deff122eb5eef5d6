"""`library show`: one work's record, every citation of it with its verdict per run, its history."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from veribib.errors import ConfigError
from veribib.library.rows import work_from_json
from veribib.library.state import citations_of, document_runs, latest_documents
from veribib.model import Work
from veribib.store import Store
from veribib.store.tables import ReferenceRow, WorkCheckRow, WorkRow

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_KEY_KINDS = ("doi:", "pmid:", "arxiv:", "trial:", "record:", "cited:")


@dataclass(frozen=True, slots=True)
class RunVerdict:
    """The verdict one run gave a citation."""

    run_id: int
    checked_at: str
    verdict: str | None
    flags: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class CitationHistory:
    """One citation of a work in one document, as it was written and judged over the runs."""

    document: str
    origin: str  # file:line of the latest check that has it
    key: str | None
    raw_text: str
    current: bool  # still in the document's latest check
    verdicts: tuple[RunVerdict, ...]


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """What one check (a run or a recheck) learnt about the work."""

    kind: str
    run_id: int | None
    checked_at: str
    verdict: str
    flags: tuple[str, ...]
    evidence: tuple[str, ...]
    changes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WorkDetail:
    """Everything the library knows about one work."""

    id: int
    key: str
    doi: str | None
    pmid: str | None
    title: str | None
    authors: str
    year: int | None
    container: str | None
    verdict: str
    flags: tuple[str, ...]
    first_seen: str
    last_checked: str
    record: Work | None
    citations: tuple[CitationHistory, ...]
    history: tuple[CheckEntry, ...]


def _find(session: Session, ident: str) -> list[WorkRow]:
    """Works named by a DOI, PMID, arXiv id, work key or citation key (as cited)."""
    text = ident.strip()
    doi = _DOI_PREFIX.sub("", text).lower()
    if doi.startswith("10."):
        return list(
            session.exec(
                select(WorkRow).where((WorkRow.doi == doi) | (WorkRow.key == "doi:" + doi))
            ).all()
        )
    pmid = text.lower().removeprefix("pmid:").strip()
    if pmid.isdigit():
        return list(
            session.exec(
                select(WorkRow).where((WorkRow.pmid == pmid) | (WorkRow.key == "pmid:" + pmid))
            ).all()
        )
    if text.lower().startswith(_KEY_KINDS):
        return list(session.exec(select(WorkRow).where(WorkRow.key == text)).all())
    ids = session.exec(
        select(ReferenceRow.work_id)
        .where(ReferenceRow.key == text, col(ReferenceRow.work_id).is_not(None))
        .distinct()
    ).all()
    return list(session.exec(select(WorkRow).where(col(WorkRow.id).in_(ids))).all())


def _citations(store: Store, work_id: int) -> tuple[CitationHistory, ...]:
    """Every citation of the work, grouped by document and text, oldest run first."""
    current = {doc.id for doc, _ in latest_documents(store)}
    groups: dict[tuple[str, str], list[Any]] = {}
    for c in citations_of(store, document_runs(store), [work_id]):
        groups.setdefault((c.document.path, c.reference.raw_text), []).append(c)
    out = []
    for (path, raw), items in groups.items():
        last = items[-1]
        out.append(
            CitationHistory(
                document=path,
                origin=f"{last.reference.origin_file}:{last.reference.origin_line}"
                if last.reference.origin_line is not None
                else last.reference.origin_file,
                key=last.reference.key,
                raw_text=raw,
                current=any(c.document.id in current for c in items),
                verdicts=tuple(
                    RunVerdict(
                        run_id=c.run.id,
                        checked_at=c.run.started_at,
                        verdict=c.verdict.verdict if c.verdict else None,
                        flags=tuple(json.loads(c.verdict.flags)) if c.verdict else (),
                        reason=_reason(c.verdict.judgement) if c.verdict else "",
                    )
                    for c in items
                ),
            )
        )
    return tuple(sorted(out, key=lambda c: (not c.current, c.document, c.origin)))


def _reason(judgement_json: str) -> str:
    """The first evidence message of a stored judgement."""
    evidence = json.loads(judgement_json).get("evidence") or []
    return str(evidence[0].get("message", "")) if evidence else ""


def _history(session: Session, work_id: int) -> tuple[CheckEntry, ...]:
    rows = session.exec(
        select(WorkCheckRow)
        .where(WorkCheckRow.work_id == work_id)
        .order_by(col(WorkCheckRow.checked_at), col(WorkCheckRow.id))
    ).all()
    return tuple(
        CheckEntry(
            kind=r.kind,
            run_id=r.run_id,
            checked_at=r.checked_at,
            verdict=r.verdict,
            flags=tuple(json.loads(r.flags)),
            evidence=tuple(e["message"] for e in json.loads(r.evidence)),
            changes=tuple(c["message"] for c in json.loads(r.changes)),
        )
        for r in rows
    )


def show_work(store: Store, ident: str) -> list[WorkDetail]:
    """The works a DOI, PMID, arXiv id, work key or citation key names (usually one).

    Raises ConfigError when the library has no such work.
    """
    with Session(store.engine) as session:
        rows = _find(session, ident)
        histories = {r.id: _history(session, r.id) for r in rows if r.id is not None}
    if not rows:
        raise ConfigError(f"{ident}: no such work in the library (try `veribib library list`)")
    out = []
    for row in rows:
        assert row.id is not None
        out.append(
            WorkDetail(
                id=row.id,
                key=row.key,
                doi=row.doi,
                pmid=row.pmid,
                title=row.title,
                authors=row.authors,
                year=row.year,
                container=row.container,
                verdict=row.verdict,
                flags=tuple(json.loads(row.flags)),
                first_seen=row.first_seen,
                last_checked=row.checked_at,
                record=work_from_json(row.record),
                citations=_citations(store, row.id),
                history=histories[row.id],
            )
        )
    return out


__all__ = ["CheckEntry", "CitationHistory", "RunVerdict", "WorkDetail", "show_work"]
