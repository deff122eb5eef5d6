"""What the store records of the cached answers a run used, for reusing its judgements."""

from __future__ import annotations

from pathlib import Path

from veribib.store import Store
from veribib.store.db import INVALID, MISS

DAY = 86_400.0


def test_reads_writes_misses_and_failures(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    try:
        store.note_read("u0", 200, 5.0, DAY)  # not recording yet: nothing kept
        reads = store.record_reads()
        assert reads == {}
        store.note_read("hit", 200, 10.0, DAY)
        store.note_read("hit", 200, 10.0, DAY)  # the same answer twice is one answer
        store.note_read("miss", 0, 0.0, DAY)
        store.note_read("filled", 0, 0.0, DAY)
        store.note_read("filled", 404, 20.0, DAY)  # a miss the run filled: that answer
        store.note_read("twice", 200, 10.0, DAY)
        store.note_read("twice", 200, 11.0, DAY)  # fetched again within the run
        store.note_read("refetched", 200, 10.0, DAY)
        store.note_read("refetched", 0, 0.0, DAY)  # read, then missed: two versions
        store.note_read("failed", -1, 0.0, DAY)
        store.note_read("never-served", 400, 10.0, DAY)  # the cache never serves a 400 again
        assert reads == {
            "hit": (10.0, 10.0 + DAY),
            "miss": MISS,
            "filled": (20.0, 20.0 + DAY),
            "twice": INVALID,
            "refetched": INVALID,
            "failed": INVALID,
            "never-served": INVALID,
        }
    finally:
        store.close()
