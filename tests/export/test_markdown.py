"""--format markdown: summary, problems first with evidence and fix, every reference, escaped."""

from __future__ import annotations

import re

from veribib.export import OutputFormat, render
from veribib.export.interface import Report
from veribib.export.markdown import md_escape

from .builders import XSS


def test_summary_then_problems_then_rest(report: Report) -> None:
    md = render(report, OutputFormat.MARKDOWN)
    assert md.startswith("# veribib report\n")
    assert "7 references: 3 verified, 1 inaccurate, 2 unresolved, 1 fabricated" in md
    assert "2 lookups failed" in md
    attention = md.index("## Needs attention")
    rest = md.index("## Other references")
    assert attention < rest
    # fabricated before inaccurate before the retracted (verified) one, all in the detail part
    smith, xing, kim = (md.index(s) for s in ("Smith 2021", "Xing 2021", "Kim 2021"))
    assert attention < smith < xing < kim < rest
    assert md.index("Petrik 2016") > rest and md.index("Anitua 2023") > rest


def test_every_reference_appears_once_with_its_origin(report: Report) -> None:
    md = render(report, OutputFormat.MARKDOWN)
    for checked in report.references:
        assert md.count(f"`{checked.reference.origin}`") == 1, checked.reference.origin


def test_evidence_and_fix_for_problems(report: Report) -> None:
    md = render(report, OutputFormat.MARKDOWN)
    assert "`DOI_NOT_FOUND` doi.org: DOI 10.1093/asj/sjab999 does not exist" in md
    assert "Likely source (snapshot): Proffer et al. 2022" in md
    assert "| year | 2021 | 2020 |" in md
    assert "| pages | 8648-8660 | 8648-8664 |" in md
    assert "add DOI 10.7150/thno.48291" in md
    assert "cite the retraction or drop it" in md


def test_citation_problems_listed(report: Report) -> None:
    md = render(report, OutputFormat.MARKDOWN)
    section = md[md.index("## Citations and list") :]
    assert "\\[4\\] at manuscript.txt:17" in section
    assert "In the list but never cited" in section and "Mallory 2020" in section


def test_untrusted_text_cannot_become_markup(report: Report) -> None:
    md = render(report, OutputFormat.MARKDOWN)
    assert XSS not in md
    assert "<b>" not in md
    assert "](javascript:" not in md
    # table rows keep their column count even though the cited text contains pipes
    rows = [line for line in md.splitlines() if line.startswith("| ") and "Mallory" in line]
    assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 7 for row in rows)


def test_md_escape() -> None:
    assert md_escape("a *b* _c_ [d](e) <f> | g\nh") == r"a \*b\* \_c\_ \[d\](e) \<f\> \| g h"
