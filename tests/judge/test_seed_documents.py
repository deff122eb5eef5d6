"""The two seed documents judged against the seed snapshot, as the offline demo runs them.

Resolutions are built the way the resolver builds them offline: the cited DOI looked up in
the snapshot (FOUND, or a non-authoritative miss), then whatever ``needs_search`` asks for:
search candidates and a locator lookup from the snapshot.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest
from rapidfuzz import fuzz

from veribib.judge import codes, judge, needs_search
from veribib.model import Reference, Resolution, Verdict, Work

from .helpers import (
    found,
    not_checked,
    ref,
    seed_by_doi,
    seed_works,
    snapshot_found,
    snapshot_miss,
)
from .whitepaper import WHITEPAPER, Cited

Candidates = Callable[[Reference], Sequence[Work]]


def all_seeds(_: Reference) -> Sequence[Work]:
    """Every seed record as a candidate: the hardest test of validation."""
    return seed_works()


def best_three(reference: Reference) -> Sequence[Work]:
    """The three seed records whose titles look most like the cited one (a crude search)."""
    title = reference.fields.title or ""
    ranked = sorted(
        seed_works(),
        key=lambda w: -fuzz.token_set_ratio(title.lower(), (w.fields.title or "").lower()),
    )
    return ranked[:3]


def _first_page(pages: str | None) -> str | None:
    if not pages:
        return None
    return pages.replace("–", "-").split("-")[0].strip()


def offline_resolution(reference: Reference, candidates: Candidates) -> Resolution:
    """What the resolver gives offline with the seed snapshot as its only registry."""
    doi = reference.identifiers.doi
    doi_outcome = None
    if doi:
        record = next((w for w in seed_works() if w.doi == doi), None)
        doi_outcome = found(record, "snapshot") if record else snapshot_miss(doi)
    resolution = Resolution(doi=doi_outcome)
    # As the pipeline does: ask needs_search again after each round of lookups.
    for _ in range(3):
        wanted = needs_search(reference, resolution)
        if "search" in wanted and resolution.search is None:
            resolution = replace(resolution, search=snapshot_found(candidates(reference)))
        elif "locator" in wanted and resolution.locator is None:
            page = _first_page(reference.fields.pages)
            at = [w for w in seed_works() if _first_page(w.fields.pages) == page]
            resolution = replace(resolution, locator=snapshot_found(at))
        else:
            break
    return resolution


def _reference(c: Cited) -> Reference:
    return ref(
        title=c.title,
        authors=c.authors,
        et_al=c.et_al,
        year=c.year,
        container=c.container,
        volume=c.volume,
        pages=c.pages,
        doi=c.doi,
    )


@pytest.mark.parametrize("candidates", [all_seeds, best_three], ids=["all-28", "best-3"])
@pytest.mark.parametrize(
    "cited", WHITEPAPER, ids=[f"{c.authors[0].split(',')[0]}-{c.year}" for c in WHITEPAPER]
)
def test_whitepaper_reference(cited: Cited, candidates: Candidates, today: datetime.date) -> None:
    reference = _reference(cited)
    judgement = judge(reference, offline_resolution(reference, candidates), today)
    assert judgement.evidence, "every judgement says why"
    if cited.in_snapshot:
        assert judgement.verdict is Verdict.VERIFIED, judgement.evidence
        assert judgement.match is not None
        assert judgement.match.fields.title is not None
        assert all(c.agrees is not False for c in judgement.comparisons), judgement.comparisons
    else:
        assert judgement.verdict is Verdict.UNRESOLVED, judgement.evidence
        assert judgement.evidence[0].code in (codes.NOT_IN_REGISTRY, codes.NO_IDENTIFIER_NO_MATCH)


def test_whitepaper_totals(today: datetime.date) -> None:
    verdicts = [
        judge(_reference(c), offline_resolution(_reference(c), all_seeds), today).verdict
        for c in WHITEPAPER
    ]
    assert verdicts.count(Verdict.VERIFIED) == 26
    assert verdicts.count(Verdict.UNRESOLVED) == 11
    assert Verdict.FABRICATED not in verdicts


def test_matching_doi_record_needs_no_search() -> None:
    reference = _reference(WHITEPAPER[0])  # Anitua 2023, DOI in the snapshot
    record = seed_by_doi("10.3390/ijms241713043")
    assert needs_search(reference, Resolution(doi=found(record, "snapshot"))) == frozenset()


def test_snapshot_miss_asks_for_search_then_locator() -> None:
    reference = _reference(WHITEPAPER[1])  # Arabpour 2021: the seed record has no DOI
    assert needs_search(reference, Resolution(doi=snapshot_miss())) == frozenset({"search"})
    searched = Resolution(doi=snapshot_miss(), search=snapshot_miss("no match"))
    assert needs_search(reference, searched) == frozenset({"locator"})


def test_found_without_doi_says_the_doi_is_unconfirmed(today: datetime.date) -> None:
    reference = _reference(WHITEPAPER[1])  # Arabpour 2021
    judgement = judge(reference, offline_resolution(reference, all_seeds), today)
    assert judgement.verdict is Verdict.VERIFIED
    assert judgement.match is not None and judgement.match.doi is None
    assert codes.DOI_UNCONFIRMED in {e.code for e in judgement.evidence}


# --- the blog (seeds/000_eb9304c429739f31.txt) --------------------------------------------


HARPER = ref(
    title="Clinical evaluation of platelet-derived exosome serum for cosmetic dermatology",
    authors=["Harper, R."],
    et_al=True,
    year=2022,
    container="Aesthetic Surgery Journal",
    volume="42",
    issue="10",
    pages="1185-1194",
)
LEE = ref(
    title="A systematic review of topical exosome therapies in dermatology",
    authors=["Lee, K.", "Wong, A."],
    year=2024,
    container="Aesthetic Surgery Journal Open Forum",
    volume="6",
    issue="2",
    pages="ojae017",
)
JOHNSON = ref(
    title="Investigating mesenchymal stem cell-derived exosomes for anti-ageing applications",
    authors=["Johnson, L."],
    et_al=True,
    year=2023,
    container="Clinical Trials in Dermatology",
    trials=["NCT04567834"],
)


@pytest.mark.parametrize("candidates", [all_seeds, best_three], ids=["all-28", "best-3"])
def test_harper_is_fabricated_over_proffer(candidates: Candidates, today: datetime.date) -> None:
    judgement = judge(HARPER, offline_resolution(HARPER, candidates), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.LOCATOR_OTHER_WORK
    assert "Proffer et al. 2022" in judgement.evidence[0].message
    assert "10.1093/asj/sjac149" in judgement.evidence[0].message
    assert judgement.likely_source is not None
    assert judgement.likely_source.doi == "10.1093/asj/sjac149"


@pytest.mark.parametrize("candidates", [all_seeds, best_three], ids=["all-28", "best-3"])
def test_lee_wong_is_fabricated_over_ash(candidates: Candidates, today: datetime.date) -> None:
    judgement = judge(LEE, offline_resolution(LEE, candidates), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.LOCATOR_OTHER_WORK
    assert judgement.likely_source is not None
    assert judgement.likely_source.doi == "10.1093/asjof/ojae017"
    assert "Ash et al. 2024" in judgement.evidence[0].message


def test_a_record_returned_by_search_and_locator_with_other_scores_is_one_record(
    today: datetime.date,
) -> None:
    # The resolver's search copy of a record carries a relevance score, its locator copy none.
    proffer = seed_by_doi("10.1093/asj/sjac149")
    others = [w for w in seed_works() if w.doi != proffer.doi][:4]
    resolution = Resolution(
        search=snapshot_found([*others, replace(proffer, score=12.5)]),
        locator=snapshot_found([proffer]),
    )
    judgement = judge(HARPER, resolution, today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.likely_source is not None
    assert judgement.likely_source.doi == "10.1093/asj/sjac149"


def test_johnson_offline_trial_is_not_verified(today: datetime.date) -> None:
    resolution = offline_resolution(JOHNSON, all_seeds)
    resolution = Resolution(
        search=resolution.search, trials=(("NCT04567834", not_checked("ctgov")),)
    )
    judgement = judge(JOHNSON, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert judgement.evidence[0].code == codes.NOT_CHECKED_OFFLINE
    assert "NCT04567834" in judgement.evidence[0].message


def test_locator_other_work_without_a_search_is_not_an_accusation(
    today: datetime.date,
) -> None:
    # The search could not be made: the locator alone shows a wrong location, not a fake.
    proffer = seed_by_doi("10.1093/asj/sjac149")
    resolution = Resolution(search=not_checked(), locator=snapshot_found([proffer]))
    judgement = judge(HARPER, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert judgement.evidence[0].code == codes.LOCATOR_OTHER_WORK
    assert codes.NOT_CHECKED_OFFLINE in {e.code for e in judgement.evidence}
