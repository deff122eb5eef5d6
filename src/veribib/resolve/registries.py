"""The registries beyond Crossref: which to ask about a reference, and how their answers join.

Routing (ask what can answer; each request only when the answers so far have not found the
cited title):

- cited arXiv ids → arXiv (batched), cited PMIDs/PMCIDs → PubMed (batched): the records join
  the search candidates, so the judge validates them field by field like any other;
- a cited DOI doi.org places at an agency with no client here (mEDRA, JaLC, KISTI, …) →
  OpenAlex's record of it (batched), taken as the record at the cited DOI;
- a computer-science venue (NeurIPS, ICLR, ICML, ACL, …) or an arXiv id → DBLP search;
- a journal + volume + first page that Crossref's locator lookup did not place → PubMed's
  ECitMatch (journals that deposit no DOIs but are indexed in MEDLINE);
- anything still not found → OpenAlex title search, then (journal articles) PubMed search;
- still not found, with a journal and year cited → the journal registries (OpenAlex sources,
  the NLM Catalog; DBLP's venue index for CS venues): is the venue known at all, and with how
  many works in the cited year?

A registry that is down is an outage (UNAVAILABLE), never an absence: after ``DOWN_AFTER``
failed lookups in a row with none answered in this run it is no longer asked.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from rapidfuzz import fuzz

from veribib.errors import ResolveError
from veribib.model import Fields, Outcome, Person, Reference, Resolution, Status, VenueFact, Work
from veribib.resolve.normalize import words

log = logging.getLogger(__name__)
T = TypeVar("T")

DOWN_AFTER = 3
PUBLISHED_VERSION = "published_version"  # Update.type of an arXiv journal_ref
TITLE_FOUND_RATIO = 90  # as the resolver's: token_set_ratio of folded title words

# Words of venue names that mark computer-science proceedings and journals DBLP indexes.
_CS_NAMES = """neurips nips iclr icml acl emnlp naacl eacl coling aaai ijcai cvpr iccv eccv kdd
    sigir wsdm cikm icde vldb sigmod colt aistats uai corr interspeech icassp iros icra tacl
    jmlr tmlr mlsys osdi sosp nsdi usenix sigcomm uist icse pldi popl stoc focs soda asplos"""
CS_VENUES = frozenset(_CS_NAMES.split())
CS_PHRASES = (
    "neural information processing",
    "learning representations",
    "machine learning",
    "mach learn",
    "computational linguistics",
    "artificial intelligence",
    "computer vision",
    "pattern recognition",
    "knowledge discovery",
)


class TitleSearch(Protocol):
    """A registry with a bibliographic search."""

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        """Candidates for the cited fields."""
        ...


class ArxivRegistry(Protocol):
    """arXiv: records by id."""

    async def works_by_arxiv(self, ids: Sequence[str]) -> dict[str, Outcome[Work]]:
        """One Outcome per id asked."""
        ...


class PubMedRegistry(TitleSearch, Protocol):
    """PubMed: records by PMID/PMCID, citation matching, the NLM Catalog."""

    async def works_by_ids(
        self, pmids: Sequence[str], pmcids: Sequence[str]
    ) -> dict[str, Outcome[Work]]:
        """One Outcome per id asked."""
        ...

    async def by_locator(
        self,
        container: str,
        volume: str | None,
        first_page: str,
        year: int | None,
        author: str = "",
    ) -> Outcome[tuple[Work, ...]]:
        """Works at a journal + volume + first page (ECitMatch)."""
        ...

    async def journal(self, name: str, year: int | None = None) -> Outcome[VenueFact]:
        """Whether the NLM Catalog knows the journal."""
        ...


class OpenAlexRegistry(TitleSearch, Protocol):
    """OpenAlex: works by DOI, title search and sources."""

    async def works_by_doi(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        """One Outcome per DOI asked."""
        ...

    async def source(self, name: str, year: int | None = None) -> Outcome[VenueFact]:
        """Whether OpenAlex knows the venue, and its works that year."""
        ...


class DblpRegistry(TitleSearch, Protocol):
    """DBLP: publication search and venue coverage by year."""

    async def venue_year(self, venue: str, year: int) -> Outcome[VenueFact]:
        """How many publications DBLP lists for a venue in a year."""
        ...


def is_cs_venue(fields: Fields) -> bool:
    """The cited venue is a computer-science conference or journal DBLP indexes."""
    name = fields.container or ""
    ws = set(words(name))
    plain = " ".join(words(name))
    return bool(ws & CS_VENUES) or any(p in plain for p in CS_PHRASES)


def _shares_author(cited: Sequence[Person], recorded: Sequence[Person]) -> bool:
    names = {" ".join(words(p.family)) for p in recorded}
    return not cited or not recorded or any(" ".join(words(p.family)) in names for p in cited)


def title_found(fields: Fields, works: Iterable[Work]) -> bool:
    """A record has the cited title (folded word set) and shares a cited author's name."""
    cited = " ".join(words(fields.title or ""))
    if not cited:
        return False
    for work in works:
        title = " ".join(words(work.fields.title or ""))
        if (
            title
            and fuzz.token_set_ratio(cited, title) >= TITLE_FOUND_RATIO
            and _shares_author(fields.authors, work.fields.authors)
        ):
            return True
    return False


