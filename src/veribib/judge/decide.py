"""The verdict: which route decides (trial ids, DOI, search, locator) and what it concludes.

Order of decision, each step only on facts (an outage or offline lookup never accuses):

1. The DOI route. The record at the cited DOI is the cited work → verified, or inaccurate with
   field errors. It is another work → the cited work found elsewhere by search/locator makes it
   inaccurate (DOI_WRONG + the right DOI); otherwise fabricated (DOI_OTHER_WORK, naming the
   DOI's work as the likely source). doi.org says the DOI does not exist → a search match
   makes it a broken DOI (inaccurate, corrected DOI); no match → fabricated (DOI_NOT_FOUND).
   Registered elsewhere with no record, or no answer → the search route decides, else
   unresolved.
2. The search route: the best validated candidate → verified / inaccurate.
3. The locator route: the cited journal/volume/page holds a work by other authors under
   another title, and search found nothing → fabricated (LOCATOR_OTHER_WORK).
4. Absence from live Crossref, only for journal articles and proceedings in years Crossref
   covers, and only when Crossref is shown to cover the cited journal (a candidate from it
   near the cited year) → fabricated (NO_MATCHING_RECORD). Otherwise unresolved, with why.
5. Checks without a registry: placeholder authors, a future year → fabricated, unless a
   registry record matching the citation carries those very authors / that year.
6. Trial ids: not found, or about another topic (TRIAL_TOPIC_MISMATCH) → fabricated when the
   citation's own work was looked for and not found, inaccurate when the work was found (a
   wrong id on a real article), unresolved when the work could not be looked for.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from veribib.judge import codes
from veribib.judge.authors import AuthorCheck
from veribib.judge.compare import compare_container, full_title, recorded_years
from veribib.judge.describe import cite, label, outcome_name
from veribib.judge.flags import work_flags
from veribib.judge.match import Assessment, Choice, Identity, assess, choose
from veribib.judge.sanity import future_date, placeholder_authors
from veribib.judge.trials import TrialStatus, check_trials
from veribib.model import (
    Evidence,
    FieldComparison,
    Fields,
    Flag,
    Judgement,
    Outcome,
    Reference,
    ReferenceType,
    Resolution,
    Status,
    Verdict,
    Work,
)

# Crossref's coverage of journal articles is thin before this year; absence from it is no
# evidence for older works.
CROSSREF_COVERAGE_FROM = 1995
# A candidate from the cited journal within this many years shows Crossref covers the venue.
COVERAGE_YEARS = 2

# Types whose absence from Crossref means something (it holds nearly all DOI-registered
# journal articles and proceedings, but few books, theses, reports, standards or web pages).
_COVERED_TYPES = (ReferenceType.JOURNAL_ARTICLE, ReferenceType.PROCEEDINGS_ARTICLE)
_GREY_TYPES = (
    ReferenceType.BOOK,
    ReferenceType.BOOK_CHAPTER,
    ReferenceType.THESIS,
    ReferenceType.REPORT,
    ReferenceType.STANDARD,
    ReferenceType.WEBPAGE,
    ReferenceType.DATASET,
    ReferenceType.OTHER,
)

_FIELD_CODES = {
    "title": codes.TITLE_MISMATCH,
    "authors": codes.AUTHOR_MISMATCH,
    "year": codes.YEAR_MISMATCH,
    "journal": codes.CONTAINER_MISMATCH,
    "volume": codes.VOLUME_MISMATCH,
    "issue": codes.ISSUE_MISMATCH,
    "pages": codes.PAGES_MISMATCH,
}


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


def _answered(outcome: Outcome[Any] | None) -> bool:
    return outcome is not None and outcome.status in (Status.FOUND, Status.NOT_FOUND)


def _works(outcome: Outcome[tuple[Work, ...]] | None) -> tuple[Work, ...]:
    if outcome is None or outcome.status is not Status.FOUND or outcome.value is None:
        return ()
    return outcome.value


def _candidates(resolution: Resolution) -> tuple[Work, ...]:
    return _works(resolution.search) + _works(resolution.locator)


def _problem(outcome: Outcome[Any] | None, what: str, default_source: str) -> Evidence | None:
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


def _mismatch(c: FieldComparison, a: Assessment) -> list[Evidence]:
    where = label(a.work)
    if c.field == "authors":
        check: AuthorCheck = a.authors
        out = []
        if check.problems:
            out.append(Evidence(codes.AUTHOR_MISMATCH, "; ".join(check.problems)))
        if check.missing:
            out.append(Evidence(codes.AUTHORS_MISSING, check.missing))
        return out
    if c.field == "journal" and c.found and c.found.startswith("preprint ("):
        return [
            Evidence(
                codes.CONTAINER_MISMATCH,
                f"{where} has this work as a {c.found}; cited as published in '{c.cited}'",
            )
        ]
    name = {"journal": "journal", "pages": "pages"}.get(c.field, c.field)
    quote = "'" if c.field in ("title", "journal") else ""
    sim = f" (similarity {c.similarity:.2f})" if c.field == "title" and c.similarity else ""
    return [
        Evidence(
            _FIELD_CODES[c.field],
            f"{where} has {name} {quote}{c.found}{quote}; cited {quote}{c.cited}{quote}{sim}",
        )
    ]


def _suggest(cited: Fields, a: Assessment) -> Fields:
    """The citation with every disagreeing field replaced by the record's value."""
    work = a.work
    changes: dict[str, object] = {}
    for c in a.disagreements:
        if c.field == "title":
            changes["title"] = full_title(work)
        elif c.field == "authors":
            changes.update(_suggest_authors(cited, a))
        elif c.field == "year":
            changes["year"] = work.fields.year
        elif c.field == "journal":
            changes["container"] = work.fields.container
        elif c.field == "volume":
            changes["volume"] = work.fields.volume
        elif c.field == "issue":
            changes["issue"] = work.fields.issue
        elif c.field == "pages":
            changes["pages"] = work.fields.pages or work.article_number
    return replace(cited, **changes)  # type: ignore[arg-type]


