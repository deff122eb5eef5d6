"""`veribib recheck`: ask the registries again, past the cache, about works whose facts are old.

The citations of each stale work (as the documents' latest checks recorded them) are resolved
and judged again with the same resolver every check uses (batched, rate-limited, retried), but
``refresh``: no cached answer is reused, and the fresh answers replace the cached ones, so the
next check of a document sees them too. What changed is reported per work: retracted, an
expression of concern, corrected, a preprint now published, a DOI now resolving, a work now
found, or another verdict. A lookup that fails leaves the work's facts as they were: an outage
is no news.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlmodel import Session

from veribib.config import Settings
from veribib.errors import ConfigError
from veribib.judge import judge, needs_search
from veribib.library.failing import FailOn
from veribib.library.rows import reference_from_row
from veribib.library.state import citations_of, latest_documents, works_by_id
from veribib.model import Flag, Judgement, Reference, Resolution, Verdict, as_jsonable
from veribib.resolve import build_resolver
from veribib.store import Store
from veribib.store.db import now_iso
from veribib.store.tables import WorkCheckRow, WorkRow
from veribib.store.works import FOUND, work_flags

RESOLVE_CHUNK = 1000  # citations resolved and judged together, as in a check
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400, "": 86400}


class WhatChanged(StrEnum):
    """The kinds of news a recheck reports."""

    RETRACTED = "retracted"
    EXPRESSION_OF_CONCERN = "expression_of_concern"
    CORRECTED = "corrected"
    PREPRINT_PUBLISHED = "preprint_now_published"
    DOI_RESOLVING = "doi_now_resolving"
    NOW_FOUND = "now_found"
    FLAG_CLEARED = "flag_cleared"
    VERDICT = "verdict_changed"
    NOT_RECHECKED = "not_rechecked"  # the registries could not answer: facts kept


_FLAG_NEWS = {
    Flag.RETRACTED.value: (WhatChanged.RETRACTED, "newly retracted"),
    Flag.EXPRESSION_OF_CONCERN.value: (
        WhatChanged.EXPRESSION_OF_CONCERN,
        "an expression of concern was attached",
    ),
    Flag.CORRECTED.value: (WhatChanged.CORRECTED, "a correction was attached"),
    Flag.PREPRINT_HAS_PUBLISHED_VERSION.value: (
        WhatChanged.PREPRINT_PUBLISHED,
        "this preprint is now published",
    ),
}


@dataclass(frozen=True, slots=True)
class WorkNews:
    """One change a recheck found about a work."""

    kind: WhatChanged
    message: str
    work: str  # the work's key
    doi: str | None
    title: str | None
    before: str  # verdict before the recheck
    after: str  # verdict after it
    flags_before: tuple[str, ...]
    flags_after: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecheckReport:
    """What one recheck did: how many works were asked about again, and what changed."""

    checked: int  # works asked about again
    skipped: int  # works whose facts were younger than the age
    news: tuple[WorkNews, ...]

    def new_problems(self, fail_on: FailOn) -> list[WorkNews]:
        """The news that fails ``fail_on`` now and did not before the recheck."""
        return [
            n
            for n in self.news
            if n.kind is not WhatChanged.NOT_RECHECKED
            and fail_on.newly_fails((n.before, n.flags_before), (n.after, n.flags_after))
        ]


def parse_age(text: str) -> timedelta:
    """An age like ``30d``, ``12h``, ``2w`` or ``0`` (a bare number is days)."""
    m = _AGE.match(text)
    if m is None:
        raise ConfigError(f"--older-than {text!r}: give an age like 30d, 12h or 2w")
    return timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2).lower()])


async def _resolve_and_judge(
    refs: Sequence[Reference], settings: Settings, store: Store
) -> dict[str, Judgement]:
    """Judge these references afresh: the resolver with ``refresh`` (no cached answer used)."""
    resolver = build_resolver(replace(settings, refresh=True), cache=store)
    judged: dict[str, Judgement] = {}
    try:
        # A chunk at a time, as a check does: search candidates never all sit in memory.
        for start in range(0, len(refs), RESOLVE_CHUNK):
            chunk = refs[start : start + RESOLVE_CHUNK]
            resolutions: dict[str, Resolution] = await resolver.resolve_identifiers(chunk)
            wanted = {r.id: needs_search(r, resolutions[r.id]) for r in chunk}
            if any(wanted.values()):
                resolutions.update(
                    await resolver.resolve_searches(
                        [(r, resolutions[r.id], wanted[r.id]) for r in chunk if wanted[r.id]]
                    )
                )
            judged.update((r.id, judge(r, resolutions[r.id])) for r in chunk)
    finally:
        await resolver.aclose()
    return judged


def _news(
    row: WorkRow, judged: Sequence[tuple[Reference, Judgement]], documents: tuple[str, ...]
) -> list[WorkNews]:
    """What changed between a work's stored facts and its citations judged afresh."""
    before = row.verdict
    flags_before = tuple(json.loads(row.flags))
    worst = max((j for _, j in judged), key=lambda j: j.verdict.severity)
    after = worst.verdict.value
    flags_after = tuple(sorted({f for _, j in judged for f in work_flags(j)}))

    def news(kind: WhatChanged, message: str) -> WorkNews:
        return WorkNews(
            kind, message, row.key, row.doi, row.title, before, after,
            flags_before, flags_after, documents,
        )  # fmt: skip

    if worst.verdict is Verdict.UNRESOLVED and before != Verdict.UNRESOLVED.value:
        return [news(WhatChanged.NOT_RECHECKED, f"not rechecked: {worst.reason}")]
    out = []
    for flag in flags_after:
        if flag not in flags_before and flag in _FLAG_NEWS:
            kind, message = _FLAG_NEWS[flag]
            notices = [e.message for _, j in judged for e in j.evidence if flag in e.code.lower()]
            out.append(news(kind, notices[0] if notices else message))
    out.extend(
        news(WhatChanged.FLAG_CLEARED, f"no longer {flag.replace('_', ' ')}")
        for flag in flags_before
        if flag not in flags_after
    )
    if after != before:
        found_now = worst.verdict in FOUND and Verdict(before) not in FOUND
        match = next((j.match for _, j in judged if j.match is not None), None)
        cited_dois = {r.identifiers.doi.lower() for r, _ in judged if r.identifiers.doi}
        if found_now and match is not None and match.doi and match.doi.lower() in cited_dois:
            out.append(news(WhatChanged.DOI_RESOLVING, f"the DOI {match.doi} now resolves"))
        elif found_now:
            out.append(news(WhatChanged.NOW_FOUND, f"now found: {worst.reason}"))
        else:
            out.append(news(WhatChanged.VERDICT, f"{before} → {after}: {worst.reason}"))
    return out


