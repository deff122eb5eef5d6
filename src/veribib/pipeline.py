"""The whole job in one call: read inputs, parse, resolve, judge, store, and return a Report.

Data flows one way (source → reference → resolve → judge → store); this module only wires the
stages together, de-duplicates work across files and records everything in the store.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from veribib.config import Settings, load_settings
from veribib.errors import InputError
from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.judge import judge, needs_search
from veribib.model import (
    CitationReport,
    Document,
    Flag,
    Judgement,
    Reference,
    Resolution,
    Status,
)
from veribib.reference import parse_reference
from veribib.resolve import build_resolver
from veribib.resolve.resolver import Resolver
from veribib.source import read_document
from veribib.source.citations import match_citations
from veribib.store import Store
from veribib.store.db import now_iso

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) while a run goes on."""

INPUT_SUFFIXES = (
    ".bib",
    ".bibtex",
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".pdf",
    ".ris",
    ".json",
    ".xml",
    ".nxml",
)


@dataclass(frozen=True, slots=True)
class ParsedInput:
    """A read input: its document and parsed references, or the error that stopped it."""

    path: str
    document: Document
    references: tuple[Reference, ...]
    sha256: str
    error: str | None = None


def expand_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Input paths with directories expanded to the supported files inside them, sorted."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir():
            out.extend(
                str(f)
                for f in sorted(path.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in INPUT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
        else:
            out.append(str(p))
    return out


def read_input(path: str, progress: Progress | None = None) -> ParsedInput:
    """Read and parse one input; an unreadable file becomes a ParsedInput with ``error`` set."""
    try:
        document = read_document(path)
    except InputError as exc:
        return ParsedInput(path, Document(path, "unknown", ()), (), "", error=str(exc))
    total = len(document.references)
    refs: list[Reference] = []
    for i, raw in enumerate(document.references):
        refs.append(parse_reference(raw, f"{path}#{i + 1}"))
        if progress is not None and ((i + 1) % 250 == 0 or i + 1 == total):
            progress("parse", i + 1, total)
    digest = hashlib.sha256(
        "\n".join(r.text for r in document.references).encode("utf-8")
    ).hexdigest()
    return ParsedInput(path, document, tuple(refs), digest)


def parse_inputs(
    paths: Iterable[str | Path], progress: Progress | None = None
) -> list[ParsedInput]:
    """Read and parse every input (directories expanded); never raises for a bad file."""
    files = expand_inputs(paths)
    out: list[ParsedInput] = []
    for i, path in enumerate(files):
        if progress is not None:
            progress("read", i, len(files))
        out.append(read_input(path, progress))
    if progress is not None:
        progress("read", len(files), len(files))
    return out


def run_key(inputs: Sequence[ParsedInput], settings: Settings) -> str:
    """What identifies a run for resuming: the inputs' content and the options that matter."""
    h = hashlib.sha256()
    for item in inputs:
        h.update(f"{item.path}\0{item.sha256}\0".encode())
    h.update(json.dumps([settings.offline, list(settings.snapshots)]).encode())
    return h.hexdigest()


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
        "".join(ch for ch in (f.title or ref.raw.text).lower() if ch.isalnum()),
        "".join(ch for ch in (f.container or "").lower() if ch.isalnum()),
        f.volume or "",
        f.pages or "",
    )
    return "\x1f".join(parts)


def _dedup_key(ref: Reference) -> str:
    """References with the same key cite the same work (for the ``duplicate`` flag)."""
    if ref.identifiers.doi:
        return "doi:" + ref.identifiers.doi
    f = ref.fields
    first = f.authors[0].family.lower() if f.authors else ""
    title = "".join(ch for ch in (f.title or ref.raw.text).lower() if ch.isalnum())
    return f"t:{first}:{f.year}:{title}"


def _flag_duplicates(checked: list[CheckedReference]) -> list[CheckedReference]:
    """Flag later references citing the same work as an earlier one in the same document."""
    seen: dict[tuple[str, str], str] = {}
    out: list[CheckedReference] = []
    for c in checked:
        key = (c.reference.origin.file, _dedup_key(c.reference))
        j = c.judgement
        if key in seen and Flag.DUPLICATE not in j.flags:
            j = replace(j, flags=(*j.flags, Flag.DUPLICATE))
        seen.setdefault(key, c.reference.id)
        out.append(CheckedReference(c.reference, j))
    return out


def _flag_uncited(
    checked: list[CheckedReference], citations: CitationReport
) -> list[CheckedReference]:
    """Flag references the document's running text never cites (only when it cites some)."""
    if not citations.citations:
        return checked
    uncited = set(citations.uncited)
    return [
        CheckedReference(
            c.reference,
            replace(c.judgement, flags=(*c.judgement.flags, Flag.UNCITED))
            if c.reference.id in uncited and Flag.UNCITED not in c.judgement.flags
            else c.judgement,
        )
        for c in checked
    ]


RESOLVE_CHUNK = 1000  # distinct citations resolved and judged together


def _scaled_progress(notify: Progress, start: int, size: int, total: int) -> Progress:
    """Progress of one chunk's stage reported as progress through the whole run."""

    def scaled(stage: str, done: int, of: int) -> None:
        notify(stage, start + round(done * size / max(of, 1)), total)

    return scaled


def _failed_lookups(resolutions: Iterable[Resolution]) -> int:
    """How many lookups ended UNAVAILABLE (outages, timeouts, garbled answers)."""
    n = 0
    for r in resolutions:
        outcomes = [
            r.doi,
            r.doi_registration,
            r.search,
            r.locator,
            r.venue,
            *(o for _, o in r.trials),
        ]
        n += sum(1 for o in outcomes if o is not None and o.status is Status.UNAVAILABLE)
    return n


SEARCH_ROUNDS = 3  # search, then locator where still undecided, then the venue probe


async def _resolve_chunk(
    resolver: Resolver, chunk: Sequence[Reference], progress: Progress
) -> dict[str, Resolution]:
    """Identifiers, then searches in rounds, each lookup only where the earlier left doubt.

    References with no identifier need a search whatever the identifiers say: theirs start
    at once, beside the identifier lookups, so both Crossref pools are busy from the start.
    """
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
            by_id[r.id], search=found.search, locator=found.locator, venue=found.venue
        )
    # Whatever the identifiers left undecided (the bare references' rounds are done).
    return await searches(chunk, by_id)


