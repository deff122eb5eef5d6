"""A run killed mid-way resumes from the store; concurrent runs do not corrupt the database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from sqlalchemy import event
from sqlmodel import SQLModel

from veribib.store import SCHEMA_VERSION, Store

from .support import (
    StandIn,
    cli_command,
    cli_env,
    request_key,
    service_bases,
    stored_url_key,
    table_counts,
    write_bibliography,
)

REFS = 30


def _responses(db: Path) -> int:
    """Stored responses so far (0 while the file or table does not exist yet)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM response").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_killed_run_resumes_without_asking_again_or_duplicating_rows(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    # Every answer takes 0.2 s: the run takes a few seconds, so it is mid-way when killed.
    server = standin(latency=0.2)
    bib, _ = write_bibliography(tmp_path, REFS)
    db = tmp_path / "db.sqlite"
    env = cli_env(server, db)
    proc = subprocess.Popen(
        cli_command("check", str(bib), "-q", "--format", "json"),
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while _responses(db) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed mid-way"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    assert _integrity(db) == "ok"
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT id, status FROM run").fetchall()
        stored = [row[0] for row in conn.execute("SELECT url FROM response")]
    assert len(runs) == 1 and runs[0][1] == "running"
    bases = service_bases(server)
    answered = {key for url in stored if (key := stored_url_key(url, bases)) is not None}
    assert len(answered) == len(stored) >= 5
    first_requests = server.counters.total

    server.reset_counters()
    second = subprocess.run(
        cli_command("check", str(bib), "-q", "--format", "json"),
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode in (0, 1), second.stderr
    asked_again = []
    for r in list(server.counters.log):
        key = request_key(r.service, r.path, r.query)
        if r.service == "crossref" and r.path == "/works" and "filter=" in r.query:
            flt = dict(parse_qsl(r.query)).get("filter", "")
            keys = [
                request_key("crossref", f"/works/{p[4:]}", "")
                for p in flt.split(",")
                if p.startswith("doi:")
            ]
            asked_again += [k for k in keys if k in answered]
        elif key in answered:
            asked_again.append(key)
    assert asked_again == []
    assert server.counters.total > 0, "the first run was unfinished: something was left to ask"
    assert first_requests > 0

    counts = table_counts(db)
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT id, status FROM run").fetchall()
        distinct_urls = conn.execute("SELECT COUNT(DISTINCT url) FROM response").fetchone()[0]
    assert runs == [(runs[0][0], "done")]  # the same run, resumed and finished
    assert counts["document"] == 1
    assert counts["reference"] == REFS
    assert counts["verdict"] == REFS
    assert counts["response"] == distinct_urls
    assert _integrity(db) == "ok"


def test_concurrent_runs_on_one_database_do_not_corrupt_it(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    server = standin(latency=0.01)
    first, _ = write_bibliography(tmp_path / "a", 15, seed=1)
    other, _ = write_bibliography(tmp_path / "b", 12, seed=2)
    db = tmp_path / "shared.sqlite"
    # A fresh file: the three processes also race to create the schema.
    env = cli_env(server, db)
    procs = [
        subprocess.Popen(
            cli_command("check", str(path), "-q", "--format", "json"),
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (first, other, first)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 1), err
        assert "Traceback" not in err
    assert _integrity(db) == "ok"
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT id, status FROM run").fetchall()
        per_run = dict(
            conn.execute("SELECT run_id, COUNT(*) FROM reference GROUP BY run_id").fetchall()
        )
        verdicts = dict(
            conn.execute("SELECT run_id, COUNT(*) FROM verdict GROUP BY run_id").fetchall()
        )
        duplicates = conn.execute(
            "SELECT COUNT(*) FROM (SELECT url FROM response GROUP BY url HAVING COUNT(*) > 1)"
        ).fetchone()[0]
    # The third process either resumed the first's unfinished run or ran on its own.
    assert 2 <= len(runs) <= 3
    assert all(status == "done" for _, status in runs)
    assert sorted(per_run.values()) in ([12, 15], [12, 15, 15])
    assert verdicts == per_run
    assert duplicates == 0


def test_two_first_runs_on_a_fresh_database_both_open_it(tmp_path: Path) -> None:
    """The interleaving that made a second first run fail 'table already exists' (exit 3).

    Through the ORM, as PostgreSQL and SQLite URLs with options are opened (a plain SQLite file
    is made through sqlite3 under a write lock: the next test).
    """
    url = f"sqlite:///file:{tmp_path / 'fresh.sqlite'}?uri=true"
    others: list[Store] = []

    def other_process_gets_there_first(*_args: object, **_kwargs: object) -> None:
        # Fires after create_all has checked which tables exist and before it creates them:
        # exactly where a second process starting at the same moment interleaves.
        others.append(Store(url))

    event.listen(SQLModel.metadata, "before_create", other_process_gets_there_first, once=True)
    try:
        store = Store(url)
    finally:
        for other in others:
            other.close()
    assert others, "the interleaving was not reproduced"
    assert store.schema_version() >= 1
    store.close()


def test_a_first_run_that_loses_the_race_to_make_a_sqlite_file_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second run read "no schema yet" before the first made it: it finds it made, waits."""
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    real = Store._direct_version
    seen: list[int] = []

    def stale_then_real(self: Store) -> int:
        if not seen:  # the other run makes the file between our read and our create
            seen.append(0)
            Store(url).close()
            return 0
        return real(self)

    monkeypatch.setattr(Store, "_direct_version", stale_then_real)
    store = Store(url)
    assert seen and store.schema_version() == SCHEMA_VERSION
    store.close()
