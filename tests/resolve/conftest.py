"""Fixtures for the resolve tests: the recorded data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import shared_dir


@pytest.fixture(scope="session")
def seed_jsonl() -> Path:
    return shared_dir() / "data" / "seed-works.jsonl"


@pytest.fixture(scope="session")
def works_jsonl() -> Path:
    return shared_dir() / "data" / "crossref" / "works-2026-06.jsonl"
