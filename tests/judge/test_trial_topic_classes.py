"""Trial topic check over classes of citations built from every constructed study record.

Each class is generated from the records in ``tests/data/trials`` (every constructed set), not
written per case: a trial's own titles and names never mismatch; an off-topic study that shares
only the trial's condition, or only everyday words, never verifies and is called a mismatch;
another trial's name, however written, is a mismatch.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from veribib.judge import codes, judge
from veribib.judge.normalise import words
from veribib.judge.trialnames import acronym_key
from veribib.judge.trialtopic import trial_text
from veribib.judge.trialwords import GENERIC, stem
from veribib.model import Judgement, ReferenceType, Resolution, Trial, Verdict
from veribib.resolve.records import trial_from_ctgov

from .helpers import found, ref

CORPUS = Path(__file__).resolve().parents[1] / "data" / "trials"
# Held-out studies kept out of these classes. studies9 to studies18 are measured (holdout9 to
# holdout18), but with them in, 359 class cases fail on the current rules (79 with studies9 to
# 16 only): 257 of them a few names read after "Results from" ("iDCL", "AcT", "C/SOAP"), the
# rest doses and ages the generated titles write and names such as "DEN-301" (see the README's
# trial figures); they wait for a round on those. New splits start here, unmeasured.
UNSEEN = frozenset(
    (
        "studies9.jsonl",
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


def _records() -> Iterator[Trial]:
    for path in sorted(CORPUS.glob("studies*.jsonl")):
        if path.name in UNSEEN:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield trial_from_ctgov(json.loads(line))


RECORDS = tuple(_records())


# Found by these classes over holdout5's studies after its final measurement (strict xfails
# then, fixed in holdout6's round): a name opening in small letters ("monarchE") is a name.
def _lower_name(record: Trial) -> bool:
    return bool(record.acronym) and record.acronym[:1].islower()


# A name holding another trial's whole name ("LIBERTY AD SOLO 1" holds "SOLO 1") is another's.
def _holds(name: str, record: Trial) -> bool:
    return bool(record.acronym) and acronym_key(record.acronym) in acronym_key(name)


# A name written in capitalised English words ("Harmony Outcomes").
def _plain_words(record: Trial) -> bool:
    if not record.acronym or _lower_name(record):
        return False
    tokens = re.split(r"[\s-]+", record.acronym)
    return all(sum(c.isupper() for c in t) < 2 and not any(c.isdigit() for c in t) for t in tokens)


# A trial whose tested drug is a code name written with a hyphen ("PF-07321332"), named in a
# short title mostly in capitals ("EPIC-HR: PF-07321332 in COVID-19").
CODE_ONLY = "NCT04960202"


# What another study of the same people might test or measure: none of these is a trial's own.
APPROACHES = (
    "Nurse-led telephone coaching",
    "Mindfulness-based group sessions",
    "A smartphone self-management app",
    "Community pharmacist medication reviews",
)
ASPECTS = ("anxiety and depressive symptoms", "sleep quality", "health literacy")
# Everyday words that also occur in trial records ("cell", "heart", "blood", "cancer").
EVERYDAY = (
    "Cell phone use and sleep quality in {who}",
    "Heart rate recovery after interval running in {who}",
    "Blood donation attitudes among {who}",
)
WHO = ("adolescents", "university students", "retired teachers")


def _judgement(title: str, record: Trial, today: datetime.date) -> Judgement:
    reference = ref(title=title, type=ReferenceType.CLINICAL_TRIAL, trials=[record.id])
    return judge(reference, Resolution(trials=((record.id, found(record, "ctgov")),)), today)


def _judge(title: str, record: Trial, today: datetime.date) -> tuple[Verdict, set[str]]:
    j = _judgement(title, record, today)
    return j.verdict, {e.code for e in j.evidence}


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_trials_own_titles_verify(record: Trial, today: datetime.date) -> None:
    for title in filter(None, (record.brief_title, record.official_title)):
        verdict, found_codes = _judge(title, record, today)
        assert verdict is Verdict.VERIFIED, title
        assert codes.TRIAL_TOPIC_MISMATCH not in found_codes


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_another_study_of_the_same_condition_is_a_mismatch(
    record: Trial, today: datetime.date
) -> None:
    condition = record.conditions[0]
    for approach in APPROACHES:
        for aspect in ASPECTS:
            title = f"{approach} for {aspect} in {condition}"
            verdict, found_codes = _judge(title, record, today)
            assert verdict is not Verdict.VERIFIED, title
            assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_everyday_words_shared_are_no_agreement(record: Trial, today: datetime.date) -> None:
    for template in EVERYDAY:
        for who in WHO:
            title = template.format(who=who)
            verdict, found_codes = _judge(title, record, today)
            assert verdict is not Verdict.VERIFIED, title
            assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


@pytest.mark.parametrize("record", [t for t in RECORDS if t.acronym], ids=lambda t: t.id)
def test_a_trials_acronym_verifies_and_its_lowercase_word_does_not(
    record: Trial, today: datetime.date
) -> None:
    assert record.acronym
    verdict, _ = _judge(f"The {record.acronym} trial", record, today)
    assert verdict is Verdict.VERIFIED
    word = record.acronym.lower()
    if word.isalpha() and zipf_frequency(word, "en") >= 3.0:  # "heart rate recovery": no trial
        verdict, _ = _judge(f"Heart rate {word} in runners", record, today)
        assert verdict is not Verdict.VERIFIED


def _tested(record: Trial) -> str:
    """What the trial tests: its first intervention naming a word of what it tests (not one
    every arm gets, "Obinutuzumab + Venetoclax Versus Obinutuzumab + Chlorambucil")."""
    own = [i for i in record.interventions if "placebo" not in i.lower()]
    tested = trial_text(record).treatments
    return next((i for i in own if {stem(w) for w in words(i)} & tested), own[0])


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_what_a_trial_tests_in_whom_it_tests_it_is_never_a_mismatch(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for title in (
        f"{tested} in {condition}",
        # an outcome the record does not list: still this trial's drug in its patients
        f"Effect of {tested} on quality of life and hospital admissions in {condition}",
    ):
        verdict, found_codes = _judge(title, record, today)
        assert codes.TRIAL_TOPIC_MISMATCH not in found_codes, title
        assert verdict is not Verdict.FABRICATED, title


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_what_a_trial_tests_studied_in_others_is_a_mismatch(
    record: Trial, today: datetime.date
) -> None:
    tested = _tested(record)
    for aspect in ("hair loss", "dental caries", "sleep quality"):
        for who in ("shift workers", "school children"):
            title = f"{tested} use and {aspect} among {who}"
            verdict, found_codes = _judge(title, record, today)
            assert verdict is not Verdict.VERIFIED, title
            assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_mismatch_names_the_real_trial_and_words_it_lacks(
    record: Trial, today: datetime.date
) -> None:
    j = _judgement(f"Nurse-led telephone coaching for sleep quality in {record.conditions[0]}",
                   record, today)  # fmt: skip
    (evidence,) = [e for e in j.evidence if e.code == codes.TRIAL_TOPIC_MISMATCH]
    assert record.brief_title in evidence.message
    assert "nothing of the citation's" in evidence.message
    assert any(w in evidence.message for w in ("nurse", "telephone", "coaching", "sleep"))


def _held(record: Trial) -> str:
    """Every word and field of a record as acronym keys run together (what it could be called)."""
    fields = [record.brief_title, record.official_title or "", record.acronym or "",
              *record.conditions, *record.interventions, *record.keywords, record.sponsor or "",
              *record.secondary_ids]  # fmt: skip
    return " ".join(acronym_key(f) for f in fields)


# Pairs of records are many (n²): a pair test reads every SPREAD-th other record, offset by the
# record's place, so each record meets a share of the names and each name a share of records.
SPREAD = 3


def _spread(record: Trial, others: Iterator[Trial]) -> Iterator[Trial]:
    """Every SPREAD-th of ``others``, starting at the record's place in RECORDS."""
    start = RECORDS.index(record) % SPREAD
    return (o for i, o in enumerate(others) if i % SPREAD == start)


