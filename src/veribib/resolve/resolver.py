"""Gather what the registries say about each reference, with as few requests as possible.

Identifier lookups are batched across the whole run: every distinct DOI is asked once, first of
the local snapshots, then of Crossref; DOIs Crossref does not hold go to doi.org in one batch,
and those doi.org places at DataCite to DataCite. Those doi.org places at Crossref itself are
asked of Crossref once more, one by one (``/works/{doi}``): a ``doi:`` filter answer can miss a
freshly deposited DOI. Trial ids go to the trial registry in one batch. Searches (bibliographic
and by locator) run concurrently, bounded.

A lookup failure never raises: an exception from a client becomes an UNAVAILABLE outcome (an
outage is unknown, never NOT_FOUND). Only ``ResolveError`` (e.g. HTTP 403) propagates.

When Crossref has failed ``DOWN_AFTER`` lookups in a row without answering once in this run
(it is down or unreachable), the remaining searches are not sent: they end UNAVAILABLE at once
instead of each waiting its turn in the 3-per-second search pool and its retries.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol, TypeVar, runtime_checkable

from rapidfuzz import fuzz

from veribib.errors import ResolveError, StoreError
from veribib.model import (
    DoiRegistration,
    Outcome,
    Person,
    Reference,
    Resolution,
    Status,
    Trial,
    TrialId,
    Work,
)
from veribib.reference.registries import WITH_API, askable, registry_name, trial_id_problem
from veribib.resolve.interface import DoiRegistry, TrialRegistry, WorkRegistry
from veribib.resolve.normalize import fold, words
from veribib.resolve.registries import Registries, title_found

log = logging.getLogger(__name__)

T = TypeVar("T")

OFFLINE = "not checked (offline)"
# A search candidate whose title is this alike the cited one (rapidfuzz token_set_ratio on
# folded words) is the cited work found: no venue probe is asked for it. Only saves requests;
# the judge decides identity.
TITLE_FOUND_RATIO = 90
DOWN_AFTER = 8  # consecutive failed Crossref lookups, none answered, before it counts as down
NCT_REGISTRY = "clinicaltrials.gov"
ISRCTN_REGISTRY = "isrctn"
LISTED_BY_CTGOV = frozenset(("eudract", "ctis"))  # numbers CT.gov records list as secondary ids

Progress = Callable[[int, int], None]
"""Called as progress(done, total) while lookups settle."""
StageProgress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total); stages are "resolve" and "search"."""


class SearchKind(StrEnum):
    """The searches the resolver offers for a reference whose identifiers were not enough."""

    SEARCH = "search"  # bibliographic search (title, authors, journal, year, whole text)
    LOCATOR = "locator"  # journal + volume + first page or article number
    # Does Crossref hold works of the cited journal around the cited year? Asked after the
    # search, only when the search answered and none of its candidates already shows that.
    VENUE = "venue"


# The searches every reference may get; the venue probe is asked for by name only.
ALL_SEARCHES: frozenset[SearchKind] = frozenset((SearchKind.SEARCH, SearchKind.LOCATOR))


@runtime_checkable
class VenueProbe(Protocol):
    """A registry that can say whether it holds works of a journal around a year (Crossref)."""

    async def venue(
        self, container: str, year: int, issn: str | None = None
    ) -> Outcome[tuple[Work, ...]]:
        """Works of the journal within a year or so of ``year``."""
        ...


@runtime_checkable
class SingleWork(Protocol):
    """A registry that can look up one DOI on its own (Crossref's ``/works/{doi}``)."""

    async def work(self, doi: str, *, fresh: bool = False) -> Outcome[Work]:
        """The record of one DOI (``fresh``: not from the response cache)."""
        ...


Wanted = bool | str | Collection[str] | None
"""Which searches one reference needs: True = all, False/empty = none, or the kinds by name."""


def _kinds(wanted: Wanted, default: frozenset[SearchKind]) -> frozenset[SearchKind]:
    """The searches a ``Wanted`` value asks for."""
    if wanted is None:
        return default
    if isinstance(wanted, bool):
        return ALL_SEARCHES if wanted else frozenset()
    if isinstance(wanted, str):
        return frozenset((SearchKind(wanted),))
    return frozenset(SearchKind(k) for k in wanted)


