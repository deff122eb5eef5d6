"""Startup and warm-run benchmark: what a user waits for when every answer is cached.

Prints, for a 500-reference BibTeX list (the mix of ``bench_scale.py``) checked against the
stand-in (``scripts/standin.py``, fixed port, so cache keys stay valid between runs of this
script with the same ``--workdir``):

* ``import veribib.cli`` (``python -X importtime``, top-level modules beyond a bare
  interpreter), best of 3 -- what starting the command costs; target <= 0.15 s;
* the imports of a whole warm ``veribib check refs.bib --format json --output FILE``, best
  of 3, with the largest and the share loaded by the judge's trial-topic check (wordfreq,
  snowballstemmer: none when every judgement is reused) and by typer's Pydantic adapters (and
  the Pydantic plugin loader they pull in: typer 0.29 builds one for every option that is not
  a flag; veribib's commands convert plain option values without them, ``cli_coercion.py``,
  so this share is 0 unless another typer brings them back); target <= 0.15 s, printed also
  without typer's share;
* that process's wall time, best of 3; target <= 0.5 s;
* how many judgements the last warm run reused (stored by an earlier run on the same cached
  answers, code, settings and day: ``store/reuse.py``) and how many it made;
* the verdict rows a warm re-run writes (target 0: unchanged verdicts are linked, not
  written) and the rows of the run's references that point at a verdict.

The cache is filled once by a cold run (about a minute: Crossref's polite pool allows 3 list
requests a second). Other jobs share this machine's cores: the script prints the load average.

    python scripts/bench_startup.py [--size 500] [--workdir DIR] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from bench_scale import _cli_env, _top_level_imports, write_bibliography  # noqa: E402
from standin import StandIn, StandInOptions  # noqa: E402
from standin_corpus import load_corpus, read_jsonl, shared_data_dir  # noqa: E402

PORT = 18765
# Loaded for what the judge and typer need, not chosen by the store, CLI or export code.
NOT_OURS = {
    "wordfreq": "judge: trial topic (wordfreq)",
    "snowballstemmer": "judge: trial topic (snowballstemmer)",
    "typer._adapters": "typer: Pydantic adapters",
    "pydantic.plugin._loader": "typer: Pydantic plugin loader",
}
TYPER = ("typer._adapters", "pydantic.plugin._loader")


def _imports(command: Sequence[str], env: Mapping[str, str], rounds: int) -> dict[str, int]:
    """Top-level modules a command imports beyond a bare interpreter (µs), quietest round."""
    bare = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "pass"], capture_output=True, text=True
    )
    startup = _top_level_imports(bare.stderr)
    best: dict[str, int] = {}
    for _ in range(rounds):
        timed = subprocess.run(
            [sys.executable, "-X", "importtime", *command], env=dict(env), capture_output=True,
            text=True,
        )  # fmt: skip
        modules = {k: v for k, v in _top_level_imports(timed.stderr).items() if k not in startup}
        if not best or sum(modules.values()) < sum(best.values()):
            best = modules
    return best


def _verdict_rows(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        (rows,) = con.execute("SELECT count(*) FROM verdict").fetchone()
        (maxid,) = con.execute("SELECT coalesce(max(id), 0) FROM verdict").fetchone()
    return int(rows), int(maxid)


def _linked(db: Path) -> tuple[int, int | None]:
    """The newest run's references, and how many of them point at an older run's verdict
    (None for a database before schema 3, whose references do not point at verdicts)."""
    with sqlite3.connect(db) as con:
        (run,) = con.execute("SELECT max(id) FROM run").fetchone()
        (total,) = con.execute("SELECT count(*) FROM reference WHERE run_id = ?", (run,)).fetchone()
        columns = [row[1] for row in con.execute("PRAGMA table_info(reference)")]
        if "verdict_id" not in columns:
            return int(total), None
        (older,) = con.execute(
            "SELECT count(*) FROM reference AS r JOIN verdict AS v ON v.id = r.verdict_id "
            "WHERE r.run_id = ? AND v.run_id < ?",
            (run, run),
        ).fetchone()
    return int(total), int(older)


def _reused(db: Path) -> tuple[int, int] | None:
    """Of the newest run's references, the judgements it reused and those it made (None for a
    database without stored judgements)."""
    with sqlite3.connect(db) as con:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        if "judged" not in tables:
            return None
        (run,) = con.execute("SELECT max(id) FROM run").fetchone()
        (total,) = con.execute("SELECT count(*) FROM reference WHERE run_id = ?", (run,)).fetchone()
        (made,) = con.execute("SELECT count(*) FROM judged WHERE run_id = ?", (run,)).fetchone()
    return int(total) - int(made), int(made)


def measure(workdir: Path, size: int, rounds: int) -> dict[str, Any]:
    """Fill the cache if needed, then time the warm command and its imports."""
    seeds = read_jsonl(shared_data_dir() / "seed-works.jsonl")
    bib, _txt, _mix = write_bibliography(workdir, size)
    db = workdir / f"startup-{size}.sqlite"
    out: dict[str, Any] = {"size": size}
    corpus = load_corpus(extra_works=seeds)
    with StandIn(StandInOptions(latency=0.01), corpus=corpus, port=PORT) as server:
        urls = server.service_urls()
        env = _cli_env(urls, db)
        check = ["-m", "veribib", "check", str(bib), "--format", "json", "--quiet"]
        check += ["--output", str(db.with_suffix(".json"))]
        if not db.exists():
            start = time.perf_counter()
            subprocess.run([sys.executable, *check], env=env, capture_output=True, check=False)
            out["cold"] = time.perf_counter() - start
        subprocess.run([sys.executable, *check], env=env, capture_output=True, check=False)
        before = _verdict_rows(db)
        walls = []
        for _ in range(rounds):
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, *check], env=env, capture_output=True)
            walls.append(time.perf_counter() - start)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"veribib check failed:\n{proc.stderr.decode()[-2000:]}")
        after = _verdict_rows(db)
        out["walls"] = walls
        out["verdict_rows_written"] = after[0] - before[0]
        out["verdict_ids_changed"] = after[1] != before[1]
        out["linked"] = _linked(db)
        out["reused"] = _reused(db)
        out["run_imports"] = _imports(check, env, rounds)
    out["cli_imports"] = _imports(["-c", "import veribib.cli"], env, rounds)
    return out


def _mark(ok: bool) -> str:
    return "met   " if ok else "MISSED"


def _print(result: Mapping[str, Any]) -> None:
    cli = sum(result["cli_imports"].values()) / 1e6
    run = result["run_imports"]
    total = sum(run.values()) / 1e6
    theirs = {label: run.get(name, 0) / 1e6 for name, label in NOT_OURS.items()}
    wall = min(result["walls"])
    print(f"\n== warm `veribib check` of {result['size']} references ==")
    if "cold" in result:
        print(f"  cache filled by a cold run: {result['cold']:.1f} s")
    print(f"  `import veribib.cli` (-X importtime, beyond a bare interpreter, best of 3): "
          f"{cli:.3f} s  [{_mark(cli <= 0.15)} <= 0.15 s]")  # fmt: skip
    print(f"  imports of the whole warm check: {total:.3f} s  [{_mark(total <= 0.15)} <= 0.15 s]")
    for label, seconds in theirs.items():
        print(f"    of which {label}: {seconds:.3f} s")
    ours = total - sum(run.get(name, 0) for name in TYPER) / 1e6
    print(f"    without typer's Pydantic share: {ours:.3f} s  [{_mark(ours <= 0.15)} <= 0.15 s]")
    rest = total - sum(theirs.values())
    print(f"    the rest (veribib, typer, asyncio, ...): {rest:.3f} s")
    top = sorted(run.items(), key=lambda kv: -kv[1])[:6]
    print("    largest: " + ", ".join(f"{k} {v / 1e6:.3f}" for k, v in top))
    print(f"  whole process, --format json --output: best {wall:.2f} s "
          f"(rounds: {', '.join(f'{w:.2f}' for w in result['walls'])})  "
          f"[{_mark(wall <= 0.5)} <= 0.5 s]")  # fmt: skip
    reused = result.get("reused")
    if reused is not None:
        print(f"  judgements the last warm run reused: {reused[0]}, made: {reused[1]}")
    total_refs, older = result["linked"]
    written = result["verdict_rows_written"]
    print(
        f"  verdict rows written by the warm re-runs: {written} "
        f"(ids changed: {result['verdict_ids_changed']})  [{_mark(written == 0)} = 0]; "
        + (
            f"the last run's {total_refs} references link {older} verdicts of earlier runs"
            if older is not None
            else "(a database before schema 3: every run writes its own verdicts)"
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None, help="keep the filled cache here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="veribib-startup-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        result = measure(workdir, args.size, args.rounds)
    _print(result)
    load = os.getloadavg()
    print(f"\nmachine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f}, python {sys.version.split()[0]}")  # fmt: skip
    print(json.dumps({k: v for k, v in result.items() if not k.endswith("imports")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
