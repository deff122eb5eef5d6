"""Every request is bounded: a whole answer within the timeout however slowly it drips, a
Retry-After past the cap ends lookups at once instead of stalling the pool, and a body past the
size cap is stopped while streaming and never cached."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from veribib.resolve.http import MemoryCache, Service, Unavailable
from veribib.resolve.ratelimit import crossref_pools
from veribib.resolve.retry import RetryPolicy

from ..hardening.support import SCRIPTS, Corpus

assert SCRIPTS  # scripts/ is on sys.path once the hardening support is imported
import hostile  # noqa: E402


@pytest.fixture
def attack(corpus: Corpus, request: pytest.FixtureRequest) -> Iterator[hostile.HostileStandIn]:
    server = hostile.HostileStandIn(
        request.param,
        hostile.StandInOptions(limits=hostile.FAST_LIMITS, max_seconds=120.0),
        corpus=corpus,
    ).start()
    yield server
    server.stop()


def _service(server: hostile.HostileStandIn, cache: MemoryCache | None = None) -> Service:
    return Service(
        "crossref",
        server.crossref_url,
        crossref_pools(polite=True),
        timeout=1.0,
        policy=RetryPolicy(max_attempts=1),
        cache=cache,
    )


def _a_doi(corpus: Corpus) -> str:
    return next(iter(corpus.works))


@pytest.mark.parametrize("attack", ["drip"], indirect=True)
def test_a_dripping_body_ends_at_the_whole_request_deadline(
    attack: hostile.HostileStandIn, corpus: Corpus
) -> None:
    async def go() -> object:
        service = _service(attack)
        try:
            return await asyncio.wait_for(service.get(f"/works/{_a_doi(corpus)}"), 20)
        finally:
            await service.aclose()

    started = time.monotonic()
    result = asyncio.run(go())
    assert isinstance(result, Unavailable), result
    assert time.monotonic() - started < 3.0  # each byte came within the read timeout


@pytest.mark.parametrize("attack", ["retry-after", "retry-date"], indirect=True)
def test_a_huge_retry_after_ends_lookups_at_once_without_stalling_the_pool(
    attack: hostile.HostileStandIn, corpus: Corpus
) -> None:
    async def go() -> list[object]:
        service = _service(attack)
        try:
            first = await asyncio.wait_for(service.get("/works/10.1000/a"), 10)
            rest = await asyncio.wait_for(
                asyncio.gather(*(service.get(f"/works/10.1000/{i}") for i in range(5))), 10
            )
            return [first, *rest]
        finally:
            await service.aclose()

    started = time.monotonic()
    results = asyncio.run(go())
    assert time.monotonic() - started < 3.0
    assert all(isinstance(r, Unavailable) for r in results)
    assert "asked to wait" in results[-1].detail  # type: ignore[union-attr]
    assert attack.counters.total == 1, "the service was asked again while it asked us to wait"


@pytest.mark.parametrize("attack", ["gzip-bomb", "huge-body"], indirect=True)
def test_an_oversize_body_is_stopped_and_never_cached(
    attack: hostile.HostileStandIn, corpus: Corpus
) -> None:
    cache = MemoryCache()

    async def go() -> object:
        service = _service(attack, cache)
        try:
            return await service.get(f"/works/{_a_doi(corpus)}")
        finally:
            await service.aclose()

    result = asyncio.run(go())
    assert isinstance(result, Unavailable)
    assert "bytes" in result.detail and "not cached" in result.detail
    assert cache.entries == {}
