""" "X versus standard therapy": the standard arm's drugs are what the trial tests against.

Built over every constructed study record whose tested intervention is a drug's INN: recast with
an official title "X Versus Standard Therapy in <condition>" and another record's INN drug among
its interventions, a citation of that other drug with an aspect the record lacks is another
study; X in the condition never is; nor is an INN listed beside a code name the title tests
("BI 10773 Compared to Usual Care": empagliflozin is BI 10773's own name).
"""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from veribib.judge.trialwords import CODE, is_class, is_drug
from veribib.model import Trial

from .test_trial_topic_classes import RECORDS, _tested
from .test_trial_topic_people import _mismatch, _never_mismatch


def _inn(name: str) -> bool:
    word = name.lower()
    return word.isalpha() and is_drug(word) and not CODE.match(word) and not is_class(word)


INNS = sorted({i for t in RECORDS for i in t.interventions if _inn(i)})
WITH_INN = [t for t in RECORDS if _inn(_tested(t))]


def _standard_arm(record: Trial) -> str:
    """Another record's INN drug that this record nowhere names."""
    said = " ".join([record.brief_title, record.official_title or "", *record.interventions])
    start = RECORDS.index(record) % len(INNS)
    return next(d for d in INNS[start:] + INNS[:start] if d.lower() not in said.lower())


@pytest.mark.parametrize("record", WITH_INN, ids=lambda t: t.id)
def test_the_standard_arms_drug_with_an_aspect_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    tested, condition, other = _tested(record), record.conditions[0], _standard_arm(record)
    recast = dataclasses.replace(
        record,
        acronym=None,
        official_title=f"{tested} Versus Standard Therapy in {condition}",
        interventions=(*record.interventions, other),
    )
    _mismatch(f"{other} rechallenge in {condition}", recast, today)
    _never_mismatch(f"{tested} in {condition}", recast, today)
    # tested under a code name, its INN listed beside: the INN is what the trial tests
    coded = dataclasses.replace(
        recast,
        brief_title=f"ZX-12345 Compared to Usual Care in {condition}",
        official_title=None,
        interventions=("ZX-12345", tested),
    )
    _never_mismatch(f"{tested} in {condition}", coded, today)


def test_the_class_has_cases() -> None:
    assert len(WITH_INN) >= 50 and len(INNS) >= 50