def _others(record: Trial, *gaps: str) -> Iterator[Trial]:
    """Other records whose names the record nowhere holds (not its own, nor a word of it:
    "LIBERTY"), but for the records given."""
    held = _held(record)
    for other in RECORDS:
        if other.acronym and acronym_key(other.acronym) not in held and other.id not in gaps:
            yield other


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_another_trials_name_however_written_is_a_mismatch(
    record: Trial, today: datetime.date
) -> None:
    for other in _others(record):
        for title in (f"The {other.acronym} trial", f"{other.acronym} study"):
            verdict, found_codes = _judge(title, record, today)
            assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (title, verdict)


@pytest.mark.parametrize("record", [t for t in RECORDS if t.acronym], ids=lambda t: t.id)
def test_a_trials_own_name_however_written_verifies(record: Trial, today: datetime.date) -> None:
    acronym, tested, condition = record.acronym, _tested(record), record.conditions[0]
    for title in (
        f"{acronym} study",
        f"{acronym} Investigators",
        f"{acronym}",
        f"{tested} in {condition} ({acronym})",
        f"{record.brief_title} ({acronym})",
    ):
        verdict, found_codes = _judge(title, record, today)
        assert verdict is Verdict.VERIFIED, title
        assert codes.TRIAL_TOPIC_MISMATCH not in found_codes, title


