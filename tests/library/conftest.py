"""Fixtures for the library tests: three documents, the stand-in registries, the CLI."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from veribib.cli import app

from ..pgserver import pg_server  # noqa: F401  (the PostgreSQL fixture, for test_postgresql)

PROJECT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
if str(PROJECT / "scripts") not in sys.path:
    sys.path.insert(0, str(PROJECT / "scripts"))

from standin import DEFAULT_LIMITS, ModeLimits, StandIn, StandInOptions  # noqa: E402
from standin_corpus import Corpus, load_corpus, shared_data_dir  # noqa: E402

# These tests are about the library, not Crossref's polite pool: fast limits.
FAST = dict(DEFAULT_LIMITS)
FAST["polite"] = ModeLimits(single=100, list=100, concurrency=3)
DOCUMENTS = ("refs.bib", "apa.txt", "vancouver.txt")


@dataclass
class World:
    """A folder with the three documents, a stand-in, and the CLI pointed at both."""

    root: Path
    server: StandIn
    env: dict[str, str]

    def doc(self, name: str) -> str:
        """The path of a document as the commands are given it."""
        return str(self.root / name)

    def run(self, *args: str) -> Result:
        """`veribib ARGS` in this process, against the stand-in and this world's database."""
        return CliRunner().invoke(app, list(args), env=self.env, catch_exceptions=False)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The recorded Crossref works, loaded once."""
    data = shared_data_dir()
    if not (data / "crossref" / "works-2026-06.jsonl").is_file():
        pytest.skip(f"shared data not found under {data}")
    return load_corpus(data)


@pytest.fixture
def world(tmp_path: Path, corpus: Corpus) -> Iterator[World]:
    """Three documents citing overlapping works, a stand-in, and an empty library."""
    for name in DOCUMENTS:
        shutil.copy(DATA / name, tmp_path / name)
    server = StandIn(StandInOptions(limits=FAST, max_seconds=300.0), corpus=corpus).start()
    env = {
        **{f"VERIBIB_{k.upper()}": v for k, v in server.service_urls().items()},
        "VERIBIB_MAILTO": "library-tests@example.org",
        "VERIBIB_DB": str(tmp_path / "library.sqlite"),
        "VERIBIB_TIMEOUT": "2",
        "VERIBIB_MAX_ATTEMPTS": "2",
        "COLUMNS": "200",
    }
    try:
        yield World(tmp_path, server, env)
    finally:
        server.stop()


@pytest.fixture
def checked(world: World) -> Callable[..., Result]:
    """Check documents of the world (all three by default) and assert the run worked."""

    def run(*names: str) -> Result:
        result = world.run("check", *(world.doc(n) for n in names or DOCUMENTS), "-q")
        assert result.exit_code == 0, result.output
        return result

    return run
