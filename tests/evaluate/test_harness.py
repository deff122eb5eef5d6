"""The harness end to end on a few unambiguous cases, and its round and headline arithmetic.

These check the plumbing (input files written, the pipeline run against the stand-in, every
entry found again, fixes read back); the judge's quality is what ``scripts/evaluate.py`` prints.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import evaluate
from eval_cases import Case
from eval_hard import HardCounts, build_hard_cases
from eval_world import build_world

TODAY = datetime.date(2026, 6, 30)


def _pick(cases: list[Case], test: Callable[[Case], bool]) -> Case:
    return next(c for c in cases if c.id.startswith("report-") and test(c))


def test_a_tiny_run_gives_sane_verdicts(all_cases: list[Case], tmp_path: Path) -> None:
    chosen = [
        _pick(
            all_cases, lambda c: c.type == "correct" and c.style == "bibtex" and bool(c.cited.doi)
        ),
        _pick(all_cases, lambda c: c.type == "correct" and c.style == "apa" and bool(c.cited.doi)),
        _pick(
            all_cases,
            lambda c: (
                c.type == "correct" and c.style == "numbered" and c.cited.kind == "journal-article"
            ),
        ),
        _pick(all_cases, lambda c: c.type == "wrong_volume" and bool(c.cited.doi)),
        _pick(all_cases, lambda c: c.type == "future_date"),
        _pick(all_cases, lambda c: c.type == "placeholder_template" and len(c.cited.authors) == 1),
        _pick(all_cases, lambda c: c.type == "trial_invented_id"),
    ]
    outcomes, stats = evaluate.run(
        chosen, pool="unlimited", together=False, today=TODAY, workdir=tmp_path
    )
    got = {o.case.type + ":" + o.case.style: o for o in outcomes}
    assert [o.verdict for o in outcomes if o.verdict == "missing"] == []
    assert stats["rounds"] >= 1 and sum(stats["requests"].values()) > 0
    assert (tmp_path / "round-01" / "references.bib").is_file()
    assert any(p.suffix == ".txt" for p in (tmp_path / "round-01").iterdir())
    by_type = {o.case.type: o for o in outcomes}
    assert all(o.verdict == "verified" for o in outcomes if o.case.type == "correct"), got
    assert by_type["wrong_volume"].verdict == "inaccurate"
    assert by_type["wrong_volume"].fixed is True
    assert "VOLUME_MISMATCH" in by_type["wrong_volume"].codes
    assert by_type["future_date"].verdict == "inaccurate"  # a real work's year typo
    assert "FUTURE_DATE" in by_type["future_date"].codes
    assert by_type["placeholder_template"].verdict == "fabricated"
    assert by_type["trial_invented_id"].verdict == "fabricated"
    assert "TRIAL_NOT_FOUND" in by_type["trial_invented_id"].codes


def test_rounds_never_hold_two_cases_of_one_record(all_cases: list[Case]) -> None:
    cases = [c for c in all_cases if c.id.startswith("report-")]
    rounds = evaluate.rounds_of(cases)
    assert sum(len(r) for r in rounds) == len(cases)
    for group in rounds:
        records = [k for c in group for k in c.records]
        assert len(records) == len(set(records))
        dois = [c.cited.doi.lower() for c in group if c.cited.doi]
        assert len(dois) == len(set(dois))


def test_headline_counts_what_it_says(all_cases: list[Case]) -> None:
    fab = [c for c in all_cases if c.expected == "fabricated"][:4]
    real = [c for c in all_cases if c.kind == "correct"][:5]
    outcomes = [
        evaluate.Outcome(fab[0], "", "fabricated"),
        evaluate.Outcome(fab[1], "", "fabricated"),
        evaluate.Outcome(fab[2], "", "fabricated"),
        evaluate.Outcome(fab[3], "", "unresolved"),
        *(evaluate.Outcome(c, "", "verified") for c in real[:4]),
        evaluate.Outcome(real[4], "", "fabricated"),
    ]
    lines = evaluate.headline(outcomes)
    assert "75.0%  (3/4)" in lines[0]
    assert "20.0%  (1/5)" in lines[1]
    assert "80.0%  (4/5)" in lines[3]
    failing = evaluate.failures(outcomes, 10)
    assert sum(line.startswith("[") for line in failing) == 2


def test_a_tiny_run_in_the_hard_world(tmp_path: Path) -> None:
    world = build_world()
    cases = build_hard_cases("report", world, counts=HardCounts(4, 2))
    chosen = [
        next(c for c in cases if c.type == "ml_crossref_work" and c.cited.doi),
        next(c for c in cases if c.type == "arxiv_with_doi"),
        next(c for c in cases if c.type == "book"),
        next(c for c in cases if c.type == "ml_fabricated_arxiv_doi"),
    ]
    outcomes, stats = evaluate.run(
        chosen, pool="unlimited", together=False, today=TODAY, workdir=tmp_path, world=world
    )
    got = {o.case.type: o for o in outcomes}
    assert stats["requests"].get("datacite", 0) >= 1  # the arXiv DOIs went to DataCite
    assert got["ml_crossref_work"].verdict == "verified"
    assert (got["ml_crossref_work"].matched or "").lower() == (chosen[0].cited.doi or "").lower()
    assert got["arxiv_with_doi"].verdict == "verified"
    assert got["book"].verdict == "unresolved"
    assert got["ml_fabricated_arxiv_doi"].verdict == "fabricated"
    assert not any(o.wrong_work for o in outcomes)
