"""A re-run links the verdicts it did not change instead of writing them again (schema 3)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from veribib.config import Settings
from veribib.model import (
    Document,
    Evidence,
    Fields,
    Identifiers,
    Judgement,
    Origin,
    RawReference,
    Reference,
    Verdict,
)
from veribib.pipeline import check
from veribib.store import SCHEMA_VERSION, Store

from ..pgserver import fresh_database

BIB = Path(__file__).resolve().parents[1] / "export" / "data" / "refs.bib"


def _ref(i: int) -> Reference:
    raw = RawReference(text=f"Ref {i}", origin=Origin("paper.bib", i))
    return Reference(
        id=f"paper.bib#{i}", raw=raw, fields=Fields(title=f"T{i}"), identifiers=Identifiers()
    )


def _run(store: Store, verdicts: list[Verdict]) -> int:
    """One finished run of the three references judged as given."""
    run, _ = store.start_run("k", {})
    refs = [_ref(i) for i in range(len(verdicts))]
    doc_id = store.save_document(run, Document("paper.bib", "bibtex", ()), "sha")
    store.save_references(run, doc_id, refs)
    store.save_verdicts(
        run,
        [
            Judgement(r.id, v, evidence=(Evidence("X", f"judged {v.value}"),))
            for r, v in zip(refs, verdicts, strict=True)
        ],
    )
    store.finish_run(run)
    return run


def _verdict_rows(path: Path) -> list[tuple[int, int, str, str]]:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT id, run_id, ref_id, verdict FROM verdict ORDER BY id").fetchall()


def _links(path: Path, run: int) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT ref_id, verdict_id FROM reference WHERE run_id = ?", (run,))
        return dict(rows.fetchall())


@pytest.fixture(params=["sqlite-file", "sqlite-memory", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store on a SQLite file (plain sqlite3), in memory and on PostgreSQL (SQLAlchemy)."""
    if request.param == "sqlite-file":
        yield f"sqlite:///{tmp_path / 'db.sqlite'}"
        return
    if request.param == "sqlite-memory":
        yield "sqlite://"
        return
    with fresh_database(request.getfixturevalue("pg_server"), "veribib_verdicts") as db:
        yield db


def _rows(store: Store, sql: str, **params: object) -> list[tuple[object, ...]]:
    from sqlalchemy import text

    with store.engine.connect() as con:
        return [tuple(r) for r in con.execute(text(sql), params).all()]


def test_an_unchanged_rerun_writes_no_verdict_and_a_changed_verdict_is_written(url: str) -> None:
    store = Store(url)
    verdicts = "SELECT id, run_id, ref_id, verdict FROM verdict ORDER BY id"
    links = "SELECT ref_id, verdict_id FROM reference WHERE run_id = :run ORDER BY ref_id"
    same = [Verdict.VERIFIED, Verdict.UNRESOLVED, Verdict.FABRICATED]
    first = _run(store, same)
    before = _rows(store, verdicts)
    assert len(before) == 3
    second = _run(store, same)
    assert second != first
    assert _rows(store, verdicts) == before  # nothing written, nothing rewritten
    assert _rows(store, links, run=second) == _rows(store, links, run=first)
    assert _rows(store, links, run=first) == [(r[2], r[0]) for r in before]

    changed = [Verdict.VERIFIED, Verdict.VERIFIED, Verdict.FABRICATED]
    third = _run(store, changed)
    after = _rows(store, verdicts)
    assert after[:3] == before and len(after) == 4
    new_id, new_run, new_ref, new_verdict = after[3]
    assert (new_run, new_ref, new_verdict) == (third, "paper.bib#1", "verified")
    assert _rows(store, links, run=third) == [
        ("paper.bib#0", before[0][0]),
        ("paper.bib#1", new_id),
        ("paper.bib#2", before[2][0]),
    ]
    store.close()


def test_the_library_reads_linked_verdicts(tmp_path: Path) -> None:
    from veribib.library.state import citations_of, latest_documents

    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    _run(store, [Verdict.VERIFIED, Verdict.FABRICATED])
    second = _run(store, [Verdict.VERIFIED, Verdict.FABRICATED])
    documents = latest_documents(store)
    assert [run.id for _, run in documents] == [second]
    cited = citations_of(store, documents)
    assert [c.verdict.verdict if c.verdict else None for c in cited] == ["verified", "fabricated"]
    store.close()


def test_a_schema_2_database_is_migrated_and_its_verdicts_linked(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store(f"sqlite:///{path}")
    first = _run(store, [Verdict.VERIFIED, Verdict.UNRESOLVED])
    store.close()
    with sqlite3.connect(path) as con:  # back to schema 2: no reference.verdict_id
        (ddl,) = con.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reference'"
        ).fetchone()
        ddl = ddl.replace("CREATE TABLE reference", "CREATE TABLE reference_v2")
        ddl = re.sub(r"\s*verdict_id INTEGER,", "", ddl)
        ddl = re.sub(r",\s*FOREIGN KEY\(verdict_id\) REFERENCES verdict \(id\)", "", ddl)
        assert "verdict_id" not in ddl
        con.executescript(
            ddl
            + """;
            INSERT INTO reference_v2 SELECT id, run_id, document_id, ref_id, raw_text,
                origin_file, origin_line, key, fields, identifiers, work_id FROM reference;
            DROP TABLE reference;
            ALTER TABLE reference_v2 RENAME TO reference;
            CREATE INDEX ix_reference_run_id ON reference (run_id);
            DELETE FROM schema_version WHERE version > 2;
            """
        )
    store = Store(f"sqlite:///{path}")
    assert store.schema_version() == SCHEMA_VERSION == 3
    before = _verdict_rows(path)
    assert _links(path, first) == {r[2]: r[0] for r in before}  # filled in by the migration
    _run(store, [Verdict.VERIFIED, Verdict.UNRESOLVED])
    assert _verdict_rows(path) == before
    store.close()


def test_a_warm_rerun_of_a_document_writes_no_verdict_rows(tmp_path: Path) -> None:
    shutil.copy(BIB, tmp_path / "refs.bib")
    db = tmp_path / "db.sqlite"
    settings = Settings(offline=True, db=str(db)).validate()
    first = check([tmp_path / "refs.bib"], settings)
    before = _verdict_rows(db)
    assert len(before) == len(first.references) > 0
    second = check([tmp_path / "refs.bib"], settings)
    assert second.run_id != first.run_id
    assert [c.judgement for c in second.references] == [c.judgement for c in first.references]
    assert _verdict_rows(db) == before
    assert set(_links(db, second.run_id).values()) == {r[0] for r in before}
