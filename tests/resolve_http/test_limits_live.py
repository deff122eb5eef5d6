"""The clients keep to the limits the stand-in enforces, and follow the limits it announces."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from veribib.resolve.crossref import CrossrefClient

from .support import FAST, Corpus, ModeLimits, StandIn, corpus_dois, settings_for


async def test_never_more_in_flight_than_allowed_and_adapts_upwards(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    fast = ModeLimits(single=40, list=10, concurrency=3)
    server = standin(latency=0.02, limits={"polite": fast})
    dois = corpus_dois(corpus, 40)
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        answers = await asyncio.gather(*(client.work(d) for d in dois))
        single = client.service.pools["single"]
        assert (single.rate.limit, single.rate.interval, single.concurrency.limit) == (40, 1.0, 3)
        assert single.concurrency.max_in_flight <= 3
    assert all(o.found for o in answers)
    assert server.counters.max_in_flight["crossref"] <= 3
    assert server.counters.throttled == 0


async def test_adapts_downwards_and_still_answers(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    strict = ModeLimits(single=20, list=3, concurrency=1)
    server = standin(latency=0.01, retry_after=0.1, limits={"polite": strict})
    dois = corpus_dois(corpus, 6)
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        answers = await asyncio.gather(*(client.work(d) for d in dois))
        assert client.service.pools["single"].concurrency.limit == 1
    assert all(o.found for o in answers)
    # Only the first wave, sent before any limit was announced, can have been refused.
    assert server.counters.throttled <= 2


async def test_public_pool_without_contact(standin: Callable[..., StandIn], corpus: Corpus) -> None:
    server = standin()
    async with CrossrefClient(settings_for(server, mailto=None), policy=FAST) as client:
        await client.works_by_doi(corpus_dois(corpus, 3))
        assert client.service.pools["list"].rate.limit == 1
    (request,) = server.requests_to("crossref")
    assert request.pool == "public-array"
    assert "mailto" not in request.query and "mailto:" not in request.user_agent
