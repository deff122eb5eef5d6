"""CI never passes silently: empty runs exit 2; SARIF, JUnit, baselines, exit codes, Ctrl-C."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import jsonschema
import pytest

PROJECT = Path(__file__).resolve().parents[2]
MANUSCRIPT = PROJECT / "tests" / "source" / "data" / "manuscript"
SARIF_SCHEMA = PROJECT / "tests" / "export" / "data" / "sarif" / "sarif-schema-2.1.0.json"


def _env(home: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "PYTHONPATH": str(PROJECT / "src"),
        "VERIBIB_CACHE_DIR": str(home / "cache"),
        "COLUMNS": "80",
    }


def _run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "veribib", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env=_env(cwd),
    )


def _offline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _run(*args, "--offline", "-q", "--db", str(cwd / "db.sqlite"), cwd=cwd)


def _empty_input(kind: str, tmp: Path) -> Path:
    """An input of ``kind`` from which no reference can be read."""
    if kind == "empty-dir":
        (tmp / "in").mkdir()
        return tmp / "in"
    if kind == "dir-of-unread-files":
        (tmp / "in").mkdir()
        (tmp / "in" / "paper.odt").write_bytes(b"PK\x03\x04 not read")
        (tmp / "in" / "package.json").write_text('{"name": "x"}')
        return tmp / "in"
    if kind == "docx-without-references":
        path = tmp / "draft.docx"
        document = docx.Document()
        document.add_paragraph("A draft with no reference list yet.")
        document.save(str(path))
        return path
    texts = {
        "nbib": ("export.nbib", "OWN - NLM\nSTAT- MEDLINE\n"),
        "endnote-xml": ("library.xml", '<?xml version="1.0"?><xml><records></records></xml>'),
        "tex": (
            "paper.tex",
            "\\documentclass{article}\\begin{document}Hi \\cite{a}.\\end{document}",
        ),
        "bbl": (
            "paper.bbl",
            "\\providecommand{\\natexlab}[1]{#1}\n\\providecommand{\\url}[1]{#1}\n",
        ),
        "md": ("paper.md", "---\nbibliography: refs.bib\n---\nAs said [@a].\n"),
    }
    name, text = texts[kind]
    (tmp / name).write_text(text, encoding="utf-8")
    return tmp / name


KINDS = [
    "nbib",
    "endnote-xml",
    "tex",
    "bbl",
    "md",
    "empty-dir",
    "dir-of-unread-files",
    "docx-without-references",
]


@pytest.mark.parametrize("kind", KINDS)
def test_a_run_that_read_nothing_exits_2_with_one_line(tmp_path: Path, kind: str) -> None:
    target = _empty_input(kind, tmp_path)
    result = _offline("check", str(target), cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "no references read" in lines[0] and str(target) in lines[0]
    assert "Traceback" not in result.stderr
    allowed = _offline("check", str(target), "--allow-empty", cwd=tmp_path)
    assert allowed.returncode == 0, allowed.stderr


def test_empty_dir_message_names_what_was_passed_over(tmp_path: Path) -> None:
    target = _empty_input("dir-of-unread-files", tmp_path)
    line = _offline("check", str(target), cwd=tmp_path).stderr.strip()
    assert "paper.odt" in line


def _latex_project(tmp: Path) -> Path:
    work = tmp / "repo"
    shutil.copytree(MANUSCRIPT, work)
    for extra in ("paper.md", "paper.aux", "paper.bbl", "biber.bbl"):
        (work / extra).unlink()
    return work


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    work = _latex_project(tmp_path)
    result = _offline("check", "paper.tex", "-o", "report.sarif", cwd=work)
    assert result.returncode == 0, result.stderr
    log = json.loads((work / "report.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    where = {
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    }
    assert ("missing-key", "paper.tex", 10) in where
    assert ("missing-key", "methods.tex", 2) in where
    assert ("uncited", "refs.bib", 22) in where
    assert ("unresolved", "refs.bib", 2) in where  # offline: nothing could be checked


def test_junit_and_comma_fail_on_and_exit_zero(tmp_path: Path) -> None:
    work = _latex_project(tmp_path)
    failing = _offline(
        "check", "paper.tex", "-f", "junit", "--fail-on", "unresolved,retracted", cwd=work
    )
    assert failing.returncode == 1, failing.stderr
    suites = ET.fromstring(failing.stdout.split("\n", 1)[1])
    cases = suites.findall(".//testcase")
    assert len(cases) == 5  # three references, two missing keys
    assert len(suites.findall(".//failure")) == 5
    advisory = _offline("check", "paper.tex", "--fail-on", "unresolved", "--exit-zero", cwd=work)
    assert advisory.returncode == 0, advisory.stderr


def test_fail_on_and_baseline_from_the_config_file(tmp_path: Path) -> None:
    work = _latex_project(tmp_path)
    (work / ".git").mkdir()
    (work / "pyproject.toml").write_text(
        '[tool.veribib]\nfail-on = "unresolved"\n'
        "ignore = [\n"
        '  {key = "vaswani2017attention", reason = "NeurIPS paper, checked by hand"},\n'
        '  {doi = "10.1038/nature14539", reason = "checked by hand"},\n'
        '  {key = "he2016resnet", reason = "checked by hand"},\n'
        "]\n",
        encoding="utf-8",
    )
    (work / "sub").mkdir()
    result = _offline("check", "../paper.tex", "-o", "../junit.xml", cwd=work / "sub")
    # Every reference is in the baseline: the unresolved verdicts no longer fail the run.
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("ignored (baseline)") == 3
    xml = (work / "junit.xml").read_text(encoding="utf-8")
    assert xml.count("<skipped") == 3 and "NeurIPS paper, checked by hand" in xml
    (work / "pyproject.toml").write_text('[tool.veribib]\nfail-on = "unresolved"\n')
    assert _offline("check", "../paper.tex", cwd=work / "sub").returncode == 1


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("r.html", "<!DOCTYPE html"),
        ("r.json", '"schema"'),
        ("r.md", "# "),
        ("r.xml", "<testsuites"),
    ],
)
def test_format_follows_the_output_extension(tmp_path: Path, name: str, marker: str) -> None:
    work = _latex_project(tmp_path)
    assert _offline("check", "paper.tex", "-o", name, cwd=work).returncode == 0
    assert marker in (work / name).read_text(encoding="utf-8")[:2000]


def test_verbose_works_after_the_subcommand(tmp_path: Path) -> None:
    work = _latex_project(tmp_path)
    result = _offline("check", "paper.tex", "-v", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "INFO" in result.stderr


def test_table_keeps_file_line_whole_in_an_80_column_pipe(tmp_path: Path) -> None:
    work = _latex_project(tmp_path)
    long_dir = work / "chapters-of-a-long-thesis-folder"
    long_dir.mkdir()
    shutil.copy(work / "refs.bib", long_dir / "bibliography-of-chapter-three.bib")
    result = _offline("check", str(long_dir / "bibliography-of-chapter-three.bib"), cwd=work)
    origin = f"{long_dir / 'bibliography-of-chapter-three.bib'}:13"
    assert origin in result.stdout, result.stdout


def _saved_references(db: Path) -> int:
    """How many references the run has stored so far (0 while the database is not there)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=0.5) as con:
            return int(con.execute("select count(*) from reference").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or locked by the writer
        return 0


def test_ctrl_c_prints_one_line_exits_130_and_keeps_the_run(tmp_path: Path) -> None:
    port_file = tmp_path / "standin.out"
    server = subprocess.Popen(
        [
            sys.executable,
            str(PROJECT / "scripts" / "standin.py"),
            "--port",
            "0",
            "--latency",
            "3",
            "--max-seconds",
            "60",
        ],
        stdout=port_file.open("w"),
        stderr=subprocess.STDOUT,
        env={**_env(tmp_path), "PYTHONPATH": str(PROJECT / "scripts")},
    )
    try:
        deadline = time.monotonic() + 20
        while "serving on" not in port_file.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        url = port_file.read_text().split("serving on ", 1)[1].split()[0]
        env = {
            **_env(tmp_path),
            "VERIBIB_CROSSREF_URL": f"{url}/crossref",
            "VERIBIB_DOI_URL": f"{url}/doi",
            "VERIBIB_DATACITE_URL": f"{url}/datacite",
            "VERIBIB_CTGOV_URL": f"{url}/ctgov/api/v2",
            "VERIBIB_MAILTO": "ci@example.org",
        }
        work = _latex_project(tmp_path)
        db = tmp_path / "run.sqlite"
        proc = subprocess.Popen(
            [sys.executable, "-m", "veribib", "check", "paper.tex", "-q", "--db", str(db)],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while _saved_references(db) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)  # the first answers are 3 s away: the run is waiting on the network
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert proc.returncode == 130, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == ["veribib: interrupted; run the same command again to resume"], err
    with sqlite3.connect(db) as con:
        runs = con.execute("select finished_at from run").fetchall()
        saved = con.execute("select count(*) from reference").fetchone()[0]
    assert runs == [(None,)] and saved == 3  # the unfinished run is there to resume


def test_export_quiet_prints_nothing(tmp_path: Path) -> None:
    work = _latex_project(tmp_path)
    loud = _run("export", "refs.bib", "-o", "a.bib", "--offline", "--db", "db.sqlite", cwd=work)
    quiet = _run(
        "export", "refs.bib", "-o", "b.bib", "--offline", "--db", "db.sqlite", "-q", cwd=work
    )
    assert loud.returncode == quiet.returncode == 0, loud.stderr + quiet.stderr
    assert loud.stderr.strip() and quiet.stderr == "" and quiet.stdout == ""
    assert (work / "b.bib").read_text() == (work / "a.bib").read_text()


def test_json_names_missing_citation_keys_and_validates(tmp_path: Path) -> None:
    from veribib.export import load_schema

    work = _latex_project(tmp_path)
    result = _offline("check", "paper.tex", "-o", "r.json", cwd=work)
    assert result.returncode == 0, result.stderr
    report = json.loads((work / "r.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, load_schema(), cls=jsonschema.Draft202012Validator)
    unmatched = report["citations"]["paper.tex"]["unmatched"]
    missing = {(c["key"], c["origin"]["file"], c["origin"]["line"]) for c in unmatched}
    assert missing == {
        ("devlin2019bert", "paper.tex", 10),
        ("goodfellow2016book", "methods.tex", 2),
    }
