"""Works: which real work each judged reference cites, so one paper cited five ways is one row.

A reference is linked to a work once judged. Its identity, strongest first: the DOI of the
registry record matched (verified or inaccurate), else the cited DOI, PMID, arXiv id or trial
id (unless the citation is fabricated: a fabrication borrowing a real DOI is not that work),
else the matched record's title and year, else the author, year and title as cited.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from veribib.model import Flag, Judgement, Reference, Verdict, Work
from veribib.store.db import WRITE_CHUNK, Store, _dumps, guarded, now_iso, upsert_direct

if TYPE_CHECKING:
    from sqlmodel import Session

# Flags about the document (not the work) stay with the reference.
DOCUMENT_FLAGS = frozenset((Flag.DUPLICATE, Flag.UNCITED))
FOUND = (Verdict.VERIFIED, Verdict.INACCURATE)


def _squash(text: str | None) -> str:
    """Lower-case letters and digits only, accents removed: a comparable key of a text."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


def work_key(reference: Reference, judgement: Judgement) -> str:
    """The identity of the work a judged reference cites (see the module docstring)."""
    match = judgement.match if judgement.verdict in FOUND else None
    if match is not None and match.doi:
        return "doi:" + match.doi.lower()
    ids = reference.identifiers
    if judgement.verdict is not Verdict.FABRICATED:
        if ids.doi:
            return "doi:" + ids.doi.lower()
        if ids.pmid:
            return "pmid:" + ids.pmid
        if ids.arxiv:
            return "arxiv:" + ids.arxiv.lower()
        if ids.trials and not reference.fields.title:
            return "trial:" + ids.trials[0].id.upper()
    if match is not None:
        return f"record:{match.source}:{match.fields.year}:{_squash(match.fields.title)[:120]}"
    f = reference.fields
    first = _squash(f.authors[0].family) if f.authors else ""
    title = _squash(f.title or reference.raw.text)[:120]
    return f"cited:{first}:{f.year or ''}:{title}"


def work_flags(judgement: Judgement) -> list[str]:
    """The judgement's flags about the work itself (not duplicate/uncited)."""
    return [f.value for f in judgement.flags if f not in DOCUMENT_FLAGS]


@dataclass(frozen=True, slots=True)
class _Seen:
    """One work as a run saw it: its identity, display fields and its citations' judgements."""

    key: str
    reference: Reference
    judgements: tuple[Judgement, ...]


def _display(seen: _Seen) -> dict[str, Any]:
    """The work row's values from the matched record (else from the citation)."""
    worst = max(seen.judgements, key=lambda j: j.verdict.severity)
    match: Work | None = next(
        (j.match for j in seen.judgements if j.verdict in FOUND and j.match is not None), None
    )
    fields = match.fields if match is not None else seen.reference.fields
    ids = seen.reference.identifiers
    flags = sorted({f for j in seen.judgements for f in work_flags(j)})
    return {
        "key": seen.key,
        "matched": match is not None,
        "doi": (match.doi if match is not None and match.doi else ids.doi)
        if worst.verdict is not Verdict.FABRICATED or match is not None
        else None,
        "pmid": ids.pmid,
        "arxiv": ids.arxiv,
        "title": fields.title or (None if match is not None else seen.reference.raw.text[:300]),
        "authors": "; ".join(p.family for p in fields.authors),
        "year": fields.year,
        "container": fields.container,
        "record": _dumps(match) if match else None,
        "verdict": worst.verdict.value,
        "flags": json.dumps(flags),
    }


def _evidence(judgements: Iterable[Judgement]) -> str:
    """The distinct evidence lines of these judgements, as JSON."""
    seen: dict[tuple[str, str], None] = {}
    for j in judgements:
        for e in j.evidence:
            seen.setdefault((e.code, e.message), None)
    return json.dumps([{"code": c, "message": m} for c, m in seen], ensure_ascii=False)


def _check_values(seen: _Seen, run_id: int, work_id: int, stamp: str) -> dict[str, Any]:
    """The work_check row of one work as this run saw it."""
    worst = max(seen.judgements, key=lambda j: j.verdict.severity)
    flags = sorted({f for j in seen.judgements for f in work_flags(j)})
    return {
        "work_id": work_id,
        "run_id": run_id,
        "kind": "check",
        "checked_at": stamp,
        "verdict": worst.verdict.value,
        "flags": json.dumps(flags),
        "evidence": _evidence(seen.judgements),
        "changes": "[]",
    }


def _key_chunks(keys: Sequence[str], groups: dict[str, list[int]]) -> Iterator[list[str]]:
    """The works a chunk at a time: up to WRITE_CHUNK works citing up to WRITE_CHUNK references
    between them (one work cited more often is a chunk of its own)."""
    chunk: list[str] = []
    cited = 0
    for key in keys:
        if chunk and (len(chunk) >= WRITE_CHUNK or cited + len(groups[key]) > WRITE_CHUNK):
            yield chunk
            chunk, cited = [], 0
        chunk.append(key)
        cited += len(groups[key])
    if chunk:
        yield chunk


