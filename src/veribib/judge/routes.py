"""The work routes: the cited DOI, then bibliographic search, then the journal locator.

See ``decide`` for the order of decision; each route concludes only on facts.
"""

from __future__ import annotations

import datetime

from veribib.judge import codes
from veribib.judge.codes import cite, label, outcome_name
from veribib.judge.compare import compare_container, recorded_years
from veribib.judge.match import Assessment, Choice, Identity, assess, choose
from veribib.judge.otherwork import authors_are_others
from veribib.judge.rawtext import record_in_text
from veribib.judge.route import (
    DoiState,
    Route,
    answered,
    borrowed_route,
    candidates_of,
    found_route,
    named_in_text,
    no_match_note,
    problem,
    record_key,
    record_keys,
    via,
    works_of,
)
from veribib.judge.venues import VenueKind, cited_venue_kind
from veribib.model import (
    DoiRegistration,
    Evidence,
    Fields,
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
# Records of the cited journal (from the search or the venue probe) show that Crossref covers
# it in the cited year when one is from that year or from the year before: a journal that
# deposits with Crossref keeps doing so. A record from the year after alone is not enough: a
# journal may have started depositing that year, and a real article of the year before would
# be accused. (Live Crossref answers the probe with works of the cited year itself; the
# stand-in corpus holds one or two works per journal, so the year before matters there.)
COVERAGE_YEARS = 1

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


def _ambiguity(choice: Choice) -> Evidence | None:
    if choice.ambiguous and choice.best is not None and choice.runner_up is not None:
        return Evidence(
            codes.AMBIGUOUS_MATCH,
            f"two records fit almost equally: {cite(choice.best.work)} and "
            f"{cite(choice.runner_up.work)}",
        )
    return None


def _possible(cited: Fields, choice: Choice) -> Evidence | None:
    """POSSIBLE_MATCH: a record that may be the cited work (which forbids absence evidence).

    A record by other people (``authors_are_others``) is not one: only its (short) title is
    like the cited one, and short titles name many works.
    """
    unsure = [a for a in choice.unsure if not authors_are_others(cited, a.work)]
    if not unsure:
        return None
    best = max(unsure, key=lambda a: a.score)
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
    return answered(resolution.search)


def _doi_route(reference: Reference, resolution: Resolution) -> Route | None:
    """Decide from the cited DOI when its lookups say enough; None to fall back on search."""
    outcome = resolution.doi
    if not reference.identifiers.doi or outcome is None:
        return None
    if outcome.status is Status.FOUND and outcome.value is not None:
        return _doi_record_route(reference, resolution, outcome.value)
    if outcome.status is Status.NOT_FOUND and outcome.authoritative:
        return _doi_absent_route(reference, resolution, outcome_name(outcome, "Crossref"))
    return None


def _doi_record_route(reference: Reference, resolution: Resolution, record: Work) -> Route:
    """The cited DOI has a record: the cited work, a version of it, or another work."""
    cited = reference.fields
    doi = reference.identifiers.doi
    a = assess(cited, record)
    choice = choose(cited, candidates_of(resolution), exclude_doi=record.doi)
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
            return found_route(
                reference, resolution, better, via(better, resolution), DoiState.OTHER_WORK, record
            )
        return found_route(reference, resolution, a, "doi", DoiState.RECORD)
    if choice.best is not None:
        return found_route(
            reference,
            resolution,
            choice.best,
            via(choice.best, resolution),
            DoiState.OTHER_WORK,
            record,
        )
    if a.identity is Identity.UNSURE or record_in_text(reference, record):
        # An unsure record, or one whose title and first author the reference's text writes
        # (the parser misread it): the DOI's record is taken as the cited work.
        return found_route(reference, resolution, a, "doi", DoiState.RECORD)
    named = named_in_text(reference, choice)
    if named is not None:
        return found_route(
            reference, resolution, named, via(named, resolution), DoiState.OTHER_WORK, record
        )
    other = Evidence(
        codes.DOI_OTHER_WORK,
        f"the cited DOI {doi} belongs to another work: {cite(record)} "
        f"(title similarity {a.field('title').similarity or 0:.2f})",
    )
    possible = _possible(cited, choice)
    if _search_answered(resolution) and possible is None:
        return Route(
            Verdict.FABRICATED,
            [other, no_match_note(resolution)],
            match=a,
            likely_source=record,
            looked_no_match=True,
        )
    why = (
        possible
        or problem(resolution.search, "search", "Crossref")
        or Evidence(
            codes.NO_IDENTIFIER_NO_MATCH, "no bibliographic search was made for the cited title"
        )
    )
    return Route(Verdict.UNRESOLVED, [other, why], match=a, likely_source=record)


def _doi_does_not_exist(reg: Outcome[DoiRegistration] | None) -> bool:
    """doi.org said, as a fact, that the DOI does not exist (any registration agency).

    The resolver stores that answer as an authoritative NOT_FOUND; a FOUND registration with
    ``exists=False`` says the same.
    """
    if reg is None:
        return False
    if reg.status is Status.FOUND:
        return reg.value is not None and not reg.value.exists
    return reg.status is Status.NOT_FOUND and reg.authoritative and reg.source != "snapshot"


def _doi_absent_route(reference: Reference, resolution: Resolution, where: str) -> Route:
    """Crossref has no record of the cited DOI: doi.org says whether it exists at all."""
    cited = reference.fields
    doi = reference.identifiers.doi
    reg = resolution.doi_registration
    choice = choose(cited, candidates_of(resolution))
    if _doi_does_not_exist(reg):
        best = choice.best or named_in_text(reference, choice)
        if best is not None:
            return found_route(reference, resolution, best, via(best, resolution), DoiState.BROKEN)
        gone = Evidence(codes.DOI_NOT_FOUND, f"doi.org: the DOI {doi} does not exist")
        possible = _possible(cited, choice)
        if _search_answered(resolution) and possible is None:
            return Route(
                Verdict.FABRICATED,
                [gone, no_match_note(resolution)],
                looked_no_match=True,
            )
        reason = possible or problem(resolution.search, "search", "Crossref")
        return Route(Verdict.UNRESOLVED, [gone] + ([reason] if reason else []))
    if reg is not None and reg.status is Status.FOUND and reg.value is not None:
        agency = reg.value.agency or "another agency"
        elsewhere = Evidence(
            codes.DOI_REGISTERED_ELSEWHERE,
            f"doi.org: {doi} exists, registered with {agency}; {where} has no record of it",
        )
        if choice.best is not None:
            route = found_route(
                reference, resolution, choice.best, via(choice.best, resolution), DoiState.UNKNOWN
            )
            route.evidence.append(elsewhere)
            return route
        return Route(Verdict.UNRESOLVED, [elsewhere])
    # doi.org not asked or not answering: Crossref's 404 alone does not mean "no such DOI".
    if choice.best is not None:
        route = found_route(
            reference, resolution, choice.best, via(choice.best, resolution), DoiState.UNKNOWN
        )
        best_doi = (choice.best.work.doi or "").lower()
        if (
            reg is not None
            and reg.status is Status.UNAVAILABLE
            and route.verdict is Verdict.VERIFIED
            and best_doi != (doi or "").lower()
        ):
            # The work is real, but whether the cited DOI exists at all (with another agency)
            # or not is exactly what doi.org would have said: an outage is no "verified".
            reg_problem = problem(reg, "DOI registration check", "doi.org")
            return Route(
                Verdict.UNRESOLVED,
                [
                    Evidence(
                        codes.NOT_IN_REGISTRY,
                        f"{where} has no record of {doi}; the cited work is "
                        f"{cite(choice.best.work)}, but whether {doi} exists could not be "
                        "checked",
                    ),
                    *([reg_problem] if reg_problem else []),
                ],
                match=choice.best,
                likely_source=choice.best.work,
            )
        return route
    unknown = Evidence(
        codes.NOT_IN_REGISTRY, f"{where} has no record of {doi} (not a Crossref DOI?)"
    )
    reg_problem = problem(reg, "DOI registration check", "doi.org")
    return Route(Verdict.UNRESOLVED, [unknown] + ([reg_problem] if reg_problem else []))


def _covered(cited: Fields, works: tuple[Work, ...]) -> tuple[Work, str] | None:
    """A record showing Crossref covers the cited journal in the cited year, and its year.

    A work of the journal from that year shows it; so does one from the year before (a
    journal that deposits keeps depositing). The year after alone does not: a journal may
    have started depositing with Crossref the year after the cited one.
    """
    if cited.year is None:
        return None
    year = cited.year
    by_year: dict[int, Work] = {}
    for work in works:
        if compare_container(cited, work).agrees is True:
            for y in recorded_years(work):
                by_year.setdefault(y, work)
    if year in by_year:
        return by_year[year], str(year)
    before = year - COVERAGE_YEARS
    if before in by_year:
        return by_year[before], f"{before}, the year before,"
    return None


def _probed(resolution: Resolution) -> tuple[Work, ...]:
    """The works the live venue probe returned (a snapshot's are no evidence of coverage)."""
    probe = resolution.venue
    if probe is None or not probe.authoritative or probe.source == "snapshot":
        return ()
    return works_of(probe)


def claims_covered_type(cited: Fields) -> bool:
    """The citation claims a journal article: the kind of work whose absence Crossref can show.

    Preprints and conference papers never qualify, whatever their type says: preprint servers
    are not Crossref venues, and proceedings are deposited late, partly or never, so a paper
    cited before deposit, or with its acceptance year, would be accused (see ``venues``).
    """
    if cited_venue_kind(cited) is not VenueKind.JOURNAL:
        return False
    if cited.type is ReferenceType.JOURNAL_ARTICLE:
        return True
    return cited.type is None and bool(cited.container) and bool(cited.volume or cited.pages)


def _at_cited_identifier(reference: Reference, resolution: Resolution) -> Assessment | None:
    """The record of the cited arXiv id or PMID, when it bears the cited title.

    The identifier is a hard locator, like a DOI: with the title it identifies the work even
    when the title is short or the authors disagree (which then are the citation's error).
    """
    for outcome in (resolution.arxiv, resolution.pubmed):
        if outcome is None or outcome.status is not Status.FOUND or outcome.value is None:
            continue
        a = assess(reference.fields, outcome.value)
        if a.identity is not Identity.DIFFERENT and a.field("title").agrees is True:
            return a
    return None


def _search_route(
    reference: Reference, resolution: Resolution, today: datetime.date, doi_notes: list[Evidence]
) -> Route:
    cited = reference.fields
    candidates = candidates_of(resolution)
    choice = choose(cited, candidates)
    best = (
        choice.best
        or _at_cited_identifier(reference, resolution)
        or named_in_text(reference, choice)
    )
    if best is not None:
        route = found_route(reference, resolution, best, via(best, resolution), DoiState.UNKNOWN)
        ambiguity = _ambiguity(choice)
        if ambiguity is not None:
            route.evidence.append(ambiguity)
        route.evidence.extend(e for e in doi_notes if e.code != codes.NOT_IN_REGISTRY)
        return route
    borrowed = borrowed_route(reference, resolution, choice)
    if borrowed is not None:
        borrowed.evidence.extend(doi_notes)
        return borrowed
    searched = _search_answered(resolution)
    possible = _possible(cited, choice)
    located = record_keys(resolution.locator)
    others = [a for a in choice.different if record_key(a.work) in located and a.at_locator]
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
                [elsewhere, no_match_note(resolution), *doi_notes],
                match=source,
                likely_source=source.work,
                looked_no_match=True,
            )
        why = possible or problem(resolution.search, "search", "Crossref")
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
        and claims_covered_type(cited)
        and cited.year is not None
        and CROSSREF_COVERAGE_FROM <= cited.year <= today.year
        and not reference.identifiers.doi
    ):
        covered = _covered(cited, candidates + _probed(resolution))
        if covered is not None:
            example, years = covered
            shown = cite(example)
            return Route(
                Verdict.FABRICATED,
                [
                    Evidence(
                        codes.NO_MATCH_IN_COVERED_VENUE,
                        f"{outcome_name(search, 'Crossref')} holds works of '{cited.container}' "
                        f"from {years} (e.g. {shown}) but none with the cited title and authors",
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
        why = problem(outcome, what, "Crossref")
        if why is not None and why.code != codes.NOT_IN_REGISTRY:
            faults.append(why)
    reasons: list[Evidence] = [*([possible] if possible else []), *faults]
    search = resolution.search
    if answered(search) and search is not None and not search.authoritative:
        where = outcome_name(search, "the snapshot")
        reasons.append(
            Evidence(
                codes.NOT_IN_REGISTRY,
                f"no record in {where} matches the cited work ({where} holds only some works: "
                "its miss is no evidence)",
            )
        )
    elif answered(search) and search is not None:
        where = outcome_name(search, "Crossref")
        if cited.type in _GREY_TYPES or (
            cited.type is None and cited.publisher and not cited.container
        ):
            reasons.append(
                Evidence(
                    codes.NOT_IN_REGISTRY,
                    f"no matching record in {where}; {_a_kind(cited.type)} is often not "
                    "registered there",
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


def _a_kind(kind: ReferenceType | None) -> str:
    """A reference type as a phrase with its article ("a book chapter", "a work of this kind")."""
    if kind is None:
        return "a book"
    if kind is ReferenceType.OTHER:
        return "a work of this kind"
    name = kind.value.replace("-", " ")
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def work_route(reference: Reference, resolution: Resolution, today: datetime.date) -> Route:
    """The provisional verdict on the cited work: the DOI route, else search and locator."""
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
        why = problem(resolution.doi, f"lookup of {ids.doi}", "Crossref")
        if why is not None:
            doi_notes.append(why)
    return _search_route(reference, resolution, today, doi_notes)
