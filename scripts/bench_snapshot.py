"""Measure snapshot index build and lookup speed on synthetic variants of real Crossref records.

Run: ``python tests/resolve/bench_snapshot.py [N] [workdir]`` (default 100000 records in a
temporary folder). Each variant keeps a real record's full body (so lines are as large as real
ones) with a new DOI, a title and authors drawn from the real records' words and names, and a
new volume and page. Prints figures; asserts nothing. Not collected by pytest.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from veribib.model import Fields, Person
from veribib.resolve.snapshot import Snapshot, iter_records

SHARED = Path(
    os.environ.get("VERIBIB_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")
)
SOURCE = SHARED / "data" / "crossref" / "works-2026-06.jsonl"


def make_corpus(path: Path, n: int, seed: int = 7) -> list[dict[str, Any]]:
    """Write n synthetic records to path; return a sample of them to query with."""
    rng = random.Random(seed)
    base = list(iter_records(SOURCE))
    words = [w for r in base for t in r.get("title", []) for w in str(t).split()]
    people = [a for r in base for a in r.get("author", []) if isinstance(a, dict)]
    sample: list[dict[str, Any]] = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(base[i % len(base)])
            rec["DOI"] = f"{rec['DOI']}.syn{i}"
            rec["title"] = [" ".join(rng.choices(words, k=rng.randint(6, 14)))]
            rec["author"] = rng.sample(people, k=rng.randint(1, 6))
            rec["volume"] = str(rng.randint(1, 120))
            rec["page"] = f"{rng.randint(1, 3000)}-{rng.randint(3001, 3020)}"
            rec.pop("article-number", None)
            fh.write(json.dumps(rec) + "\n")
            if i % (n // 300 or 1) == 0:
                sample.append(rec)
    return sample


def query_for(rec: dict[str, Any], rng: random.Random | None) -> tuple[Fields, str]:
    """What the resolver would search with: parsed fields plus the whole reference text.

    With ``rng``, the citation is noisy: two title words dropped, one misspelt, no year.
    """
    title = str(rec["title"][0]).split()
    year: int | None = rec["issued"]["date-parts"][0][0]
    if rng is not None:
        for _ in range(2):
            if len(title) > 3:
                title.pop(rng.randrange(len(title)))
        i = rng.randrange(len(title))
        title[i] = title[i][:-1] + "x"
        year = None
    authors = tuple(Person(str(a.get("family", ""))) for a in rec["author"])
    container = (rec.get("container-title") or [""])[0]
    fields = Fields(title=" ".join(title), authors=authors, container=container, year=year)
    names = ", ".join(p.family for p in authors)
    text = f"{names}. {fields.title}. {container}. {year or ''};{rec['volume']}:{rec['page']}."
    return fields, text


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    return f"median {statistics.median(values) * 1e3:.2f} ms, p95 {p95 * 1e3:.2f} ms"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    work = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="snapbench-"))
    work.mkdir(parents=True, exist_ok=True)
    jsonl = work / f"synthetic-{n}.jsonl"
    t0 = time.perf_counter()
    sample = make_corpus(jsonl, n)
    print(
        f"wrote {n} records, {jsonl.stat().st_size / 1e6:.0f} MB, "
        f"in {time.perf_counter() - t0:.1f}s"
    )

    index = work / f"synthetic-{n}.sqlite"
    snap = Snapshot.build(jsonl, index, force=True)
    print(
        f"build: {snap.stats.records} records in {snap.stats.seconds:.1f}s, "
        f"index {index.stat().st_size / 1e6:.0f} MB"
    )
    snap.close()
    t0 = time.perf_counter()
    snap = Snapshot.build(jsonl, index)
    print(
        f"reopen unchanged: rebuilt={snap.stats.rebuilt} "
        f"in {(time.perf_counter() - t0) * 1e3:.1f} ms"
    )

    rng = random.Random(11)
    for noisy in (False, True):
        times: list[float] = []
        hits = 0
        for rec in sample:
            fields, text = query_for(rec, rng if noisy else None)
            t = time.perf_counter()
            found = snap.search_works(fields, text, 5)
            times.append(time.perf_counter() - t)
            hits += bool(found) and found[0].doi == str(rec["DOI"]).lower()
        label = "noisy reference" if noisy else "exact fields + reference text"
        print(
            f"search, {label} ({len(sample)} queries): {ms(times)}; "
            f"top-1 is the record in {hits}/{len(sample)}"
        )

    times = []
    hits = 0
    for rec in sample:
        container = (rec.get("container-title") or [""])[0]
        if not container:
            continue
        t = time.perf_counter()
        found = snap.locate(str(container), str(rec["volume"]), str(rec["page"]), None)
        times.append(time.perf_counter() - t)
        hits += any(w.doi == str(rec["DOI"]).lower() for w in found)
    print(
        f"locator ({len(times)} lookups): {ms(times)}; record among results in {hits}/{len(times)}"
    )

    dois = [str(r["DOI"]) for r in sample]
    t = time.perf_counter()
    got = asyncio.run(snap.works_by_doi(dois))
    took = time.perf_counter() - t
    found_n = sum(o.found for o in got.values())
    print(f"DOI batch of {len(dois)}: {took * 1e3:.1f} ms, {found_n} found")
    snap.close()


if __name__ == "__main__":
    main()
