"""Benchmark of the RESOLVE stage's live clients against the stand-in server.

1,000 references with DOIs: the 502 recorded Crossref records, the 2 recorded DataCite DOIs, and
real-looking DOIs the stand-in does not know (made by changing the last digits of real ones),
which go on to doi.org. Crossref's polite limits are enforced and every answer takes 50 ms.

Prints, for veribib's clients: cold run, warm run (same response cache), and a fault run (10 % of
first attempts answered 503 or dropped); then the same DOIs through a plain habanero loop, one
DOI per request as people use it; then the ratio.

    python scripts/bench_resolve.py [--latency 0.05] [--habanero-sample 0] [--sweep]
                                    [--registries]   (bench_registries.py: the other registries)
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from standin import StandIn, StandInOptions
from standin_corpus import Corpus, load_corpus, read_jsonl, shared_data_dir
from veribib.config import Settings
from veribib.model import Status
from veribib.resolve.crossref import DOI_BATCH, CrossrefClient
from veribib.resolve.datacite import DataCiteClient
from veribib.resolve.doiorg import DoiOrgClient
from veribib.resolve.http import MemoryCache
from veribib.resolve.interface import ResponseCache

MAILTO = "bench@example.org"
MIN_BATCH = 100  # DOIs Crossref takes in one filter=doi: request


def recorded_dois() -> list[str]:
    """The DOIs of the 502 records in ``crossref/works-2026-06.jsonl``."""
    path = shared_data_dir() / "crossref" / "works-2026-06.jsonl"
    return sorted({str(r["DOI"]).lower() for r in read_jsonl(path)})


def workload(corpus: Corpus, size: int, seed: int = 7) -> list[str]:
    """``size`` DOIs: recorded Crossref and DataCite ones, then made-up ones nobody holds."""
    real = recorded_dois()
    datacite = sorted(corpus.datacite)
    dois = (real + datacite)[:size]
    rng = random.Random(seed)
    known = set(dois) | set(corpus.works) | set(corpus.datacite)
    while len(dois) < size:
        base = list(rng.choice(real))
        digits = [i for i, ch in enumerate(base) if ch.isdigit() and i > base.index("/")]
        for i in digits[-4:]:
            base[i] = str(rng.randrange(10))
        candidate = "".join(base)
        if candidate not in known:
            known.add(candidate)
            dois.append(candidate)
    rng.shuffle(dois)
    return dois


@dataclass
class RunResult:
    """What one run of veribib's clients produced and cost."""

    wall: float
    answers: Counter[str]
    unavailable: int
    retries: int


async def resolve(settings: Settings, cache: ResponseCache, dois: Sequence[str]) -> RunResult:
    """Crossref (batched), then doi.org for the misses, then DataCite: one chain per batch."""
    answers: Counter[str] = Counter()
    started = time.perf_counter()
    async with (
        CrossrefClient(settings, cache) as crossref,
        DoiOrgClient(settings, cache) as doiorg,
        DataCiteClient(settings, cache) as datacite,
    ):

        async def chain(part: Sequence[str]) -> None:
            works = await crossref.works_by_doi(part)
            misses = [d for d, o in works.items() if o.status is Status.NOT_FOUND]
            for outcome in works.values():
                if outcome.status is Status.FOUND:
                    answers["found at Crossref"] += 1
                elif outcome.status is not Status.NOT_FOUND:
                    answers["UNAVAILABLE"] += 1
            registrations = await doiorg.registrations(misses) if misses else {}
            at_datacite = []
            for doi, reg in registrations.items():
                if reg.status is Status.NOT_FOUND:
                    answers["does not exist (doi.org)"] += 1
                elif reg.found and reg.value is not None and reg.value.agency == "DataCite":
                    at_datacite.append(doi)
                elif reg.found:
                    answers["exists at another agency"] += 1
                else:
                    answers["UNAVAILABLE"] += 1
            records = await datacite.works_by_doi(at_datacite) if at_datacite else {}
            for record in records.values():
                answers["found at DataCite" if record.is_fact else "UNAVAILABLE"] += 1

        parts = [dois[i : i + DOI_BATCH] for i in range(0, len(dois), DOI_BATCH)]
        await asyncio.gather(*(chain(p) for p in parts))
        retries = sum(c.service.stats.retries for c in (crossref, doiorg, datacite))
    return RunResult(time.perf_counter() - started, answers, answers["UNAVAILABLE"], retries)


