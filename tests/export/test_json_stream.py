"""--format json written piece by piece: the same document, one line per reference."""

from __future__ import annotations

import io
import json
from dataclasses import replace

from veribib.export.interface import Report
from veribib.export.json_report import render_json, report_dict, write_json


def test_streamed_text_is_the_report_dict(report: Report) -> None:
    text = render_json(report)
    assert json.loads(text) == json.loads(json.dumps(report_dict(report)))
    stream = io.StringIO()
    write_json(report, stream)
    assert stream.getvalue() == text


def test_each_reference_is_one_line(report: Report) -> None:
    lines = render_json(report).splitlines()
    start = lines.index('  "references": [')
    refs = lines[start + 1 : start + 1 + len(report.references)]
    assert [json.loads(line.strip().rstrip(","))["id"] for line in refs] == [
        c.reference.id for c in report.references
    ]
    assert lines[start + 1 + len(report.references)] == "  ],"


def test_no_references_is_an_empty_list(report: Report) -> None:
    empty = replace(report, documents=())
    doc = json.loads(render_json(empty))
    assert doc["references"] == [] and doc["summary"]["total"] == 0
