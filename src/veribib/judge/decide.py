"""The verdict: which route decides (trial ids, DOI, search, locator) and what it concludes.

Order of decision, each step only on facts (an outage or offline lookup never accuses):

1. The DOI route. The record at the cited DOI is the cited work → verified, or inaccurate with
   field errors. It is another work → the cited work found elsewhere by search/locator makes it
   inaccurate (DOI_WRONG + the right DOI); otherwise fabricated (DOI_OTHER_WORK, naming the
   DOI's work as the likely source). doi.org says the DOI does not exist (an authoritative
   NOT_FOUND, or a registration with ``exists`` false) → a search match makes it a broken
   DOI (inaccurate, corrected DOI); no match → fabricated (DOI_NOT_FOUND). Registered
   elsewhere with no record, or no answer → the search route decides, else unresolved.
2. The search route: the best validated candidate → verified / inaccurate.
   Every record taken as the cited work passes ``settle`` first: a record whose title and
   first author the raw text writes, while the parsed fields disagree, is judged on the text
   (PARSE_UNCERTAIN, never fabricated); a record whose title the citation gives with none of
   its authors (AUTHORS_OTHER_WORK), or whose authors, venue and year it gives with a title
   of substituted words (TITLE_OTHER_WORK), shows a borrowed record → fabricated once a live
   search found no record of the cited combination. With no candidate accepted, a candidate
   showing such a borrowing decides the same way.
3. The locator route: the cited journal/volume/page holds a work by other authors under
   another title, and search found nothing → fabricated (LOCATOR_OTHER_WORK).
4. Absence from live Crossref, only for journal articles and proceedings in years Crossref
   covers, and only when Crossref is shown to cover the cited journal in the cited year (a
   record of it from that year, or from the years either side, among the candidates or the
   venue probe's answer) → fabricated (NO_MATCH_IN_COVERED_VENUE). Otherwise unresolved.
5. Checks without a registry: placeholder authors, a future year → fabricated, unless a
   registry record matching the citation carries those very authors / that year.
6. Trial ids (``trials``): not found, not issued yet, or about another topic
   (TRIAL_TOPIC_MISMATCH, TRIAL_WRONG_ID) → fabricated when the citation's own work was looked
   for and not found, inaccurate when the work was found (a wrong id on a real article),
   unresolved when the work could not be looked for; a mistyped id (TRIAL_ID_MALFORMED) makes a
   found work inaccurate and leaves the rest unresolved.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from veribib.judge import codes, registries
from veribib.judge.compare import recorded_years
from veribib.judge.flags import work_flags
from veribib.judge.route import Route
from veribib.judge.routes import work_route
from veribib.judge.sanity import future_date, placeholder_authors
from veribib.judge.trials import TrialStatus, check_trials
from veribib.model import (
    Evidence,
    FieldComparison,
    Fields,
    Flag,
    Judgement,
    Reference,
    ReferenceType,
    Resolution,
    Verdict,
    Work,
)


@dataclass(slots=True)
class _Draft:
    """The verdict as the checks after the work route amend it."""

    verdict: Verdict
    evidence: list[Evidence]
    likely: Work | None
    found: Work | None  # the cited work, when a route found it (verified or inaccurate)


def _worse(a: Verdict, b: Verdict) -> Verdict:
    return a if a.severity >= b.severity else b


def _registry_free_checks(draft: _Draft, route: Route, cited: Fields, today: datetime.date) -> None:
    """Placeholder authors and future years, overruled only by a record bearing them out."""
    fake = placeholder_authors(cited)
    if fake is not None and not (
        draft.found is not None
        and route.match is not None
        and route.match.authors.comparison.agrees
    ):
        draft.verdict = Verdict.FABRICATED
        draft.evidence.insert(0, fake)
        draft.likely = draft.likely or draft.found
    future = future_date(cited, today)
    if future is None:
        return
    if draft.found is not None:
        # A registry record that is the cited work outranks the suspicion: the year is a
        # typo ("2027" for "2007"), an error in citing a real work, and the fix gives the year.
        if cited.year not in recorded_years(draft.found):
            draft.verdict = _worse(draft.verdict, Verdict.INACCURATE)
            draft.evidence.append(future)
        return
    draft.verdict = Verdict.FABRICATED
    draft.evidence.insert(0, future)


def _trial_checks(
    draft: _Draft, route: Route, reference: Reference, resolution: Resolution
) -> None:
    """Cited trial ids: a wrong one on a found work is an error, on nothing found a fabrication."""
    cited = reference.fields
    trial_only = cited.type is ReferenceType.CLINICAL_TRIAL or not (
        reference.identifiers.doi or cited.container or cited.title
    )
    for finding in check_trials(reference, resolution, draft.found):
        status, said = finding.status, finding.evidence
        if status in (TrialStatus.NOT_FOUND, TrialStatus.TOPIC_MISMATCH):
            if draft.found is not None:
                draft.verdict = _worse(draft.verdict, Verdict.INACCURATE)
            elif route.looked_no_match or trial_only or draft.verdict is Verdict.FABRICATED:
                draft.verdict = Verdict.FABRICATED
            draft.evidence.insert(0, said)
        elif status is TrialStatus.MALFORMED:
            # A mistyped id is an error in a citation, not proof that the work is invented.
            if draft.found is not None:
                draft.verdict = _worse(draft.verdict, Verdict.INACCURATE)
            draft.evidence.insert(0, said)
        elif status is TrialStatus.OK and draft.verdict is Verdict.UNRESOLVED and trial_only:
            draft.verdict = Verdict.VERIFIED
            draft.evidence.insert(0, said)
        elif status is TrialStatus.UNKNOWN and draft.verdict is Verdict.UNRESOLVED:
            draft.evidence.insert(0, said)
        else:
            draft.evidence.append(said)


def judge(
    reference: Reference, resolution: Resolution, today: datetime.date | None = None
) -> Judgement:
    """Judge one reference from what the registries said: verdict, evidence, match, fix."""
    today = today or datetime.date.today()
    route = work_route(reference, resolution, today)
    route = registries.amend(route, reference, resolution)  # #13: arXiv, journal registries
    found = route.match is not None and route.verdict in (Verdict.VERIFIED, Verdict.INACCURATE)
    draft = _Draft(
        route.verdict,
        list(route.evidence),
        route.likely_source,
        route.match.work if found and route.match is not None else None,
    )
    _registry_free_checks(draft, route, reference.fields, today)
    _trial_checks(draft, route, reference, resolution)

    comparisons: tuple[FieldComparison, ...] = ()
    if route.match is not None:
        comparisons = route.match.comparisons
        if route.doi_comparison is not None:
            comparisons = (*comparisons, route.doi_comparison)
    flags: tuple[Flag, ...] = ()
    if draft.found is not None:
        flags, flag_evidence = work_flags(draft.found)
        draft.evidence.extend(flag_evidence)
        if (published := registries.published_flag(draft.found, flags)) is not None:  # #13
            flags = (*flags, published[0])
            draft.evidence.append(published[1])
    if not draft.evidence:
        draft.evidence.append(
            Evidence(codes.NO_IDENTIFIER_NO_MATCH, "nothing was looked up for this reference")
        )
    verified = draft.verdict is Verdict.VERIFIED
    return Judgement(
        reference_id=reference.id,
        verdict=draft.verdict,
        evidence=tuple(_dedupe(draft.evidence)),
        flags=flags,
        comparisons=comparisons,
        match=route.match.work if route.match is not None else None,
        likely_source=None if verified else draft.likely,
        suggestion=None if verified else route.suggestion,
        suggested_doi=route.suggested_doi,
    )


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[str, str]] = set()
    out: list[Evidence] = []
    for e in evidence:
        key = (e.code, e.message)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