def _suggest_authors(cited: Fields, a: Assessment) -> dict[str, object]:
    work = a.work
    recorded = work.fields.authors
    if not work.authors_incomplete:
        return {"authors": recorded, "et_al": False}
    # A partial record: fix the names it shows, keep the cited ones it does not show.
    people = list(cited.authors)
    for i, j in a.authors.misspelt:
        if i < len(people) and j < len(recorded):
            people[i] = recorded[j]
    for i in a.authors.unmatched:
        if i < len(people) and i < len(recorded):
            people[i] = recorded[i]
    return {"authors": tuple(people)}


def _confirmation(a: Assessment, via: str) -> Evidence:
    where = label(a.work)
    agreed = [c.field for c in a.comparisons if c.agrees is True]
    what = ", ".join(agreed) if agreed else "nothing further"
    if via == "doi":
        return Evidence(
            codes.DOI_CONFIRMED, f"{where} record {a.work.doi} is the cited work (agree: {what})"
        )
    code = codes.LOCATOR_MATCH if via == "locator" else codes.SEARCH_MATCH
    how = "at the cited journal, volume and page" if via == "locator" else "by bibliographic search"
    return Evidence(code, f"found {how} in {where}: {cite(a.work)} (agree: {what})")


def _via(a: Assessment, resolution: Resolution) -> str:
    return (
        "locator"
        if a.work in _works(resolution.locator) and a.work not in _works(resolution.search)
        else "search"
    )


