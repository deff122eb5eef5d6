"""What the library costs: linking a run's references to works, and reading the library back.

Synthetic judged references (no network: the store and library code only) — ``--refs`` per
document over ``--documents`` documents, each document citing a random half of a shared pool of
works — are written as a check writes them (references, verdicts, then works). Prints the time
of each write step per reference, and of ``library list`` / ``show`` / ``diff`` afterwards.

    python scripts/bench_library.py --refs 5000 --documents 2
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from veribib.library import diff_documents, list_works, show_work
from veribib.model import (
    Document,
    Evidence,
    Fields,
    Identifiers,
    Judgement,
    Origin,
    Person,
    RawReference,
    Reference,
    Verdict,
    Work,
)
from veribib.store import Store
from veribib.store.works import save_works


def _pool(size: int) -> list[Work]:
    return [
        Work(
            "crossref",
            f"10.9999/bench.{i}",
            Fields(authors=(Person(f"Author{i}", "A."),), year=2000 + i % 25, title=f"Work {i}"),
        )
        for i in range(size)
    ]


def _document(path: str, works: list[Work]) -> list[tuple[Reference, Judgement]]:
    out = []
    for i, work in enumerate(works):
        raw = RawReference(
            f"Author{i}, A. ({work.fields.year}). {work.fields.title}.", Origin(path, i + 1)
        )
        ref = Reference(f"{path}#{i + 1}", raw, work.fields, Identifiers(doi=work.doi))
        evidence = (Evidence("DOI_MATCH", f"Crossref record {work.doi} is the cited work"),)
        out.append((ref, Judgement(ref.id, Verdict.VERIFIED, evidence, match=work)))
    return out


def main() -> None:
    """Write the synthetic runs and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refs", type=int, default=5000, help="references per document")
    parser.add_argument("--documents", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(2026)
    pool = _pool(args.refs * 2)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        run_id, _ = store.start_run("bench", {})
        judged: list[tuple[Reference, Judgement]] = []
        started = time.perf_counter()
        for d in range(args.documents):
            path = f"doc{d}.txt"
            pairs = _document(path, rng.sample(pool, args.refs))
            doc_id = store.save_document(run_id, Document(path, "text", ()), "sha")
            store.save_references(run_id, doc_id, [r for r, _ in pairs])
            store.save_verdicts(run_id, (j for _, j in pairs))
            judged.extend(pairs)
        written = time.perf_counter() - started
        started = time.perf_counter()
        links = save_works(store, run_id, judged)
        linked = time.perf_counter() - started
        store.finish_run(run_id)
        n = len(judged)
        started = time.perf_counter()
        works = list_works(store)
        listed = time.perf_counter() - started
        started = time.perf_counter()
        show_work(store, works[0].doi or works[0].key)
        shown = time.perf_counter() - started
        started = time.perf_counter()
        diff_documents(store)
        diffed = time.perf_counter() - started
        print(f"{n} references in {args.documents} documents, {len(set(links.values()))} works")
        print(f"references + verdicts written: {written:.2f} s ({written / n * 1000:.3f} ms/ref)")
        print(f"works linked (save_works):     {linked:.2f} s ({linked / n * 1000:.3f} ms/ref)")
        print(f"library list:                  {listed:.2f} s")
        print(f"library show (one work):       {shown:.2f} s")
        print(f"diff (every document):         {diffed:.2f} s")
        store.close()


if __name__ == "__main__":
    main()
