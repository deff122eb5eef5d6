"""How well veribib checks clinical-trial citations: the trial corpus through the whole pipeline.

Runs every case of ``trial_cases`` (registrations in text, BibTeX, RIS and CSL-JSON, result
papers citing their trial, wrong acronyms, wrong topics, wrong ids, malformed ids, other
registries) through ``veribib.check`` against the stand-in server, which serves the recorded and
constructed registry records, and prints:

- real registrations verified, text form and BibTeX form separately (target >= 95 % each);
- wrong-topic and wrong-acronym citations caught (target >= 95 %);
- real trials called mismatched (target 0);
- every class's results, and the cases that missed.

Usage: ``python scripts/eval_trials.py [--split dev|holdout|holdout2|...|holdout18]
[--show-misses N] [--quiet]``; ``--quiet`` prints the four headline figures only, so a
held-out split can be measured without its misses being read.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from standin import StandIn, StandInOptions
from trial_cases import (
    REAL,
    SPLITS,
    TrialCase,
    build,
    constructed_studies,
    isrctn_trials,
    write_inputs,
)
from trial_cases import articles as corpus_articles
from veribib.config import Settings
from veribib.export.interface import CheckedReference
from veribib.model import Judgement
from veribib.pipeline import check

MISMATCH_CODES = frozenset(("TRIAL_TOPIC_MISMATCH", "TRIAL_WRONG_ID"))
TODAY = datetime.date(2026, 12, 1)
# Lines of ``report_lines`` after the title that hold the headline figures.
HEADLINE = 4


@dataclass(frozen=True)
class Result:
    """One case and what veribib said of it."""

    case: TrialCase
    verdict: str
    codes: tuple[str, ...]
    reason: str

    @property
    def mismatch(self) -> bool:
        """Whether the judgement called the id another trial's (or the topic another)."""
        return bool(MISMATCH_CODES & set(self.codes))

    @property
    def right(self) -> bool:
        """Whether veribib said what the case expects."""
        expect = self.case.expect
        if expect == "verified":
            return self.verdict == "verified"
        if expect == "mismatch":
            return self.mismatch and self.verdict in ("fabricated", "inaccurate")
        if expect == "malformed":
            return "TRIAL_ID_MALFORMED" in self.codes and self.verdict != "verified"
        if expect == "fabricated":
            return self.verdict == "fabricated"
        return self.verdict == "unresolved" and "has no open API" in self.reason


def _judgement_codes(j: Judgement) -> tuple[str, ...]:
    return tuple(e.code for e in j.evidence)


def run(cases: Sequence[TrialCase], workdir: Path) -> list[Result]:
    """Write the inputs, check them against the stand-in, and pair each case with its verdict."""
    files = write_inputs(cases, workdir / "inputs")
    options = StandInOptions(
        extra_works=corpus_articles(),
        extra_studies=constructed_studies(),
        isrctn_trials=isrctn_trials(),
        enforce_limits=False,
    )
    with StandIn(options) as server:
        settings = Settings(
            **server.service_urls(),
            mailto="eval@example.org",
            db=str(workdir / "db.sqlite"),
            cache_dir=str(workdir / "cache"),
            max_attempts=2,
            timeout=10.0,
        )
        report = check(list(files.values()), settings, today=TODAY)
    by_file: dict[str, list[CheckedReference]] = defaultdict(list)
    for r in report.references:
        by_file[Path(r.reference.origin.file).name].append(r)
    results: list[Result] = []
    position: Counter[str] = Counter()
    for case in cases:
        name = files[case.format].name
        checked = by_file[name]
        i = position[name]
        position[name] += 1
        if i >= len(checked):
            results.append(Result(case, "missing", (), "reference not found in the report"))
            continue
        j = checked[i].judgement
        results.append(Result(case, j.verdict.value, _judgement_codes(j), j.reason))
    return results


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} % ({part}/{whole})" if whole else "n/a (0 cases)"


def report_lines(results: Sequence[Result], show_misses: int) -> list[str]:
    """The printed figures: headline, then per class, then the misses."""
    real_text = [r for r in results if r.case.cls in REAL and r.case.format == "text"]
    real_bib = [r for r in results if r.case.cls in REAL and r.case.format == "bibtex"]
    wrong = [r for r in results if r.case.cls in ("wrong-topic", "wrong-acronym")]
    real = [r for r in results if r.case.cls in REAL]
    lines = [
        "Trial citations through the whole pipeline (stand-in registry)",
        f"  real registrations verified, text form:   "
        f"{_pct(sum(r.verdict == 'verified' for r in real_text), len(real_text))}  target >= 95 %",
        f"  real registrations verified, BibTeX form: "
        f"{_pct(sum(r.verdict == 'verified' for r in real_bib), len(real_bib))}  target >= 95 %",
        f"  wrong-topic and wrong-acronym caught:     "
        f"{_pct(sum(r.right for r in wrong), len(wrong))}  target >= 95 %",
        f"  real trials called mismatched:            "
        f"{sum(r.mismatch for r in real)} of {len(real)}  target 0",
        "",
        "Per class (right = what the case expects):",
    ]
    classes: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        classes[r.case.cls].append(r)
    for cls, group in classes.items():
        verdicts = Counter(r.verdict for r in group)
        shown = ", ".join(f"{v} {n}" for v, n in verdicts.most_common())
        lines.append(f"  {cls:18} right {_pct(sum(r.right for r in group), len(group)):18} {shown}")
    misses = [r for r in results if not r.right]
    if misses and show_misses:
        lines += ["", f"Misses ({len(misses)}; first {min(show_misses, len(misses))}):"]
        for r in misses[:show_misses]:
            lines.append(f"  [{r.case.cls}/{r.case.format}] {r.case.id}: {r.verdict} — {r.reason}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the corpus and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-misses", type=int, default=30)
    parser.add_argument(
        "--split",
        choices=("dev", *SPLITS),
        default="dev",
        help="dev: the cases the rules were developed on; holdout: cases written after (then "
        "looked at); holdout2 to holdout18: new studies and cases, each written before a "
        "round of rule changes",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="the headline figures only (no classes, no misses)"
    )
    args = parser.parse_args(argv)
    cases = build(args.split)
    print(f"split: {args.split} ({len(cases)} cases)")
    with tempfile.TemporaryDirectory(prefix="veribib-trials-") as tmp:
        results = run(cases, Path(tmp))
    lines = report_lines(results, args.show_misses)
    print("\n".join(lines[: HEADLINE + 1] if args.quiet else lines))
    missing = sum(r.verdict == "missing" for r in results)
    if missing:
        print(f"\n{missing} cases were not found in the report (input split differently)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
