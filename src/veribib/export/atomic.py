"""Every file veribib writes goes through here: all or nothing, and the user's file stays theirs.

The bytes go to a temporary file in the target's own directory (so the rename cannot cross file
systems), are fsynced, get the mode and owner of the file they replace (or the user's umask for a
new file), and are renamed over the target; a full disk or a kill at any moment leaves either the
old file or the new one, never half of either. A symlink is written through to its target, so
the link stays a link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from veribib.errors import ExportError

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (read by setting it and putting it straight back)."""
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def real_target(path: Path) -> Path:
    """Where writing ``path`` must land: the final target of a symlink chain, else ``path``."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name the same file once symlinks are resolved (or are one inode)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return Path(os.path.realpath(a)) == Path(os.path.realpath(b))
    except OSError:
        return False


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextlib.contextmanager
def writing(path: Path) -> Iterator[BinaryIO]:
    """A file handle whose bytes replace ``path`` atomically when the block ends (see the
    module docstring): for outputs written as they are built (a streamed report).

    Raises ``ExportError`` naming the file when it cannot be written; the old file is then intact.
    """
    target = real_target(path)
    if str(path) in ("", ".") or target.is_dir():
        raise ExportError(f"{path or repr(str(path))}: is a directory, not a file to write")
    directory = target.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({_why(exc)})") from exc
    try:
        try:
            old = os.stat(target)
        except FileNotFoundError:
            old = None
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if old is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(old.st_mode))
                if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                    # Only root (or a group member) can give the file back; try, never fail on it.
                    with contextlib.suppress(OSError):
                        os.fchown(handle.fileno(), old.st_uid, old.st_gid)
            else:
                os.fchmod(handle.fileno(), 0o666 & ~current_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(f"{path}: cannot be written ({_why(exc)}); left as it was") from exc
        raise
    _sync_directory(directory)


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see the module docstring); returns the file written.

    Raises ``ExportError`` naming the file when it cannot be written; the old file is then intact.
    """
    with writing(path) as handle:
        handle.write(data)
    return real_target(path)


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (line endings as given) atomically; see ``write_bytes``."""
    return write_bytes(path, text.encode("utf-8"))


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (best effort: some file systems refuse a directory fd)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_path(path: Path) -> Path:
    """The first free name among ``<path>.bak``, ``<path>.bak.1``, ``<path>.bak.2`` ..."""
    candidate = path.with_name(path.name + ".bak")
    n = 1
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def verified_backup(path: Path) -> Path:
    """A complete, verified copy of ``path`` beside it; ExportError (nothing kept) if impossible.

    The copy is written atomically with the original's mode, read back and compared byte for
    byte, so a full disk can never leave a partial backup that looks like a real one.
    """
    source = real_target(path)
    try:
        original = source.read_bytes()
        mode = stat.S_IMODE(os.stat(source).st_mode)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read to back it up ({_why(exc)})") from exc
    backup = backup_path(source)
    try:
        # Created with the original's mode, not the umask's: a backup is as private as its file.
        write_bytes(backup, original)
        os.chmod(backup, mode)
        if backup.read_bytes() != original:
            raise OSError(0, "the copy read back differs from the original")
    except (OSError, ExportError) as exc:
        with contextlib.suppress(OSError):
            backup.unlink()
        why = _why(exc) if isinstance(exc, OSError) else str(exc)
        raise ExportError(
            f"{path}: no complete backup could be made ({why}); nothing was replaced"
        ) from exc
    return backup


__all__ = [
    "backup_path",
    "current_umask",
    "real_target",
    "same_file",
    "verified_backup",
    "write_bytes",
    "write_text",
]
