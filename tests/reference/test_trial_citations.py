"""Trial ids wherever they are written, and registrations recognised whatever their entry type."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from veribib.model import Origin, RawReference, Reference, ReferenceType, Trial, TrialId
from veribib.pipeline import parse_inputs
from veribib.reference import parse_reference
from veribib.reference.registries import (
    find_malformed_trial_ids,
    nct_ceiling,
    registry_page,
    trial_id_problem,
)
from veribib.resolve.records import trial_from_ctgov

DAPA = "NCT03036124"
TITLE = "Study to Evaluate the Effect of Dapagliflozin in Patients With Chronic Heart Failure"


def _parse(tmp_path: Path, name: str, body: str) -> list[Reference]:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    (document,) = parse_inputs([path])
    return list(document.references)


@pytest.mark.parametrize(
    "fields",
    [
        f"url = {{https://clinicaltrials.gov/study/{DAPA}}}",
        f"url = {{https://clinicaltrials.gov/ct2/show/{DAPA}?term=dapagliflozin&draw=2&rank=1}}",
        f"url = {{https://classic.clinicaltrials.gov/ct2/show/{DAPA}}}",
        f"url = {{https://clinicaltrials.gov/show/{DAPA}}}",
        f"url = {{https://www.clinicaltrials.gov/ct2/show/record/{DAPA}}}",
        f"note = {{ClinicalTrials.gov identifier: {DAPA}}}",
        f"howpublished = {{\\url{{https://clinicaltrials.gov/study/{DAPA}}}}}",
        f"number = {{{DAPA}}}",
        f"eprint = {{{DAPA}}}, eprinttype = {{clinicaltrials}}",
        f"eprint = {{{DAPA}}}, archiveprefix = {{ClinicalTrials.gov}}",
    ],
)
@pytest.mark.parametrize("kind", ["misc", "online", "techreport", "unpublished", "manual"])
def test_bibtex_registration_in_any_field_and_entry_type(
    tmp_path: Path, fields: str, kind: str
) -> None:
    (r,) = _parse(tmp_path, "t.bib", f"@{kind}{{k, title = {{{TITLE}}}, year = 2017, {fields}}}")
    assert TrialId("clinicaltrials.gov", DAPA) in r.identifiers.trials
    assert r.fields.type is ReferenceType.CLINICAL_TRIAL


def test_bibtex_id_in_the_title_and_a_registry_as_journal(tmp_path: Path) -> None:
    refs = _parse(
        tmp_path,
        "t.bib",
        f"@misc{{a, title = {{{TITLE} ({DAPA})}}}}\n"
        f"@article{{b, title = {{{TITLE}}}, journal = {{ClinicalTrials.gov}}, volume = 1, "
        f"note = {{{DAPA}}}}}\n",
    )
    assert [r.fields.type for r in refs] == [ReferenceType.CLINICAL_TRIAL] * 2
    assert all(r.identifiers.trials[0].id == DAPA for r in refs)


def test_an_article_that_names_its_trial_stays_an_article(tmp_path: Path) -> None:
    (r,) = _parse(
        tmp_path,
        "t.bib",
        "@article{m, title = {Dapagliflozin in Patients with Heart Failure}, journal = {N Engl "
        f"J Med}}, volume = 381, pages = {{1995--2008}}, note = {{ClinicalTrials.gov number, "
        f"{DAPA}}}}}",
    )
    assert r.fields.type is ReferenceType.JOURNAL_ARTICLE
    assert r.identifiers.trials == (TrialId("clinicaltrials.gov", DAPA),)


def test_sponsor_first_text_is_a_registration(tmp_path: Path) -> None:
    refs = _parse(
        tmp_path,
        "refs.txt",
        "References\n\n1. Novo Nordisk A/S. Research Study Investigating How Well Semaglutide "
        "Works in People Suffering From Overweight or Obesity (STEP 1). ClinicalTrials.gov "
        "identifier: NCT03548935. First posted June 7, 2018. Accessed March 3, 2024.\n"
        "2. ClinicalTrials.gov [Internet]. Bethesda (MD): National Library of Medicine (US). "
        "2000 -. Identifier NCT03036124, Dapagliflozin in heart failure; 2017 [cited 2024 Mar "
        "3]. Available from: https://clinicaltrials.gov/ct2/show/NCT03036124\n",
    )
    assert [r.identifiers.trials[0].id for r in refs] == ["NCT03548935", DAPA]
    assert all(r.fields.type is ReferenceType.CLINICAL_TRIAL for r in refs)


def test_ris_and_csljson_registrations(tmp_path: Path) -> None:
    (ris,) = _parse(
        tmp_path,
        "t.ris",
        f"TY  - ELEC\nAU  - AstraZeneca\nTI  - {TITLE}\nUR  - https://clinicaltrials.gov/study/"
        f"{DAPA}\nER  - \n",
    )
    (csl,) = _parse(
        tmp_path,
        "t.json",
        f'[{{"id": "x", "type": "webpage", "title": "{TITLE}", "number": "{DAPA}", '
        '"publisher": "ClinicalTrials.gov"}]',
    )
    for r in (ris, csl):
        assert r.identifiers.trials[0].id == DAPA
        assert r.fields.type is ReferenceType.CLINICAL_TRIAL


def test_an_abstract_naming_other_trials_is_not_a_citation_of_them(tmp_path: Path) -> None:
    (r,) = _parse(
        tmp_path,
        "t.bib",
        "@article{m, title = {A review}, journal = {Heart}, volume = 9, pages = {1--2}, "
        "abstract = {We pooled NCT03036124 and NCT03057977.}}",
    )
    assert r.identifiers.trials == ()


def test_malformed_ids_are_kept_with_their_problem(tmp_path: Path) -> None:
    (r,) = _parse(tmp_path, "t.bib", "@misc{k, title = {X}, note = {NCT0303612}}")
    (trial,) = r.identifiers.trials
    problem = trial_id_problem(trial)
    assert problem is not None and "7 digits" in problem.reason and problem.nearest is None
    assert find_malformed_trial_ids("NCT3036124 and ISRCTN1234567") == [
        TrialId("clinicaltrials.gov", "NCT3036124"),
        TrialId("isrctn", "ISRCTN1234567"),
    ]
    padded = trial_id_problem(TrialId("clinicaltrials.gov", "NCT3036124"))
    assert padded is not None and padded.nearest == "NCT03036124"
    assert trial_id_problem(TrialId("clinicaltrials.gov", DAPA)) is None


def test_numbers_beyond_those_issued() -> None:
    today = datetime.date(2026, 12, 1)
    assert 7_500_000 < nct_ceiling(today) < 9_500_000
    late = trial_id_problem(TrialId("clinicaltrials.gov", "NCT09500000"), today)
    assert late is not None and late.impossible
    assert trial_id_problem(TrialId("clinicaltrials.gov", "NCT07062965"), today) is None


def test_registry_pages() -> None:
    assert registry_page(TrialId("clinicaltrials.gov", DAPA)) == (
        f"https://clinicaltrials.gov/study/{DAPA}"
    )
    assert registry_page(TrialId("isrctn", "ISRCTN86750102")).endswith("/ISRCTN86750102")
    assert "ChiCTR2000029308" in registry_page(TrialId("chictr", "ChiCTR2000029308"))


# Held-out studies not yet measured: kept out of this test so no rule is fitted to them.
UNSEEN = frozenset(
    (
        "studies10.jsonl",
        "studies11.jsonl",
        "studies12.jsonl",
        "studies13.jsonl",
        "studies14.jsonl",
        "studies15.jsonl",
        "studies16.jsonl",
        "studies17.jsonl",
        "studies18.jsonl",
    )
)


def _constructed() -> list[Trial]:
    folder = Path(__file__).resolve().parents[1] / "data" / "trials"
    paths = (p for p in sorted(folder.glob("studies*.jsonl")) if p.name not in UNSEEN)
    lines = (line for p in paths for line in p.open())
    return [trial_from_ctgov(json.loads(line)) for line in lines if line.strip()]


# Found on holdout7's studies after its final measurement: a trial's name in brackets after its
# title ("(MONARCH 3)") was read as a journal and its volume, so the registration as an article.
@pytest.mark.parametrize("record", [t for t in _constructed() if t.acronym], ids=lambda t: t.id)
def test_a_trials_name_in_brackets_after_its_title_is_no_journal(record: Trial) -> None:
    title = (record.official_title or record.brief_title).capitalize()
    text = f"{record.sponsor}. {title}. ({record.acronym}). NLM Identifier: {record.id}."
    reference = parse_reference(RawReference(text, Origin("t.txt", 1)), "t.txt#1")
    assert reference.fields.type is ReferenceType.CLINICAL_TRIAL, reference.fields
