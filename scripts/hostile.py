"""A hostile registry stand-in: ``scripts/standin.py`` with one attack switched on per run.

Each mode turns the honest stand-in (recorded data, real sockets) into a broken or malicious
registry, the way the attacks of issue #15 did:

    inject-doi      Crossref records carry a DOI that closes the BibTeX field and opens entries
    control-title   Crossref titles carry ESC/BEL sequences, rich markup and a stray brace
    garbled-types   Crossref records with ``author`` as a string and ``title`` as a number
    doi-500         doi.org answers HTTP 500 to everything
    foreign-404     Crossref answers an HTML "404 page" (not its own error shape) to everything
    ctgov-404       ClinicalTrials.gov answers a plain 404 to everything
    retry-after     Crossref answers 429 with ``Retry-After: 999999``
    retry-date      Crossref answers 429 with a ``Retry-After`` HTTP date far in the future
    drip            Crossref sends its bodies one byte every 0.5 s
    gzip-bomb       Crossref sends a small gzip body that unpacks to 64 MB
    huge-body       Crossref sends 20 MB JSON bodies
    echo-token      Crossref echoes the request's token header in a 400 error body
    unreachable     nothing listens at all

``python scripts/hostile.py`` runs veribib against every mode and prints a table: attack →
verdicts, wrong verdicts (any verdict that is neither the honest run's nor ``unresolved``),
seconds, bytes of the user's file lost, token leaks, cache rows kept. The tests in
``tests/safety/test_hostile.py`` drive the same ``run_attack``.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale
from standin import DEFAULT_LIMITS, Answer, ModeLimits, StandIn, StandInOptions, _Handler
from standin_corpus import Corpus, load_corpus, read_jsonl

MODES = (
    "inject-doi",
    "control-title",
    "garbled-types",
    "doi-500",
    "foreign-404",
    "ctgov-404",
    "retry-after",
    "retry-date",
    "drip",
    "gzip-bomb",
    "huge-body",
    "echo-token",
    "unreachable",
)
INJECTED_DOI = "10.x}, note={inj}} @article{evil2, title={x"
CONTROL_JUNK = " \x1b]0;pwned\x07\x1b[2J [/] [link=https://evil.example]click[/link] }"
TOKEN = "tok-H0STILE-5e4d3c2b1a"
BOMB_BYTES = 64 * 1024 * 1024
HUGE_BYTES = 20 * 1024 * 1024
DRIP_SECONDS = 0.5
TRIAL_ENTRY = """
@misc{trial,
  author = {{Access to Advanced Health Institute}},
  title = {Phase 1 Clinical Trial of Single-Vial ID93 + GLA-SE in Healthy Adults},
  year = {2018},
  note = {ClinicalTrials.gov Identifier: NCT03722472}
}
"""
FAST_LIMITS = dict(DEFAULT_LIMITS)
FAST_LIMITS["polite"] = ModeLimits(single=100, list=100, concurrency=3)
FAST_LIMITS["plus"] = ModeLimits(single=100, list=100, concurrency=6)

_BOMB: bytes | None = None


def _bomb() -> bytes:
    """64 MB of zeros, gzipped (about 64 KB), made once."""
    global _BOMB
    if _BOMB is None:
        _BOMB = gzip.compress(b"\0" * BOMB_BYTES, compresslevel=9)
    return _BOMB


def _rewrite_works(answer: Answer, change: Any) -> Answer:
    """A Crossref answer with ``change(record)`` applied to each work record in it."""
    try:
        data = json.loads(answer.body)
    except ValueError:
        return answer
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        return answer
    records = message["items"] if isinstance(message.get("items"), list) else [message]
    for record in records:
        if isinstance(record, dict) and "DOI" in record:
            change(record)
    answer.body = json.dumps(data).encode()
    return answer


def _inject(record: dict[str, Any]) -> None:
    record["DOI"] = INJECTED_DOI


def _control(record: dict[str, Any]) -> None:
    titles = record.get("title")
    if isinstance(titles, list) and titles:
        record["title"] = [str(titles[0]) + CONTROL_JUNK, *titles[1:]]


def _garble(record: dict[str, Any]) -> None:
    authors = record.get("author")
    if isinstance(authors, list) and authors:
        first = authors[0] if isinstance(authors[0], dict) else {}
        record["author"] = f"{first.get('given', '')} {first.get('family', 'Invented')}"
    record["title"] = 42


class HostileHandler(_Handler):
    """The stand-in's handler with the server's attack applied to its answers."""

    def _answer(
        self,
        service: str,
        prefix: str,
        path: str,
        query: list[tuple[str, str]],
        fault: str | None,
    ) -> Answer | None:
        mode = getattr(self.server.state, "mode", "")
        if mode == "doi-500" and service == "doi":
            return Answer(500, b"Internal Server Error", "text/plain")
        if mode == "ctgov-404" and service == "ctgov":
            return Answer(404, b"Not Found", "text/plain")
        if mode == "foreign-404" and service == "crossref":
            return Answer(
                404, b"<html><body><h1>404 Not Found</h1>nginx</body></html>", "text/html"
            )
        if service == "crossref" and mode in ("retry-after", "retry-date"):
            answer = Answer(429, b"Too Many Requests", "text/plain")
            far = time.time() + 999_999
            answer.headers["Retry-After"] = (
                "999999" if mode == "retry-after" else email.utils.formatdate(far, usegmt=True)
            )
            return answer
        if mode == "echo-token" and service == "crossref":
            echoed = self.headers.get("Crossref-Plus-API-Token", "")
            body = {
                "status": "failed",
                "message-type": "validation-failure",
                "message": [{"type": "echo", "value": echoed, "message": f"bad token {echoed}"}],
            }
            return Answer(400, json.dumps(body).encode(), "application/json")
        answer = super()._answer(service, prefix, path, query, fault)
        if answer is None or service != "crossref" or answer.status != 200:
            return answer
        if mode == "inject-doi":
            return _rewrite_works(answer, _inject)
        if mode == "control-title":
            return _rewrite_works(answer, _control)
        if mode == "garbled-types":
            return _rewrite_works(answer, _garble)
        if mode == "huge-body":
            data = json.loads(answer.body)
            data["padding"] = "x" * HUGE_BYTES
            answer.body = json.dumps(data).encode()
        if mode == "gzip-bomb":
            answer.body = _bomb()
            answer.headers["Content-Encoding"] = "gzip"
        return answer

    def _send(self, answer: Answer, truncate: bool = False) -> None:
        if getattr(self.server.state, "mode", "") != "drip" or answer.status != 200:
            super()._send(answer, truncate)
            return
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(answer.body)):
                if self.server.state._stopping.is_set():
                    break
                self.wfile.write(answer.body[i : i + 1])
                self.wfile.flush()
                time.sleep(DRIP_SECONDS)
        except OSError:
            pass
        self.close_connection = True


class HostileStandIn(StandIn):
    """A StandIn whose handler carries out ``mode``'s attack."""

    handler_class = HostileHandler

    def __init__(self, mode: str, options: StandInOptions | None = None, **kwargs: Any) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}: choose from {', '.join(MODES)}")
        super().__init__(options, **kwargs)
        self.mode = mode