def _seen(
    checked: Sequence[tuple[Reference, Judgement]],
    groups: dict[str, list[int]],
    keys: Sequence[str],
) -> tuple[list[_Seen], dict[str, list[str]]]:
    """These works as the run saw them, and the ids of the references citing each."""
    seen: list[_Seen] = []
    cited_by: dict[str, list[str]] = {}
    for key in keys:
        pairs = [checked[i] for i in groups[key]]
        seen.append(_Seen(key, pairs[0][0], tuple(j for _, j in pairs)))
        cited_by[key] = [ref.id for ref, _ in pairs]
    return seen, cited_by


@guarded
def save_works(
    store: Store, run_id: int, checked: Sequence[tuple[Reference, Judgement]]
) -> dict[str, int]:
    """Upsert the works a run's judged references cite, link each reference to its work and
    record what the run learnt about each work; returns reference id → work id."""
    # Positions only: a large run's references are read back a chunk of works at a time.
    groups: dict[str, list[int]] = {}
    for i, (ref, j) in enumerate(checked):
        groups.setdefault(work_key(ref, j), []).append(i)
    stamp = now_iso()
    links: dict[str, int] = {}
    keys = list(groups)
    db = store.direct()
    if db is None:
        _save_works_orm(store, run_id, checked, groups, stamp, links)
        return links
    with db:
        for chunk in _key_chunks(keys, groups):
            seen, cited_by = _seen(checked, groups, chunk)
            rows = [{**_display(s), "first_seen": stamp, "checked_at": stamp} for s in seen]
            upsert_direct(db, "work", rows, ("key",), keep=("first_seen",))
            ids: dict[str, int] = dict(
                db.execute(
                    'SELECT "key", id FROM work WHERE "key" IN (SELECT value FROM json_each(?))',
                    (json.dumps(chunk),),
                ).fetchall()
            )
            checks = []
            for s in seen:
                for ref_id in cited_by[s.key]:
                    links[ref_id] = ids[s.key]
                checks.append(_check_values(s, run_id, ids[s.key], stamp))
            upsert_direct(db, "work_check", checks, ("work_id", "run_id"))
        db.executemany(
            "UPDATE reference SET work_id = ? WHERE run_id = ? AND ref_id = ?",
            [(work_id, run_id, ref_id) for ref_id, work_id in links.items()],
        )
    return links


def _save_works_orm(
    store: Store,
    run_id: int,
    checked: Sequence[tuple[Reference, Judgement]],
    groups: dict[str, list[int]],
    stamp: str,
    links: dict[str, int],
) -> None:
    """``save_works`` through the ORM (PostgreSQL and other databases); fills ``links``."""
    from sqlmodel import Session, col, select

    from veribib.store.tables import WorkCheckRow, WorkRow

    keys = list(groups)
    with Session(store.engine) as session:
        for chunk in _key_chunks(keys, groups):
            seen, cited_by = _seen(checked, groups, chunk)
            rows = [{**_display(s), "first_seen": stamp, "checked_at": stamp} for s in seen]
            _upsert_works(store, session, rows)
            ids = {
                row.key: row.id
                for row in session.exec(select(WorkRow).where(col(WorkRow.key).in_(chunk))).all()
            }
            checks = []
            for s in seen:
                work_id = ids[s.key]
                assert work_id is not None
                for ref_id in cited_by[s.key]:
                    links[ref_id] = work_id
                checks.append(_check_values(s, run_id, work_id, stamp))
            store._upsert(session, WorkCheckRow, checks, ("work_id", "run_id"))
        _link(session, run_id, links)
        session.commit()


def _upsert_works(store: Store, session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert or update work rows by key; ``first_seen`` is kept from the first insert.

    On PostgreSQL this is one ``INSERT … ON CONFLICT`` per chunk, so two runs writing the same
    new work at once (a team sharing one library) both succeed; SQLite's is the store's.
    """
    from veribib.store.tables import WorkRow

    if store.engine.dialect.name != "postgresql":
        store._upsert(session, WorkRow, rows, ("key",), keep=("first_seen",))
        return
    from sqlalchemy.dialects.postgresql import insert as postgresql_insert  # only when needed

    statement = postgresql_insert(WorkRow.__table__)  # type: ignore[attr-defined]
    update = {c: statement.excluded[c] for c in rows[0] if c not in ("key", "first_seen")}
    session.execute(statement.on_conflict_do_update(index_elements=["key"], set_=update), rows)


def _link(session: Session, run_id: int, links: dict[str, int]) -> None:
    """Set ``reference.work_id`` for a run's references, a chunk of rows per statement."""
    from sqlalchemy import bindparam, update

    from veribib.store.tables import ReferenceRow

    items = list(links.items())
    table = ReferenceRow.__table__  # type: ignore[attr-defined]
    statement = (
        update(table)
        .where(table.c.run_id == bindparam("b_run"), table.c.ref_id == bindparam("b_ref"))
        .values(work_id=bindparam("b_work"))
    )
    for start in range(0, len(items), WRITE_CHUNK):
        params = [
            {"b_run": run_id, "b_ref": ref_id, "b_work": work_id}
            for ref_id, work_id in items[start : start + WRITE_CHUNK]
        ]
        session.connection().execute(statement, params)


__all__ = ["DOCUMENT_FLAGS", "save_works", "work_flags", "work_key"]
