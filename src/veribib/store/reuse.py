"""Judgements reused on a warm run: a reference judged before, on cached answers that have not
changed since, is neither resolved nor judged again.

A judgement is stored under a key made of the parsed reference (all of it: its id, position,
fields and identifiers), the settings that change what is asked or how it is judged, the day
(the judge's "future date" check) and a digest of the code that resolves and judges (veribib's
version, the sources of ``judge``, ``resolve`` and the modules they use, and the installed word
lists and matchers they load). Beside it is kept the run that judged it; that run recorded every
cached answer its lookups read or wrote (URL, when fetched, when it expires). A stored judgement
is reused only while every one of those answers is still the one in the cache and unexpired,
and every URL that had no answer still has none: an answer fetched again, expired or deleted, a
miss since filled, or an answer the run could not cache (an outage, a refusal, an answer the
cache never serves again) makes every judgement of that run stale. The whole run's answers are
more than one reference depends on, so this errs on judging again, never on keeping a verdict
whose evidence changed. Only judgements made without an outage are stored (an outage is asked
again on the next run).

The two tables are a cache beside the versioned schema (SQLite files only; made when first
used): deleting them loses nothing but time. A run that judged anything deletes the judgements
of runs gone stale; those kept under another day, setting or code stay until their answers
expire (30 days at most).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import orjson

from veribib import __version__
from veribib.config import Settings
from veribib.model import Judgement, Reference
from veribib.store.db import INVALID, MISS, dumps
from veribib.store.jsonload import load

# Bump when what a stored judgement means changes in a way the sources below do not show.
REUSE_VERSION = 1

_PACKAGE = Path(__file__).resolve().parent.parent
# Code whose change may change a resolution or a judgement of the same reference and answers.
_SOURCES = (
    "judge",
    "resolve",
    "model.py",
    "config.py",
    "errors.py",
    "pipeline.py",
    "reference/identifiers.py",
    "reference/registries.py",
    "__init__.py",
    # how a judgement is stored, keyed and read back
    "store/reuse.py",
    "store/db.py",
    "store/jsonload.py",
)
# Installed packages the judge and resolver take data or scores from.
_PACKAGES = ("wordfreq", "snowballstemmer", "rapidfuzz")
# Settings that change neither what is asked nor how it is judged: where things are kept,
# the exit policy, and limits whose only effect is an outage (never stored for reuse).
_NOT_JUDGING = frozenset(
    (
        "db",
        "cache_dir",
        "config_file",
        "fail_on",
        "ignore",
        "timeout",
        "max_attempts",
        "deadline",
        "refresh",
    )
)
_SECRETS = frozenset(("crossref_token", "ncbi_api_key", "openalex_api_key"))

_CREATE = (
    "CREATE TABLE IF NOT EXISTS judged (key TEXT NOT NULL PRIMARY KEY, run_id INTEGER NOT NULL, "
    "judgement TEXT NOT NULL, reached TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_judged_run_id ON judged (run_id)",
    "CREATE TABLE IF NOT EXISTS judged_read (run_id INTEGER NOT NULL, url TEXT NOT NULL, "
    "fetched_at REAL NOT NULL, expires_at REAL NOT NULL, PRIMARY KEY (run_id, url))",
)
# The runs (of those asked) with an answer that is no longer the one they read: re-fetched,
# expired or gone; for a miss nothing filled (MISS), an answer stored since.
_STALE_RUNS = (
    "SELECT DISTINCT rr.run_id FROM judged_read AS rr LEFT JOIN response AS r ON r.url = rr.url "
    "WHERE rr.run_id IN (SELECT value FROM json_each(?)) AND CASE WHEN rr.fetched_at = ? "
    "THEN r.url IS NOT NULL ELSE (r.fetched_at IS NULL OR r.fetched_at != rr.fetched_at "
    "OR rr.expires_at <= ?) END"
)


def _tree_digest(h: hashlib._Hash, path: Path) -> None:
    """Add the bytes of a source file, or of every file under a directory, to ``h``."""
    if path.is_file():
        h.update(path.name.encode() + b"\0" + path.read_bytes())
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith((".pyc", ".pyo")):
                _tree_digest(h, Path(root) / name)


def package_digest(sources: Sequence[str], packages: Sequence[str], salt: str) -> str:
    """A digest of veribib's version, the named source files or folders (their bytes) and the
    installed packages (their module file's path, size and time), with ``salt``."""
    h = hashlib.sha256(f"{__version__}\0{salt}\0".encode())
    for name in sources:
        _tree_digest(h, _PACKAGE / name)
    for package in packages:
        # The installed module's file and its stat: a re-install or upgrade changes it,
        # without importing the package (wordfreq alone costs 0.1 s).
        spec = importlib.util.find_spec(package)
        origin = spec.origin if spec is not None else None
        if origin:
            stat = os.stat(origin)
            h.update(f"{package}\0{origin}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        else:
            h.update(f"{package}\0absent\0".encode())
    return h.hexdigest()


def code_digest() -> str:
    """What identifies the resolving and judging code: sources, version, packages used."""
    return package_digest(_SOURCES, _PACKAGES, f"judged {REUSE_VERSION}")


def settings_digest(settings: Settings) -> str:
    """The settings that matter to a judgement, as text (secrets only as present or not)."""
    parts: dict[str, object] = {}
    for f in fields(settings):
        if f.name in _NOT_JUDGING:
            continue
        value = getattr(settings, f.name)
        parts[f.name] = bool(value) if f.name in _SECRETS else value
    return dumps(parts)


def reusable(settings: Settings) -> bool:
    """Whether judgements may be reused at all: not when refreshing, nor with local snapshots
    (their files are read outside the response cache)."""
    return not settings.refresh and not settings.snapshots


@dataclass(frozen=True, slots=True)
class Reused:
    """A stored judgement found still valid, and the sources its lookups reached."""

    judgement: Judgement
    reached: tuple[str, ...]


class JudgementLedger:
    """The stored judgements of one SQLite file, keyed for one run's settings, day and code."""

    def __init__(self, db: sqlite3.Connection, settings: Settings, today: date) -> None:
        self.db = db
        self._context = "\0".join(
            (code_digest(), settings_digest(settings), today.isoformat())
        ).encode()
        # A database that cannot take the tables (read-only, full) keeps nothing: the run's
        # own writes report what is wrong with it.
        self.usable = True
        try:
            with db:
                for statement in _CREATE:
                    db.execute(statement)
        except sqlite3.Error:
            self.usable = False

    def key(self, ref: Reference) -> str:
        """The key of a reference's judgement in this run's context."""
        return hashlib.sha256(self._context + dumps(ref).encode("utf-8")).hexdigest()

    def lookup(self, refs: Sequence[Reference], now: float | None = None) -> dict[str, Reused]:
        """The still valid stored judgements of these references, by reference id."""
        keys = {self.key(r): r.id for r in refs}
        if not keys or not self.usable:
            return {}
        try:
            rows = self.db.execute(
                "SELECT key, run_id, judgement, reached FROM judged "
                "WHERE key IN (SELECT value FROM json_each(?))",
                (json.dumps(list(keys)),),
            ).fetchall()
            stale = self._stale(sorted({int(run_id) for _, run_id, _, _ in rows}), now)
        except sqlite3.Error:
            return {}
        out: dict[str, Reused] = {}
        for key, run_id, body, reached in rows:
            if int(run_id) in stale:
                continue
            judgement = load(Judgement, orjson.loads(body))
            out[keys[key]] = Reused(judgement, tuple(json.loads(reached)))
        return out

    def save(
        self,
        run_id: int,
        judged: Iterable[tuple[Reference, Judgement, Iterable[str]]],
        reads: Mapping[str, tuple[float, float]],
    ) -> None:
        """Store judgements made in this run (without an outage), and the answers it read."""
        if not self.usable:
            return
        rows = [
            (self.key(ref), run_id, dumps(judgement), json.dumps(sorted(set(reached))))
            for ref, judgement, reached in judged
        ]
        try:
            self._save(run_id, rows, reads)
        except sqlite3.Error:
            self.usable = False

    def _save(
        self,
        run_id: int,
        rows: list[tuple[str, int, str, str]],
        reads: Mapping[str, tuple[float, float]],
    ) -> None:
        with self.db as db:
            db.executemany(
                "INSERT OR REPLACE INTO judged (key, run_id, judgement, reached) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )
            db.executemany(
                "INSERT OR REPLACE INTO judged_read (run_id, url, fetched_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                [(run_id, url, fetched, expires) for url, (fetched, expires) in reads.items()],
            )

    def prune(self, now: float | None = None) -> None:
        """Forget the judgements of runs whose answers changed or expired (they are never
        reused again, whatever the key), and the answers no stored judgement depends on."""
        if not self.usable:
            return
        try:
            runs = [int(r) for (r,) in self.db.execute("SELECT DISTINCT run_id FROM judged")]
            stale = self._stale(runs, now)
            with self.db as db:
                db.execute(
                    "DELETE FROM judged WHERE run_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(sorted(stale)),),
                )
                db.execute(
                    "DELETE FROM judged_read WHERE run_id NOT IN "
                    "(SELECT DISTINCT run_id FROM judged)"
                )
        except sqlite3.Error:
            self.usable = False

    def _stale(self, runs: Sequence[int], now: float | None) -> set[int]:
        """Those of ``runs`` with an answer that is no longer the one they read."""
        found = self.db.execute(
            _STALE_RUNS, (json.dumps(list(runs)), MISS[0], time.time() if now is None else now)
        )
        return {int(run_id) for (run_id,) in found}


__all__ = [
    "INVALID",
    "MISS",
    "REUSE_VERSION",
    "JudgementLedger",
    "Reused",
    "code_digest",
    "package_digest",
    "reusable",
    "settings_digest",
]
