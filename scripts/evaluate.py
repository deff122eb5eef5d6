"""The judge's evaluation: labelled citations of real records through the whole pipeline.

Builds the cases of ``eval_cases.py`` (correct citations in five styles, real works with one
error each, every HALLMARK fabrication type, trial ids) and, in the hard world (the default),
those of ``eval_hard.py`` (ML and biomedical works where the registries really hold them, works
in no registry, LLM-style fabrications); writes them into real input files (a ``.bib`` for the
BibTeX-style cases, one ``.txt`` reference list per other style), and runs ``veribib.check`` on
them in live mode against the stand-in registry server (``scripts/standin.py``) started
in-process. Its corpus: the recorded Crossref works, the seed works, DataCite records and
ClinicalTrials.gov studies, plus in the hard world ``eval_world.py``'s neighbours and
constructed records. Crossref's limits are enforced; by default the run uses the stand-in's
"plus" pool (a token): a half (about 1,400 cases) takes about 3 minutes on two cores, where
the polite pool (3 searches a second) would take much longer (``--pool polite``).

Cases are split into a TUNE half and a held-out REPORT half by a hash of the underlying source
record (DOI, NCT id, HALLMARK entry); a half uses only its own records, and its own seed.
``--split all`` runs and prints both halves, each on its own.

Each case is checked in a "round" in which no other case cites the same record or DOI: the
pipeline looks each DOI up once per run and judges every citation of it from that one
resolution, so two cases of one record in one run would not be judged independently
(``--together`` runs everything in one ``check`` call to show that effect).

Per half it prints: a row per case class (verdict counts, right %, fixed %, and ``wrongw``:
verified/inaccurate verdicts whose match or fix is a record other than the cited work), right %
per style, a row per evidence code that decided a verdict (the first evidence item: how often
it decided, how often the verdict was wrong), and the headline figures; every failing case goes
to ``<--failures>/failures-<half>.jsonl``.

    python scripts/evaluate.py [--split report|tune|all] [--world hard|recorded]
                               [--type CLASS ...] [--show-failures N] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz

from eval_cases import Case, Counts, build_cases, norm, render, render_text
from eval_hard import HardCounts, build_hard_cases
from eval_world import NEIGHBOURS_PER_YEAR, World, build_world
from standin import DEFAULT_LIMITS, ModeLimits, StandIn, StandInOptions
from standin_corpus import Corpus, load_corpus, read_jsonl, shared_data_dir
from veribib.config import Settings
from veribib.export.interface import CheckedReference
from veribib.model import Judgement
from veribib.pipeline import check

MAILTO = "evaluate@example.org"
TEXT_STYLES = ("apa", "vancouver", "harvard", "numbered")
# A reference list entry is taken as a case's when their texts are at least this alike.
MATCH_MIN = 85.0
VERDICTS = ("verified", "inaccurate", "unresolved", "fabricated")
# Each half has its own seed as well as its own source records.
SPLIT_SEEDS = {"tune": 20260601, "report": 20261107}
# Fabrications that resemble one real work: ``inaccurate`` with the fix to that work is right.
RESEMBLING = frozenset(
    {
        "near_miss_title",
        "chimeric_title",
        "swapped_authors",
        "merged_citation",
        "ml_near_miss_title",
        "ml_chimeric_title",
        "ml_swapped_authors",
        "biomed_near_miss_title",
        "biomed_chimeric_title",
        "biomed_swapped_authors",
        "biomed_merged_citation",
    }
)
# Kinds of real works: what must never be called fabricated.
REAL_KINDS = ("correct", "inaccurate", "unregistered")


@dataclass
class Outcome:
    """What the pipeline said of one case (``verdict`` "missing" when no entry was found)."""

    case: Case
    text: str
    verdict: str
    codes: tuple[str, ...] = ()
    fixed: bool | None = None  # inaccurate cases: the suggestion has the real value
    suggested: str = ""
    parsed: str = ""
    matched: str | None = None  # DOI of the record the verdict matched or the fix points to

    @property
    def wrong_work(self) -> bool:
        """A verified/inaccurate verdict whose match or fix is a work other than the cited one."""
        if self.verdict not in ("verified", "inaccurate"):
            return False
        if self.matched:
            return self.matched.lower() not in self.case.cited_works
        return not self.case.cited_works

    @property
    def decided_by(self) -> str:
        """The evidence code that decided the verdict (the first one given)."""
        return self.codes[0] if self.codes else "(none)"

    @property
    def right(self) -> bool:
        """The verdict is one the contract promises for the case.

        A citation resembling a real work (near-miss, chimeric, swapped) may also be
        ``inaccurate`` when the fix turns it into that work (issue #11), never another one.
        """
        if self.verdict in self.case.acceptable:
            return True
        return self.resembled

    @property
    def resembled(self) -> bool:
        """``inaccurate`` with the fix pointing to the real work a resembling fake was made from."""
        return (
            self.verdict == "inaccurate"
            and self.case.type in RESEMBLING
            and self.matched is not None
            and not self.wrong_work
        )

    @property
    def failed(self) -> bool:
        """Wrong verdict, or an inaccurate case without the right correction."""
        return not self.right or (self.case.fix_field is not None and self.fixed is False)


# --- input files ----------------------------------------------------------------------------


def rounds_of(cases: Sequence[Case]) -> list[list[Case]]:
    """Cases in rounds where no record, DOI or cited title+author repeats within a round."""
    rounds: list[list[Case]] = []
    used: list[set[str]] = []
    for case in cases:
        c = case.cited
        keys = {f"r:{k}" for k in case.records}
        if c.doi:
            keys.add(f"d:{c.doi.lower()}")
        first = norm(c.authors[0].family) if c.authors else ""
        keys.add(f"t:{first}:{c.year}:{norm(c.title)}")
        for i, taken in enumerate(used):
            if not keys & taken:
                rounds[i].append(case)
                taken.update(keys)
                break
        else:
            rounds.append([case])
            used.append(set(keys))
    return rounds


def write_inputs(cases: Sequence[Case], folder: Path) -> list[Path]:
    """One ``.bib`` and one ``.txt`` reference list per style; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    bib = [c for c in cases if c.style == "bibtex"]
    if bib:
        path = folder / "references.bib"
        path.write_text("\n\n".join(render(c) for c in bib) + "\n", encoding="utf-8")
        paths.append(path)
    for style in TEXT_STYLES:
        entries = [render_text(c) for c in cases if c.style == style]
        if not entries:
            continue
        if style in ("apa", "harvard"):
            entries.sort(key=str.casefold)
        if style == "vancouver":
            entries = [f"{i}. {e}" for i, e in enumerate(entries, 1)]
        elif style == "numbered":
            entries = [f"[{i}] {e}" for i, e in enumerate(entries, 1)]
        path = folder / f"{style}.txt"
        path.write_text("References\n\n" + "\n\n".join(entries) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- reading the report back ------------------------------------------------------------------

_LABEL = re.compile(r"^\s*(?:\[\d+\]|\d+\.)\s*")


def _key_text(text: str) -> str:
    return " ".join(_LABEL.sub("", text).split()).casefold()


def assign(cases: Sequence[Case], checked: Sequence[CheckedReference]) -> dict[str, Judgement]:
    """Each case's judgement: by BibTeX key, else by the most alike reference-list entry."""
    out: dict[str, Judgement] = {}
    by_key = {c.id: c for c in cases}
    free: list[CheckedReference] = []
    for item in checked:
        key = item.reference.raw.key
        if key in by_key and item.reference.origin.file.endswith(".bib"):
            out[key] = item.judgement
        else:
            free.append(item)
    texts = [(c, _key_text(render_text(c))) for c in cases if c.style != "bibtex"]
    pairs: list[tuple[float, int, int]] = []
    for i, (_, want) in enumerate(texts):
        for j, item in enumerate(free):
            score = fuzz.ratio(want, _key_text(item.reference.raw.text))
            if score >= MATCH_MIN:
                pairs.append((score, i, j))
    taken_cases: set[int] = set()
    taken_refs: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i in taken_cases or j in taken_refs:
            continue
        taken_cases.add(i)
        taken_refs.add(j)
        out[texts[i][0].id] = free[j].judgement
    return out


def _pages(value: object) -> str:
    return re.sub(r"\s*[-–—]+\s*", "-", str(value or "")).strip().lower()


def fix_is_right(case: Case, judgement: Judgement) -> tuple[bool, str]:
    """Whether the judgement's correction carries the real value of the case's wrong field."""
    s = judgement.suggestion
    field, want = case.fix_field, case.fix_value
    if field == "doi":
        got = (judgement.suggested_doi or "").lower()
        return got == want, got
    if s is None:
        return False, "(no suggestion)"
    if field == "year":
        return s.year == want, str(s.year)
    if field == "pages":
        return _pages(s.pages) == _pages(want), str(s.pages)
    if field == "volume":
        return str(s.volume) == str(want), str(s.volume)
    if field == "title":
        got = norm(s.title or "")
        return got == norm(want) or got.startswith(norm(want)), str(s.title)
    if field == "container":
        return norm(s.container or "") == norm(want), str(s.container)
    if field == "author":
        index, family = want
        ok = index < len(s.authors) and norm(s.authors[index].family) == norm(family)
        return ok, "; ".join(p.family for p in s.authors[: index + 1])
    if field == "authors":
        got_families = tuple(norm(p.family) for p in s.authors)
        return got_families == tuple(norm(f) for f in want), "; ".join(p.family for p in s.authors)
    raise ValueError(f"unknown fix field {field!r}")


def outcome_of(case: Case, judgement: Judgement | None) -> Outcome:
    """A case's outcome from its judgement (None: the pipeline produced no entry for it)."""
    text = render(case)
    if judgement is None:
        return Outcome(case, text, "missing")
    codes = tuple(e.code for e in judgement.evidence)
    matched = judgement.suggested_doi or (judgement.match.doi if judgement.match else None)
    fixed: bool | None = None
    suggested = ""
    if case.fix_field is not None and judgement.verdict.value == "inaccurate":
        fixed, suggested = fix_is_right(case, judgement)
    elif case.fix_field is not None:
        fixed = False
    return Outcome(case, text, judgement.verdict.value, codes, fixed, suggested, matched=matched)


# --- the run --------------------------------------------------------------------------------


def run(
    cases: Sequence[Case],
    *,
    pool: str,
    together: bool,
    today: datetime.date,
    workdir: Path,
    world: World | None = None,
    port: int = 0,
) -> tuple[list[Outcome], dict[str, Any]]:
    """Write the inputs, run the pipeline against an in-process stand-in, collect outcomes.

    ``world``: the hard world's extra records (``eval_world``); None serves the recordings only.
    ``port``: the stand-in's port (0: any free one); a fixed port keeps the cache keys of a
    ``--keep`` database valid, so a second run is answered from its cache.
    """
    corpus = world_corpus(world)
    limits: dict[str, ModeLimits] = dict(DEFAULT_LIMITS)
    options = StandInOptions(latency=0.0, enforce_limits=pool != "unlimited", limits=limits)
    rounds = [list(cases)] if together else rounds_of(cases)
    judged: dict[str, Judgement] = {}
    started = time.perf_counter()
    with StandIn(options, corpus=corpus, port=port) as server:
        urls = server.service_urls()
        settings = Settings(
            **urls,  # every registry the stand-in serves, the ones beyond Crossref included
            mailto=MAILTO,
            db=str(workdir / "veribib.sqlite"),
            cache_dir=str(workdir),
            crossref_token="evaluation-token" if pool == "plus" else None,
            timeout=10.0,
        ).validate()
        for n, group in enumerate(rounds, 1):
            paths = write_inputs(group, workdir / f"round-{n:02d}")
            report = check(paths, settings, today=today)
            judged.update(assign(group, report.references))
        stats = server.counters.summary()
    stats["seconds"] = round(time.perf_counter() - started, 1)
    stats["rounds"] = len(rounds)
    return [outcome_of(c, judged.get(c.id)) for c in cases], stats


def world_corpus(world: World | None) -> Corpus:
    """The stand-in's corpus: the recordings and seed works, plus the world's records."""
    data = shared_data_dir()
    extra = read_jsonl(data / "seed-works.jsonl")
    if world is None:
        return load_corpus(data, extra_works=extra)
    corpus = load_corpus(data, extra_works=[*extra, *world.crossref])
    for document in world.datacite:
        corpus.datacite[str(document["data"]["id"]).lower()] = document
    return corpus


# --- the tables -----------------------------------------------------------------------------


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def type_table(outcomes: Sequence[Outcome]) -> list[str]:
    """One row per case type: expected verdict, n, verdict counts, right %, fixed %."""
    head = (
        f"{'type':29} {'expected':10} {'n':>4} {'verif':>5} {'inacc':>5} {'unres':>5} "
        f"{'fabr':>5} {'other':>5} {'right':>6} {'fixed':>6} {'wrongw':>6}"
    )
    lines = [head, "-" * len(head)]
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.case.type].append(o)
    order = {"correct": 0, "unregistered": 1, "inaccurate": 2, "fabricated": 3}
    for name in sorted(groups, key=lambda t: (order[groups[t][0].case.kind], t)):
        rows = groups[name]
        counts = Counter(o.verdict for o in rows)
        other = sum(v for k, v in counts.items() if k not in VERDICTS)
        with_fix = [o for o in rows if o.case.fix_field is not None]
        fixed = _pct(sum(1 for o in with_fix if o.fixed), len(with_fix)) if with_fix else "     -"
        expected = rows[0].case.expected
        lines.append(
            f"{name:29} {expected:10} {len(rows):4d} {counts['verified']:5d} "
            f"{counts['inaccurate']:5d} {counts['unresolved']:5d} {counts['fabricated']:5d} "
            f"{other:5d} {_pct(sum(o.right for o in rows), len(rows)):>6} {fixed:>6} "
            f"{sum(o.wrong_work for o in rows):6d}"
        )
    return lines


def style_table(outcomes: Sequence[Outcome]) -> list[str]:
    """Right verdicts per writing style."""
    lines = [f"{'style':10} {'n':>4} {'right':>6}"]
    by_style: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_style[o.case.style].append(o)
    for style in sorted(by_style):
        rows = by_style[style]
        lines.append(f"{style:10} {len(rows):4d} {_pct(sum(o.right for o in rows), len(rows)):>6}")
    return lines


def headline(outcomes: Sequence[Outcome]) -> list[str]:
    """The figures the targets are set on (issue #11's targets)."""
    fab = [o for o in outcomes if o.case.expected == "fabricated"]
    real = [o for o in outcomes if o.case.kind in REAL_KINDS]
    inacc = [o for o in outcomes if o.case.expected == "inaccurate" and o.case.fix_field]
    correct = [o for o in outcomes if o.case.kind == "correct"]
    beyond = [
        o for o in outcomes if o.case.kind == "fabricated" and o.case.expected != "fabricated"
    ]
    caught = sum(o.verdict == "fabricated" or o.resembled for o in fab)
    resembled = sum(o.resembled for o in fab)
    accused = sum(o.verdict == "fabricated" for o in real)
    fixed = sum(o.verdict == "inaccurate" and bool(o.fixed) for o in inacc)
    verified = sum(o.verdict == "verified" for o in correct)
    wrong = sum(o.wrong_work for o in outcomes)
    missing = sum(o.verdict == "missing" for o in outcomes)
    lines = [
        f"fabricated caught                           {_pct(caught, len(fab))}"
        f"  ({caught}/{len(fab)})   target >= 97 %"
        + (f"  ({resembled} inaccurate, fixed to the work they resemble)" if resembled else ""),
        f"real works called fabricated               {_pct(accused, len(real))}"
        f"  ({accused}/{len(real)})   target <= 0.5 %",
        f"inaccurate found with the right correction {_pct(fixed, len(inacc))}"
        f"  ({fixed}/{len(inacc)})   target >= 95 %",
        f"correct citations verified                 {_pct(verified, len(correct))}"
        f"  ({verified}/{len(correct)})",
        f"matches/fixes pointing to another work     {wrong:6d}"
        f"  (of {sum(o.verdict in ('verified', 'inaccurate') for o in outcomes)} "
        "verified/inaccurate)   target 0",
    ]
    kinds = Counter(o.case.kind for o in real)
    lines.append(
        "  real works: "
        + ", ".join(
            f"{k} {sum(o.verdict == 'fabricated' for o in real if o.case.kind == k)}/{kinds[k]}"
            " accused"
            for k in REAL_KINDS
            if kinds[k]
        )
    )
    if beyond:
        flagged = sum(o.verdict == "fabricated" for o in beyond)
        lines.append(
            f"invented works without evidence (expected unresolved): {len(beyond)}, "
            f"judged fabricated {flagged}, unresolved "
            f"{sum(o.verdict == 'unresolved' for o in beyond)}"
        )
    if missing:
        lines.append(f"cases whose entry the pipeline did not return: {missing}")
    return lines


def code_table(outcomes: Sequence[Outcome]) -> list[str]:
    """Per evidence code that decided a verdict: how often it decided, and how often wrongly."""
    head = f"{'deciding evidence code':28} {'verdict':11} {'n':>5} {'wrong':>5} {'wrong%':>7}"
    lines = [head, "-" * len(head)]
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if o.verdict != "missing":
            groups[(o.decided_by, o.verdict)].append(o)
    for (code, verdict), rows in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        wrong = sum(not o.right or o.wrong_work for o in rows)
        lines.append(
            f"{code:28} {verdict:11} {len(rows):5d} {wrong:5d} {_pct(wrong, len(rows)):>7}"
        )
    return lines


def failures(outcomes: Sequence[Outcome], limit: int) -> list[str]:
    """Up to ``limit`` failing cases, taken in turn from each type."""
    by_type: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if o.failed:
            by_type[o.case.type].append(o)
    picked: list[Outcome] = []
    while len(picked) < limit and any(by_type.values()):
        for name in sorted(by_type):
            if by_type[name] and len(picked) < limit:
                picked.append(by_type[name].pop(0))
    lines: list[str] = []
    for o in picked:
        c = o.case
        lines.append(f"[{c.id}] {c.type} ({c.style}) expected {c.expected}, got {o.verdict}")
        lines.append("    " + " ".join(o.text.split())[:400])
        lines.append(f"    evidence: {', '.join(o.codes) or '-'}")
        if c.fix_field and o.verdict == "inaccurate" and not o.fixed:
            lines.append(f"    fix {c.fix_field}: want {c.fix_value!r}, suggested {o.suggested!r}")
        if c.note:
            lines.append(f"    note: {c.note}")
    return lines


def as_json(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """Every outcome as plain data (for ``--json`` and the failures file)."""
    return [
        {
            "matched": o.matched,
            "wrong_work": o.wrong_work,
            "suggested": o.suggested,
            "note": o.case.note,
            "id": o.case.id,
            "type": o.case.type,
            "kind": o.case.kind,
            "style": o.case.style,
            "expected": o.case.expected,
            "got": o.verdict,
            "right": o.right,
            "fixed": o.fixed,
            "codes": list(o.codes),
            "text": o.text,
            "records": list(o.case.records),
        }
        for o in outcomes
    ]


def cases_of(
    split: str,
    seed: int,
    counts: Counts,
    hard: HardCounts | None,
    world: World | None,
    today_year: int,
) -> list[Case]:
    """One half's cases: the generated ones, and the hard world's when there is a world."""
    known = world.dois() if world is not None else set()
    cases = build_cases(split, seed, counts, today_year=today_year, known_dois=known)
    if world is not None and hard is not None:
        cases += build_hard_cases(split, world, seed, hard, today_year=today_year)
    return cases


def report_split(
    split: str, seed: int, cases: Sequence[Case], outcomes: Sequence[Outcome], stats: dict[str, Any]
) -> list[str]:
    """Every table of one half, as printed."""
    return [
        f"split {split}: {len(cases)} cases, seed {seed}, {stats['rounds']} rounds, "
        f"{stats['seconds']} s, stand-in requests {sum(stats['requests'].values())} "
        f"(429s {stats['throttled_429']})",
        "",
        *type_table(outcomes),
        "",
        *style_table(outcomes),
        "",
        *code_table(outcomes),
        "",
        *headline(outcomes),
    ]


def main(argv: list[str] | None = None) -> int:
    """Build the cases, run them through the pipeline, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--seed", type=int, help="one seed for every half (default: per half)")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N")
    parser.add_argument(
        "--pool",
        choices=("plus", "polite", "unlimited"),
        default="plus",
        help="Crossref pool the stand-in enforces (polite: 3 searches/s, about 5x slower)",
    )
    parser.add_argument("--together", action="store_true", help="one check() call for all")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the case counts")
    parser.add_argument(
        "--world",
        choices=("hard", "recorded"),
        default="hard",
        help="hard: neighbours, ML registries, LLM fakes (eval_world); recorded: the old world",
    )
    parser.add_argument("--neighbours", type=int, default=NEIGHBOURS_PER_YEAR, metavar="N")
    parser.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="CLASS",
        help="run only cases of this class (repeatable), e.g. arxiv_no_doi",
    )
    parser.add_argument("--json", type=Path, help="write every case's outcome here")
    parser.add_argument(
        "--failures",
        type=Path,
        default=Path("cache/eval"),
        help="folder for failures-<split>.jsonl (every failing case, for inspection)",
    )
    parser.add_argument("--keep", type=Path, help="write the input files and database here")
    parser.add_argument(
        "--port", type=int, default=0, help="the stand-in's port (fixed: --keep's cache stays warm)"
    )
    args = parser.parse_args(argv)

    def scaled(value: int, least: int = 1) -> int:
        return max(least, round(value * float(args.scale)))

    base, hard_base = Counts(), HardCounts()
    counts = Counts(
        correct_per_style=scaled(base.correct_per_style, 2),
        inaccurate_per_type=scaled(base.inaccurate_per_type),
        fabricated_per_type=scaled(base.fabricated_per_type),
        trial_cases=scaled(base.trial_cases),
    )
    hard = HardCounts(
        real_per_type=scaled(hard_base.real_per_type),
        fabricated_per_type=scaled(hard_base.fabricated_per_type),
    )
    world = build_world(per_year=args.neighbours) if args.world == "hard" else None
    every: list[Outcome] = []
    for split in ("tune", "report") if args.split == "all" else (args.split,):
        seed = args.seed if args.seed is not None else SPLIT_SEEDS[split]
        cases = cases_of(split, seed, counts, hard, world, args.today.year)
        if args.type:
            cases = [c for c in cases if c.type in args.type]
        with tempfile.TemporaryDirectory(prefix="veribib-eval-") as tmp:
            workdir = (args.keep / split) if args.keep else Path(tmp)
            outcomes, stats = run(
                cases,
                pool=args.pool,
                port=args.port,
                together=args.together,
                today=args.today,
                workdir=workdir,
                world=world,
            )
        every += outcomes
        print("\n".join(report_split(split, seed, cases, outcomes, stats)))
        if args.show_failures:
            print()
            print("\n".join(failures(outcomes, args.show_failures)))
        failing = [o for o in outcomes if o.failed or o.wrong_work]
        args.failures.mkdir(parents=True, exist_ok=True)
        path = args.failures / f"failures-{split}.jsonl"
        path.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in as_json(failing)),
            encoding="utf-8",
        )
        print(f"failing cases: {len(failing)}, written to {path}")
        print()
    if args.json:
        args.json.write_text(json.dumps(as_json(every), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
