"""render(): every OutputFormat has a renderer, and every renderer copes with edge cases."""

from __future__ import annotations

import json

import jsonschema
import pytest

import veribib.export as export
from veribib.export import OutputFormat, load_schema, render
from veribib.export.interface import CheckedDocument, Report
from veribib.model import Document


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_renders_the_sample(fmt: OutputFormat, report: Report) -> None:
    text = render(report, fmt, color=False)
    if fmt is OutputFormat.SARIF:
        # SARIF lists results (references needing a look), never verified ones.
        prints = {
            res["partialFingerprints"]["veribibReference/v1"]
            for res in json.loads(text)["runs"][0]["results"]
            if "partialFingerprints" in res
        }
        wanted = {
            r.reference.raw.text[:200]
            for r in report.references
            if r.judgement.verdict.value != "verified" or r.judgement.flags
        }
        assert wanted and wanted == prints
        return
    assert "Smith" in text and "Anitua" in text


def _edge_reports() -> list[Report]:
    unreadable = CheckedDocument(
        Document("broken.pdf", "unknown", ()), (), error="broken.pdf: not a PDF (bad header)"
    )
    return [
        Report(run_id=None, documents=()),
        Report(run_id=None, documents=(unreadable,), offline=True),
    ]


@pytest.mark.parametrize("fmt", list(OutputFormat))
@pytest.mark.parametrize("edge", _edge_reports(), ids=["empty", "unreadable-offline"])
def test_edge_reports(fmt: OutputFormat, edge: Report) -> None:
    text = render(edge, fmt, color=False)
    assert "0 references" in text or '"total": 0' in text
    if edge.documents:
        assert "not a PDF" in text
    if fmt is OutputFormat.JSON:
        jsonschema.validate(json.loads(text), load_schema(), cls=jsonschema.Draft202012Validator)


def test_offline_is_said(report: Report) -> None:
    offline = Report(run_id=None, documents=report.documents, offline=True)
    assert "offline" in render(offline, OutputFormat.TABLE, color=False)
    assert json.loads(render(offline, OutputFormat.JSON))["run"]["offline"] is True


def test_public_names() -> None:
    for name in (
        "render",
        "export_bibtex",
        "exit_code",
        "ExitCode",
        "ExportResult",
        "print_table",
        "load_schema",
        "OutputFormat",
        "Report",
    ):
        assert name in export.__all__ and hasattr(export, name)
