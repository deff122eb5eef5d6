"""What a registration's title as cited writes that its record nowhere writes.

Built over every constructed study record (``tests/data/trials``): a registration citation
copies its record's words, so beside what the trial tests in whom, a rare word the record
nowhere writes (another drug, a form of the disease, other people), another form of a word the
record qualifies, another numbered form, ages the trial does not enrol, another severity or
route, and a sister trial's number are another study's; the record's own title, even cut short
with its sponsor named, never is.
"""

from __future__ import annotations

import datetime
import re

import pytest
from wordfreq import zipf_frequency

from veribib.judge import codes
from veribib.judge.normalise import words
from veribib.judge.trialnames import same_name
from veribib.judge.trialtopic import cited_ages, trial_text
from veribib.model import Trial, Verdict

from .test_trial_topic_classes import RECORDS, _judge, _tested
from .test_trial_topic_people import _mismatch, _never_mismatch

# Rare words (Zipf under 3.5) that name another study's drug, disease form or people; each is
# tried only on records that nowhere write it.
RARE = ("smouldering", "multiparous", "bortezomib", "neovascular", "thalidomide", "periprosthetic")


def _writes(record: Trial, word: str) -> bool:
    return word[:6] in trial_text(record).text


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_rare_word_the_record_never_writes_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for word in RARE:
        assert zipf_frequency(word, "en") < 3.5
        if not _writes(record, word):
            _mismatch(f"{tested} in {word} {condition}", record, today)
    # an outcome the record does not list is no other study
    _never_mismatch(f"Effect of {tested} on hospital admissions in {condition}", record, today)


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_the_records_own_words_are_never_unexplained(record: Trial, today: datetime.date) -> None:
    tested, condition = _tested(record), record.conditions[0]
    _never_mismatch(f"{tested} in {condition}", record, today)
    for title in filter(None, (record.brief_title, record.official_title)):
        verdict, _ = _judge(title, record, today)
        assert verdict is Verdict.VERIFIED, title


def _official_cut(record: Trial) -> str | None:
    """The record's official title cut after sixteen words, as registry-first citations write."""
    title = record.official_title or ""
    cut = title.split()[:16]
    return " ".join(cut) + "\u2026" if len(title.split()) > 18 else None


@pytest.mark.parametrize(
    "record", [t for t in RECORDS if _official_cut(t) and t.sponsor], ids=lambda t: t.id
)
def test_an_official_title_cut_short_with_its_sponsor_verifies(
    record: Trial, today: datetime.date
) -> None:
    cut = _official_cut(record)
    verdict, _ = _judge(f"{cut} Sponsor: {record.sponsor}", record, today)
    assert verdict is Verdict.VERIFIED, cut


# A word a record writes before the head of its first condition, and another of the same kind.
OTHER_FORM = {"opioid": "alcohol", "alcohol": "opioid", "type": "gestational"}


def test_another_form_of_a_word_the_record_qualifies(today: datetime.date) -> None:
    checked = 0
    for record in RECORDS:
        tested = _tested(record)
        for condition in record.conditions:
            ws = words(condition)
            if len(ws) < 2 or ws[0] not in OTHER_FORM or _writes(record, OTHER_FORM[ws[0]]):
                continue
            other = " ".join([OTHER_FORM[ws[0]], *ws[1:]])
            _mismatch(f"{tested} for {other}", record, today)
            checked += 1
    assert checked >= 1


@pytest.mark.parametrize(
    "record",
    [t for t in RECORDS if re.search(r"\btype 2 diabetes\b", trial_text(t).text)],
    ids=lambda t: t.id,
)
def test_another_numbered_form_is_another_study(record: Trial, today: datetime.date) -> None:
    tested = _tested(record)
    if re.search(r"\btype (1|i)\b", trial_text(record).text):
        return
    _mismatch(f"{tested} in type 1 diabetes", record, today)
    _never_mismatch(f"{tested} in type 2 diabetes", record, today)


ADULTS = [t for t in RECORDS if t.min_age is not None and t.min_age >= 18]


@pytest.mark.parametrize("record", ADULTS, ids=lambda t: t.id)
def test_ages_written_out_that_the_trial_does_not_enrol(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    _mismatch(f"{tested} in patients aged 2 through 5 years with {condition}", record, today)
    _mismatch(f"{tested} for {condition} in those 6-11 years old", record, today)
    _never_mismatch(f"{tested} in patients aged 40 to 75 years with {condition}", record, today)


def test_ages_are_read_as_written() -> None:
    assert cited_ages("children aged 2 through 5 years") == [("aged 2 through 5 years", (2.0, 6.0))]
    assert cited_ages("infants under 6 months")[0][1] == (0.0, 0.5)
    assert cited_ages("adults aged 65 years or older")[0][1] == (65.0, 200.0)
    assert cited_ages("treated for 2 to 5 years") == []  # a duration, not an age


@pytest.mark.parametrize(
    "record",
    [t for t in RECORDS if "intravenous" in trial_text(t).text],
    ids=lambda t: t.id,
)
def test_another_route_is_another_study(record: Trial, today: datetime.date) -> None:
    if "subcutaneous" in trial_text(record).text:
        return
    tested, condition = _tested(record), record.conditions[0]
    _mismatch(f"Subcutaneous {tested} in {condition}", record, today)


def test_a_sister_trials_number_is_another_trial() -> None:
    assert not same_name("MODIFYII", "MODIFYI")
    assert not same_name("SOLO12", "SOLO1")
    assert same_name("KEYNOTE189", "KEYNOTE")  # a shortening is the same name
    numbered = [t for t in RECORDS if t.acronym and re.search(r"[-\s]?[0-9I]$", t.acronym)]
    assert numbered
    for record in numbered:
        assert record.acronym
        verdict, found_codes = _judge(f"{record.acronym}1: {_tested(record)}", record, today())
        assert verdict is not Verdict.VERIFIED, record.acronym
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, record.acronym


def today() -> datetime.date:
    return datetime.date(2026, 12, 1)


def _doses(record: Trial) -> set[float]:
    return {
        float(m) for m in re.findall(r"(?<![\w.])(\d+(?:\.\d+)?) ?mg\b", trial_text(record).text)
    }


@pytest.mark.parametrize("record", [t for t in RECORDS if _doses(t)], ids=lambda t: t.id)
def test_a_dose_the_record_never_gives_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    doses = _doses(record)
    dose = min(doses)
    other = next(d for d in (dose * 7, dose * 11, dose * 13) if d not in doses)
    _mismatch(f"{tested} {other:g} mg in {condition}", record, today)
    _never_mismatch(f"{tested} {dose:g} mg in {condition}", record, today)
