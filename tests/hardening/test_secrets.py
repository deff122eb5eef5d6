"""The Crossref Plus token goes to Crossref only and shows up in no log, report, store or error."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from veribib.config import load_settings
from veribib.export import render
from veribib.export.interface import OutputFormat
from veribib.pipeline import check

from .support import StandIn, cli_env, run_cli, write_bibliography

TOKEN = "tok-S3CRET-9f8e7d6c5b4a"
EXTRA = """
@article{elsewhere,
  author = {Nobody, Nemo},
  title = {A work whose DOI Crossref does not hold},
  journal = {Journal of Nowhere},
  year = {2021},
  doi = {10.5555/not-in-crossref-123}
}

@misc{arxiv,
  author = {Someone, Sam},
  title = {A preprint registered at DataCite},
  year = {2019},
  doi = {10.48550/arxiv.1902.02534}
}

@misc{trial,
  author = {{Access to Advanced Health Institute}},
  title = {Phase 1 Clinical Trial of Single-Vial ID93 + GLA-SE in Healthy Adults},
  year = {2018},
  note = {ClinicalTrials.gov Identifier: NCT03722472}
}
"""


def _bibliography(directory: Path) -> Path:
    bib, _ = write_bibliography(directory, 12, seed=11)
    bib.write_text(bib.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    return bib


def _files_bytes(db: Path) -> bytes:
    """The SQLite file and its WAL/shared-memory companions, as bytes."""
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))


def _env_settings(server: StandIn, db: Path) -> dict[str, str]:
    return cli_env(server, db, VERIBIB_CROSSREF_TOKEN=TOKEN)


def test_token_is_sent_to_crossref_only_and_kept_out_of_everything(
    tmp_path: Path, standin: Callable[..., StandIn], caplog: pytest.LogCaptureFixture
) -> None:
    server = standin()
    bib = _bibliography(tmp_path / "in")
    db = tmp_path / "db.sqlite"
    settings = load_settings(directory=tmp_path, environ=_env_settings(server, db))
    assert settings.crossref_token == TOKEN
    assert TOKEN not in repr(settings)
    with caplog.at_level(logging.DEBUG):
        report = check([bib], settings)

    summary = server.counters.summary()
    for service in ("crossref", "doi", "ctgov", "datacite"):
        assert summary["requests"].get(service, 0) >= 1, (service, summary["requests"])
    assert summary["token_seen"] == {"crossref": summary["requests"]["crossref"]}

    assert TOKEN not in caplog.text
    for fmt in OutputFormat:
        assert TOKEN not in render(report, fmt), fmt
    assert TOKEN.encode() not in _files_bytes(db)
    assert not [e for c in report.references for e in c.judgement.evidence if TOKEN in e.message]


def test_token_stays_out_of_verbose_cli_output_and_report_files(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    server = standin()
    bib = _bibliography(tmp_path / "in")
    db = tmp_path / "db.sqlite"
    env = _env_settings(server, db)
    out = tmp_path / "report.html"
    result = run_cli(["--verbose", "check", str(bib), "-f", "html", "-o", str(out)], env, tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert "INFO" in result.stderr  # --verbose did log
    assert TOKEN not in result.stdout + result.stderr
    assert TOKEN not in out.read_text(encoding="utf-8")
    assert TOKEN.encode() not in _files_bytes(db)
    assert server.counters.summary()["token_seen"].keys() == {"crossref"}


def test_token_stays_out_of_the_error_when_crossref_refuses(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    server = standin(faults=[("/works", "403")])
    bib = _bibliography(tmp_path / "in")
    db = tmp_path / "db.sqlite"
    result = run_cli(["--verbose", "check", str(bib), "-q"], _env_settings(server, db), tmp_path)
    assert result.returncode == 3, result.stdout[-1000:] + result.stderr
    assert "403" in result.stderr
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stdout + result.stderr
    assert TOKEN.encode() not in _files_bytes(db)
