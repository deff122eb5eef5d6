"""What a work route (DOI, search, locator) concludes, and small helpers on lookup outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from veribib.judge import codes
from veribib.judge.describe import outcome_name
from veribib.judge.match import Assessment
from veribib.model import (
    Evidence,
    FieldComparison,
    Fields,
    Outcome,
    Resolution,
    Status,
    Verdict,
    Work,
)


class DoiState(StrEnum):
    """What is known of the cited DOI when a record is matched."""

    RECORD = "record"  # the match IS the record at the cited DOI
    OTHER_WORK = "other_work"  # the cited DOI belongs to another work
    BROKEN = "broken"  # doi.org: the DOI does not exist
    UNKNOWN = "unknown"  # not checked, unavailable, a snapshot miss, or registered elsewhere


@dataclass(slots=True)
class Route:
    """A provisional verdict from the work routes (DOI, search, locator)."""

    verdict: Verdict
    evidence: list[Evidence] = field(default_factory=list)
    match: Assessment | None = None
    likely_source: Work | None = None
    suggestion: Fields | None = None
    suggested_doi: str | None = None
    doi_comparison: FieldComparison | None = None
    looked_no_match: bool = False  # a search was answered and nothing is the cited work


# --- helpers -----------------------------------------------------------------------------


def answered(outcome: Outcome[Any] | None) -> bool:
    """The registry answered (found, or said it has none; a snapshot's answer included)."""
    return outcome is not None and outcome.status in (Status.FOUND, Status.NOT_FOUND)


def works_of(outcome: Outcome[tuple[Work, ...]] | None) -> tuple[Work, ...]:
    """The records a search or locator lookup found (none when it found nothing)."""
    if outcome is None or outcome.status is not Status.FOUND or outcome.value is None:
        return ()
    return outcome.value


def candidates_of(resolution: Resolution) -> tuple[Work, ...]:
    """Search candidates, then locator candidates."""
    return works_of(resolution.search) + works_of(resolution.locator)


def problem(outcome: Outcome[Any] | None, what: str, default_source: str) -> Evidence | None:
    """Why a lookup gave no fact, as evidence; None when it gave one (or was not needed)."""
    if outcome is None:
        return None
    where = outcome_name(outcome, default_source)
    detail = f": {outcome.detail}" if outcome.detail else ""
    if outcome.status is Status.UNAVAILABLE:
        return Evidence(codes.REGISTRY_UNAVAILABLE, f"{where} {what} unavailable{detail}")
    if outcome.status is Status.NOT_CHECKED:
        return Evidence(
            codes.NOT_CHECKED_OFFLINE, f"{where} {what} not checked (offline, no cached answer)"
        )
    if outcome.status is Status.NOT_FOUND and not outcome.authoritative:
        return Evidence(
            codes.NOT_IN_REGISTRY,
            f"{what}: not in {where} (a local snapshot's miss is no evidence){detail}",
        )
    return None


def record_key(work: Work) -> str:
    """Identity of a record across answers (the same record may carry another search score)."""
    return work.doi or f"{work.fields.title}|{work.fields.year}|{work.fields.container}"


def record_keys(outcome: Outcome[tuple[Work, ...]] | None) -> set[str]:
    """The identities of the records a lookup found."""
    return {record_key(w) for w in works_of(outcome)}
