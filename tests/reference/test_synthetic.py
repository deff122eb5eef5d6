"""Training strings rendered from real Crossref records, and the held-out rendered set.

The parser is trained on the TUNE half of the records (``eval_cases.split_of``) and measured
on strings rendered from the REPORT half with the end-to-end evaluation's own renderers.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from veribib.reference.labels import LABELS
from veribib.reference.styles import STYLES, render
from veribib.reference.synthetic import organisations, read_crossref_jsonl, work_from_crossref

from .conftest import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))


@pytest.fixture(scope="module")
def records(shared: Path) -> list[dict[str, object]]:
    return read_crossref_jsonl(shared / "data" / "crossref" / "works-2026-06.jsonl")


def test_works_of_several_kinds(records: list[dict[str, object]]) -> None:
    works = [w for w in map(work_from_crossref, records) if w is not None]
    kinds = {w.kind for w in works}
    assert {"article", "chapter", "report", "proceedings"} <= kinds
    chapter = next(w for w in works if w.kind == "chapter")
    assert chapter.journal and chapter.publisher
    assert len(organisations(records)) > 50


def test_every_style_renders_labelled_text(records: list[dict[str, object]]) -> None:
    rng = random.Random(1)
    works = [w for w in map(work_from_crossref, records[:80]) if w is not None]
    for style in range(len(STYLES)):
        rendered = [r for w in works if (r := render(w, style, rng)) is not None]
        assert rendered, STYLES[style].__name__
        for ref in rendered:
            assert set(ref.labels) <= set(LABELS)
            assert len(ref.tokens) == len(ref.labels)
            assert "title" in ref.labels or "journal" in ref.labels


def test_training_strings_come_from_the_tune_half_only() -> None:
    from eval_cases import split_of
    from train_parser import training_set

    refs = training_set([])
    dois = [
        m.group(0).rstrip(".").lower()
        for ref in refs
        for m in [re.search(r"10\.\d{4,9}/\S+", ref.text)]
        if m
    ]
    assert len(dois) > 300
    assert {split_of(d) for d in dois} == {"tune"}


def test_rendered_report_half_is_parsed() -> None:
    """A sample of the held-out rendered strings (``scripts/eval_parser.py`` measures all
    of them): most parse with all six fields right in every style."""
    from eval_parser import RENDERED_STYLES, evaluate_rendered, rendered_set

    cases = rendered_set("report")
    sample = [c for i, c in enumerate(cases) if i % 4 == 0]
    table = evaluate_rendered(sample)
    assert set(table) == set(RENDERED_STYLES)
    for style, row in table.items():
        assert row["n"] > 80
        assert row["all"] >= (0.8 if style == "chicago" else 0.85), style
        assert row["title"] >= 0.9 and row["container"] >= 0.9, style