def matched(
    reference: Reference,
    a: Assessment,
    via: str,
    doi_state: DoiState,
    other: Work | None = None,
) -> Route:
    """A route that found the cited work: verified, or inaccurate with each error named."""
    cited = reference.fields
    cited_doi = reference.identifiers.doi
    errors: list[Evidence] = []
    notes: list[Evidence] = []
    for c in a.disagreements:
        errors.extend(_mismatch(c, a))
    work_doi = a.work.doi
    doi_cmp: FieldComparison | None = None
    if cited_doi:
        same = work_doi is not None and work_doi.lower() == cited_doi.lower()
        related = work_doi is not None and any(
            d.lower() == cited_doi.lower() for _, d in a.work.relations
        )
        right = work_doi or "not recorded"
        if doi_state is DoiState.OTHER_WORK and other is not None and not same:
            errors.insert(
                0,
                Evidence(
                    codes.DOI_WRONG,
                    f"the cited DOI {cited_doi} is {cite(other)}; the cited work is {right}",
                ),
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, 0.0, False)
        elif doi_state is DoiState.BROKEN and not same:
            errors.insert(
                0,
                Evidence(
                    codes.DOI_NOT_FOUND,
                    f"doi.org: {cited_doi} does not exist; the cited work is {right}",
                ),
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, 0.0, False)
        elif same:
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, 1.0, True)
        elif related:
            notes.append(
                Evidence(
                    codes.DOI_OTHER_VERSION,
                    f"the cited DOI {cited_doi} is a version of {work_doi} ({label(a.work)})",
                )
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, None, None)
        else:
            has = f"has this work as {work_doi}" if work_doi else "records no DOI for this work"
            notes.append(
                Evidence(
                    codes.DOI_UNCONFIRMED,
                    f"the cited DOI {cited_doi} could not be confirmed; {label(a.work)} {has}",
                )
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, None, None)
    confirm = _confirmation(a, via)
    if errors:
        return Route(
            Verdict.INACCURATE,
            errors + notes + [confirm],
            match=a,
            suggestion=_suggest(cited, a),
            suggested_doi=work_doi if work_doi and work_doi != cited_doi else None,
            doi_comparison=doi_cmp,
        )
    return Route(
        Verdict.VERIFIED,
        [confirm, *notes],
        match=a,
        suggested_doi=work_doi if work_doi and work_doi != cited_doi else None,
        doi_comparison=doi_cmp,
    )


def _ambiguity(choice: Choice) -> Evidence | None:
    if choice.ambiguous and choice.best is not None and choice.runner_up is not None:
        return Evidence(
            codes.AMBIGUOUS_MATCH,
            f"two records fit almost equally: {cite(choice.best.work)} and "
            f"{cite(choice.runner_up.work)}",
        )
    return None


def _possible(choice: Choice) -> Evidence | None:
    if not choice.unsure:
        return None
    best = max(choice.unsure, key=lambda a: a.score)
    return Evidence(
        codes.POSSIBLE_MATCH,
        f"{label(best.work)} has a similar record that cannot be confirmed: {cite(best.work)}",
    )


# --- routes ------------------------------------------------------------------------------


def _versions(a: Work, b: Work) -> bool:
    """Two records are versions of one work: linked by a relation, or one is a preprint."""
    linked = any(d == b.doi for _, d in a.relations) or any(d == a.doi for _, d in b.relations)
    return linked or ReferenceType.PREPRINT in (a.fields.type, b.fields.type)


def _search_answered(resolution: Resolution) -> bool:
    return _answered(resolution.search)


