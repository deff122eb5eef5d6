"""The venue probe: asked only when the search answered live and showed no work of the journal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from veribib.model import Fields, Outcome, Person, Reference, Resolution, Status, Work
from veribib.resolve import ALL_SEARCHES, Resolver, SearchKind

from .helpers import FakeWorks, ref


class FakeVenueWorks(FakeWorks):
    """A Crossref fake that also answers the journal coverage probe."""

    def __init__(self, name: str, *, probe: Sequence[Work] = (), **kw: object) -> None:
        super().__init__(name, **kw)  # type: ignore[arg-type]
        self.probe = tuple(probe)
        self.venue_calls: list[tuple[str, int, str | None]] = []

    async def venue(
        self, container: str, year: int, issn: str | None = None
    ) -> Outcome[tuple[Work, ...]]:
        self.venue_calls.append((container, year, issn))
        status = Status.FOUND if self.probe else Status.NOT_FOUND
        return Outcome(status, self.probe, source=self.name)


def _in(journal: str, year: int, title: str = "Another paper") -> Work:
    fields = Fields(title=title, container=journal, year=year, authors=(Person("Other", "A."),))
    return Work("crossref", f"10.1/{journal}-{year}", fields)


async def _searched(resolver: Resolver, r: Reference) -> dict[str, Resolution]:
    """The reference's identifiers, then its search and venue probe."""
    base = await resolver.resolve_identifiers([r])
    return await resolver.resolve_searches([(r, base[r.id], ["search", "venue"])])


def _cited(n: int, journal: str = "Theoretical Ecology", year: int = 2020) -> Fields:
    return Fields(
        title=f"An invented paper {n}",
        authors=(Person("Nobody", "N."),),
        container=journal,
        year=year,
    )


async def test_probe_asked_when_the_search_shows_no_work_of_the_journal() -> None:
    crossref = FakeVenueWorks(
        "crossref",
        search_result=[_in("Ecology Letters", 2020)],
        probe=[_in("Theoretical Ecology", 2021)],
    )
    r = ref(1, fields=_cited(1))
    resolver = Resolver(crossref=crossref)
    got = await _searched(resolver, r)
    venue = got[r.id].venue
    assert crossref.venue_calls == [("Theoretical Ecology", 2020, None)]
    assert venue is not None and venue.found and venue.authoritative
    assert venue.value is not None and venue.value[0].fields.container == "Theoretical Ecology"


async def test_no_probe_when_a_candidate_already_shows_the_journal_that_year() -> None:
    crossref = FakeVenueWorks(
        "crossref",
        search_result=[_in("Theor. Ecol.", 2020)],  # abbreviated, the cited year
        probe=[_in("Theoretical Ecology", 2020)],
    )
    r = ref(1, fields=_cited(1, journal="Theor Ecol"))
    resolver = Resolver(crossref=crossref)
    got = await _searched(resolver, r)
    assert crossref.venue_calls == []
    assert got[r.id].venue is None
    # The journal's work of another year says nothing of the cited year: probe that year.
    later = ref(2, fields=_cited(2, journal="Theor Ecol", year=2021))
    await _searched(resolver, later)
    assert crossref.venue_calls == [("Theor Ecol", 2021, None)]


async def test_no_probe_when_a_candidate_has_the_cited_title_and_author() -> None:
    cited = _cited(1, journal="Invented Letters")
    same = _in("Theoretical Ecology", 2020, title=cited.title or "")
    own = Work(same.source, same.doi, replace(same.fields, authors=cited.authors))
    crossref = FakeVenueWorks("crossref", search_result=[own])
    await _searched(Resolver(crossref=crossref), ref(1, fields=cited))
    assert crossref.venue_calls == []  # the cited work found elsewhere: coverage cannot matter
    # The same title by other people names another work: the probe is asked.
    crossref = FakeVenueWorks("crossref", search_result=[same])
    await _searched(Resolver(crossref=crossref), ref(1, fields=cited))
    assert crossref.venue_calls == [("Invented Letters", 2020, None)]


async def test_no_probe_without_a_live_answer_to_the_search() -> None:
    failing = FakeVenueWorks("crossref", fail=TimeoutError())
    r = ref(1, fields=_cited(1))
    resolver = Resolver(crossref=failing)
    got = await _searched(resolver, r)
    assert failing.venue_calls == []
    assert got[r.id].venue is None
    offline = Resolver(crossref=FakeVenueWorks("crossref"), offline=True)
    got = await _searched(offline, r)
    assert got[r.id].venue is None


async def test_probe_only_by_name_and_shared_by_identical_venues() -> None:
    crossref = FakeVenueWorks("crossref", probe=[_in("Theoretical Ecology", 2020)])
    refs = [ref(i, fields=_cited(i)) for i in range(1, 4)]
    resolver = Resolver(crossref=crossref)
    base = await resolver.resolve_identifiers(refs)
    assert SearchKind.VENUE not in ALL_SEARCHES
    await resolver.resolve_searches([(r, base[r.id]) for r in refs])  # default kinds
    assert crossref.venue_calls == []
    got = await resolver.resolve_searches([(r, base[r.id], ["search", "venue"]) for r in refs])
    assert crossref.venue_calls == [("Theoretical Ecology", 2020, None)]  # one for all three
    assert all(got[r.id].venue is not None for r in refs)


async def test_registry_without_a_probe_is_not_checked() -> None:
    crossref = FakeWorks("crossref")  # no venue() method
    r = ref(1, fields=_cited(1))
    resolver = Resolver(crossref=crossref)
    got = await _searched(resolver, r)
    venue = got[r.id].venue
    assert venue is not None and venue.status is Status.NOT_CHECKED