def _has_lookup_identifier(ref: Reference) -> bool:
    """The reference cites an identifier a registry is asked about before any search."""
    i = ref.identifiers
    return bool(i.doi or i.trials or i.pmid or i.pmcid or i.arxiv)


async def check_async(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> Report:
    """Check every reference of the given inputs; see ``check``."""
    settings = settings or load_settings()
    started = now_iso()
    notify = progress or (lambda _stage, _done, _total: None)

    inputs = parse_inputs(paths, notify)
    refs = [r for item in inputs for r in item.references]

    own_store = store is None
    store = store or Store(settings.database_url())
    try:
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
        members: dict[str, list[Reference]] = {}
        for r in refs:
            members.setdefault(_lookup_key(r), []).append(r)
        unique = [group[0] for group in members.values()]

        judged: dict[str, Judgement] = {}
        failed = 0
        resolver = build_resolver(settings, cache=store)
        try:
            # Resolved and judged a chunk at a time: search candidates of 10,000 references
            # never sit in memory together, and DOI batches stay full within a chunk.
            for start in range(0, len(unique), RESOLVE_CHUNK):
                chunk = unique[start : start + RESOLVE_CHUNK]
                scaled = _scaled_progress(notify, start, len(chunk), len(unique))
                resolutions = await _resolve_chunk(resolver, chunk, scaled)
                failed += _failed_lookups(resolutions.values())
                for rep in chunk:
                    for r in members[_lookup_key(rep)]:
                        judged[r.id] = judge(r, resolutions[rep.id], today=today)
                notify("judge", len(judged), len(refs))
        finally:
            await resolver.aclose()

        documents: list[CheckedDocument] = []
        for item in inputs:
            checked = [CheckedReference(r, judged[r.id]) for r in item.references]
            citations = match_citations(item.document.citations, item.references)
            checked = _flag_uncited(_flag_duplicates(checked), citations)
            store.save_verdicts(run_id, (c.judgement for c in checked))
            documents.append(CheckedDocument(item.document, tuple(checked), citations, item.error))
        store.finish_run(run_id)
        return Report(
            run_id=run_id,
            documents=tuple(documents),
            offline=settings.offline,
            failed_lookups=failed,
            started_at=started,
            finished_at=now_iso(),
        )
    finally:
        if own_store:
            store.close()


def check(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> Report:
    """Check every reference of the given files or directories and return the verdicts.

    Unreadable inputs do not stop the others: their ``CheckedDocument.error`` says why.
    Every response and verdict is recorded in the store (``settings.db``).
    """
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(
            check_async(paths, settings, store=store, progress=progress, today=today)
        )
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
