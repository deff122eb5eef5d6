"""The resolver asks Crossref's ``/works/{doi}`` once for a filter miss doi.org gives to Crossref.

The stand-in serves one corpus to both routes, so the only filter miss doi.org attributes to
Crossref is a bare prefix (``/ra/`` answers for prefixes): enough to drive the real clients
through the 404 and the outage paths over real sockets.
"""

from __future__ import annotations

from collections.abc import Callable

from veribib.model import Status
from veribib.resolve import Resolver
from veribib.resolve.crossref import CrossrefClient
from veribib.resolve.doiorg import DoiOrgClient
from veribib.resolve.http import MemoryCache

from ..resolve.helpers import ref
from .support import FAST, StandIn, settings_for

PREFIX = "10.1371"  # PLOS: Crossref's prefix, no work of its own


def _resolver(server: StandIn) -> Resolver:
    settings = settings_for(server)
    return Resolver(
        crossref=CrossrefClient(settings, policy=FAST), doiorg=DoiOrgClient(settings, policy=FAST)
    )


def _singles(server: StandIn) -> list[str]:
    return [r.path for r in server.requests_to("crossref") if r.path.startswith("/works/")]


async def test_single_404_keeps_not_found(standin: Callable[..., StandIn]) -> None:
    server = standin()
    resolver = _resolver(server)
    try:
        got = await resolver.resolve_identifiers([ref(1, doi=PREFIX), ref(2, doi=PREFIX)])
    finally:
        await resolver.aclose()
    res = got["paper.txt#1"]
    assert res.doi is not None and res.doi.status is Status.NOT_FOUND and res.doi.is_fact
    reg = res.doi_registration
    assert reg is not None and reg.value is not None and reg.value.agency == "Crossref"
    assert _singles(server) == [f"/works/{PREFIX}"]


async def test_single_outage_is_unavailable(standin: Callable[..., StandIn]) -> None:
    server = standin(faults=[(f"/works/{PREFIX}", "503")] * 4)
    resolver = _resolver(server)
    try:
        got = await resolver.resolve_identifiers([ref(1, doi=PREFIX)])
    finally:
        await resolver.aclose()
    res = got["paper.txt#1"]
    assert res.doi is not None and res.doi.status is Status.UNAVAILABLE
    assert "503" in res.doi.detail
    assert _singles(server) == [f"/works/{PREFIX}"] * 4


async def test_recheck_asks_past_the_cached_filter_miss(standin: Callable[..., StandIn]) -> None:
    server = standin()
    settings = settings_for(server)
    cache = MemoryCache()
    resolver = Resolver(
        crossref=CrossrefClient(settings, cache, policy=FAST),
        doiorg=DoiOrgClient(settings, cache, policy=FAST),
    )
    try:
        await resolver.resolve_identifiers([ref(1, doi=PREFIX)])
    finally:
        await resolver.aclose()
    # The filter answer cached a 404 under /works/{doi}; the re-check still asked Crossref.
    assert _singles(server) == [f"/works/{PREFIX}"]
