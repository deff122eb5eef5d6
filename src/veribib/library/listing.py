"""`library list`: the works the library's documents cite, with verdict, flags and where."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from veribib.errors import ConfigError
from veribib.library.state import citations_of, latest_documents, since_time, works_by_id
from veribib.model import Flag, Verdict
from veribib.store import Store
from veribib.store.works import DOCUMENT_FLAGS


@dataclass(frozen=True, slots=True)
class WorkSummary:
    """One work of the library as `library list` shows it."""

    id: int
    key: str
    doi: str | None
    title: str | None
    authors: str
    year: int | None
    verdict: str  # the latest judgement's (worst of its citations then)
    flags: tuple[str, ...]
    citations: int  # in the documents' latest checks
    documents: tuple[str, ...]  # where: the documents citing it
    last_checked: str
    first_seen: str


def _checked(values: Sequence[str], allowed: Sequence[str], option: str) -> set[str]:
    """The values of a filter option, refused with the choices when one is unknown."""
    out = set()
    for value in values:
        name = value.strip().lower().replace("-", "_")
        if name not in allowed:
            raise ConfigError(f"{option} {value!r}: choose from {', '.join(allowed)}")
        out.add(name)
    return out


def list_works(
    store: Store,
    *,
    verdicts: Sequence[str] = (),
    flags: Sequence[str] = (),
    document: str | None = None,
    since: str | None = None,
) -> list[WorkSummary]:
    """The works cited by the documents' latest checks, worst verdict first.

    ``verdicts``/``flags`` keep works with one of those verdicts / one of those flags;
    ``document`` keeps works that document cites; ``since`` (a date) keeps works checked
    (by a run or a recheck) on or after it.
    """
    want_verdicts = _checked(verdicts, [v.value for v in Verdict], "--verdict")
    want_flags = _checked(
        flags,
        [f.value for f in Flag if f not in DOCUMENT_FLAGS] + ["duplicate", "uncited"],
        "--flag",
    )
    cutoff = since_time(since) if since else None
    documents = latest_documents(store)
    cited_by = {doc.path for doc, _ in latest_documents(store, document)} if document else None
    if document and not cited_by:
        raise ConfigError(f"{document}: no check of this document is in the library")
    per_work: dict[int, list[str]] = {}
    citation_flags: dict[int, set[str]] = {}
    for c in citations_of(store, documents):
        if c.reference.work_id is None:
            continue
        per_work.setdefault(c.reference.work_id, []).append(c.document.path)
        if c.verdict is not None:
            # The work's own flags are the work row's (a recheck may have changed them).
            citation_flags.setdefault(c.reference.work_id, set()).update(
                f for f in json.loads(c.verdict.flags) if f in DOCUMENT_FLAGS
            )
    out: list[WorkSummary] = []
    for work_id, row in works_by_id(store, per_work).items():
        paths = per_work[work_id]
        work_flags = tuple(json.loads(row.flags))
        all_flags = set(work_flags) | citation_flags.get(work_id, set())
        if want_verdicts and row.verdict not in want_verdicts:
            continue
        if want_flags and not want_flags & all_flags:
            continue
        if cited_by is not None and not cited_by & set(paths):
            continue
        if cutoff is not None and row.checked_at < cutoff:
            continue
        out.append(
            WorkSummary(
                id=work_id,
                key=row.key,
                doi=row.doi,
                title=row.title,
                authors=row.authors,
                year=row.year,
                verdict=row.verdict,
                flags=tuple(sorted(all_flags)),
                citations=len(paths),
                documents=tuple(dict.fromkeys(paths)),
                last_checked=row.checked_at,
                first_seen=row.first_seen,
            )
        )
    out.sort(key=lambda w: (-Verdict(w.verdict).severity, -len(w.flags), w.authors, w.id))
    return out


__all__ = ["WorkSummary", "list_works"]
