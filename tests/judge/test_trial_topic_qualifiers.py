"""A qualifier the record contradicts: another stage, line, setting, form or purpose.

Built over every constructed study record (``tests/data/trials``): what the trial tests, cited
with the opposite of a qualifier its record writes ("neoadjuvant" where it says "adjuvant",
"first-line" where it says "relapsed", "node-positive" where it says "node-negative"), is
another study when the record writes nothing of that opposite; cited with the record's own
qualifier it never is.
"""

from __future__ import annotations

import datetime
import re

import pytest

from veribib.judge.trialtopic import trial_text
from veribib.model import Trial

from .test_trial_topic_classes import RECORDS, _tested
from .test_trial_topic_people import _mismatch, _never_mismatch

# (a qualifier a record may write, the opposite a citation writes, every way of writing that
# opposite a record may use instead): written here, apart from the rule's own word lists
OPPOSITES = (
    ("adjuvant", "neoadjuvant", r"neo-?adjuvant|pre-?operative|before surgery|prior to surgery"),
    ("resection", "neoadjuvant", r"neo-?adjuvant|pre-?operative|before surgery|prior to surgery"),
    ("metastatic", "adjuvant", r"(?<!neo)adjuvant|post-?operative|resected|after \w* ?resection"),
    ("adjuvant", "metastatic", r"advanced|metastatic|unresectable|inoperable"),
    ("relapsed", "first-line", r"first[- ]line|front-?line|untreated|na[iï]ve|newly diagnosed"),
    (
        "first-line",
        "relapsed",
        r"relapsed|refractory|previously treated|second[- ]line|recurrent"
        r"|pre-?treated",
    ),
    ("resistant", "drug-susceptible", r"susceptible|sensitive|na[iï]ve"),
    ("invasive", "in situ", r"in situ"),
    ("treatment of", "prophylactic", r"prophyla\w*|prevent\w*"),
)


def _holds(record: Trial, pattern: str) -> bool:
    return re.search(rf"\b(?:{pattern})\b", trial_text(record).text) is not None


CASES = [
    (record, own, opposite)
    for record in RECORDS
    for own, opposite, written in OPPOSITES
    if _holds(record, own) and not _holds(record, written)
]


def _polar(record: Trial) -> tuple[str, str] | None:
    """A marker's state the record writes ("node-negative") and not its other state."""
    text = trial_text(record).text
    for m in re.finditer(r"\b([a-z0-9]+)-(negative|positive)\b", text):
        other = f"{m.group(1)}-{'positive' if m.group(2) == 'negative' else 'negative'}"
        if not re.search(rf"\b{re.escape(other).replace('-', '[- ]')}\b", text):
            return m.group(0), other
    return None


POLAR = [(t, *p) for t in RECORDS if (p := _polar(t))]


def test_the_constructed_studies_write_such_qualifiers() -> None:
    assert len(CASES) >= 10 and len(POLAR) >= 3


@pytest.mark.parametrize(
    ("record", "own", "opposite"), CASES + POLAR, ids=lambda x: getattr(x, "id", x)
)
def test_the_opposite_of_the_records_qualifier_is_another_study(
    record: Trial, own: str, opposite: str, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    _mismatch(f"{tested} for {opposite} {condition}", record, today)


@pytest.mark.parametrize(
    ("record", "own", "opposite"), CASES + POLAR, ids=lambda x: getattr(x, "id", x)
)
def test_the_records_own_qualifier_is_this_trial(
    record: Trial, own: str, opposite: str, today: datetime.date
) -> None:
    tested, condition = _tested(record), record.conditions[0]
    _never_mismatch(f"{tested} for {own} {condition}", record, today)


# whatever a record of a pregnancy trial, or of a disease resisting an earlier therapy, may write
NEAR_PREGNANCY = r"pregnan|gestation|natal|obstetric|maternal|mother|postpartum|birth|fetal|foetal"
NEAR_PREGNANCY += r"|caesarean|cesarean|labou?r\b"
NEAR_RESISTANCE = r"resist|refract|relaps|intoleran|respon|failed|pretreated|pre-treated"
NEAR_RESISTANCE += r"|previously treated"


def _near(record: Trial, pattern: str) -> bool:
    return re.search(rf"\b(?:{pattern})", trial_text(record).text) is not None


@pytest.mark.parametrize(
    "record", [t for t in RECORDS if not _near(t, NEAR_PREGNANCY)], ids=lambda t: t.id
)
def test_pregnancy_a_record_nowhere_comes_near_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    _mismatch(f"{_tested(record)} for {record.conditions[0]} in pregnancy", record, today)


@pytest.mark.parametrize(
    "record", [t for t in RECORDS if not _near(t, NEAR_RESISTANCE)], ids=lambda t: t.id
)
def test_resistance_a_record_nowhere_comes_near_is_another_study(
    record: Trial, today: datetime.date
) -> None:
    _mismatch(f"{_tested(record)} in treatment-refractory {record.conditions[0]}", record, today)


@pytest.mark.parametrize(
    ("record", "said"),
    [(t, "during pregnancy") for t in RECORDS if _near(t, r"pregnan")]
    + [(t, "treatment-resistant") for t in RECORDS if _near(t, r"resistant")],
    ids=lambda x: getattr(x, "id", x),
)
def test_pregnancy_or_resistance_the_record_writes_is_this_trial(
    record: Trial, said: str, today: datetime.date
) -> None:
    _never_mismatch(f"{_tested(record)} for {said} {record.conditions[0]}", record, today)
