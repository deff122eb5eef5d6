"""The judge's evaluation: labelled citations of real records through the whole pipeline.

Builds the cases of ``eval_cases.py`` (correct citations in five styles, real works with one
error each, every HALLMARK fabrication type, trial ids) from the real records in ``shared/data``,
writes them into real input files (a ``.bib`` for the BibTeX-style cases, one ``.txt`` reference
list per other style), and runs ``veribib.check`` on them in live mode against the stand-in
registry server (``scripts/standin.py``) started in-process with the 502 Crossref records, the
seed works, the DataCite records and the ClinicalTrials.gov studies as its corpus, a fresh
temporary database, no latency. Crossref's limits are enforced; by default the run uses the
stand-in's "plus" pool (a token): a half (about 850 cases) takes about 90 s on two cores, where
the polite pool (3 searches a second) would take several minutes (``--pool polite``).

Cases are split into a TUNE half and a held-out REPORT half by a hash of the underlying record's
DOI (or NCT id); a half uses only its own records. By default the REPORT half is run and printed.

Each case is checked in a "round" in which no other case cites the same record or DOI: the
pipeline looks each DOI up once per run and judges every citation of it from that one
resolution, so two cases of one record in one run would not be judged independently
(``--together`` runs everything in one ``check`` call to show that effect).

No HALLMARK comparison is printed: HALLMARK's entries carry no copy of the real record they were
derived from, so the stand-in cannot serve the records they need and their verdicts would
measure the corpus, not the judge.

    python scripts/evaluate.py [--split report|tune|all] [--show-failures N] [--json out.json]
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
from standin import DEFAULT_LIMITS, ModeLimits, StandIn, StandInOptions
from standin_corpus import load_corpus, read_jsonl, shared_data_dir
from veribib.config import Settings
from veribib.export.interface import CheckedReference
from veribib.model import Judgement
from veribib.pipeline import check

MAILTO = "evaluate@example.org"
TEXT_STYLES = ("apa", "vancouver", "harvard", "numbered")
# A reference list entry is taken as a case's when their texts are at least this alike.
MATCH_MIN = 85.0
VERDICTS = ("verified", "inaccurate", "unresolved", "fabricated")


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

    @property
    def right(self) -> bool:
        """The verdict is one the contract promises for the case."""
        return self.verdict in self.case.acceptable

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
    fixed: bool | None = None
    suggested = ""
    if case.fix_field is not None and judgement.verdict.value == "inaccurate":
        fixed, suggested = fix_is_right(case, judgement)
    elif case.fix_field is not None:
        fixed = False
    return Outcome(case, text, judgement.verdict.value, codes, fixed, suggested)


# --- the run --------------------------------------------------------------------------------


def run(
    cases: Sequence[Case],
    *,
    pool: str,
    together: bool,
    today: datetime.date,
    workdir: Path,
) -> tuple[list[Outcome], dict[str, Any]]:
    """Write the inputs, run the pipeline against an in-process stand-in, collect outcomes."""
    data = shared_data_dir()
    corpus = load_corpus(data, extra_works=read_jsonl(data / "seed-works.jsonl"))
    limits: dict[str, ModeLimits] = dict(DEFAULT_LIMITS)
    options = StandInOptions(latency=0.0, enforce_limits=pool != "unlimited", limits=limits)
    rounds = [list(cases)] if together else rounds_of(cases)
    judged: dict[str, Judgement] = {}
    started = time.perf_counter()
    with StandIn(options, corpus=corpus) as server:
        urls = server.service_urls()
        settings = Settings(
            crossref_url=urls["crossref_url"],
            doi_url=urls["doi_url"],
            datacite_url=urls["datacite_url"],
            ctgov_url=urls["ctgov_url"],
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


# --- the tables -----------------------------------------------------------------------------


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def type_table(outcomes: Sequence[Outcome]) -> list[str]:
    """One row per case type: expected verdict, n, verdict counts, right %, fixed %."""
    head = (
        f"{'type':29} {'expected':10} {'n':>4} {'verif':>5} {'inacc':>5} {'unres':>5} "
        f"{'fabr':>5} {'other':>5} {'right':>6} {'fixed':>6}"
    )
    lines = [head, "-" * len(head)]
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.case.type].append(o)
    order = {"correct": 0, "inaccurate": 1, "fabricated": 2}
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
            f"{other:5d} {_pct(sum(o.right for o in rows), len(rows)):>6} {fixed:>6}"
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
    """The figures the targets are set on."""
    fab = [o for o in outcomes if o.case.expected == "fabricated"]
    real = [o for o in outcomes if o.case.kind in ("correct", "inaccurate")]
    inacc = [o for o in outcomes if o.case.expected == "inaccurate" and o.case.fix_field]
    correct = [o for o in outcomes if o.case.kind == "correct"]
    beyond = [
        o for o in outcomes if o.case.kind == "fabricated" and o.case.expected != "fabricated"
    ]
    caught = sum(o.verdict == "fabricated" for o in fab)
    accused = sum(o.verdict == "fabricated" for o in real)
    fixed = sum(o.verdict == "inaccurate" and bool(o.fixed) for o in inacc)
    verified = sum(o.verdict == "verified" for o in correct)
    missing = sum(o.verdict == "missing" for o in outcomes)
    lines = [
        f"fabricated caught (judged fabricated)       {_pct(caught, len(fab))}"
        f"  ({caught}/{len(fab)})   target >= 95 %",
        f"real works called fabricated               {_pct(accused, len(real))}"
        f"  ({accused}/{len(real)})   target <= 1 %",
        f"inaccurate found with the right correction {_pct(fixed, len(inacc))}"
        f"  ({fixed}/{len(inacc)})   target >= 90 %",
        f"correct citations verified                 {_pct(verified, len(correct))}"
        f"  ({verified}/{len(correct)})",
    ]
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
    """Every outcome as plain data (for ``--json``)."""
    return [
        {
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


def main(argv: list[str] | None = None) -> int:
    """Build the cases, run them through the pipeline, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--seed", type=int, default=20260601)
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
    parser.add_argument("--json", type=Path, help="write every case's outcome here")
    parser.add_argument("--keep", type=Path, help="write the input files and database here")
    args = parser.parse_args(argv)

    base = Counts()
    counts = Counts(
        correct_per_style=max(2, round(base.correct_per_style * args.scale)),
        inaccurate_per_type=max(1, round(base.inaccurate_per_type * args.scale)),
        fabricated_per_type=max(1, round(base.fabricated_per_type * args.scale)),
        trial_cases=max(1, round(base.trial_cases * args.scale)),
    )
    cases = build_cases(args.split, args.seed, counts, today_year=args.today.year)
    with tempfile.TemporaryDirectory(prefix="veribib-eval-") as tmp:
        workdir = args.keep or Path(tmp)
        outcomes, stats = run(
            cases, pool=args.pool, together=args.together, today=args.today, workdir=workdir
        )
    print(
        f"split {args.split}: {len(cases)} cases, seed {args.seed}, {stats['rounds']} rounds, "
        f"{stats['seconds']} s, stand-in requests {sum(stats['requests'].values())} "
        f"(429s {stats['throttled_429']})"
    )
    print()
    print("\n".join(type_table(outcomes)))
    print()
    print("\n".join(style_table(outcomes)))
    print()
    print("\n".join(headline(outcomes)))
    if args.show_failures:
        print()
        print("\n".join(failures(outcomes, args.show_failures)))
    if args.json:
        args.json.write_text(json.dumps(as_json(outcomes), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