def hostile_bibliography(directory: Path) -> Path:
    """Real works (``bench_scale``), two of them cited with a DOI that does not exist, a trial."""
    bib, _, _ = bench_scale.write_bibliography(directory, 10, seed=11)
    text = bib.read_text(encoding="utf-8")
    entries = text.split("\n@")
    wrong: list[str] = []
    for entry in entries:
        if "doi = {" in entry and len(wrong) < 2:
            start = entry.index("doi = {") + len("doi = {")
            end = entry.index("}", start)
            key_end = entry.index(",")
            key = entry[:key_end].split("{", 1)[1]
            changed = entry[:start] + entry[start:end] + "99" + entry[end:]
            wrong.append("@" + changed.lstrip("@").replace("{" + key + ",", "{" + key + "w,", 1))
    bib.write_text(text.rstrip() + "\n\n" + "\n\n".join(wrong) + "\n" + TRIAL_ENTRY, "utf-8")
    return bib


@dataclass
class AttackResult:
    """What one attack did to a run of veribib."""

    mode: str
    verdicts: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)  # "key: honest -> attacked"
    seconds: float = 0.0
    lost_bytes: int = 0  # bytes of the input changed by the run and export
    leaks: list[str] = field(default_factory=list)  # where the token showed up
    cached_bad: int = 0  # cache rows holding the attack's payload or oversize bodies
    exit_code: int | None = None
    message: str = ""
    reparses: bool = True  # the cleaned .bib re-parses to the input's entries


def _cache_rows(db: Path) -> list[tuple[str, int, bytes]]:
    import sqlite3

    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        try:
            return list(conn.execute("SELECT url, status, body FROM response"))
        except sqlite3.DatabaseError:
            return []


def _keys(text: str) -> list[str]:
    import bibtexparser

    library = bibtexparser.parse_string(text)
    if library.failed_blocks:
        raise ValueError(f"{len(library.failed_blocks)} blocks do not parse")
    return [e.key for e in library.entries]


