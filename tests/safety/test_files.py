"""Nothing the user wrote is lost: outputs never replace inputs, writes are all-or-nothing,
backups are complete, modes, owners and symlinks are kept, existing outputs are not clobbered."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veribib.cli import app
from veribib.errors import ExportError
from veribib.export import export_bibtex
from veribib.export.atomic import verified_backup, write_text
from veribib.export.interface import Report

from ..export.builders import BIB, bib_document

PROJECT = Path(__file__).resolve().parents[2]
LIMIT = 8192  # bytes a process may write to any one file: a disk that fills at 8 KB


def _bib(directory: Path, pad: int = 0) -> Path:
    """The export tests' refs.bib, padded with a trailing @comment to ``pad`` extra bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "refs.bib"
    text = BIB.read_text(encoding="utf-8")
    if pad:
        text += "\n@comment{" + ("padding " * (pad // 8)) + "}\n"
    path.write_text(text, encoding="utf-8")
    return path


def _report(path: Path) -> Report:
    return Report(run_id=1, documents=(bib_document(path),))


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _full_disk_run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` where no file may grow past LIMIT bytes (writes then fail EFBIG)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    env = {**os.environ, "PYTHONPATH": f"{PROJECT / 'src'}{os.pathsep}{PROJECT}"}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, preexec_fn=limit,
        check=False,
    )  # fmt: skip


# --- 1. an output that is an input --------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "symlink", "dotted"])
def test_check_refuses_to_write_its_report_over_an_input(tmp_path: Path, how: str) -> None:
    bib = _bib(tmp_path)
    before = bib.read_bytes()
    target = {"same": bib, "symlink": tmp_path / "link.bib", "dotted": tmp_path / "." / "refs.bib"}
    if how == "symlink":
        target[how].symlink_to(bib)
    code, output = _cli(
        "check", str(bib), "-f", "json", "-o", str(target[how]), "--offline", "--db", "sqlite://"
    )
    assert code == 2, output
    assert "is one of the inputs" in output and "Traceback" not in output
    assert bib.read_bytes() == before


def test_an_empty_output_path_is_a_one_line_usage_error(tmp_path: Path) -> None:
    bib = _bib(tmp_path)
    code, output = _cli("check", str(bib), "-f", "json", "-o", "", "--offline", "--db", "sqlite://")
    assert code == 2
    assert output.strip() == "veribib: --output: empty path; name the file to write"


# --- 2. all-or-nothing writes -------------------------------------------------------------


def test_a_report_that_does_not_fit_leaves_the_old_report_whole(tmp_path: Path) -> None:
    bib = _bib(tmp_path)
    old = b'{"old": "report"}\n' * 1000  # 18 KB: an earlier, complete report
    (tmp_path / "report.json").write_bytes(old)
    big = "x" * (3 * LIMIT)
    run = _full_disk_run(
        "from pathlib import Path\n"
        "from veribib.export.atomic import write_text\n"
        f"write_text(Path('report.json'), {big!r})\n",
        tmp_path,
    )
    assert run.returncode != 0 and "report.json: cannot be written" in run.stderr
    assert (tmp_path / "report.json").read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib", "report.json"], "temp left"
    # The same through the CLI (an in-memory database, so only the report grows).
    check = _full_disk_run(
        "import sys\nfrom veribib.cli import main\n"
        f"sys.argv = ['veribib', 'check', {str(bib)!r}, '-f', 'html', '-o', 'report.json',"
        " '--offline', '--db', 'sqlite://']\nmain()\n",
        tmp_path,
    )
    assert check.returncode == 2, check.stderr
    assert check.stderr.startswith("veribib: report.json: cannot be written")
    assert len(check.stderr.strip().splitlines()) == 1
    assert (tmp_path / "report.json").read_bytes() == old


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.json"
    path.write_text("old", encoding="utf-8")

    def killed(fd: int) -> None:
        raise KeyboardInterrupt  # stands for a kill between writing and renaming

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        write_text(path, "new" * 10_000)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


# --- 3. complete, verified backups ---------------------------------------------------------


def test_in_place_on_a_full_disk_replaces_nothing_and_leaves_no_partial_backup(
    tmp_path: Path,
) -> None:
    bib = _bib(tmp_path, pad=11_000)  # 12.6 KB: the backup cannot be written whole
    before = bib.read_bytes()
    assert len(before) > LIMIT
    run = _full_disk_run(
        "from pathlib import Path\n"
        "from veribib.export import export_bibtex\n"
        "from veribib.export.interface import Report\n"
        "from tests.export.builders import bib_document\n"
        "bib = Path('refs.bib')\n"
        "report = Report(run_id=1, documents=(bib_document(bib.resolve()),))\n"
        "export_bibtex(report, bib, Path('ignored.bib'), in_place=True)\n",
        tmp_path,
    )
    assert "no complete backup could be made" in run.stderr
    assert "nothing was replaced" in run.stderr
    assert bib.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"]
    # With room again, the backup is the plain .bak (no .bak.1 beside a bad one).
    result = export_bibtex(_report(bib), bib, tmp_path / "ignored.bib", in_place=True)
    assert result.backup == tmp_path / "refs.bib.bak"
    assert result.backup.read_bytes() == before


def test_a_backup_that_reads_back_different_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = _bib(tmp_path)
    original = Path.read_bytes

    def corrupting(self: Path) -> bytes:
        data = original(self)
        return data[:-1] if self.name.endswith(".bak") else data

    monkeypatch.setattr(Path, "read_bytes", corrupting)
    with pytest.raises(ExportError, match="no complete backup"):
        verified_backup(bib)
    assert not (tmp_path / "refs.bib.bak").exists()


# --- 4. modes, owners, symlinks, umask, existing outputs ------------------------------------


def test_in_place_keeps_the_mode_and_writes_through_a_symlink(tmp_path: Path) -> None:
    real = _bib(tmp_path / "store")
    real.chmod(0o644)
    link = tmp_path / "refs.bib"
    link.symlink_to(real)
    before = real.read_bytes()
    result = export_bibtex(_report(real), link, tmp_path / "ignored.bib", in_place=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != before  # the target got the cleaned text
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    assert result.backup is not None and result.backup.read_bytes() == before
    assert stat.S_IMODE(result.backup.stat().st_mode) == 0o644


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_outputs_follow_the_users_umask(tmp_path: Path, umask: int) -> None:
    bib = _bib(tmp_path)
    old = os.umask(umask)
    try:
        result = export_bibtex(_report(bib), bib, tmp_path / "out.bib")
        write_text(tmp_path / "report.json", "{}")
    finally:
        os.umask(old)
    for path in (result.output, result.changes_file, tmp_path / "report.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


def test_a_replaced_report_keeps_its_mode(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    write_text(report, "new")
    assert stat.S_IMODE(report.stat().st_mode) == 0o640


def test_export_over_an_existing_file_needs_force_and_keeps_a_backup(tmp_path: Path) -> None:
    bib = _bib(tmp_path)
    mine = tmp_path / "mine.bib"
    mine.write_text("@misc{precious, title={Hand-written}}\n", encoding="utf-8")
    kept = mine.read_bytes()
    with pytest.raises(ExportError, match="already exists; pass --force"):
        export_bibtex(_report(bib), bib, mine)
    assert mine.read_bytes() == kept
    assert not (tmp_path / "mine.bib.changes.txt").exists()
    result = export_bibtex(_report(bib), bib, mine, force=True)
    assert result.backup == tmp_path / "mine.bib.bak"
    assert result.backup.read_bytes() == kept
    assert mine.read_bytes() != kept


def test_export_cli_refuses_an_existing_output_before_checking_anything(tmp_path: Path) -> None:
    bib = _bib(tmp_path)
    mine = tmp_path / "mine.bib"
    mine.write_text("@misc{precious, title={Hand-written}}\n", encoding="utf-8")
    kept = mine.read_bytes()
    code, output = _cli("export", str(bib), "-o", str(mine), "--offline", "--db", "sqlite://")
    assert code == 2
    assert output.strip() == (
        f"veribib: {mine}: already exists; pass --force to replace it (a backup is kept)"
    )
    assert mine.read_bytes() == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.bib", "refs.bib"]
