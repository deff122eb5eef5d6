"""The HTML report on a phone (360 px) in a real headless browser: no horizontal overflow, the
cited-vs-found values in cells wide enough for whole words, and the verdict filter works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, run_chromium
from veribib.export import OutputFormat, render
from veribib.export.interface import Report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found"),
]

# Measures the page after load and writes what it found into <body> attributes for --dump-dom.
_PROBE = (
    "<script>addEventListener('load',function(){var d=document.documentElement;"
    "var w=[].slice.call(document.querySelectorAll("
    "'table.diff td:nth-child(2),table.diff td:nth-child(3)'))"
    ".map(function(c){return c.getBoundingClientRect().width;})"
    ".filter(function(x){return x>0;});"
    "var shown=[].slice.call(document.querySelectorAll('.card'))"
    ".filter(function(c){return c.getBoundingClientRect().height>0;}).length;"
    "document.body.setAttribute('data-overflow',String(d.scrollWidth-d.clientWidth));"
    "document.body.setAttribute('data-cells',String(w.length));"
    "document.body.setAttribute('data-min-cell',String(Math.round(Math.min.apply(null,w))));"
    "document.body.setAttribute('data-shown',String(shown));});</script>"
)


def _measure(html: str, tmp: Path, width: int, check: str | None = None) -> dict[str, int]:
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    if check is not None:  # start with another filter button chosen
        html = html.replace(' id="f-all" checked', ' id="f-all"').replace(
            f'id="f-{check}"', f'id="f-{check}" checked'
        )
    page = tmp / f"probe-{width}-{check}.html"
    page.write_text(html.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    result = run_chromium(
        tmp, page.as_uri(), f"--window-size={width},900", "--virtual-time-budget=3000", "--dump-dom"
    )
    found = dict(re.findall(r'data-([a-z-]+)="(-?\d+)"', result.stdout))
    return {k: int(v) for k, v in found.items()}


def test_no_horizontal_overflow_and_whole_words_at_360_px(report: Report, tmp_path: Path) -> None:
    html = render(report, OutputFormat.HTML)
    phone = _measure(html, tmp_path, 360)
    assert phone["overflow"] == 0
    assert phone["cells"] > 0
    # A cited/found value gets (nearly) the whole width, not a 50 px sliver of 3-letter pieces.
    assert phone["min-cell"] >= 250
    desktop = _measure(html, tmp_path, 1280)
    assert desktop["overflow"] == 0 and desktop["min-cell"] >= 150


def test_verdict_filter_shows_only_that_verdict(report: Report, tmp_path: Path) -> None:
    html = render(report, OutputFormat.HTML)
    everything = _measure(html, tmp_path, 1280)["shown"]
    fabricated = sum(1 for r in report.references if r.judgement.verdict.value == "fabricated")
    assert everything == len(report.references)
    assert 0 < fabricated < everything
    assert _measure(html, tmp_path, 1280, "fabricated")["shown"] == fabricated