@dataclass
class _Counter:
    """Progress of one stage: settled lookups out of all."""

    stage: str
    total: int
    report: StageProgress
    done: int = 0

    def tick(self, n: int = 1) -> None:
        if n <= 0 or self.total <= 0:
            return
        self.done = min(self.total, self.done + n)
        self.report(self.stage, self.done, self.total)


@dataclass
class _DoiAnswers:
    """Everything the DOI chain learnt, per DOI."""

    work: dict[str, Outcome[Work]] = field(default_factory=dict)
    registration: dict[str, Outcome[DoiRegistration]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)

    def note(self, doi: str, text: str) -> None:
        self.notes.setdefault(doi, []).append(text)


def _doi_key(doi: str) -> str:
    return doi.strip().lower()


def _askable(trial: TrialId, registry: str) -> bool:
    """An id of ``registry`` worth asking for: well-formed and possibly issued."""
    return trial.registry.lower() == registry and askable(trial)


def _askable_nct(trial: TrialId) -> bool:
    return _askable(trial, NCT_REGISTRY)


def _not_checked(source: str, detail: str) -> Outcome[Any]:
    return Outcome(Status.NOT_CHECKED, source=source, detail=detail)


def _unavailable(source: str, exc: BaseException) -> Outcome[Any]:
    return Outcome(
        Status.UNAVAILABLE, source=source, detail=f"{source}: {type(exc).__name__}: {exc}"
    )


def _work_key(work: Work) -> str:
    """What makes two candidates the same work: the DOI, else title and year."""
    if work.doi:
        return work.doi.lower()
    return f"{' '.join(fold(work.fields.title or '').split())}|{work.fields.year}"


