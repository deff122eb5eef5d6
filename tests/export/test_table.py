"""The terminal table: one row per reference, verdicts, summary line; plain when piped."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from veribib.export import OutputFormat, render
from veribib.export.interface import Report
from veribib.export.table import print_table, render_table

ANSI = "\x1b["


def test_plain_text_when_not_a_terminal(report: Report) -> None:
    text = render(report, OutputFormat.TABLE, color=False)
    assert ANSI not in text
    for label in ("Smith 2021", "Xing 2021", "Petrik 2016", "Anitua 2023", "Kim 2021"):
        assert label in text
    assert "refs.bib:39" in text and "manuscript.txt:42" in text


def test_summary_line(report: Report) -> None:
    text = render_table(report, color=False)
    assert (
        "7 references: 3 verified, 1 inaccurate, 2 unresolved, 1 fabricated; 1 retracted; "
        "2 lookups failed" in text
    )


def test_worst_first_with_reason_and_fix(report: Report) -> None:
    text = render_table(report, color=False, width=400)  # wide enough for nothing to wrap
    assert text.index("fabricated") < text.index("inaccurate") < text.index("unresolved")
    assert "doi.org: DOI 10.1093/asj/sjab999 does not exist" in text
    assert "year: 2021 → 2020; pages: 8648-8660 → 8648-8664; add DOI 10.7150/thno.48291" in text


def test_citation_problems_per_document(report: Report) -> None:
    text = render_table(report, color=False, width=200)
    assert "cited in the text but not in the list" in text
    assert "[4] at manuscript.txt:17" in text
    assert "in the list but never cited" in text


def test_fits_80_columns(report: Report) -> None:
    text = render_table(report, color=False, width=80)
    widths = [len(line.rstrip()) for line in text.splitlines()]
    assert max(widths) <= 80


def test_colour_on_request(report: Report) -> None:
    assert ANSI in render_table(report, color=True, width=100)


def test_print_table_follows_the_console(report: Report) -> None:
    piped = io.StringIO()
    print_table(report, Console(file=piped, width=80))  # a file is not a terminal
    assert ANSI not in piped.getvalue()
    assert "Smith 2021" in piped.getvalue()


def test_markup_in_cited_text_is_shown_not_interpreted(report: Report) -> None:
    text = render_table(report, color=False, width=200)
    assert '<script>alert("xss")</script>' in text  # rich markup is not applied to it


def test_render_default_has_no_colour_even_on_a_terminal(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """render() output goes to files (-o) as often as anywhere: colour only when asked."""
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert ANSI not in render(report, OutputFormat.TABLE)
