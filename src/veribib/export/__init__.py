"""The export stage: terminal table, JSON, Markdown and HTML reports, cleaned BibTeX, exit codes.

``render(report, fmt)`` turns a Report into text in one of the OutputFormats;
``export_bibtex(report, input_path, output)`` writes a cleaned (or fresh) BibTeX file;
``exit_code(report, fail_on)`` tells CI whether the run found problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any, assert_never

from veribib.export.interface import (
    CheckedDocument,
    CheckedReference,
    ExportError,
    OutputFormat,
    Report,
)

if TYPE_CHECKING:
    from veribib.config import IgnoreRule
    from veribib.export.bibtex_clean import export_bibtex
    from veribib.export.bibtex_result import Change, ExportResult
    from veribib.export.exit_codes import ExitCode, exit_code
    from veribib.export.json_report import load_schema
    from veribib.export.table import print_table

# Each format's module is imported when first used: a run writing JSON never loads rich,
# lxml or the BibTeX writer.
_LAZY = {
    "export_bibtex": "veribib.export.bibtex_clean",
    "Change": "veribib.export.bibtex_result",
    "ExportResult": "veribib.export.bibtex_result",
    "ExitCode": "veribib.export.exit_codes",
    "exit_code": "veribib.export.exit_codes",
    "load_schema": "veribib.export.json_report",
    "print_table": "veribib.export.table",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'veribib.export' has no attribute {name!r}")


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
        from veribib.export.table import render_table

        return render_table(report, color=color)
    if fmt is OutputFormat.JSON:
        from veribib.export.json_report import render_json

        return render_json(report)
    if fmt is OutputFormat.MARKDOWN:
        from veribib.export.markdown import render_markdown

        return render_markdown(report)
    if fmt is OutputFormat.HTML:
        from veribib.export.html import render_html

        return render_html(report)
    if fmt is OutputFormat.SARIF:
        from veribib.export.sarif import render_sarif

        return render_sarif(report, ignore)
    if fmt is OutputFormat.JUNIT:
        from veribib.export.junit import render_junit

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
