"""DOIs that exist nowhere, Crossref's coverage of a journal, and proceedings venues."""

from __future__ import annotations

import datetime
from dataclasses import replace

from veribib.judge import VENUE, codes, judge, needs_search
from veribib.model import (
    DoiRegistration,
    Outcome,
    ReferenceType,
    Resolution,
    Status,
    Verdict,
    Work,
)

from .helpers import cited_from, crossref_404, crossref_search, crossref_work, found, ref

TODAY = datetime.date(2026, 6, 30)
ACCELERATORS = "10.1016/j.eng.2020.01.007"  # Chen et al. 2020, Engineering
DEEP_CARBON = "10.1016/j.eng.2019.03.004"  # Schiffries et al. 2019, Engineering
BOETTIGER = "10.1007/s12080-013-0192-6"  # Theoretical Ecology 2013
PLASTICS = "10.1016/j.eng.2021.02.009"  # Engineering, 2021
AFRICON = "10.1109/afrcon.2009.5308146"  # a proceedings paper, container "AFRICON 2009"


def _gone(doi: str) -> Outcome[DoiRegistration]:
    """doi.org's "does not exist", as the resolver stores it: an authoritative NOT_FOUND."""
    return Outcome(
        Status.NOT_FOUND, DoiRegistration(doi, False), source="doi.org", detail="does not exist"
    )


# --- DOIs that exist nowhere -------------------------------------------------------------


def test_broken_doi_stored_as_not_found_is_inaccurate_with_the_right_doi() -> None:
    work = crossref_work(ACCELERATORS)
    broken = "10.1016/j.eng.2020.01.008"
    resolution = Resolution(
        doi=crossref_404(),
        doi_registration=_gone(broken),
        search=crossref_search([crossref_work(BOETTIGER), work]),
    )
    judgement = judge(cited_from(work, doi=broken), resolution, TODAY)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.DOI_NOT_FOUND
    assert judgement.suggested_doi == ACCELERATORS


def test_invented_doi_stored_as_not_found_without_a_match_is_fabricated() -> None:
    reference = ref(
        title="Quantum annealing for protein folding in extremophile bacteria",
        authors=["Rahman, S.", "Duval, P."],
        year=2021,
        container="Engineering",
        doi="10.1016/j.eng.2021.99.999",
    )
    resolution = Resolution(
        doi=crossref_404(),
        doi_registration=_gone("10.1016/j.eng.2021.99.999"),
        search=crossref_search([crossref_work(ACCELERATORS)]),
    )
    judgement = judge(reference, resolution, TODAY)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.DOI_NOT_FOUND


def test_a_snapshot_saying_not_found_about_a_doi_is_no_evidence() -> None:
    reference = ref(title="Some work", authors=["Rahman, S."], year=2021, doi="10.1/x")
    miss = replace(_gone("10.1/x"), source="snapshot", authoritative=False)
    resolution = Resolution(doi=crossref_404(), doi_registration=miss, search=crossref_search([]))
    assert judge(reference, resolution, TODAY).verdict is Verdict.UNRESOLVED


# --- coverage of the cited journal ---------------------------------------------------------


def _invented(container: str = "Engineering", year: int = 2020) -> object:
    return ref(
        title="Graph neural networks for tunnel boring machine fault prediction",
        authors=["Halvorsen, K.", "Mbeki, T."],
        year=year,
        container=container,
        type=ReferenceType.JOURNAL_ARTICLE,
    )


def test_invented_article_in_a_journal_the_probe_shows_covered_is_fabricated() -> None:
    probe = found((crossref_work(ACCELERATORS),))  # Engineering, 2020
    resolution = Resolution(search=crossref_search([crossref_work(BOETTIGER)]), venue=probe)
    judgement = judge(_invented(), resolution, TODAY)  # type: ignore[arg-type]
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.NO_MATCH_IN_COVERED_VENUE
    message = judgement.evidence[0].message
    assert "'Engineering'" in message and "from 2020" in message


