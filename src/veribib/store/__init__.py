"""The store stage: SQLite through SQLModel (runs, documents, references, responses, verdicts)."""

from veribib.store.db import Store
from veribib.store.tables import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store"]
