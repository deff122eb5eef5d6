"""Verdicts on citations of real Crossref records (works-2026-06.jsonl), right and wrong."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from veribib.judge import codes, judge
from veribib.model import Flag, Person, ReferenceType, Resolution, Update, Verdict

from .helpers import (
    cited_from,
    crossref_404,
    crossref_search,
    crossref_work,
    datacite_work,
    doiorg,
    found,
    not_checked,
    people,
    ref,
    unavailable,
)

BOETTIGER = "10.1007/s12080-013-0192-6"  # Boettiger, Ross, Hastings 2013, Theor Ecol 6(3) 255-264
DEEP_CARBON = "10.1016/j.eng.2019.03.004"  # Schiffries et al. 2019, Engineering 5(3) 372-378
KRAS_PANEL = "10.1136/jclinpath-2020-206745"  # online 2020, print 2021 (vol 74)
METHYLPHENIDATE = "10.1371/journal.pone.0033693"  # PLoS ONE, has a correction notice
ACCELERATORS = "10.1016/j.eng.2020.01.007"  # Chen et al. 2020, Engineering 6(3) 264-274
PREPRINT = "10.1101/014852"  # bioRxiv preprint of ...
ARTICLE = "10.1002/ece3.2314"  # ... this Ecology and Evolution article


def codes_of(judgement: object) -> set[str]:
    return {e.code for e in judgement.evidence}  # type: ignore[attr-defined]


def doi_resolution(doi: str, **kw: object) -> Resolution:
    return Resolution(doi=found(crossref_work(doi)), **kw)  # type: ignore[arg-type]


def test_correct_citation_is_verified(today: datetime.date) -> None:
    judgement = judge(cited_from(crossref_work(BOETTIGER)), doi_resolution(BOETTIGER), today)
    assert judgement.verdict is Verdict.VERIFIED
    assert judgement.evidence[0].code == codes.DOI_CONFIRMED
    assert judgement.match is not None and judgement.match.doi == BOETTIGER
    assert {c.field for c in judgement.comparisons if c.agrees} >= {
        "title",
        "authors",
        "year",
        "journal",
        "volume",
        "issue",
        "pages",
        "doi",
    }


def test_abbreviated_journal_initials_and_short_page_range_are_verified(
    today: datetime.date,
) -> None:
    reference = ref(
        title="Early warning signals: the charted and uncharted territories",
        authors=["Boettiger, C", "Ross, N", "Hastings, A"],
        year=2013,
        container="Theor. Ecol.",
        volume="6",
        issue="3",
        pages="255-64",
        doi=BOETTIGER.upper(),
    )
    judgement = judge(reference, doi_resolution(BOETTIGER), today)
    assert judgement.verdict is Verdict.VERIFIED, judgement.evidence


def test_print_year_of_an_online_first_article_is_verified(today: datetime.date) -> None:
    work = crossref_work(KRAS_PANEL)  # issued 2020 online, vol 74 printed 2021
    judgement = judge(cited_from(work, year=2021), doi_resolution(KRAS_PANEL), today)
    assert judgement.verdict is Verdict.VERIFIED


def test_year_off_by_one_is_inaccurate_with_corrected_year(today: datetime.date) -> None:
    work = crossref_work(BOETTIGER)
    judgement = judge(cited_from(work, year=2014), doi_resolution(BOETTIGER), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.YEAR_MISMATCH
    assert judgement.evidence[0].message == "Crossref has year 2013; cited 2014"
    assert judgement.suggestion is not None and judgement.suggestion.year == 2013
    assert judgement.suggestion.title == work.fields.title  # the rest stays as cited


def test_wrong_pages_are_inaccurate(today: datetime.date) -> None:
    work = crossref_work(DEEP_CARBON)
    judgement = judge(cited_from(work, pages="372-379"), doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert codes_of(judgement) >= {codes.PAGES_MISMATCH}
    assert judgement.suggestion is not None and judgement.suggestion.pages == "372-378"


def test_wrong_volume_is_inaccurate(today: datetime.date) -> None:
    work = crossref_work(DEEP_CARBON)
    judgement = judge(cited_from(work, volume="15"), doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert codes.VOLUME_MISMATCH in codes_of(judgement)
    assert judgement.suggestion is not None and judgement.suggestion.volume == "5"


def test_misspelt_author_is_inaccurate_with_the_right_name(today: datetime.date) -> None:
    work = crossref_work(DEEP_CARBON)  # Schiffries, Mangum, Mays, Hoon-Starr, Hazen
    authors = list(work.fields.authors)
    authors[0] = Person("Schiffreis", authors[0].given)
    judgement = judge(cited_from(work, authors=tuple(authors)), doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.AUTHOR_MISMATCH
    assert "'Schiffreis'" in judgement.evidence[0].message
    assert "'Schiffries'" in judgement.evidence[0].message
    assert judgement.suggestion is not None
    assert judgement.suggestion.authors[0].family == "Schiffries"


def test_title_typo_is_inaccurate(today: datetime.date) -> None:
    work = crossref_work(DEEP_CARBON)
    title = (work.fields.title or "").replace("Quest", "Qeust")
    judgement = judge(cited_from(work, title=title), doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.TITLE_MISMATCH
    assert judgement.suggestion is not None
    assert judgement.suggestion.title == work.fields.title


def test_truncated_author_list_without_et_al_is_inaccurate(today: datetime.date) -> None:
    work = crossref_work(DEEP_CARBON)  # five authors
    reference = cited_from(work, authors=work.fields.authors[:3])
    judgement = judge(reference, doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.AUTHORS_MISSING
    assert "cited 3 of 5 authors" in judgement.evidence[0].message
    assert judgement.suggestion is not None and len(judgement.suggestion.authors) == 5
    # The same list with "et al." is a correct citation.
    with_et_al = cited_from(work, authors=work.fields.authors[:3], et_al=True)
    assert judge(with_et_al, doi_resolution(DEEP_CARBON), today).verdict is Verdict.VERIFIED


def test_real_doi_on_invented_title_is_fabricated(today: datetime.date) -> None:
    reference = ref(
        title="Deep reinforcement learning for autonomous carbon capture in smart cities",
        authors=["Nguyen, T.", "Okafor, C."],
        year=2019,
        container="Engineering",
        doi=DEEP_CARBON,
    )
    others = [crossref_work(ACCELERATORS), crossref_work(BOETTIGER)]
    resolution = doi_resolution(DEEP_CARBON, search=crossref_search(others))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.DOI_OTHER_WORK
    assert "Schiffries et al. 2019" in judgement.evidence[0].message
    assert judgement.likely_source is not None and judgement.likely_source.doi == DEEP_CARBON


def test_one_shared_name_down_the_list_is_no_possible_match(today: datetime.date) -> None:
    reference = ref(
        title="Deep reinforcement learning for autonomous carbon capture in smart cities",
        authors=["Nguyen, T.", "Chen, X."],  # Chen is the first author of ACCELERATORS
        year=2020,
        container="Engineering",
        doi=DEEP_CARBON,
    )
    resolution = doi_resolution(DEEP_CARBON, search=crossref_search([crossref_work(ACCELERATORS)]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.FABRICATED
    assert codes.POSSIBLE_MATCH not in codes_of(judgement)


def test_real_doi_on_invented_title_without_search_is_unresolved(today: datetime.date) -> None:
    reference = ref(
        title="Deep reinforcement learning for autonomous carbon capture in smart cities",
        authors=["Nguyen, T."],
        year=2019,
        doi=DEEP_CARBON,
    )
    judgement = judge(reference, doi_resolution(DEEP_CARBON, search=unavailable()), today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert codes_of(judgement) >= {codes.DOI_OTHER_WORK, codes.REGISTRY_UNAVAILABLE}


def test_real_doi_on_a_different_real_work_is_a_wrong_doi(today: datetime.date) -> None:
    # The cited work exists (search finds it); only its DOI is another work's.
    work = crossref_work(ACCELERATORS)
    reference = cited_from(work, doi=DEEP_CARBON)
    resolution = doi_resolution(DEEP_CARBON, search=crossref_search([work]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.DOI_WRONG
    assert judgement.suggested_doi == ACCELERATORS
    assert judgement.match is not None and judgement.match.doi == ACCELERATORS


def test_nonexistent_doi_without_search_match_is_fabricated(today: datetime.date) -> None:
    reference = ref(
        title="Quantum annealing for protein folding in extremophile bacteria",
        authors=["Rahman, S.", "Duval, P."],
        year=2021,
        container="Engineering",
        doi="10.1016/j.eng.2021.99.999",
    )
    resolution = Resolution(
        doi=crossref_404(),
        doi_registration=doiorg("10.1016/j.eng.2021.99.999", exists=False),
        search=crossref_search([crossref_work(ACCELERATORS)]),
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.DOI_NOT_FOUND
    assert "10.1016/j.eng.2021.99.999" in judgement.evidence[0].message


def test_nonexistent_doi_of_a_real_work_is_a_broken_doi(today: datetime.date) -> None:
    work = crossref_work(ACCELERATORS)
    broken = "10.1016/j.eng.2020.01.07"
    resolution = Resolution(
        doi=crossref_404(),
        doi_registration=doiorg(broken, exists=False),
        search=crossref_search([crossref_work(BOETTIGER), work]),
    )
    judgement = judge(cited_from(work, doi=broken), resolution, today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.DOI_NOT_FOUND
    assert judgement.suggested_doi == ACCELERATORS


def test_nonexistent_doi_with_search_unavailable_is_unresolved(today: datetime.date) -> None:
    reference = ref(title="Some work", authors=["Rahman, S."], year=2021, doi="10.1/x")
    resolution = Resolution(
        doi=crossref_404(), doi_registration=doiorg("10.1/x", exists=False), search=unavailable()
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert codes_of(judgement) >= {codes.DOI_NOT_FOUND, codes.REGISTRY_UNAVAILABLE}


@pytest.mark.parametrize("fault", [unavailable, not_checked], ids=["unavailable", "offline"])
def test_fault_on_the_deciding_lookup_is_unresolved(fault: object, today: datetime.date) -> None:
    work = crossref_work(BOETTIGER)
    outcome = fault()  # type: ignore[operator]
    resolution = Resolution(doi=outcome, search=outcome)
    judgement = judge(cited_from(work), resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    expected = codes.REGISTRY_UNAVAILABLE if fault is unavailable else codes.NOT_CHECKED_OFFLINE
    assert judgement.evidence[0].code == expected


def test_doi_registered_elsewhere_without_record_is_unresolved(today: datetime.date) -> None:
    reference = ref(title="A dataset of widgets", authors=["Lee, A."], year=2020, doi="10.5061/x")
    resolution = Resolution(
        doi=crossref_404(),
        doi_registration=doiorg("10.5061/x", exists=True, agency="DataCite"),
        search=crossref_search([]),
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert judgement.evidence[0].code == codes.DOI_REGISTERED_ELSEWHERE
    assert "DataCite" in judgement.evidence[0].message


def test_book_not_in_crossref_is_unresolved(today: datetime.date) -> None:
    reference = ref(
        title="Molecular Cloning: A Laboratory Manual",
        authors=["Sambrook, J.", "Russell, D. W."],
        year=2001,
        publisher="Cold Spring Harbor Laboratory Press",
        type=ReferenceType.BOOK,
    )
    resolution = Resolution(search=crossref_search([crossref_work(BOETTIGER)]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert judgement.evidence[0].code == codes.NOT_IN_REGISTRY
    assert "book" in judgement.evidence[0].message


def test_article_absent_from_crossref_without_coverage_is_unresolved(
    today: datetime.date,
) -> None:
    # No candidate from the cited journal: Crossref may simply not hold it.
    reference = ref(
        title="Regional outcomes of mandibular fractures in rural clinics",
        authors=["Okoro, E."],
        year=2018,
        container="Nigerian Journal of Surgical Sciences",
        volume="28",
        pages="12-17",
    )
    resolution = Resolution(search=crossref_search([crossref_work(BOETTIGER)]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert judgement.evidence[0].code == codes.NO_IDENTIFIER_NO_MATCH


def test_article_absent_from_a_covered_journal_is_fabricated(today: datetime.date) -> None:
    # Crossref answered live with two other 2019/2020 articles of the cited journal.
    reference = ref(
        title="Graph neural networks for tunnel boring machine fault prediction",
        authors=["Halvorsen, K.", "Mbeki, T."],
        year=2020,
        container="Engineering",
        volume="6",
        pages="101-110",
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    others = [crossref_work(ACCELERATORS), crossref_work(DEEP_CARBON)]
    judgement = judge(reference, Resolution(search=crossref_search(others)), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.NO_MATCH_IN_COVERED_VENUE
    assert "'Engineering'" in judgement.evidence[0].message
    assert "from 2020" in judgement.evidence[0].message


def test_absence_from_a_snapshot_is_no_evidence(today: datetime.date) -> None:
    reference = ref(
        title="Graph neural networks for tunnel boring machine fault prediction",
        authors=["Halvorsen, K."],
        year=2020,
        container="Engineering",
        volume="6",
        pages="101-110",
    )
    others = (crossref_work(ACCELERATORS), crossref_work(DEEP_CARBON))
    snapshot = found(others, source="snapshot", authoritative=False)
    judgement = judge(reference, Resolution(search=snapshot), today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert judgement.evidence[0].code == codes.NOT_IN_REGISTRY


def test_found_by_search_without_doi_is_verified_with_doi_suggested(
    today: datetime.date,
) -> None:
    work = crossref_work(ACCELERATORS)
    others = [crossref_work(DEEP_CARBON), work, crossref_work(BOETTIGER)]
    judgement = judge(cited_from(work, doi=None), Resolution(search=crossref_search(others)), today)
    assert judgement.verdict is Verdict.VERIFIED
    assert judgement.evidence[0].code == codes.SEARCH_MATCH
    assert judgement.suggested_doi == ACCELERATORS


def test_retracted_record_is_flagged(today: datetime.date) -> None:
    notice = Update("retraction", doi="10.1016/j.eng.2099.01.001", source="retraction-watch")
    work = replace(crossref_work(DEEP_CARBON), updates=(notice,))
    judgement = judge(cited_from(work), Resolution(doi=found(work)), today)
    assert judgement.verdict is Verdict.VERIFIED
    assert Flag.RETRACTED in judgement.flags
    assert codes.RETRACTED in codes_of(judgement)


def test_retracted_title_marker_is_flagged_and_still_matches(today: datetime.date) -> None:
    plain = crossref_work(DEEP_CARBON)
    marked = replace(plain, fields=replace(plain.fields, title=f"RETRACTED: {plain.fields.title}"))
    judgement = judge(cited_from(plain), Resolution(doi=found(marked)), today)
    assert judgement.verdict is Verdict.VERIFIED
    assert judgement.flags == (Flag.RETRACTED,)


def test_recorded_correction_is_flagged(today: datetime.date) -> None:
    work = crossref_work(METHYLPHENIDATE)
    judgement = judge(cited_from(work), doi_resolution(METHYLPHENIDATE), today)
    assert judgement.verdict is Verdict.VERIFIED
    assert Flag.CORRECTED in judgement.flags
    assert "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda" in " ".join(
        e.message for e in judgement.evidence
    )


def test_preprint_with_published_version_is_flagged(today: datetime.date) -> None:
    preprint = replace(crossref_work(PREPRINT), relations=(("is-preprint-of", ARTICLE),))
    reference = cited_from(preprint, container="bioRxiv")
    judgement = judge(reference, Resolution(doi=found(preprint)), today)
    assert judgement.verdict is Verdict.VERIFIED
    assert Flag.PREPRINT_HAS_PUBLISHED_VERSION in judgement.flags


def test_preprint_doi_cited_for_the_journal_article_is_a_wrong_doi(
    today: datetime.date,
) -> None:
    article = crossref_work(ARTICLE)
    reference = cited_from(article, doi=PREPRINT, year=2016)
    resolution = Resolution(doi=found(crossref_work(PREPRINT)), search=crossref_search([article]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.DOI_WRONG
    assert judgement.suggested_doi == ARTICLE


def test_preprint_cited_as_published_elsewhere_is_inaccurate(today: datetime.date) -> None:
    preprint = crossref_work(PREPRINT)
    reference = cited_from(preprint, container="AAAI")
    judgement = judge(reference, Resolution(doi=found(preprint), search=crossref_search([])), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.CONTAINER_MISMATCH
    assert "preprint" in judgement.evidence[0].message


def test_wrong_journal_is_inaccurate(today: datetime.date) -> None:
    work = crossref_work(BOETTIGER)
    judgement = judge(
        cited_from(work, container="Ecology Letters"), doi_resolution(BOETTIGER), today
    )
    assert judgement.verdict is Verdict.INACCURATE
    assert codes.CONTAINER_MISMATCH in codes_of(judgement)


def test_placeholder_authors_are_fabricated(today: datetime.date) -> None:
    reference = ref(
        title="A framework for everything",
        authors=["Doe, John", "Doe, Jane"],
        year=2020,
        container="Engineering",
    )
    judgement = judge(reference, Resolution(search=crossref_search([])), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.PLACEHOLDER_AUTHORS


def test_placeholder_authors_on_a_real_title_are_fabricated_naming_it(
    today: datetime.date,
) -> None:
    work = crossref_work(DEEP_CARBON)
    reference = cited_from(work, authors=people("Author, A.", "Author, B."))
    judgement = judge(reference, doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.PLACEHOLDER_AUTHORS
    assert judgement.likely_source is not None and judgement.likely_source.doi == DEEP_CARBON


@pytest.mark.parametrize("typo", [2029, 2033])
def test_future_year_on_the_works_own_record_is_a_year_typo(
    typo: int, today: datetime.date
) -> None:
    # The DOI's record matches title, authors, journal and pages: the registry's fact that
    # the work exists outranks the suspicion a future year raises.
    work = crossref_work(DEEP_CARBON)
    judgement = judge(cited_from(work, year=typo), doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert codes.FUTURE_DATE in codes_of(judgement)
    assert codes.YEAR_MISMATCH in codes_of(judgement)
    assert judgement.suggestion is not None and judgement.suggestion.year == 2019


def test_future_year_without_any_registry_is_fabricated(today: datetime.date) -> None:
    reference = ref(title="Results to come", authors=["Smith, J."], year=2031)
    judgement = judge(reference, Resolution(), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.FUTURE_DATE


def test_swapped_authors_without_a_search_are_inaccurate(today: datetime.date) -> None:
    # Other people's names on a real title are a fabrication only once a live search found
    # no record of the cited combination (test_other_work.py); without one, an error.
    title_from = crossref_work(DEEP_CARBON)
    authors_from = crossref_work(ACCELERATORS)
    reference = cited_from(title_from, authors=authors_from.fields.authors)
    judgement = judge(reference, doi_resolution(DEEP_CARBON), today)
    assert judgement.verdict is not Verdict.VERIFIED
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.AUTHOR_MISMATCH
    assert judgement.suggestion is not None
    assert judgement.suggestion.authors == title_from.fields.authors


def test_modified_title_with_invented_authors_is_fabricated(today: datetime.date) -> None:
    # HALLMARK's "hybrid fabrication": a real DOI, its title reworded, authors made up.
    reference = ref(
        title="The Deep Carbon Observatory: A Twenty-Year Mission to Map Carbon in Oceans",
        authors=["Kowalczyk, N.", "Adjei, S.", "Watanabe, Y."],
        year=2019,
        container="Engineering",
        doi=DEEP_CARBON,
    )
    judgement = judge(reference, doi_resolution(DEEP_CARBON, search=crossref_search([])), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.DOI_OTHER_WORK


ARXIV = "commonmeta__datacite_dois_10.48550_arxiv.1902.02534.json"


@pytest.mark.parametrize(
    "venue", ["arXiv preprint arXiv:1902.02534", "CoRR", "NeurIPS"], ids=["arxiv", "corr", "venue"]
)
def test_arxiv_doi_cited_with_a_venue_is_verified(venue: str, today: datetime.date) -> None:
    # DataCite's arXiv records do not say where a paper appeared: a venue cannot be checked.
    record = datacite_work(ARXIV)
    reference = ref(
        title="Crowdsourcing open citations with CROCI - An analysis of the current status of "
        "open citations, and a proposal",
        authors=["Heibi, I.", "Peroni, S.", "Shotton, D."],
        year=2019,
        container=venue,
        doi="10.48550/arXiv.1902.02534",
    )
    judgement = judge(reference, Resolution(doi=found(record, "datacite")), today)
    assert judgement.verdict is Verdict.VERIFIED, judgement.evidence
    assert judgement.evidence[0].message.startswith("DataCite record 10.48550/arxiv.1902.02534")
    if venue == "NeurIPS":
        assert codes.PREPRINT_VENUE in codes_of(judgement)
