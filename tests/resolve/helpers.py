"""Helpers for the resolve tests: where the recorded data is, test references, fake registries."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from veribib.model import (
    DoiRegistration,
    Fields,
    Identifiers,
    Origin,
    Outcome,
    RawReference,
    Reference,
    Status,
    Trial,
    TrialId,
    Work,
)

PROJECT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared data folder: $VERIBIB_SHARED, else ``<project>/../shared``."""
    return Path(os.environ.get("VERIBIB_SHARED") or PROJECT / ".." / "shared").resolve()


def ref(
    n: int,
    doi: str | None = None,
    trials: Sequence[TrialId] = (),
    fields: Fields | None = None,
    text: str = "",
) -> Reference:
    """A parsed reference for tests."""
    raw = RawReference(text=text or f"Reference {n}", origin=Origin("paper.txt", n))
    return Reference(
        id=f"paper.txt#{n}",
        raw=raw,
        fields=fields or Fields(title=f"Title {n}"),
        identifiers=Identifiers(doi=doi, trials=tuple(trials)),
    )


def work(doi: str | None, title: str = "A work", source: str = "crossref") -> Work:
    """A minimal Work."""
    return Work(source=source, doi=doi, fields=Fields(title=title))


class FakeWorks:
    """A WorkRegistry holding a few works; records every call; can be made to fail."""

    def __init__(
        self,
        name: str,
        works: Sequence[Work] = (),
        *,
        authoritative: bool = True,
        fail: Exception | None = None,
        search_result: Sequence[Work] = (),
    ) -> None:
        self.name = name
        self.authoritative = authoritative
        self.works = {w.doi: w for w in works if w.doi}
        self.fail = fail
        self.search_result = tuple(search_result)
        self.doi_calls: list[list[str]] = []
        self.search_calls: list[tuple[Fields, str]] = []
        self.locator_calls: list[tuple[str, str | None, str, int | None]] = []
        self.closed = False

    def _miss(self) -> Outcome[Work]:
        return Outcome(Status.NOT_FOUND, source=self.name, authoritative=self.authoritative)

    async def works_by_doi(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        self.doi_calls.append(list(dois))
        if self.fail:
            raise self.fail
        return {
            d: Outcome(Status.FOUND, self.works[d], source=self.name)
            if d in self.works
            else self._miss()
            for d in dois
        }

    def _list(self) -> Outcome[tuple[Work, ...]]:
        if self.fail:
            raise self.fail
        if self.search_result:
            return Outcome(
                Status.FOUND, self.search_result, source=self.name, authoritative=self.authoritative
            )
        return Outcome(Status.NOT_FOUND, (), source=self.name, authoritative=self.authoritative)

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        self.search_calls.append((fields, text))
        return self._list()

    async def by_locator(
        self, container: str, volume: str | None, first_page: str, year: int | None
    ) -> Outcome[tuple[Work, ...]]:
        self.locator_calls.append((container, volume, first_page, year))
        return self._list()

    async def aclose(self) -> None:
        self.closed = True


class FakeDoiOrg:
    """A DoiRegistry: DOI → agency name, or None for a DOI that does not exist."""

    def __init__(self, agencies: dict[str, str | None], fail: Exception | None = None) -> None:
        self.agencies = agencies
        self.fail = fail
        self.calls: list[list[str]] = []

    async def registrations(self, dois: Sequence[str]) -> dict[str, Outcome[DoiRegistration]]:
        self.calls.append(list(dois))
        if self.fail:
            raise self.fail
        out: dict[str, Outcome[DoiRegistration]] = {}
        for d in dois:
            agency = self.agencies.get(d)
            if agency is None:
                out[d] = Outcome(
                    Status.NOT_FOUND,
                    DoiRegistration(d, False),
                    source="doi.org",
                    detail="doi.org: DOI does not exist",
                )
            else:
                out[d] = Outcome(Status.FOUND, DoiRegistration(d, True, agency), source="doi.org")
        return out


class FakeTrials:
    """A TrialRegistry knowing a few NCT ids."""

    def __init__(self, known: Sequence[str], fail: Exception | None = None) -> None:
        self.known = set(known)
        self.fail = fail
        self.calls: list[list[str]] = []

    async def trials(self, ids: Sequence[str]) -> dict[str, Outcome[Trial]]:
        self.calls.append(list(ids))
        if self.fail:
            raise self.fail
        return {
            i: Outcome(Status.FOUND, Trial(i, f"Trial {i}"), source="ctgov")
            if i in self.known
            else Outcome(Status.NOT_FOUND, source="ctgov")
            for i in ids
        }
