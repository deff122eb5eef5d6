"""The arXiv, PubMed, OpenAlex and DBLP clients against their stand-ins and recorded bodies."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from veribib.config import Settings
from veribib.model import Fields, Person, Status, Verdict
from veribib.resolve.arxiv import ARXIV_LIMITS, ArxivClient, impossible_id
from veribib.resolve.dblp import DblpClient
from veribib.resolve.http import MemoryCache
from veribib.resolve.openalex import OpenAlexClient
from veribib.resolve.pubmed import PubMedClient

from .support import (
    Corpus,
    ServiceLimits,
    ServicesData,
    StandIn,
    StandInOptions,
    dblp_record,
    run,
    settings_for,
    shared_dir,
)

RECORDED = shared_dir() / "data"


@pytest.fixture
def server(corpus: Corpus) -> Iterator[Callable[..., StandIn]]:
    """Start stand-ins with the given options; all stopped after the test."""
    started: list[StandIn] = []

    def start(**options: Any) -> StandIn:
        s = StandIn(StandInOptions(**options), corpus=corpus).start()
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()


def _recorded(status: int, path: Path) -> httpx.MockTransport:
    body = path.read_bytes()
    return httpx.MockTransport(lambda request: httpx.Response(status, content=body))


@pytest.mark.parametrize(
    ("arxiv_id", "possible"),
    [
        ("2101.01234", True),
        ("hep-th/9901001", True),
        ("0704.0001", True),
        ("1913.00001", False),  # month 13
        ("0612.0001", False),  # before the YYMM.NNNN scheme began
        ("1412.12345", False),  # five digits before 2015
        ("astro-ph/0613001", False),
    ],
)
def test_impossible_arxiv_ids_are_known_without_asking(arxiv_id: str, possible: bool) -> None:
    assert (impossible_id(arxiv_id) is None) is possible


def test_arxiv_ids_are_asked_in_one_batch_and_cached(
    server: Callable[..., StandIn], tmp_path: Path
) -> None:
    s = server()
    cache = MemoryCache()
    ids = ["1707.08567", "1111.2011v2", "astro-ph/0601001", "quant-ph/0201082v1", "0808.1234"]

    async def go() -> tuple[dict[str, Any], dict[str, Any]]:
        async with ArxivClient(settings_for(s, tmp_path), cache) as client:
            first = await client.works_by_arxiv(ids)
            again = await client.works_by_arxiv(ids)
        return first, again

    first, again = asyncio.run(go())
    assert [first[i].status for i in ids] == [Status.FOUND] * 4 + [Status.NOT_FOUND]
    assert first["1111.2011v2"].value is not None
    assert first["1111.2011v2"].value.relations == (
        ("is-preprint-of", "10.1103/physrevb.85.115117"),
    )
    assert [again[i].status for i in ids] == [first[i].status for i in ids]
    assert len(s.requests_to("arxiv")) == 1


def test_arxiv_keeps_three_seconds_between_requests(
    server: Callable[..., StandIn], tmp_path: Path
) -> None:
    assert ARXIV_LIMITS["single"].limit == 1 and ARXIV_LIMITS["single"].interval == 3.0
    s = server()
    assert s.services.arxiv  # loaded now: each request is logged as it is answered

    async def go() -> None:
        async with ArxivClient(settings_for(s, tmp_path)) as client:
            await client.works_by_arxiv(["1707.08567"])
            await client.works_by_arxiv(["1605.08386"])

    asyncio.run(go())
    first, second = s.requests_to("arxiv")
    assert second.at - first.at >= 3.0
    assert s.service_gate.throttled["arxiv"] == 0


def test_arxiv_malformed_id_answer_is_a_fact(tmp_path: Path) -> None:
    """arXiv's HTTP 400 with an error entry (recorded for id ``abc``) means no such paper."""
    transport = _recorded(400, RECORDED / "arxiv" / "arxivpy__id_abc_s0_m100.xml")

    async def go() -> Any:
        async with ArxivClient(Settings(), transport=transport) as client:
            return await client.record("2101.01234")

    outcome = asyncio.run(go())
    assert outcome.status is Status.NOT_FOUND and outcome.authoritative
    assert "incorrect id format" in outcome.detail


def test_pubmed_unknown_pmid_is_not_found_and_an_error_body_is_no_fact(tmp_path: Path) -> None:
    empty = _recorded(
        200, RECORDED / "pubmed" / "sulpub__efetch_pubmed_notfound_233333333333333.xml"
    )
    error = _recorded(200, RECORDED / "pubmed" / "sulpub__efetch_pubmed_error_empty_id.xml")

    async def go(transport: httpx.MockTransport) -> Any:
        async with PubMedClient(Settings(), transport=transport) as client:
            return await client.record("233333333")

    assert asyncio.run(go(empty)).status is Status.NOT_FOUND
    assert asyncio.run(go(error)).status is Status.UNAVAILABLE


def test_the_ncbi_key_raises_the_pace_and_is_never_shown(
    server: Callable[..., StandIn], tmp_path: Path
) -> None:
    s = server()
    cache = MemoryCache()
    key = "ncbi-secret-0123456789"
    settings = settings_for(s, tmp_path, ncbi_api_key=key)

    async def go() -> Any:
        async with PubMedClient(settings, cache) as client:
            assert client.service.pools["single"].rate.limit == 10
            return await client.works_by_pmid(["10487815", "9997"])

    got = asyncio.run(go())
    assert all(o.found for o in got.values())
    sent = s.requests_to("pubmed")
    assert sent and all("api_key=" + key in r.query and "tool=veribib" in r.query for r in sent)
    shown = [o.url or "" for o in got.values()] + list(cache.entries)
    assert shown and not any(key in u or "email=" in u for u in shown)
    assert key not in repr(settings)


