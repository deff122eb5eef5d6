"""The response cache and secrets: what is reused, for how long, and what is never stored."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import pytest

from veribib.model import Status
from veribib.resolve.crossref import CrossrefClient
from veribib.resolve.ctgov import ClinicalTrialsClient
from veribib.resolve.datacite import DataCiteClient
from veribib.resolve.doiorg import DoiOrgClient
from veribib.resolve.http import DAY, MemoryCache

from .support import FAST, Corpus, StandIn, corpus_dois, settings_for

TOKEN = "plus-token-s3cret-7f3a"


async def _resolve_all(settings, cache, dois, trials):  # type: ignore[no-untyped-def]
    """Crossref, then doi.org for the misses, DataCite for DataCite DOIs, and trials."""
    async with (
        CrossrefClient(settings, cache, policy=FAST) as crossref,
        DoiOrgClient(settings, cache, policy=FAST) as doiorg,
        DataCiteClient(settings, cache, policy=FAST) as datacite,
        ClinicalTrialsClient(settings, cache, policy=FAST) as ctgov,
    ):
        works = await crossref.works_by_doi(dois)
        misses = [d for d, o in works.items() if o.status is Status.NOT_FOUND]
        registrations = await doiorg.registrations(misses)
        at_datacite = [
            d for d, o in registrations.items() if o.value and o.value.agency == "DataCite"
        ]
        records = await datacite.works_by_doi(at_datacite)
        studies = await ctgov.trials(trials)
    return works, registrations, records, studies


async def test_second_run_makes_zero_requests(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    server = standin()
    cache = MemoryCache()
    dois = [*corpus_dois(corpus, 60), "10.6084/m9.figshare.1449060", "10.1126/foo"]
    trials = ["NCT03722472", "NCT00000001"]
    first = await _resolve_all(settings_for(server), cache, dois, trials)
    asked = server.counters.total
    assert asked > 0
    second = await _resolve_all(settings_for(server), cache, dois, trials)
    assert server.counters.total == asked
    for before, after in zip(first, second, strict=True):
        assert {k: (o.status, o.value) for k, o in before.items()} == {
            k: (o.status, o.value) for k, o in after.items()
        }


async def test_not_found_is_reused_for_a_day_only(standin: Callable[..., StandIn]) -> None:
    server = standin()
    offset = [0.0]
    cache = MemoryCache(clock=lambda: time.time() + offset[0])
    doi, known = "10.1371/notarealdoi", "10.1371/journal.pone.0033693"
    settings = settings_for(server)
    async with CrossrefClient(settings, cache, policy=FAST) as client:
        assert (await client.work(doi)).status is Status.NOT_FOUND
        assert (await client.work(known)).found
        offset[0] = 23 * 3600
        assert (await client.work(doi)).status is Status.NOT_FOUND
        assert len(server.requests_to("crossref")) == 2
        offset[0] = DAY + 60
        assert (await client.work(doi)).status is Status.NOT_FOUND
        assert (await client.work(known)).found  # a 200 lives 30 days
    assert len(server.requests_to("crossref")) == 3


async def test_failures_are_never_cached(standin: Callable[..., StandIn]) -> None:
    doi = "10.1371/journal.pone.0033693"
    server = standin(faults=[(f"/works/{doi}", "503")] * 4)
    cache = MemoryCache()
    async with CrossrefClient(settings_for(server), cache, policy=FAST) as client:
        assert (await client.work(doi)).status is Status.UNAVAILABLE
        assert cache.entries == {}
        assert (await client.work(doi)).found
    assert len(cache.entries) == 1
    assert len(server.requests_to("crossref")) == 5


async def test_refresh_skips_reads_but_still_writes(standin: Callable[..., StandIn]) -> None:
    server = standin()
    cache = MemoryCache()
    doi = "10.1371/journal.pone.0033693"
    async with CrossrefClient(settings_for(server), cache, policy=FAST) as client:
        await client.work(doi)
    async with CrossrefClient(settings_for(server, refresh=True), cache, policy=FAST) as client:
        assert (await client.work(doi)).found
    assert len(server.requests_to("crossref")) == 2
    assert cache.reads == 1  # the refreshing client never read


async def test_token_goes_to_crossref_only_and_is_stored_nowhere(
    standin: Callable[..., StandIn], corpus: Corpus, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server = standin(faults=[("filter=doi", "503"), ("/works/10.1371/journal.pone.0033693", "403")])
    cache = MemoryCache()
    settings = settings_for(server, crossref_token=TOKEN)
    dois = [*corpus_dois(corpus, 5), "10.6084/m9.figshare.1449060"]
    await _resolve_all(settings, cache, dois, ["NCT03722472"])
    async with CrossrefClient(settings, cache, policy=FAST) as client:
        try:
            await client.work("10.1371/journal.pone.0033693")
        except Exception as exc:  # the 403's message must not leak the token
            assert TOKEN not in str(exc)
            assert "HTTP 403" in str(exc)
        else:
            raise AssertionError("a 403 must raise ResolveError")
        outcome = await client.work(dois[0])
        assert outcome.url is not None and TOKEN not in outcome.url
    seen = server.counters.summary()
    assert seen["token_seen"]["crossref"] == len(server.requests_to("crossref"))
    assert set(seen["token_seen"]) == {"crossref"}
    assert all(r.pool and r.pool.startswith("plus") for r in server.requests_to("crossref"))
    assert cache.entries
    for url, entry in cache.entries.items():
        assert TOKEN not in url and TOKEN.encode() not in entry.body
        assert "mailto" not in url
    assert "retrying" in caplog.text  # the 503 was logged...
    assert TOKEN not in caplog.text  # ...and nothing logged carries the token


async def test_changing_the_email_does_not_bust_the_cache(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    server = standin()
    cache = MemoryCache()
    dois = corpus_dois(corpus, 10)
    async with CrossrefClient(settings_for(server), cache, policy=FAST) as client:
        await client.works_by_doi(dois)
    asked = server.counters.total
    other = settings_for(server, mailto="someone.else@example.org")
    async with CrossrefClient(other, cache, policy=FAST) as client:
        answers = await client.works_by_doi(dois)
    assert all(o.found for o in answers.values())
    assert server.counters.total == asked
