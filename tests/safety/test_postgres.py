"""The store on a real PostgreSQL server: a run records everything once, and two first runs racing
on a fresh database both finish with the same verdicts and no lookup counted as failed.

The server is Debian's ``postgresql`` (``scripts/test`` installs it when it can), started here in
a temporary directory on a loopback port, as an unprivileged user when the tests run as root.
"""

from __future__ import annotations

import json
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..hardening.support import (
    FAST_LIMITS,
    Corpus,
    StandIn,
    StandInOptions,
    cli_command,
    cli_env,
    write_bibliography,
)
from ..pgserver import postgres_server


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """A PostgreSQL server for this module; yields its base URL (database name to append)."""
    with postgres_server() as url:
        yield url


@pytest.fixture
def database(postgres: str) -> str:
    """A fresh, empty database on the server: its URL."""
    import psycopg

    name = "t" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres.replace("+psycopg", "") + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres}/{name}"


@pytest.fixture
def server(corpus: Corpus) -> Iterator[StandIn]:
    with StandIn(StandInOptions(limits=FAST_LIMITS, max_seconds=300.0), corpus=corpus) as s:
        yield s


def _env(server: StandIn, tmp_path: Path, database: str) -> dict[str, str]:
    """The CLI's environment: the stand-in, this database, and this checkout's code."""
    src = str(Path(__file__).resolve().parents[2] / "src")
    return {
        **cli_env(server, tmp_path / "unused.sqlite"),
        "VERIBIB_DB": database,
        "PYTHONPATH": src,
    }


def _rows(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        return {
            t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]  # type: ignore[index]
            for t in ("run", "document", "reference", "verdict", "response")
        }


def test_a_run_on_postgres_records_everything_once_and_reuses_its_cache(
    tmp_path: Path, server: StandIn, database: str
) -> None:
    bib, _ = write_bibliography(tmp_path, 8, seed=7)
    env = _env(server, tmp_path, database)
    first = subprocess.run(
        cli_command("check", str(bib), "-q", "-f", "json"),
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert first.returncode in (0, 1), first.stderr
    assert json.loads(first.stdout)["summary"]["failed_lookups"] == 0
    rows = _rows(database)
    assert rows["reference"] == rows["verdict"] == 8 and rows["response"] > 0
    server.reset_counters()
    second = subprocess.run(
        cli_command("check", str(bib), "-q", "-f", "json"),
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert second.returncode == first.returncode, second.stderr
    assert server.counters.total == 0, "the second run asked again instead of using the cache"
    verdicts = [r["verdict"] for r in json.loads(second.stdout)["references"]]
    assert verdicts == [r["verdict"] for r in json.loads(first.stdout)["references"]]


def test_two_first_runs_racing_on_a_fresh_database_both_finish_cleanly(
    tmp_path: Path, server: StandIn, database: str
) -> None:
    bib, _ = write_bibliography(tmp_path, 10, seed=3)
    env = _env(server, tmp_path, database)
    procs = [
        subprocess.Popen(
            cli_command("check", str(bib), "-q", "-f", "json"),
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    deadline = time.monotonic() + 120
    outputs = [p.communicate(timeout=max(1.0, deadline - time.monotonic())) for p in procs]
    for proc, (out, errors) in zip(procs, outputs, strict=True):
        assert proc.returncode in (0, 1), errors
        # A duplicate key while caching was once counted as a failed lookup (issue #15, 6).
        assert json.loads(out)["summary"]["failed_lookups"] == 0, errors
    reports = [json.loads(out)["references"] for out, _ in outputs]
    assert [r["verdict"] for r in reports[0]] == [r["verdict"] for r in reports[1]]
    rows = _rows(database)
    # Same inputs and options: the second joins the first's run (as on SQLite), rows once each.
    assert rows["run"] in (1, 2) and rows["reference"] == 10 * rows["run"]
    # A second run that starts once the first has finished links its unchanged verdicts.
    assert rows["verdict"] in (10, rows["reference"])
