"""How a disease is found, its form and a cancer's site: another study when the record lacks them.

Built over every constructed study record (``tests/data/trials``): what the trial tests, cited
for imaging, staging or screening the record nowhere mentions, for a latent form (or acute where
the record says chronic), or for a cancer of a site the record nowhere names, is a mismatch;
the record's own site and form never are.
"""

from __future__ import annotations

import datetime
import re

import pytest

from veribib.judge.trialtopic import trial_text
from veribib.judge.trialwords import SITES
from veribib.model import Trial

from .test_trial_topic_classes import RECORDS, _tested
from .test_trial_topic_people import _mismatch, _never_mismatch


def _holds(record: Trial, *words: str) -> bool:
    said = trial_text(record).text
    return any(re.search(rf"\b{w}", said) for w in words)


FINDING = [t for t in RECORDS if not _holds(t, "imaging", "pet", "stag", "screen", "scan")]


@pytest.mark.parametrize("record", FINDING, ids=lambda t: t.id)
def test_imaging_staging_or_screening_the_record_lacks_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    condition = record.conditions[0]
    _mismatch(f"PET imaging for staging {condition}", record, today)
    _mismatch(f"{_tested(record)} and screening for {condition}", record, today)


@pytest.mark.parametrize(
    "record", [t for t in RECORDS if not _holds(t, "latent")], ids=lambda t: t.id
)
def test_a_latent_form_the_record_never_names_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    _mismatch(f"{_tested(record)} for latent {record.conditions[0]}", record, today)


CHRONIC = [t for t in RECORDS if _holds(t, "chronic") and not _holds(t, "acute")]


@pytest.mark.parametrize("record", CHRONIC, ids=lambda t: t.id)
def test_acute_where_the_record_says_chronic_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    condition = re.sub(r",?\s*chronic\b", "", record.conditions[0], flags=re.IGNORECASE)
    _mismatch(f"{_tested(record)} in acute {condition.strip()}", record, today)


def _site(record: Trial) -> tuple[str, frozenset[str]] | None:
    """A site word the record's conditions name before a cancer's word, and its group."""
    for condition in record.conditions:
        m = re.search(r"(\w+)\s+(?:cancer|carcinoma|neoplasms?|tumou?r)", condition, re.I)
        group = next((g for g in SITES if m and m.group(1).lower() in g), None)
        if m and group:
            return m.group(1).lower(), group
    return None


SITED = [t for t in RECORDS if _site(t)]


@pytest.mark.parametrize("record", SITED, ids=lambda t: t.id)
def test_a_cancer_of_another_site_is_another_disease(record: Trial, today: datetime.date) -> None:
    own, _ = _site(record) or ("", frozenset())
    tested = _tested(record)
    # (no stage: "advanced" contradicts an adjuvant trial's record, test_trial_topic_qualifiers)
    _never_mismatch(f"{tested} in {own} cancer", record, today)
    others = [g for g in SITES if not any(_holds(record, w) for w in g)]
    for other in others[:: max(1, len(others) // 4)]:
        _mismatch(f"{tested} in {sorted(other)[0]} cancer", record, today)


def test_the_classes_cover_cancers_and_chronic_diseases() -> None:
    assert len(SITED) >= 20 and CHRONIC and len(FINDING) >= 100
