"""Biomedical references that only PubMed holds (old papers, journals depositing no DOIs),
invented titles at PubMed-indexed locations, and invented journals — end to end.

The PubMed records are the real ones recorded in ``../shared/data/pubmed`` (efetch bodies):
none of these works has a DOI, and none is in the Crossref stand-in.
"""

from __future__ import annotations

from typing import Any

import pytest

from registry_world import PUBMED_ONLY, REGIONAL, biomedical_lines
from veribib import check
from veribib.model import Verdict

from .support import Corpus, ServicesData, StandIn, StandInOptions, settings_for


@pytest.fixture(scope="module")
def biomed(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The references as a numbered text list, checked once."""
    keys, lines = biomedical_lines()
    text = "References\n\n" + "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
    options = StandInOptions(services=ServicesData(pubmed=[REGIONAL]))
    tmp = tmp_path_factory.mktemp("biomed")
    path = tmp / "refs.txt"
    path.write_text(text + "\n", encoding="utf-8")
    with StandIn(options, corpus=corpus) as server:
        report = check([path], settings_for(server, tmp))
        throttled = dict(server.service_gate.throttled)
        pubmed_requests = len(server.requests_to("pubmed"))
    judged = [c.judgement for c in report.references]
    assert len(judged) == len(keys)
    return {
        "judged": dict(zip(keys, judged, strict=True)),
        "throttled": throttled,
        "pubmed_requests": pubmed_requests,
    }


@pytest.mark.parametrize("key", list(PUBMED_ONLY))
def test_pubmed_only_works_are_verified_through_pubmed(biomed: dict[str, Any], key: str) -> None:
    judgement = biomed["judged"][key]
    assert judgement.verdict is Verdict.VERIFIED, judgement.evidence
    assert judgement.match is not None and judgement.match.source == "pubmed"
    assert judgement.match.doi is None


def test_an_invented_title_at_a_pubmed_indexed_locator_names_what_is_there(
    biomed: dict[str, Any],
) -> None:
    judgement = biomed["judged"]["invented_at_locator"]
    assert judgement.verdict is Verdict.FABRICATED, judgement.evidence
    assert judgement.evidence[0].code == "LOCATOR_OTHER_WORK"
    assert "Convergence and correlations among leaf size" in judgement.evidence[0].message
    assert judgement.likely_source is not None and judgement.likely_source.source == "pubmed"


def test_an_invented_journal_is_fabricated_as_unknown_venue(biomed: dict[str, Any]) -> None:
    judgement = biomed["judged"]["invented_journal"]
    assert judgement.verdict is Verdict.FABRICATED, judgement.evidence
    assert judgement.evidence[0].code == "VENUE_UNKNOWN"
    assert "OpenAlex" in judgement.evidence[0].message
    assert "NLM Catalog" in judgement.evidence[0].message


def test_a_real_non_depositing_journal_is_never_an_accusation(biomed: dict[str, Any]) -> None:
    judgement = biomed["judged"]["real_journal"]
    assert judgement.verdict is Verdict.UNRESOLVED, judgement.evidence
    assert "VENUE_UNKNOWN" not in {e.code for e in judgement.evidence}


def test_pubmed_stayed_within_three_requests_a_second(biomed: dict[str, Any]) -> None:
    assert biomed["throttled"]["pubmed"] == 0
    assert biomed["pubmed_requests"] > 0