def published_journal(work: Work) -> str | None:
    """The ``journal_ref`` arXiv holds for a record (where the preprint was published)."""
    for update in work.updates:
        if update.type == PUBLISHED_VERSION and update.label:
            return update.label
    return None


def works_of(outcome: Outcome[tuple[Work, ...]] | None) -> tuple[Work, ...]:
    """The works an outcome found (none otherwise)."""
    if outcome is None or not outcome.found or outcome.value is None:
        return ()
    return outcome.value


def _key(work: Work) -> str:
    if work.doi:
        return work.doi.lower()
    return f"{' '.join(words(work.fields.title or ''))}|{work.fields.year}"


def join(
    base: Outcome[tuple[Work, ...]] | None,
    extra: Outcome[tuple[Work, ...]],
    *,
    first: bool = False,
) -> Outcome[tuple[Work, ...]] | None:
    """``base`` with ``extra``'s works added (before base's when ``first``), de-duplicated.

    Nothing changes when ``extra`` found nothing: its outage or absence is kept in
    ``Resolution.registries``, and the primary search's own answer stays what it was.
    """
    if not extra.found or not extra.value:
        return base
    old = works_of(base)
    ordered = (*extra.value, *old) if first else (*old, *extra.value)
    merged: list[Work] = []
    seen: set[str] = set()
    for work in ordered:
        if _key(work) not in seen:
            seen.add(_key(work))
            merged.append(work)
    sources = [s for s in ((base.source if base and base.found else ""), extra.source) if s]
    if base is None:
        return replace(extra, value=tuple(merged))
    return Outcome(
        Status.FOUND,
        tuple(merged),
        source="+".join(dict.fromkeys(sources)),
        detail=base.detail,
        url=base.url or extra.url,
        authoritative=base.authoritative if base.status is not Status.UNAVAILABLE else True,
    )


@dataclass
class _Health:
    answered: bool = False
    failures: int = 0


