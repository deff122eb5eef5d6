"""Reading and writing the BibTeX export's files: exact bytes in, atomic writes out, backups."""

from __future__ import annotations

import shutil
from pathlib import Path

from veribib.errors import ExportError
from veribib.export import atomic


def read_text(path: Path) -> str:
    """A file's text exactly as stored (line endings kept); ExportError naming it if unreadable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        return data.decode("utf-8")  # a BOM stays in the text, so it is written back too
    except UnicodeDecodeError as exc:
        raise ExportError(f"{path}: is not UTF-8 text (byte {exc.start})") from exc


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (``atomic.write_text``): no half file, ever."""
    atomic.write_text(path, text)


def copy_file(source: Path, target: Path) -> None:
    """Copy bytes atomically (mode kept); ExportError naming the file on failure."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ExportError(f"{source}: cannot be read ({exc.strerror or exc})") from exc
    atomic.write_bytes(target, data)
    shutil.copymode(source, atomic.real_target(target))


backup_path = atomic.backup_path
verified_backup = atomic.verified_backup


def changes_path(output: Path) -> Path:
    """Where the list of changes goes: ``<output>.changes.txt``."""
    return output.with_name(output.name + ".changes.txt")


def fabricated_path(output: Path) -> Path:
    """Where fabricated entries are moved: ``<output stem>.fabricated.bib``."""
    return output.with_name(output.stem + ".fabricated.bib")


__all__ = [
    "backup_path",
    "changes_path",
    "copy_file",
    "fabricated_path",
    "read_text",
    "verified_backup",
    "write_text",
]
