"""Starting the command and a warm check on a SQLite file load no library they do not use."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
BIB = PROJECT / "tests" / "export" / "data" / "refs.bib"
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "rich", "lxml", "pypdf", "yaml", "docx")

_PROBE = """
import json, sys
from veribib.cli import main
sys.argv = ["veribib", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def _loaded(args: list[str], cwd: Path, modules: tuple[str, ...] = HEAVY) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=modules), *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    loaded: list[str] = json.loads(proc.stderr.strip().splitlines()[-1])
    return loaded


def test_starting_the_command_loads_none_of_them(tmp_path: Path) -> None:
    assert _loaded(["--version"], tmp_path) == []


def test_a_check_on_a_sqlite_file_never_loads_the_orm(tmp_path: Path) -> None:
    shutil.copy(BIB, tmp_path / "refs.bib")
    args = ["check", "refs.bib", "--offline", "--db", str(tmp_path / "db.sqlite"), "-q"]
    args += ["--format", "json", "--output", str(tmp_path / "out.json")]
    # A new file is made from schema.sql (the SQLModel tables compiled), then read and written
    # through sqlite3 alone (rich prints "wrote FILE"; httpx loads it too).
    for _ in range(2):
        assert [m for m in _loaded(args, tmp_path) if m != "rich"] == []
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(report["references"]) > 0


# The running-text machinery: its patterns take ~25 ms to compile, and a BibTeX file needs none.
TEXT_ONLY = tuple(
    f"veribib.source.{m}" for m in ("cues", "citations", "sections", "splitter", "linejoin")
)


def test_reading_bibtex_loads_none_of_the_running_text_machinery(tmp_path: Path) -> None:
    shutil.copy(BIB, tmp_path / "refs.bib")
    check = ["check", "--offline", "--db", str(tmp_path / "db.sqlite"), "-q", "-f", "json"]
    assert _loaded([*check, "refs.bib"], tmp_path, TEXT_ONLY) == []
    (tmp_path / "refs.txt").write_text(
        "Intro text (Smith, 2020).\n\nReferences\n\n"
        "Smith, J. (2020). A title of a work. Journal of Things, 1(2), 3-4.\n",
        encoding="utf-8",
    )
    assert _loaded(["parse", "refs.txt"], tmp_path, TEXT_ONLY) == sorted(TEXT_ONLY)
