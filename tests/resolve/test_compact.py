"""What the response cache keeps of Crossref records: only what is read, the same Work from it."""

from __future__ import annotations

import json
from typing import Any

from veribib.resolve.crossref import compact_list
from veribib.resolve.records import compact_crossref, work_from_crossref

from .helpers import shared_dir


def _records() -> list[dict[str, Any]]:
    path = shared_dir() / "data" / "crossref" / "works-2026-06.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_recorded_record_gives_the_same_work_compacted() -> None:
    records = _records()
    assert len(records) > 400
    for record in records:
        assert work_from_crossref(compact_crossref(record)) == work_from_crossref(record)


def test_compacted_records_are_several_times_smaller() -> None:
    records = _records()
    full = sum(len(json.dumps(r)) for r in records)
    kept = sum(len(json.dumps(compact_crossref(r))) for r in records)
    assert kept * 5 < full, (full, kept)  # the issue asks the cache to be >= 5x smaller


def test_a_work_list_answer_keeps_its_items_and_total() -> None:
    items = _records()[:5]
    body = {
        "status": "ok",
        "message-type": "work-list",
        "message": {"total-results": 42, "items": items, "facets": {}},
    }
    got = json.loads(compact_list(json.dumps(body).encode()))
    assert got["message"]["total-results"] == 42
    assert [work_from_crossref(i) for i in got["message"]["items"]] == [
        work_from_crossref(i) for i in items
    ]
    assert compact_list(b"not json") == b"not json"
