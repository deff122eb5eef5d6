"""Helpers shared by the live-client tests: where things are, settings, a fast retry policy."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from veribib.config import Settings
from veribib.resolve.retry import RetryPolicy

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

from standin import ModeLimits, StandIn, StandInOptions  # noqa: E402
from standin_corpus import Corpus, load_corpus  # noqa: E402

MAILTO = "tests@example.org"
# Fast but real: the same code paths, waits in milliseconds.
FAST = RetryPolicy(max_attempts=4, initial_wait=0.01, max_wait=0.05, jitter=0.01)


def shared_dir() -> Path:
    """The shared data folder: ``$VERIBIB_SHARED`` or ``<project>/../shared``."""
    root = os.environ.get("VERIBIB_SHARED")
    return Path(root) if root else PROJECT.parent / "shared"


def settings_for(server: StandIn, **overrides: Any) -> Settings:
    """Settings pointing every client at the stand-in, with a contact and short timeouts."""
    values: dict[str, Any] = {"mailto": MAILTO, "timeout": 0.5, "max_attempts": 4}
    values.update(overrides)
    return Settings(**server.service_urls(), **values).validate()


def corpus_dois(corpus: Corpus, count: int) -> list[str]:
    """The first ``count`` DOIs of the recorded Crossref works (stable order)."""
    return sorted(corpus.works)[:count]


__all__ = [
    "FAST",
    "MAILTO",
    "SCRIPTS",
    "Corpus",
    "ModeLimits",
    "StandIn",
    "StandInOptions",
    "corpus_dois",
    "load_corpus",
    "settings_for",
    "shared_dir",
]
