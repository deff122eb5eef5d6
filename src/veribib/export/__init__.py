"""The export stage: terminal table, JSON, Markdown and HTML reports, cleaned BibTeX, exit codes.

``render(report, fmt)`` turns a Report into text in one of the OutputFormats;
``export_bibtex(report, input_path, output)`` writes a cleaned (or fresh) BibTeX file;
``exit_code(report, fail_on)`` tells CI whether the run found problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from veribib.config import IgnoreRule
from veribib.export.bibtex_clean import export_bibtex
from veribib.export.bibtex_result import Change, ExportResult
from veribib.export.exit_codes import ExitCode, exit_code
from veribib.export.html import render_html
from veribib.export.interface import (
    CheckedDocument,
    CheckedReference,
    ExportError,
    OutputFormat,
    Report,
)
from veribib.export.json_report import load_schema, render_json
from veribib.export.junit import render_junit
from veribib.export.markdown import render_markdown
from veribib.export.sarif import render_sarif
from veribib.export.table import print_table, render_table


def render(
    report: Report,
    fmt: OutputFormat,
    *,
    color: bool | None = None,
    fail_on: Sequence[str] = ("fabricated",),
    ignore: Sequence[IgnoreRule] = (),
) -> str:
    """The report as text in ``fmt``; ``color=True`` puts ANSI colours in the table (only).

    ``fail_on`` decides JUnit failures; ``ignore`` (the baseline) marks SARIF/JUnit results.
    """
    if fmt is OutputFormat.TABLE:
        return render_table(report, color=color)
    if fmt is OutputFormat.JSON:
        return render_json(report)
    if fmt is OutputFormat.MARKDOWN:
        return render_markdown(report)
    if fmt is OutputFormat.HTML:
        return render_html(report)
    if fmt is OutputFormat.SARIF:
        return render_sarif(report, ignore)
    if fmt is OutputFormat.JUNIT:
        return render_junit(report, fail_on, ignore)
    assert_never(fmt)


__all__ = [
    "Change",
    "CheckedDocument",
    "CheckedReference",
    "ExitCode",
    "ExportError",
    "ExportResult",
    "OutputFormat",
    "Report",
    "exit_code",
    "export_bibtex",
    "load_schema",
    "print_table",
    "render",
]
