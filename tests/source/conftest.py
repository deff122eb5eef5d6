"""Shared helpers for the source-stage tests: where the shared data lives, and the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared read-only data folder: ``$VERIBIB_SHARED`` or ``<project>/../shared``."""
    env = os.environ.get("VERIBIB_SHARED")
    return Path(env) if env else (PROJECT / ".." / "shared").resolve()


SHARED = shared_dir()
WHITEPAPER = SHARED / "seeds" / "003_da9473c98b5f57df.txt"
BLOG = SHARED / "seeds" / "000_eb9304c429739f31.txt"
DOCUMENTS = SHARED / "data" / "documents"
CROSSREF = SHARED / "data" / "crossref"


def need(path: Path) -> Path:
    """Skip the test when a shared data file is not there (e.g. outside the dev machine)."""
    if not path.exists():
        pytest.skip(f"shared data missing: {path}")
    return path