def run_attack(
    mode: str,
    workdir: Path,
    corpus: Corpus,
    honest: dict[str, str] | None = None,
    *,
    attempts: int = 2,
    timeout: float = 2.0,
    deadline: float = 60.0,
    export: bool = True,
) -> AttackResult:
    """Check (and export) the hostile bibliography against ``mode``; compare with ``honest``."""
    from typer.testing import CliRunner

    from veribib.cli import app

    workdir.mkdir(parents=True, exist_ok=True)
    bib = hostile_bibliography(workdir / "in")
    original = bib.read_bytes()
    db = workdir / f"{mode}.sqlite"
    report = workdir / f"{mode}.json"
    server = HostileStandIn(
        mode, StandInOptions(limits=FAST_LIMITS, max_seconds=300.0), corpus=corpus
    ).start()
    urls = server.service_urls()
    if mode == "unreachable":
        server.stop()
    env = {
        "VERIBIB_DB": str(db),
        "VERIBIB_MAILTO": "hostile@example.org",
        "VERIBIB_TIMEOUT": f"{timeout:g}",
        "VERIBIB_MAX_ATTEMPTS": str(attempts),
        "VERIBIB_CROSSREF_TOKEN": TOKEN,
        **{f"VERIBIB_{k.upper()}": v for k, v in urls.items()},
    }
    result = AttackResult(mode)
    runner = CliRunner()
    started = time.monotonic()
    try:
        limit = f"{deadline:g}"
        ran = runner.invoke(
            app,
            ["check", str(bib), "-f", "json", "-o", str(report), "-q", "--deadline", limit],
            env=env,
        )
        cleaned = workdir / f"{mode}.bib"
        exported = (
            runner.invoke(
                app,
                ["export", str(bib), "-o", str(cleaned), "--force", "--deadline", limit],
                env=env,
            )
            if export
            else None
        )
    finally:
        server.stop()
    result.seconds = time.monotonic() - started
    result.exit_code = ran.exit_code
    result.message = (ran.output.strip().splitlines() or [""])[-1]
    after = bib.read_bytes()
    result.lost_bytes = sum(1 for a, b in zip(original, after, strict=False) if a != b) + abs(
        len(original) - len(after)
    )
    if report.exists():
        data = json.loads(report.read_text(encoding="utf-8"))
        for ref in data.get("references", []):
            key = ref.get("key") or ref.get("id")
            verdict = ref.get("verdict")
            result.verdicts[verdict] += 1
            before = (honest or {}).get(key)
            if before is not None and verdict not in (before, "unresolved"):
                result.wrong.append(f"{key}: {before} -> {verdict}")
    texts = {
        "stdout/stderr": ran.output + (exported.output if exported is not None else ""),
        "report": report.read_text(encoding="utf-8") if report.exists() else "",
    }
    for path in workdir.glob(f"{mode}.bib*"):
        texts[path.name] = path.read_text(encoding="utf-8", errors="replace")
    rows = _cache_rows(db)
    texts["database"] = "\n".join(b.decode("utf-8", "replace") for _, _, b in rows)
    result.leaks = [where for where, text in texts.items() if TOKEN in text]
    result.cached_bad = sum(
        1
        for _, status, body in rows
        if len(body) > 10 * 1024 * 1024
        or b"nginx" in body  # a foreign 404 page is no answer to keep
        or (status == 200 and (b"evil2" in body or b"\\u001b" in body or b'"title": 42' in body))
    )
    if cleaned.exists():
        result.reparses = reparses_to_same_entries(original.decode("utf-8"), cleaned)
    return result


def reparses_to_same_entries(original: str, cleaned: Path) -> bool:
    """The cleaned file parses (bibtexparser and pybtex) to the input's entries, in order, less
    any moved out: no entry was created, none lost its key."""
    from pybtex.database import parse_string as pybtex_parse

    text = cleaned.read_text(encoding="utf-8")
    try:
        ours = _keys(text)
        theirs = list(pybtex_parse(text, "bibtex").entries.keys())
    except Exception:
        return False
    before = _keys(original)
    kept = set(ours)
    return ours == theirs == [k for k in before if k in kept] and kept <= set(before)


def honest_verdicts(workdir: Path, corpus: Corpus) -> dict[str, str]:
    """The verdicts of the hostile bibliography against the honest stand-in (key -> verdict)."""
    from veribib.config import Settings
    from veribib.pipeline import check

    bib = hostile_bibliography(workdir / "in")
    with StandIn(StandInOptions(limits=FAST_LIMITS, max_seconds=300.0), corpus=corpus) as server:
        settings = Settings(
            **server.service_urls(),
            mailto="hostile@example.org",
            timeout=2.0,
            max_attempts=2,
            db=str(workdir / "honest.sqlite"),
        ).validate()
        report = check([bib], settings)
    return {
        c.reference.raw.key or c.reference.id: c.judgement.verdict.value for c in report.references
    }


def table(results: list[AttackResult]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| attack | verdicts | wrong verdicts | seconds | exit | bytes lost | token leaks | "
        "bad cache rows | .bib re-parses |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        verdicts = ", ".join(f"{k} {n}" for k, n in sorted(r.verdicts.items()))
        lines.append(
            f"| {r.mode} | {verdicts or '—'} | {len(r.wrong)} | {r.seconds:.1f} | {r.exit_code} "
            f"| {r.lost_bytes} | {len(r.leaks)} | {r.cached_bad} "
            f"| {'yes' if r.reparses else 'NO'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run every attack (or those named) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modes", nargs="*", metavar="MODE", help=", ".join(MODES))
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
    args = parser.parse_args(argv)
    corpus = load_corpus(args.data, extra_works=read_jsonl(args.data / "seed-works.jsonl"))
    work = Path(tempfile.mkdtemp(prefix="veribib-hostile-"))
    try:
        honest = honest_verdicts(work / "honest", corpus)
        results = []
        for mode in args.modes or MODES:
            results.append(run_attack(mode, work / mode, corpus, honest))
            print(f"{mode}: done in {results[-1].seconds:.1f} s", file=sys.stderr, flush=True)
        print(table(results))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
