"""The user's environment gets one clear line and exit 2 (or 4), never a traceback, SQL, a
SQLAlchemy link, a secret, markup or a terminal control sequence."""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ..export.builders import BIB

PROJECT = Path(__file__).resolve().parents[2]
SECRET = "secret123"
HOSTILE_BIB = (
    "@article{markup,\n"
    "  author = {Smith, John},\n"
    "  title = {Closing [/] tags, a [link=https://evil.example]live link[/link] and"
    " \x1b]0;pwned\x07 a window title \x1b[2J cleared},\n"
    "  journal = {Journal of \x1b]8;;https://evil.example\x07Links\x1b]8;;\x07},\n"
    "  year = {2020}\n"
    "}\n"
)


def _run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, **popen: object
) -> subprocess.CompletedProcess[str]:
    full = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(cwd),
        "PYTHONPATH": str(PROJECT / "src"),
        "VERIBIB_MAILTO": "safety@example.org",
        "COLUMNS": "200",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "veribib", *args],
        cwd=cwd, env=full, capture_output=True, text=True, timeout=120, check=False,
        **popen,  # type: ignore[arg-type]
    )  # fmt: skip


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "sqlalche.me" not in result.stderr
    assert "[SQL" not in result.stderr and "INSERT" not in result.stderr
    return lines[0]


# --- 11. the Crossref token -------------------------------------------------------------------


@pytest.mark.parametrize(
    "token", [SECRET + "\n", SECRET + "é", "Bearer " + SECRET, SECRET + "\x1b"]
)
def test_a_malformed_token_is_refused_without_echoing_it(tmp_path: Path, token: str) -> None:
    from typer.testing import CliRunner

    from veribib.cli import app

    shutil.copy(BIB, tmp_path / "refs.bib")
    result = CliRunner().invoke(
        app,
        ["check", str(tmp_path / "refs.bib"), "--offline", "--db", "sqlite://"],
        env={"VERIBIB_CROSSREF_TOKEN": token},
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "VERIBIB_CROSSREF_TOKEN" in lines[0] and "not shown" in lines[0]
    assert SECRET not in result.output


def test_a_token_echoed_in_an_error_is_masked_in_the_message() -> None:
    from veribib.resolve.http import Service

    service = Service(
        "crossref", "http://127.0.0.1:9", {}, secret_headers={"T": "Bearer " + SECRET}
    )
    assert SECRET not in service.redact(f"HTTP 400: bad token {SECRET}")


# --- 12. markup and control characters ------------------------------------------------------


def test_parse_table_prints_markup_literally_and_no_control_sequences(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(HOSTILE_BIB, encoding="utf-8")
    result = _run(["parse", "refs.bib", "--format", "table"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[/]" in result.stdout and "[link=https://evil.example]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_reports_carry_no_control_sequences_from_registry_text(fmt: str) -> None:
    from veribib.export import render
    from veribib.export.interface import CheckedDocument, CheckedReference, OutputFormat
    from veribib.export.table import render_table
    from veribib.model import Evidence

    from ..export.builders import sample_report

    base = sample_report()
    junk = "Title \x1b]0;pwned\x07 \x1b[2J [/] [link=https://evil.example]x[/link]"
    docs = []
    for doc in base.documents:
        refs = tuple(
            CheckedReference(
                c.reference,
                replace(c.judgement, evidence=(Evidence("SEARCH_MATCH", junk),)),
            )
            for c in doc.references
        )
        docs.append(CheckedDocument(doc.document, refs, doc.citations, doc.error))
    report = replace(base, documents=tuple(docs))
    text = (
        render_table(report, color=True, width=200)
        if fmt == "table"
        else render(report, OutputFormat.MARKDOWN)
    )
    # Colour codes (ESC [ ... m) are the table's own; nothing else may reach the terminal.
    foreign = re.findall(r"\x1b[^\[]|\x1b\[[0-9;]*[^0-9;m]", text)
    assert foreign == [] and "\x07" not in text
    assert "pwned" in text


# --- 13. databases and paths ------------------------------------------------------------------


def _first_run(tmp_path: Path) -> Path:
    shutil.copy(BIB, tmp_path / "refs.bib")
    db = tmp_path / "db.sqlite"
    first = _run(["check", "refs.bib", "--offline", "--db", str(db), "-q"], tmp_path)
    assert first.returncode in (0, 1), first.stderr
    return db


def test_a_read_only_database_is_one_line_naming_it(tmp_path: Path) -> None:
    db = _first_run(tmp_path)
    # Opened read-only by SQLite itself (the tests run as root, which file modes do not stop).
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = _run(["check", "refs.bib", "--offline", "--db", url, "-q", "-f", "json"], tmp_path)
    assert result.returncode == 2, result.stderr
    line = _one_line(result)
    assert line.startswith(f"veribib: the database file:{db}?mode=ro&uri=true ")
    assert "read-only" in line


def test_a_corrupt_database_is_one_line_naming_it(tmp_path: Path) -> None:
    shutil.copy(BIB, tmp_path / "refs.bib")
    db = tmp_path / "db.sqlite"
    db.write_bytes(b"this is not a database at all " * 200)
    result = _run(["check", "refs.bib", "--offline", "--db", str(db), "-q"], tmp_path)
    assert result.returncode == 2
    assert _one_line(result) == (
        f"veribib: cannot open the database {db}: it is not a veribib database (corrupt, or "
        "another kind of file)"
    )


def test_a_database_filling_up_mid_run_is_one_line_not_failed_lookups(tmp_path: Path) -> None:
    db = _first_run(tmp_path)
    # Half the database: a re-run writes less than the whole file (its unchanged verdicts
    # are linked, not written again), but more than this.
    size = db.stat().st_size // 2

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    result = _run(
        ["check", "refs.bib", "--offline", "--db", str(db), "-q", "--refresh", "-f", "json"],
        tmp_path,
        preexec_fn=full_disk,
    )
    assert result.returncode == 2, result.stderr
    line = _one_line(result)
    assert line.startswith(f"veribib: the database {db} ") and "lookup" not in line


def test_a_missing_postgres_driver_is_one_line_with_the_password_masked(tmp_path: Path) -> None:
    shutil.copy(BIB, tmp_path / "refs.bib")
    code = (
        "import sys; sys.modules['psycopg'] = None; sys.modules['psycopg2'] = None\n"
        "sys.argv = ['veribib', 'check', 'refs.bib', '--offline', '-q', '--db',"
        " 'postgresql+psycopg://alice:hunter2@db.example:5432/veribib']\n"
        "from veribib.cli import main; main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    line = _one_line(result)
    assert "hunter2" not in line and "alice" not in line
    assert line == (
        "veribib: the database postgresql+psycopg://***@db.example:5432/veribib needs the "
        "psycopg driver, which is not installed (pip install 'veribib[postgres]')"
    )


def test_a_bibliography_past_the_entry_cap_is_refused_at_once(tmp_path: Path) -> None:
    from veribib.source.bibtex import MAX_ENTRIES

    bib = tmp_path / "huge.bib"
    bib.write_text("".join(f"@misc{{k{i},}}\n" for i in range(MAX_ENTRIES + 1)), "utf-8")
    result = _run(["check", "huge.bib", "--offline", "--db", "sqlite://", "-q"], tmp_path)
    assert result.returncode == 2
    assert _one_line(result) == (
        f"veribib: huge.bib: has {MAX_ENTRIES + 1:,} BibTeX entries; veribib checks at most "
        f"{MAX_ENTRIES:,} per file: split it into smaller files"
    )
