"""`veribib diff`: what changed in a document since a baseline check.

The document's latest check is compared with a baseline: the check before it, the check made
in run N (``since="N"``), or the latest check finished by a date (``since="2026-12-01"``).
Citations are paired by the work they cite (several citations of one work in order), so a
reference moved or reworded but citing the same work is the same reference. Reported:
references added, removed, whose verdict changed, and newly flagged ones (same verdict, a flag
it did not have).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from veribib.errors import ConfigError
from veribib.library.failing import FailOn
from veribib.library.state import (
    Citation,
    citations_of,
    document_runs,
    latest_documents,
    since_time,
    works_by_id,
)
from veribib.store import Store
from veribib.store.tables import DocumentRow, RunRow


class Change(StrEnum):
    """How a reference differs from the baseline."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"  # another verdict
    FLAGGED = "flagged"  # same verdict, a new flag


@dataclass(frozen=True, slots=True)
class DiffEntry:
    """One reference that differs from the baseline."""

    change: Change
    origin: str  # file:line (the current one; the baseline's for a removed reference)
    key: str | None
    text: str
    work: str  # the work's key
    before: str | None  # verdict at the baseline (None: not there)
    after: str | None  # verdict now (None: removed)
    flags_before: tuple[str, ...]
    flags_after: tuple[str, ...]
    reason: str  # the current (or, for a removed one, the last) verdict's reason

    @property
    def new_flags(self) -> tuple[str, ...]:
        """Flags it has now and did not have at the baseline."""
        return tuple(f for f in self.flags_after if f not in self.flags_before)


@dataclass(frozen=True, slots=True)
class DocumentDiff:
    """One document's changes between a baseline check and its latest."""

    document: str
    baseline_run: int | None  # None: never checked before (everything is added)
    baseline_at: str | None
    current_run: int
    current_at: str
    entries: tuple[DiffEntry, ...]

    def new_problems(self, fail_on: FailOn) -> list[DiffEntry]:
        """The entries that fail ``fail_on`` now and did not at the baseline."""
        return [
            e
            for e in self.entries
            if e.change is not Change.REMOVED
            and fail_on.newly_fails(
                None if e.change is Change.ADDED else (e.before, e.flags_before),
                (e.after, e.flags_after),
            )
        ]


@dataclass(frozen=True, slots=True)
class _Item:
    origin: str
    key: str | None
    text: str
    work: str
    verdict: str | None
    flags: tuple[str, ...]
    reason: str


def _items(store: Store, doc: DocumentRow, run: RunRow) -> list[_Item]:
    cites: list[Citation] = citations_of(store, [(doc, run)])
    works = works_by_id(store, (c.reference.work_id for c in cites if c.reference.work_id))
    out = []
    for c in cites:
        ref = c.reference
        work = works.get(ref.work_id) if ref.work_id is not None else None
        origin = f"{ref.origin_file}:{ref.origin_line}" if ref.origin_line else ref.origin_file
        evidence = json.loads(c.verdict.judgement).get("evidence") if c.verdict else None
        out.append(
            _Item(
                origin=origin,
                key=ref.key,
                text=ref.raw_text,
                work=work.key if work is not None else "text:" + ref.raw_text,
                verdict=c.verdict.verdict if c.verdict else None,
                flags=tuple(json.loads(c.verdict.flags)) if c.verdict else (),
                reason=str(evidence[0].get("message", "")) if evidence else "",
            )
        )
    return out


def _entry(change: Change, before: _Item | None, after: _Item | None) -> DiffEntry:
    shown = after or before
    assert shown is not None
    return DiffEntry(
        change=change,
        origin=shown.origin,
        key=shown.key,
        text=shown.text,
        work=shown.work,
        before=before.verdict if before else None,
        after=after.verdict if after else None,
        flags_before=before.flags if before else (),
        flags_after=after.flags if after else (),
        reason=shown.reason,
    )


def compare(baseline: Sequence[_Item], current: Sequence[_Item]) -> list[DiffEntry]:
    """The entries that differ, current order first, then the removed ones."""
    pending: dict[str, list[_Item]] = {}
    for item in baseline:
        pending.setdefault(item.work, []).append(item)
    out: list[DiffEntry] = []
    for item in current:
        olds = pending.get(item.work)
        if not olds:
            out.append(_entry(Change.ADDED, None, item))
            continue
        old = olds.pop(0)
        if old.verdict != item.verdict:
            out.append(_entry(Change.CHANGED, old, item))
        elif set(item.flags) - set(old.flags):
            out.append(_entry(Change.FLAGGED, old, item))
    for olds in pending.values():
        out.extend(_entry(Change.REMOVED, old, None) for old in olds)
    return out


def _baseline(
    runs: Sequence[tuple[DocumentRow, RunRow]], current: RunRow, since: str | None
) -> tuple[DocumentRow, RunRow] | None:
    """The baseline check of one document (``runs`` oldest first, all of that document)."""
    earlier = [(d, r) for d, r in runs if r.id != current.id]
    if since is None:
        before = [(d, r) for d, r in earlier if (r.id or 0) < (current.id or 0)]
        return before[-1] if before else None
    if since.strip().isdigit():
        chosen = [(d, r) for d, r in runs if r.id == int(since)]
        if not chosen:
            raise ConfigError(f"--since {since}: run {since} did not check this document")
        return chosen[0]
    cutoff = since_time(since)
    before = [(d, r) for d, r in earlier if (r.finished_at or r.started_at) <= cutoff]
    return before[-1] if before else None


def diff_documents(
    store: Store, path: str | None = None, since: str | None = None
) -> list[DocumentDiff]:
    """Each document's (or one document's) changes from its baseline to its latest check.

    Raises ConfigError when ``path`` was never checked.
    """
    latest = latest_documents(store, path)
    if path is not None and not latest:
        raise ConfigError(f"{path}: this document was never checked (run `veribib check` first)")
    out = []
    for doc, run in latest:
        assert run.id is not None
        base = _baseline(document_runs(store, doc.path), run, since)
        entries = compare(_items(store, *base) if base else [], _items(store, doc, run))
        out.append(
            DocumentDiff(
                document=doc.path,
                baseline_run=base[1].id if base else None,
                baseline_at=(base[1].finished_at or base[1].started_at) if base else None,
                current_run=run.id,
                current_at=run.finished_at or run.started_at,
                entries=tuple(entries),
            )
        )
    return out


__all__ = ["Change", "DiffEntry", "DocumentDiff", "compare", "diff_documents"]
