"""The stand-in itself: real wire shapes, enforced limits, counters, bounded lifetime."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable

import httpx

from .support import SCRIPTS, StandIn


def test_wire_shapes_match_the_recordings(standin: Callable[..., StandIn]) -> None:
    server = standin()
    with httpx.Client(base_url=server.url) as http:
        work = http.get("/crossref/works/10.1371/journal.pone.0033693", params={"mailto": "a@b.c"})
        missing = http.get("/crossref/works/10.1371/notarealdoi")
        field_query = http.get(
            "/crossref/works/10.1371/journal.pone.0033693", params={"query.author": "x"}
        )
        study = http.get("/ctgov/api/v2/studies/NCT00000001")
        handle = http.get("/doi/api/handles/10.1126/foo")
        head = http.head("/crossref/works/10.1371/journal.pone.0033693")
    assert work.status_code == 200 and work.json()["message-type"] == "work"
    assert work.headers["x-api-pool"] == "polite-single"
    assert work.headers["x-rate-limit-limit"] == "10"
    assert work.headers["x-rate-limit-interval"] == "1s"
    assert work.headers["x-concurrency-limit"] == "3"
    assert (missing.status_code, missing.text) == (404, "Resource not found.")
    assert missing.headers["x-api-pool"] == "public-single"
    assert missing.headers["content-type"] == "text/plain"
    assert field_query.status_code == 400
    assert field_query.json()["message-type"] == "validation-failure"
    assert study.status_code == 404 and study.headers["content-type"] == "text/plain"
    assert handle.status_code == 404 and handle.json()["responseCode"] == 100
    assert head.status_code == 200 and head.content == b""


def test_over_the_concurrency_limit_is_429(standin: Callable[..., StandIn]) -> None:
    server = standin(latency=0.2, retry_after=2)
    statuses: list[int] = []
    retry_after: list[str | None] = []

    def ask() -> None:
        response = httpx.get(f"{server.crossref_url}/works/10.1371/journal.pone.0033693")
        statuses.append(response.status_code)
        retry_after.append(response.headers.get("retry-after"))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # public pool: 1 in flight
    assert sorted(statuses) == [200, 429, 429]
    assert server.counters.throttled == 2
    assert sorted(r or "" for r in retry_after) == ["", "2", "2"]


def test_list_pool_rate_is_enforced(standin: Callable[..., StandIn]) -> None:
    server = standin()
    with httpx.Client(base_url=server.crossref_url, params={"mailto": "a@b.c"}) as http:
        codes = [
            http.get("/works", params={"query.bibliographic": "ecology"}).status_code
            for _ in range(4)
        ]
    assert codes == [200, 200, 200, 429]  # polite lists: 3 per second


def test_counts_connections_and_keeps_them_alive(standin: Callable[..., StandIn]) -> None:
    server = standin(enforce_limits=False)
    with httpx.Client(base_url=server.url) as http:
        for _ in range(5):
            http.get("/datacite/dois/10.6084/m9.figshare.1449060")
    for _ in range(2):
        httpx.get(f"{server.url}/datacite/dois/10.6084/m9.figshare.1449060")
    assert server.counters.total == 7
    assert server.counters.connections == 3


def test_command_line_serves_and_stops_by_itself() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "standin.py"), "--port", "0", "--max-seconds", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "stand-in serving on http://127.0.0.1:" in done.stdout
    assert '"requests": {}' in done.stdout
