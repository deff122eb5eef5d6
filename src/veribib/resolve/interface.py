"""The resolve stage: ask registries what exists.

Each registry client implements one of the protocols below and answers with ``Outcome`` values:
FOUND, NOT_FOUND (a fact), UNAVAILABLE (an outage: unknown) or NOT_CHECKED (offline: unknown).
A client never raises for an expected failure; only ``ResolveError`` (e.g. HTTP 403, stop now)
escapes. The response cache is a protocol too, implemented by the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from veribib.errors import ResolveError
from veribib.model import DoiRegistration, Fields, Outcome, Trial, Work


class WorkRegistry(Protocol):
    """A source of work records: Crossref, a local snapshot, DataCite (by DOI only)."""

    name: str
    authoritative: bool  # False for a local snapshot: its misses are no evidence

    async def works_by_doi(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        """Look up many DOIs (normalised, lower-case); one Outcome per DOI asked."""
        ...

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        """Candidates for a reference without (or with a doubtful) identifier."""
        ...

    async def by_locator(
        self, container: str, volume: str | None, first_page: str, year: int | None
    ) -> Outcome[tuple[Work, ...]]:
        """Works at a journal + volume + first page (or article number), as Vancouver cites."""
        ...


class DoiRegistry(Protocol):
    """doi.org: does a DOI exist at all, and which agency holds it."""

    async def registrations(self, dois: Sequence[str]) -> dict[str, Outcome[DoiRegistration]]:
        """One Outcome per DOI asked."""
        ...


class TrialRegistry(Protocol):
    """A clinical-trial registry (ClinicalTrials.gov)."""

    async def trials(self, ids: Sequence[str]) -> dict[str, Outcome[Trial]]:
        """One Outcome per trial id asked (NCT ids, upper-case)."""
        ...


@dataclass(frozen=True, slots=True)
class CachedResponse:
    """A registry response as stored: enough to answer the same request again."""

    url: str
    status: int
    body: bytes
    content_type: str
    fetched_at: float  # unix time


class ResponseCache(Protocol):
    """Where every registry response is recorded and later reused (the store implements it)."""

    def get(self, url: str, max_age_ok: float, max_age_not_found: float) -> CachedResponse | None:
        """A stored response for this URL young enough to reuse, else None."""
        ...

    def put(self, response: CachedResponse) -> None:
        """Record a response (never called for transport failures)."""
        ...


__all__ = [
    "CachedResponse",
    "DoiRegistry",
    "ResolveError",
    "ResponseCache",
    "TrialRegistry",
    "WorkRegistry",
]