def _record(
    store: Store,
    row: WorkRow,
    judged: Sequence[tuple[Reference, Judgement]],
    news: Sequence[WorkNews],
    stamp: str,
) -> None:
    """Store what the recheck learnt: the work's new facts and one history entry."""
    kept = any(n.kind is WhatChanged.NOT_RECHECKED for n in news)
    worst = max((j for _, j in judged), key=lambda j: j.verdict.severity)
    flags = sorted({f for _, j in judged for f in work_flags(j)})
    match = next((j.match for _, j in judged if j.verdict in FOUND and j.match), None)
    evidence = {(e.code, e.message): None for _, j in judged for e in j.evidence}
    with Session(store.engine) as session:
        work = session.get(WorkRow, row.id)
        assert work is not None and work.id is not None
        if not kept:
            work.verdict = worst.verdict.value
            work.flags = json.dumps(flags)
            if match is not None:
                work.record = json.dumps(as_jsonable(match), ensure_ascii=False)
                work.matched = True
            work.checked_at = stamp
            session.add(work)
        session.add(
            WorkCheckRow(
                work_id=work.id,
                run_id=None,
                kind="recheck",
                checked_at=stamp,
                verdict=worst.verdict.value,
                flags=json.dumps(flags),
                evidence=json.dumps(
                    [{"code": c, "message": m} for c, m in evidence], ensure_ascii=False
                ),
                changes=json.dumps(
                    [{"kind": n.kind.value, "message": n.message} for n in news],
                    ensure_ascii=False,
                ),
            )
        )
        session.commit()


def recheck(
    store: Store,
    settings: Settings,
    *,
    older_than: timedelta = timedelta(days=30),
    document: str | None = None,
) -> RecheckReport:
    """Ask the registries again about the works (of one document, when given) whose facts
    are older than ``older_than``, record what they say now and report what changed."""
    if settings.offline:
        raise ConfigError("recheck asks the registries again: it cannot run --offline")
    documents = latest_documents(store, document)
    if document is not None and not documents:
        raise ConfigError(f"{document}: this document was never checked (run `veribib check`)")
    cutoff = (datetime.now(UTC) - older_than).isoformat(timespec="seconds")
    cites = [c for c in citations_of(store, documents) if c.reference.work_id is not None]
    works = works_by_id(store, (c.reference.work_id for c in cites if c.reference.work_id))
    stale = {i for i, w in works.items() if w.checked_at <= cutoff}
    refs: dict[int, list[Reference]] = {}
    where: dict[int, list[str]] = {}
    for c in cites:
        work_id = c.reference.work_id
        if work_id in stale:
            refs.setdefault(work_id, []).append(reference_from_row(c.reference, c.document.format))
            where.setdefault(work_id, []).append(c.document.path)
    everything = [r for group in refs.values() for r in group]
    judged = asyncio.run(_resolve_and_judge(everything, settings, store)) if everything else {}
    stamp = now_iso()
    news: list[WorkNews] = []
    for work_id in sorted(refs):
        pairs = [(r, judged[r.id]) for r in refs[work_id]]
        found = _news(works[work_id], pairs, tuple(dict.fromkeys(where[work_id])))
        _record(store, works[work_id], pairs, found, stamp)
        news.extend(found)
    return RecheckReport(checked=len(refs), skipped=len(works) - len(refs), news=tuple(news))


__all__ = ["RecheckReport", "WhatChanged", "WorkNews", "parse_age", "recheck"]
