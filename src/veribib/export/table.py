"""The terminal table: one row per reference (what, verdict, why, fix), then the summary.

Rich decides colour and width from the console it is given, so the same code prints colour
on a terminal and plain text into a pipe.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from veribib.export.common import (
    FLAG_LABELS,
    SERIOUS_FLAGS,
    attention_first,
    citation_problems,
    clip,
    fix_text,
    origin_text,
    short_label,
    strip_controls,
    summary_line,
)
from veribib.export.interface import CheckedReference, Report
from veribib.model import Verdict

VERDICT_STYLES = {
    Verdict.VERIFIED: "green",
    Verdict.INACCURATE: "bold yellow",
    Verdict.UNRESOLVED: "cyan",
    Verdict.FABRICATED: "bold red",
}


def _text(value: str, style: str = "") -> Text:
    """Text for the terminal: never markup (a Text is literal) and never a control sequence."""
    return Text("\n".join(strip_controls(line) for line in value.split("\n")), style=style)


def _reference_cell(checked: CheckedReference) -> Text:
    text = _text(short_label(checked))
    text.append("\n" + origin_text(checked), style="dim")
    return text


def _verdict_cell(checked: CheckedReference) -> Text:
    j = checked.judgement
    text = _text(j.verdict.value, style=VERDICT_STYLES[j.verdict])
    for flag in j.flags:
        style = "bold magenta" if flag in SERIOUS_FLAGS else "magenta"
        text.append("\n" + FLAG_LABELS[flag], style=style)
    return text


def build_table(report: Report) -> Table:
    """The per-reference table, worst verdict first."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=False, pad_edge=False)
    table.add_column("Reference", ratio=3, min_width=16, overflow="fold")
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Why", ratio=3, min_width=12, overflow="fold")
    table.add_column("Fix", ratio=3, min_width=12, overflow="fold")
    for checked in attention_first(report):
        table.add_row(
            _reference_cell(checked),
            _verdict_cell(checked),
            # The full reason is in the JSON/HTML reports; a table row should stay scannable.
            _text(clip(checked.judgement.reason, 110) or "—"),
            _text(fix_text(checked) or "—"),
        )
    return table


def build_renderable(report: Report, table: bool = True) -> RenderableType:
    """Everything the table format shows: errors, table, summary line, citation problems."""
    parts: list[RenderableType] = []
    for doc in report.documents if table else ():
        if doc.error:
            parts.append(_text(f"{doc.document.path}: could not be read: {doc.error}", style="red"))
    if report.references and table:
        parts.append(build_table(report))
    parts.append(_text(summary_line(report), style="bold"))
    for doc in report.documents:
        problems = citation_problems(doc)
        if problems is None:
            continue
        parts.append(_text(f"\n{problems.file}", style="bold"))
        if problems.unmatched:
            parts.append(_text("  cited in the text but not in the list:", style="yellow"))
            parts.extend(_text("    " + item) for item in problems.unmatched)
        if problems.uncited:
            parts.append(_text("  in the list but never cited:", style="yellow"))
            parts.extend(_text("    " + item) for item in problems.uncited)
    return Group(*parts)


NARROW = 100  # below this width a table would fold file:line; a list keeps it whole


def _print_narrow(report: Report, console: Console) -> None:
    """One block per reference: ``file:line  verdict`` first, never folded, then the rest."""
    for doc in report.documents:
        if doc.error:
            console.print(Text(f"{doc.document.path}: could not be read: {doc.error}", "red"))
    for checked in attention_first(report):
        j = checked.judgement
        head = Text(origin_text(checked), style="bold")
        head.append("  ")
        head.append(
            ", ".join([j.verdict.value, *(FLAG_LABELS[f] for f in j.flags)]),
            style=VERDICT_STYLES[j.verdict],
        )
        # soft_wrap: file:line is written whole, never folded (only a path wider than the
        # screen goes past it); everything else wraps under it.
        console.print(head, soft_wrap=True)
        console.print(Text("    " + short_label(checked)))
        console.print(Text("    why: " + (clip(j.reason, 110) or "—")))
        fix = fix_text(checked)
        if fix:
            console.print(Text("    fix: " + fix))
    rest = build_renderable(report, table=False)
    console.print(rest)


def print_table(report: Report, console: Console) -> None:
    """Print the table format to ``console`` (the CLI's default output)."""
    if console.width < NARROW:
        _print_narrow(report, console)
        return
    console.print(build_renderable(report))


def render_table(report: Report, *, color: bool | None = None, width: int | None = None) -> str:
    """The table format as a string (for a file or a pipe).

    ``color=None`` means no colour: a string is usually written somewhere other than the
    terminal, and a file full of escape codes helps nobody. ``print_table`` is the terminal
    path: there rich decides colour and width from the console (none when piped).
    """
    use_color = bool(color)
    if width is None:
        width = 100
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=use_color,
        no_color=not use_color,
        color_system="standard" if use_color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    print_table(report, console)
    return buffer.getvalue()


__all__ = ["build_table", "print_table", "render_table"]
