"""Cited trial ids: existence and topic, with the recorded ClinicalTrials.gov studies."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

import pytest

from veribib.judge import codes, judge
from veribib.model import (
    Judgement,
    Outcome,
    Reference,
    ReferenceType,
    Resolution,
    Status,
    Trial,
    TrialId,
    Verdict,
    Work,
)

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


# --- the topic check, publication links and ids that cannot be looked up ---------------------

EMPEROR_REDUCED = Trial(
    id="NCT03057977",
    brief_title="EMPagliflozin outcomE tRial in Patients With chrOnic heaRt Failure With Reduced "
    "Ejection Fraction (EMPEROR-Reduced)",
    acronym="EMPEROR-Reduced",
    conditions=("Heart Failure",),
    interventions=("Empagliflozin", "Placebo"),
    sponsor="Boehringer Ingelheim",
)
SICKLE_CELL = Trial(
    id="NCT03745287",
    brief_title="A Safety and Efficacy Study Evaluating CTX001 in Subjects With Severe Sickle "
    "Cell Disease",
    conditions=("Sickle Cell Disease",),
    interventions=("CTX001",),
)


def _registration(title: str, nct: str, record: Trial, today: datetime.date) -> Judgement:
    reference = ref(title=title, type=ReferenceType.CLINICAL_TRIAL, trials=[nct])
    return judge(reference, Resolution(trials=((nct, found(record, "ctgov")),)), today)


def test_another_trials_acronym_on_the_id_is_a_mismatch_naming_the_real_trial(
    today: datetime.date,
) -> None:
    # Both are heart-failure trials: the condition's words agree, the acronym does not.
    j = _registration(
        "Dapagliflozin and Prevention of Adverse Outcomes in Heart Failure (DAPA-HF)",
        "NCT03057977",
        EMPEROR_REDUCED,
        today,
    )
    assert j.verdict is Verdict.FABRICATED
    assert j.evidence[0].code == codes.TRIAL_TOPIC_MISMATCH
    assert "EMPEROR-Reduced" in j.evidence[0].message and "DAPAHF" in j.evidence[0].message


def test_a_shared_common_word_is_no_agreement(today: datetime.date) -> None:
    j = _registration(
        "Stem cell exosomes for psoriasis: a randomized trial", "NCT03745287", SICKLE_CELL, today
    )
    assert j.verdict is Verdict.FABRICATED
    assert j.evidence[0].code == codes.TRIAL_TOPIC_MISMATCH
    assert "Sickle Cell Disease" in j.evidence[0].message


def test_the_trials_own_acronym_or_drug_verifies(today: datetime.date) -> None:
    for title in ("The EMPEROR-Reduced trial", "Empagliflozin in chronic heart failure"):
        j = _registration(title, "NCT03057977", EMPEROR_REDUCED, today)
        assert j.verdict is Verdict.VERIFIED, (title, j.evidence)
        assert "clinicaltrials.gov/study/NCT03057977" in j.evidence[0].message


def test_too_little_text_is_unresolved_showing_the_trials_title(today: datetime.date) -> None:
    j = _registration("Heart study", "NCT03057977", EMPEROR_REDUCED, today)
    assert j.verdict is Verdict.UNRESOLVED
    assert "EMPagliflozin outcomE tRial" in j.evidence[0].message


def test_the_trial_listing_the_cited_article_links_them(today: datetime.date) -> None:
    record = trial(TB_VACCINE)  # lists 10.1038/s41467-023-36789-2 among its results
    reference = ref(
        title="Safety and immunogenicity of a thermostable vaccine candidate",
        doi="10.1038/s41467-023-36789-2",
        trials=[TB_VACCINE],
    )
    resolution = Resolution(
        doi=unavailable(), search=unavailable(), trials=((TB_VACCINE, found(record, "ctgov")),)
    )
    j = judge(reference, resolution, today)
    assert codes.TRIAL_LINKED in {e.code for e in j.evidence}
    assert codes.TRIAL_TOPIC_MISMATCH not in {e.code for e in j.evidence}


def _with_ids(reference: Reference, *ids: TrialId) -> Reference:
    return replace(reference, identifiers=replace(reference.identifiers, trials=ids))


def test_a_registry_without_an_api_is_format_checked_only(today: datetime.date) -> None:
    chictr = TrialId("chictr", "ChiCTR2000029308")
    reference = _with_ids(ref(title="Remdesivir in severe COVID-19"), chictr)
    said = Outcome(
        Status.NOT_CHECKED, source="chictr", detail="ChiCTR has no open API: format valid, "
        "not checked"
    )  # fmt: skip
    j = judge(reference, Resolution(search=crossref_search([]), trials=((chictr.id, said),)), today)
    assert j.verdict is Verdict.UNRESOLVED
    assert j.evidence[0].code == codes.TRIAL_NOT_CHECKABLE
    assert "ChiCTR has no open API: format valid, not checked" in j.evidence[0].message
    assert "offline" not in j.evidence[0].message


def test_a_eudract_number_listed_by_the_cited_trial_is_linked(today: datetime.date) -> None:
    record = replace(EMPEROR_REDUCED, secondary_ids=("1245.121", "2016-002280-34"))
    eudract = TrialId("eudract", "2016-002280-34")
    nct = TrialId("clinicaltrials.gov", "NCT03057977")
    reference = _with_ids(
        ref(title="EMPEROR-Reduced", type=ReferenceType.CLINICAL_TRIAL), nct, eudract
    )
    said = Outcome(Status.NOT_CHECKED, source="eudract")
    resolution = Resolution(
        trials=((nct.id, found(record, "ctgov")), (eudract.id, said)),
    )
    j = judge(reference, resolution, today)
    assert j.verdict is Verdict.VERIFIED
    assert any(e.code == codes.TRIAL_LINKED and "2016-002280-34" in e.message for e in j.evidence)


@pytest.mark.parametrize(
    ("nct", "verdict", "said"),
    [
        ("NCT3057977", Verdict.UNRESOLVED, "did you mean NCT03057977?"),  # a leading 0 lost
        ("NCT0305797", Verdict.UNRESOLVED, "7 digits"),  # a digit lost somewhere: no guess
        ("NCT12345678", Verdict.FABRICATED, "beyond the numbers"),  # never issued
    ],
)
def test_malformed_and_impossible_ids(
    nct: str, verdict: Verdict, said: str, today: datetime.date
) -> None:
    reference = ref(title="Empagliflozin in heart failure", trials=[nct])
    not_asked = Outcome(Status.NOT_CHECKED, source="clinicaltrials.gov", detail="malformed")
    j = judge(reference, Resolution(search=crossref_search([]), trials=((nct, not_asked),)), today)
    assert j.verdict is verdict
    assert j.evidence[0].code == codes.TRIAL_ID_MALFORMED
    assert said in j.evidence[0].message
    if "did you mean" not in said:
        assert "did you mean" not in j.evidence[0].message


@pytest.mark.parametrize(
    ("kind", "phrase"),
    [(ReferenceType.OTHER, "a work of this kind"), (ReferenceType.WEBPAGE, "a webpage")],
)
def test_not_registered_reasons_read_as_english(
    kind: ReferenceType, phrase: str, today: datetime.date
) -> None:
    j = judge(
        ref(title="Some grey literature", type=kind), Resolution(search=crossref_search([])), today
    )
    assert j.verdict is Verdict.UNRESOLVED
    assert f"{phrase} is often not registered there" in j.reason
    assert "a other" not in j.reason
