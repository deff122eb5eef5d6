"""Fixtures for the export tests: hand-built Reports on real records (see builders.py)."""

from __future__ import annotations

import pytest

from veribib.export.interface import Report

from .builders import sample_report


@pytest.fixture(scope="session")
def report() -> Report:
    """Every verdict, several flags, citation problems, 2 failed lookups, over two inputs."""
    return sample_report()
