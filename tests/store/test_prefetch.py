"""The response cache's bulk read: ``prefetch`` then ``get``, on a SQLite file and in memory."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from veribib.errors import StoreError
from veribib.resolve.interface import CachedResponse
from veribib.store import Store

DAY = 86400.0


@pytest.fixture(params=["file", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    url = f"sqlite:///{tmp_path / 'c.sqlite'}" if request.param == "file" else "sqlite:///:memory:"
    s = Store(url)
    request.addfinalizer(s.close)
    return s


def test_prefetched_answers_are_the_stored_ones_and_misses_stay_misses(store: Store) -> None:
    now = time.time()
    store.put(CachedResponse("a", 200, b'{"a": 1}', "application/json", now))
    store.put(CachedResponse("b", 404, b"Resource not found.", "text/plain", now))
    store.put(CachedResponse("old", 200, b"{}", "application/json", now - 40 * DAY))
    store.prefetch(["a", "b", "old", "never"])
    if store._reader is not None:  # a SQLite file: all three read in the one query
        assert set(store._prefetched) == {"a", "b", "old"}
    a = store.get("a", 30 * DAY, DAY)
    assert a is not None and (a.status, a.body) == (200, b'{"a": 1}')
    b = store.get("b", 30 * DAY, DAY)
    assert b is not None and b.status == 404
    assert store.get("old", 30 * DAY, DAY) is None  # too old, prefetched or not
    assert store.get("never", 30 * DAY, DAY) is None


def test_a_newer_answer_replaces_a_prefetched_one(store: Store) -> None:
    store.put(CachedResponse("u", 404, b"Resource not found.", "text/plain", time.time()))
    store.prefetch(["u"])
    store.put(CachedResponse("u", 200, b"{}", "application/json", time.time()))
    got = store.get("u", 30 * DAY, DAY)
    assert got is not None and got.status == 200


def test_each_prefetch_replaces_the_previous_chunk(store: Store) -> None:
    store.put(CachedResponse("x", 200, b"1", "application/json", time.time()))
    store.prefetch(["x"])
    store.prefetch([])
    assert store._prefetched == {}
    got = store.get("x", 30 * DAY, DAY)  # still read, one row at a time
    assert got is not None and got.body == b"1"


def test_an_unreadable_cache_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    store = Store(f"sqlite:///{path}")
    try:
        with sqlite3.connect(path) as other:
            other.execute("DROP TABLE response")
        with pytest.raises(StoreError, match="cannot read the database"):
            store.get("u", 30 * DAY, DAY)
        with pytest.raises(StoreError, match="cannot read the database"):
            store.prefetch(["u"])
    finally:
        store.close()