def _doi_route(reference: Reference, resolution: Resolution) -> Route | None:
    """Decide from the cited DOI when its lookups say enough; None to fall back on search."""
    cited = reference.fields
    doi = reference.identifiers.doi
    outcome = resolution.doi
    if not doi or outcome is None:
        return None
    candidates = _candidates(resolution)
    if outcome.status is Status.FOUND and outcome.value is not None:
        record = outcome.value
        a = assess(cited, record)
        choice = choose(cited, candidates, exclude_doi=record.doi)
        if a.identity is Identity.SAME:
            better = choice.best
            if (
                a.disagreements
                and better is not None
                and len(better.disagreements) < len(a.disagreements)
                and better.score > a.score
                and _versions(record, better.work)
            ):
                # The DOI is another version of the cited work (its preprint, say).
                return matched(
                    reference, better, _via(better, resolution), DoiState.OTHER_WORK, record
                )
            return matched(reference, a, "doi", DoiState.RECORD)
        if choice.best is not None:
            return matched(
                reference, choice.best, _via(choice.best, resolution), DoiState.OTHER_WORK, record
            )
        if a.identity is Identity.UNSURE:
            return matched(reference, a, "doi", DoiState.RECORD)
        other = Evidence(
            codes.DOI_OTHER_WORK,
            f"the cited DOI {doi} belongs to another work: {cite(record)} "
            f"(title similarity {a.field('title').similarity or 0:.2f})",
        )
        possible = _possible(choice)
        if _search_answered(resolution) and possible is None:
            return Route(
                Verdict.FABRICATED,
                [other, _no_match_note(resolution)],
                match=a,
                likely_source=record,
                looked_no_match=True,
            )
        why = (
            possible
            or _problem(resolution.search, "search", "Crossref")
            or Evidence(
                codes.NO_IDENTIFIER_NO_MATCH, "no bibliographic search was made for the cited title"
            )
        )
        return Route(Verdict.UNRESOLVED, [other, why], match=a, likely_source=record)

    if outcome.status is Status.NOT_FOUND and outcome.authoritative:
        reg = resolution.doi_registration
        choice = choose(cited, candidates)
        where = outcome_name(outcome, "Crossref")
        if reg is not None and reg.status is Status.FOUND and reg.value is not None:
            if not reg.value.exists:
                if choice.best is not None:
                    route = matched(
                        reference, choice.best, _via(choice.best, resolution), DoiState.BROKEN
                    )
                    return route
                gone = Evidence(codes.DOI_NOT_FOUND, f"doi.org: the DOI {doi} does not exist")
                possible = _possible(choice)
                if _search_answered(resolution) and possible is None:
                    return Route(
                        Verdict.FABRICATED,
                        [gone, _no_match_note(resolution)],
                        looked_no_match=True,
                    )
                reason = possible or _problem(resolution.search, "search", "Crossref")
                return Route(Verdict.UNRESOLVED, [gone] + ([reason] if reason else []))
            agency = reg.value.agency or "another agency"
            elsewhere = Evidence(
                codes.DOI_REGISTERED_ELSEWHERE,
                f"doi.org: {doi} exists, registered with {agency}; {where} has no record of it",
            )
            if choice.best is not None:
                route = matched(
                    reference, choice.best, _via(choice.best, resolution), DoiState.UNKNOWN
                )
                route.evidence.append(elsewhere)
                return route
            return Route(Verdict.UNRESOLVED, [elsewhere])
        # doi.org not asked or not answering: Crossref's 404 alone does not mean "no such DOI".
        if choice.best is not None:
            return matched(reference, choice.best, _via(choice.best, resolution), DoiState.UNKNOWN)
        unknown = Evidence(
            codes.NOT_IN_REGISTRY, f"{where} has no record of {doi} (not a Crossref DOI?)"
        )
        reg_problem = _problem(reg, "DOI registration check", "doi.org")
        return Route(Verdict.UNRESOLVED, [unknown] + ([reg_problem] if reg_problem else []))
    return None


def _no_match_note(resolution: Resolution) -> Evidence:
    search = resolution.search
    where = outcome_name(search, "Crossref") if search is not None else "Crossref"
    return Evidence(
        codes.NO_MATCHING_RECORD,
        f"no record in {where} matches the cited title and authors",
    )


def _covered(cited: Fields, candidates: tuple[Work, ...]) -> Work | None:
    """A candidate from the cited journal near the cited year: Crossref covers the venue."""
    for work in candidates:
        if compare_container(cited, work).agrees is not True:
            continue
        years = recorded_years(work)
        if (
            cited.year is None
            or not years
            or min(abs(cited.year - y) for y in years) <= (COVERAGE_YEARS)
        ):
            return work
    return None


def _claims_covered_type(cited: Fields) -> bool:
    if cited.type in _COVERED_TYPES:
        return True
    return cited.type is None and bool(cited.container) and bool(cited.volume or cited.pages)


