"""A real PostgreSQL server for the tests that need one (Debian's ``postgresql``, which
``scripts/test`` installs when it runs as root): started in a temporary directory on a loopback
port, as an unprivileged user when the tests run as root, and stopped afterwards."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534


def _postgres_bin() -> Path | None:
    """The directory holding initdb and pg_ctl (PATH, then Debian's versioned directories)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(directory) / "initdb").exists() and (Path(directory) / "pg_ctl").exists():
            return Path(directory)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user() -> Callable[[], None] | None:
    """PostgreSQL refuses to run as root: drop to nobody in the child when we are root."""
    if os.geteuid() != 0:
        return None

    def drop() -> None:
        os.setgid(NOBODY)
        os.setuid(NOBODY)

    return drop


@contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server started for a test module; yields its base URL (a database name is
    appended). Skips the test when psycopg or the server binaries are missing."""
    pytest.importorskip(
        "psycopg", reason="psycopg is not installed (pip install veribib[postgres])"
    )
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip(
            "PostgreSQL (initdb, pg_ctl) is not installed; scripts/test installs it as root"
        )
    # Not under pytest's own temporary folder: that is private to us, and the server may run
    # as another user.
    root = Path(tempfile.mkdtemp(prefix="veribib-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        os.chown(root, NOBODY, NOBODY)
    user = _as_server_user()
    init = subprocess.run(
        [str(bindir / "initdb"), "-D", str(data), "-U", "veribib", "--auth=trust", "-E", "UTF8"],
        capture_output=True, text=True, preexec_fn=user, timeout=120, check=False,
    )  # fmt: skip
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[-300:]}")
    port = _free_port()
    options = f"-p {port} -k {root} -h 127.0.0.1 -F"
    ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log")]
    start = subprocess.run(
        [*ctl, "-o", options, "-w", "start"],
        capture_output=True, text=True, preexec_fn=user, timeout=120, check=False,
    )  # fmt: skip
    if start.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"PostgreSQL did not start: {start.stderr.strip()[-300:]}")
    try:
        yield f"postgresql+psycopg://veribib@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*ctl, "-m", "immediate", "-w", "stop"],
            capture_output=True, preexec_fn=user, timeout=120, check=False,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    """``VERIBIB_TEST_POSTGRESQL_URL`` when set, else a server started for this module."""
    server = os.environ.get("VERIBIB_TEST_POSTGRESQL_URL")
    if server:
        yield server
        return
    with postgres_server() as url:
        yield url + "/postgres"


@contextmanager
def fresh_database(server: str, prefix: str) -> Iterator[str]:
    """A new, empty database on ``server`` (a SQLAlchemy URL) for one test; dropped after."""
    psycopg = pytest.importorskip("psycopg")
    from sqlalchemy.engine import make_url

    url = make_url(server)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
