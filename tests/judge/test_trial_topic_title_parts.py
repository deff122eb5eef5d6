"""A part of a trial's title that a colon splits off, written alone, is the trial's title.

Built over every constructed study record whose brief or official title has a colon: each part
saying what the trial is about (two informative words beyond any trial's) verifies cited alone,
in a BibTeX-like title with the sponsor as context.
"""

from __future__ import annotations

import datetime

import pytest

from veribib.judge.trialwords import GENERIC, INFORMATIVE, content_words, weight
from veribib.model import Trial, Verdict

from .test_trial_topic_classes import RECORDS, _judge


def _parts(record: Trial) -> list[str]:
    titles = [t for t in (record.brief_title, record.official_title) if t and ":" in t]
    return [
        part.strip()
        for title in titles
        for part in title.split(":")
        if sum(w not in GENERIC and weight(w) >= INFORMATIVE for w in content_words(part)) >= 2
    ]


SPLIT = [t for t in RECORDS if _parts(t)]


@pytest.mark.parametrize("record", SPLIT, ids=lambda t: t.id)
def test_a_titles_part_written_alone_verifies(record: Trial, today: datetime.date) -> None:
    for part in _parts(record):
        verdict, _ = _judge(part, record, today)
        assert verdict is Verdict.VERIFIED, part


def test_the_class_has_cases() -> None:
    assert len(SPLIT) >= 10