def settings_for(server: StandIn) -> Settings:
    """Client settings pointing at the stand-in."""
    return Settings(mailto=MAILTO, timeout=5.0, **server.service_urls()).validate()


def list_requests(server: StandIn) -> int:
    """Crossref list requests (``/works?filter=doi:...``) the stand-in served."""
    return sum(
        1 for r in list(server.counters.log) if r.service == "crossref" and r.path == "/works"
    )


def report(title: str, server: StandIn, result: RunResult) -> tuple[int, int, int]:
    """Print one run's figures; returns (requests, 429s, max in flight at Crossref)."""
    summary = server.counters.summary()
    requests = server.counters.total
    too_many = summary["statuses"].get(429, 0)
    in_flight = summary["max_in_flight"].get("crossref", 0)
    print(f"\n== {title}")
    print(f"  wall time           {result.wall:8.2f} s")
    print(f"  requests made       {requests:8d}   {summary['requests']}")
    print(f"  Crossref lists      {list_requests(server):8d}")
    print(f"  429s received       {too_many:8d}   ({100 * too_many / max(requests, 1):.2f} %)")
    print(f"  max in flight       {in_flight:8d}   at Crossref (x-concurrency-limit: 3)")
    print(f"  connections opened  {summary['connections']:8d}")
    print(f"  retries             {result.retries:8d}")
    if summary["faults"]:
        print(f"  faults injected     {sum(summary['faults'].values()):8d}   {summary['faults']}")
    answered = sum(v for k, v in result.answers.items() if k != "UNAVAILABLE")
    print(f"  answered            {answered:8d}   {dict(sorted(result.answers.items()))}")
    print(f"  UNAVAILABLE         {result.unavailable:8d}")
    return requests, too_many, in_flight


def habanero_loop(server: StandIn, dois: Sequence[str]) -> tuple[float, Counter[str]]:
    """The habit: ``Crossref(...).works(ids=doi)`` for one DOI after another."""
    from habanero import Crossref

    client = Crossref(base_url=server.crossref_url, mailto=MAILTO, timeout=10)
    outcome: Counter[str] = Counter()
    started = time.perf_counter()
    for doi in dois:
        try:
            client.works(ids=doi)
            outcome["found"] += 1
        except Exception as exc:  # habanero raises for every non-200 answer
            status = getattr(getattr(exc, "response", None), "status_code", None)
            outcome[f"HTTP {status}" if status else type(exc).__name__] += 1
    return time.perf_counter() - started, outcome