def test_a_work_of_the_year_before_shows_coverage_the_year_after_does_not() -> None:
    search = crossref_search([crossref_work(BOETTIGER)])
    before = found((crossref_work(DEEP_CARBON),))  # 2019
    judgement = judge(_invented(year=2020), Resolution(search=search, venue=before), TODAY)  # type: ignore[arg-type]
    assert judgement.verdict is Verdict.FABRICATED
    assert "from 2019, the year before," in judgement.evidence[0].message
    # The journal may have begun depositing in 2021: a real 2020 article would be accused.
    after = found((crossref_work(PLASTICS),))  # 2021
    judgement = judge(_invented(year=2020), Resolution(search=search, venue=after), TODAY)  # type: ignore[arg-type]
    assert judgement.verdict is Verdict.UNRESOLVED


def test_probe_answers_that_are_not_the_journal_or_not_live_are_no_evidence() -> None:
    search = crossref_search([crossref_work(BOETTIGER)])
    other_journal = found((crossref_work(ACCELERATORS),))  # Engineering, not the cited one
    snapshot = found((crossref_work(ACCELERATORS),), source="snapshot", authoritative=False)
    far_years = found((crossref_work(ACCELERATORS),))
    cases = [
        (_invented(container="Engineering Structures"), other_journal),
        (_invented(), snapshot),
        (_invented(year=2022), far_years),  # a work of 2020 says nothing of 2022
    ]
    for reference, probe in cases:
        judgement = judge(reference, Resolution(search=search, venue=probe), TODAY)  # type: ignore[arg-type]
        assert judgement.verdict is Verdict.UNRESOLVED, (reference, probe)


def test_venue_probe_is_wanted_only_for_articles_without_a_doi() -> None:
    # Asked once the search (and locator lookup) found nothing.
    nothing = Resolution(search=crossref_search([]), locator=crossref_search([]))
    article = _invented()
    assert VENUE in needs_search(article, nothing)  # type: ignore[arg-type]
    with_doi = ref(title="X y z", container="Engineering", year=2020, doi="10.1/x")
    assert VENUE not in needs_search(with_doi, nothing)
    book = ref(title="A handbook", year=2020, publisher="Elsevier", type=ReferenceType.BOOK)
    assert VENUE not in needs_search(book, nothing)
    old = ref(title="An old one", container="Nature", year=1950, volume="1", pages="1-2")
    assert VENUE not in needs_search(old, nothing)


# --- proceedings --------------------------------------------------------------------------


def _proceedings() -> Work:
    return crossref_work(AFRICON)


def test_proceedings_paper_cited_in_a_journal_is_inaccurate_with_the_venue_fixed() -> None:
    work = _proceedings()
    reference = cited_from(work, container="PeerJ", doi=None)
    judgement = judge(reference, Resolution(search=crossref_search([work])), TODAY)
    assert judgement.verdict is Verdict.INACCURATE
    assert codes.CONTAINER_MISMATCH in {e.code for e in judgement.evidence}
    assert judgement.suggestion is not None
    assert judgement.suggestion.container == "AFRICON 2009"


def test_proceedings_paper_cited_with_its_event_in_any_form_is_verified() -> None:
    work = _proceedings()
    for venue in ("IEEE AFRICON 2009", "Proc. AFRICON", "AFRICON", "Proceedings of AFRICON"):
        reference = cited_from(work, container=venue, doi=None)
        judgement = judge(reference, Resolution(search=crossref_search([work])), TODAY)
        assert judgement.verdict is Verdict.VERIFIED, (venue, judgement.evidence)


def test_a_short_title_by_other_people_is_no_possible_match() -> None:
    chapter = crossref_work("10.1201/9781003134046-5")  # "Your First Widget", Coene 2021, a book
    search = crossref_search([chapter])
    probe = found((crossref_work(PLASTICS),))  # Engineering, 2021

    def verdict(*authors: str) -> tuple[Verdict, str]:
        cited = ref(
            title="Your First Widget",
            authors=list(authors),
            year=2021,
            container="Engineering",
            type=ReferenceType.JOURNAL_ARTICLE,
        )
        judgement = judge(cited, Resolution(search=search, venue=probe), TODAY)  # type: ignore[arg-type]
        return judgement.verdict, judgement.evidence[0].code

    assert verdict("Trapp, A. C.", "Furlanetto, S. R.") == (
        Verdict.FABRICATED,
        codes.NO_MATCH_IN_COVERED_VENUE,
    )
    # By its own author the chapter may be the cited work: no accusation.
    assert verdict("Coene, J.")[0] is not Verdict.FABRICATED
