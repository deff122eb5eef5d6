"""Write src/veribib/store/schema.sql, the SQLite schema compiled from the SQLModel tables.

Run ``python scripts/gen_schema.py`` after changing ``src/veribib/store/tables.py`` (and add the
migration of old databases to ``MIGRATIONS`` in ``store/db.py``); the test
``tests/store/test_schema_sql.py`` fails while schema.sql is out of step with the tables.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "src"))

from veribib.store.schema import SCHEMA_SQL, compile_sqlite_schema  # noqa: E402


def main() -> int:
    """Write the file and say where."""
    SCHEMA_SQL.write_text(compile_sqlite_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_SQL.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