def _search_route(
    reference: Reference, resolution: Resolution, today: datetime.date, doi_notes: list[Evidence]
) -> Route:
    cited = reference.fields
    candidates = _candidates(resolution)
    choice = choose(cited, candidates)
    if choice.best is not None:
        route = matched(reference, choice.best, _via(choice.best, resolution), DoiState.UNKNOWN)
        ambiguity = _ambiguity(choice)
        if ambiguity is not None:
            route.evidence.append(ambiguity)
        route.evidence.extend(e for e in doi_notes if e.code != codes.NOT_IN_REGISTRY)
        return route
    searched = _search_answered(resolution)
    possible = _possible(choice)
    locator_works = _works(resolution.locator)
    others = [a for a in choice.different if a.work in locator_works and a.at_locator]
    if others:
        source = max(others, key=lambda a: a.score)
        where = f"{cited.container} {cited.volume or ''}:{cited.first_page}".replace(" :", ":")
        elsewhere = Evidence(
            codes.LOCATOR_OTHER_WORK,
            f"the real article at the cited location ({where}) is {cite(source.work)}",
        )
        if searched and possible is None:
            return Route(
                Verdict.FABRICATED,
                [elsewhere, _no_match_note(resolution), *doi_notes],
                match=source,
                likely_source=source.work,
                looked_no_match=True,
            )
        why = possible or _problem(resolution.search, "search", "Crossref")
        return Route(
            Verdict.UNRESOLVED,
            [elsewhere, *([why] if why else []), *doi_notes],
            likely_source=source.work,
        )
    search = resolution.search
    live = (
        search is not None
        and search.is_fact
        and search.authoritative
        and search.source not in ("snapshot",)
    )
    if (
        live
        and search is not None
        and possible is None
        and cited.title
        and _claims_covered_type(cited)
        and cited.year is not None
        and CROSSREF_COVERAGE_FROM <= cited.year <= today.year
        and not reference.identifiers.doi
    ):
        venue = _covered(cited, candidates)
        if venue is not None:
            return Route(
                Verdict.FABRICATED,
                [
                    Evidence(
                        codes.NO_MATCHING_RECORD,
                        f"{outcome_name(search, 'Crossref')} covers '{cited.container}' "
                        f"(e.g. {cite(venue)}) but has no work with the cited title and authors",
                    )
                ],
                looked_no_match=True,
            )
    return Route(
        Verdict.UNRESOLVED,
        _unresolved_reasons(reference, resolution, possible, doi_notes),
        looked_no_match=searched and possible is None,
    )


def _unresolved_reasons(
    reference: Reference,
    resolution: Resolution,
    possible: Evidence | None,
    doi_notes: list[Evidence],
) -> list[Evidence]:
    """Why nothing could be concluded: faults and offline lookups first, then absences."""
    cited = reference.fields
    faults: list[Evidence] = []
    for outcome, what in ((resolution.search, "search"), (resolution.locator, "locator lookup")):
        why = _problem(outcome, what, "Crossref")
        if why is not None and why.code != codes.NOT_IN_REGISTRY:
            faults.append(why)
    reasons: list[Evidence] = [*([possible] if possible else []), *faults]
    search = resolution.search
    if _answered(search) and search is not None and not search.authoritative:
        where = outcome_name(search, "the snapshot")
        reasons.append(
            Evidence(
                codes.NOT_IN_REGISTRY,
                f"no record in {where} matches the cited work ({where} holds only some works: "
                "its miss is no evidence)",
            )
        )
    elif _answered(search) and search is not None:
        where = outcome_name(search, "Crossref")
        if cited.type in _GREY_TYPES or (
            cited.type is None and cited.publisher and not cited.container
        ):
            kind = cited.type.value if cited.type else "book"
            reasons.append(
                Evidence(
                    codes.NOT_IN_REGISTRY,
                    f"no matching record in {where}; a {kind} is often not registered there",
                )
            )
        else:
            reasons.append(
                Evidence(
                    codes.NO_IDENTIFIER_NO_MATCH,
                    f"no matching record in {where}, which does not hold every journal's works",
                )
            )
    elif search is None and not faults:
        reasons.append(Evidence(codes.NO_IDENTIFIER_NO_MATCH, "no bibliographic search was made"))
    reasons.extend(doi_notes)
    return reasons


