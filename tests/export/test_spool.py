"""The on-disk sequence a large run keeps its checked references in: the same items back."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from veribib.export import spool as spool_module
from veribib.export.interface import Report
from veribib.export.spool import Chain, Spool


def test_items_come_back_equal_in_order(report: Report) -> None:
    items = list(report.references)
    spool = Spool(items)
    assert len(spool) == len(items) > 5
    assert list(spool) == items
    assert [spool[i] for i in range(len(items))] == items
    assert spool[-1] == items[-1]
    assert list(spool[1:4]) == items[1:4]
    with pytest.raises(IndexError):
        spool[len(items)]


def test_iteration_reads_in_blocks_of_any_size(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = list(report.references)
    for block in (1, 300, 5000):  # smaller than one item, a few items, everything
        monkeypatch.setattr(spool_module, "_READ_AHEAD", block)
        assert list(Spool(items)) == items


def test_append_returns_the_index() -> None:
    spool: Spool[tuple[str, int]] = Spool()
    assert [spool.append(("x", i)) for i in range(3)] == [0, 1, 2]
    assert spool[1] == ("x", 1)
    spool.close()


def test_chain_reads_parts_as_one() -> None:
    chain = Chain([(1, 2), Spool([3]), (), (4, 5)])
    assert len(chain) == 5
    assert list(chain) == [1, 2, 3, 4, 5]
    assert [chain[i] for i in range(-5, 5)] == [1, 2, 3, 4, 5] * 2
    assert list(chain[1:4]) == [2, 3, 4]
    with pytest.raises(IndexError):
        chain[5]


def test_report_over_spools_reads_like_the_tuples(report: Report) -> None:
    from dataclasses import replace

    spooled = replace(
        report,
        documents=tuple(replace(d, references=Spool(d.references)) for d in report.documents),
    )
    assert isinstance(spooled.references, Chain)
    assert list(spooled.references) == list(report.references)
    assert spooled.counts() == report.counts()


@dataclass(frozen=True, slots=True)
class _Derived:
    """A slotted dataclass __init__ cannot rebuild: a field outside it, a __post_init__."""

    value: int
    double: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "double", self.value * 2)


@dataclass(frozen=True)
class _Plain:
    name: str


def test_other_objects_come_back_equal() -> None:
    items = [_Derived(3), _Plain("x"), {"k": (1, 2.5, None)}, [_Derived(4), _Plain("y")]]
    spool = Spool(items)
    assert list(spool) == items
    assert spool[0].double == 6
    assert spool_module._FIELDS[_Derived] == ("value", "double")
    assert spool_module._REDUCERS[_Plain] is None  # not slotted: pickled as usual


@dataclass(frozen=True, slots=True)
class _One:
    only: str


@dataclass(frozen=True, slots=True)
class _Empty:
    pass


def test_one_field_and_no_field() -> None:
    items = [_One("a"), _Empty(), (_One("b"), _Empty())]
    assert list(Spool(items)) == items
