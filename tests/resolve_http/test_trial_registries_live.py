"""Trial registries over real sockets: only the API's own answers say "no such study"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from veribib.model import Status
from veribib.resolve.ctgov import ClinicalTrialsClient
from veribib.resolve.http import MemoryCache
from veribib.resolve.isrctn import IsrctnClient

from .support import FAST, StandIn, settings_for

ISRCTN_DATA = Path(__file__).resolve().parents[1] / "data" / "trials" / "isrctn.json"


def _isrctn() -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads(ISRCTN_DATA.read_text(encoding="utf-8"))
    return data


async def test_a_proxy_404_to_everything_is_an_outage_and_not_cached(
    standin: Callable[..., StandIn],
) -> None:
    server = standin(ctgov_proxy_404=True)
    cache = MemoryCache()
    async with ClinicalTrialsClient(settings_for(server), cache, policy=FAST) as client:
        answers = await client.trials(["NCT03722472", "NCT00000001"])
    for outcome in answers.values():
        assert outcome.status is Status.UNAVAILABLE and not outcome.is_fact
        assert "not the API's answer" in outcome.detail
    assert cache.entries == {}  # the next run asks again
    async with ClinicalTrialsClient(settings_for(server), cache, policy=FAST) as client:
        again = await client.trial("NCT03722472")
    assert again.status is Status.UNAVAILABLE
    assert len(server.requests_to("ctgov")) == 4  # batch + two singles, then the single again


async def test_absence_from_a_successful_batch_is_a_fact_and_is_cached(
    standin: Callable[..., StandIn],
) -> None:
    server = standin()
    cache = MemoryCache()
    async with ClinicalTrialsClient(settings_for(server), cache, policy=FAST) as client:
        first = (await client.trials(["NCT00000001", "NCT03722472"]))["NCT00000001"]
    assert first.status is Status.NOT_FOUND and first.is_fact
    assert "filter.ids" in first.detail
    asked = len(server.requests_to("ctgov"))
    async with ClinicalTrialsClient(settings_for(server), cache, policy=FAST) as client:
        second = (await client.trials(["NCT00000001"]))["NCT00000001"]
    assert second.status is Status.NOT_FOUND
    assert len(server.requests_to("ctgov")) == asked  # answered from the cache


async def test_a_plain_404_for_one_study_alone_is_not_a_fact(
    standin: Callable[..., StandIn],
) -> None:
    server = standin()
    async with ClinicalTrialsClient(settings_for(server), policy=FAST) as client:
        single = await client.trial("NCT00000001")  # no batch: the stand-in's plain-text 404
    assert single.status is Status.UNAVAILABLE


async def test_secondary_ids_and_result_publications_are_read(
    standin: Callable[..., StandIn],
) -> None:
    server = standin()
    async with ClinicalTrialsClient(settings_for(server), policy=FAST) as client:
        found = (await client.trials(["NCT03722472"]))["NCT03722472"]
    assert found.value is not None
    assert "IDRI-TBVPX-120" in found.value.secondary_ids
    assert found.value.pmids == ("36878897",)
    assert found.value.dois == ("10.1038/s41467-023-36789-2",)


async def test_isrctn_found_absent_and_an_html_page(standin: Callable[..., StandIn]) -> None:
    server = standin(isrctn_trials=_isrctn())
    async with IsrctnClient(settings_for(server), policy=FAST) as client:
        answers = await client.trials(["ISRCTN86750102", "ISRCTN12345678"])
    crash2 = answers["ISRCTN86750102"]
    assert crash2.found and crash2.value is not None
    assert crash2.value.acronym == "CRASH-2" and crash2.value.registry == "isrctn"
    assert "Tranexamic acid" in crash2.value.interventions
    assert answers["ISRCTN12345678"].status is Status.NOT_FOUND
    broken = standin(isrctn_trials=_isrctn(), faults=[("ISRCTN86750102", "html200")] * 4)
    async with IsrctnClient(settings_for(broken), policy=FAST) as client:
        outage = await client.trial("ISRCTN86750102")
    assert outage.status is Status.UNAVAILABLE


async def test_an_eu_number_found_through_the_record_that_lists_it(
    standin: Callable[..., StandIn],
) -> None:
    server = standin()
    async with ClinicalTrialsClient(settings_for(server), policy=FAST) as client:
        answers = await client.by_secondary_ids(["IDRI-TBVPX-120", "2011-004120-33"])
    listed = answers["IDRI-TBVPX-120"]
    assert listed.found and listed.value is not None and listed.value.id == "NCT03722472"
    unlisted = answers["2011-004120-33"]
    assert unlisted.status is Status.NOT_CHECKED and not unlisted.is_fact  # no evidence
