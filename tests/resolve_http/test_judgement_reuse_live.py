"""A warm re-run reuses the judgements of unchanged references on unchanged cached answers, and
judges again whenever anything they rest on changed: an answer, its age, the code, a setting,
the day, the reference itself; never after an outage or with --refresh."""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import veribib.judge
import veribib.store.reuse
from veribib.config import Settings
from veribib.model import Judgement, Verdict
from veribib.pipeline import check, parse_inputs
from veribib.resolve.http import DAY
from veribib.store import Store
from veribib.store.reuse import JudgementLedger, code_digest

from .support import StandIn, settings_for

TODAY = datetime.date(2026, 12, 6)
SIZE = 24


@pytest.fixture(scope="module")
def bib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mixed list (DOIs, searches, trials, a repeat) written by the benchmark's generator."""
    from bench_scale import write_bibliography

    path, _txt, _mix = write_bibliography(tmp_path_factory.mktemp("bib"), SIZE)
    return path


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the references the judge is asked about (the pipeline imports it per run)."""
    calls: list[str] = []
    real = veribib.judge.judge

    def counting(ref: Any, *args: Any, **kwargs: Any) -> Judgement:
        calls.append(ref.id)
        return real(ref, *args, **kwargs)

    monkeypatch.setattr(veribib.judge, "judge", counting)
    yield calls


def _settings(server: StandIn, db: Path, **overrides: Any) -> Settings:
    return settings_for(server, db=str(db), **overrides)


def _verdicts(settings: Settings, bib: Path, today: datetime.date = TODAY) -> dict[str, Judgement]:
    report = check([bib], settings, today=today)
    return {c.reference.id: c.judgement for c in report.references}


def _first_run(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path, **options: Any
) -> tuple[StandIn, Settings, dict[str, Judgement]]:
    server = standin(**options)
    settings = _settings(server, tmp_path / "db.sqlite")
    return server, settings, _verdicts(settings, bib)


def test_a_warm_rerun_judges_nothing_again_and_asks_nothing(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path, judged: list[str]
) -> None:
    server, settings, first = _first_run(standin, tmp_path, bib)
    assert len(judged) == SIZE
    asked = server.counters.total
    second = _verdicts(settings, bib)
    assert len(judged) == SIZE  # nothing judged again
    assert server.counters.total == asked
    assert second == first  # the same judgements, decoded from the store
    assert {j.verdict for j in first.values()} >= {Verdict.VERIFIED}


def test_a_changed_cached_answer_makes_the_run_judge_again(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path, judged: list[str]
) -> None:
    _server, settings, first = _first_run(standin, tmp_path, bib)
    with sqlite3.connect(tmp_path / "db.sqlite") as con:
        # One answer fetched again since (same URL, a later fetched_at).
        con.execute(
            "UPDATE response SET fetched_at = fetched_at + 1 WHERE id = (SELECT min(id) FROM "
            "response WHERE status = 200)"
        )
    judged.clear()
    assert _verdicts(settings, bib) == first
    assert len(judged) == SIZE
    judged.clear()
    _verdicts(settings, bib)  # the new judgements, on the answers as they are now, are kept
    assert judged == []


def test_a_deleted_cached_answer_makes_the_run_judge_again(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path, judged: list[str]
) -> None:
    _server, settings, first = _first_run(standin, tmp_path, bib)
    with sqlite3.connect(tmp_path / "db.sqlite") as con:
        con.execute("DELETE FROM response WHERE id = (SELECT max(id) FROM response)")
    judged.clear()
    assert _verdicts(settings, bib) == first
    assert len(judged) == SIZE


def test_an_expired_answer_is_not_reused(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path
) -> None:
    _server, settings, _first = _first_run(standin, tmp_path, bib)
    refs = [r for item in parse_inputs([bib]) for r in item.references]
    store = Store(settings.database_url())
    try:
        db = store.direct()
        assert db is not None
        ledger = JudgementLedger(db, settings, TODAY)
        assert len(ledger.lookup(refs)) == SIZE
        # A 404 lives a day in the cache, a record 30 days: either makes the run stale.
        assert ledger.lookup(refs, now=datetime.datetime.now().timestamp() + 31 * DAY) == {}
    finally:
        store.close()


def test_another_day_setting_or_code_judges_again(
    standin: Callable[..., StandIn],
    tmp_path: Path,
    bib: Path,
    judged: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, settings, first = _first_run(standin, tmp_path, bib)
    judged.clear()
    _verdicts(settings, bib, today=TODAY + datetime.timedelta(days=1))
    assert len(judged) == SIZE
    judged.clear()
    other = _settings(server, tmp_path / "db.sqlite", mailto="someone.else@example.org")
    _verdicts(other, bib)
    assert len(judged) == SIZE
    judged.clear()
    # Limits that only decide outages change no judgement.
    _verdicts(_settings(server, tmp_path / "db.sqlite", timeout=2.0, max_attempts=2), bib)
    assert judged == []
    monkeypatch.setattr(veribib.store.reuse, "__version__", "99.0")
    assert _verdicts(settings, bib) == first
    assert len(judged) == SIZE


def test_the_code_digest_follows_the_judge_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(veribib.store.reuse.__file__).resolve().parents[1]
    copy = tmp_path / "veribib"
    for name in ("judge", "resolve"):
        for source in (package / name).glob("*.py"):
            (copy / name).mkdir(parents=True, exist_ok=True)
            (copy / name / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(veribib.store.reuse, "_PACKAGE", copy)
    before = code_digest()
    assert code_digest() == before
    rules = copy / "judge" / "decide.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    assert code_digest() != before


def test_an_edited_reference_alone_is_judged_again(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path, judged: list[str]
) -> None:
    edited = tmp_path / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    edited.write_text(text, encoding="utf-8")
    server = standin()
    settings = _settings(server, tmp_path / "db.sqlite")
    first = _verdicts(settings, edited)
    title = next(j for j in first.values() if j.match is not None and j.match.fields.title)
    assert title.match is not None and title.match.fields.title
    # One reference's title changed: it is another citation, judged again; the rest are kept.
    words = text.split("title", 2)
    edited.write_text(words[0] + "title" + words[1].replace("{", "{Revisited: ", 1) + "title"
                      + words[2], encoding="utf-8")  # fmt: skip
    judged.clear()
    _verdicts(settings, edited)
    assert len(judged) == 1


def test_refresh_asks_and_judges_again(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path, judged: list[str]
) -> None:
    server, _settings_used, _first = _first_run(standin, tmp_path, bib)
    judged.clear()
    asked = server.counters.total
    refreshed = _settings(server, tmp_path / "db.sqlite", refresh=True)
    _verdicts(refreshed, bib)
    assert len(judged) == SIZE
    assert server.counters.total > asked


def test_a_run_with_an_outage_is_judged_again_next_time(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path, judged: list[str]
) -> None:
    # Every Crossref request fails: its citations end unresolved.
    server = standin(fault_rate=1.0, fault_kinds=("503",), fault_services=("crossref",))
    settings = _settings(server, tmp_path / "db.sqlite", max_attempts=1)
    first = _verdicts(settings, bib)
    assert Verdict.UNRESOLVED in {j.verdict for j in first.values()}
    judged.clear()
    _verdicts(settings, bib)  # the failed lookups are asked again, and everything judged again
    assert len(judged) == SIZE


_PROBE = """
import json, sys
from veribib.cli import main
sys.argv = ["veribib", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
# What a warm run needs none of when every judgement is reused (and httpx not even when the
# lookups are answered from the cache).
RESOLVING = ("httpx", "wordfreq", "veribib.judge", "veribib.resolve.resolver")
READING = ("veribib.source.read", "veribib.reference", "bibtexparser")


def _loaded(server: StandIn, db: Path, bib: Path, cwd: Path) -> set[str]:
    env = {f"VERIBIB_{k.upper()}": v for k, v in server.service_urls().items()}
    env |= {"VERIBIB_MAILTO": settings_for(server).mailto or "", "VERIBIB_DB": str(db)}
    env |= {"PYTHONPATH": str(Path(veribib.judge.__file__).resolve().parents[2])}
    env |= {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    args = [str(bib), "-q", "--format", "json", "--output", str(cwd / "out.json")]
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, "check", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


def test_a_warm_command_imports_neither_reader_nor_judge_nor_httpx(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path
) -> None:
    server = standin()
    db = tmp_path / "db.sqlite"
    check([bib], _settings(server, db))  # cold, today
    _loaded(server, db, bib, tmp_path)  # keeps the parse of the file
    warm = _loaded(server, db, bib, tmp_path)
    assert not warm & {*RESOLVING, *READING}
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM judged")
    answered = _loaded(server, db, bib, tmp_path)  # judged again, on the cached answers
    assert "veribib.judge" in answered
    assert "httpx" not in answered


def test_judgements_on_changed_answers_are_forgotten(
    standin: Callable[..., StandIn], tmp_path: Path, bib: Path
) -> None:
    _server, settings, _first = _first_run(standin, tmp_path, bib)
    db = sqlite3.connect(tmp_path / "db.sqlite")
    try:
        ledger = JudgementLedger(db, settings, TODAY)
        ledger.prune()
        assert db.execute("SELECT count(*) FROM judged").fetchone() == (SIZE,)
        ledger.prune(now=datetime.datetime.now().timestamp() + 31 * DAY)
        assert db.execute("SELECT count(*) FROM judged").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM judged_read").fetchone() == (0,)
    finally:
        db.close()


def test_a_large_spooled_run_reuses_by_position_and_judges_only_the_edited(
    standin: Callable[..., StandIn],
    tmp_path: Path,
    bib: Path,
    judged: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run large enough to keep its references and judgements on disk (several chunks) looks
    its stored judgements up a chunk at a time and judges only what they do not cover."""
    import veribib.pipeline

    monkeypatch.setattr(veribib.pipeline, "SPOOL_AT", 0)
    monkeypatch.setattr(veribib.pipeline, "RESOLVE_CHUNK", 5)
    mine = tmp_path / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    mine.write_text(text, encoding="utf-8")
    _server, settings, first = _first_run(standin, tmp_path, mine)
    assert len(judged) == SIZE
    assert _verdicts(settings, mine) == first
    assert len(judged) == SIZE  # every judgement reused, across chunks
    last = text.rindex("title = {")
    mine.write_text(text[:last] + "title = {The " + text[last + 9 :], encoding="utf-8")
    again = _verdicts(settings, mine)
    assert len(again) == SIZE
    assert len(judged) == SIZE + 1  # only the edited reference judged again
    assert [k for k in first if again[k] != first[k]] in ([], [judged[-1]])
