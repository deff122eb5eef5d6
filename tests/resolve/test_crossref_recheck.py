"""A ``doi:`` filter miss that doi.org says Crossref registered is asked of Crossref once more."""

from __future__ import annotations

from collections.abc import Sequence

import httpx
import pytest

from veribib.errors import ResolveError
from veribib.model import Outcome, Status, Work
from veribib.resolve import Resolver

from .helpers import FakeDoiOrg, FakeWorks, ref, work

FRESH = "10.1/fresh"  # held by Crossref, but missing from its filter answer


class FakeCrossref(FakeWorks):
    """Crossref whose filter answer lacks some works its single-work route has."""

    def __init__(
        self,
        listed: Sequence[Work] = (),
        single: Sequence[Work] = (),
        single_answer: Outcome[Work] | Exception | None = None,
    ) -> None:
        super().__init__("crossref", listed)
        self.single = {w.doi: w for w in (*listed, *single) if w.doi}
        self.single_answer = single_answer
        self.work_calls: list[str] = []

    async def work(self, doi: str, *, fresh: bool = False) -> Outcome[Work]:
        self.work_calls.append(doi)
        if isinstance(self.single_answer, Exception):
            raise self.single_answer
        if self.single_answer is not None:
            return self.single_answer
        record = self.single.get(doi)
        if record is None:
            return Outcome(Status.NOT_FOUND, source=self.name, detail="HTTP 404")
        return Outcome(Status.FOUND, record, source=self.name)


def _resolver(
    crossref: FakeWorks, doiorg: FakeDoiOrg, datacite: FakeWorks | None = None
) -> Resolver:
    return Resolver(crossref=crossref, doiorg=doiorg, datacite=datacite)


async def test_single_lookup_finds_what_the_filter_missed() -> None:
    crossref = FakeCrossref(listed=[work("10.1/listed")], single=[work(FRESH, "Fresh work")])
    doiorg = FakeDoiOrg({"10.1/listed": "Crossref", FRESH: "Crossref"})
    got = await _resolver(crossref, doiorg).resolve_identifiers(
        [ref(1, doi="10.1/listed"), ref(2, doi=FRESH)]
    )
    assert crossref.doi_calls == [["10.1/listed", FRESH]]
    assert crossref.work_calls == [FRESH]  # the DOI the filter found is not asked again
    res = got["paper.txt#2"]
    assert res.doi is not None and res.doi.status is Status.FOUND
    assert res.doi.value is not None and res.doi.value.fields.title == "Fresh work"
    assert res.doi_registration is not None and res.doi_registration.found
    assert not any(n.startswith("not in Crossref;") for n in res.notes)


async def test_single_404_keeps_not_found_and_the_registration() -> None:
    crossref = FakeCrossref()
    doiorg = FakeDoiOrg({"10.1/ghost": "Crossref"})
    got = await _resolver(crossref, doiorg).resolve_identifiers([ref(1, doi="10.1/ghost")])
    assert crossref.work_calls == ["10.1/ghost"]
    res = got["paper.txt#1"]
    assert res.doi is not None and res.doi.status is Status.NOT_FOUND and res.doi.is_fact
    reg = res.doi_registration
    assert reg is not None and reg.found and reg.value is not None and reg.value.exists
    assert "not in Crossref; doi.org: registered at Crossref" in res.notes


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("connection refused"),
        Outcome(Status.UNAVAILABLE, source="crossref", detail="crossref: HTTP 503 after 4"),
    ],
    ids=["raised", "unavailable-outcome"],
)
async def test_single_lookup_outage_is_unavailable_never_not_found(
    failure: Exception | Outcome[Work],
) -> None:
    crossref = FakeCrossref(single_answer=failure)
    doiorg = FakeDoiOrg({FRESH: "Crossref"})
    got = await _resolver(crossref, doiorg).resolve_identifiers([ref(1, doi=FRESH)])
    res = got["paper.txt#1"]
    assert res.doi is not None and res.doi.status is Status.UNAVAILABLE
    assert res.doi_registration is not None and res.doi_registration.found


async def test_resolve_error_from_the_single_lookup_propagates() -> None:
    crossref = FakeCrossref(single_answer=ResolveError("HTTP 403: blocked"))
    doiorg = FakeDoiOrg({FRESH: "Crossref"})
    with pytest.raises(ResolveError):
        await _resolver(crossref, doiorg).resolve_identifiers([ref(1, doi=FRESH)])


async def test_only_dois_doiorg_gives_to_crossref_are_asked_again() -> None:
    crossref = FakeCrossref()
    doiorg = FakeDoiOrg({"10.5/dc": "DataCite", "10.3/medra": "mEDRA", FRESH: "crossref"})
    datacite = FakeWorks("datacite", [work("10.5/dc", "A dataset", source="datacite")])
    refs = [
        ref(1, doi="10.5/dc"),
        ref(2, doi="10.3/medra"),
        ref(3, doi="10.9/gone"),  # doi.org: does not exist
        ref(4, doi=FRESH),
    ]
    got = await _resolver(crossref, doiorg, datacite).resolve_identifiers(refs)
    assert crossref.work_calls == [FRESH]
    dc = got["paper.txt#1"].doi
    assert dc is not None and dc.found and dc.source == "datacite"
    gone = got["paper.txt#3"].doi
    assert gone is not None and gone.status is Status.NOT_FOUND


async def test_each_doi_is_asked_once_per_run() -> None:
    crossref = FakeCrossref(single=[work(FRESH, "Fresh work")])
    doiorg = FakeDoiOrg({FRESH: "Crossref"})
    resolver = _resolver(crossref, doiorg)
    first = await resolver.resolve_identifiers([ref(1, doi=FRESH), ref(2, doi="10.1/FRESH")])
    second = await resolver.resolve_identifiers([ref(3, doi=FRESH)])
    assert crossref.work_calls == [FRESH]
    for res in (first["paper.txt#1"], first["paper.txt#2"], second["paper.txt#3"]):
        assert res.doi is not None and res.doi.found


async def test_a_registry_without_single_lookup_is_not_asked_again() -> None:
    crossref = FakeWorks("crossref")  # no work() method: behaviour as before
    doiorg = FakeDoiOrg({FRESH: "Crossref"})
    got = await _resolver(crossref, doiorg).resolve_identifiers([ref(1, doi=FRESH)])
    res = got["paper.txt#1"]
    assert res.doi is not None and res.doi.status is Status.NOT_FOUND
    assert res.notes == ("not in Crossref; doi.org: registered at Crossref",)
