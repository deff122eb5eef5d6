"""Cited trial ids: existence and topic, with the recorded ClinicalTrials.gov studies."""

from __future__ import annotations

import datetime
import json

import pytest

from veribib.judge import codes, judge
from veribib.model import ReferenceType, Resolution, Trial, Verdict, Work

from .helpers import (
    as_work,
    cited_from,
    crossref_search,
    crossref_work,
    found,
    ref,
    seed_works,
    shared_dir,
    snapshot_found,
    trial,
    trial_missing,
    unavailable,
)

TB_VACCINE = "NCT03722472"  # Phase 1 trial of ID93 + GLA-SE in healthy adults
COPLANT = "NCT06323538"  # cohort study on plant-based diets


def test_trial_that_fits_the_citation_is_kept(today: datetime.date) -> None:
    reference = ref(
        title="Safety and immunogenicity of the ID93 + GLA-SE tuberculosis vaccine",
        authors=["Day, T. A."],
        year=2021,
        container="Vaccine",
        trials=[TB_VACCINE],
    )
    resolution = Resolution(
        search=crossref_search([]), trials=((TB_VACCINE, found(trial(TB_VACCINE), "ctgov")),)
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED  # the article itself was not found
    assert codes.TRIAL_FOUND in {e.code for e in judgement.evidence}
    assert codes.TRIAL_TOPIC_MISMATCH not in {e.code for e in judgement.evidence}


@pytest.mark.parametrize(
    ("title", "nct", "verdict", "said"),
    [
        ("Cohort Study on Plant-based Diets (COPLANT Study)", COPLANT, Verdict.VERIFIED,
         "agreeing on its acronym"),
        # Two topic words, neither the trial's: too few to call it another study.
        ("Acupuncture for sepsis: a double-blind placebo-controlled trial", TB_VACCINE,
         Verdict.UNRESOLVED, "too little in the citation agrees"),
    ],
)  # fmt: skip
def test_trial_registration_cited_as_such(
    title: str, nct: str, verdict: Verdict, said: str, today: datetime.date
) -> None:
    reference = ref(title=title, type=ReferenceType.CLINICAL_TRIAL, trials=[nct])
    resolution = Resolution(trials=((nct, found(trial(nct), "ctgov")),))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is verdict
    assert judgement.evidence[0].code == codes.TRIAL_FOUND
    assert said in judgement.evidence[0].message


def test_real_trial_id_on_an_unrelated_citation_is_fabricated(today: datetime.date) -> None:
    reference = ref(
        title="Investigating mesenchymal stem cell-derived exosomes for anti-ageing applications",
        authors=["Johnson, L."],
        et_al=True,
        year=2023,
        container="Clinical Trials in Dermatology",
        trials=[TB_VACCINE],
    )
    resolution = Resolution(
        search=snapshot_found(seed_works()),
        trials=((TB_VACCINE, found(trial(TB_VACCINE), "ctgov")),),
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.TRIAL_TOPIC_MISMATCH
    assert "Phase 1 Clinical Trial of Single-Vial ID93" in judgement.evidence[0].message


def test_unrelated_trial_id_when_the_search_failed_is_unresolved(today: datetime.date) -> None:
    reference = ref(
        title="Investigating mesenchymal stem cell-derived exosomes for anti-ageing applications",
        authors=["Johnson, L."],
        year=2023,
        container="Clinical Trials in Dermatology",
        trials=[TB_VACCINE],
    )
    resolution = Resolution(
        search=unavailable(), trials=((TB_VACCINE, found(trial(TB_VACCINE), "ctgov")),)
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert codes.TRIAL_TOPIC_MISMATCH in {e.code for e in judgement.evidence}


def test_unknown_trial_id_alone_is_fabricated(today: datetime.date) -> None:
    reference = ref(
        title="A trial of exosome serum",
        authors=["Johnson, L."],
        year=2023,
        trials=["NCT04567834"],
    )
    resolution = Resolution(search=crossref_search([]), trials=(trial_missing("NCT04567834"),))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.TRIAL_NOT_FOUND


def test_unknown_trial_id_on_a_real_article_is_inaccurate(today: datetime.date) -> None:
    work = crossref_work("10.1016/j.eng.2019.03.004")
    reference = cited_from(work, trials=["NCT04567834"])
    resolution = Resolution(doi=found(work), trials=(trial_missing("NCT04567834"),))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.INACCURATE
    assert judgement.evidence[0].code == codes.TRIAL_NOT_FOUND


def _lemon() -> Work:
    path = shared_dir() / "data" / "crossref" / "habanero__work_10.1136_esmoopen-2020-000776.json"
    return as_work(json.loads(path.read_text(encoding="utf-8"))["message"])


def test_off_topic_trial_id_on_a_real_article_is_inaccurate(today: datetime.date) -> None:
    article = _lemon()  # the LEMON study, which names NCT03797326 and NCT04008797
    reference = cited_from(article, trials=[TB_VACCINE])
    resolution = Resolution(
        doi=found(article), trials=((TB_VACCINE, found(trial(TB_VACCINE), "ctgov")),)
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.INACCURATE
    # The article's own record names its trials: the cited one is not among them.
    assert judgement.evidence[0].code == codes.TRIAL_WRONG_ID
    assert "NCT03797326" in judgement.evidence[0].message


def test_trial_linked_by_the_publisher_is_kept_whatever_its_wording(
    today: datetime.date,
) -> None:
    # E7080 is lenvatinib's code name: no shared word, but Crossref's record names the trial.
    article = _lemon()
    registered = Trial(
        id="NCT03797326", brief_title="A study of E7080 in participants with solid tumours"
    )
    reference = cited_from(article, trials=["NCT03797326"])
    resolution = Resolution(
        doi=found(article), trials=(("NCT03797326", found(registered, "ctgov")),)
    )
    judgement = judge(reference, resolution, today)
    assert judgement.verdict is Verdict.VERIFIED
    assert codes.TRIAL_TOPIC_MISMATCH not in {e.code for e in judgement.evidence}
