"""Faults over real sockets: 429s, 5xx, timeouts, drops, garbled bodies, 403."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veribib.errors import ResolveError
from veribib.model import Status
from veribib.resolve.crossref import CrossrefClient
from veribib.resolve.ctgov import ClinicalTrialsClient

from .support import FAST, StandIn, settings_for

DOI = "10.1371/journal.pone.0033693"
PATH = f"/works/{DOI}"


async def test_429_with_retry_after_is_honoured(standin: Callable[..., StandIn]) -> None:
    server = standin(retry_after=0.3, faults=[(PATH, "429")])
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        outcome = await client.work(DOI)
        assert client.service.stats.waits == [0.3]
    assert outcome.found
    first, second = server.requests_to("crossref")
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 0.3 - 0.01


async def test_429_without_retry_after_backs_off_and_answers(
    standin: Callable[..., StandIn],
) -> None:
    server = standin(retry_after=None, faults=[(PATH, "429")])
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        outcome = await client.work(DOI)
        stats = client.service.stats
    assert outcome.found
    assert stats.retries == 1 and stats.statuses[429] == 1
    first, second = server.requests_to("crossref")
    # the pool waited out one full rate window before trying again
    assert second.at - first.at >= 1.0 - 0.01


@pytest.mark.parametrize("fault", ["503", "500", "drop", "malformed", "truncated", "html200"])
async def test_one_failed_attempt_then_the_answer(
    standin: Callable[..., StandIn], fault: str
) -> None:
    server = standin(faults=[(PATH, fault)])
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        outcome = await client.work(DOI)
        assert client.service.stats.retries == 1
    assert outcome.found and outcome.value is not None and outcome.value.doi == DOI
    assert server.counters.faults[fault] == 1
    assert len(server.requests_to("crossref")) == 2


async def test_timeout_then_the_answer(standin: Callable[..., StandIn]) -> None:
    server = standin(slow_seconds=3.0, faults=[(PATH, "slow")])
    async with CrossrefClient(settings_for(server, timeout=0.3), policy=FAST) as client:
        outcome = await client.work(DOI)
        assert client.service.stats.retries == 1
    assert outcome.found


async def test_faults_in_a_batch_are_retried_too(standin: Callable[..., StandIn]) -> None:
    server = standin(faults=[("filter=doi", "drop"), ("filter=doi", "503")])
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        answers = await client.works_by_doi([DOI, "10.1002/ajmg.b.31237"])
    assert all(o.found for o in answers.values())
    assert [r.status for r in server.requests_to("crossref")] == [0, 503, 200]


async def test_every_attempt_failing_is_unavailable_never_not_found(
    standin: Callable[..., StandIn],
) -> None:
    server = standin(faults=[(PATH, "503")] * 4)
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        outcome = await client.work(DOI)
        batch = await client.works_by_doi(["10.1002/ajmg.b.31237"])
    assert outcome.status is Status.UNAVAILABLE
    assert not outcome.is_fact
    assert "HTTP 503 after 4 attempts" in outcome.detail
    assert batch["10.1002/ajmg.b.31237"].found  # the service recovered
    assert len(server.requests_to("crossref")) == 5


async def test_403_stops_with_resolve_error_and_no_retry(standin: Callable[..., StandIn]) -> None:
    server = standin(faults=[(PATH, "403")])
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        with pytest.raises(ResolveError, match=r"Crossref refused access \(HTTP 403\)"):
            await client.work(DOI)
    assert len(server.requests_to("crossref")) == 1


async def test_ctgov_faults_are_retried(standin: Callable[..., StandIn]) -> None:
    server = standin(faults=[("/studies", "drop"), ("/studies", "html200")])
    async with ClinicalTrialsClient(settings_for(server), policy=FAST) as client:
        answers = await client.trials(["NCT03722472"])
    assert answers["NCT03722472"].found
    assert [r.status for r in server.requests_to("ctgov")] == [0, 200, 200]


async def test_403_in_one_batch_stops_the_whole_lookup(
    standin: Callable[..., StandIn],
) -> None:
    server = standin(faults=[("filter=doi", "403")])
    dois = sorted(server.corpus.works)[:120]
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        with pytest.raises(ResolveError, match="HTTP 403"):
            await client.works_by_doi(dois)
    # the other batches were cancelled or answered; none was retried after the refusal
    assert server.counters.statuses[403] == 1
