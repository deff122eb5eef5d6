"""The resolve stage of veribib: ask registries (and local snapshots) what exists.

The resolver, the snapshots and the clients are imported when first used: the store imports
``veribib.resolve.interface``, and a warm run whose judgements are all reused never resolves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from veribib.config import Settings
from veribib.errors import ConfigError
from veribib.resolve.interface import ResponseCache

if TYPE_CHECKING:
    from veribib.resolve.resolver import ALL_SEARCHES, Resolver, SearchKind
    from veribib.resolve.snapshot import Snapshot, SnapshotStats

_LAZY = {
    "ALL_SEARCHES": "veribib.resolve.resolver",
    "Resolver": "veribib.resolve.resolver",
    "SearchKind": "veribib.resolve.resolver",
    "Snapshot": "veribib.resolve.snapshot",
    "SnapshotStats": "veribib.resolve.snapshot",
}


def __getattr__(name: str) -> Any:
    """The names above, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def build_resolver(settings: Settings, cache: ResponseCache | None = None) -> Resolver:
    """A Resolver wired from settings: the snapshots, and the live clients unless offline."""
    from veribib.resolve.resolver import Resolver
    from veribib.resolve.snapshot import Snapshot

    snapshots = [Snapshot.open(path, settings.cache_dir) for path in settings.snapshots]
    if settings.offline:
        return Resolver(snapshots=snapshots, offline=True)
    try:
        # Imported here so an offline run never needs the HTTP stack.
        from veribib.resolve.arxiv import ArxivClient
        from veribib.resolve.crossref import CrossrefClient
        from veribib.resolve.ctgov import ClinicalTrialsClient
        from veribib.resolve.datacite import DataCiteClient
        from veribib.resolve.dblp import DblpClient
        from veribib.resolve.doiorg import DoiOrgClient
        from veribib.resolve.isrctn import IsrctnClient
        from veribib.resolve.openalex import OpenAlexClient
        from veribib.resolve.pubmed import PubMedClient
        from veribib.resolve.registries import Registries
    except ImportError as exc:
        for snapshot in snapshots:
            snapshot.close()
        raise ConfigError(
            f"the live registry clients cannot be loaded ({exc}); run with --offline"
        ) from exc
    return Resolver(
        crossref=CrossrefClient(settings, cache),
        doiorg=DoiOrgClient(settings, cache),
        datacite=DataCiteClient(settings, cache),
        trials=ClinicalTrialsClient(settings, cache),
        isrctn=IsrctnClient(settings, cache),
        snapshots=snapshots,
        registries=Registries(
            arxiv=ArxivClient(settings, cache),
            pubmed=PubMedClient(settings, cache),
            openalex=OpenAlexClient(settings, cache),
            dblp=DblpClient(settings, cache),
        ),
    )


__all__ = [
    "ALL_SEARCHES",
    "Resolver",
    "SearchKind",
    "Snapshot",
    "SnapshotStats",
    "build_resolver",
]
