"""The whole job in one call: read inputs, parse, resolve, judge, store, and return a Report.

Data flows one way (source → reference → resolve → judge → store); this module only wires the
stages together, de-duplicates work across files and records everything in the store.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Coroutine, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from veribib.config import Settings, load_settings
from veribib.duplicates import iter_flag_duplicates
from veribib.errors import InputError
from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.export.spool import Chain, Spool
from veribib.export.spooled_run import Pairs, SpooledJudgements
from veribib.model import (
    CitationReport,
    Document,
    Flag,
    Judgement,
    Outcome,
    Reference,
    Resolution,
    Status,
)
from veribib.source.files import read_bytes
from veribib.source.scan import expand_inputs
from veribib.store import Store
from veribib.store.db import now_iso
from veribib.store.parsed import ParsedInputs
from veribib.store.reuse import JudgementLedger, reusable
from veribib.store.works import save_works

if TYPE_CHECKING:
    from veribib.resolve.resolver import Resolver

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) while a run goes on."""


@dataclass(frozen=True, slots=True)
class ParsedInput:
    """A read input: its document and parsed references, or the error that stopped it.

    A large input's references are a ``Spool`` (on disk) and its ``document.references`` is
    emptied: each parsed reference keeps its raw reference.
    """

    path: str
    document: Document
    references: Sequence[Reference]  # a tuple, or a Spool for a large input (SPOOL_AT)
    sha256: str
    error: str | None = None


def read_input(
    path: str,
    progress: Progress | None = None,
    data: bytes | None = None,
    parsed: ParsedInputs | None = None,
) -> ParsedInput:
    """Read and parse one input; an unreadable file becomes a ParsedInput with ``error`` set.

    ``data`` gives the input's bytes directly (``path`` then only names them). ``parsed``: the
    parses kept by earlier runs, used (and added to) for a file read again unchanged.
    """
    try:
        if parsed is not None and path != "-":
            data = read_bytes(path) if data is None else data
            kept = parsed.get(path, data)
            if kept is not None:
                return ParsedInput(path, kept[0], kept[1], _text_digest(kept[0]))
        from veribib.source import read_document  # the readers: only for a file not kept

        document = read_document(path, data)
    except InputError as exc:
        return ParsedInput(path, Document(path, "unknown", ()), (), "", error=str(exc))
    from veribib.reference import parse_reference

    total = len(document.references)
    # A large input's parsed references go to disk as they are made (export.spool).
    refs: list[Reference] | Spool[Reference] = Spool() if total > SPOOL_AT else []
    for i, raw in enumerate(document.references):
        refs.append(parse_reference(raw, f"{path}#{i + 1}"))
        if progress is not None and ((i + 1) % 250 == 0 or i + 1 == total):
            progress("parse", i + 1, total)
    digest = _text_digest(document)
    if isinstance(refs, Spool):
        # Each spooled reference keeps its raw text: the document need not hold them all too.
        return ParsedInput(path, replace(document, references=()), refs, digest)
    if parsed is not None and data is not None and path != "-":
        parsed.put(path, data, document, tuple(refs))
    return ParsedInput(path, document, tuple(refs), digest)


def _text_digest(document: Document) -> str:
    """The digest of a document's reference texts joined by newlines (what a resumed run is
    recognised by), hashed a piece at a time (never one string of them all)."""
    h = hashlib.sha256()
    for i, raw in enumerate(document.references):
        h.update((f"\n{raw.text}" if i else raw.text).encode("utf-8"))
    return h.hexdigest()


Inputs = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
"""One path, or several: a plain string is one path, never a sequence of characters."""


