"""Fixtures of the registry tests: the recorded Crossref corpus, loaded once."""

from __future__ import annotations

import pytest

from .support import Corpus, load_corpus, shared_dir


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The recorded Crossref / DataCite / ClinicalTrials.gov data."""
    data = shared_dir() / "data"
    if not (data / "crossref" / "works-2026-06.jsonl").is_file():
        pytest.skip(f"shared data not found under {data}")
    return load_corpus(data)
