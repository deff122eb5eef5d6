"""Reports written piece by piece (and from references kept on disk) are the reports written
whole, byte for byte; a report that fails half-way leaves the old file in place."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import TextIO

import pytest

from veribib import cli
from veribib.export import spool as spool_module
from veribib.export.html import iter_html, render_html, write_html
from veribib.export.interface import OutputFormat, Report
from veribib.export.json_report import render_json, write_json
from veribib.export.markdown import iter_markdown, render_markdown, write_markdown
from veribib.export.sarif import iter_sarif, render_sarif, write_sarif
from veribib.export.spool import Spool
from veribib.model import Verdict

WRITERS = {"json": write_json, "markdown": write_markdown, "html": write_html, "sarif": write_sarif}
WHOLE = {
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
    "sarif": render_sarif,
}


def _spooled(report: Report) -> Report:
    return replace(
        report,
        documents=tuple(replace(d, references=Spool(d.references)) for d in report.documents),
    )


def _written(report: Report, write: object) -> str:
    stream = io.StringIO()
    write(report, stream)  # type: ignore[operator]
    return stream.getvalue()


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_streamed_equals_whole(report: Report, fmt: str) -> None:
    whole = WHOLE[fmt](report)
    assert whole.count("\n") > 20
    assert _written(report, WRITERS[fmt]) == whole


def test_markdown_pieces_keep_the_trailing_rule(report: Report) -> None:
    pieces = list(iter_markdown(report))
    assert len(pieces) > 20  # written as it goes, not as one string
    assert "".join(pieces) == render_markdown(report)
    assert not render_markdown(report).endswith("\n\n")
    empty = replace(report, documents=())
    assert "".join(iter_markdown(empty)) == render_markdown(empty)


def test_html_pieces(report: Report) -> None:
    pieces = list(iter_html(report))
    assert sum('<li><a href="#ref-' in p for p in pieces) == len(report.references)
    assert "".join(pieces) == render_html(report)


@pytest.mark.parametrize("block", [1, 700, 1 << 20])
@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_from_disk_in_blocks_equals_whole(
    report: Report, fmt: str, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """References read back from a spool, a few at a time or all at once: the same bytes."""
    monkeypatch.setattr(spool_module, "_READ_AHEAD", block)
    assert _written(_spooled(report), WRITERS[fmt]) == _written(report, WRITERS[fmt])


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_from_disk(report: Report, fmt: OutputFormat) -> None:
    from veribib.export import render

    assert render(_spooled(report), fmt, color=False) == render(report, fmt, color=False)


def test_a_report_failing_half_way_leaves_the_old_file(report: Report, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")

    def half(rep: Report, stream: TextIO) -> None:
        for n, piece in enumerate(iter_markdown(rep)):
            if n == 10:
                raise OSError(28, "No space left on device")
            stream.write(piece)

    with pytest.raises(Exception, match="cannot be written"):
        cli._stream(report, target, half)
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    cli._stream(report, target, write_markdown)
    assert target.read_text(encoding="utf-8") == render_markdown(report)


def test_baseline_on_references_from_disk(report: Report) -> None:
    from veribib.config import IgnoreRule
    from veribib.export.baseline import without_ignored
    from veribib.export.exit_codes import exit_code

    keyed = [c for c in report.references if c.reference.raw.key]
    rules = [IgnoreRule("checked by hand", key=c.reference.raw.key) for c in keyed[:2]]
    assert rules
    whole = without_ignored(report, rules)
    spooled = without_ignored(_spooled(report), rules)
    assert len(whole.references) == len(report.references) - 2
    assert list(spooled.references) == list(whole.references)
    for fail_on in (["fabricated"], ["inaccurate"], ["retracted"]):
        assert exit_code(spooled, fail_on) == exit_code(whole, fail_on)


def test_cleaned_bibtex_from_references_on_disk() -> None:
    from veribib.export.bibtex_clean import clean_bibtex_text

    from .builders import BIB, bib_document

    doc = bib_document()
    text = BIB.read_text("utf-8")
    whole = clean_bibtex_text(text, doc, "separate", "out.fabricated.bib")
    spooled = clean_bibtex_text(
        text, replace(doc, references=Spool(doc.references)), "separate", "out.fabricated.bib"
    )
    assert whole.changes and whole.text != text
    assert spooled == whole


def test_sarif_pieces_with_and_without_results(report: Report) -> None:
    from veribib.config import IgnoreRule

    pieces = list(iter_sarif(report))
    assert sum('"ruleId"' in p for p in pieces) > 5  # one piece per result
    keyed = [
        c
        for c in report.references
        if c.reference.raw.key and c.judgement.verdict is not Verdict.VERIFIED
    ]
    rules = [IgnoreRule("checked by hand", key=keyed[0].reference.raw.key)]
    assert "".join(iter_sarif(report, rules)) == render_sarif(report, rules)
    assert "suppressions" in render_sarif(report, rules)
    empty = replace(report, documents=())
    assert "".join(iter_sarif(empty)) == render_sarif(empty)
    assert '"results": []' in render_sarif(empty)
