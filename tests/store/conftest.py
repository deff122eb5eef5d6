"""Fixtures for the store tests."""

from ..pgserver import pg_server  # noqa: F401  (the PostgreSQL fixture)
