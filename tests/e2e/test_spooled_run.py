"""A large run keeps its judgements on disk (export.spool) and clears the judge's caches between
chunks: its report, verdicts and works are exactly those of a run that holds them in memory."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from veribib import pipeline
from veribib.config import Settings
from veribib.export import render
from veribib.export.interface import OutputFormat, Report
from veribib.export.json_report import render_json
from veribib.export.spool import Spool
from veribib.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "bib" / "snapshot" / "seed-works.jsonl"


def _run(tmp: Path, name: str) -> tuple[Report, Path]:
    db = tmp / f"{name}.sqlite"
    settings = Settings(
        offline=True, snapshots=(str(SNAPSHOT),), db=str(db), cache_dir=str(tmp / name)
    )
    report = check([ROOT / "bib"], settings)
    return replace(
        report, started_at="2026-01-01T00:00:00Z", finished_at="2026-01-01T00:01:00Z"
    ), db


def _rows(db: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    with sqlite3.connect(db) as con:
        verdicts = con.execute(
            "SELECT ref_id, verdict, flags, judgement FROM verdict ORDER BY ref_id"
        ).fetchall()
        works = con.execute(
            "SELECT r.ref_id, w.key, w.verdict, w.flags, w.title, c.verdict, c.evidence "
            "FROM reference r JOIN work w ON w.id = r.work_id "
            "JOIN work_check c ON c.work_id = w.id AND c.run_id = r.run_id ORDER BY r.ref_id"
        ).fetchall()
    return verdicts, works


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path, Report, Path]:
    tmp = tmp_path_factory.mktemp("spooled")
    whole, whole_db = _run(tmp, "whole")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "SPOOL_AT", 0)
        patch.setattr(pipeline, "RESOLVE_CHUNK", 7)  # several chunks, caches cleared between
        spooled, spooled_db = _run(tmp, "spooled")
    return whole, whole_db, spooled, spooled_db


def test_the_large_run_is_spooled(runs: tuple[Report, Path, Report, Path]) -> None:
    whole, _, spooled, _ = runs
    assert len(whole.documents) > 1 and len(whole.references) > 30
    assert all(isinstance(d.references, tuple) for d in whole.documents)
    assert all(isinstance(d.references, Spool) for d in spooled.documents)
    assert len({c.judgement.verdict for c in whole.references}) >= 3


def test_every_format_is_the_same(runs: tuple[Report, Path, Report, Path]) -> None:
    whole, _, spooled, _ = runs
    assert render_json(spooled) == render_json(whole)
    for fmt in OutputFormat:
        assert render(spooled, fmt, color=False) == render(whole, fmt, color=False), fmt


def test_verdicts_and_works_are_stored_the_same(runs: tuple[Report, Path, Report, Path]) -> None:
    _, whole_db, _, spooled_db = runs
    verdicts, works = _rows(whole_db)
    assert verdicts and works
    assert _rows(spooled_db) == (verdicts, works)
