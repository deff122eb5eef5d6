"""The store: a SQLite (or any SQLAlchemy) database of runs, references, responses and verdicts.

SQLite files are opened in WAL mode with a busy timeout, so concurrent runs on one database
wait for each other instead of failing, and a run killed mid-way leaves a consistent file.
Writes are upserts on natural keys, so a resumed run never duplicates rows.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import orjson

from veribib import __version__
from veribib.errors import StoreError
from veribib.model import Document, Judgement, Reference
from veribib.resolve.interface import CachedResponse

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.pool import ConnectionPoolEntry
    from sqlmodel import Session, SQLModel

# The schema is defined by the SQLModel tables (``tables.py``); SQLite files are read and
# written through plain ``sqlite3``, because importing SQLAlchemy and SQLModel alone costs a run
# about 0.3 s and 30 MB (README, "Measured"). A new SQLite file is made from ``schema.sql``,
# those tables compiled (``store/schema.py``; after changing ``tables.py`` run
# ``python scripts/gen_schema.py`` and add the migration below). Older databases, PostgreSQL and
# the library's queries go through the ORM, imported when first needed.
SCHEMA_VERSION = 3  # 2: the work and work_check tables, reference.work_id; 3: reference.verdict_id

# Each migration brings the schema from version N-1 to N; version 1 is the initial create_all.
# A later change appends ("ALTER TABLE ...", ...) statements here under its version number.
# New tables need no statement: create_all makes them; only changes to old tables do.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (),
    2: (
        "ALTER TABLE reference ADD COLUMN work_id INTEGER REFERENCES work (id)",
        "CREATE INDEX ix_reference_work_id ON reference (work_id)",
    ),
    # A reference points at its verdict, so a re-run whose judgement is unchanged links the
    # stored verdict instead of writing another copy of it.
    3: (
        "ALTER TABLE reference ADD COLUMN verdict_id INTEGER REFERENCES verdict (id)",
        "CREATE INDEX ix_reference_ref_id ON reference (ref_id)",
        "UPDATE reference SET verdict_id = (SELECT verdict.id FROM verdict WHERE "
        "verdict.run_id = reference.run_id AND verdict.ref_id = reference.ref_id)",
    ),
}

P = ParamSpec("P")
R = TypeVar("R")

# What a database error means for the user, by the driver's first line (SQLite, PostgreSQL).
_MEANINGS = (
    ("readonly database", "is read-only; use a writable file (--db) or fix its permissions"),
    ("read-only", "is read-only; use a writable file (--db) or fix its permissions"),
    ("disk is full", "is full: no space left on its disk; free some space and run again"),
    ("no space left", "is full: no space left on its disk; free some space and run again"),
    ("disk i/o error", "could not be written (disk I/O error: is its disk full?)"),
    ("file is not a database", "is not a veribib database (corrupt, or another kind of file)"),
    ("malformed", "is corrupt (malformed database image); move it aside and run again"),
    ("unable to open database", "cannot be opened: check the path and its directory"),
    ("password authentication failed", "refused the user name or password"),
    ("connection refused", "refused the connection: is the server running?"),
)


def describe_db_error(exc: BaseException) -> str:
    """One line saying what went wrong, without SQL, parameters or documentation links."""
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    lowered = first.lower()
    for needle, meaning in _MEANINGS:
        if needle in lowered:
            return meaning
    return f"failed: {first[:200]}"


def is_db_error(exc: BaseException) -> bool:
    """True for a database error: sqlite3's, the OS's, or SQLAlchemy's (when it is loaded)."""
    if isinstance(exc, sqlite3.Error | OSError):
        return True
    orm = sys.modules.get("sqlalchemy.exc")
    return orm is not None and isinstance(exc, orm.SQLAlchemyError)


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """A Store method (or a function taking the Store first) whose database errors become
    one-line StoreErrors naming the database."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            if not is_db_error(exc):
                raise
            store = args[0]
            assert isinstance(store, Store)
            raise StoreError(f"the database {store.safe_url()} {describe_db_error(exc)}") from exc

    return wrapper


_SELECT_RESPONSE = "SELECT url, status, body, content_type, fetched_at FROM response "

# Rows written per statement: bounds the memory a 10,000-reference run needs for one write.
WRITE_CHUNK = 500
# A noted answer (fetched_at, expires_at) that no judgement may be reused on, and a cache miss
# nothing filled yet in this run (invalid unless a write follows): see ``Store.note_read``.
INVALID = (-1.0, 0.0)
MISS = (-2.0, 0.0)


def now_iso() -> str:
    """The current UTC time as an ISO-8601 string (what the store records)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    # orjson walks dataclasses, enums, tuples and strings in C: a 10,000-reference run's
    # judgements serialise in a tenth of the time the standard encoder (with a Python call per
    # dataclass) took. The text must be stable: a re-run compares it to link unchanged verdicts.
    return orjson.dumps(value, default=_plain, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def dumps(value: Any) -> str:
    """The store's stable JSON text of a model value (dataclasses, enums, tuples; sorted keys)."""
    return _dumps(value)


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other class), looked up once per class."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None
    return _FIELD_NAMES[cls]


