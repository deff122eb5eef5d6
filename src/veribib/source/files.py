"""An input's bytes, read within the size limit (no reader needed: a warm run whose inputs
were parsed before reads only this)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from veribib.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"
STDIN_NAME = "<stdin>"


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes (``"-"``: stdin), or ``InputError`` naming it: missing, unreadable, a
    directory, or over ``max_bytes``."""
    path = os.fspath(path)
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(STDIN_NAME, f"input over the {mb(max_bytes)} limit")
        return data
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(path, "is a directory, not a file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {mb(size)}, over the {mb(max_bytes)} limit")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(path, f"file is over the {mb(max_bytes)} limit")
    return data


def mb(size: int) -> str:
    """A size in megabytes, for messages."""
    return f"{size / (1024 * 1024):.1f} MB"


__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "STDIN_NAME", "mb", "read_bytes"]
