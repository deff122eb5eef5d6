"""Fixtures for the judge tests: a fixed 'today' so future-date checks do not drift."""

from __future__ import annotations

import datetime

import pytest

from .helpers import shared_dir


@pytest.fixture(scope="session")
def today() -> datetime.date:
    """The day the recorded Crossref data was taken (June 2026)."""
    return datetime.date(2026, 6, 30)


@pytest.fixture(scope="session", autouse=True)
def _shared_data_present() -> None:
    if not (shared_dir() / "data" / "seed-works.jsonl").is_file():
        pytest.skip(f"shared data not found under {shared_dir()}")
