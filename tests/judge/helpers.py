"""Helpers for the judge tests: the recorded records, hand-built references and outcomes."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from veribib.model import (
    DoiRegistration,
    Fields,
    Identifiers,
    Origin,
    Outcome,
    Person,
    RawReference,
    Reference,
    ReferenceType,
    Resolution,
    Status,
    Trial,
    TrialId,
    Work,
)
from veribib.resolve.records import trial_from_ctgov, work_from_crossref, work_from_datacite

PROJECT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared data folder: $VERIBIB_SHARED, else ``<project>/../shared``."""
    return Path(os.environ.get("VERIBIB_SHARED") or PROJECT / ".." / "shared").resolve()


def _years(message: Mapping[str, Any]) -> tuple[int, ...]:
    """Every year in a Crossref record's dates (what Work.years is meant to carry)."""
    out: list[int] = []
    for key in ("issued", "published", "published-print", "published-online", "posted"):
        date = message.get(key)
        if isinstance(date, Mapping):
            parts = date.get("date-parts")
            if parts and parts[0] and isinstance(parts[0][0], int) and parts[0][0] not in out:
                out.append(parts[0][0])
    return tuple(out)


def as_work(message: Mapping[str, Any], source: str = "crossref") -> Work:
    """A Work from a Crossref record, with ``years`` filled when the normaliser left it empty."""
    work = work_from_crossref(message, source=source)
    if not work.years:
        work = replace(work, years=_years(message))
    return work


@cache
def crossref_messages() -> dict[str, dict[str, Any]]:
    """The 502 recorded Crossref records, by DOI."""
    path = shared_dir() / "data" / "crossref" / "works-2026-06.jsonl"
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            msg = json.loads(line)
            out[msg["DOI"].lower()] = msg
    return out


def crossref_work(doi: str) -> Work:
    """The recorded Crossref record of ``doi`` as a Work."""
    return as_work(crossref_messages()[doi.lower()])


@cache
def datacite_work(file_name: str) -> Work:
    """A recorded DataCite ``/dois/`` answer (data/crossref/<file_name>) as a Work."""
    path = shared_dir() / "data" / "crossref" / file_name
    return work_from_datacite(json.loads(path.read_text(encoding="utf-8"))["data"])


@cache
def seed_works() -> tuple[Work, ...]:
    """The 28 hand-transcribed seed records, as the offline snapshot serves them."""
    path = shared_dir() / "data" / "seed-works.jsonl"
    with path.open(encoding="utf-8") as fh:
        return tuple(as_work(json.loads(line), source="snapshot") for line in fh if line.strip())


def seed_by_doi(doi: str) -> Work:
    """The seed record with this DOI."""
    return next(w for w in seed_works() if w.doi == doi)


def seed_by_title(start: str) -> Work:
    """The seed record whose title starts with ``start``."""
    return next(w for w in seed_works() if (w.fields.title or "").startswith(start))


def trial(nct: str) -> Trial:
    """A recorded ClinicalTrials.gov study as a Trial."""
    path = shared_dir() / "data" / "ctgov" / f"{nct.lower()}.json"
    return trial_from_ctgov(json.loads(path.read_text(encoding="utf-8")))


def people(*names: str) -> tuple[Person, ...]:
    """Persons from "Family, Given" strings."""
    out = []
    for name in names:
        family, _, given = name.partition(",")
        out.append(Person(family.strip(), given.strip()))
    return tuple(out)


def ref(
    title: str | None = None,
    authors: Sequence[str] = (),
    year: int | None = None,
    container: str | None = None,
    volume: str | None = None,
    issue: str | None = None,
    pages: str | None = None,
    doi: str | None = None,
    et_al: bool = False,
    trials: Sequence[str] = (),
    type: ReferenceType | None = None,
    publisher: str | None = None,
    text: str = "",
    id: str = "doc.txt#1",
) -> Reference:
    """A parsed reference built by hand."""
    fields = Fields(
        authors=people(*authors),
        et_al=et_al,
        year=year,
        title=title,
        container=container,
        volume=volume,
        issue=issue,
        pages=pages,
        publisher=publisher,
        type=type,
    )
    raw = RawReference(text=text or title or "", origin=Origin("doc.txt", 1))
    return Reference(
        id=id,
        raw=raw,
        fields=fields,
        identifiers=Identifiers(
            doi=doi.lower() if doi else None,
            trials=tuple(TrialId("clinicaltrials.gov", t) for t in trials),
        ),
    )


def cited_from(work: Work, **changes: Any) -> Reference:
    """A correct citation of a record (its own fields), with ``changes`` applied.

    ``doi`` and ``trials`` change the identifiers; every other keyword changes a field.
    """
    f = work.fields
    fields = Fields(
        authors=f.authors,
        year=f.year,
        title=f.title,
        container=f.container,
        volume=f.volume,
        issue=f.issue,
        pages=f.pages,
        type=f.type,
    )
    doi = changes.pop("doi", work.doi)
    trials = tuple(TrialId("clinicaltrials.gov", t) for t in changes.pop("trials", ()))
    fields = replace(fields, **changes)
    return Reference(
        id="doc.txt#1",
        raw=RawReference(text=f.title or "", origin=Origin("doc.txt", 1)),
        fields=fields,
        identifiers=Identifiers(doi=doi, trials=trials),
    )


# --- outcomes ----------------------------------------------------------------------------


def found(value: Any, source: str = "crossref", authoritative: bool = True) -> Outcome[Any]:
    """A FOUND outcome."""
    return Outcome(Status.FOUND, value, source=source, authoritative=authoritative)


def crossref_404(what: str = "") -> Outcome[Any]:
    """Crossref's authoritative 404."""
    return Outcome(Status.NOT_FOUND, source="crossref", detail=what or "Resource not found.")


def snapshot_miss(what: str = "not in snapshot") -> Outcome[Any]:
    """A snapshot's miss: no evidence."""
    return Outcome(Status.NOT_FOUND, source="snapshot", detail=what, authoritative=False)


def snapshot_found(works: Sequence[Work]) -> Outcome[tuple[Work, ...]]:
    """Snapshot candidates (the snapshot marks even these non-authoritative)."""
    if not works:
        return snapshot_miss("no match")
    return Outcome(Status.FOUND, tuple(works), source="snapshot", authoritative=False)


def crossref_search(works: Sequence[Work]) -> Outcome[tuple[Work, ...]]:
    """A live Crossref search answer (an empty list is an authoritative NOT_FOUND)."""
    if not works:
        return Outcome(Status.NOT_FOUND, source="crossref", detail="no items")
    return Outcome(Status.FOUND, tuple(works), source="crossref")


def doiorg(doi: str, exists: bool, agency: str | None = None) -> Outcome[DoiRegistration]:
    """doi.org's answer on a DOI."""
    return Outcome(Status.FOUND, DoiRegistration(doi, exists, agency), source="doi.org")


def unavailable(source: str = "crossref") -> Outcome[Any]:
    """An outage."""
    return Outcome(Status.UNAVAILABLE, source=source, detail="HTTP 503 after 4 attempts")


def trial_missing(nct: str) -> tuple[str, Outcome[Any]]:
    """ClinicalTrials.gov's 404 for a trial id (authoritative)."""
    return (nct, Outcome(Status.NOT_FOUND, source="ctgov", detail="HTTP 404"))


def not_checked(source: str = "crossref") -> Outcome[Any]:
    """Offline, nothing cached."""
    return Outcome(Status.NOT_CHECKED, source=source, detail="offline")


def resolution(**kw: Any) -> Resolution:
    """A Resolution from keyword outcomes."""
    return Resolution(**kw)
