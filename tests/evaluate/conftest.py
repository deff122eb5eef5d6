"""Fixtures for the evaluation-harness tests: the scripts on the path, the cases built once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import eval_cases  # noqa: E402

# A fixed day, so future-date cases do not drift (the Crossref data was recorded in June 2026).
TODAY_YEAR = 2026


def shared_dir() -> Path:
    """The shared data folder: ``$VERIBIB_SHARED`` or ``<project>/../shared``."""
    root = os.environ.get("VERIBIB_SHARED")
    return Path(root) if root else PROJECT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _shared_data_present() -> None:
    if not (shared_dir() / "data" / "crossref" / "works-2026-06.jsonl").is_file():
        pytest.skip(f"shared data not found under {shared_dir()}")


@pytest.fixture(scope="session")
def all_cases() -> list[eval_cases.Case]:
    """Both halves' cases at the default counts and seed."""
    return eval_cases.build_cases("all", today_year=TODAY_YEAR)
