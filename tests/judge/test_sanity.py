"""Placeholder authors and future dates: judged without any registry."""

from __future__ import annotations

import datetime

import pytest

from veribib.judge import codes, judge
from veribib.judge.sanity import is_placeholder, placeholder_authors
from veribib.model import Fields, Person, Resolution, Verdict

from .helpers import people, ref


@pytest.mark.parametrize(
    "name",
    ["Doe, John", "Doe, J.", "Doe, Jane", "Author, A.", "A. Author", "Author 1",
     "Lastname, Firstname", "Surname, Name", "First Author", "Mustermann, Max",
     "Bloggs, Joe"],
)  # fmt: skip
def test_placeholder_names(name: str) -> None:
    family, _, given = name.partition(",")
    if not given and " " in family:
        given, _, family = family.rpartition(" ")
    assert is_placeholder(Person(family.strip(), given.strip())), name


@pytest.mark.parametrize(
    "name",
    ["Doe, Robert", "Smith, John", "Authier, M.", "Lee, K.", "Anonymous", "Author-Smith, B."],
)
def test_real_names_are_not_placeholders(name: str) -> None:
    family, _, given = name.partition(",")
    assert not is_placeholder(Person(family.strip(), given.strip())), name


def test_john_doe_and_richard_roe_are_placeholders_together_only() -> None:
    assert placeholder_authors(Fields(authors=people("Doe, J.", "Roe, R."))) is not None
    assert placeholder_authors(Fields(authors=people("Doe, John", "Roe, Richard"))) is not None
    assert placeholder_authors(Fields(authors=people("Roe, R."))) is None  # a real surname
    assert placeholder_authors(Fields(authors=people("Smith, J.", "Roe, R."))) is None


def test_et_al_alone_is_a_placeholder_list() -> None:
    assert placeholder_authors(Fields(et_al=True)) is not None


def test_one_odd_name_in_a_real_list_is_not_flagged() -> None:
    assert placeholder_authors(Fields(authors=people("Smith, J.", "Doe, J.", "Lee, K."))) is None


def test_anonymous_work_is_not_fabricated(today: datetime.date) -> None:
    reference = ref(title="Editorial: a year in review", authors=["Anonymous"], year=2019)
    judgement = judge(reference, Resolution(), today)
    assert judgement.verdict is Verdict.UNRESOLVED


def test_this_year_is_not_the_future(today: datetime.date) -> None:
    reference = ref(title="Recent work", authors=["Lee, K."], year=today.year)
    assert judge(reference, Resolution(), today).verdict is Verdict.UNRESOLVED
    later = ref(title="Recent work", authors=["Lee, K."], year=today.year + 1)
    judgement = judge(later, Resolution(), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.FUTURE_DATE
