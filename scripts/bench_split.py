"""Print how well reference lists built from real strings are split (run by hand).

    python tests/source/bench_split.py

Lists are built from Crossref's 2,000 real unstructured reference strings (mixed styles, a
hard case: real lists keep one style) and from its noisy synthetic APA strings, numbered or
not, one per line or wrapped like extracted PDF text, with or without blank lines between.
"""

from __future__ import annotations

import json
import random
import textwrap
from pathlib import Path

from veribib.source.text import read_text

BENCH = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "benchmarks"


def _strings(name: str) -> list[str]:
    rows = json.loads((BENCH / name).read_text(encoding="utf-8"))["dataset"]
    return [" ".join(r["ref_string"].split()) for r in rows if (r["ref_string"] or "").strip()]


def _trial(label: str, sample: list[str], marker: str, width: int, blank: bool) -> None:
    lines = ["Body text.", "", "References"]
    for n, ref in enumerate(sample, 1):
        entry = marker.format(n=n) + ref
        lines.extend(textwrap.wrap(entry, width, break_on_hyphens=False) if width else [entry])
        if blank:
            lines.append("")
    got = {r.text for r in read_text("\n".join(lines), "bench.txt").references}
    same = sum(ref in got for ref in sample)
    layout = f"wrapped at {width}" if width else "one per line"
    print(
        f"{label:<22} {marker or 'no number':<8} {layout:<14} {'blank lines' if blank else '':<11}"
        f" {len(got):4} entries, {same:4} of {len(sample)} identical"
    )


def main() -> None:
    """Split 500-entry lists in several layouts and count entries recovered exactly."""
    rng = random.Random(0)
    real = rng.sample(_strings("crossref_rme_real_unstructured_2000_sbmv.json"), 500)
    apa = sorted(rng.sample(_strings("crossref_rme_synthetic_apa_noise.json"), 500))
    for marker in ("{n}. ", "[{n}] ", ""):
        for width in (0, 80):
            for blank in (False, True):
                _trial("real, mixed styles", real, marker, width, blank)
    for width in (0, 70, 90):
        _trial("APA with OCR noise", apa, "", width, False)


if __name__ == "__main__":
    main()
