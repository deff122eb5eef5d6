"""Fixtures for the safety tests: the recorded corpus (shared with the hardening tests)."""

from __future__ import annotations

import pytest

from ..hardening.support import Corpus, load_corpus, read_jsonl, shared_dir


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The recorded registry data plus the seed works, loaded once."""
    data = shared_dir() / "data"
    if not (data / "crossref" / "works-2026-06.jsonl").is_file():
        pytest.skip(f"shared data not found under {data}")
    return load_corpus(data, extra_works=read_jsonl(data / "seed-works.jsonl"))
