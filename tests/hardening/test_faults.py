"""Registry faults never turn into "fabricated": a fault may only make a verdict unresolved."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from veribib.config import Settings
from veribib.export.interface import Report
from veribib.model import Verdict
from veribib.pipeline import check

from .support import MAILTO, StandIn, cli_env, run_cli, settings_for, write_bibliography

KINDS = ("503", "drop", "slow", "malformed", "truncated", "html200")
SUMMARY = re.compile(r"(\d+) lookups?\s+failed")


def _verdicts(report: Report) -> dict[str, Verdict]:
    return {c.reference.id: c.judgement.verdict for c in report.references}


def _assert_only_unresolved_changes(baseline: Report, faulted: Report) -> int:
    """Every verdict is the fault-free one or unresolved; returns how many changed."""
    before, after = _verdicts(baseline), _verdicts(faulted)
    assert before.keys() == after.keys()
    changed = {k: (before[k], after[k]) for k in before if before[k] is not after[k]}
    bad = {k: v for k, v in changed.items() if v[1] is not Verdict.UNRESOLVED}
    assert bad == {}
    return len(changed)


def test_one_in_five_answers_faulty_of_every_kind_makes_nothing_fabricated(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    bib, _ = write_bibliography(tmp_path / "in", 60)
    baseline = check([bib], settings_for(standin(), tmp_path / "clean.sqlite"))
    assert baseline.failed_lookups == 0
    assert len(baseline.references) == 60

    # One in five: the request plan asks so little that one in ten may hit only two lookups.
    server = standin(fault_rate=0.2, fault_kinds=KINDS, slow_seconds=1.0, seed=3)
    # One attempt each: a fault is not retried away, so it must reach the verdicts unharmed.
    settings = settings_for(server, tmp_path / "faulty.sqlite", max_attempts=1, timeout=0.3)
    report = check([bib], settings)
    faults = server.counters.summary()["faults"]
    assert sum(faults.values()) >= 3, faults
    assert report.failed_lookups >= 1
    _assert_only_unresolved_changes(baseline, report)

    # With retries the same faults are recovered: every verdict is the fault-free one.
    # One in five: the request plan asks so little that one in ten may hit only two lookups.
    server = standin(fault_rate=0.2, fault_kinds=KINDS, slow_seconds=1.0, seed=3)
    settings = settings_for(server, tmp_path / "retry.sqlite", max_attempts=3, timeout=0.3)
    recovered = check([bib], settings)
    assert sum(server.counters.summary()["faults"].values()) >= 3
    assert recovered.failed_lookups == 0
    assert _verdicts(recovered) == _verdicts(baseline)


@pytest.mark.parametrize("kind", KINDS)
def test_each_fault_kind_alone_fails_lookups_as_unresolved(
    kind: str, tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    # Small: with every answer faulted the client never hears the stand-in's fast limits and
    # paces its searches at Crossref's documented polite 3/s.
    bib, _ = write_bibliography(tmp_path, 5, seed=5)
    server = standin(fault_rate=1.0, fault_kinds=(kind,), slow_seconds=1.0)
    settings = settings_for(server, tmp_path / "db.sqlite", max_attempts=1, timeout=0.3)
    report = check([bib], settings)
    assert server.counters.summary()["faults"].get(kind, 0) >= 1
    assert report.failed_lookups >= 1
    verdicts = set(_verdicts(report).values())
    assert verdicts == {Verdict.UNRESOLVED}, verdicts


def test_cli_summary_line_counts_failed_lookups(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    bibliography, _ = write_bibliography(tmp_path / "in", 30)
    server = standin(faults=[("query.bibliographic", "html200"), ("filter=doi", "malformed")])
    env = cli_env(server, tmp_path / "db.sqlite", VERIBIB_MAX_ATTEMPTS="1")
    result = run_cli(["check", str(bibliography), "-q"], env, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    found = SUMMARY.search(result.stdout)
    assert found, result.stdout[-2000:]
    # The DOI batch failed for every DOI in it, and one search failed.
    assert int(found.group(1)) >= 2


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_registries_down_everything_unresolved_nothing_fabricated(tmp_path: Path) -> None:
    # Small for the same reason: nothing answers, so the client keeps the polite 3/s pace.
    bib, _ = write_bibliography(tmp_path / "in", 6, seed=9)
    base = f"http://127.0.0.1:{_closed_port()}"
    urls = {
        "crossref_url": base + "/crossref",
        "doi_url": base + "/doi",
        "datacite_url": base + "/datacite",
        "ctgov_url": base + "/ctgov/api/v2",
    }
    settings = Settings(
        **urls, mailto=MAILTO, timeout=1.0, max_attempts=1, db=str(tmp_path / "down.sqlite")
    ).validate()
    report = check([bib], settings)
    assert set(_verdicts(report).values()) == {Verdict.UNRESOLVED}
    assert report.failed_lookups >= 1

    env = cli_env(None, tmp_path / "cli.sqlite", VERIBIB_MAX_ATTEMPTS="1")
    env.update({f"VERIBIB_{k.upper()}": v for k, v in urls.items()})
    result = run_cli(["check", str(bib), "-q"], env, cwd=tmp_path)
    # Nothing could be reached: its own exit code (4), never a pass and never "fabricated".
    assert result.returncode == 4, result.stdout[-2000:] + result.stderr
    assert "no registry could be reached" in result.stderr
    assert "Traceback" not in result.stderr
    found = SUMMARY.search(result.stdout)
    assert found and int(found.group(1)) >= 1, result.stdout[-1000:]
    assert re.search(r"6 references: .*6 unresolved, 0 fabricated", result.stdout), result.stdout


def test_a_registry_that_never_answers_is_not_asked_for_every_search(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    from veribib.resolve.resolver import DOWN_AFTER

    bib, _ = write_bibliography(tmp_path, 40, seed=4)
    server = standin(fault_rate=1.0, fault_kinds=("503",))
    settings = settings_for(server, tmp_path / "db.sqlite", max_attempts=1)
    report = check([bib], settings)
    assert set(_verdicts(report).values()) == {Verdict.UNRESOLVED}
    searches = [
        r for r in server.requests_to("crossref") if r.path == "/works" and "query." in r.query
    ]
    # The DOI batch and DOWN_AFTER searches fail, plus those already under way (concurrency 4);
    # the other ~50 searches and locator look-ups of the list are not sent.
    assert len(searches) <= DOWN_AFTER + 4
    assert report.failed_lookups >= 40
