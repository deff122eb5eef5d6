"""`veribib check --format json`: streamed to a file (never left half-written) or to stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOG = ROOT / "bib" / "blog-exosomes.txt"


def _check(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    command = [sys.executable, "-m", "veribib", "check", str(BLOG), "--offline", "--quiet"]
    command += ["--db", str(tmp_path / "db.sqlite"), "--format", "json", *extra]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env=env,
    )


def test_json_file_is_complete_and_nothing_partial_is_left(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = _check(tmp_path, "--output", str(out))
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["summary"]["total"] == len(doc["references"]) == 3
    assert sorted(p.name for p in tmp_path.iterdir() if "report" in p.name) == ["report.json"]


def test_json_to_stdout(tmp_path: Path) -> None:
    result = _check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["references"]) == 3


def test_unwritable_output_names_the_file(tmp_path: Path) -> None:
    # A missing folder is made; a path through a file cannot be.
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    out = tmp_path / "a-file" / "report.json"
    result = _check(tmp_path, "--output", str(out))
    assert result.returncode == 2
    assert str(out) in result.stderr and "Traceback" not in result.stderr