def _work_route(reference: Reference, resolution: Resolution, today: datetime.date) -> Route:
    cited = reference.fields
    ids = reference.identifiers
    if not (cited.title or cited.authors or ids.doi or cited.container):
        if ids.trials:
            return Route(Verdict.UNRESOLVED)
        return Route(
            Verdict.UNRESOLVED,
            [Evidence(codes.NOTHING_TO_CHECK, "no title, author, journal or identifier to check")],
        )
    route = _doi_route(reference, resolution)
    if route is not None:
        return route
    doi_notes: list[Evidence] = []
    if ids.doi:
        why = _problem(resolution.doi, f"lookup of {ids.doi}", "Crossref")
        if why is not None:
            doi_notes.append(why)
    return _search_route(reference, resolution, today, doi_notes)


# --- the judgement -----------------------------------------------------------------------


def _worse(a: Verdict, b: Verdict) -> Verdict:
    return a if a.severity >= b.severity else b


def judge(
    reference: Reference, resolution: Resolution, today: datetime.date | None = None
) -> Judgement:
    """Judge one reference from what the registries said: verdict, evidence, match, fix."""
    today = today or datetime.date.today()
    cited = reference.fields
    route = _work_route(reference, resolution, today)
    verdict = route.verdict
    evidence = list(route.evidence)
    found_work = route.match is not None and verdict in (Verdict.VERIFIED, Verdict.INACCURATE)
    likely = route.likely_source

    # Checks without a registry, overruled only by a matching record that bears them out.
    fake = placeholder_authors(cited)
    if fake is not None and not (
        found_work and route.match is not None and route.match.authors.comparison.agrees
    ):
        verdict = Verdict.FABRICATED
        evidence.insert(0, fake)
        if found_work and route.match is not None:
            likely = likely or route.match.work
    future = future_date(cited, today)
    if future is not None and not (
        found_work and route.match is not None and cited.year in recorded_years(route.match.work)
    ):
        verdict = Verdict.FABRICATED
        evidence.insert(0, future)
        if found_work and route.match is not None:
            likely = likely or route.match.work

    # Trial ids.
    trial_only = cited.type is ReferenceType.CLINICAL_TRIAL or not (
        reference.identifiers.doi or cited.container or cited.title
    )
    for finding in check_trials(reference, resolution):
        if finding.status in (TrialStatus.NOT_FOUND, TrialStatus.TOPIC_MISMATCH):
            if found_work:
                verdict = _worse(verdict, Verdict.INACCURATE)
            elif route.looked_no_match or trial_only or verdict is Verdict.FABRICATED:
                verdict = Verdict.FABRICATED
            evidence.insert(0, finding.evidence)
        elif finding.status is TrialStatus.OK:
            if verdict is Verdict.UNRESOLVED and trial_only:
                verdict = Verdict.VERIFIED
                evidence.insert(0, finding.evidence)
            else:
                evidence.append(finding.evidence)
        elif verdict is Verdict.UNRESOLVED:
            evidence.insert(0, finding.evidence)
        else:
            evidence.append(finding.evidence)

    match = route.match.work if route.match is not None else None
    comparisons: tuple[FieldComparison, ...] = ()
    if route.match is not None:
        comparisons = route.match.comparisons
        if route.doi_comparison is not None:
            comparisons = (*comparisons, route.doi_comparison)
    flags: tuple[Flag, ...] = ()
    if match is not None and found_work:
        flags, flag_evidence = work_flags(match)
        evidence.extend(flag_evidence)
    if not evidence:
        evidence.append(
            Evidence(codes.NO_IDENTIFIER_NO_MATCH, "nothing was looked up for this reference")
        )
    return Judgement(
        reference_id=reference.id,
        verdict=verdict,
        evidence=tuple(_dedupe(evidence)),
        flags=flags,
        comparisons=comparisons,
        match=match,
        likely_source=likely if verdict is not Verdict.VERIFIED else None,
        suggestion=route.suggestion if verdict is not Verdict.VERIFIED else None,
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
