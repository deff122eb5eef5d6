"""doi.org, DataCite and ClinicalTrials.gov clients against the stand-in over real sockets."""

from __future__ import annotations

from collections.abc import Callable

from veribib.model import Status
from veribib.resolve.crossref import CrossrefClient
from veribib.resolve.ctgov import ClinicalTrialsClient
from veribib.resolve.datacite import DataCiteClient
from veribib.resolve.doiorg import DoiOrgClient

from .support import FAST, Corpus, StandIn, corpus_dois, settings_for

DATACITE_DOI = "10.6084/m9.figshare.1449060"


async def test_crossref_miss_then_doiorg_says_datacite_then_datacite_record(
    standin: Callable[..., StandIn],
) -> None:
    server = standin()
    settings = settings_for(server)
    async with (
        CrossrefClient(settings, policy=FAST) as crossref,
        DoiOrgClient(settings, policy=FAST) as doiorg,
        DataCiteClient(settings, policy=FAST) as datacite,
    ):
        miss = await crossref.works_by_doi([DATACITE_DOI])
        registration = (await doiorg.registrations([DATACITE_DOI]))[DATACITE_DOI]
        record = (await datacite.works_by_doi([DATACITE_DOI]))[DATACITE_DOI]
    assert miss[DATACITE_DOI].status is Status.NOT_FOUND
    assert registration.found and registration.value is not None
    assert registration.value.exists and registration.value.agency == "DataCite"
    assert record.found and record.value is not None
    assert record.value.source == "datacite"
    assert record.value.doi == DATACITE_DOI
    assert record.value.fields.authors[0].family == "Dworkin"


async def test_doiorg_batches_and_says_what_does_not_exist(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    server = standin()
    dois = [*corpus_dois(corpus, 3), "10.1126/foo", "10.48550/arxiv.1902.02534", "nonsense"]
    async with DoiOrgClient(settings_for(server), policy=FAST) as client:
        answers = await client.registrations(dois)
    assert [r.path.split("/")[1] for r in server.requests_to("doi")] == ["ra"]
    for doi in dois[:3]:
        assert answers[doi].found and answers[doi].value is not None
        assert answers[doi].value.agency == "Crossref"
    gone = answers["10.1126/foo"]
    assert gone.status is Status.NOT_FOUND and gone.is_fact
    assert gone.value is not None and gone.value.exists is False
    assert answers["10.48550/arxiv.1902.02534"].value is not None
    assert answers["10.48550/arxiv.1902.02534"].value.agency == "DataCite"
    assert answers["nonsense"].status is Status.NOT_FOUND


async def test_unlistable_dois_go_to_the_handle_api(standin: Callable[..., StandIn]) -> None:
    record = {"DOI": "10.5555/a,b", "title": ["A comma in a DOI"], "type": "journal-article"}
    server = standin(extra_works=[record])
    async with DoiOrgClient(settings_for(server), policy=FAST) as client:
        answers = await client.registrations(["10.5555/a,b"])
        missing = await client.handle("10.5555/absent")
    assert answers["10.5555/a,b"].found
    assert missing.status is Status.NOT_FOUND
    assert missing.value is not None and missing.value.exists is False
    paths = [r.path for r in server.requests_to("doi")]
    assert all(p.startswith("/api/handles/") for p in paths) and len(paths) == 2


async def test_handle_server_error_ends_unavailable_not_missing(
    standin: Callable[..., StandIn],
) -> None:
    server = standin(faults=[("/api/handles/", "500")] * 4)
    async with DoiOrgClient(settings_for(server), policy=FAST) as client:
        outcome = await client.handle("10.1371/journal.pone.0033693")
    assert outcome.status is Status.UNAVAILABLE
    assert "HTTP 500 after 4 attempts" in outcome.detail


async def test_datacite_404_is_not_found(standin: Callable[..., StandIn]) -> None:
    server = standin()
    async with DataCiteClient(settings_for(server), policy=FAST) as client:
        answers = await client.works_by_doi(["10.5061/dryad.nothere"])
    assert answers["10.5061/dryad.nothere"].status is Status.NOT_FOUND


async def test_trials_found_missing_and_batched(standin: Callable[..., StandIn]) -> None:
    server = standin()
    ids = ["NCT03722472", "NCT06323538", "nct07062965", "NCT00000001"]
    async with ClinicalTrialsClient(settings_for(server), policy=FAST) as client:
        answers = await client.trials(ids)
    assert answers["NCT03722472"].found and answers["NCT03722472"].value is not None
    assert answers["NCT03722472"].value.id == "NCT03722472"
    assert answers["nct07062965"].found
    missing = answers["NCT00000001"]
    assert missing.status is Status.NOT_FOUND and missing.is_fact
    requests = server.requests_to("ctgov")
    assert [r.path for r in requests] == ["/studies", "/studies/NCT00000001"]
    assert [r.status for r in requests] == [200, 404]


async def test_trial_alias_followed_in_batch_and_single(standin: Callable[..., StandIn]) -> None:
    server = standin(ctgov_aliases={"NCT01234567": "NCT03722472"})
    async with ClinicalTrialsClient(settings_for(server), policy=FAST) as client:
        batched = (await client.trials(["NCT01234567"]))["NCT01234567"]
        single = await client.trial("NCT01234567")
    for outcome in (batched, single):
        assert outcome.found and outcome.value is not None
        assert outcome.value.id == "NCT03722472"
        assert "NCT01234567" in outcome.value.aliases
        assert "alias of NCT03722472" in outcome.detail
    statuses = [r.status for r in server.requests_to("ctgov")]
    assert statuses == [200, 301, 200]  # filter.ids, then the single lookup's redirect
