"""The SQLite schema as SQL text, compiled from the SQLModel tables, so a new SQLite file is
created through plain sqlite3 (the ORM costs a run 0.3 s and 30 MB just to be imported).

``tables.py`` stays the definition: ``schema.sql`` beside this module is its compiled form,
written by ``python scripts/gen_schema.py``; ``tests/store/test_schema_sql.py`` fails while the
two differ. Older databases are migrated through the ORM (``Store._migrate``).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

SCHEMA_SQL = Path(__file__).with_name("schema.sql")


def compile_sqlite_schema() -> str:
    """The CREATE statements SQLModel emits for SQLite, one per paragraph (imports the ORM)."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable
    from sqlmodel import SQLModel

    import veribib.store.tables  # noqa: F401  (registers the tables)

    dialect = sqlite.dialect()
    statements = []
    for table in SQLModel.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)))
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)))
    lines = "\n".join(s.strip() + ";\n" for s in statements).splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"


def create_sqlite_schema(db: sqlite3.Connection, version: int) -> bool:
    """Create every table in an empty SQLite file at schema ``version``; False (nothing done)
    when the file already holds tables (another run made them first, or an old database)."""
    db.execute("BEGIN IMMEDIATE")  # two runs creating one new file: the second waits, then sees
    try:
        (tables,) = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
        if tables:
            db.rollback()
            return False
        for statement in SCHEMA_SQL.read_text(encoding="utf-8").split(";\n"):
            if statement.strip():
                db.execute(statement)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        db.executemany(
            "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
            [(v, stamp) for v in range(1, version + 1)],
        )
    except BaseException:
        db.rollback()
        raise
    db.commit()
    return True
