"""The resolver: batching, the Crossref → doi.org → DataCite chain, offline, outages, snapshots."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from veribib.errors import ResolveError
from veribib.model import Fields, Person, Status, TrialId
from veribib.resolve import Resolver, SearchKind, Snapshot

from .helpers import FakeDoiOrg, FakeTrials, FakeWorks, ref, work


def _resolver(**kwargs: object) -> Resolver:
    return Resolver(**kwargs)  # type: ignore[arg-type]


async def test_all_dois_in_one_call_duplicates_asked_once() -> None:
    crossref = FakeWorks("crossref", [work(f"10.1/{i}") for i in range(5)])
    refs = [ref(i, doi=f"10.1/{i % 5}") for i in range(12)]  # 12 references, 5 distinct DOIs
    got = await _resolver(crossref=crossref).resolve_identifiers(refs)
    assert len(crossref.doi_calls) == 1
    assert sorted(crossref.doi_calls[0]) == [f"10.1/{i}" for i in range(5)]
    outcomes = [got[r.id].doi for r in refs]
    assert all(o is not None and o.found for o in outcomes)
    seventh = got["paper.txt#7"].doi
    assert seventh is not None and seventh.value is not None and seventh.value.doi == "10.1/2"


async def test_dois_are_matched_case_insensitively_across_references() -> None:
    crossref = FakeWorks("crossref", [work("10.1/abc")])
    refs = [ref(1, doi="10.1/ABC"), ref(2, doi="10.1/abc")]
    got = await _resolver(crossref=crossref).resolve_identifiers(refs)
    assert crossref.doi_calls == [["10.1/abc"]]
    assert got["paper.txt#1"].doi is not None and got["paper.txt#1"].doi.found


async def test_reference_without_identifiers_asks_nothing() -> None:
    crossref = FakeWorks("crossref")
    got = await _resolver(crossref=crossref).resolve_identifiers([ref(1)])
    assert crossref.doi_calls == []
    assert got["paper.txt#1"].doi is None and got["paper.txt#1"].trials == ()


async def test_crossref_miss_goes_to_doiorg_then_datacite() -> None:
    crossref = FakeWorks("crossref", [work("10.1/cr")])
    doiorg = FakeDoiOrg({"10.5/dc": "DataCite", "10.3/medra": "mEDRA"})  # 10.9/gone: absent
    datacite = FakeWorks("datacite", [work("10.5/dc", "A dataset", source="datacite")])
    refs = [
        ref(1, doi="10.1/cr"),
        ref(2, doi="10.5/dc"),
        ref(3, doi="10.3/medra"),
        ref(4, doi="10.9/gone"),
    ]
    got = await _resolver(crossref=crossref, doiorg=doiorg, datacite=datacite).resolve_identifiers(
        refs
    )
    # doi.org asked once, only for what Crossref lacks; DataCite only for its own DOI.
    assert doiorg.calls == [["10.5/dc", "10.3/medra", "10.9/gone"]]
    assert datacite.doi_calls == [["10.5/dc"]]

    r1 = got["paper.txt#1"]
    assert r1.doi is not None and r1.doi.found and r1.doi_registration is None

    r2 = got["paper.txt#2"]
    assert r2.doi is not None and r2.doi.found and r2.doi.source == "datacite"
    assert r2.doi_registration is not None and r2.doi_registration.value is not None
    assert r2.doi_registration.value.agency == "DataCite"

    r3 = got["paper.txt#3"]
    assert r3.doi is not None and r3.doi.status is Status.NOT_FOUND  # not in Crossref ...
    reg = r3.doi_registration
    assert reg is not None and reg.found and reg.value is not None  # ... but it exists
    assert reg.value.exists and reg.value.agency == "mEDRA"

    r4 = got["paper.txt#4"]
    assert r4.doi is not None and r4.doi.status is Status.NOT_FOUND
    assert r4.doi_registration is not None
    assert r4.doi_registration.status is Status.NOT_FOUND and r4.doi_registration.is_fact


async def test_doiorg_found_but_not_existing_becomes_not_found() -> None:
    class SaysNo(FakeDoiOrg):
        async def registrations(self, dois):  # type: ignore[no-untyped-def]
            from veribib.model import DoiRegistration, Outcome

            return {
                d: Outcome(Status.FOUND, DoiRegistration(d, False), source="doi.org") for d in dois
            }

    got = await _resolver(crossref=FakeWorks("crossref"), doiorg=SaysNo({})).resolve_identifiers(
        [ref(1, doi="10.9/x")]
    )
    reg = got["paper.txt#1"].doi_registration
    assert reg is not None and reg.status is Status.NOT_FOUND


async def test_offline_is_not_checked_and_asks_no_live_registry() -> None:
    crossref = FakeWorks("crossref", [work("10.1/a")])
    trials = FakeTrials(["NCT01234567"])
    resolver = _resolver(crossref=crossref, trials=trials, offline=True)
    got = await resolver.resolve_identifiers(
        [ref(1, doi="10.1/a", trials=[TrialId("clinicaltrials.gov", "NCT01234567")])]
    )
    res = got["paper.txt#1"]
    assert res.doi is not None and res.doi.status is Status.NOT_CHECKED
    assert res.doi.detail == "not checked (offline)"
    assert res.trials[0][1].status is Status.NOT_CHECKED
    assert crossref.doi_calls == [] and trials.calls == []

    searched = await resolver.resolve_searches([(ref(1, fields=Fields(title="X")), res)])
    assert searched["paper.txt#1"].search is not None
    assert searched["paper.txt#1"].search.status is Status.NOT_CHECKED
    assert crossref.search_calls == []


@pytest.mark.parametrize("exc", [httpx.ReadTimeout("timed out"), TimeoutError(), OSError("reset")])
async def test_client_exception_is_unavailable_never_not_found(exc: Exception) -> None:
    crossref = FakeWorks("crossref", fail=exc)
    trials = FakeTrials([], fail=exc)
    refs = [
        ref(1, doi="10.1/a", trials=[TrialId("clinicaltrials.gov", "NCT01234567")]),
        ref(2, doi="10.1/b"),
    ]
    resolver = _resolver(crossref=crossref, doiorg=FakeDoiOrg({}), trials=trials)
    got = await resolver.resolve_identifiers(refs)
    for r in refs:
        doi = got[r.id].doi
        assert doi is not None and doi.status is Status.UNAVAILABLE and not doi.is_fact
        assert got[r.id].doi_registration is None  # an outage is not a reason to ask doi.org
    assert got["paper.txt#1"].trials[0][1].status is Status.UNAVAILABLE

    searched = await resolver.resolve_searches(
        [(refs[0], got[refs[0].id])], kinds=[SearchKind.SEARCH]
    )
    search = searched["paper.txt#1"].search
    assert search is not None and search.status is Status.UNAVAILABLE


async def test_doiorg_outage_is_unavailable_registration() -> None:
    resolver = _resolver(
        crossref=FakeWorks("crossref"), doiorg=FakeDoiOrg({}, fail=httpx.ConnectError("down"))
    )
    got = await resolver.resolve_identifiers([ref(1, doi="10.1/a")])
    reg = got["paper.txt#1"].doi_registration
    assert reg is not None and reg.status is Status.UNAVAILABLE


async def test_resolve_error_propagates() -> None:
    crossref = FakeWorks("crossref", fail=ResolveError("HTTP 403 from Crossref"))
    with pytest.raises(ResolveError, match="403"):
        await _resolver(crossref=crossref).resolve_identifiers([ref(1, doi="10.1/a")])


async def test_snapshot_hit_avoids_live_call(seed_jsonl: Path, tmp_path: Path) -> None:
    snapshot = Snapshot.build(seed_jsonl, tmp_path / "seed.sqlite")
    crossref = FakeWorks("crossref", [work("10.1/live")])
    try:
        got = await _resolver(crossref=crossref, snapshots=[snapshot]).resolve_identifiers(
            [ref(1, doi="10.1093/asj/sjac149"), ref(2, doi="10.1/live")]
        )
    finally:
        snapshot.close()
    assert crossref.doi_calls == [["10.1/live"]]  # only what the snapshot lacked
    hit = got["paper.txt#1"].doi
    assert hit is not None and hit.found and hit.source == "snapshot"
    assert got["paper.txt#2"].doi is not None and got["paper.txt#2"].doi.source == "crossref"


async def test_offline_snapshot_answers_what_it_holds(seed_jsonl: Path, tmp_path: Path) -> None:
    snapshot = Snapshot.build(seed_jsonl, tmp_path / "seed.sqlite")
    anitua = ref(
        1,
        fields=Fields(
            authors=(Person("Anitua", "E"),),
            year=2023,
            title="Advances in platelet rich plasma-derived extracellular vesicles for "
            "regenerative medicine",
            container="Int J Mol Sci",
            volume="24",
            pages="13043",
        ),
    )
    resolver = _resolver(snapshots=[snapshot], offline=True)
    try:
        base = await resolver.resolve_identifiers([anitua, ref(2, doi="10.1/elsewhere")])
        miss = base["paper.txt#2"].doi
        assert miss is not None and miss.status is Status.NOT_CHECKED  # not NOT_FOUND
        got = await resolver.resolve_searches([(anitua, base[anitua.id])])
    finally:
        await resolver.aclose()
    res = got[anitua.id]
    assert res.search is not None and res.search.found and res.search.value
    assert res.search.value[0].doi == "10.3390/ijms241713043"
    assert not res.search.authoritative  # a snapshot alone is no proof of absence
    assert res.locator is not None and res.locator.value is not None
    assert [w.doi for w in res.locator.value] == ["10.3390/ijms241713043"]


async def test_trials_one_batch_other_registries_not_checked() -> None:
    trials = FakeTrials(["NCT01234567"])
    refs = [
        ref(1, trials=[TrialId("clinicaltrials.gov", "NCT01234567")]),
        ref(
            2,
            trials=[
                TrialId("clinicaltrials.gov", "NCT01234567"),
                TrialId("chictr", "ChiCTR2000029308"),
                TrialId("clinicaltrials.gov", "NCT0123456"),  # a digit short: never asked
                TrialId("clinicaltrials.gov", "NCT12345678"),  # not issued yet: never asked
            ],
        ),
        ref(3, trials=[TrialId("clinicaltrials.gov", "NCT07654321")]),
    ]
    got = await _resolver(trials=trials).resolve_identifiers(refs)
    assert trials.calls == [["NCT01234567", "NCT07654321"]]
    assert got["paper.txt#1"].trials[0][1].found
    said = dict(got["paper.txt#2"].trials)
    chictr = said["ChiCTR2000029308"]
    assert chictr.status is Status.NOT_CHECKED
    assert chictr.detail == "ChiCTR has no open API: format valid, not checked"
    assert "7 digits" in said["NCT0123456"].detail
    assert "beyond the numbers" in said["NCT12345678"].detail
    assert got["paper.txt#3"].trials[0][1].status is Status.NOT_FOUND


async def test_searches_merge_dedupe_and_cap() -> None:
    shared = work("10.1/same", "Same work")
    crossref = FakeWorks(
        "crossref", search_result=[shared, *(work(f"10.1/c{i}") for i in range(5))]
    )
    local = FakeWorks(
        "snapshot",
        authoritative=False,
        search_result=[work("10.1/same", "Same work", source="snapshot"), work("10.1/s1")],
    )
    r = ref(1, fields=Fields(title="Same work", container="J Test", volume="1", pages="5-9"))
    resolver = _resolver(crossref=crossref, snapshots=[local])
    got = await resolver.resolve_searches([(r, (await resolver.resolve_identifiers([r]))[r.id])])
    search = got[r.id].search
    assert search is not None and search.found and search.value is not None
    dois = [w.doi for w in search.value]
    assert len(dois) == 5 and len(set(dois)) == 5
    assert dois[:3] == ["10.1/same", "10.1/c0", "10.1/s1"]  # interleaved by rank
    assert search.value[0].source == "crossref"  # the live record wins a duplicate
    assert search.authoritative and search.source == "crossref+snapshot"
    assert crossref.locator_calls == [("J Test", "1", "5", None)]


async def test_identical_searches_are_asked_once_and_kinds_are_respected() -> None:
    crossref = FakeWorks("crossref", search_result=[work("10.1/x")])
    fields = Fields(title="Same", container="J", pages="3")
    a, b = ref(1, fields=fields, text="Same"), ref(2, fields=fields, text="Same")
    c = ref(3, fields=Fields(title="Other"))
    resolver = _resolver(crossref=crossref)
    base = await resolver.resolve_identifiers([a, b, c])
    got = await resolver.resolve_searches(
        [(a, base[a.id], True), (b, base[b.id], ["search"]), (c, base[c.id], False)]
    )
    assert len(crossref.search_calls) == 1
    assert len(crossref.locator_calls) == 1
    assert got[a.id].locator is not None and got[b.id].locator is None
    assert got[c.id].search is None and got[c.id].locator is None


async def test_locator_without_page_is_not_checked() -> None:
    crossref = FakeWorks("crossref")
    r = ref(1, fields=Fields(title="T", container="J"))
    got = await _resolver(crossref=crossref).resolve_searches(
        [(r, (await _resolver().resolve_identifiers([r]))[r.id])], kinds=[SearchKind.LOCATOR]
    )
    loc = got[r.id].locator
    assert loc is not None and loc.status is Status.NOT_CHECKED
    assert crossref.locator_calls == []


async def test_progress_reaches_total_and_aclose_closes_clients() -> None:
    seen: list[tuple[str, int, int]] = []
    plain: list[tuple[int, int]] = []
    crossref = FakeWorks("crossref", [work("10.1/a")])
    resolver = _resolver(
        crossref=crossref, doiorg=FakeDoiOrg({}), progress=lambda d, t: plain.append((d, t))
    )
    refs = [ref(1, doi="10.1/a"), ref(2, doi="10.1/b")]
    await resolver.resolve_identifiers(refs, progress=lambda s, d, t: seen.append((s, d, t)))
    assert seen[-1] == ("resolve", 2, 2) and plain == []
    await resolver.resolve_searches(
        [(refs[0], (await resolver.resolve_identifiers(refs))[refs[0].id])]
    )
    assert plain[-1][0] == plain[-1][1] > 0
    await resolver.aclose()
    assert crossref.closed


async def test_build_resolver_from_settings(seed_jsonl: Path, tmp_path: Path) -> None:
    from veribib.config import Settings
    from veribib.resolve import build_resolver

    offline = build_resolver(
        Settings(offline=True, snapshots=(str(seed_jsonl),), cache_dir=str(tmp_path / "cache"))
    )
    try:
        assert offline.offline and offline.crossref is None and len(offline.snapshots) == 1
        snap = offline.snapshots[0]
        assert isinstance(snap, Snapshot) and snap.index_path.is_relative_to(tmp_path / "cache")
    finally:
        await offline.aclose()

    live = build_resolver(Settings(cache_dir=str(tmp_path / "cache")))
    try:
        assert not live.offline and live.snapshots == ()
        names = [live.crossref.name, live.datacite.name]  # type: ignore[union-attr]
        assert names == ["crossref", "datacite"]
        assert live.doiorg is not None and live.trials is not None
    finally:
        await live.aclose()
