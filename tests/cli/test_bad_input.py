"""Unreadable input exits 2 with one line naming the file, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "veribib", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd)},
    )


@pytest.mark.parametrize("kind", ["missing", "binary", "empty"])
def test_check_exits_2_naming_the_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.bib"
    if kind == "binary":
        target.write_bytes(bytes(range(256)) * 64)
    elif kind == "empty":
        target.write_bytes(b"")
    result = _run(
        "check", str(target), "--offline", "--db", str(tmp_path / "db.sqlite"), cwd=tmp_path
    )
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert str(target) in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_option_is_usage_error(tmp_path: Path) -> None:
    result = _run("check", "--no-such-option", cwd=tmp_path)
    assert result.returncode == 2


def test_bad_fail_on_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = _run("check", str(tmp_path / "a.txt"), "--fail-on", "nonsense", cwd=tmp_path)
    assert result.returncode == 2
    assert "--fail-on" in result.stderr
