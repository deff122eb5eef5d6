"""schema.sql, the SQL a new SQLite file is made with, is exactly what the SQLModel tables make."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from veribib.store import SCHEMA_VERSION, Store
from veribib.store.schema import SCHEMA_SQL, compile_sqlite_schema


def _master(path: Path) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
        return [(t, n, tb, " ".join((sql or "").split())) for t, n, tb, sql in rows]


def test_schema_sql_is_the_sqlmodel_tables_compiled() -> None:
    assert SCHEMA_SQL.read_text(encoding="utf-8") == compile_sqlite_schema(), (
        "src/veribib/store/schema.sql is stale: run python scripts/gen_schema.py"
    )


def test_a_new_file_has_the_schema_the_orm_would_make(tmp_path: Path) -> None:
    from sqlmodel import SQLModel, create_engine

    import veribib.store.tables  # noqa: F401

    engine = create_engine(f"sqlite:///{tmp_path / 'orm.sqlite'}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    store = Store(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
    assert _master(tmp_path / "new.sqlite") == _master(tmp_path / "orm.sqlite")
    with sqlite3.connect(tmp_path / "new.sqlite") as con:
        versions = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY 1")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_a_file_with_tables_is_left_to_the_migrations(tmp_path: Path) -> None:
    from veribib.store.schema import create_sqlite_schema

    path = tmp_path / "db.sqlite"
    Store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as con:
        assert create_sqlite_schema(con, SCHEMA_VERSION) is False
