"""The decision table: what is known of one reference in, its verdict out, decided in one place.

The facts come from four places, each on facts alone (an outage, an offline lookup or a local
snapshot's miss is never evidence):

- the work routes (``routes``): whether a registry record is the cited work (found: the
  identity rules of ``match``, then field errors), or positive evidence that the cited work
  does not exist as cited — a DOI doi.org does not know (DOI_NOT_FOUND), a DOI or location
  holding another work (DOI_OTHER_WORK, LOCATOR_OTHER_WORK), a real title under other people
  or real authors under a substituted title (AUTHORS_OTHER_WORK, TITLE_OTHER_WORK), no match
  in a journal Crossref is shown to cover that year (NO_MATCH_IN_COVERED_VENUE);
- checks without a registry (``sanity``): placeholder authors, a year in the future;
- the trial registries (``trials``): each cited trial id found and fitting, not found, about
  another trial, malformed, or not checkable;
- the registries beyond Crossref (``registries``): an arXiv id that does not exist, an invented
  journal, a title absent from a venue DBLP indexes whole.

``ROWS`` is read top to bottom and the first row that holds decides; its evidence leads the
list. Accusations come first, then errors in citing a found work, then agreement. Nothing
amends the verdict afterwards. ``docs/verdicts.md`` is this table in words; a test keeps it, the
README's rules and ``codes`` in step.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from veribib.judge import codes, registries
from veribib.judge.compare import recorded_years
from veribib.judge.route import Route, work_flags
from veribib.judge.routes import work_route
from veribib.judge.sanity import future_date, placeholder_authors
from veribib.judge.trials import TrialFinding, TrialStatus, check_trials
from veribib.model import (
    Evidence,
    FieldComparison,
    Flag,
    Judgement,
    Reference,
    ReferenceType,
    Resolution,
    Verdict,
    Work,
)

_WRONG_TRIAL = (TrialStatus.NOT_FOUND, TrialStatus.TOPIC_MISMATCH)


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the table decides from, for one reference."""

    reference: Reference
    route: Route  # what the work routes concluded of the cited work
    found: Work | None  # the cited work, when a route found it (verified or inaccurate)
    placeholder: Evidence | None  # PLACEHOLDER_AUTHORS, unless a found record bears them out
    future: Evidence | None  # FUTURE_DATE (cited year after today's)
    future_recorded: bool  # the found record carries the cited (future) year itself
    trials: tuple[TrialFinding, ...]
    trial_only: bool  # the reference cites a registration, not an article about it
    arxiv_absent: Evidence | None  # ARXIV_NOT_FOUND
    venue_absent: Evidence | None  # VENUE_UNKNOWN / NO_MATCH_IN_INDEXED_VENUE

    @property
    def looked_no_match(self) -> bool:
        """A live search answered and nothing is, or may be, the cited work."""
        return self.route.looked_no_match

    def trial_evidence(self, *statuses: TrialStatus) -> Evidence | None:
        """The first trial finding of these statuses, as evidence."""
        return next((t.evidence for t in self.trials if t.status in statuses), None)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the table: a named condition and the verdict it gives."""

    name: str
    verdict: Verdict
    decides: Callable[[Facts], Evidence | None]  # the deciding evidence, or None


def _route_lead(f: Facts, verdict: Verdict) -> Evidence | None:
    if f.route.verdict is not verdict:
        return None
    return f.route.evidence[0] if f.route.evidence else Evidence(codes.NOTHING_TO_CHECK, "")


def _unresolved_lead(f: Facts) -> Evidence:
    said = f.trial_evidence(TrialStatus.MALFORMED, TrialStatus.UNKNOWN, *_WRONG_TRIAL)
    if said is not None:
        return said
    if f.arxiv_absent is not None:
        return f.arxiv_absent
    if f.route.evidence:
        return f.route.evidence[0]
    return Evidence(codes.NO_IDENTIFIER_NO_MATCH, "nothing was looked up for this reference")


def _cites_something(f: Facts) -> bool:
    return bool(f.reference.fields.title or f.reference.fields.authors)


ROWS: tuple[Row, ...] = (
    # --- fabricated: positive evidence that the cited work does not exist as cited ---------
    Row(
        "a trial id not found or about another trial, and no article found",
        Verdict.FABRICATED,
        lambda f: (
            f.trial_evidence(*_WRONG_TRIAL)
            if f.found is None
            and (f.looked_no_match or f.trial_only or f.route.verdict is Verdict.FABRICATED)
            else None
        ),
    ),
    Row(
        "placeholder authors that no found record bears out",
        Verdict.FABRICATED,
        lambda f: f.placeholder,
    ),
    Row(
        "a year in the future, and no record of the work",
        Verdict.FABRICATED,
        lambda f: f.future if f.found is None else None,
    ),
    Row(
        "an arXiv id that does not exist, and nothing found that is the work",
        Verdict.FABRICATED,
        lambda f: (
            f.arxiv_absent
            if f.found is None
            and (
                f.route.verdict is Verdict.FABRICATED
                or f.looked_no_match
                or not _cites_something(f)
            )
            else None
        ),
    ),
    Row(
        "a work route's evidence that the work does not exist as cited",
        Verdict.FABRICATED,
        lambda f: _route_lead(f, Verdict.FABRICATED),
    ),
    Row(
        "an invented venue, or a title absent from a venue indexed whole",
        Verdict.FABRICATED,
        lambda f: (
            f.venue_absent if f.route.verdict is Verdict.UNRESOLVED and f.looked_no_match else None
        ),
    ),
    # --- inaccurate: the cited work found, cited with errors ------------------------------
    Row(
        "a wrong or mistyped trial id on a found article",
        Verdict.INACCURATE,
        lambda f: (
            f.trial_evidence(*_WRONG_TRIAL, TrialStatus.MALFORMED) if f.found is not None else None
        ),
    ),
    Row(
        "an arXiv id that does not exist, on a found work",
        Verdict.INACCURATE,
        lambda f: f.arxiv_absent if f.found is not None else None,
    ),
    Row(
        "the cited work found, with field errors",
        Verdict.INACCURATE,
        lambda f: _route_lead(f, Verdict.INACCURATE),
    ),
    Row(
        "a future year on the work's own record (a typo)",
        Verdict.INACCURATE,
        lambda f: f.future if f.found is not None and not f.future_recorded else None,
    ),
    # --- verified ----------------------------------------------------------------------------
    Row(
        "the cited work found, agreeing",
        Verdict.VERIFIED,
        lambda f: _route_lead(f, Verdict.VERIFIED),
    ),
    Row(
        "a trial registration found, about what is cited",
        Verdict.VERIFIED,
        lambda f: (
            f.trial_evidence(TrialStatus.OK)
            if f.trial_only and f.route.verdict is Verdict.UNRESOLVED
            else None
        ),
    ),
    # --- unresolved: nothing decided ---------------------------------------------------------
    Row("could not be checked", Verdict.UNRESOLVED, _unresolved_lead),
)


def facts_of(reference: Reference, resolution: Resolution, today: datetime.date) -> Facts:
    """Gather what the routes, the registry-free checks and the registries say."""
    route = work_route(reference, resolution, today)
    found = (
        route.match.work
        if route.match is not None and route.verdict in (Verdict.VERIFIED, Verdict.INACCURATE)
        else None
    )
    cited = reference.fields
    placeholder = placeholder_authors(cited)
    if (
        placeholder is not None
        and found is not None
        and route.match is not None
        and route.match.authors.comparison.agrees
    ):
        placeholder = None  # the record bears the names out: real people so named
    future = future_date(cited, today)
    return Facts(
        reference=reference,
        route=route,
        found=found,
        placeholder=placeholder,
        future=future,
        future_recorded=found is not None and cited.year in recorded_years(found),
        trials=check_trials(reference, resolution, found),
        trial_only=cited.type is ReferenceType.CLINICAL_TRIAL
        or not (reference.identifiers.doi or cited.container or cited.title),
        arxiv_absent=registries.arxiv_absence(reference, resolution),
        venue_absent=registries.venue_absence(reference, resolution),
    )


def decide(facts: Facts) -> tuple[Row, Evidence]:
    """The first row of the table that holds, and the evidence that decided it."""
    for row in ROWS:
        evidence = row.decides(facts)
        if evidence is not None:
            return row, evidence
    raise AssertionError("the last row always decides")  # pragma: no cover


def _evidence(facts: Facts, lead: Evidence, verdict: Verdict) -> list[Evidence]:
    """The deciding evidence first, then everything else the facts said, once each."""
    out = [lead, *facts.route.evidence]
    for said in (facts.placeholder, facts.arxiv_absent):
        if said is not None:
            out.append(said)
    if facts.future is not None and not facts.future_recorded:
        out.append(facts.future)
    out.extend(t.evidence for t in facts.trials)
    seen: set[tuple[str, str]] = set()
    unique: list[Evidence] = []
    for e in out:
        key = (e.code, e.message)
        if e.message and key not in seen:
            seen.add(key)
            unique.append(e)
    return unique


def judge(
    reference: Reference, resolution: Resolution, today: datetime.date | None = None
) -> Judgement:
    """Judge one reference from what the registries said: verdict, evidence, match, fix."""
    facts = facts_of(reference, resolution, today or datetime.date.today())
    row, lead = decide(facts)
    verdict = row.verdict
    evidence = _evidence(facts, lead, verdict)
    route = facts.route
    comparisons: tuple[FieldComparison, ...] = ()
    if route.match is not None:
        comparisons = route.match.comparisons
        if route.doi_comparison is not None:
            comparisons = (*comparisons, route.doi_comparison)
    # Flags are facts about the work shown beside the verdict; they never change it.
    flags: tuple[Flag, ...] = ()
    if facts.found is not None:
        flags, flag_evidence = work_flags(facts.found)
        evidence.extend(flag_evidence)
        if (published := registries.published_flag(facts.found, flags)) is not None:
            flags = (*flags, published[0])
            evidence.append(published[1])
    verified = verdict is Verdict.VERIFIED
    likely = route.likely_source
    if verdict is Verdict.FABRICATED and likely is None:
        likely = facts.found  # a found record the citation borrows from (placeholders)
    return Judgement(
        reference_id=reference.id,
        verdict=verdict,
        evidence=tuple(evidence),
        flags=flags,
        comparisons=comparisons,
        match=route.match.work if route.match is not None else None,
        likely_source=None if verified else likely,
        suggestion=None if verified else route.suggestion,
        suggested_doi=route.suggested_doi,
    )
