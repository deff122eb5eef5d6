"""A hostile registry (``scripts/hostile.py``) is never evidence: for every attack, no wrong
verdict, no hang beyond the deadline, no lost byte, no leaked token, nothing bad cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..hardening.support import SCRIPTS, Corpus

assert SCRIPTS  # scripts/ is on sys.path once the hardening support is imported
import hostile  # noqa: E402

# Bounds per attack: each run (check, then export) must end well within these seconds.
BOUNDS = {
    "inject-doi": 30,
    "control-title": 30,
    "garbled-types": 30,
    "doi-500": 30,
    "foreign-404": 30,
    "retry-after": 15,
    "retry-date": 15,
    "drip": 15,  # a body a byte every 0.5 s, against a 3 s run deadline per command
    "gzip-bomb": 30,
    "huge-body": 30,
    "echo-token": 30,
    "unreachable": 30,
    "ctgov-404": 30,  # ClinicalTrials.gov answering a plain 404 to everything (a proxy)
}
NOT_CRAWLED: set[str] = set()
# Attacks on what gets written: these also run `export` and check the cleaned .bib.
WRITES = {"inject-doi", "control-title", "garbled-types", "doi-500", "foreign-404", "echo-token"}


@pytest.fixture(scope="module")
def honest(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The verdicts of the hostile bibliography when every registry is honest."""
    verdicts = hostile.honest_verdicts(tmp_path_factory.mktemp("honest"), corpus)
    # The baseline itself: real works verified, the two wrong DOIs inaccurate.
    assert [k for k, v in verdicts.items() if v == "inaccurate" and k.endswith("w")], verdicts
    return verdicts


def test_every_mode_has_a_bound_or_is_named_as_left_out() -> None:
    assert set(BOUNDS) | NOT_CRAWLED == set(hostile.MODES)


@pytest.mark.parametrize("mode", sorted(BOUNDS))
def test_attack_gives_no_wrong_verdict_hang_loss_or_leak(
    mode: str, corpus: Corpus, honest: dict[str, str], tmp_path: Path
) -> None:
    result = hostile.run_attack(
        mode,
        tmp_path,
        corpus,
        honest,
        attempts=1,
        timeout=1.0,
        deadline=3.0 if mode == "drip" else 20.0,
        export=mode in WRITES,
    )
    assert result.wrong == [], result.wrong
    assert result.seconds < BOUNDS[mode], result.seconds
    assert result.lost_bytes == 0
    assert result.leaks == []
    assert result.cached_bad == 0
    assert result.reparses
    assert sum(result.verdicts.values()) == len(honest)
    assert "fabricated" not in result.verdicts
    if mode == "unreachable":
        # Nothing answered: one line naming what could not be reached, and exit 4.
        assert result.exit_code == 4
        assert result.message.startswith("veribib: no registry could be reached: crossref (http")
        assert set(result.verdicts) == {"unresolved"}


def test_doi_org_down_never_verifies_a_wrong_doi(
    corpus: Corpus, honest: dict[str, str], tmp_path: Path
) -> None:
    import json

    hostile.run_attack("doi-500", tmp_path, corpus, honest, attempts=1, timeout=1.0, export=False)
    report = json.loads((tmp_path / "doi-500.json").read_text(encoding="utf-8"))
    wrong = {r["key"]: r["verdict"] for r in report["references"] if r["key"].endswith("w")}
    assert len(wrong) == 2
    assert set(wrong.values()) <= {"inaccurate", "unresolved"}, wrong


def test_injected_values_never_reach_the_cleaned_bibtex(
    corpus: Corpus, honest: dict[str, str], tmp_path: Path
) -> None:
    hostile.run_attack("inject-doi", tmp_path, corpus, honest, attempts=1, timeout=1.0)
    text = (tmp_path / "inject-doi.bib").read_text(encoding="utf-8")
    assert "evil2" not in text and "inj" not in text
    assert hostile.reparses_to_same_entries(
        (tmp_path / "in" / "refs-10.bib").read_text(encoding="utf-8"), tmp_path / "inject-doi.bib"
    )
