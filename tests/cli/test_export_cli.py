"""`veribib export` from the command line: cleaned file, change list, backups, input untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import bibtexparser

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "bib" / "snapshot" / "seed-works.jsonl"
BIB = ROOT / "tests" / "export" / "data" / "refs.bib"


def _export(tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable, "-m", "veribib", "export", "refs.bib", "--offline",
            "--snapshot", str(SNAPSHOT), "--db", "db.sqlite", *extra,
        ],
        capture_output=True, text=True, cwd=tmp, timeout=300, check=False,
    )  # fmt: skip


def test_export_writes_cleaned_file_and_leaves_input(tmp_path: Path) -> None:
    shutil.copy(BIB, tmp_path / "refs.bib")
    before = (tmp_path / "refs.bib").read_bytes()
    result = _export(tmp_path, "-o", "cleaned.bib")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "refs.bib").read_bytes() == before
    cleaned = (tmp_path / "cleaned.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(cleaned)
    assert not library.failed_blocks
    assert "10.3390/ijms241713043" in cleaned  # DOI added to the verified Anitua entry
    changes = (tmp_path / "cleaned.bib.changes.txt").read_text(encoding="utf-8")
    assert "xing2020emerging: year 2021 → 2020" in changes


def test_in_place_keeps_a_backup(tmp_path: Path) -> None:
    shutil.copy(BIB, tmp_path / "refs.bib")
    before = (tmp_path / "refs.bib").read_bytes()
    result = _export(tmp_path, "-o", "ignored.bib", "--in-place")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "refs.bib.bak").read_bytes() == before
    assert (tmp_path / "refs.bib").read_bytes() != before
