"""The trial corpus through the whole pipeline against the stand-in: behaviour per class.

The corpus (``scripts/trial_cases.py``, dev split) holds registrations in text, BibTeX, RIS and
CSL-JSON, result papers citing their trial, wrong acronyms, wrong topics, wrong ids, malformed
ids and other registries; ``scripts/eval_trials.py`` prints the same figures.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from veribib.config import Settings
from veribib.model import Verdict
from veribib.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import eval_trials  # noqa: E402
from standin import StandIn, StandInOptions  # noqa: E402
from trial_cases import REAL, build, constructed_studies, shared_data  # noqa: E402


@pytest.fixture(scope="module")
def by_class(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[eval_trials.Result]]:
    """Every dev case's result, grouped by class (one pipeline run)."""
    if not (shared_data() / "ctgov").is_dir():
        pytest.skip("shared data not found")
    results = eval_trials.run(build("dev"), tmp_path_factory.mktemp("trials"))
    grouped: dict[str, list[eval_trials.Result]] = defaultdict(list)
    for r in results:
        grouped[r.case.cls].append(r)
    return grouped


def _share(results: list[eval_trials.Result]) -> float:
    return sum(r.right for r in results) / len(results)


@pytest.mark.parametrize("cls", REAL)
def test_real_registrations_are_verified_and_never_mismatched(
    by_class: dict[str, list[eval_trials.Result]], cls: str
) -> None:
    results = by_class[cls]
    assert results
    assert [r.case.id for r in results if r.mismatch] == []
    assert [r.case.id for r in results if r.verdict == Verdict.FABRICATED.value] == []
    assert _share(results) >= 0.95, [(r.case.id, r.reason) for r in results if not r.right]


@pytest.mark.parametrize("cls", ["wrong-acronym", "wrong-topic", "wrong-id-article"])
def test_wrong_trials_are_caught(by_class: dict[str, list[eval_trials.Result]], cls: str) -> None:
    results = by_class[cls]
    assert _share(results) >= 0.95, [(r.case.id, r.reason) for r in results if not r.right]
    # Never verified: a wrong id caught or not is at worst left unresolved.
    assert [r.case.id for r in results if r.verdict == Verdict.VERIFIED.value] == []


@pytest.mark.parametrize(
    "cls", ["malformed", "not-issued", "unknown-id", "other-registry", "isrctn"]
)
def test_ids_that_cannot_or_do_not_resolve(
    by_class: dict[str, list[eval_trials.Result]], cls: str
) -> None:
    assert all(r.right for r in by_class[cls]), [(r.case.id, r.reason) for r in by_class[cls]]


@pytest.fixture
def proxy_server() -> Iterator[StandIn]:
    with StandIn(
        StandInOptions(extra_studies=constructed_studies(), ctgov_proxy_404=True)
    ) as server:
        yield server


def test_a_proxy_answering_404_leaves_real_trials_unresolved(
    proxy_server: StandIn, tmp_path: Path
) -> None:
    bib = tmp_path / "t.bib"
    bib.write_text(
        "@misc{a, title = {Dapagliflozin in heart failure (DAPA-HF)},\n"
        "  url = {https://clinicaltrials.gov/study/NCT03036124}}\n",
        encoding="utf-8",
    )
    settings = Settings(
        **proxy_server.service_urls(),
        mailto="test@example.org",
        db=str(tmp_path / "db.sqlite"),
        cache_dir=str(tmp_path / "cache"),
        max_attempts=1,
    )
    for _ in range(2):  # the second run must not read a cached "no such study"
        (checked,) = check([bib], settings).references
        assert checked.judgement.verdict is Verdict.UNRESOLVED
        assert checked.judgement.evidence[0].code == "REGISTRY_UNAVAILABLE"


def test_the_blog_seed_trial_citation_is_not_verified_online(tmp_path: Path) -> None:
    with StandIn(StandInOptions(extra_studies=constructed_studies())) as server:
        settings = Settings(
            **server.service_urls(),
            mailto="test@example.org",
            db=str(tmp_path / "db.sqlite"),
            cache_dir=str(tmp_path / "cache"),
        )
        report = check([ROOT / "bib" / "blog-exosomes.txt"], settings)
    johnson = [
        r
        for r in report.references
        if any(t.id == "NCT04567834" for t in r.reference.identifiers.trials)
    ]
    assert len(johnson) == 1
    assert johnson[0].judgement.verdict is not Verdict.VERIFIED
