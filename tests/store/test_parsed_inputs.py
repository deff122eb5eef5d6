"""A file read again byte for byte is not parsed again: the kept parse is the same parse, and
any change to the bytes, the year, the parsing code or a companion file's format parses anew."""

from __future__ import annotations

import datetime
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import veribib.reference
import veribib.store.parsed
from veribib.pipeline import parse_inputs
from veribib.store.parsed import ParsedInputs

TESTS = Path(__file__).resolve().parents[1]
BIB = TESTS / "export" / "data" / "refs.bib"
NBIB = TESTS / "source" / "data" / "pubmed.nbib"
MANUSCRIPT = TESTS / "source" / "data" / "manuscript"
TODAY = datetime.date(2026, 12, 6)
TEXT = (
    "References\n\n"
    "1. Smith J, Jones K. A study of things. Nature. 2019;570(7760):123-127. "
    "doi:10.1038/s41586-019-1234-5\n"
    "2. Doe A. Another study. Lancet. 2020;395:10-20.\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(tmp_path / "parsed.sqlite")
    yield con
    con.close()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the references parsed (not taken from the kept parses)."""
    calls: list[str] = []
    real = veribib.reference.parse_reference

    def counting(raw, id):  # type: ignore[no-untyped-def]
        calls.append(id)
        return real(raw, id)

    monkeypatch.setattr(veribib.reference, "parse_reference", counting)
    return calls


def _inputs(tmp_path: Path) -> list[Path]:
    for source in (BIB, NBIB):
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "list.txt").write_text(TEXT, encoding="utf-8")
    return [tmp_path / "refs.bib", tmp_path / "pubmed.nbib", tmp_path / "list.txt"]


def test_a_kept_parse_is_the_same_parse(
    tmp_path: Path, db: sqlite3.Connection, parses: list[str]
) -> None:
    paths = _inputs(tmp_path)
    fresh = parse_inputs(paths)
    first = parse_inputs(paths, parsed=ParsedInputs(db, TODAY))
    assert first == fresh
    count = len(parses)
    assert count == 2 * sum(len(i.references) for i in fresh) > 0
    again = parse_inputs(paths, parsed=ParsedInputs(db, TODAY))
    assert len(parses) == count  # nothing parsed again
    assert again == fresh
    assert {i.document.format for i in again} == {"bibtex", "nbib", "text"}


def test_a_changed_byte_year_or_parser_parses_again(
    tmp_path: Path, db: sqlite3.Connection, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _inputs(tmp_path)
    parse_inputs(paths, parsed=ParsedInputs(db, TODAY))
    parses.clear()
    text = paths[2]
    text.write_text(TEXT.replace("2019", "2018"), encoding="utf-8")
    changed = parse_inputs([text], parsed=ParsedInputs(db, TODAY))
    assert len(parses) == 2
    assert changed[0].references[0].fields.year == 2018
    parses.clear()
    parse_inputs([text], parsed=ParsedInputs(db, TODAY + datetime.timedelta(days=365)))
    assert len(parses) == 2
    parses.clear()
    monkeypatch.setattr(veribib.store.parsed, "PARSED_VERSION", 99)
    parse_inputs([text], parsed=ParsedInputs(db, TODAY))
    assert len(parses) == 2
    # One version is kept per path.
    (rows,) = db.execute("SELECT count(*) FROM parsed WHERE path = ?", (str(text),)).fetchone()
    assert rows == 1


def test_a_manuscript_that_reads_other_files_is_never_kept(
    tmp_path: Path, db: sqlite3.Connection, parses: list[str]
) -> None:
    folder = tmp_path / "manuscript"
    shutil.copytree(MANUSCRIPT, folder)
    paper = folder / "paper.tex"
    parse_inputs([paper], parsed=ParsedInputs(db, TODAY))
    assert db.execute("SELECT count(*) FROM parsed").fetchone() == (0,)
    parses.clear()
    parse_inputs([paper], parsed=ParsedInputs(db, TODAY))
    assert parses


def test_an_unreadable_file_is_an_error_as_before(tmp_path: Path, db: sqlite3.Connection) -> None:
    missing = tmp_path / "nowhere.bib"
    (tmp_path / "empty.bib").write_text("", encoding="utf-8")
    for path in (missing, tmp_path / "empty.bib"):
        kept = parse_inputs([path], parsed=ParsedInputs(db, TODAY))
        assert kept == parse_inputs([path])
        assert kept[0].error


def test_a_database_that_cannot_keep_them_keeps_nothing(tmp_path: Path) -> None:
    from veribib.config import Settings
    from veribib.store.reuse import JudgementLedger

    path = tmp_path / "db.sqlite"
    sqlite3.connect(path).close()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        parsed = ParsedInputs(read_only, TODAY)
        assert not parsed.usable
        paths = _inputs(tmp_path)
        assert parse_inputs(paths, parsed=parsed) == parse_inputs(paths)
        ledger = JudgementLedger(read_only, Settings(), TODAY)
        assert not ledger.usable
        refs = [r for item in parse_inputs(paths) for r in item.references]
        assert ledger.lookup(refs) == {}
        ledger.save(1, [], {})
        ledger.prune()
    finally:
        read_only.close()
