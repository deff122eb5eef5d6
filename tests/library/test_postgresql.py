"""The library on a PostgreSQL store, as a team sharing one library would keep it.

Runs against ``VERIBIB_TEST_POSTGRESQL_URL`` when it names a server (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``), else against a server the tests
start (``tests/pgserver.py``); skipped when psycopg or PostgreSQL is not installed. Each test
gets its own database, dropped afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from ..pgserver import fresh_database
from .conftest import World

BOETTIGER = "10.1007/s12080-013-0192-6"


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    with fresh_database(pg_server, "veribib_library") as url:
        yield url


def test_the_library_commands_work_on_postgresql(world: World, pg_url: str) -> None:
    world.env["VERIBIB_DB"] = pg_url
    docs = [world.doc(n) for n in ("refs.bib", "apa.txt", "vancouver.txt")]
    assert world.run("check", *docs, "-q").exit_code == 0
    listed = json.loads(world.run("library", "list", "--format", "json").stdout)["works"]
    assert {w["doi"]: w["citations"] for w in listed}[BOETTIGER] == 3
    shown = json.loads(world.run("library", "show", BOETTIGER, "--format", "json").stdout)
    assert len(shown["works"][0]["citations"]) == 3
    recheck = world.run("recheck", "--older-than", "0d", "--format", "json")
    assert recheck.exit_code == 0, recheck.output
    assert json.loads(recheck.stdout)["recheck"]["checked"] == 4
    diff = world.run("diff", docs[1], "--format", "json")
    assert diff.exit_code == 0 and json.loads(diff.stdout)["documents"][0]["entries"] == []
    out = world.root / "library.bib"
    assert world.run("library", "export", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").count("@article") == 4


def test_two_runs_writing_the_same_works_at_once_both_succeed(world: World, pg_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from veribib.config import load_settings
    from veribib.pipeline import check
    from veribib.store import Store

    settings = load_settings(environ={**world.env, "VERIBIB_DB": pg_url})
    Store(pg_url).close()  # the schema first, so the two runs race on works only
    batches = [
        [world.doc("refs.bib"), world.doc("apa.txt")],
        [world.doc("vancouver.txt"), world.doc("apa.txt")],
    ]
    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(lambda paths: check(paths, settings), batches))
    assert all(len(r.references) == 6 for r in reports)
    world.env["VERIBIB_DB"] = pg_url
    listed = json.loads(world.run("library", "list", "--format", "json").stdout)["works"]
    assert len(listed) == 4
    assert {w["doi"]: w["citations"] for w in listed}[BOETTIGER] == 3


def test_a_work_written_by_two_runs_at_the_same_moment_is_one_row(pg_url: str) -> None:
    """The second writer waits for the first and updates its row instead of failing."""
    import threading
    import time

    from sqlmodel import Session, select

    from veribib.store import Store
    from veribib.store.tables import WorkRow
    from veribib.store.works import _upsert_works

    store = Store(pg_url)
    row = {
        "key": "doi:10.1/x", "matched": True, "doi": "10.1/x", "pmid": None, "arxiv": None,
        "title": "T", "authors": "A", "year": 2020, "container": None, "record": None,
        "verdict": "verified", "flags": "[]", "first_seen": "2026-01-01T00:00:00+00:00",
        "checked_at": "2026-01-01T00:00:00+00:00",
    }  # fmt: skip
    failures: list[BaseException] = []

    def second() -> None:
        try:
            with Session(store.engine) as other:
                later = {**row, "verdict": "inaccurate", "first_seen": "2026-02-02T00:00:00+00:00"}
                _upsert_works(store, other, [later])
                other.commit()
        except BaseException as exc:
            failures.append(exc)

    with Session(store.engine) as first:
        _upsert_works(store, first, [row])  # inserted, not yet committed
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)  # the second writer is now waiting on the first one's insert
        first.commit()
    thread.join(10)
    assert not failures, failures
    with Session(store.engine) as session:
        (work,) = session.exec(select(WorkRow)).all()
    assert work.verdict == "inaccurate" and work.first_seen == row["first_seen"]
    store.close()