@pytest.mark.parametrize("record", [t for t in RECORDS if not t.acronym], ids=lambda t: t.id)
def test_a_record_without_acronym_is_known_by_its_title_whatever_name_is_added(
    record: Trial, today: datetime.date
) -> None:
    verdict, found_codes = _judge(f"{record.brief_title} (the NOVA-7 trial)", record, today)
    assert verdict is Verdict.VERIFIED
    verdict, found_codes = _judge("The NOVA-7 trial", record, today)
    assert codes.TRIAL_TOPIC_MISMATCH in found_codes


# Another activity, in other people, than a trial of the same condition.
ACTIVITIES = ("Screening", "Genetic counselling", "Return to work")
OTHERS = ("children", "pregnant women", "prison inmates")


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_the_condition_in_other_people_or_another_activity_is_a_mismatch(
    record: Trial, today: datetime.date
) -> None:
    held = " ".join(_held(record).split()).lower()
    for condition in record.conditions[:2]:
        for activity in ACTIVITIES:
            if acronym_key(activity).lower() in held:
                continue  # the trial's own activity (a screening trial)
            for who in OTHERS:
                title = f"{activity} for {condition} in {who}"
                verdict, found_codes = _judge(title, record, today)
                assert verdict is not Verdict.VERIFIED, title
                assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


# Names of drug classes (the stems of their members' names).
CLASSES = frozenset(("statin", "gliflozin", "gliptin", "glutide", "sartan", "pril", "xaban"))


def _class_words(record: Trial) -> list[str]:
    """Drug classes a record's titles name that none of its interventions is ("Statin
    Intolerant"): whom it studies, not what it tests."""
    tested = " ".join(record.interventions).lower()
    titles = f"{record.brief_title} {record.official_title or ''}".lower()
    return sorted({w for w in re.findall(r"[a-z]+", titles) if w in CLASSES and w not in tested})


@pytest.mark.parametrize("record", [t for t in RECORDS if _class_words(t)], ids=lambda t: t.id)
def test_a_drug_class_a_title_names_is_not_what_the_trial_tests(
    record: Trial, today: datetime.date
) -> None:
    for word in _class_words(record):
        for condition in record.conditions:
            title = f"{word.capitalize()} discontinuation and sleep quality in {condition}"
            verdict, found_codes = _judge(title, record, today)
            assert verdict is not Verdict.VERIFIED, title
            assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


# A therapy every arm receives, as titles word it ("as Add-on Therapy to Metformin").
_GIVEN_ON = re.compile(
    r"(?:add-on therapy to|on a background of|receiving background|receiving) ([a-z]+)", re.I
)


def _background(record: Trial) -> list[str]:
    """Therapies a record's titles name as every arm's background, not among what it tests."""
    tested = " ".join(record.interventions).lower()
    titles = f"{record.brief_title} {record.official_title or ''}"
    found_ = {m.group(1).lower() for m in _GIVEN_ON.finditer(titles)}
    return sorted(w for w in found_ if w not in tested and w not in GENERIC)


