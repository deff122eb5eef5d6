"""Fixtures for the live-client tests: the stand-in server over real sockets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .support import Corpus, StandIn, StandInOptions, load_corpus, shared_dir


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The recorded registry data, loaded once."""
    data = shared_dir() / "data"
    if not (data / "crossref" / "works-2026-06.jsonl").is_file():
        pytest.skip(f"shared data not found under {data}")
    return load_corpus(data)


@pytest.fixture
def standin(corpus: Corpus) -> Iterator[Callable[..., StandIn]]:
    """Start stand-in servers with the given options; all are stopped after the test."""
    started: list[StandIn] = []

    def start(**options: Any) -> StandIn:
        server = StandIn(StandInOptions(**options), corpus=corpus).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