def test_openalex_refusal_is_an_outage_and_the_key_opens_it(
    server: Callable[..., StandIn], tmp_path: Path
) -> None:
    s = server(services=ServicesData(openalex_key_required=True))
    doi = "10.1371/journal.pone.0000030"

    async def go(**overrides: Any) -> Any:
        async with OpenAlexClient(settings_for(s, tmp_path, **overrides)) as client:
            return await client.works_by_doi([doi])

    refused = asyncio.run(go())[doi]
    assert refused.status is Status.UNAVAILABLE and "401" in refused.detail
    found = asyncio.run(go(openalex_api_key="oa-secret-key"))[doi]
    assert found.found and found.value is not None
    assert "oa-secret-key" not in (found.url or "")


def test_dblp_search_and_venue_coverage(server: Callable[..., StandIn], tmp_path: Path) -> None:
    record = dblp_record(
        "Attention is All you Need", ["Ashish Vaswani", "Noam Shazeer"], "NIPS", 2017
    )
    s = server(services=ServicesData(dblp=[record]))

    async def go() -> tuple[Any, Any, Any]:
        async with DblpClient(settings_for(s, tmp_path)) as client:
            hit = await client.search(Fields(title="Attention is all you need"), "")
            year = await client.venue_year("NIPS", 2017)
            other = await client.venue_year("NIPS", 2016)
        return hit, year, other

    hit, year, other = asyncio.run(go())
    assert hit.found and hit.value is not None
    work = hit.value[0]
    assert work.fields.title == "Attention is All you Need"
    assert work.fields.authors[0] == Person("Vaswani", "Ashish")
    assert year.value is not None and year.value.works_in_year == 1
    assert other.value is not None and not other.value.known


def test_a_registry_that_is_down_never_accuses(
    server: Callable[..., StandIn], tmp_path: Path
) -> None:
    """DBLP and OpenAlex unreachable: an invented NeurIPS title stays unresolved."""
    s = server()
    bib = (
        "@inproceedings{x, title={Hierarchical Diffusion Critics for Sample-Efficient Policy "
        "Distillation}, author={Anna Kowalski and Rahul Mehta}, booktitle={NeurIPS}, year={2022}}\n"
    )
    dead = "http://127.0.0.1:9"  # discard port: connection refused
    started = time.monotonic()
    judged = run(bib, s, tmp_path, dblp_url=dead, openalex_url=dead, max_attempts=2)
    assert judged["x"].verdict is Verdict.UNRESOLVED, judged["x"].evidence
    assert time.monotonic() - started < 30


def test_a_published_preprint_is_flagged(server: Callable[..., StandIn], tmp_path: Path) -> None:
    """arXiv's record of 1111.2011 names its published version (DOI and journal_ref)."""
    s = server()
    bib = (
        "@misc{m, title={Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large "
        "Connectivity Limit}, author={James M. Murray and Adrian Del Maestro and Zlatko "
        "Tesanovic}, year={2011}, eprint={1111.2011}, archivePrefix={arXiv}}\n"
    )
    judged = run(bib, s, tmp_path)
    assert judged["m"].verdict is Verdict.VERIFIED, judged["m"].evidence
    assert "preprint_has_published_version" in {f.value for f in judged["m"].flags}


def test_a_429_is_waited_out_and_never_evidence(
    server: Callable[..., StandIn], tmp_path: Path
) -> None:
    """A DBLP stricter than documented (1/s): its 429s (Retry-After) are retried, all answered."""
    titles = ["Attention is all you need", "Deep residual learning", "Adam a method"]
    records = [dblp_record(t, ["A Author"], "NIPS", 2017) for t in titles]
    s = server(services=ServicesData(dblp=records), service_limits=ServiceLimits(dblp=(1, 1.0)))

    async def go() -> list[Any]:
        async with DblpClient(settings_for(s, tmp_path, max_attempts=6)) as client:
            return await asyncio.gather(*(client.search(Fields(title=t), "") for t in titles))

    outcomes = asyncio.run(go())
    assert all(o.found for o in outcomes)
    assert s.service_gate.throttled["dblp"] >= 1


def test_a_doi_registered_at_an_agency_without_a_client_is_checked_on_openalex(
    server: Callable[..., StandIn], tmp_path: Path
) -> None:
    """A J-STAGE article (JaLC DOI, OpenAlex's recorded record): the record at the cited DOI."""
    s = server(services=ServicesData(doi_agencies={"10.7600": "JaLC"}))
    bib = (
        "@article{j, author={宮地 元彦 and 山元 健太}, journal={Japanese Journal of Physical "
        "Fitness and Sports Medicine}, year={2007}, volume={56}, number={1}, pages={60}, "
        "doi={10.7600/jspfsm.56.60}}\n"
    )
    judged = run(bib, s, tmp_path)
    assert judged["j"].verdict is Verdict.VERIFIED, judged["j"].evidence
    assert judged["j"].evidence[0].code == "DOI_CONFIRMED"
    assert judged["j"].match is not None and judged["j"].match.source == "openalex"
