"""Whom a trial enrols: a citation naming people its eligibility excludes is another study.

Built over every constructed study record (``tests/data/trials``), each carrying the ages and sex
ClinicalTrials.gov's ``eligibilityModule`` gives: the trial's drug in its condition, in people
the record excludes (children for a trial of adults, adults for one of infants, men for one of
women), is a mismatch; in people it enrols it never is.
"""

from __future__ import annotations

import datetime
import re

import pytest

from veribib.judge import codes
from veribib.model import Trial, Verdict

from .test_trial_topic_classes import RECORDS, _judge, _tested

ADULTS_ONLY = [t for t in RECORDS if t.min_age is not None and t.min_age >= 18]
YOUNG_ONLY = [t for t in RECORDS if t.max_age is not None and t.max_age < 18]
ONE_SEX = [t for t in RECORDS if t.sex in ("FEMALE", "MALE")]
OLDER = [t for t in RECORDS if t.max_age is None or t.max_age >= 65]


def test_every_constructed_study_says_whom_it_enrols() -> None:
    assert all(t.sex for t in RECORDS)
    assert ADULTS_ONLY and YOUNG_ONLY and ONE_SEX


def _mismatch(title: str, record: Trial, today: datetime.date) -> None:
    verdict, found_codes = _judge(title, record, today)
    assert verdict is not Verdict.VERIFIED, title
    assert codes.TRIAL_TOPIC_MISMATCH in found_codes, title


def _never_mismatch(title: str, record: Trial, today: datetime.date) -> None:
    verdict, found_codes = _judge(title, record, today)
    assert codes.TRIAL_TOPIC_MISMATCH not in found_codes, title
    assert verdict is not Verdict.FABRICATED, title


@pytest.mark.parametrize("record", ADULTS_ONLY, ids=lambda t: t.id)
def test_children_in_a_trial_of_adults_are_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for who in ("children", "paediatric patients", "infants"):
        _mismatch(f"{tested} in {who} with {condition}", record, today)
    _never_mismatch(f"{tested} in adults with {condition}", record, today)
    # the trial named, or its title written out, is the trial whoever else the text names
    if record.acronym:
        _never_mismatch(f"The {record.acronym} trial: {tested} in children", record, today)


@pytest.mark.parametrize("record", YOUNG_ONLY, ids=lambda t: t.id)
def test_adults_in_a_trial_of_children_are_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    for who in ("adults", "older adults", "the elderly"):
        _mismatch(f"{tested} in {who} with {condition}", record, today)
    _never_mismatch(f"{tested} in children with {condition}", record, today)


@pytest.mark.parametrize("record", ONE_SEX, ids=lambda t: t.id)
def test_the_other_sex_is_another_study(record: Trial, today: datetime.date) -> None:
    tested, condition = _tested(record), record.conditions[0]
    own, other = ("women", "men") if record.sex == "FEMALE" else ("men", "women")
    # a record that itself names the other ("Cisgender Men and Transgender Women") enrols them
    if re.search(rf"\b{other}\b", f"{record.brief_title} {record.official_title}", re.I):
        return
    _mismatch(f"{tested} in {other} with {condition}", record, today)
    _never_mismatch(f"{tested} in {own} with {condition}", record, today)


@pytest.mark.parametrize("record", OLDER, ids=lambda t: t.id)
def test_older_adults_in_a_trial_without_an_upper_age_are_no_mismatch(
    record: Trial, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    _never_mismatch(f"{tested} in older adults with {condition}", record, today)
