"""``--format markdown``: a report an editor can paste into a decision letter or an issue.

Summary first, then every fabricated and inaccurate (or retracted) reference with its evidence
and fix, then the rest in one compact table. Cited text is untrusted: every piece of it is
escaped so it cannot become markup, links or raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from veribib import __version__
from veribib.export.common import (
    FLAG_LABELS,
    VERDICT_ORDER,
    attention_first,
    citation_problems,
    clip,
    corrections,
    fix_parts,
    flag_counts,
    needs_attention,
    origin_text,
    short_label,
    strip_controls,
    summary_line,
    work_label,
)
from veribib.export.interface import CheckedReference, Report
from veribib.export.spool import Picked

# Characters that could start markup in CommonMark/GFM; a backslash makes each literal.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md_escape(text: str) -> str:
    """Untrusted text as literal Markdown on one line (no emphasis, links, HTML or cells)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(strip_controls(text).split()))


def _code(text: str) -> str:
    """Inline code that survives backticks inside the text."""
    text = " ".join(strip_controls(text).split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _detail(checked: CheckedReference, number: int) -> list[str]:
    ref, j = checked.reference, checked.judgement
    flags = "".join(f" · **{FLAG_LABELS[f]}**" for f in j.flags)
    lines = [
        f"### {number}. {md_escape(short_label(checked, 70))}",
        "",
        f"**{j.verdict.value.upper()}**{flags} · {_code(origin_text(checked))}"
        + (f" · key {_code(ref.raw.key)}" if ref.raw.key else ""),
        "",
        f"> {md_escape(clip(ref.raw.text, 600))}",
        "",
    ]
    if j.evidence:
        lines.append("Evidence:")
        lines.extend(f"- {_code(e.code)} {md_escape(e.message)}" for e in j.evidence)
        lines.append("")
    found = j.match or j.likely_source
    if found is not None:
        label = "Record found" if j.match is not None else "Likely source"
        lines.append(f"{label} ({md_escape(found.source)}): {md_escape(work_label(found, 120))}")
        lines.append("")
    fixes = corrections(checked)
    if fixes:
        lines.append("| field | cited | record |")
        lines.append("|---|---|---|")
        lines.extend(
            f"| {c.field} | {md_escape(c.cited or '')} | {md_escape(c.found)} |" for c in fixes
        )
        lines.append("")
    parts = fix_parts(checked)
    if parts:
        lines.append("**Fix:** " + md_escape("; ".join(parts)))
        lines.append("")
    return lines


def _lines(report: Report) -> Iterator[str]:
    """The report's lines, one at a time (references read as they are written)."""
    counts = report.counts()
    yield from ["# veribib report", "", f"**{md_escape(summary_line(report))}**", ""]
    yield from ["| verdict | references |", "|---|---:|"]
    yield from (f"| {v.value} | {counts[v.value]} |" for v in VERDICT_ORDER)
    flagged = {k: n for k, n in flag_counts(report).items() if n}
    if flagged:
        yield ""
        yield "Flags: " + ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in flagged.items())
    yield ""
    if report.run_id is not None or report.started_at:
        run = f"run {report.run_id}" if report.run_id is not None else "run"
        when = f", {report.started_at}" if report.started_at else ""
        yield from [f"_{run}{md_escape(when)}, veribib {__version__}_", ""]
    errors = [d for d in report.documents if d.error]
    if errors:
        yield from ["## Inputs that could not be read", ""]
        yield from (f"- {_code(d.document.path)}: {md_escape(d.error or '')}" for d in errors)
        yield ""

    ordered = attention_first(report)
    # Positions, not references: a large run's are read back from disk as they are written.
    attention = [needs_attention(c) for c in ordered]
    urgent = Picked(ordered, [i for i, a in enumerate(attention) if a])
    rest = Picked(ordered, [i for i, a in enumerate(attention) if not a])
    if urgent:
        yield from ["## Needs attention", ""]
        for n, checked in enumerate(urgent, 1):
            yield from _detail(checked, n)
    if rest:
        yield from ["## Other references", ""]
        yield from ["| # | reference | where | verdict | why | fix |", "|---:|---|---|---|---|---|"]
        for n, checked in enumerate(rest, len(urgent) + 1):
            j = checked.judgement
            verdict = j.verdict.value + "".join(f", {FLAG_LABELS[f]}" for f in j.flags)
            yield (
                f"| {n} | {md_escape(short_label(checked, 50))} | {_code(origin_text(checked))} "
                f"| {verdict} | {md_escape(j.reason) or '—'} "
                f"| {md_escape('; '.join(fix_parts(checked))) or '—'} |"
            )
        yield ""

    problems = [p for p in (citation_problems(d) for d in report.documents) if p is not None]
    if problems:
        yield from ["## Citations and list", ""]
        for p in problems:
            yield from [f"### {md_escape(p.file)}", ""]
            if p.unmatched:
                yield from ["Cited in the text but not in the list:", ""]
                yield from (f"- {md_escape(item)}" for item in p.unmatched)
                yield ""
            if p.uncited:
                yield from ["In the list but never cited:", ""]
                yield from (f"- {md_escape(item)}" for item in p.uncited)
                yield ""


def iter_markdown(report: Report) -> Iterator[str]:
    """The Markdown report in pieces, never whole in memory: ``render_markdown``'s text.

    That text is the lines joined by newlines, trailing newlines cut to one: blank lines are
    held back until a line with text follows them.
    """
    held = ""  # the separators and blank lines not yet written
    first = True
    for line in _lines(report):
        held += "" if first else "\n"
        first = False
        if line.rstrip("\n"):
            yield held + line
            held = ""
        else:
            held += line
    yield "\n"


def write_markdown(report: Report, stream: TextIO) -> None:
    """Write the Markdown report to a text stream as it is built."""
    for piece in iter_markdown(report):
        stream.write(piece)


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    return "\n".join(_lines(report)).rstrip("\n") + "\n"


__all__ = ["iter_markdown", "md_escape", "render_markdown", "write_markdown"]
