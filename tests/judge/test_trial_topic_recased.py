"""Another trial's name recased or hidden inside a longer word of the record is still another's.

Built over every constructed study record: a one-word name that is no everyday word, written
in ordinary case opening a title before a colon ("Twilight: Ticagrelor in ..."), is a trial's
name, this record's own or another's; a name that is an English word ("LIFE") is the record's
only as a whole word, not inside one ("Lifestyle").
"""

from __future__ import annotations

import datetime
import re

import pytest

from veribib.judge import codes
from veribib.judge.trialnames import acronym_key, is_english_word
from veribib.judge.trialtopic import trial_text
from veribib.judge.trialwords import INFORMATIVE, weight
from veribib.model import Trial, Verdict

from .test_trial_topic_classes import RECORDS, _judge, _others, _spread, _tested

ONE_WORD = [t for t in RECORDS if t.acronym and re.fullmatch(r"[A-Z]{4,}", t.acronym)]
# recased, an everyday word ("Leader:", "Recovery:") opens many a title: only rarer ones count
RARE = [t for t in ONE_WORD if weight((t.acronym or "").lower()) >= INFORMATIVE]


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_a_one_word_name_recased_before_a_colon_is_a_trials_name(
    record: Trial, today: datetime.date
) -> None:
    title = "{sponsor}. {name}: {tested} in {condition}"
    own = record in RARE
    for other in _spread(record, (o for o in _others(record) if o in RARE)):
        cited = title.format(
            sponsor=record.sponsor,
            name=other.acronym.capitalize() if other.acronym else "",
            tested=_tested(record),
            condition=record.conditions[0],
        )
        verdict, found_codes = _judge(cited, record, today)
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (cited, verdict)
    if own and record.acronym:
        cited = title.format(
            sponsor=record.sponsor,
            name=record.acronym.capitalize(),
            tested=_tested(record),
            condition=record.conditions[0],
        )
        assert _judge(cited, record, today)[0] is Verdict.VERIFIED, cited


ENGLISH = [t for t in ONE_WORD if t.acronym and is_english_word(acronym_key(t.acronym))]


def _inside_a_word(name: str, record: Trial) -> bool:
    """The name is inside a longer word of the record, never a word of it."""
    text = trial_text(record)
    return name in text.key_text and name not in text.key_words


@pytest.mark.parametrize("record", RECORDS, ids=lambda t: t.id)
def test_an_english_word_name_inside_a_longer_word_is_another_trials(
    record: Trial, today: datetime.date
) -> None:
    for other in ENGLISH:
        name = acronym_key(other.acronym or "")
        if other.id == record.id or not _inside_a_word(name, record):
            continue
        cited = f"{other.acronym} Study: {_tested(record)} in {record.conditions[0]}"
        verdict, found_codes = _judge(cited, record, today)
        assert codes.TRIAL_TOPIC_MISMATCH in found_codes, (cited, verdict)


def test_the_classes_have_cases() -> None:
    assert len(RARE) >= 10
    assert any(_inside_a_word(acronym_key(o.acronym or ""), r) for o in ENGLISH for r in RECORDS)
