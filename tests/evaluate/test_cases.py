"""The case generator: deterministic, every type built, halves disjoint, labels consistent."""

from __future__ import annotations

import re

import eval_cases
from eval_cases import Case, Counts, build_cases, load_records, load_trials, render

from .conftest import TODAY_YEAR

SMALL = Counts(correct_per_style=4, inaccurate_per_type=3, fabricated_per_type=3, trial_cases=2)

EXPECTED_TYPES = {
    "correct",
    "correct_trial",
    "year_off",
    "wrong_pages",
    "wrong_volume",
    "misspelt_author",
    "title_typo",
    "truncated_authors",
    "broken_doi_char",
    "wrong_suffix_doi",
    "doi_of_other_work",
    "wrong_venue",
    "invented_venue",
    "wrong_trial_id",
    "fabricated_doi",
    "hybrid_real_doi",
    "near_miss_title",
    "swapped_authors",
    "placeholder_template",
    "placeholder_generic",
    "future_date",
    "chimeric_title",
    "merged_citation",
    "real_locator",
    "plausible_fabrication",
    "invented_work_unknown_venue",
    "trial_invented_id",
    "trial_unrelated",
}


def _signature(cases: list[Case]) -> list[tuple[str, str, str, str]]:
    return [(c.id, c.type, c.expected, render(c)) for c in cases]


def test_same_seed_gives_the_same_cases() -> None:
    first = build_cases("report", seed=7, counts=SMALL, today_year=TODAY_YEAR)
    second = build_cases("report", seed=7, counts=SMALL, today_year=TODAY_YEAR)
    assert _signature(first) == _signature(second)


def test_another_seed_gives_other_cases() -> None:
    first = build_cases("report", seed=7, counts=SMALL, today_year=TODAY_YEAR)
    other = build_cases("report", seed=8, counts=SMALL, today_year=TODAY_YEAR)
    assert _signature(first) != _signature(other)


def test_every_case_type_is_built(all_cases: list[Case]) -> None:
    assert {c.type for c in all_cases} == EXPECTED_TYPES
    assert {c.style for c in all_cases} == set(eval_cases.STYLES)


def test_halves_share_no_record(all_cases: list[Case]) -> None:
    tune = {k for c in all_cases if c.id.startswith("tune-") for k in c.records}
    report = {k for c in all_cases if c.id.startswith("report-") for k in c.records}
    assert tune and report
    assert not tune & report
    for c in all_cases:
        assert eval_cases.split_of(c.key) == c.id.split("-")[0]


def test_labels_follow_the_kind(all_cases: list[Case]) -> None:
    for c in all_cases:
        assert c.expected in c.acceptable
        if c.kind == "correct":
            assert c.expected == "verified"
        if c.kind == "inaccurate":
            assert c.expected == "inaccurate"
        if c.type == "invented_work_unknown_venue":
            assert c.expected == "unresolved" and "fabricated" in c.acceptable
        elif c.kind == "fabricated":
            assert c.expected == "fabricated"


def test_each_inaccurate_case_cites_a_wrong_value_and_knows_the_right_one(
    all_cases: list[Case],
) -> None:
    records = {r.key: r for r in load_records()}
    wrong = {
        "year_off": lambda c: c.cited.year,
        "wrong_pages": lambda c: c.cited.pages,
        "wrong_volume": lambda c: c.cited.volume,
        "title_typo": lambda c: c.cited.title,
        "broken_doi_char": lambda c: c.cited.doi,
        "wrong_suffix_doi": lambda c: c.cited.doi,
        "doi_of_other_work": lambda c: c.cited.doi,
        "wrong_venue": lambda c: c.cited.container,
    }
    for c in all_cases:
        if c.type in wrong:
            assert c.fix_value is not None
            assert wrong[c.type](c) != c.fix_value, c
        if c.type == "year_off":
            record = records[c.key]
            assert c.cited.year not in set(record.work.years) | {record.work.fields.year}
            assert c.cited.year is not None and c.cited.year <= TODAY_YEAR
        if c.type == "truncated_authors":
            assert 0 < len(c.cited.authors) < len(c.fix_value) and not c.cited.et_al
        if c.type == "misspelt_author":
            index, family = c.fix_value
            assert c.cited.authors[index].family != family
            assert len(c.cited.authors[index].family) in range(len(family) - 1, len(family) + 2)


def test_correct_cases_cite_the_record_as_it_is(all_cases: list[Case]) -> None:
    records = {r.key: r for r in load_records()}
    for c in all_cases:
        if c.type != "correct":
            continue
        record = records[c.key]
        assert c.cited.title == record.title
        assert c.cited.authors == record.authors
        assert c.cited.year == record.work.fields.year
        assert c.cited.doi in (None, record.key)


def test_invented_identifiers_exist_nowhere(all_cases: list[Case]) -> None:
    dois = {r.key for r in load_records()}
    trials = {t.nct for t in load_trials()}
    containers = {eval_cases.norm(r.work.fields.container or "") for r in load_records()}
    for c in all_cases:
        if c.type in ("fabricated_doi", "broken_doi_char", "wrong_suffix_doi"):
            assert c.cited.doi and c.cited.doi not in dois
            assert re.fullmatch(r"10\.\d{4,9}/\S+", c.cited.doi)
        if c.type == "trial_invented_id":
            assert c.cited.trial_id and re.fullmatch(r"NCT\d{8}", c.cited.trial_id)
            assert c.cited.trial_id not in trials
        if c.type in ("trial_unrelated", "correct_trial"):
            assert c.cited.trial_id in trials
        if c.type in ("invented_venue", "invented_work_unknown_venue"):
            assert eval_cases.norm(c.cited.container or "") not in containers
        if c.type == "hybrid_real_doi":
            assert c.cited.doi in dois


def test_styles_write_a_known_record_as_people_do() -> None:
    record = next(r for r in load_records() if r.key == "10.1007/s12080-013-0192-6")
    base = eval_cases._fields_of(record, with_doi=True)
    text = {}
    for style in eval_cases.STYLES:
        case = Case(
            "x-1",
            "correct",
            "correct",
            "verified",
            frozenset({"verified"}),
            style,
            base,
            record.key,
            (record.key,),
        )
        text[style] = render(case)
    assert text["apa"].startswith("Boettiger, C., Ross, N., & Hastings, A. (2013). ")
    assert text["apa"].endswith("https://doi.org/10.1007/s12080-013-0192-6")
    assert "Boettiger C, Ross N, Hastings A." in text["vancouver"]
    assert "2013;6(3):255-64" in text["vancouver"]
    assert text["harvard"].startswith("Boettiger, C., Ross, N. and Hastings, A. (2013) '")
    assert "vol. 6, no. 3, pp. 255–264, 2013" in text["numbered"]
    assert text["bibtex"].startswith("@article{x-1,")
    assert "pages = {255--264}" in text["bibtex"]
