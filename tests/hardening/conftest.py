"""Fixtures for the hardening tests: the recorded corpus and stand-in servers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .support import (
    FAST_LIMITS,
    Corpus,
    StandIn,
    StandInOptions,
    load_corpus,
    read_jsonl,
    shared_dir,
)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The recorded registry data plus the seed works, loaded once."""
    data = shared_dir() / "data"
    if not (data / "crossref" / "works-2026-06.jsonl").is_file():
        pytest.skip(f"shared data not found under {data}")
    return load_corpus(data, extra_works=read_jsonl(data / "seed-works.jsonl"))


@pytest.fixture
def standin(corpus: Corpus) -> Iterator[Callable[..., StandIn]]:
    """Start stand-in servers (fast limits unless given); all are stopped after the test."""
    started: list[StandIn] = []

    def start(**options: Any) -> StandIn:
        options.setdefault("limits", FAST_LIMITS)
        options.setdefault("max_seconds", 300.0)
        server = StandIn(StandInOptions(**options), corpus=corpus).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
