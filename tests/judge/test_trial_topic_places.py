"""Another country's study: a registration title naming where it was run, over every constructed
study given the sites a live record lists (ClinicalTrials.gov ``contactsLocationsModule``).

A country or region none of the record's sites are in, and its text never names, is another
study of the question ("in Australia and New Zealand" on a trial run in the United States); the
record's own country never is; and a record that lists no sites gives no evidence either way.
"""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest

from veribib.judge.trialtopic import trial_text
from veribib.judge.trialwords import CITED_PLACE
from veribib.model import Trial
from veribib.resolve.records import trial_from_ctgov

from .helpers import shared_dir
from .test_trial_topic_classes import RECORDS, _tested
from .test_trial_topic_people import _mismatch, _never_mismatch

ABROAD = ("in Australia and New Zealand", "in Japanese patients", ": a European trial")


def _sited(record: Trial) -> Trial:
    return dataclasses.replace(record, countries=("United States", "Canada"))


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_another_countrys_study_is_another_study(record: Trial, today: datetime.date) -> None:
    sited = _sited(record)
    tested, condition = _tested(record), record.conditions[0]
    text = trial_text(sited).text
    for where in ABROAD:
        place = next(n for m in CITED_PLACE.finditer(where) for n in m.groups() if n)
        if place.lower() in text:
            continue
        _mismatch(f"{tested} in {condition}{' ' if where[0] != ':' else ''}{where}", sited, today)
    _never_mismatch(f"{tested} in {condition} in the United States", sited, today)
    _never_mismatch(f"{tested} in Canadian patients with {condition}", sited, today)


@pytest.mark.parametrize("record", RECORDS[:20], ids=lambda t: t.id)
def test_a_record_without_sites_gives_no_evidence(record: Trial, today: datetime.date) -> None:
    assert not record.countries
    _never_mismatch(
        f"{_tested(record)} in {record.conditions[0]} in Japanese patients", record, today
    )


def test_a_peoples_word_in_a_diseases_name_is_no_place() -> None:
    assert not list(CITED_PLACE.finditer("Japanese encephalitis vaccine in travellers"))
    assert not list(CITED_PLACE.finditer("Spanish flu and German measles"))
    found = [n for m in CITED_PLACE.finditer("in Australia and New Zealand") for n in m.groups()]
    assert [n for n in found if n] == ["Australia", "New Zealand"]


def test_recorded_sites_are_read(today: datetime.date) -> None:
    ctgov = shared_dir() / "data" / "ctgov"
    study = json.loads((ctgov / "nct07062965.json").read_text())
    record = trial_from_ctgov(study)
    assert "United States" in record.countries and len(record.countries) > 10
    single = trial_from_ctgov(json.loads((ctgov / "nct03722472.json").read_text()))
    assert single.countries == ("United States",)
    _mismatch(f"{_tested(single)} in Japanese adults", single, today)
