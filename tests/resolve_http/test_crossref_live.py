"""CrossrefClient against the stand-in over real sockets: batches, singles, search, locators."""

from __future__ import annotations

import math
from collections.abc import Callable

from veribib.model import Status
from veribib.resolve.crossref import DOI_BATCH, CrossrefClient
from veribib.resolve.records import work_from_crossref

from .support import FAST, Corpus, StandIn, corpus_dois, settings_for


async def test_many_dois_cost_one_list_request_per_batch(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    server = standin()
    known = corpus_dois(corpus, 120)
    unknown = ["10.1002/not.a.real.one", "10.5555/nothing-here-1", "10.1016/j.fake.2019.01.001"]
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        answers = await client.works_by_doi([*known, *unknown])
    requests = server.requests_to("crossref")
    assert len(requests) == math.ceil(123 / DOI_BATCH)
    assert all(r.path == "/works" and "filter=doi" in r.query for r in requests)
    assert all(answers[d].status is Status.FOUND for d in known)
    assert all(answers[d].status is Status.NOT_FOUND and answers[d].is_fact for d in unknown)
    assert answers[known[0]].value == work_from_crossref(corpus.works[known[0]])
    # every Crossref request carried the contact
    assert all("mailto=" in r.query for r in requests)


async def test_answers_keep_the_callers_spelling_and_duplicates(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    server = standin()
    doi = corpus_dois(corpus, 1)[0]
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        answers = await client.works_by_doi([doi, doi.upper(), doi])
    assert set(answers) == {doi, doi.upper()}
    assert answers[doi.upper()].found
    assert len(server.requests_to("crossref")) == 1


async def test_single_work_and_404(standin: Callable[..., StandIn], corpus: Corpus) -> None:
    server = standin()
    doi = "10.1371/journal.pone.0033693"
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        found = await client.work(doi)
        missing = await client.work("10.1371/notarealdoi")
    assert found.found and found.value is not None
    assert found.value.doi == doi
    assert found.url is not None and found.url.endswith(f"/works/{doi}")
    assert missing.status is Status.NOT_FOUND and missing.is_fact
    assert "another agency" in missing.detail
    assert [r.status for r in server.requests_to("crossref")] == [200, 404]


async def test_doi_with_a_comma_goes_single(standin: Callable[..., StandIn]) -> None:
    record = {"DOI": "10.5555/a,b", "title": ["A comma in a DOI"], "type": "journal-article"}
    server = standin(extra_works=[record])
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        answers = await client.works_by_doi(["10.5555/a,b"])
    assert answers["10.5555/a,b"].found
    assert [r.path for r in server.requests_to("crossref")] == ["/works/10.5555/a,b"]


async def test_search_ranks_the_cited_work_first(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    server = standin()
    work = work_from_crossref(corpus.works["10.1002/ajmg.b.31237"])
    text = (
        "Hamlin A, Liu Y, Nguyen DV, Tassone F, Zhang L, Hagerman RJ. Sleep apnea in fragile X "
        "premutation carriers with and without FXTAS. Am J Med Genet B. 2011;156(8):923-8."
    )
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        outcome = await client.search(work.fields, text, rows=5)
        empty = await client.search(work.fields, "zzzzqqq xxyyzz")
    assert outcome.found and outcome.value
    assert outcome.value[0].doi == "10.1002/ajmg.b.31237"
    scores = [w.score for w in outcome.value]
    assert all(s is not None for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert empty.status is Status.NOT_FOUND and empty.value == ()
    (request, _) = server.requests_to("crossref")
    assert "query.bibliographic=" in request.query
    assert "from-pub-date" not in request.query


async def test_locator_returns_only_works_at_that_place(
    standin: Callable[..., StandIn], corpus: Corpus
) -> None:
    server = standin()
    container = "American Journal of Medical Genetics Part B: Neuropsychiatric Genetics"
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        here = await client.by_locator(container, "156", "923", 2011)
        abbreviated = await client.by_locator("Am J Med Genet B", "156", "923", None)
        wrong_page = await client.by_locator(container, "156", "924", 2011)
    assert here.found and [w.doi for w in here.value or ()] == ["10.1002/ajmg.b.31237"]
    assert abbreviated.found and [w.doi for w in abbreviated.value or ()] == [
        "10.1002/ajmg.b.31237"
    ]
    assert wrong_page.status is Status.NOT_FOUND and wrong_page.value == ()


async def test_journal_and_agency(standin: Callable[..., StandIn]) -> None:
    server = standin()
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        journal = await client.journal("1803-2427")
        no_journal = await client.journal("4444-4444")
        crossref = await client.agency("10.1371/journal.pone.0033693")
        datacite = await client.agency("10.6084/m9.figshare.1449060")
        nobody = await client.agency("10.9999/nothing")
    assert journal.found and journal.value is not None
    assert journal.value.title == "Journal of Landscape Ecology"
    assert "1805-4196" in journal.value.issns
    assert no_journal.status is Status.NOT_FOUND
    assert (crossref.value, datacite.value) == ("crossref", "datacite")
    assert nobody.status is Status.NOT_FOUND


async def test_offline_asks_nobody(standin: Callable[..., StandIn], corpus: Corpus) -> None:
    server = standin()
    async with CrossrefClient(settings_for(server, offline=True), policy=FAST) as client:
        answers = await client.works_by_doi(corpus_dois(corpus, 3))
    assert {o.status for o in answers.values()} == {Status.NOT_CHECKED}
    assert server.counters.total == 0


async def test_venue_probe_returns_the_journals_works_of_those_years(
    standin: Callable[..., StandIn],
) -> None:
    server = standin()
    async with CrossrefClient(settings_for(server), policy=FAST) as client:
        covered = await client.venue("Journal of Landscape Ecology", 2010)
        too_early = await client.venue("Journal of Landscape Ecology", 1960)
    assert covered.found and covered.value and covered.authoritative
    landscape = [w for w in covered.value if w.fields.container == "Journal of Landscape Ecology"]
    assert landscape and all(2009 <= (w.fields.year or 0) <= 2011 for w in covered.value)
    assert too_early.status is Status.NOT_FOUND
    first = server.requests_to("crossref")[0]
    assert "query.container-title=" in first.query and "until-pub-date" in first.query
    assert "select=" in first.query
