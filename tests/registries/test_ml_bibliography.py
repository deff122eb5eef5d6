"""An ML bibliography (arXiv, NeurIPS, ICML, ICLR, JMLR, TMLR, Machine Learning) checked end to
end against the stand-ins of the registries that really hold its works."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from registry_world import World, ml_world
from veribib.model import Verdict

from .support import Corpus, StandIn, StandInOptions, run


@pytest.fixture(scope="module")
def ml(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> tuple[World, dict[str, Any]]:
    """The ML world checked once: (world, judgements by key)."""
    world = ml_world()
    options = StandInOptions(services=world.data, extra_works=world.crossref)
    with StandIn(options, corpus=corpus) as server:
        judged = run(world.bibtex(), server, tmp_path_factory.mktemp("ml"))
        throttled = dict(server.service_gate.throttled)
    return world, {"judged": judged, "throttled": throttled}


def test_the_bibliography_is_large_and_real(ml: tuple[World, dict[str, Any]]) -> None:
    world, _ = ml
    assert len(world.real) >= 100
    assert len(world.invented) >= 5


def test_real_ml_citations_are_verified_and_never_accused(
    ml: tuple[World, dict[str, Any]],
) -> None:
    world, got = ml
    judged = got["judged"]
    verdicts = Counter(judged[k].verdict for k in world.real)
    accused = {k: judged[k].reason for k in world.real if judged[k].verdict is Verdict.FABRICATED}
    assert accused == {}
    share = verdicts[Verdict.VERIFIED] / len(world.real)
    missed = {
        k: (judged[k].verdict.value, judged[k].reason)
        for k in world.real
        if judged[k].verdict is not Verdict.VERIFIED
    }
    assert share >= 0.90, missed


def test_real_works_cited_with_an_error_are_never_accused(
    ml: tuple[World, dict[str, Any]],
) -> None:
    world, got = ml
    assert len(world.erroneous) == 3
    for key in world.erroneous:
        judgement = got["judged"][key]
        assert judgement.verdict is not Verdict.FABRICATED, (key, judgement.evidence)


@pytest.mark.parametrize(
    "key",
    ["fake_arxiv_month", "fake_arxiv_missing", "fake_neurips", "fake_icml", "fake_iclr"],
)
def test_invented_arxiv_ids_and_titles_at_real_venues_are_caught(
    ml: tuple[World, dict[str, Any]], key: str
) -> None:
    world, got = ml
    judgement = got["judged"][key]
    assert judgement.verdict is Verdict.FABRICATED, judgement.evidence
    assert judgement.evidence[0].code == world.invented[key]


def test_each_registry_stayed_within_its_limits(ml: tuple[World, dict[str, Any]]) -> None:
    _, got = ml
    assert got["throttled"] == {"arxiv": 0, "pubmed": 0, "openalex": 0, "dblp": 0}


def test_matched_records_name_the_registry_that_holds_them(
    ml: tuple[World, dict[str, Any]],
) -> None:
    world, got = ml
    sources = Counter(
        got["judged"][k].match.source for k in world.real if got["judged"][k].match is not None
    )
    assert {"arxiv", "crossref", "dblp", "openalex"} <= set(sources), sources