@dataclass
class Registries:
    """arXiv, PubMed, OpenAlex and DBLP clients (any may be absent) and the routing above."""

    arxiv: ArxivRegistry | None = None
    pubmed: PubMedRegistry | None = None
    openalex: OpenAlexRegistry | None = None
    dblp: DblpRegistry | None = None
    rows: int = 5
    _health: dict[str, _Health] = field(default_factory=dict)
    _tasks: dict[tuple[Any, ...], asyncio.Task[Any]] = field(default_factory=dict)

    def any(self) -> bool:
        """True when at least one registry is configured."""
        return any(r is not None for r in (self.arxiv, self.pubmed, self.openalex, self.dblp))

    async def aclose(self) -> None:
        """Close every client that holds connections."""
        for client in (self.arxiv, self.pubmed, self.openalex, self.dblp):
            close = getattr(client, "aclose", None)
            if close is not None:
                try:
                    await close()
                except Exception as exc:  # closing must not hide the run's result
                    log.warning("closing %r failed: %r", client, exc)

    # --- asking ------------------------------------------------------------------------------

    async def _ask(
        self, name: str, key: tuple[Any, ...], make: Callable[[], Awaitable[Outcome[T]]]
    ) -> Outcome[T]:
        """One lookup, shared by identical asks; an exception or a down registry is UNAVAILABLE."""
        health = self._health.setdefault(name, _Health())
        if not health.answered and health.failures >= DOWN_AFTER:
            return Outcome(
                Status.UNAVAILABLE,
                source=name,
                detail=f"{name}: not asked: {health.failures} lookups in a row failed and none "
                "was answered in this run",
            )
        full = (name, *key)
        if full not in self._tasks:
            self._tasks[full] = asyncio.ensure_future(self._guarded(name, make))
        outcome: Outcome[T] = await self._tasks[full]
        return outcome

    async def _guarded(self, name: str, make: Callable[[], Awaitable[Outcome[T]]]) -> Outcome[T]:
        health = self._health.setdefault(name, _Health())
        try:
            outcome = await make()
        except ResolveError:
            raise
        except Exception as exc:
            log.warning("%s: lookup failed: %r", name, exc)
            outcome = Outcome(Status.UNAVAILABLE, source=name, detail=f"{name}: {exc!r}")
        if outcome.status is Status.UNAVAILABLE:
            health.failures += 1
        else:
            health.answered, health.failures = True, 0
        return outcome

    # --- identifiers -------------------------------------------------------------------------

    async def identifiers(
        self, refs: Sequence[Reference]
    ) -> dict[str, tuple[Outcome[Work] | None, Outcome[Work] | None]]:
        """Per reference id: the record of its arXiv id, and of its PMID/PMCID."""
        arxiv_ids = list(dict.fromkeys(r.identifiers.arxiv for r in refs if r.identifiers.arxiv))
        pmids = list(dict.fromkeys(r.identifiers.pmid for r in refs if r.identifiers.pmid))
        pmcids = list(
            dict.fromkeys(
                r.identifiers.pmcid for r in refs if r.identifiers.pmcid and not r.identifiers.pmid
            )
        )
        by_arxiv: dict[str, Outcome[Work]] = {}
        by_pm: dict[str, Outcome[Work]] = {}
        arxiv, pubmed = self.arxiv, self.pubmed

        async def ask_arxiv() -> None:
            if arxiv is not None and arxiv_ids:
                by_arxiv.update(await _batch("arxiv", arxiv.works_by_arxiv(arxiv_ids), arxiv_ids))

        async def ask_pubmed() -> None:
            if pubmed is not None and (pmids or pmcids):
                keys = [*pmids, *pmcids]
                by_pm.update(await _batch("pubmed", pubmed.works_by_ids(pmids, pmcids), keys))

        await asyncio.gather(ask_arxiv(), ask_pubmed())
        out: dict[str, tuple[Outcome[Work] | None, Outcome[Work] | None]] = {}
        for r in refs:
            ids = r.identifiers
            pm = ids.pmid or ids.pmcid
            out[r.id] = (by_arxiv.get(ids.arxiv or ""), by_pm.get(pm or "") if pm else None)
        return out

    async def elsewhere(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        """OpenAlex's records of DOIs registered where veribib has no client (mEDRA, JaLC, …)."""
        openalex = self.openalex
        if openalex is None or not dois:
            return {}
        return await _batch("openalex", openalex.works_by_doi(dois), dois)

    # --- searches ----------------------------------------------------------------------------

    async def searches(
        self, ref: Reference, res: Resolution, *, search: bool, locator: bool
    ) -> Resolution:
        """Ask the routed registries what the Crossref lookups did not find; join the answers."""
        f, text = ref.fields, ref.raw.text
        asked: list[tuple[str, Outcome[tuple[Work, ...]]]] = []
        found_search = res.search
        found_locator = res.locator
        records = tuple(
            o.value for o in (res.arxiv, res.pubmed) if o is not None and o.found and o.value
        )
        if records:
            ids = Outcome(Status.FOUND, records, source=records[0].source)
            found_search = join(found_search, ids, first=True)

        def seen() -> tuple[Work, ...]:
            return works_of(found_search) + works_of(found_locator)

        title_key = (f.title, tuple(p.family for p in f.authors[:1]))
        # The fallbacks follow Crossref's answer: while Crossref's own lookup is down the
        # reference stays unresolved, as it would without them (identifier lookups and DBLP,
        # which holds what Crossref does not, are asked whatever Crossref says).
        search_next = _answered(res.search)
        locator_next = _answered(res.locator)
        routed_cs = is_cs_venue(f) or bool(ref.identifiers.arxiv)
        if (
            search
            and f.title
            and self.dblp is not None
            and routed_cs
            and not title_found(f, seen())
        ):
            dblp = self.dblp
            got = await self._ask("dblp", title_key, lambda: dblp.search(f, text, self.rows))
            asked.append(("dblp", got))
            found_search = join(found_search, got)
        if (
            locator
            and locator_next
            and self.pubmed is not None
            and f.container
            and f.first_page
            and not is_cs_venue(f)
            and not _placed(works_of(found_locator), f)
        ):
            # Without the cited author: the question is what sits at that place, whoever
            # wrote it (an invented citation borrows a real location under other names).
            pubmed, container, page = self.pubmed, f.container, f.first_page
            got = await self._ask(
                "pubmed",
                ("citmatch", container, f.volume, page, f.year),
                lambda: pubmed.by_locator(container, f.volume, page, f.year),
            )
            asked.append(("pubmed citation match", got))
            found_locator = join(found_locator, got)
        if (
            search
            and search_next
            and f.title
            and self.openalex is not None
            and not title_found(f, seen())
        ):
            openalex = self.openalex
            got = await self._ask(
                "openalex", title_key, lambda: openalex.search(f, text, self.rows)
            )
            asked.append(("openalex", got))
            found_search = join(found_search, got)
        if (
            search
            and search_next
            and f.title
            and self.pubmed is not None
            and f.container
            and not is_cs_venue(f)
            and not title_found(f, seen())
        ):
            pubmed = self.pubmed
            got = await self._ask("pubmed", title_key, lambda: pubmed.search(f, text, self.rows))
            asked.append(("pubmed", got))
            found_search = join(found_search, got)
        venues: list[Outcome[VenueFact]] = []
        if (
            search
            and search_next
            and f.title
            and f.container
            and f.year
            and not title_found(f, seen())
        ):
            venues = await self._venues(f.container, f.year, is_cs_venue(f))
        return replace(
            res,
            search=found_search,
            locator=found_locator,
            registries=(*res.registries, *asked),
            venues=(*res.venues, *venues),
        )

    async def _venues(self, name: str, year: int, cs: bool) -> list[Outcome[VenueFact]]:
        """What each journal registry says of the cited venue (and its works that year)."""
        asks: list[Awaitable[Outcome[VenueFact]]] = []
        openalex, pubmed, dblp = self.openalex, self.pubmed, self.dblp
        if openalex is not None:
            asks.append(
                self._ask("openalex", ("source", name, year), lambda: openalex.source(name, year))
            )
        if cs and dblp is not None:
            asks.append(
                self._ask("dblp", ("venue", name, year), lambda: dblp.venue_year(name, year))
            )
        if not cs and pubmed is not None:
            asks.append(self._ask("pubmed", ("journal", name), lambda: pubmed.journal(name, year)))
        return list(await asyncio.gather(*asks))


def _answered(outcome: Outcome[Any] | None) -> bool:
    """Crossref's lookup gave a fact, or was not made (nothing to wait for)."""
    return outcome is None or outcome.is_fact


def _placed(works: Sequence[Work], f: Fields) -> bool:
    """A work already sits at the cited volume and first page (no citation match needed)."""
    first = (f.first_page or "").lower()
    return any(
        (w.fields.first_page or "").lower() == first
        and (not f.volume or (w.fields.volume or "") == f.volume)
        for w in works
    )


async def _batch(
    name: str, call: Awaitable[dict[str, Outcome[Work]]], keys: Sequence[str]
) -> dict[str, Outcome[Work]]:
    """A batch lookup; an exception becomes UNAVAILABLE for every key, a missing key too."""
    try:
        got = await call
    except ResolveError:
        raise
    except Exception as exc:
        log.warning("%s: lookup of %d ids failed: %r", name, len(keys), exc)
        got = {}
    return {
        k: got.get(k) or Outcome(Status.UNAVAILABLE, source=name, detail=f"{name} gave no answer")
        for k in keys
    }


__all__ = [
    "CS_VENUES",
    "PUBLISHED_VERSION",
    "Registries",
    "is_cs_venue",
    "join",
    "published_journal",
    "title_found",
]
