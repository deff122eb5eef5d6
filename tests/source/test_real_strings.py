"""Splitting lists built from 2,000 real reference strings (Crossref's matching data set)."""

from __future__ import annotations

import json
import random
import textwrap

import pytest

from veribib.source.text import read_text

from .conftest import SHARED, need

DATA = SHARED / "data" / "benchmarks" / "crossref_rme_real_unstructured_2000_sbmv.json"


@pytest.fixture(scope="module")
def sample() -> list[str]:
    rows = json.loads(need(DATA).read_text(encoding="utf-8"))["dataset"]
    refs = [" ".join(r["ref_string"].split()) for r in rows if (r["ref_string"] or "").strip()]
    # Strings carrying U+FFFD were damaged before we got them; ligature repair may touch them.
    refs = [r for r in refs if "\ufffd" not in r]
    return random.Random(7).sample(refs, 300)


def _split(lines: list[str]) -> list[str]:
    doc = "\n".join(["Body.", "", "References", *lines])
    return [r.text for r in read_text(doc, "x").references]


@pytest.mark.parametrize("marker", ["{n}. ", "[{n}] "])
def test_numbered_wrapped_list_splits_exactly(sample: list[str], marker: str) -> None:
    lines: list[str] = []
    for n, ref in enumerate(sample, 1):
        lines.extend(textwrap.wrap(marker.format(n=n) + ref, 80, break_on_hyphens=False))
    got = _split(lines)
    assert len(got) == len(sample)
    same = sum(a == b for a, b in zip(got, sample, strict=True))
    assert same >= 0.98 * len(sample)  # the rest differ only where wrapping cut a URL


def test_one_reference_per_line_without_numbers(sample: list[str]) -> None:
    got = set(_split(sample))
    found = sum(ref in got for ref in sample)
    assert found >= 0.95 * len(sample)
