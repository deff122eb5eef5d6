"""Which further lookups a reference needs once its identifiers have been looked up.

Requests are kept low: a DOI whose record agrees with the cited title and authors needs
nothing more; a search is asked for when there is no DOI, or the DOI's record disagrees, or
the DOI lookup gave no record (or the record differs in title, authors, year or journal: a
better version may exist); a locator lookup when a journal and a first page (or article
number) are cited and the identifier route did not already verify the work; a venue probe
(does Crossref hold the cited journal's works of those years?) for a journal article cited
without a DOI, which the resolver sends only if the search did not already show the journal.
"""

from __future__ import annotations

from veribib.judge.match import MATCH_ACCEPT, Identity, assess
from veribib.judge.route import works_of
from veribib.judge.routes import CROSSREF_COVERAGE_FROM, claims_covered_type
from veribib.model import Outcome, Reference, ReferenceType, Resolution, Status, Work

SEARCH = "search"
LOCATOR = "locator"
VENUE = "venue"


def _doi_agrees(reference: Reference, resolution: Resolution) -> bool:
    """The cited DOI's record is the cited work: same title and first author.

    Then no search can find a better record: any other field it disagrees on (year,
    journal, pages) is the citation's error, corrected from this record.
    """
    outcome = resolution.doi
    if not reference.identifiers.doi or outcome is None:
        return False
    if outcome.status is not Status.FOUND or outcome.value is None:
        return False
    a = assess(reference.fields, outcome.value)
    title = next((c for c in a.comparisons if c.field == "title"), None)
    return (
        a.identity is Identity.SAME
        and title is not None
        and title.agrees is True
        and a.authors.first_agrees is not False
    )


def _trial_suffices(reference: Reference, resolution: Resolution) -> bool:
    """A trial registration cited as such, and found: the registry record is the work."""
    if reference.fields.type is not ReferenceType.CLINICAL_TRIAL or not resolution.trials:
        return False
    return all(o.status is Status.FOUND for _, o in resolution.trials)


def needs_search(reference: Reference, resolution: Resolution) -> frozenset[str]:
    """The lookups still worth making, given those already made: a subset of
    {"search", "locator", "venue"}.

    Asked again after each round of lookups, so each later lookup is made only when the
    earlier ones left the reference undecided: first the bibliographic search; then the
    locator lookup, only when the search showed no candidate the judge would accept; then
    the venue probe, only when neither did and the locator showed no other work there.
    """
    cited = reference.fields
    if _doi_agrees(reference, resolution) or _trial_suffices(reference, resolution):
        return frozenset()
    if resolution.search is None and (
        cited.title or (cited.authors and (cited.container or cited.year))
    ):
        return frozenset((SEARCH,))
    if _accepted(reference, resolution.search):
        return frozenset()
    if resolution.locator is None and cited.container and cited.first_page:
        return frozenset((LOCATOR,))
    if _accepted(reference, resolution.locator) or works_of(resolution.locator):
        # The cited work, or another work at the cited place: coverage decides nothing.
        return frozenset()
    if resolution.venue is None and _venue_decides(reference):
        return frozenset((VENUE,))
    return frozenset()


def _accepted(reference: Reference, outcome: Outcome[tuple[Work, ...]] | None) -> bool:
    """A candidate of this lookup is one the judge would accept as the cited work
    (what ``choose`` accepts; stops at the first such candidate)."""
    for work in works_of(outcome):
        a = assess(reference.fields, work)
        if a.identity is Identity.SAME and a.score >= MATCH_ACCEPT:
            return True
    return False


def _venue_decides(reference: Reference) -> bool:
    """Whether Crossref's coverage of the cited journal could decide the verdict.

    Only a journal article or proceedings paper without a DOI, with a title, journal and a
    year Crossref covers, can be called fabricated for being absent from a covered venue. The
    resolver asks only when the search answered and showed no work of the journal itself.
    """
    cited = reference.fields
    return (
        not reference.identifiers.doi
        and bool(cited.title and cited.container)
        and cited.year is not None
        and cited.year >= CROSSREF_COVERAGE_FROM
        and claims_covered_type(cited)
    )
