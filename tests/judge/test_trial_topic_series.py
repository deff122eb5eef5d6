"""Names of a series and names that only begin alike, over every constructed study record.

A trial's numbered name cited with another number ("Surpass-2" on SURPASS-1's id) is a sister
trial; a word that only begins like the trial's name ("ATTR" for "ATTRibute-CM", "OLYMPIAD" for
"OlympiA") is not its name; a name written before "Steering Committee" is a trial's name; an
extension study, or a drug taken on demand where the record gives it daily, is another study.
"""

from __future__ import annotations

import datetime
import re

import pytest

from veribib.judge import codes, judge
from veribib.judge.trialnames import named_trials
from veribib.judge.trialtopic import trial_text
from veribib.model import ReferenceType, Resolution, Trial, Verdict

from .helpers import found, ref
from .test_trial_topic_classes import RECORDS, _judge, _tested
from .test_trial_topic_people import _mismatch, _never_mismatch

NUMBERED = [
    t for t in RECORDS if t.acronym and re.fullmatch(r"[A-Za-z][A-Za-z-]*[\s-]?\d{1,2}", t.acronym)
]


@pytest.mark.parametrize("record", NUMBERED, ids=lambda t: t.id)
def test_a_numbered_name_with_another_number_is_a_sister_trial(
    record: Trial, today: datetime.date
) -> None:
    assert record.acronym
    m = re.fullmatch(r"(.*?)[\s-]?(\d{1,2})", record.acronym)
    assert m
    base, number = m.group(1), m.group(2)
    other = str(int(number) + 1).zfill(len(number))
    _mismatch(f"{base}-{other}: {_tested(record)}", record, today)
    verdict, _ = _judge(f"{record.acronym}: {_tested(record)}", record, today)
    assert verdict is Verdict.VERIFIED


def test_numbered_names_are_counted() -> None:
    assert len(NUMBERED) >= 10


@pytest.mark.parametrize("record", [t for t in RECORDS if t.acronym], ids=lambda t: t.id)
def test_a_word_that_only_begins_like_the_name_is_no_name(
    record: Trial, today: datetime.date
) -> None:
    assert record.acronym
    letters = re.sub(r"[^A-Za-z]", "", record.acronym)
    if len(letters) < 5:
        return
    # the name run on into a longer word names another trial (or none), never this one
    verdict, _ = _judge(f"{letters.upper()}ZED \u2014 {record.conditions[0]}", record, today)
    assert verdict is not Verdict.VERIFIED or record.brief_title.upper().find("ZED") >= 0


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_an_extension_study_is_another_registration(record: Trial, today: datetime.date) -> None:
    if "extension" in trial_text(record).text:
        return
    tested, condition = _tested(record), record.conditions[0]
    _mismatch(f"Open-label extension study of {tested} in {condition}", record, today)


@pytest.mark.parametrize(
    "record",
    [t for t in RECORDS if re.search(r"\b(?:once[- ])?daily\b", trial_text(t).text)],
    ids=lambda t: t.id,
)
def test_on_demand_where_the_record_gives_it_daily(record: Trial, today: datetime.date) -> None:
    if re.search(r"on[- ]demand|event[- ]driven|intermittent", trial_text(record).text):
        return
    tested, condition = _tested(record), record.conditions[0]
    _mismatch(f"On-demand {tested} in {condition}", record, today)
    _never_mismatch(f"Daily {tested} in {condition}", record, today)


def test_a_name_before_a_steering_committee_is_a_trials_name() -> None:
    assert named_trials("Murano Steering Committee. Venetoclax in CLL.") == {"MURANO"}
    assert named_trials("The Canadian Steering Committee. Venetoclax in CLL.") == set()


def test_a_disease_abbreviation_is_no_shortening_of_a_name(today: datetime.date) -> None:
    attr = next((t for t in RECORDS if t.acronym == "ATTRibute-CM"), None)
    if attr is None:  # kept unseen
        return
    verdict, found = _judge("HELIOS B: vutrisiran in transthyretin amyloidosis (ATTR)", attr, today)
    assert codes.TRIAL_TOPIC_MISMATCH in found and verdict is not Verdict.VERIFIED


def test_a_group_author_names_the_trial(today: datetime.date) -> None:
    assert named_trials("The Aspree Trial Investigators") == {"ASPREE"}
    assert named_trials("The Canadian Trial Investigators") == set()
    for record in [t for t in RECORDS if t.acronym][:40]:
        other = next(
            t
            for t in RECORDS
            if t.acronym and t.id != record.id and t.acronym[:3] != (record.acronym or "")[:3]
        )
        assert other.acronym
        name = other.acronym.capitalize() if other.acronym.isalpha() else other.acronym
        reference = ref(
            title=f"{_tested(record)} in {record.conditions[0]}",
            authors=[f"The {name} Trial Investigators"],
            type=ReferenceType.CLINICAL_TRIAL,
            trials=[record.id],
        )
        judgement = judge(
            reference, Resolution(trials=((record.id, found(record, "ctgov")),)), today
        )
        found_codes = {e.code for e in judgement.evidence}
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (record.id, name)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The Nix-TB trial", "NIXTB"),  # a word joined to a disease's abbreviation
        ("Results from X:BOT", "XBOT"),  # a colon between capitals joins a name
        ("Results from Lp(a)HORIZON", "LPAHORIZON"),  # a short bracket inside the name
        ("The Measure Up 1 trial", "MEASUREUP1"),  # capitalised words and a number
    ],
)
def test_name_shapes_are_read_where_a_name_goes(text: str, key: str) -> None:
    assert key in named_trials(text)


def test_a_prefix_joined_to_an_abbreviation_is_no_name() -> None:
    assert named_trials("the Anti-TNF trial") == set()
    assert named_trials("the Non-HDL study") == set()
