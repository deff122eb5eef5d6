"""Helpers for the hardening tests: shared data, settings, bibliographies, the CLI, the store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import bench_scale  # noqa: E402
from standin import DEFAULT_LIMITS, ModeLimits, StandIn, StandInOptions  # noqa: E402
from standin_corpus import Corpus, load_corpus, read_jsonl  # noqa: E402
from veribib.config import Settings  # noqa: E402

MAILTO = "hardening@example.org"
# Fast limits announced by the stand-in: these tests are about faults and state, not about the
# polite pool's 3 searches per second (tests/resolve_http covers the limits themselves).
FAST_LIMITS = dict(DEFAULT_LIMITS)
FAST_LIMITS["polite"] = ModeLimits(single=100, list=100, concurrency=3)
FAST_LIMITS["plus"] = ModeLimits(single=100, list=100, concurrency=6)


def shared_dir() -> Path:
    """The shared data folder: ``$VERIBIB_SHARED`` or ``<project>/../shared``."""
    root = os.environ.get("VERIBIB_SHARED")
    return Path(root) if root else PROJECT.parent / "shared"


def settings_for(server: StandIn, db: Path, **overrides: Any) -> Settings:
    """Settings pointing every client at the stand-in, with a contact and short timeouts."""
    values: dict[str, Any] = {"mailto": MAILTO, "timeout": 2.0, "max_attempts": 3, "db": str(db)}
    values.update(overrides)
    return Settings(**server.service_urls(), **values).validate()


def write_bibliography(directory: Path, size: int, seed: int = 2026) -> tuple[Path, Path]:
    """A realistic bibliography of real works (``scripts/bench_scale.py``) as .bib and .txt."""
    bib, txt, _ = bench_scale.write_bibliography(directory, size, seed=seed)
    return bib, txt


def cli_env(server: StandIn | None, db: Path, **extra: str) -> dict[str, str]:
    """Environment for a ``python -m veribib`` subprocess talking to the stand-in."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(db.parent),
        "VERIBIB_DB": str(db),
        "VERIBIB_MAILTO": MAILTO,
        "VERIBIB_TIMEOUT": "2",
        "VERIBIB_MAX_ATTEMPTS": "2",
        "COLUMNS": "200",
    }
    if server is not None:
        for name, url in server.service_urls().items():
            env[f"VERIBIB_{name.upper()}"] = url
    env.update(extra)
    return env


def cli_command(*args: str) -> list[str]:
    """The command line of ``python -m veribib ARGS`` with this interpreter."""
    return [sys.executable, "-m", "veribib", *args]


def run_cli(
    args: Sequence[str], env: dict[str, str], cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the CLI to completion and capture its output."""
    return subprocess.run(
        cli_command(*args), capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
    )


def table_counts(db: Path) -> dict[str, int]:
    """Rows per table of a SQLite file."""
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


def request_key(
    service: str, path: str, query: str
) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """A request's identity as the stand-in logged it, without the mailto parameter."""
    pairs = tuple(
        sorted((k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "mailto")
    )
    return service, unquote(path), pairs


def stored_url_key(
    url: str, bases: dict[str, str]
) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
    """The same identity for a URL the store recorded (None for a base we do not know)."""
    for service, base in bases.items():
        if url.startswith(base + "/") or url.startswith(base + "?"):
            split = urlsplit(url)
            path = unquote(split.path)[len(urlsplit(base).path) :]
            return request_key(service, path, split.query)
    return None


def service_bases(server: StandIn) -> dict[str, str]:
    """Stand-in service name -> base URL as the clients are configured with it."""
    return {
        "crossref": server.crossref_url,
        "doi": server.doi_url,
        "datacite": server.datacite_url,
        "ctgov": server.ctgov_url,
    }


__all__ = [
    "FAST_LIMITS",
    "MAILTO",
    "Corpus",
    "StandIn",
    "StandInOptions",
    "cli_command",
    "cli_env",
    "load_corpus",
    "read_jsonl",
    "request_key",
    "run_cli",
    "service_bases",
    "settings_for",
    "shared_dir",
    "stored_url_key",
    "table_counts",
    "write_bibliography",
]
