"""Reading and writing the BibTeX export's files: exact bytes in, atomic writes out, backups."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from veribib.errors import ExportError


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
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves no half file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def copy_file(source: Path, target: Path) -> None:
    """Copy bytes and timestamps (a backup); ExportError naming the file on failure."""
    try:
        shutil.copy2(source, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot be written ({exc.strerror or exc})") from exc


def backup_path(path: Path) -> Path:
    """The first free name among ``<path>.bak``, ``<path>.bak.1``, ``<path>.bak.2`` ..."""
    candidate = path.with_name(path.name + ".bak")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def changes_path(output: Path) -> Path:
    """Where the list of changes goes: ``<output>.changes.txt``."""
    return output.with_name(output.name + ".changes.txt")


def fabricated_path(output: Path) -> Path:
    """Where fabricated entries are moved: ``<output stem>.fabricated.bib``."""
    return output.with_name(output.stem + ".fabricated.bib")


__all__ = ["backup_path", "changes_path", "copy_file", "fabricated_path", "read_text", "write_text"]