def sweep(corpus: Corpus, latency: float) -> None:
    """Wall time and URL length of the 502 recorded DOIs at several batch sizes."""
    dois = recorded_dois()
    print(f"\n== batch-size sweep ({len(dois)} recorded DOIs, Crossref only, cold)")
    for size in (10, 20, 50, 100):
        with StandIn(StandInOptions(latency=latency), corpus=corpus) as server:

            async def run(batch: int = size, srv: StandIn = server) -> float:
                started = time.perf_counter()
                async with CrossrefClient(settings_for(srv), batch_size=batch) as client:
                    await client.works_by_doi(dois)
                return time.perf_counter() - started

            wall = asyncio.run(run())
            longest = max(
                len(f"{server.crossref_url}{r.path}?{r.query}") for r in server.counters.log
            )
            print(
                f"  batch {size:4d}: {wall:6.2f} s, {server.counters.total:3d} requests, "
                f"longest URL {longest} chars, 429s {server.counters.statuses.get(429, 0)}"
            )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--references", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--fault-rate", type=float, default=0.10)
    parser.add_argument(
        "--habanero-sample", type=int, default=0, help="measure habanero on N DOIs (0 = all)"
    )
    parser.add_argument("--skip-habanero", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="also compare batch sizes")
    parser.add_argument(
        "--registries", action="store_true", help="also arXiv, PubMed, OpenAlex, DBLP (#13)"
    )
    args = parser.parse_args(argv)

    corpus = load_corpus()
    dois = workload(corpus, args.references)
    unknown = sum(1 for d in dois if d not in corpus.works and d not in corpus.datacite)
    print(
        f"workload: {len(dois)} DOIs ({len(dois) - unknown} recorded, {unknown} unknown to the "
        f"stand-in); latency {args.latency * 1000:.0f} ms; Crossref polite limits enforced "
        "(10/s single, 3/s lists, 3 in flight)"
    )

    cache = MemoryCache()
    with StandIn(StandInOptions(latency=args.latency), corpus=corpus) as server:
        cold = asyncio.run(resolve(settings_for(server), cache, dois))
        cold_lists = list_requests(server)
        cold_requests, cold_429, cold_flight = report(
            "veribib, cold (empty response cache)", server, cold
        )
        server.reset_counters()
        warm = asyncio.run(resolve(settings_for(server), cache, dois))
        report("veribib, warm (same run again, response cache filled)", server, warm)

    faults = StandInOptions(
        latency=args.latency, fault_rate=args.fault_rate, fault_kinds=("503", "drop"), seed=11
    )
    with StandIn(faults, corpus=corpus) as server:
        faulty = asyncio.run(resolve(settings_for(server), MemoryCache(), dois))
        report(
            f"veribib, cold, {args.fault_rate:.0%} of first attempts fail (503 or dropped)",
            server,
            faulty,
        )

    habanero_wall: float | None = None
    if not args.skip_habanero:
        sample = dois[: args.habanero_sample] if args.habanero_sample else dois
        with StandIn(StandInOptions(latency=args.latency), corpus=corpus) as server:
            wall, outcome = habanero_loop(server, sample)
            summary = server.counters.summary()
        scale = len(dois) / len(sample)
        habanero_wall = wall * scale
        label = "all" if scale == 1 else f"a sample of {len(sample)}, extrapolated x{scale:.1f}"
        print(f"\n== habanero, one DOI per request, sequential ({label})")
        print(f"  wall time           {wall:8.2f} s for {len(sample)} DOIs")
        if scale != 1:
            print(f"  extrapolated        {habanero_wall:8.2f} s for {len(dois)} DOIs")
        too_many = summary["statuses"].get(429, 0)
        print(f"  requests made       {server.counters.total:8d}")
        print(f"  429s received       {too_many:8d}   (habanero does not retry them)")
        print(f"  connections opened  {summary['connections']:8d}")
        print(f"  outcomes            {dict(outcome)}")
        print("  (Crossref only: no doi.org check of the misses, no retry, no cache)")

    print("\n== summary")
    minimum = -(-len(set(dois)) // MIN_BATCH)
    ratio = cold_lists / max(minimum, 1)
    print(
        f"  Crossref list requests, cold: {cold_lists}; minimum {minimum} (one doi: batch per "
        f"{MIN_BATCH} DOIs); ratio {ratio:.2f}"
    )
    targets = [
        ("cold: list requests <= 1.1 x the minimum", ratio <= 1.1),
        ("cold <= 10 s", cold.wall <= 10),
        ("warm <= 1 s", warm.wall <= 1),
        ("cold: never more in flight than x-concurrency-limit (3)", cold_flight <= 3),
        ("cold: 429s <= 1 % of requests", cold_429 <= 0.01 * cold_requests),
        ("fault run: every reference answered", faulty.unavailable == 0),
    ]
    for name, ok in targets:
        print(f"  {'met ' if ok else 'MISSED'} {name}")
    if habanero_wall is not None:
        print(f"  habanero / veribib cold: {habanero_wall / cold.wall:.1f}x slower")
        print(f"  habanero / veribib warm: {habanero_wall / max(warm.wall, 1e-6):.0f}x slower")
    if args.sweep:
        sweep(corpus, args.latency)
    if args.registries:
        import bench_registries

        targets.append(("registries", bench_registries.main([f"--latency={args.latency}"]) == 0))
    return 0 if all(ok for _, ok in targets) else 1


if __name__ == "__main__":
    raise SystemExit(main())
