"""The store stage: SQLite through SQLModel (runs, documents, references, responses, verdicts)."""

from veribib.store.db import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