class Resolver:
    """Asks the registries about parsed references and returns one ``Resolution`` per reference."""

    def __init__(
        self,
        *,
        crossref: WorkRegistry | None = None,
        doiorg: DoiRegistry | None = None,
        datacite: WorkRegistry | None = None,
        trials: TrialRegistry | None = None,
        isrctn: TrialRegistry | None = None,
        snapshots: Sequence[WorkRegistry] = (),
        offline: bool = False,
        progress: Progress | None = None,
        concurrency: int = 4,
        rows: int = 5,
        registries: Registries | None = None,
    ) -> None:
        self.crossref = crossref
        self.doiorg = doiorg
        self.datacite = datacite
        self.trials = trials
        self.isrctn = isrctn
        self.snapshots = tuple(snapshots)
        self.offline = offline
        self.progress = progress
        self.concurrency = max(1, concurrency)
        self.rows = rows
        self._crossref_answered = False
        self._crossref_failures = 0
        # Single Crossref lookups of filter misses, so each DOI is asked at most once per run.
        self._crossref_singles: dict[str, Outcome[Work]] = {}
        # arXiv, PubMed, OpenAlex, DBLP (#13): routed by resolve/registries.py.
        self.registries = registries if registries is not None and registries.any() else None

    # --- plumbing ------------------------------------------------------------------------

    def _reporter(self, progress: StageProgress | None) -> StageProgress:
        if progress is not None:
            return progress
        plain = self.progress
        if plain is None:
            return lambda _stage, _done, _total: None
        return lambda _stage, done, total: plain(done, total)

    async def _batch(
        self, source: str, call: Awaitable[Mapping[str, Outcome[T]]], keys: Sequence[str]
    ) -> dict[str, Outcome[T]]:
        """One batch call; a failure becomes UNAVAILABLE for every key, a missing key too."""
        try:
            answers = await call
        except (ResolveError, StoreError):  # refused, or our own database failed: not a lookup
            raise
        except Exception as exc:
            log.warning("%s: lookup of %d items failed: %r", source, len(keys), exc)
            failed: Outcome[T] = _unavailable(source, exc)
            return {k: failed for k in keys}
        out: dict[str, Outcome[T]] = {}
        for k in keys:
            answer = answers.get(k)
            out[k] = (
                answer
                if answer is not None
                else Outcome(
                    Status.UNAVAILABLE, source=source, detail=f"{source} gave no answer for {k}"
                )
            )
        return out

    async def _one(self, source: str, call: Awaitable[Outcome[T]]) -> Outcome[T]:
        """One lookup; a failure becomes UNAVAILABLE."""
        try:
            return await call
        except (ResolveError, StoreError):  # refused, or our own database failed: not a lookup
            raise
        except Exception as exc:
            log.warning("%s: lookup failed: %r", source, exc)
            return _unavailable(source, exc)

    def _crossref_seen(self, outcomes: Iterable[Outcome[Any]]) -> None:
        """Record whether Crossref answered one request (any outcome not UNAVAILABLE)."""
        if any(o.status is not Status.UNAVAILABLE for o in outcomes):
            self._crossref_answered = True
            self._crossref_failures = 0
        else:
            self._crossref_failures += 1

    def _crossref_down(self) -> bool:
        """True when Crossref never answered in this run and failed ``DOWN_AFTER`` in a row."""
        return not self._crossref_answered and self._crossref_failures >= DOWN_AFTER

    async def _live(
        self, make: Callable[[], Awaitable[Outcome[tuple[Work, ...]]]]
    ) -> Outcome[tuple[Work, ...]] | None:
        """One Crossref search or locator lookup, unless offline, absent or known to be down."""
        if self.offline or self.crossref is None:
            return None
        name = self.crossref.name
        if self._crossref_down():
            return Outcome(
                Status.UNAVAILABLE,
                source=name,
                detail=f"{name}: not asked: {self._crossref_failures} lookups in a row failed "
                "and none was answered in this run",
            )
        outcome = await self._one(name, make())
        self._crossref_seen((outcome,))
        return outcome

    async def aclose(self) -> None:
        """Close every registry that holds connections or files."""
        seen: set[int] = set()
        registries = (self.crossref, self.doiorg, self.datacite, self.trials, self.isrctn)
        for registry in (*registries, *self.snapshots):
            if registry is None or id(registry) in seen:
                continue
            seen.add(id(registry))
            close = getattr(registry, "aclose", None)
            if close is None:
                continue
            try:
                await close()
            except Exception as exc:  # closing must not hide the run's result
                log.warning("closing %r failed: %r", registry, exc)
        if self.registries is not None:
            await self.registries.aclose()

    # --- identifiers ---------------------------------------------------------------------

    async def resolve_identifiers(
        self, refs: Iterable[Reference], progress: StageProgress | None = None
    ) -> dict[str, Resolution]:
        """Look up every cited DOI and trial id, each distinct one once, in batches."""
        refs = list(refs)
        dois = list(dict.fromkeys(_doi_key(r.identifiers.doi) for r in refs if r.identifiers.doi))
        ncts = list(
            dict.fromkeys(
                t.id.upper() for r in refs for t in r.identifiers.trials if _askable_nct(t)
            )
        )
        isrctns = list(
            dict.fromkeys(
                t.id for r in refs for t in r.identifiers.trials if _askable(t, ISRCTN_REGISTRY)
            )
        )
        # EU numbers cited without an NCT id: ClinicalTrials.gov may list them as secondary ids.
        eu = list(
            dict.fromkeys(
                t.id
                for r in refs
                if not any(_askable_nct(x) for x in r.identifiers.trials)
                for t in r.identifiers.trials
                if t.registry in LISTED_BY_CTGOV
            )
        )
        counter = _Counter(
            "resolve", len(dois) + len(ncts) + len(isrctns), self._reporter(progress)
        )
        doi_answers, trial_answers, isrctn_answers, eu_answers, other_ids = await _gather_or_raise(
            self._resolve_dois(dois, counter),
            self._resolve_trials(ncts, counter, self.trials, "ctgov"),
            self._resolve_trials(isrctns, counter, self.isrctn, "isrctn"),
            self._listed_by_ctgov(eu),
            self._other_ids(refs),
        )
        out: dict[str, Resolution] = {}
        for r in refs:
            doi = _doi_key(r.identifiers.doi) if r.identifiers.doi else None
            trials: list[tuple[str, Outcome[Trial]]] = []
            for t in r.identifiers.trials:
                if _askable_nct(t):
                    trials.append((t.id, trial_answers[t.id.upper()]))
                elif _askable(t, ISRCTN_REGISTRY) and self.isrctn is not None:
                    trials.append((t.id, isrctn_answers[t.id]))
                elif t.id in eu_answers and eu_answers[t.id].found:
                    trials.append((t.id, eu_answers[t.id]))
                else:
                    trials.append((t.id, self._trial_not_asked(t)))
            out[r.id] = Resolution(
                doi=doi_answers.work.get(doi) if doi else None,
                doi_registration=doi_answers.registration.get(doi) if doi else None,
                trials=tuple(trials),
                notes=tuple(doi_answers.notes.get(doi, ())) if doi else (),
                arxiv=other_ids.get(r.id, (None, None))[0],
                pubmed=other_ids.get(r.id, (None, None))[1],
            )
        return out

    async def _listed_by_ctgov(self, ids: list[str]) -> dict[str, Outcome[Trial]]:
        """ClinicalTrials.gov records listing these EU numbers as secondary ids (if it can say)."""
        search = getattr(self.trials, "by_secondary_ids", None)
        if not ids or self.offline or search is None:
            return {}
        found: dict[str, Outcome[Trial]] = await self._batch("ctgov", search(ids), ids)
        return found

    def _trial_not_asked(self, trial: TrialId) -> Outcome[Trial]:
        """Why a cited trial id was not looked up: malformed, or a registry without an API."""
        name = registry_name(trial.registry)
        problem = trial_id_problem(trial)
        if problem is not None:
            return _not_checked(trial.registry, f"{name}: {problem.reason}")
        if trial.registry not in WITH_API:
            return _not_checked(
                trial.registry, f"{name} has no open API: format valid, not checked"
            )
        if self.offline:
            return _not_checked(trial.registry, OFFLINE)
        return _not_checked(trial.registry, f"not checked (no {name} client)")

    async def _other_ids(
        self, refs: list[Reference]
    ) -> dict[str, tuple[Outcome[Work] | None, Outcome[Work] | None]]:
        """arXiv ids and PMIDs/PMCIDs through their registries (none offline)."""
        if self.registries is None or self.offline:
            return {}
        return await self.registries.identifiers(refs)

    async def _resolve_dois(self, dois: list[str], counter: _Counter) -> _DoiAnswers:
        """Snapshots, then Crossref, then doi.org and DataCite for what Crossref lacks."""
        answers = _DoiAnswers()
        remaining = dois
        for snapshot in self.snapshots:
            if not remaining:
                break
            got = await self._batch(snapshot.name, snapshot.works_by_doi(remaining), remaining)
            hits = {d: o for d, o in got.items() if o.found}
            answers.work.update(hits)
            counter.tick(len(hits))
            remaining = [d for d in remaining if d not in hits]
        if not remaining:
            return answers
        if self.offline or self.crossref is None:
            detail = OFFLINE if self.offline else "not checked (no Crossref client)"
            for d in remaining:
                answers.work[d] = _not_checked("crossref", detail)
            counter.tick(len(remaining))
            return answers

        got = await self._batch(
            self.crossref.name, self.crossref.works_by_doi(remaining), remaining
        )
        answers.work.update(got)
        self._crossref_seen(got.values())
        absent = [d for d, o in got.items() if o.status is Status.NOT_FOUND]
        counter.tick(len(remaining) - len(absent))
        if absent:
            await self._registrations(absent, answers)
            await self._elsewhere(absent, answers)
            counter.tick(len(absent))
        return answers

    async def _elsewhere(self, dois: list[str], answers: _DoiAnswers) -> None:
        """DOIs registered at an agency with no client here: OpenAlex's records (#13)."""
        if self.registries is None:
            return
        wanted = []
        for d in dois:
            reg = answers.registration.get(d)
            agency = (reg.value.agency or "") if reg and reg.found and reg.value else ""
            held = answers.work.get(d)
            if (
                agency
                and agency.lower() not in ("crossref", "datacite")
                and not (held and held.found)
            ):
                wanted.append(d)
        for d, outcome in (await self.registries.elsewhere(wanted)).items():
            if outcome.found:
                answers.work[d] = outcome
                answers.note(d, "record from OpenAlex")

    async def _registrations(self, dois: list[str], answers: _DoiAnswers) -> None:
        """Ask doi.org about DOIs Crossref does not hold; fetch DataCite's records."""
        if self.doiorg is None:
            for d in dois:
                answers.registration[d] = _not_checked("doi.org", "not checked (no doi.org client)")
            return
        got = await self._batch("doi.org", self.doiorg.registrations(dois), dois)
        at_datacite: list[str] = []
        at_crossref: list[str] = []
        for d, o in got.items():
            reg = o.value
            if o.found and reg is not None and not reg.exists:
                o = replace(o, status=Status.NOT_FOUND, detail=o.detail or "DOI does not exist")
            answers.registration[d] = o
            if o.found and reg is not None and reg.exists:
                agency = reg.agency or "another agency"
                if agency.strip().lower() == "crossref":
                    at_crossref.append(d)
                    continue
                answers.note(d, f"not in Crossref; doi.org: registered at {agency}")
                if agency.strip().lower() == "datacite":
                    at_datacite.append(d)
        await _gather_or_raise(
            self._crossref_again(at_crossref, answers), self._datacite(at_datacite, answers)
        )

    async def _crossref_again(self, dois: list[str], answers: _DoiAnswers) -> None:
        """Ask Crossref one by one for filter misses that doi.org says Crossref registered."""
        crossref = self.crossref
        if not dois:
            return
        if crossref is None or not isinstance(crossref, SingleWork):
            for d in dois:
                answers.note(d, "not in Crossref; doi.org: registered at Crossref")
            return
        name = crossref.name
        limit = asyncio.Semaphore(self.concurrency)

        async def ask(doi: str) -> Outcome[Work]:
            if doi not in self._crossref_singles:
                async with limit:
                    outcome = await self._one(name, crossref.work(doi, fresh=True))
                self._crossref_singles[doi] = outcome
                self._crossref_seen((outcome,))
            return self._crossref_singles[doi]

        outcomes = await _gather_or_raise(*(ask(d) for d in dois))
        for d, outcome in zip(dois, outcomes, strict=True):
            if outcome.found:
                answers.work[d] = outcome
                answers.note(d, "not in Crossref's doi: filter answer; found by its own lookup")
            elif outcome.status is Status.NOT_FOUND:
                answers.note(d, "not in Crossref; doi.org: registered at Crossref")
            else:
                # An outage is unknown: the filter's miss must not stand as a NOT_FOUND.
                answers.work[d] = outcome
                answers.note(
                    d,
                    "not in Crossref's doi: filter answer; doi.org: registered at Crossref; "
                    "its own lookup failed",
                )

    async def _datacite(self, at_datacite: list[str], answers: _DoiAnswers) -> None:
        """Fetch DataCite's records of the DOIs doi.org places there."""
        if not at_datacite:
            return
        if self.datacite is None:
            for d in at_datacite:
                answers.note(d, "DataCite not asked (no DataCite client)")
            return
        records = await self._batch(
            self.datacite.name, self.datacite.works_by_doi(at_datacite), at_datacite
        )
        answers.work.update(records)

    async def _resolve_trials(
        self,
        ids: list[str],
        counter: _Counter,
        client: TrialRegistry | None,
        source: str,
    ) -> dict[str, Outcome[Trial]]:
        """Every id of one trial registry in one batch."""
        if not ids:
            return {}
        if self.offline or client is None:
            detail = OFFLINE if self.offline else "not checked (no trial registry client)"
            counter.tick(len(ids))
            return {i: _not_checked(source, detail) for i in ids}
        got = await self._batch(source, client.trials(ids), ids)
        counter.tick(len(ids))
        return got

    # --- searches ------------------------------------------------------------------------

    async def resolve_searches(
        self,
        items: Iterable[tuple[Reference, Resolution] | tuple[Reference, Resolution, Wanted]],
        kinds: Collection[str] = ALL_SEARCHES,
        progress: StageProgress | None = None,
    ) -> dict[str, Resolution]:
        """Run the searches each reference needs and store them in its Resolution.

        Items are ``(reference, resolution)`` (the searches named in ``kinds``) or
        ``(reference, resolution, wanted)`` with its own choice. Identical searches of several
        references are asked once.
        """
        default = frozenset(SearchKind(k) for k in kinds)
        jobs: list[tuple[Reference, Resolution, frozenset[SearchKind]]] = []
        for item in items:
            wanted: Wanted = item[2] if len(item) > 2 else None
            jobs.append((item[0], item[1], _kinds(wanted, default)))
        counter = _Counter("search", sum(len(k) for *_, k in jobs), self._reporter(progress))
        limit = asyncio.Semaphore(self.concurrency)
        shared: dict[tuple[Any, ...], asyncio.Task[Outcome[tuple[Work, ...]]]] = {}

        def once(
            key: tuple[Any, ...], make: Callable[[], Awaitable[Outcome[tuple[Work, ...]]]]
        ) -> asyncio.Task[Outcome[tuple[Work, ...]]]:
            if key not in shared:

                async def run() -> Outcome[tuple[Work, ...]]:
                    async with limit:
                        return await make()

                shared[key] = asyncio.ensure_future(run())
            return shared[key]

        async def one(ref: Reference, res: Resolution, wanted: frozenset[SearchKind]) -> Resolution:
            f = ref.fields
            # A cited arXiv id or PMID whose record has the cited title needs no search.
            known = tuple(o.value for o in (res.arxiv, res.pubmed) if o and o.found and o.value)
            if SearchKind.SEARCH in wanted and title_found(f, known):
                wanted = wanted - {SearchKind.SEARCH}
            if SearchKind.SEARCH in wanted:
                text_key = ("search", f.title, f.authors, f.container, f.year, ref.raw.text)
                res = replace(res, search=await once(text_key, lambda: self._search(ref)))
                counter.tick()
            if SearchKind.LOCATOR in wanted:
                place_key = ("locator", f.container, f.volume, f.first_page, f.year)
                res = replace(res, locator=await once(place_key, lambda: self._locator(ref)))
                counter.tick()
            if self.registries is not None and not self.offline:
                res = await self.registries.searches(
                    ref,
                    res,
                    search=SearchKind.SEARCH in wanted or bool(known),
                    locator=SearchKind.LOCATOR in wanted,
                )
            if SearchKind.VENUE in wanted:
                if self._venue_unknown(ref, res):
                    venue_key = ("venue", fold(f.container or ""), f.year, ref.identifiers.issn)
                    res = replace(res, venue=await once(venue_key, lambda: self._venue(ref)))
                counter.tick()
            return res

        done = await _gather_or_raise(*(one(r, res, k) for r, res, k in jobs))
        return {r.id: res for (r, _, _), res in zip(jobs, done, strict=True)}

    async def _search(self, ref: Reference) -> Outcome[tuple[Work, ...]]:
        """Bibliographic search: every snapshot, then Crossref unless offline; merged."""
        fields, text = ref.fields, ref.raw.text
        if not (fields.title or text.strip()):
            return _not_checked("search", "nothing to search with")
        local = [await self._one(s.name, s.search(fields, text, self.rows)) for s in self.snapshots]
        crossref = self.crossref
        live = None
        if crossref is not None:
            live = await self._live(lambda: crossref.search(fields, text, self.rows))
        return self._merge(local, live)

    async def _locator(self, ref: Reference) -> Outcome[tuple[Work, ...]]:
        """Journal + volume + first page: every snapshot, then Crossref unless offline; merged."""
        f = ref.fields
        first = f.first_page
        if not f.container or not first:
            return _not_checked("locator", "no journal and first page cited")
        local = [
            await self._one(s.name, s.by_locator(f.container, f.volume, first, f.year))
            for s in self.snapshots
        ]
        crossref, container = self.crossref, f.container
        live = None
        if crossref is not None:
            live = await self._live(lambda: crossref.by_locator(container, f.volume, first, f.year))
        return self._merge(local, live)

    def _venue_unknown(self, ref: Reference, res: Resolution) -> bool:
        """Worth probing the venue: the search answered live and showed neither the journal
        nor the cited work.

        A candidate from the cited journal in the cited year already shows that Crossref
        covers it (a correct citation's own record does); a candidate with the cited
        title and a cited author's name is the cited work found (in another journal, say),
        which coverage cannot change. No request is made in either case. (A short title by
        other people names another work: the probe is still worth its one request.)
        """
        f = ref.fields
        search = res.search
        if not (f.container and f.year) or search is None:
            return False
        if not (search.is_fact and search.authoritative and search.source != "snapshot"):
            return False
        cited_title = " ".join(words(f.title or ""))
        for outcome in (search, res.locator):
            if outcome is None or not outcome.found or outcome.value is None:
                continue
            for work in outcome.value:
                names = [n for n in (work.fields.container, *work.container_short) if n]
                years = [y for y in (work.fields.year, *work.years) if y is not None]
                if f.year in years and _same_journal(f.container, names):
                    return False
                title = " ".join(words(work.fields.title or ""))
                if (
                    cited_title
                    and title
                    and fuzz.token_set_ratio(cited_title, title) >= (TITLE_FOUND_RATIO)
                    and _shares_an_author(f.authors, work.fields.authors)
                ):
                    return False
        return True

    async def _venue(self, ref: Reference) -> Outcome[tuple[Work, ...]]:
        """Crossref's works of the cited journal around the cited year (live only)."""
        f = ref.fields
        crossref = self.crossref
        if not f.container or f.year is None:
            return _not_checked("venue", "no journal and year cited")
        if self.offline or crossref is None or not isinstance(crossref, VenueProbe):
            return _not_checked("crossref", OFFLINE if self.offline else "no venue lookup")
        container, year, issn = f.container, f.year, ref.identifiers.issn
        live = await self._live(lambda: crossref.venue(container, year, issn))
        return live or _not_checked("crossref", "not asked")

    def _merge(
        self,
        local: list[Outcome[tuple[Work, ...]]],
        live: Outcome[tuple[Work, ...]] | None,
    ) -> Outcome[tuple[Work, ...]]:
        """Candidates from the live registry and the snapshots, interleaved by rank, de-duplicated.

        The merged list is authoritative only when the live registry answered: snapshot
        candidates alone say nothing about what does not exist.
        """
        answers = [o for o in (live, *local) if o is not None]
        lists = [o.value for o in answers if o.found and o.value]
        merged: list[Work] = []
        seen: set[str] = set()
        for rank in range(max((len(v) for v in lists), default=0)):
            for works in lists:
                if rank < len(works) and _work_key(works[rank]) not in seen:
                    seen.add(_work_key(works[rank]))
                    merged.append(works[rank])
        merged = merged[: self.rows]
        problems = "; ".join(o.detail for o in answers if o.status is Status.UNAVAILABLE)
        if merged:
            sources = dict.fromkeys(o.source for o in answers if o.found and o.value)
            return Outcome(
                Status.FOUND,
                tuple(merged),
                source="+".join(s for s in sources if s),
                detail=problems,
                url=live.url if live is not None else None,
                authoritative=live is not None and live.is_fact,
            )
        if live is not None:
            return live
        if problems:
            return Outcome(Status.UNAVAILABLE, source="snapshot", detail=problems)
        return _not_checked(
            "crossref", OFFLINE if self.offline else "not checked (no Crossref client)"
        )


def _same_journal(cited: str, names: Sequence[str]) -> bool:
    """The cited journal name (full, or abbreviated word by word) is one of these names."""
    want = [w for w in words(cited) if w not in _JOURNAL_STOP]
    if not want:
        return False
    for name in names:
        have = [w for w in words(name) if w not in _JOURNAL_STOP]
        if len(have) == len(want) and all(h.startswith(w) for w, h in zip(want, have, strict=True)):
            return True
    return False


_JOURNAL_STOP = frozenset(("of", "the", "and", "for", "in", "on", "de", "la", "&"))


def _shares_an_author(cited: Sequence[Person], recorded: Sequence[Person]) -> bool:
    """A cited family name is the record's, or either list is empty (nothing to tell)."""
    names = {" ".join(words(p.family)) for p in recorded}
    return not cited or not recorded or any(" ".join(words(p.family)) in names for p in cited)


async def _gather_or_raise(*calls: Awaitable[Any]) -> list[Any]:
    """Await all calls; if any raised (a ResolveError), raise the first after all have ended."""
    results = await asyncio.gather(*calls, return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return list(results)