@pytest.mark.parametrize("record", [t for t in RECORDS if _background(t)], ids=lambda t: t.id)
def test_a_background_therapy_is_not_what_the_trial_tests(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for word in _background(record):
        title = f"{word.capitalize()} and vitamin B12 deficiency in {condition}"
        verdict, found_codes = _judge(title, record, today)
        assert verdict is not Verdict.VERIFIED, title
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title
        # the background with one aspect the record lacks ("Aspirin resistance") is another study
        for aspect in ("technique", "awareness"):
            _assert_another_study(f"{word.capitalize()} {aspect} in {condition}", record, today)
        # what it tests, given on that background, is the trial
        verdict, _ = _judge(f"{tested} added to {word} in {condition}", record, today)
        assert verdict is Verdict.VERIFIED, tested


def _id_names(record: Trial) -> list[str]:
    """Names among a record's own ids ("HPTN 083", "KEYNOTE-426")."""
    return [i for i in record.secondary_ids if re.fullmatch(r"[A-Z]{2,}[- ]\d{2,4}", i)]


@pytest.mark.parametrize("record", [t for t in RECORDS if _id_names(t)], ids=lambda t: t.id)
def test_a_name_among_the_records_own_ids_is_its_name(record: Trial, today: datetime.date) -> None:
    for name in _id_names(record):
        for title in (f"The {name} trial", f"{name} study"):
            verdict, found_codes = _judge(title, record, today)
            assert verdict is Verdict.VERIFIED, title
        for other in RECORDS:
            for foreign in _id_names(other):
                if acronym_key(foreign) not in _held(record):
                    verdict, found_codes = _judge(f"The {foreign} trial", record, today)
                    assert codes.TRIAL_TOPIC_MISMATCH in found_codes, foreign


def _other_words(record: Trial) -> list[str]:
    """Words of a record's brief title that are neither its condition's nor what it tests."""
    held = " ".join([*record.conditions, *record.interventions, record.acronym or ""]).lower()
    out = [
        w
        for w in re.findall(r"[A-Za-z]{6,}", record.brief_title)
        if w.lower() not in held and w.lower() not in GENERIC and not w.isupper()
    ]
    return list(dict.fromkeys(out))


@pytest.mark.parametrize(
    "record", [t for t in RECORDS if len(_other_words(t)) >= 2], ids=lambda t: t.id
)
def test_naming_neither_what_nor_whom_with_half_its_words_foreign_is_a_mismatch(
    record: Trial, today: datetime.date
) -> None:
    first, second = _other_words(record)[:2]
    title = f"{first} {second.lower()} and sleep in perimenopause"
    verdict, found_codes = _judge(title, record, today)
    assert verdict is not Verdict.VERIFIED, title
    assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


# Where papers put a trial's name besides "the X trial": after design words, after "results
# of", or opening the title before a colon.
NAME_POSITIONS = (
    "Primary results of the {name} randomized trial",
    "Results from {name}",
    "{name}: {tested} in {condition}",
)


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_name_where_papers_put_it_is_read_as_a_trials_name(
    record: Trial, today: datetime.date
) -> None:
    for other in _spread(record, _others(record, CODE_ONLY)):
        for form in NAME_POSITIONS:
            title = form.format(
                name=other.acronym, tested=_tested(other), condition=other.conditions[0]
            )
            verdict, found_codes = _judge(title, record, today)
            assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (title, verdict)
    if record.acronym:
        for form in NAME_POSITIONS:
            title = form.format(
                name=record.acronym, tested=_tested(record), condition=record.conditions[0]
            )
            verdict, _ = _judge(title, record, today)
            assert verdict is Verdict.VERIFIED, title


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_registrys_label_before_a_colon_is_no_trials_name(
    record: Trial, today: datetime.date
) -> None:
    for label in ("NLM Identifier", "Registry ID", "EU CTR Number"):
        title = f"{record.sponsor}. {label}: {record.id}. {record.brief_title}"
        verdict, _ = _judge(title, record, today)
        assert verdict is Verdict.VERIFIED, title


def _every_arm(record: Trial) -> list[str]:
    """Interventions a title gives every arm: "X with or without Y" where Y is tested."""
    out: list[str] = []
    names = [i.lower() for i in record.interventions]
    for title in filter(None, (record.brief_title, record.official_title)):
        m = re.search(r"(\w+)\W*(?:chemotherapy\s+)?with or without (\w+)", title, re.IGNORECASE)
        if m and m.group(2).lower() in names and m.group(1).lower() in names:
            out.append(m.group(1))
    return sorted(set(out))


@pytest.mark.parametrize("record", [t for t in RECORDS if _every_arm(t)], ids=lambda t: t.id)
def test_what_every_arm_receives_is_not_what_the_trial_tests(
    record: Trial, today: datetime.date
) -> None:
    condition = record.conditions[0]
    for word in _every_arm(record):
        title = f"{word}-induced nausea and acupuncture in {condition}"
        verdict, found_codes = _judge(title, record, today)
        assert verdict is not Verdict.VERIFIED, title
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


def _assert_named_elsewhere(
    other: Trial, written_so: Callable[[Trial], bool], today: datetime.date
) -> None:
    """Another trial's name, cited with the id of a record whose name is not written so."""
    record = next(t for t in RECORDS if t.id != other.id and not written_so(t))
    verdict, found_codes = _judge(f"The {other.acronym} trial", record, today)
    assert codes.TRIAL_TOPIC_MISMATCH in found_codes, verdict


@pytest.mark.parametrize("other", [t for t in RECORDS if _lower_name(t)], ids=lambda t: t.id)
def test_a_name_in_small_letters_is_read_as_a_trials_name(
    other: Trial, today: datetime.date
) -> None:
    _assert_named_elsewhere(other, _lower_name, today)


def test_a_name_holding_the_trials_name_is_another_trials(today: datetime.date) -> None:
    pairs = [(o, t) for o in RECORDS for t in RECORDS if o is not t and o.acronym
             and _holds(o.acronym, t) and acronym_key(o.acronym) not in _held(t)]  # fmt: skip
    assert pairs
    for other, record in pairs:
        verdict, found_codes = _judge(f"The {other.acronym} trial", record, today)
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (other.acronym, record.id, verdict)


def test_a_short_title_mostly_in_capitals_names_its_trial(today: datetime.date) -> None:
    other = next(t for t in RECORDS if t.id == CODE_ONLY)
    record = next(t for t in RECORDS if t.id != CODE_ONLY)
    title = f"{other.acronym}: {_tested(other)} in {other.conditions[0]}"
    verdict, found_codes = _judge(title, record, today)
    assert codes.TRIAL_TOPIC_MISMATCH in found_codes, verdict


def _assert_another_study(title: str, record: Trial, today: datetime.date) -> None:
    verdict, found_codes = _judge(title, record, today)
    assert verdict is not Verdict.VERIFIED, title
    assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


# What a trial tests is its experimental arm's distinguishing intervention: in a title's
# "X versus Y" (or "compared with Y") with X tested, a drug only in Y is the comparator.
_VERSUS = re.compile(r"\b(\w+)\s+(?:versus|vs\.?|compared with)\s+(\w+)", re.IGNORECASE)


def _comparators(record: Trial) -> list[tuple[str, str]]:
    """(tested, comparator) pairs a record's titles name, both among its interventions."""
    names = [i.lower() for i in record.interventions]
    out = set()
    for title in filter(None, (record.brief_title, record.official_title)):
        for m in _VERSUS.finditer(title):
            x, y = m.group(1).lower(), m.group(2).lower()
            if (
                x in names
                and y in names
                and "placebo" not in (x, y)
                and x != y
                and x not in title.lower()[m.end() :]
            ):
                out.add((m.group(1), m.group(2)))
    return sorted(out)


@pytest.mark.parametrize("record", [t for t in RECORDS if _comparators(t)], ids=lambda t: t.id)
def test_the_comparator_with_an_aspect_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    condition = record.conditions[0]
    for tested, comparator in _comparators(record):
        title = f"{comparator} resistance in {condition}"
        _assert_another_study(title, record, today)
        verdict, _ = _judge(f"{tested} versus {comparator} in {condition}", record, today)
        assert verdict is Verdict.VERIFIED, tested


# Words that say when or how a therapy is given, never which ("Standard Adjuvant Endocrine
# Therapy"): an intervention named with one is not told by that word.
SETTINGS = ("adjuvant", "maintenance", "monotherapy")


def _settings(record: Trial) -> list[str]:
    text = " ".join(record.interventions).lower()
    return [w for w in SETTINGS if re.search(rf"\b{w}\b", text)]


@pytest.mark.parametrize("record", [t for t in RECORDS if _settings(t)], ids=lambda t: t.id)
def test_a_setting_word_is_not_what_the_trial_tests(record: Trial, today: datetime.date) -> None:
    condition = record.conditions[0]
    for word in _settings(record):
        title = f"Adherence to {word} therapy in young women with {condition}"
        _assert_another_study(title, record, today)


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_the_condition_with_one_aspect_the_record_lacks_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    for condition in record.conditions[:1]:
        title = f"{condition} awareness"
        _assert_another_study(title, record, today)


# Found on holdout6's studies after its final measurement, fixed in holdout7's round: what a
# study asks of people (awareness, adherence, knowledge) or of the body in other people
# (pharmacokinetics in children) makes it another study, however well it names the therapy.
BEHAVIOURS = ("adherence", "awareness", "knowledge")


def _lacks(record: Trial, word: str) -> bool:
    return word not in repr(record).lower()


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_what_a_trial_tests_with_a_behaviour_it_never_studies_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for word in (w for w in BEHAVIOURS if _lacks(record, w)):
        _assert_another_study(f"{tested} {word} among adults with {condition}", record, today)


@pytest.mark.parametrize(
    "record", [t for t in RECORDS if _lacks(t, "pharmacokinetic") and _lacks(t, "child")],
    ids=lambda t: t.id,
)  # fmt: skip
def test_pharmacokinetics_of_what_a_trial_tests_in_other_people_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    title = f"{_tested(record)} pharmacokinetics in children with {record.conditions[0]}"
    _assert_another_study(title, record, today)


@pytest.mark.parametrize("record", [t for t in RECORDS if t.acronym], ids=lambda t: t.id)
def test_a_behaviour_studied_in_the_named_trial_is_no_mismatch(
    record: Trial, today: datetime.date
) -> None:
    title = f"Adherence to {_tested(record)} in the {record.acronym} trial"
    verdict, found_codes = _judge(title, record, today)
    assert codes.TRIAL_TOPIC_MISMATCH not in found_codes, title
    assert verdict is Verdict.VERIFIED, title


# Found by these classes over holdout6's studies (a strict xfail until holdout8's round): a
# name in capitalised English words ("Harmony Outcomes") is a trial's name, written where names
# go; the record's own words so written (its sponsor, its condition) are no other trial's.
@pytest.mark.parametrize("other", [t for t in RECORDS if _plain_words(t)], ids=lambda t: t.id)
def test_a_name_in_capitalised_words_is_read_as_a_trials_name(
    other: Trial, today: datetime.date
) -> None:
    assert other.acronym
    record = next(t for t in RECORDS if t.id != other.id and not _plain_words(t))
    for title in (f"The {other.acronym} trial", f"{other.acronym} Investigators",
                  f"{_tested(record)} in {record.conditions[0]} ({other.acronym})"):  # fmt: skip
        verdict, found_codes = _judge(title, record, today)
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (title, verdict)
    verdict, _ = _judge(f"The {other.acronym} trial", other, today)
    assert verdict is Verdict.VERIFIED


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_the_records_own_words_in_capitals_name_no_other_trial(
    record: Trial, today: datetime.date
) -> None:
    for title in (f"{record.brief_title} ({record.conditions[0]})",
                  f"{record.sponsor} Investigators. {record.brief_title}"):  # fmt: skip
        verdict, found_codes = _judge(title, record, today)
        assert codes.TRIAL_TOPIC_MISMATCH not in found_codes, title
        assert verdict is Verdict.VERIFIED, title


# Found on holdout7's studies after its final measurement, fixed in holdout8's round: the
# comparator is named in every shape ("versus", "vs", "compared with placebo or"), written in
# several words ("Insulin Glargine"), and a citation agreeing on nothing else specific (the
# comparator and the condition, with an aspect) is another study.
_AGAINST = re.compile(r"\s+(?:versus|vs\.?|compared (?:with|to))\s+(?:placebo\s+or\s+)?",
                      re.IGNORECASE)  # fmt: skip


def _against(record: Trial) -> list[str]:
    """Interventions a title names right after "versus" (or "compared with placebo or"),
    whose words no title writes anywhere else, while another intervention stands before it."""
    names = [i for i in record.interventions if "placebo" not in i.lower()]
    titles = [t.lower() for t in filter(None, (record.brief_title, record.official_title))]
    out = set()
    for title in titles:
        for m in _AGAINST.finditer(title):
            before, after = title[: m.start()], title[m.end() :]
            for name in (n for n in names if after.startswith(n.lower())):
                own = re.findall(r"[a-z]{4,}", name.lower())
                elsewhere = " ".join(t.replace(f"{m.group(0)}{name.lower()}", " ") for t in titles)
                if (
                    # a therapy's own word ("glargine") that no title writes elsewhere
                    any(zipf_frequency(w, "en") < 4.0 and w not in elsewhere for w in own)
                    and any(o.lower() in before for o in names if o != name)
                ):
                    out.add(name)
    return sorted(out)


@pytest.mark.parametrize("record", [t for t in RECORDS if _against(t)], ids=lambda t: t.id)
def test_the_comparator_in_any_shape_with_an_aspect_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    condition = record.conditions[0]
    for comparator in _against(record):
        for aspect in ("costs", "prescribing"):
            _assert_another_study(f"{comparator} {aspect} in {condition}", record, today)
        # naming what the trial tests too is the trial
        tested = next(o for o in record.interventions if o.lower() in record.brief_title.lower()
                      and o != comparator and "placebo" not in o.lower())  # fmt: skip
        verdict, _ = _judge(f"{tested} versus {comparator} in {condition}", record, today)
        assert verdict is Verdict.VERIFIED, (tested, comparator)


# Found on holdout7's studies after its final measurement, fixed in holdout8's round: a
# disease or complication the record nowhere mentions (not its titles, conditions, keywords,
# outcomes or arms) makes another study, however well the citation names the trial's therapy
# and condition; one the record studies, or one in the named trial, never does.
DISEASES = ("retinopathy", "osteoporosis", "pneumonitis", "hypoglycaemia", "nephrolithiasis",
            "asthma", "malaria", "epilepsy", "migraine",
            # named in a mental disorder's one word (holdout9's "anxiety disorders" on a trial
            # of depression)
            "anxiety", "autism")  # fmt: skip


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_another_disease_with_what_a_trial_tests_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for disease in (d for d in DISEASES if _lacks(record, d[:8].replace("ae", "e"))):
        _assert_another_study(f"{tested} and {disease} in {condition}", record, today)
        _assert_another_study(f"{tested} for {disease}", record, today)


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_disease_the_record_studies_is_no_mismatch(record: Trial, today: datetime.date) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for disease in DISEASES:
        # an outcome (in American spelling), an arm's description: the record's own
        for described in (f"Time to first {disease.replace('ae', 'e')}", f"Arm with {disease}"):
            studied = dataclasses.replace(record, described=(described,))
            verdict, found_codes = _judge(f"{tested} and {disease} in {condition}", studied, today)
            assert codes.TRIAL_TOPIC_MISMATCH not in found_codes, (disease, described)
            assert verdict is not Verdict.FABRICATED, (disease, described)
        if record.acronym:
            title = f"{disease.capitalize()} in the {record.acronym} trial"
            verdict, _ = _judge(title, record, today)
            assert verdict is Verdict.VERIFIED, title


# Found by stress classes over every study in holdout8's round (titles like holdout7's
# "Oseltamivir prescribing", "Etoposide shortages"): what a study asks of a therapy's use,
# supply or price, never mentioned by the record, is another study of the trial's therapy.
USES = ("shortages", "prescribing patterns", "costs", "drug interactions")


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_therapys_use_supply_or_price_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for use in (u for u in USES if _lacks(record, u.split()[-1][:-1])):
        _assert_another_study(f"{tested} {use} in {condition}", record, today)


# Found by stress classes in holdout8's round: a hyphenated name written in capitalised words
# ("Sustain-6", "Empa-Kidney", "Step-Hfpef", as reference managers recase "SUSTAIN-6") is
# still a trial's name: another trial's where names go, the trial's own when its id is cited.
_JOINING = ("up", "on", "in", "it", "out", "off", "of", "to", "by", "at", "non", "all")


def _coined(part: str) -> bool:
    """A part no English word: a number ("6", "V1"), an abbreviation, a coined word."""
    if any(c.isdigit() for c in part) or len(part) <= 3:
        return part.lower() not in _JOINING
    return zipf_frequency(part.lower(), "en") < 3.0


def _recased(record: Trial) -> str | None:
    name = record.acronym or ""
    if "-" not in name or " " in name or not any(_coined(p) for p in name.split("-")):
        return None
    recased = "-".join(p.capitalize() for p in name.split("-"))
    return recased if recased != name else None


@pytest.mark.parametrize("other", [t for t in RECORDS if _recased(t)], ids=lambda t: t.id)
def test_a_hyphenated_name_in_capitalised_words_is_a_trials_name(
    other: Trial, today: datetime.date
) -> None:
    name = _recased(other)
    record = next(t for t in RECORDS if t.acronym and acronym_key(str(name)) not in _held(t))
    for title in (f"{name}", f"{name} Study Group", f"{name} trial investigators"):
        verdict, found_codes = _judge(title, record, today)
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (title, verdict)
        verdict, _ = _judge(title, other, today)
        assert verdict is Verdict.VERIFIED, title


# Found by stress classes in holdout8's round: a citation that says it is another kind of study
# (a meta-analysis, a review, a survey, a case report, a claims database study) or compares the
# trial's therapy with one the record never gives is another study; naming the trial is not.
OTHER_KINDS = ("a meta-analysis of randomised trials", "a systematic review", "a case report",
               "a claims database study", "a cross-sectional survey", "a mouse model",
               "lessons from social media")  # fmt: skip
AGAINST = ("metformin", "warfarin", "ibuprofen")


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_another_kind_of_study_or_comparison_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for kind in OTHER_KINDS:
        _assert_another_study(f"{tested} in {condition}: {kind}", record, today)
        if record.acronym:
            title = f"The {record.acronym} trial in context: {kind}"
            assert codes.TRIAL_TOPIC_MISMATCH not in _judge(title, record, today)[1], title
    for drug in (d for d in AGAINST if _lacks(record, d)):
        _assert_another_study(f"{tested} versus {drug} in {condition}", record, today)


# Found by stress classes of real citations in holdout8's round: a title cut short by an
# ellipsis ("... to Prevent Hea...") or holding code names in two parts ("JNJ-56021927") is
# never another study, and the trial's own name recased ("Deliver trial") is its name.
@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_real_title_cut_short_is_never_a_mismatch(record: Trial, today: datetime.date) -> None:
    for title in filter(None, (record.brief_title, record.official_title)):
        for n in range(30, min(len(title), 90), 10):
            cut = f"{title[:n].rstrip()}..."
            assert codes.TRIAL_TOPIC_MISMATCH not in _judge(cut, record, today)[1], cut


@pytest.mark.parametrize("record", [t for t in RECORDS if t.acronym], ids=lambda t: t.id)
def test_a_trials_own_name_recased_verifies(record: Trial, today: datetime.date) -> None:
    assert record.acronym
    for name in (record.acronym.title(), record.acronym.lower()):
        for title in (
            f"{name} trial",
            f"Results of the {name} trial",
            f"({name}) registration",
        ):
            verdict, found_codes = _judge(title, record, today)
            assert codes.TRIAL_TOPIC_MISMATCH not in found_codes, title
            assert verdict is Verdict.VERIFIED, title


# A one-word name recased ("the Leader trial", "the Carolina trial") between "the" and a
# small-letter "trial" is another trial's when the record nowhere holds it; whose or where a
# trial is ("the Canadian trial", "the Danish study") names none.
# (a known limit: a name shaped like a people's or a place's word, "Pacific", "Compass",
# is not read as a name)
def _one_word(record: Trial) -> str | None:
    name = record.acronym or ""
    if (
        not name.isalpha()
        or len(name) < 4
        or re.search(r"(?:ian|ish|ese|ean|ch|ss|ic|i)$", name.lower())
    ):
        return None
    return name.capitalize()


@pytest.mark.parametrize("other", [t for t in RECORDS if _one_word(t)], ids=lambda t: t.id)
def test_a_one_word_name_recased_is_another_trials(other: Trial, today: datetime.date) -> None:
    name = str(_one_word(other))
    record = next(t for t in RECORDS if t.acronym and acronym_key(name) not in _held(t))
    verdict, found_codes = _judge(f"The {name} trial", record, today)
    assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (name, verdict)


@pytest.mark.parametrize("record", RECORDS[:20], ids=lambda t: t.id)
def test_whose_or_where_a_trial_is_names_no_trial(record: Trial, today: datetime.date) -> None:
    for who in ("Canadian", "Danish", "European", "Japanese"):
        title = f"{record.brief_title}: the {who} trial"
        assert codes.TRIAL_TOPIC_MISMATCH not in _judge(title, record, today)[1], title