def as_paths(paths: Inputs) -> list[str | os.PathLike[str]]:
    """``paths`` as a list (a lone str or Path is one input)."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


def parse_inputs(
    paths: Inputs,
    progress: Progress | None = None,
    texts: Sequence[tuple[str, bytes]] = (),
    parsed: ParsedInputs | None = None,
) -> list[ParsedInput]:
    """Read and parse every input (directories expanded); never raises for a bad file.

    ``texts`` are extra inputs given as (name, bytes), read after the paths; ``parsed`` the
    parses earlier runs kept (see ``read_input``).
    """
    files: list[tuple[str, bytes | None]] = [(f, None) for f in expand_inputs(as_paths(paths))]
    files += list(texts)
    out: list[ParsedInput] = []
    for i, (path, data) in enumerate(files):
        if progress is not None:
            progress("read", i, len(files))
        item = read_input(path, progress, data, parsed)
        log.info("read %s as %s: %d references", path, item.document.format, len(item.references))
        out.append(item)
    if progress is not None:
        progress("read", len(files), len(files))
    return _without_companions(out)


def _without_companions(inputs: list[ParsedInput]) -> list[ParsedInput]:
    """Drop inputs another input already read (a .tex's .bib, its .bbl), so none counts twice."""
    included = {str(Path(f).resolve()) for item in inputs for f in item.document.includes}
    manuscripts = {
        str(Path(item.path).with_suffix("").resolve())
        for item in inputs
        if item.document.format in ("latex", "markdown") and item.document.includes
    }
    return [
        item
        for item in inputs
        if item.path == "-"
        or not (
            str(Path(item.path).resolve()) in included
            or (
                Path(item.path).suffix.lower() in (".bbl", ".aux")
                and str(Path(item.path).with_suffix("").resolve()) in manuscripts
            )
        )
    ]


def run_key(inputs: Sequence[ParsedInput], settings: Settings) -> str:
    """What identifies a run for resuming: the inputs' content and the options that matter."""
    h = hashlib.sha256()
    for item in inputs:
        h.update(f"{item.path}\0{item.sha256}\0".encode())
    h.update(json.dumps([settings.offline, list(settings.snapshots)]).encode())
    return h.hexdigest()


# What str.isalnum() rejects: re's \w is exactly isalnum() or "_" (one C call, not a loop).
_NOT_ALNUM = re.compile(r"[\W_]+")


def _lookup_key(ref: Reference) -> str:
    """References citing the same thing the same way share one set of lookups.

    The whole citation counts, not just its DOI: two citations of one DOI under different titles
    need different searches (one may be right, the other a fabrication borrowing the DOI).
    """
    f = ref.fields
    parts = (
        ref.identifiers.doi or "",
        ",".join(t.id for t in ref.identifiers.trials),
        f.authors[0].family.lower() if f.authors else "",
        str(f.year or ""),
        _NOT_ALNUM.sub("", (f.title or ref.raw.text).lower()),
        _NOT_ALNUM.sub("", (f.container or "").lower()),
        f.volume or "",
        f.pages or "",
    )
    return "\x1f".join(parts)


def _flag_uncited(
    checked: Iterable[CheckedReference], citations: CitationReport
) -> Iterator[CheckedReference]:
    """Flag references the document's running text never cites (only when it cites some)."""
    if not citations.citations:
        yield from checked
        return
    uncited = set(citations.uncited)
    for c in checked:
        yield CheckedReference(
            c.reference,
            replace(c.judgement, flags=(*c.judgement.flags, Flag.UNCITED))
            if c.reference.id in uncited and Flag.UNCITED not in c.judgement.flags
            else c.judgement,
        )


SPOOL_AT = 5000  # a run with more references keeps its judgements on disk (export.spool)

RESOLVE_CHUNK = 1000  # distinct citations resolved and judged together


def _scaled_progress(notify: Progress, start: int, size: int, total: int) -> Progress:
    """Progress of one chunk's stage reported as progress through the whole run."""

    def scaled(stage: str, done: int, of: int) -> None:
        notify(stage, start + round(done * size / max(of, 1)), total)

    return scaled


def _outcomes(r: Resolution) -> list[Outcome[Any]]:
    found = [
        r.doi,
        r.doi_registration,
        r.search,
        r.locator,
        r.venue,
        *(o for _, o in r.trials),
        # registries beyond Crossref (#13)
        r.arxiv,
        r.pubmed,
        *(o for _, o in r.registries),
        *r.venues,
    ]
    return [o for o in found if o is not None]


def _failed_lookups(resolutions: Iterable[Resolution]) -> int:
    """How many lookups ended UNAVAILABLE (outages, timeouts, garbled answers)."""
    return sum(1 for r in resolutions for o in _outcomes(r) if o.status is Status.UNAVAILABLE)


def _reach(resolutions: Iterable[Resolution], reached: set[str], unreached: dict[str, str]) -> None:
    """Add the sources that answered (found or not) to ``reached``, and those that only failed
    to ``unreached`` (source -> the base of a URL asked), in place."""
    for r in resolutions:
        for o in _outcomes(r):
            if o.status in (Status.FOUND, Status.NOT_FOUND):
                reached.add(o.source)
            elif o.status is Status.UNAVAILABLE:
                base = urlsplit(o.url or "")
                unreached.setdefault(
                    o.source, f"{base.scheme}://{base.netloc}" if base.netloc else ""
                )


SEARCH_ROUNDS = 3  # search, then locator where still undecided, then the venue probe


async def _resolve_chunk(
    resolver: Resolver, chunk: Sequence[Reference], progress: Progress
) -> dict[str, Resolution]:
    """Identifiers, then searches in rounds, each lookup only where the earlier left doubt.

    References with no identifier need a search whatever the identifiers say: theirs start
    at once, beside the identifier lookups, so both Crossref pools are busy from the start.
    """
    from veribib.judge import needs_search

    asked: dict[str, set[str]] = {r.id: set() for r in chunk}
    settled: set[str] = set()  # nothing further worth asking (the plan is not cheap to re-ask)

    async def searches(
        refs: Sequence[Reference], resolutions: dict[str, Resolution]
    ) -> dict[str, Resolution]:
        for _ in range(SEARCH_ROUNDS):
            jobs = []
            for r in refs:
                if r.id in settled:
                    continue
                wanted = needs_search(r, resolutions[r.id]) - asked[r.id]
                if wanted:
                    asked[r.id] |= wanted
                    jobs.append((r, resolutions[r.id], wanted))
                else:
                    settled.add(r.id)
            if not jobs:
                break
            resolutions.update(await resolver.resolve_searches(jobs, progress=progress))
        return resolutions

    bare = [r for r in chunk if not _has_lookup_identifier(r)]
    by_id, by_search = await asyncio.gather(
        resolver.resolve_identifiers(chunk, progress=progress),
        searches(bare, {r.id: Resolution() for r in bare}),
    )
    for r in bare:
        found = by_search[r.id]
        by_id[r.id] = replace(
            by_id[r.id],
            search=found.search,
            locator=found.locator,
            venue=found.venue,
            registries=found.registries,
            venues=found.venues,
        )
    # Whatever the identifiers left undecided (the bare references' rounds are done).
    return await searches(chunk, by_id)


def _sources(r: Resolution) -> set[str] | None:
    """The sources that answered a resolution, or None when a lookup of it failed (an outage
    is asked again next run, so a judgement made on it is not kept for reuse)."""
    outcomes = _outcomes(r)
    if any(o.status is Status.UNAVAILABLE for o in outcomes):
        return None
    return {o.source for o in outcomes if o.status in (Status.FOUND, Status.NOT_FOUND)}


def _ledger(store: Store, settings: Settings, today: date | None) -> JudgementLedger | None:
    """Where this run's judgements are kept for reuse (SQLite files; not when refreshing)."""
    db = store.direct()
    if db is None or not reusable(settings):
        return None
    return JudgementLedger(db, settings, today or date.today())


def _citations(item: ParsedInput) -> CitationReport:
    """The document's in-text citations linked to its list (none cited: every entry uncited)."""
    if not item.document.citations:
        return CitationReport((), (), tuple(r.id for r in item.references))
    from veribib.source.citations import match_citations

    return match_citations(item.document.citations, item.references)


def _has_lookup_identifier(ref: Reference) -> bool:
    """The reference cites an identifier a registry is asked about before any search."""
    i = ref.identifiers
    return bool(i.doi or i.trials or i.pmid or i.pmcid or i.arxiv)


async def check_async(
    paths: Inputs,
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
    today: date | None = None,
    texts: Sequence[tuple[str, bytes]] = (),
) -> Report:
    """Check every reference of the given inputs (and ``texts``: (name, bytes)); see ``check``."""
    settings = settings or load_settings()
    started = now_iso()
    notify = progress or (lambda _stage, _done, _total: None)

    own_store = store is None
    store = store or Store(settings.database_url())
    try:
        db = store.direct()
        parsed = ParsedInputs(db, today) if db is not None and not settings.refresh else None
        inputs = parse_inputs(paths, notify, texts, parsed)
        refs: Sequence[Reference] = (
            tuple(r for item in inputs for r in item.references)
            if all(isinstance(item.references, tuple) for item in inputs)
            else Chain([item.references for item in inputs])
        )
        run_id, resumed = store.start_run(
            run_key(inputs, settings),
            {"inputs": [i.path for i in inputs], "offline": settings.offline},
        )
        if resumed:
            log.info("resuming unfinished run %s", run_id)
        for item in inputs:
            doc_id = store.save_document(run_id, item.document, item.sha256, item.error)
            store.save_references(run_id, doc_id, item.references)

        # One lookup per distinct citation, however many files make it.
        # Positions in ``refs``, not the references: a large run's are read back from disk.
        members: dict[str, list[int]] = {}
        for i, r in enumerate(refs):
            members.setdefault(_lookup_key(r), []).append(i)

        judged = SpooledJudgements(spooled=len(refs) > SPOOL_AT)
        failed = 0
        reached: set[str] = set()
        unreached: dict[str, str] = {}
        # Judgements of unchanged references on unchanged cached answers: not made again.
        ledger = _ledger(store, settings, today)
        reused: set[int] = set()  # positions in ``refs``
        if ledger is not None:
            for start in range(0, len(refs), RESOLVE_CHUNK):
                part = refs[start : start + RESOLVE_CHUNK]
                found = ledger.lookup(part)
                for offset, r in enumerate(part):
                    if r.id in found:
                        judged[r.id] = found[r.id].judgement
                        reached.update(found[r.id].reached)
                        reused.add(start + offset)
        unique = [g[0] for g in members.values() if any(i not in reused for i in g)]
        if unique:
            from veribib.judge import judge
            from veribib.judge.caches import clear_caches
            from veribib.resolve import build_resolver

            reads = store.record_reads() if ledger is not None else {}
            resolver = build_resolver(settings, cache=store)
            try:
                # Resolved and judged a chunk at a time: search candidates of 10,000 references
                # never sit in memory together, and DOI batches stay full within a chunk.
                for start in range(0, len(unique), RESOLVE_CHUNK):
                    positions = unique[start : start + RESOLVE_CHUNK]
                    chunk = [refs[i] for i in positions]
                    scaled = _scaled_progress(notify, start, len(chunk), len(unique))
                    resolutions = await _resolve_chunk(resolver, chunk, scaled)
                    failed += _failed_lookups(resolutions.values())
                    _reach(resolutions.values(), reached, unreached)
                    kept: list[tuple[Reference, Judgement, set[str]]] = []
                    for rep, first in zip(chunk, positions, strict=True):
                        sources = _sources(resolutions[rep.id])
                        group = members[_lookup_key(rep)]
                        # The group's first is ``rep`` itself: only the others are read again.
                        for i in group:
                            if i in reused:
                                continue
                            r = rep if i == first else refs[i]
                            judged[r.id] = judgement = judge(r, resolutions[rep.id], today=today)
                            if sources is not None:
                                kept.append((r, judgement, sources))
                    if ledger is not None:
                        ledger.save(run_id, kept, reads)
                    notify("judge", len(judged), len(refs))
                    if len(refs) > SPOOL_AT:
                        clear_caches()  # their records would otherwise outlive the chunk
            finally:
                await resolver.aclose()
            if ledger is not None:
                ledger.prune()
        else:
            notify("judge", len(judged), len(refs))

        documents: list[CheckedDocument] = []
        for item in inputs:
            citations = _citations(item)
            flagged = _flag_uncited(
                iter_flag_duplicates(CheckedReference(r, judged[r.id]) for r in item.references),
                citations,
            )
            # A large run's checked references go to disk one by one, as its judgements did.
            checked: Sequence[CheckedReference] = (
                Spool(flagged) if len(refs) > SPOOL_AT else tuple(flagged)
            )
            store.save_verdicts(run_id, (c.judgement for c in checked))
            documents.append(CheckedDocument(item.document, checked, citations, item.error))
        judged.close()
        # The library: each judged reference linked to the work it cites.
        save_works(store, run_id, Pairs(Chain([d.references for d in documents])))
        store.finish_run(run_id)
        return Report(
            run_id=run_id,
            documents=tuple(documents),
            offline=settings.offline,
            failed_lookups=failed,
            unreachable=tuple(
                f"{name} ({url})" if url else name
                for name, url in sorted(unreached.items())
                if name not in reached
            ),
            reached=tuple(sorted(reached)),
            started_at=started,
            finished_at=now_iso(),
        )
    finally:
        if own_store:
            store.close()


def check(
    paths: Inputs,
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
    today: date | None = None,
    texts: Sequence[tuple[str, bytes]] = (),
) -> Report:
    """Check every reference of the given files or directories and return the verdicts.

    ``paths`` is one path or a list of them. Unreadable inputs do not stop the others: their
    ``CheckedDocument.error`` says why. Every response and verdict is recorded in the store
    (``settings.db``). Inside a running event loop (Jupyter, an async app) the work runs on a
    thread of its own; there ``await acheck(...)`` is the better call.
    """
    coro = check_async(paths, settings, store=store, progress=progress, today=today, texts=texts)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _run_in_new_loop(coro)
    coro.close()  # never started here; the thread makes its own
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="veribib") as pool:
        return pool.submit(
            lambda: _run_in_new_loop(
                check_async(
                    paths, settings, store=store, progress=progress, today=today, texts=texts
                )
            )
        ).result()


def _run_in_new_loop(coro: Coroutine[Any, Any, Report]) -> Report:
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
