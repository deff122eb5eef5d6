"""The store: schema version, WAL, idempotent writes, cache ages, concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest

from veribib.errors import StoreError
from veribib.model import (
    Document,
    Fields,
    Identifiers,
    Judgement,
    Origin,
    RawReference,
    Reference,
    Verdict,
)
from veribib.resolve.interface import CachedResponse
from veribib.store import SCHEMA_VERSION, Store
from veribib.store.tables import ReferenceRow, ResponseRow, VerdictRow


def _ref(i: int) -> Reference:
    raw = RawReference(text=f"Ref {i}", origin=Origin("paper.bib", i))
    return Reference(
        id=f"paper.bib#{i}", raw=raw, fields=Fields(title=f"T{i}"), identifiers=Identifiers()
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'db.sqlite'}")


def test_new_database_has_schema_version_and_wal(store: Store, tmp_path: Path) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    mode = sqlite3.connect(tmp_path / "db.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_newer_schema_is_refused(store: Store, tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "db.sqlite")
    con.execute("INSERT INTO schema_version VALUES (?, 'x')", (SCHEMA_VERSION + 1,))
    con.commit()
    con.close()
    store.close()
    with pytest.raises(StoreError, match="newer"):
        Store(f"sqlite:///{tmp_path / 'db.sqlite'}")


def test_resumed_run_writes_no_duplicate_rows(store: Store) -> None:
    run, resumed = store.start_run("k", {})
    assert not resumed
    doc = Document("paper.bib", "bibtex", ())
    refs = [_ref(i) for i in range(3)]
    for _ in range(2):  # the second pass is what a resumed run does
        again, resumed = store.start_run("k", {})
        assert again == run
        doc_id = store.save_document(run, doc, "sha")
        store.save_references(run, doc_id, refs)
        store.save_verdicts(run, [Judgement(r.id, Verdict.VERIFIED) for r in refs])
    assert store.count(ReferenceRow, run) == 3
    assert store.count(VerdictRow, run) == 3
    store.finish_run(run)
    new_run, resumed = store.start_run("k", {})
    assert new_run != run and not resumed


def test_cache_keeps_200_longer_than_404_and_latest_wins(store: Store) -> None:
    old = time.time() - 2 * 86400
    store.put(CachedResponse("u200", 200, b"{}", "application/json", old))
    store.put(CachedResponse("u404", 404, b"Resource not found.", "text/plain", old))
    assert store.get("u200", max_age_ok=30 * 86400, max_age_not_found=86400) is not None
    assert store.get("u404", max_age_ok=30 * 86400, max_age_not_found=86400) is None
    store.put(CachedResponse("u404", 404, b"Resource not found.", "text/plain", time.time()))
    hit = store.get("u404", max_age_ok=30 * 86400, max_age_not_found=86400)
    assert hit is not None and hit.body == b"Resource not found."
    assert store.count(ResponseRow) == 2


def test_failures_are_never_served_from_cache(store: Store) -> None:
    store.put(CachedResponse("u503", 503, b"", "text/plain", time.time()))
    assert store.get("u503", 1e9, 1e9) is None


def _writer(path: str, n: int, tag: str) -> None:
    s = Store(f"sqlite:///{path}")
    for i in range(n):
        s.put(CachedResponse(f"{tag}-{i}", 200, b"x" * 100, "text/plain", time.time()))
    s.close()


def test_concurrent_writers_do_not_corrupt(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite")
    Store(f"sqlite:///{path}").close()
    procs = [
        multiprocessing.get_context("spawn").Process(target=_writer, args=(path, 200, t))
        for t in ("a", "b", "c")
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM response").fetchone()[0] == 600


def test_unopenable_database_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open"):
        Store(f"sqlite:///{blocker / 'db.sqlite'}")
