"""Shared helpers for the reference-stage tests: where the shared real data lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dir() -> Path:
    """The shared data folder: ``$VERIBIB_SHARED`` or ``<project root>/../shared``."""
    return Path(os.environ.get("VERIBIB_SHARED", PROJECT_ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder; tests that need it are skipped when it is absent."""
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path}")
    return path
