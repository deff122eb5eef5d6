"""--format html: self-contained, well-formed, a chart, one card per reference worst first,
and cited text that cannot run code."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from veribib.export import OutputFormat, render
from veribib.export.html import word_diff
from veribib.export.interface import Report
from veribib.model import Verdict

from .builders import XSS

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Checker(HTMLParser):
    """Tracks open tags; records every mismatch, and collects script bodies and card classes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self.cards: list[str] = []
        self.svg_slices = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        if "card" in cls.split():
            self.cards.append(cls)
        if tag == "circle" and "slice" in cls.split():
            self.svg_slices += 1
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        if tag == "circle" and "slice" in cls.split():
            self.svg_slices += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return render(report, OutputFormat.HTML)


@pytest.fixture(scope="module")
def parsed(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


def test_well_formed(page: str, parsed: _Checker) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert parsed.errors == []
    assert parsed.stack == []


def test_summary_chart(page: str, parsed: _Checker) -> None:
    assert '<svg class="chart"' in page
    assert parsed.svg_slices == 4  # one slice per verdict present
    assert 'aria-label="3 verified, 1 inaccurate, 2 unresolved, 1 fabricated"' in page


def test_one_card_per_reference_worst_first(report: Report, parsed: _Checker) -> None:
    assert len(parsed.cards) == len(report.references) == 7
    verdicts = [next(c[2:] for c in cls.split() if c.startswith("c-")) for cls in parsed.cards]
    assert verdicts[0] == "fabricated" and verdicts[1] == "inaccurate"
    severities = [Verdict(v).severity for v in verdicts]
    assert severities == sorted(severities, reverse=True)


def test_card_contents(page: str) -> None:
    xing = page[page.index('id="ref-2"') : page.index('id="ref-3"')]
    assert "Xing X, Han S, Li Z. Emerging role" in xing  # the cited text
    assert 'href="https://doi.org/10.7150/thno.48291"' in xing  # the record found
    assert '<tr class="differs"><td class="field">year</td>' in xing
    assert "<del>" in xing and "<ins>" in xing
    assert "80%" in xing  # similarity of the pages
    assert "year: 2021 → 2020" in xing and "add DOI 10.7150/thno.48291" in xing
    smith = page[page.index('id="ref-1"') : page.index('id="ref-2"')]
    assert "DOI_NOT_FOUND" in smith and "Likely source" in smith
    assert "10.1093/asj/sjac149" in smith


def test_flags_are_badges(page: str) -> None:
    assert '<span class="badge flag serious">retracted</span>' in page
    assert '<span class="badge flag">corrected</span>' in page
    assert '<span class="badge flag">never cited</span>' in page


def test_untrusted_text_is_escaped(page: str, parsed: _Checker) -> None:
    assert XSS not in page
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in page
    assert "<b>tricks</b>" not in page
    assert 'href="javascript:' not in page
    assert len(parsed.scripts) == 1  # only the page's own script


def test_csp_allows_only_the_pages_own_script(page: str, parsed: _Checker) -> None:
    m = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert m, "no CSP"
    csp = m.group(1).replace("&#x27;", "'")
    assert "default-src 'none'" in csp
    digest = hashlib.sha256(parsed.scripts[0].encode("utf-8")).digest()
    assert f"'sha256-{base64.b64encode(digest).decode()}'" in csp


def test_self_contained(page: str) -> None:
    assert "<link" not in page
    assert not re.search(r"""\ssrc=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    # the only outward links are plain anchors to doi.org
    hosts = set(re.findall(r'href="https?://([^/"]+)', page))
    assert hosts <= {"doi.org"}


def test_print_styles(page: str) -> None:
    assert "@media print" in page
    assert "break-inside:avoid" in page


def test_word_diff_marks_only_what_differs() -> None:
    left, right = word_diff("Emerging role of exosomes", "Emerging role of vesicles")
    assert left == "Emerging role of <del>exosomes</del>"
    assert right == "Emerging role of <ins>vesicles</ins>"
    left, right = word_diff("8648-8660", "8648-8664")
    assert left == "8648-866<del>0</del>" and right == "8648-866<ins>4</ins>"
    left, right = word_diff("<i>x</i> y", "<i>x</i> z")
    assert "<i>" not in left and "&lt;i&gt;" in left
