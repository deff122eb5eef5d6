"""Screenshots of the HTML report of a 150-reference run, at phone (360 px) and desktop width.

The 150 references are evaluation cases (``eval_cases.py``: real Crossref records cited
correctly in five styles, with one real error, or fabricated in the HALLMARK ways), written into
a .bib and text reference lists and checked by the whole pipeline against the in-process
stand-in registry, exactly as ``evaluate.py`` does. The report is written to a temporary
folder and shot with headless chromium into ``docs/report-360.png`` and
``docs/report-1280.png``; the script prints the verdict counts and, per width, how far the page
overflows horizontally (it must be 0).

    python scripts/html_screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from eval_cases import build_cases  # noqa: E402
from evaluate import MAILTO, rounds_of, write_inputs  # noqa: E402
from standin import DEFAULT_LIMITS, StandIn, StandInOptions  # noqa: E402
from standin_corpus import load_corpus, read_jsonl, shared_data_dir  # noqa: E402
from veribib.config import Settings  # noqa: E402
from veribib.export import OutputFormat, render  # noqa: E402
from veribib.export.interface import Report  # noqa: E402
from veribib.pipeline import check  # noqa: E402

SIZE = 150
# The mix of a realistic manuscript under review: mostly fine, some errors, a few inventions.
MIX = {"correct": 100, "inaccurate": 35, "fabricated": 15}
MEASURE = (
    "<script>addEventListener('load',function(){var d=document.documentElement;"
    "var cells=[].slice.call(document.querySelectorAll('table.diff td.val'))"
    ".map(function(c){return c.getBoundingClientRect().width;})"
    ".filter(function(w){return w>0;});"  # hidden rows have no box
    "var narrow=cells.filter(function(w){return w<150;}).length;"
    "document.body.setAttribute('data-overflow',String(d.scrollWidth-d.clientWidth));"
    "document.body.setAttribute('data-narrow-cells',String(narrow));"
    "document.body.setAttribute('data-cells',String(cells.length));});</script>"
)


def chromium() -> str | None:
    """The headless browser to use, if one is installed."""
    names = ("chromium", "chromium-browser", "google-chrome")
    return next((p for p in (shutil.which(n) for n in names) if p), None)


def pick_cases() -> list[object]:
    """150 cases of the report half, none sharing a record, in the MIX proportions."""
    cases = rounds_of(build_cases("report"))[0]
    picked: list[object] = []
    for kind, n in MIX.items():
        picked += [c for c in cases if c.kind == kind][:n]
    return picked


def run_report(workdir: Path) -> Report:
    """Check the 150 cases against the stand-in and return the report."""
    data = shared_data_dir()
    corpus = load_corpus(data, extra_works=read_jsonl(data / "seed-works.jsonl"))
    options = StandInOptions(latency=0.0, enforce_limits=True, limits=dict(DEFAULT_LIMITS))
    with StandIn(options, corpus=corpus) as server:
        urls = server.service_urls()
        settings = Settings(
            **urls,
            mailto=MAILTO,
            db=str(workdir / "veribib.sqlite"),
            cache_dir=str(workdir),
            crossref_token="screenshot-token",  # the stand-in's "plus" pool: no 3/s search cap
            timeout=10.0,
        ).validate()
        # Relative paths, as a user types them, so the report shows "apa.txt:27".
        paths = write_inputs(pick_cases(), workdir / "inputs")  # type: ignore[arg-type]
        cwd = Path.cwd()
        os.chdir(workdir / "inputs")
        try:
            return check([p.name for p in paths], settings, today=datetime.date(2026, 6, 15))
        finally:
            os.chdir(cwd)


def measure(browser: str, page: Path, width: int, tmp: Path) -> dict[str, int]:
    """Load ``page`` at ``width`` px and read what the measuring script found."""
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    probe = tmp / f"probe-{width}.html"
    probe.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--window-size={width},900",
            f"--user-data-dir={tmp / 'profile'}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    found = dict(re.findall(r'data-(overflow|narrow-cells|cells)="(-?\d+)"', dom))
    return {k: int(v) for k, v in found.items()}


def shoot(browser: str, page: Path, width: int, height: int, out: Path, tmp: Path) -> None:
    """A PNG of the page's top ``height`` px at ``width`` px."""
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--user-data-dir={tmp / 'profile'}",
            f"--screenshot={out}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Build the report, shoot it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE.parent / "docs")
    args = parser.parse_args(argv)
    browser = chromium()
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        report = run_report(tmp)
        counts = Counter(r.judgement.verdict.value for r in report.references)
        print(f"{len(report.references)} references: {dict(sorted(counts.items()))}")
        page = tmp / "report-150.html"
        page.write_text(render(report, OutputFormat.HTML), encoding="utf-8")
        if browser is None:
            print("no chromium: no screenshots")
            return 1
        for width, height in ((360, 2400), (1280, 1800)):
            m = measure(browser, page, width, tmp)
            print(
                f"{width} px: horizontal overflow {m.get('overflow')} px; "
                f"{m.get('narrow-cells')} of {m.get('cells')} cited/found cells under 150 px"
            )
            shot = args.out / f"report-{width}.png"
            shoot(browser, page, width, height, shot, tmp)
            print(f"wrote {shot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
