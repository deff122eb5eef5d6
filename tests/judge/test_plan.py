"""needs_search: which lookups are still worth making after the identifier lookups."""

from __future__ import annotations

from veribib.judge import needs_search
from veribib.model import ReferenceType, Resolution

from .helpers import cited_from, crossref_404, crossref_work, found, ref, trial, unavailable

DEEP_CARBON = "10.1016/j.eng.2019.03.004"


def test_agreeing_doi_record_needs_nothing() -> None:
    work = crossref_work(DEEP_CARBON)
    assert needs_search(cited_from(work), Resolution(doi=found(work))) == frozenset()


def test_agreeing_doi_record_with_a_page_typo_needs_nothing() -> None:
    work = crossref_work(DEEP_CARBON)
    reference = cited_from(work, pages="372-379")
    assert needs_search(reference, Resolution(doi=found(work))) == frozenset()


def test_disagreeing_doi_record_needs_search_and_locator() -> None:
    work = crossref_work(DEEP_CARBON)
    reference = cited_from(work, title="Something else entirely about carbon in space")
    assert needs_search(reference, Resolution(doi=found(work))) == {"search", "locator"}


def test_doi_not_found_or_unavailable_needs_search() -> None:
    reference = ref(title="A title", authors=["Lee, A."], year=2020, doi="10.1/x")
    assert needs_search(reference, Resolution(doi=crossref_404())) == {"search"}
    assert needs_search(reference, Resolution(doi=unavailable())) == {"search"}


def test_no_doi_needs_search_and_locator_when_a_page_is_cited() -> None:
    with_page = ref(title="A title", container="Engineering", volume="5", pages="372-378")
    assert needs_search(with_page, Resolution()) == {"search", "locator"}
    without = ref(title="A title", container="Engineering")
    assert needs_search(without, Resolution()) == {"search"}


def test_nothing_to_search_with() -> None:
    assert needs_search(ref(trials=["NCT03722472"]), Resolution()) == frozenset()


def test_found_trial_registration_needs_nothing() -> None:
    reference = ref(title="COPLANT", type=ReferenceType.CLINICAL_TRIAL, trials=["NCT06323538"])
    resolution = Resolution(trials=(("NCT06323538", found(trial("NCT06323538"), "ctgov")),))
    assert needs_search(reference, resolution) == frozenset()