def _plain(value: Any) -> Any:
    """One level of ``as_jsonable``: a dataclass as a dict of its fields, an enum as its value."""
    if isinstance(value, Enum):
        return value.value
    names = _field_names(type(value))
    if names is not None:
        return {name: getattr(value, name) for name in names}
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=30000",
    "PRAGMA foreign_keys=ON",
)


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in _PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def sqlite_file(url: str) -> str | None:
    """The file of a plain SQLite URL (``sqlite:///path``); None for memory, options or others."""
    path = url.removeprefix("sqlite:///")
    if path == url or path in ("", ":memory:") or "?" in path:
        return None
    return path


def upsert_sql(
    table: str, columns: Sequence[str], keys: tuple[str, ...], keep: tuple[str, ...] = ()
) -> str:
    """SQLite's ``INSERT … ON CONFLICT (keys) DO UPDATE`` (``keep``: columns set on insert only)."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    update = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in keys + keep)
    conflict = ", ".join(f'"{k}"' for k in keys)
    action = f"DO UPDATE SET {update}" if update else "DO NOTHING"
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT ({conflict}) {action}'


def upsert_direct(
    db: sqlite3.Connection,
    table: str,
    rows: Sequence[dict[str, Any]],
    keys: tuple[str, ...],
    keep: tuple[str, ...] = (),
) -> None:
    """Insert or update ``rows`` (dicts with the same columns) through plain sqlite3."""
    if not rows:
        return
    columns = list(rows[0])
    db.executemany(
        upsert_sql(table, columns, keys, keep), [tuple(r[c] for c in columns) for r in rows]
    )


# The verdict a reference's latest earlier check gave it, for the references of one chunk.
_PREVIOUS_VERDICTS = (
    "SELECT r.ref_id, v.id, v.judgement FROM reference AS r JOIN verdict AS v "
    "ON v.id = r.verdict_id WHERE r.id IN (SELECT max(id) FROM reference "
    "WHERE ref_id IN (SELECT value FROM json_each(?)) AND run_id < ? "
    "AND verdict_id IS NOT NULL GROUP BY ref_id)"
)
_LINK_VERDICT = "UPDATE reference SET verdict_id = ? WHERE run_id = ? AND ref_id = ?"


class Store:
    """Everything a run records; also the registry response cache (``ResponseCache``)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self.is_postgres = url.startswith(("postgresql", "postgres"))
        self._engine: Engine | None = None
        # A SQLite file's own connection: the check's reads and writes without the ORM.
        self._db: sqlite3.Connection | None = None
        # Responses read ahead by ``prefetch``, each handed out once by ``get``.
        self._prefetched: dict[str, tuple[Any, ...]] = {}
        # The cached answers the running check's lookups read or wrote (``record_reads``):
        # url -> (fetched_at, expires_at); what its judgements may be reused on (``reuse``).
        self._reads: dict[str, tuple[float, float]] | None = None
        try:
            if self.is_sqlite and url.startswith("sqlite:///") and url != "sqlite:///:memory:":
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open_direct()
            version = self._direct_version() if self._db is not None else None
            if self._db is not None and version == 0:
                from veribib.store.schema import create_sqlite_schema

                # A new file: the SQLModel tables' SQL, without loading the ORM.
                create_sqlite_schema(self._db, SCHEMA_VERSION)
                version = self._direct_version()
            if version != SCHEMA_VERSION:
                self._migrate()
        except BaseException as exc:
            self.close()
            error = self._open_error(exc)
            if error is exc:
                raise
            raise error from exc

    def _open_error(self, exc: BaseException) -> BaseException:
        """What a failure to open the database means for the user (or ``exc`` itself)."""
        if isinstance(exc, ImportError):
            driver = "psycopg" if self.is_postgres else (exc.name or "its driver")
            extra = " (pip install 'veribib[postgres]')" if self.is_postgres else ""
            return StoreError(
                f"the database {self.safe_url()} needs the {driver} driver, which is not "
                f"installed{extra}"
            )
        if isinstance(exc, OSError):
            return StoreError(f"cannot open the database {self.safe_url()}: {exc.strerror or exc}")
        if is_db_error(exc):
            what = describe_db_error(exc)
            what = f"it {what}" if what.startswith("is ") else what
            return StoreError(f"cannot open the database {self.safe_url()}: {what}")
        return exc

    def _open_direct(self) -> sqlite3.Connection | None:
        """A plain sqlite3 connection to a SQLite file (None for other databases).

        A warm run reads hundreds of cached responses and writes a run's rows; through the ORM
        each statement costs about a millisecond and its import 0.3 s, through sqlite3 a few
        microseconds.
        """
        path = sqlite_file(self.url) if self.is_sqlite else None
        if path is None:
            return None
        db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        try:
            for pragma in _PRAGMAS:
                db.execute(pragma)
        except BaseException:
            db.close()
            raise
        return db

    def _direct_version(self) -> int:
        """The schema version of the SQLite file (0 when it has no schema yet)."""
        assert self._db is not None
        try:
            row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return 0
            raise
        return int(row[0] or 0)

    @property
    def _reader(self) -> sqlite3.Connection | None:
        """The plain sqlite3 connection the response cache reads through (SQLite files)."""
        return self._db

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine: created, and the ORM imported, when first needed."""
        if self._engine is None:
            from sqlalchemy import event
            from sqlmodel import create_engine

            engine = create_engine(self.url, connect_args={"timeout": 30} if self.is_sqlite else {})
            if self.is_sqlite:
                event.listen(engine, "connect", _sqlite_pragmas)
            self._engine = engine
        return self._engine

    def safe_url(self) -> str:
        """The URL without user name or password (a SQLite URL as its file path), for messages."""
        if self.is_sqlite and self.url.startswith("sqlite:///"):
            return self.url.removeprefix("sqlite:///") or self.url
        head, sep, tail = self.url.rpartition("@")
        if sep and "://" in head:
            scheme, _, _ = head.partition("://")
            return f"{scheme}://***@{tail}"
        return self.url

    _safe_url = safe_url

    def _migrate(self) -> None:
        """Create tables on a new database; apply pending migrations on an old one.

        Two runs opening a fresh database at once race between "does the table exist?" and
        CREATE TABLE; the loser sees 'already exists' (or a duplicate schema row) and simply
        tries again, finding the work done.
        """
        from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

        for attempt in range(5):
            try:
                self._migrate_once()
                return
            except (OperationalError, IntegrityError, ProgrammingError) as exc:
                # PostgreSQL reports the lost race as DuplicateTable (a ProgrammingError) or a
                # unique violation in its catalogue.
                if attempt == 4 or not (
                    isinstance(exc, IntegrityError)
                    or "already exists" in str(exc)
                    or "duplicate key" in str(exc)
                ):
                    raise
                time.sleep(0.05 * (attempt + 1))

    def _migrate_once(self) -> None:
        from sqlalchemy import text
        from sqlmodel import Session, SQLModel, select

        from veribib.store.tables import SchemaVersion

        SQLModel.metadata.create_all(self.engine)
        with Session(self.engine) as session:
            applied = {v.version for v in session.exec(select(SchemaVersion)).all()}
            newest = max(applied, default=0)
            if newest > SCHEMA_VERSION:
                raise StoreError(
                    f"the database {self._safe_url()} has schema version {newest}, newer than "
                    f"this veribib understands ({SCHEMA_VERSION}); upgrade veribib"
                )
            for version in range(newest + 1, SCHEMA_VERSION + 1):
                # A new database was just made at the newest schema: nothing to alter.
                for statement in MIGRATIONS.get(version, ()) if applied else ():
                    session.execute(text(statement))
                session.add(SchemaVersion(version=version, applied_at=now_iso()))
            session.commit()

    def schema_version(self) -> int:
        """The newest schema version applied to this database."""
        if self._db is not None:
            return self._direct_version()
        from sqlmodel import Session, select

        from veribib.store.tables import SchemaVersion

        with Session(self.engine) as session:
            versions = session.exec(select(SchemaVersion.version)).all()
            return max(versions, default=0)

    def direct(self) -> sqlite3.Connection | None:
        """The plain sqlite3 connection of a SQLite file (None: use the ORM)."""
        return self._db

    # --- runs -----------------------------------------------------------------------------

    @guarded
    def start_run(self, key: str, options: dict[str, Any]) -> tuple[int, bool]:
        """Open a run for these inputs/options; resume an unfinished one with the same key.

        Returns (run id, resumed?).
        """
        if self._db is not None:
            with self._db as db:
                found = db.execute(
                    'SELECT id FROM run WHERE "key" = ? AND status = ? ORDER BY id DESC LIMIT 1',
                    (key, "running"),
                ).fetchone()
                if found is not None:
                    return int(found[0]), True
                cursor = db.execute(
                    'INSERT INTO run ("key", started_at, finished_at, status, options, '
                    "veribib_version) VALUES (?, ?, NULL, 'running', ?, ?)",
                    (key, now_iso(), json.dumps(options, sort_keys=True), __version__),
                )
                assert cursor.lastrowid is not None
                return cursor.lastrowid, False
        from sqlmodel import Session, select

        from veribib.store.tables import RunRow

        with Session(self.engine) as session:
            unfinished = session.exec(
                select(RunRow)
                .where(RunRow.key == key, RunRow.status == "running")
                .order_by(RunRow.id.desc())  # type: ignore[union-attr]
            ).first()
            if unfinished is not None and unfinished.id is not None:
                return unfinished.id, True
            run = RunRow(
                key=key,
                started_at=now_iso(),
                options=json.dumps(options, sort_keys=True),
                veribib_version=__version__,
            )
            session.add(run)
            session.commit()
            session.refresh(run)
            assert run.id is not None
            return run.id, False

    @guarded
    def finish_run(self, run_id: int, status: str = "done") -> None:
        """Mark a run finished (``done``) or ``failed``."""
        if self._db is not None:
            with self._db as db:
                db.execute(
                    "UPDATE run SET status = ?, finished_at = ? WHERE id = ?",
                    (status, now_iso(), run_id),
                )
            return
        from sqlmodel import Session

        from veribib.store.tables import RunRow

        with Session(self.engine) as session:
            run = session.get(RunRow, run_id)
            if run is not None:
                run.status = status
                run.finished_at = now_iso()
                session.add(run)
                session.commit()

    def runs(self) -> list[Any]:
        """All runs (``RunRow``), oldest first."""
        from sqlmodel import Session, select

        from veribib.store.tables import RunRow

        with Session(self.engine) as session:
            return list(session.exec(select(RunRow).order_by(RunRow.id)).all())  # type: ignore[arg-type]

    # --- documents and references ---------------------------------------------------------

    @guarded
    def save_document(
        self, run_id: int, document: Document, sha256: str, error: str | None = None
    ) -> int:
        """Record an input file of a run (once per run and path); returns its row id."""
        values = {
            "run_id": run_id,
            "path": document.path,
            "format": document.format,
            "sha256": sha256,
            "warnings": _dumps(
                [{"origin": str(w.origin), "message": w.message} for w in document.warnings]
            ),
            "error": error,
        }
        if self._db is not None:
            with self._db as db:
                upsert_direct(db, "document", [values], ("run_id", "path"))
                found = db.execute(
                    "SELECT id FROM document WHERE run_id = ? AND path = ?",
                    (run_id, document.path),
                ).fetchone()
                return int(found[0])
        from sqlmodel import Session, select

        from veribib.store.tables import DocumentRow

        with Session(self.engine) as session:
            self._upsert(session, DocumentRow, [values], ("run_id", "path"))
            session.commit()
            row = session.exec(
                select(DocumentRow).where(
                    DocumentRow.run_id == run_id, DocumentRow.path == document.path
                )
            ).one()
            assert row.id is not None
            return row.id

    @guarded
    def save_references(self, run_id: int, document_id: int, refs: Sequence[Reference]) -> None:
        """Record a document's parsed references (idempotent on resume)."""

        def rows(chunk: Iterable[Reference]) -> list[dict[str, Any]]:
            return [
                {
                    "run_id": run_id,
                    "document_id": document_id,
                    "ref_id": r.id,
                    "raw_text": r.raw.text,
                    "origin_file": r.origin.file,
                    "origin_line": r.origin.line,
                    "key": r.raw.key,
                    "fields": _dumps(r.fields),
                    "identifiers": _dumps(r.identifiers),
                }
                for r in chunk
            ]

        # Serialised a chunk at a time: a large run's rows never sit in memory together.
        items = iter(refs)
        if self._db is not None:
            with self._db as db:
                while chunk := list(islice(items, WRITE_CHUNK)):
                    upsert_direct(db, "reference", rows(chunk), ("run_id", "ref_id"))
            return
        from sqlmodel import Session

        from veribib.store.tables import ReferenceRow

        with Session(self.engine) as session:
            while chunk := list(islice(items, WRITE_CHUNK)):
                self._upsert(session, ReferenceRow, rows(chunk), ("run_id", "ref_id"))
            session.commit()

    @guarded
    def save_verdicts(self, run_id: int, judgements: Iterable[Judgement]) -> None:
        """Record verdicts with their evidence and link each reference of the run to its verdict.

        A judgement identical to the one the reference's previous check stored (same document
        position, same JSON) is not written again: the reference is linked to the stored
        verdict. A re-judged reference of a resumed run replaces its row.
        """
        stamp = now_iso()
        items = iter(judgements)
        if self._db is not None:
            with self._db as db:
                # Serialised a chunk at a time: a whole run's evidence JSON never sits in memory.
                while chunk := list(islice(items, WRITE_CHUNK)):
                    self._save_verdict_chunk(db, run_id, chunk, stamp)
            return
        from sqlmodel import Session

        with Session(self.engine) as session:
            while chunk := list(islice(items, WRITE_CHUNK)):
                self._save_verdict_chunk_orm(session, run_id, chunk, stamp)
            session.commit()

    @staticmethod
    def _verdict_values(run_id: int, j: Judgement, stamp: str) -> dict[str, Any]:
        return {
            "run_id": run_id,
            "ref_id": j.reference_id,
            "verdict": j.verdict.value,
            "flags": _dumps(j.flags),
            "judgement": _dumps(j),
            "judged_at": stamp,
        }

    @staticmethod
    def _split(
        run_id: int,
        rows: dict[str, dict[str, Any]],
        previous: dict[str, tuple[int, str]],
    ) -> tuple[list[tuple[int, int, str]], list[dict[str, Any]]]:
        """(verdict id, run, ref id) links to unchanged stored verdicts, and the rows to write."""
        links: list[tuple[int, int, str]] = []
        fresh: list[dict[str, Any]] = []
        for ref_id, values in rows.items():
            old = previous.get(ref_id)
            if old is not None and old[1] == values["judgement"]:
                links.append((old[0], run_id, ref_id))
            else:
                fresh.append(values)
        return links, fresh

    @staticmethod
    def _save_verdict_chunk(
        db: sqlite3.Connection, run_id: int, chunk: Sequence[Judgement], stamp: str
    ) -> None:
        """Write the chunk's new or changed verdicts; link every reference to its verdict."""
        rows = {j.reference_id: Store._verdict_values(run_id, j, stamp) for j in chunk}
        previous = {
            ref_id: (verdict_id, body)
            for ref_id, verdict_id, body in db.execute(
                _PREVIOUS_VERDICTS, (json.dumps(list(rows)), run_id)
            )
        }
        links, fresh = Store._split(run_id, rows, previous)
        upsert_direct(db, "verdict", fresh, ("run_id", "ref_id"))
        if fresh:
            written = dict(
                db.execute(
                    "SELECT ref_id, id FROM verdict WHERE run_id = ? AND ref_id IN "
                    "(SELECT value FROM json_each(?))",
                    (run_id, json.dumps([v["ref_id"] for v in fresh])),
                ).fetchall()
            )
            links += [(written[v["ref_id"]], run_id, v["ref_id"]) for v in fresh]
        db.executemany(_LINK_VERDICT, links)

    def _save_verdict_chunk_orm(
        self, session: Session, run_id: int, chunk: Sequence[Judgement], stamp: str
    ) -> None:
        """``_save_verdict_chunk`` through SQLAlchemy (PostgreSQL and other databases)."""
        from sqlalchemy import bindparam, func, update
        from sqlalchemy import select as select_columns
        from sqlmodel import col

        from veribib.store.tables import ReferenceRow, VerdictRow

        rows = {j.reference_id: self._verdict_values(run_id, j, stamp) for j in chunk}
        latest = (
            select_columns(func.max(ReferenceRow.id))
            .where(
                col(ReferenceRow.ref_id).in_(list(rows)),
                col(ReferenceRow.run_id) < run_id,
                col(ReferenceRow.verdict_id).is_not(None),
            )
            .group_by(ReferenceRow.ref_id)
        )
        query = (
            select_columns(col(ReferenceRow.ref_id), col(VerdictRow.id), col(VerdictRow.judgement))
            .join(VerdictRow, col(VerdictRow.id) == ReferenceRow.verdict_id)
            .where(col(ReferenceRow.id).in_(latest))
        )
        previous = {ref_id: (vid, body) for ref_id, vid, body in session.execute(query).all()}
        links, fresh = self._split(run_id, rows, previous)
        self._upsert(session, VerdictRow, fresh, ("run_id", "ref_id"))
        if fresh:
            written: dict[str, int] = dict(
                session.execute(
                    select_columns(col(VerdictRow.ref_id), col(VerdictRow.id)).where(
                        col(VerdictRow.run_id) == run_id,
                        col(VerdictRow.ref_id).in_([v["ref_id"] for v in fresh]),
                    )
                ).all()
            )
            links += [(written[v["ref_id"]], run_id, v["ref_id"]) for v in fresh]
        if links:
            table = ReferenceRow.__table__  # type: ignore[attr-defined]
            statement = (
                update(table)
                .where(table.c.run_id == bindparam("b_run"), table.c.ref_id == bindparam("b_ref"))
                .values(verdict_id=bindparam("b_verdict"))
            )
            session.connection().execute(
                statement,
                [{"b_verdict": v, "b_run": r, "b_ref": ref} for v, r, ref in links],
            )

    def count(self, table: type[SQLModel], run_id: int | None = None) -> int:
        """How many rows a table has (for one run when given); for tests and reports."""
        from sqlmodel import Session, select

        with Session(self.engine) as session:
            query = select(table)
            if run_id is not None:
                query = query.where(table.run_id == run_id)  # type: ignore[attr-defined]
            return len(session.exec(query).all())

    # --- the response cache -----------------------------------------------------------------

    def record_reads(self) -> dict[str, tuple[float, float]]:
        """Start recording the answers lookups read or write (``note_read``); returns the record."""
        self._reads = {}
        return self._reads

    def note_read(self, url: str, status: int, fetched_at: float, max_age: float) -> None:
        """Note an answer a lookup used: read from or written to this cache (``status`` > 0),
        missed (0: asked, nothing young enough was stored) or not cacheable (-1: an outage, a
        refusal, an answer in no cacheable shape). An answer ``get`` never serves again, or a
        URL answered twice differently in one run, cannot be reused."""
        reads = self._reads
        if reads is None:
            return
        old = reads.get(url)
        if status == 0:
            if old is None:
                reads[url] = MISS
            elif old != MISS:
                reads[url] = INVALID  # it was read before: two versions in one run
            return
        if status < 0:
            reads[url] = INVALID
            return
        new = (fetched_at, fetched_at + max_age) if status in (200, 404) else INVALID
        reads[url] = new if old is None or old in (MISS, new) else INVALID

    @guarded
    def get(self, url: str, max_age_ok: float, max_age_not_found: float) -> CachedResponse | None:
        """A stored response for this URL young enough to reuse: 200s and 404s only."""
        found: tuple[Any, ...] | None
        if url in self._prefetched:
            found = self._prefetched.pop(url)
        elif self._db is not None:
            try:
                found = self._db.execute(_SELECT_RESPONSE + "WHERE url = ?", (url,)).fetchone()
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read the database {self._safe_url()}: {exc}") from exc
        else:
            from sqlmodel import Session, select

            from veribib.store.tables import ResponseRow

            with Session(self.engine) as session:
                row = session.exec(select(ResponseRow).where(ResponseRow.url == url)).first()
            found = (
                None
                if row is None
                else (row.url, row.status, row.body, row.content_type, row.fetched_at)
            )
        if found is None:
            return None
        response = CachedResponse(found[0], found[1], bytes(found[2]), found[3], found[4])
        age = time.time() - response.fetched_at
        limit = max_age_ok if response.status < 300 else max_age_not_found
        if response.status not in (200, 404) or age > limit:
            return None
        return response

    def prefetch(self, urls: Iterable[str]) -> None:
        """Read the stored responses of many URLs in one query, for the ``get`` calls to come.

        Replaces what an earlier call read, so memory stays bounded by one chunk of lookups.
        """
        self._prefetched = {}
        wanted = list(dict.fromkeys(urls))
        if self._db is None or not wanted:
            return
        try:
            rows = self._db.execute(
                _SELECT_RESPONSE + "WHERE url IN (SELECT value FROM json_each(?))",
                (json.dumps(wanted),),
            ).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the database {self._safe_url()}: {exc}") from exc
        self._prefetched = {row[0]: row for row in rows}

    @guarded
    def put(self, response: CachedResponse) -> None:
        """Record a registry response (the latest one per URL is kept)."""
        self._prefetched.pop(response.url, None)
        values = {
            "url": response.url,
            "status": response.status,
            "content_type": response.content_type,
            "body": response.body,
            "fetched_at": response.fetched_at,
        }
        if self._db is not None:
            with self._db as db:
                upsert_direct(db, "response", [values], ("url",))
            return
        from sqlmodel import Session

        from veribib.store.tables import ResponseRow

        with Session(self.engine) as session:
            self._upsert(session, ResponseRow, [values], ("url",))
            session.commit()

    # --- helpers ----------------------------------------------------------------------------

    def _upsert(
        self,
        session: Session,
        table: type[SQLModel],
        rows: Sequence[dict[str, Any]],
        keys: tuple[str, ...],
        keep: tuple[str, ...] = (),
    ) -> None:
        """Insert rows, updating the existing row where the natural key already exists.

        Columns named in ``keep`` are written on insert only (e.g. when a work was first seen).
        """
        if not rows:
            return
        if self.is_sqlite:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            statement = sqlite_insert(table)
            update = {c: statement.excluded[c] for c in rows[0] if c not in keys + keep}
            upsert = statement.on_conflict_do_update(index_elements=list(keys), set_=update)
            for start in range(0, len(rows), WRITE_CHUNK):
                session.execute(upsert, list(rows[start : start + WRITE_CHUNK]))
            return
        if self.is_postgres:
            from sqlalchemy.dialects.postgresql import insert as postgres_insert

            # One statement, so two first runs racing cannot both insert the same key.
            pg = postgres_insert(table)
            pg_update = {c: pg.excluded[c] for c in rows[0] if c not in keys}
            pg_upsert = pg.on_conflict_do_update(index_elements=list(keys), set_=pg_update)
            for start in range(0, len(rows), WRITE_CHUNK):
                session.execute(pg_upsert, list(rows[start : start + WRITE_CHUNK]))
            return
        from sqlmodel import select

        for values in rows:  # other databases: portable select-then-write
            query = select(table)
            for k in keys:
                query = query.where(getattr(table, k) == values[k])
            existing = session.exec(query).first()
            if existing is None:
                session.add(table(**values))
            else:
                for k, v in values.items():
                    if k not in keep:
                        setattr(existing, k, v)
                session.add(existing)

    def close(self) -> None:
        """Release the database connections."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
