"""needs_search: which lookups are still worth making after those already made."""

from __future__ import annotations

from dataclasses import replace

from veribib.judge import needs_search
from veribib.model import ReferenceType, Resolution

from .helpers import (
    cited_from,
    crossref_404,
    crossref_search,
    crossref_work,
    found,
    ref,
    trial,
    unavailable,
)

DEEP_CARBON = "10.1016/j.eng.2019.03.004"
ACCELERATORS = "10.1016/j.eng.2020.01.007"


def test_agreeing_doi_record_needs_nothing() -> None:
    work = crossref_work(DEEP_CARBON)
    assert needs_search(cited_from(work), Resolution(doi=found(work))) == frozenset()


def test_agreeing_doi_record_with_a_page_typo_needs_nothing() -> None:
    work = crossref_work(DEEP_CARBON)
    reference = cited_from(work, pages="372-379")
    assert needs_search(reference, Resolution(doi=found(work))) == frozenset()


def test_doi_record_with_the_cited_title_and_first_author_needs_no_search() -> None:
    work = crossref_work(DEEP_CARBON)
    assert work.fields.year is not None
    reference = cited_from(work, year=work.fields.year + 2, container="Nature")
    assert needs_search(reference, Resolution(doi=found(work))) == frozenset()
    first, *rest = work.fields.authors
    other_first = cited_from(work, authors=(replace(first, family="Zzyzx"), *rest))
    assert needs_search(other_first, Resolution(doi=found(work))) == {"search"}


def test_disagreeing_doi_record_needs_a_search_then_nothing_once_it_finds_the_work() -> None:
    work = crossref_work(DEEP_CARBON)
    other = crossref_work(ACCELERATORS)
    reference = cited_from(other, doi=DEEP_CARBON)
    assert needs_search(reference, Resolution(doi=found(work))) == {"search"}
    searched = Resolution(doi=found(work), search=crossref_search([other]))
    assert needs_search(reference, searched) == frozenset()


def test_doi_not_found_or_unavailable_needs_search() -> None:
    reference = ref(title="A title", authors=["Lee, A."], year=2020, doi="10.1/x")
    assert needs_search(reference, Resolution(doi=crossref_404())) == {"search"}
    assert needs_search(reference, Resolution(doi=unavailable())) == {"search"}


def test_locator_only_when_the_search_found_no_acceptable_candidate() -> None:
    work = crossref_work(DEEP_CARBON)
    reference = cited_from(work, doi=None)
    assert reference.fields.container and reference.fields.first_page
    assert needs_search(reference, Resolution()) == {"search"}
    assert needs_search(reference, Resolution(search=crossref_search([work]))) == frozenset()
    unrelated = crossref_search([crossref_work(ACCELERATORS)])
    assert needs_search(reference, Resolution(search=unrelated)) == {"locator"}
    assert needs_search(reference, Resolution(search=unavailable())) == {"locator"}
    without = ref(title="A title", container="Engineering")
    assert needs_search(without, Resolution()) == {"search"}
    assert needs_search(without, Resolution(search=crossref_search([]))) == frozenset()


def test_venue_only_when_search_and_locator_showed_nothing() -> None:
    invented = ref(
        title="Graph neural networks for tunnel boring machine fault prediction",
        authors=["Halvorsen, K."],
        year=2020,
        container="Engineering",
        volume="6",
        pages="101-110",
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    empty = crossref_search([])
    assert needs_search(invented, Resolution(search=empty)) == {"locator"}
    assert needs_search(invented, Resolution(search=empty, locator=empty)) == {"venue"}
    elsewhere = crossref_search([crossref_work(ACCELERATORS)])
    assert needs_search(invented, Resolution(search=empty, locator=elsewhere)) == frozenset()
    asked = Resolution(search=empty, locator=empty, venue=empty)
    assert needs_search(invented, asked) == frozenset()


def test_nothing_to_search_with() -> None:
    assert needs_search(ref(trials=["NCT03722472"]), Resolution()) == frozenset()


def test_found_trial_registration_needs_nothing() -> None:
    reference = ref(title="COPLANT", type=ReferenceType.CLINICAL_TRIAL, trials=["NCT06323538"])
    resolution = Resolution(trials=(("NCT06323538", found(trial("NCT06323538"), "ctgov")),))
    assert needs_search(reference, resolution) == frozenset()
