"""Helpers of the registry tests: the stand-in modules, settings, running a bibliography."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from standin import StandIn, StandInOptions
from standin_corpus import Corpus, load_corpus, read_jsonl
from standin_services import (
    ServiceLimits,
    ServicesData,
    arxiv_record,
    dblp_record,
    openalex_record,
    pubmed_record,
)
from tests.resolve_http.support import MAILTO, shared_dir
from veribib import check
from veribib.config import Settings
from veribib.export.interface import Report


def settings_for(server: StandIn, tmp: Path, **overrides: Any) -> Settings:
    """Settings pointing every client (the new registries too) at the stand-in."""
    values: dict[str, Any] = {
        "mailto": MAILTO,
        "timeout": 2.0,
        "max_attempts": 3,
        "db": str(tmp / "veribib.sqlite"),
        "cache_dir": str(tmp / "cache"),
    }
    values.update(overrides)
    return Settings(**{**server.service_urls(), **values}).validate()


def run(bibtex: str, server: StandIn, tmp: Path, **overrides: Any) -> dict[str, Any]:
    """Check a BibTeX text through the whole pipeline; verdicts by BibTeX key."""
    path = tmp / "refs.bib"
    path.write_text(bibtex, encoding="utf-8")
    report: Report = check([path], settings_for(server, tmp, **overrides))
    return {c.reference.raw.key: c.judgement for c in report.references}


__all__ = [
    "Corpus",
    "ServiceLimits",
    "ServicesData",
    "StandIn",
    "StandInOptions",
    "arxiv_record",
    "dblp_record",
    "load_corpus",
    "openalex_record",
    "pubmed_record",
    "read_jsonl",
    "run",
    "settings_for",
    "shared_dir",
]
