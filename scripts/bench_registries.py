"""Benchmark of the registries beyond Crossref (arXiv, PubMed, OpenAlex, DBLP) in a whole run.

Two bibliographies through the whole pipeline against the stand-in, every service's limits
enforced (arXiv 1 request / 3 s, NCBI 3/s, OpenAlex 10/s, DBLP 2/s, Crossref polite) and every
answer 50 ms late: the ML bibliography of ``registry_world.ml_world`` (100 real works from
HALLMARK, 3 of them again with one error each, and 5 inventions) and the biomedical list of
``registry_world.biomedical_lines``.
Cold (empty cache), then warm (the same database again). Prints, per service, requests, 429s
and the most requests in flight; the total requests per reference; verdict counts.

    python scripts/bench_registries.py [--latency 0.05]
    python scripts/bench_resolve.py --registries     (the same, after the DOI benchmark)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from registry_world import REGIONAL, biomedical_lines, ml_world
from standin import StandIn, StandInOptions
from standin_corpus import load_corpus
from standin_services import SERVICES, ServicesData
from veribib import check
from veribib.config import Settings

MAILTO = "bench@example.org"


def _run(server: StandIn, path: Path, db: Path) -> tuple[float, Counter[str]]:
    settings = Settings(
        **server.service_urls(), mailto=MAILTO, timeout=5.0, db=str(db), cache_dir=str(db.parent)
    ).validate()
    started = time.perf_counter()
    report = check([path], settings)
    return time.perf_counter() - started, Counter(
        c.judgement.verdict.value for c in report.references
    )


def _report(title: str, server: StandIn, wall: float, verdicts: Counter[str], refs: int) -> int:
    """Print one run; returns the 429s of the new services."""
    summary = server.counters.summary()
    log = list(server.counters.log)
    print(f"\n== {title}")
    print(f"  wall time            {wall:8.2f} s for {refs} references")
    total = server.counters.total
    print(f"  requests, all        {total:8d}   ({total / refs:.2f} per reference)")
    too_many = 0
    for service in ("crossref", "doi", "datacite", *SERVICES):
        sent = [r for r in log if r.service == service]
        if not sent:
            continue
        throttled = sum(1 for r in sent if r.status == 429)
        if service in SERVICES:
            too_many += throttled
        flight = summary["max_in_flight"].get(service, 0)
        print(
            f"  {service:20} {len(sent):8d} requests, {throttled} x 429, at most {flight} in flight"
        )
    print(f"  verdicts             {dict(sorted(verdicts.items()))}")
    return too_many


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args(argv)
    corpus = load_corpus()
    world = ml_world()
    keys, lines = biomedical_lines()
    data = ServicesData(
        arxiv=world.data.arxiv,
        pubmed=[REGIONAL],
        openalex=world.data.openalex,
        dblp=world.data.dblp,
    )
    options = StandInOptions(latency=args.latency, services=data, extra_works=world.crossref)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ml = root / "ml.bib"
        ml.write_text(world.bibtex(), encoding="utf-8")
        bio = root / "biomed.txt"
        numbered = "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
        bio.write_text("References\n\n" + numbered + "\n", encoding="utf-8")
        throttled = 0
        n_ml = len(world.real) + len(world.invented) + len(world.erroneous)
        for name, path, refs in (("ML bibliography", ml, n_ml), ("biomedical", bio, len(keys))):
            db = root / f"{path.stem}.sqlite"
            with StandIn(options, corpus=corpus) as server:
                wall, verdicts = _run(server, path, db)
                throttled += _report(f"{name}, cold", server, wall, verdicts, refs)
                server.reset_counters()
                wall, verdicts = _run(server, path, db)
                _report(f"{name}, warm (same database)", server, wall, verdicts, refs)
    print("\n== summary")
    ok = throttled == 0
    print(f"  {'met ' if ok else 'MISSED'} arXiv, PubMed, OpenAlex, DBLP: 0 x 429 ({throttled})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
