"""``--format html``: one self-contained page to look at (and print) rather than read.

A verdict chart, then one card per reference, worst first: the cited text, the record found,
a field-by-field diff (cited vs found, with similarity), the evidence and the fix. No external
assets. Everything that came from input or a registry is escaped, and a Content-Security-Policy
allows only this page's own inline script, so cited text cannot run code even if escaping slipped.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from typing import TextIO

from veribib import __version__
from veribib.export.common import (
    FLAG_LABELS,
    SERIOUS_FLAGS,
    VERDICT_ORDER,
    attention_first,
    canonical_field,
    citation_problems,
    clip,
    field_text,
    fix_parts,
    flag_counts,
    origin_text,
    short_label,
    summary_line,
)
from veribib.export.interface import CheckedReference, Report
from veribib.model import FieldComparison, Flag, Verdict, Work

COLORS = {
    Verdict.VERIFIED: "#1a7f37",
    Verdict.INACCURATE: "#bc4c00",
    Verdict.UNRESOLVED: "#57606a",
    Verdict.FABRICATED: "#cf222e",
}

VERDICT_HELP = {
    Verdict.VERIFIED: "the cited work exists and the citation matches it",
    Verdict.INACCURATE: "the work exists but the citation gets some details wrong",
    Verdict.UNRESOLVED: "could not be confirmed either way",
    Verdict.FABRICATED: "no such work exists",
}

# Opens collapsed cards before printing so paper shows everything.
_SCRIPT = (
    "window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true;});});"
)

_CSS = """
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--card:#fff;
--ok:#1a7f37;--warn:#bc4c00;--unk:#57606a;--bad:#cf222e;--flag:#8250df}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:28px 20px 60px}
h1{font-size:24px;margin:0 0 2px}
h2{font-size:18px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.meta{color:var(--muted);font-size:13px;margin:0 0 18px}
.summary{display:flex;gap:28px;align-items:center;flex-wrap:wrap;background:var(--card);
border:1px solid var(--line);border-radius:10px;padding:18px 22px}
.summary svg{flex:none}
.legend{flex:1;min-width:260px}
.legend .row{display:grid;grid-template-columns:110px 1fr 36px;gap:10px;align-items:center;
margin:5px 0;font-size:14px}
.legend .track{background:#eef1f4;border-radius:4px;height:12px;overflow:hidden}
.legend .fill{height:12px;border-radius:4px}
.legend .n{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.headline{font-weight:600;margin:0 0 10px}
.chips{margin-top:10px}
.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;
color:#fff;white-space:nowrap;vertical-align:middle;-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.badge.flag{background:#fff;color:var(--flag);border:1px solid var(--flag)}
.badge.flag.serious{background:var(--flag);color:#fff}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--unk);
border-radius:8px;margin:12px 0;break-inside:avoid}
.card>summary{list-style:none;cursor:pointer;padding:12px 16px;display:flex;gap:10px;
align-items:baseline;flex-wrap:wrap}
.card>summary::-webkit-details-marker{display:none}
.card>summary .title{font-weight:600;flex:1;min-width:200px}
.card>summary .where{color:var(--muted);font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.body{padding:0 16px 14px}
.label{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
margin:12px 0 4px;font-weight:600}
blockquote{margin:0;padding:8px 12px;background:var(--bg);border-radius:6px;
font-size:14px;overflow-wrap:anywhere}
.why{margin:0}
ul.evidence{margin:4px 0 0;padding-left:18px;font-size:14px}
code.code{font:11px ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted);
background:var(--bg);border-radius:4px;padding:1px 5px;white-space:nowrap}
table.diff{border-collapse:collapse;width:100%;font-size:14px;table-layout:fixed}
table.diff th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;
border-bottom:1px solid var(--line);padding:4px 8px}
table.diff td{border-bottom:1px solid #eef1f4;padding:5px 8px;vertical-align:top;
overflow-wrap:break-word}
table.diff col.f{width:100px}table.diff col.s{width:120px}
tr.differs td{background:#fff5f5}tr.differs td.field{box-shadow:inset 3px 0 var(--bad)}
tr.agrees td.field{box-shadow:inset 3px 0 var(--ok)}
td.field{font-weight:600}
td.unknown{color:var(--muted);font-style:italic}
del{background:#ffd7d5;text-decoration:line-through;text-decoration-color:#cf222e80;
border-radius:3px;padding:0 1px}
ins{background:#aceebb;text-decoration:none;border-radius:3px;padding:0 1px;font-weight:600}
.sim{display:flex;align-items:center;gap:6px;font-size:12px;font-variant-numeric:tabular-nums}
.sim .bar{flex:1;height:6px;background:#eef1f4;border-radius:3px;overflow:hidden}
.sim .bar span{display:block;height:6px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fix{background:#fff8c5;border:1px solid #eed888;border-radius:6px;padding:8px 12px;
font-size:14px}
.fix ul{margin:0;padding-left:18px}
.record{font-size:14px}
.record a{color:#0969da}
.problems li{font-size:14px}
footer{color:var(--muted);font-size:12px;margin-top:40px}
.filters{display:flex;flex-wrap:wrap;gap:6px;margin:14px 0 4px}
.filtered>input{position:absolute;opacity:0;pointer-events:none}
.filters label{border:1px solid var(--line);background:var(--card);border-radius:999px;
padding:3px 12px;font-size:13px;cursor:pointer;white-space:nowrap}
.filters label .n{color:var(--muted);font-variant-numeric:tabular-nums}
#f-all:focus-visible~.filters label[for=f-all]{outline:2px solid #0969da}
#f-problems:focus-visible~.filters label[for=f-problems]{outline:2px solid #0969da}
#f-fabricated:focus-visible~.filters label[for=f-fabricated]{outline:2px solid #0969da}
#f-inaccurate:focus-visible~.filters label[for=f-inaccurate]{outline:2px solid #0969da}
#f-unresolved:focus-visible~.filters label[for=f-unresolved]{outline:2px solid #0969da}
#f-verified:focus-visible~.filters label[for=f-verified]{outline:2px solid #0969da}
#f-all:checked~.filters label[for=f-all],
#f-problems:checked~.filters label[for=f-problems],
#f-fabricated:checked~.filters label[for=f-fabricated],
#f-inaccurate:checked~.filters label[for=f-inaccurate],
#f-unresolved:checked~.filters label[for=f-unresolved],
#f-verified:checked~.filters label[for=f-verified]
{background:var(--fg);color:#fff;border-color:var(--fg)}
#f-problems:checked~.cards .card.c-verified:not(.serious),
#f-fabricated:checked~.cards .card:not(.c-fabricated),
#f-inaccurate:checked~.cards .card:not(.c-inaccurate),
#f-unresolved:checked~.cards .card:not(.c-unresolved),
#f-verified:checked~.cards .card:not(.c-verified){display:none}
details.jump{background:var(--card);border:1px solid var(--line);border-radius:8px;
margin:12px 0;padding:8px 14px}
details.jump>summary{cursor:pointer;font-weight:600;font-size:14px}
details.jump ol{margin:8px 0 4px;padding-left:0;list-style:none;columns:2 320px;
column-gap:24px;font-size:13px}
details.jump li{break-inside:avoid;margin:2px 0;overflow-wrap:break-word}
details.jump a{color:var(--fg);text-decoration:none}
details.jump a:hover{text-decoration:underline}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px;
vertical-align:baseline;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.card>summary .where{overflow-wrap:anywhere}
@media (max-width:640px){.legend .row{grid-template-columns:90px 1fr 30px}
main{padding:16px 10px 40px}.summary{padding:14px;gap:14px}.legend{min-width:0}
.card>summary{padding:10px 12px}.body{padding:0 12px 12px}
.card>summary .title{min-width:0;flex-basis:100%}
code.code{white-space:normal;overflow-wrap:anywhere}
/* On a phone the cited-vs-found table becomes stacked blocks: whole words, full width. */
table.diff,table.diff tbody,table.diff tr,table.diff td{display:block;width:auto}
table.diff colgroup,table.diff thead{display:none}
table.diff tr{border-bottom:1px solid var(--line);padding:4px 0}
table.diff td{border:0;padding:2px 8px;overflow-wrap:break-word}
table.diff td.field{padding-top:6px}table.diff tr.blank{display:none}
table.diff td[data-label]::before{content:attr(data-label);display:block;font-size:11px;
color:var(--muted);text-transform:uppercase;letter-spacing:.05em}}
@media print{body{background:#fff;font-size:12px}main{max-width:none;padding:0}
.card{border-color:#999;page-break-inside:avoid}.summary{border-color:#999}
.card>summary{cursor:auto}a{color:inherit;text-decoration:none}}
"""


def _e(text: object) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return escape(str(text), quote=True)


def _script_hash() -> str:
    digest = hashlib.sha256(_SCRIPT.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _code(code: str) -> str:
    return f'<code class="code">{_e(code)}</code>' if code else ""


def _badge(verdict: Verdict) -> str:
    return (
        f'<span class="badge v-{verdict.value}" style="background:{COLORS[verdict]}" '
        f'title="{_e(VERDICT_HELP[verdict])}">{verdict.value}</span>'
    )


def _flag_badge(flag: Flag) -> str:
    serious = " serious" if flag in SERIOUS_FLAGS else ""
    return f'<span class="badge flag{serious}">{_e(FLAG_LABELS[flag])}</span>'


def donut(counts: dict[str, int], size: int = 150) -> str:
    """An inline SVG donut of verdict counts with the total in the middle."""
    total = sum(counts.values())
    rings: list[str] = []
    offset = 25.0  # start at twelve o'clock (the circle's length is 100)
    for verdict in VERDICT_ORDER:
        n = counts.get(verdict.value, 0)
        if not n or not total:
            continue
        pct = 100.0 * n / total
        rings.append(
            f'<circle class="slice s-{verdict.value}" cx="21" cy="21" r="15.9155" fill="none" '
            f'stroke="{COLORS[verdict]}" stroke-width="6" '
            f'stroke-dasharray="{pct:.3f} {100 - pct:.3f}" stroke-dashoffset="{offset:.3f}">'
            f"<title>{n} {verdict.value}</title></circle>"
        )
        offset -= pct
    label = ", ".join(f"{counts.get(v.value, 0)} {v.value}" for v in VERDICT_ORDER)
    return (
        f'<svg class="chart" width="{size}" height="{size}" viewBox="0 0 42 42" role="img" '
        f'aria-label="{_e(label)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{_e(label)}</title>"
        '<circle cx="21" cy="21" r="15.9155" fill="none" stroke="#eef1f4" stroke-width="6"/>'
        + "".join(rings)
        + f'<text x="21" y="21.5" text-anchor="middle" font-size="8" font-weight="700" '
        f'fill="#1f2328">{total}</text>'
        '<text x="21" y="27" text-anchor="middle" font-size="3.2" fill="#59636e">'
        f"{'reference' if total == 1 else 'references'}</text></svg>"
    )


def _legend(counts: dict[str, int]) -> str:
    total = max(sum(counts.values()), 1)
    rows = []
    for verdict in VERDICT_ORDER:
        n = counts.get(verdict.value, 0)
        rows.append(
            f'<div class="row"><span>{_badge(verdict)}</span>'
            f'<span class="track"><span class="fill" style="display:block;'
            f'width:{100.0 * n / total:.1f}%;background:{COLORS[verdict]}"></span></span>'
            f'<span class="n">{n}</span></div>'
        )
    return "".join(rows)


_WORDS = re.compile(r"\S+\s*")


def word_diff(cited: str, found: str) -> tuple[str, str]:
    """Both values as HTML with what differs marked (<del> cited, <ins> found): by word, or by
    character for one-word values such as pages and years."""
    if " " in cited.strip() or " " in found.strip():
        # Each word keeps its trailing space, so a run of changed words is marked as one.
        a, b = _WORDS.findall(cited), _WORDS.findall(found)
    else:
        a, b = list(cited), list(found)
    matcher = difflib.SequenceMatcher(
        None, [t.strip().lower() for t in a], [t.strip().lower() for t in b], autojunk=False
    )
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        x, y = _e("".join(a[i1:i2])), _e("".join(b[j1:j2]))
        if op == "equal":
            left.append(x)
            right.append(y)
        else:
            if x:
                left.append(f"<del>{x}</del>" if x.strip() else x)
            if y:
                right.append(f"<ins>{y}</ins>" if y.strip() else y)
    return "".join(left), "".join(right)


def _similarity(value: float | None, agrees: bool | None) -> str:
    if value is None:
        return '<span class="sim">—</span>'
    pct = max(0.0, min(1.0, value)) * 100
    color = "#1a7f37" if agrees else ("#cf222e" if agrees is False else "#8c959f")
    return (
        f'<span class="sim"><span class="bar"><span style="width:{pct:.0f}%;background:{color}">'
        f"</span></span>{pct:.0f}%</span>"
    )


def _comparison_rows(checked: CheckedReference) -> list[FieldComparison]:
    """The judge's comparisons, or, when it made none, the fields of cited vs found side by side."""
    j = checked.judgement
    if j.comparisons:
        return list(j.comparisons)
    if j.match is None:
        return []
    rows = []
    for name in ("authors", "year", "title", "container", "volume", "issue", "pages"):
        cited = field_text(checked.reference.fields, name)
        found = field_text(j.match.fields, name)
        if cited is None and found is None:
            continue
        rows.append(FieldComparison(name, cited, found, None, None))
    return rows


def _diff_table(checked: CheckedReference) -> str:
    rows = _comparison_rows(checked)
    if not rows:
        return ""
    out = [
        '<table class="diff"><colgroup><col class="f"><col><col><col class="s"></colgroup>'
        "<thead><tr><th>field</th><th>cited</th><th>found</th><th>similarity</th></tr></thead>"
        "<tbody>"
    ]
    for c in rows:
        state = {True: "agrees", False: "differs", None: "unknown"}[c.agrees]
        if c.cited is None and c.found is None:
            state += " blank"  # known on neither side: hidden on a phone to save scrolling
        if c.cited is not None and c.found is not None and c.agrees is False:
            left, right = word_diff(c.cited, c.found)
        else:
            left = _e(c.cited) if c.cited is not None else ""
            right = _e(c.found) if c.found is not None else ""
        left_cell = (
            f'<td class="val" data-label="cited">{left}</td>'
            if c.cited is not None
            else '<td class="val unknown" data-label="cited">not given</td>'
        )
        right_cell = (
            f'<td class="val" data-label="found">{right}</td>'
            if c.found is not None
            else '<td class="val unknown" data-label="found">not recorded</td>'
        )
        name = canonical_field(c.field) or c.field
        out.append(
            f'<tr class="{state}"><td class="field">{_e(name)}</td>{left_cell}{right_cell}'
            f'<td data-label="similarity">{_similarity(c.similarity, c.agrees)}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _doi_link(doi: str) -> str:
    return f'<a href="https://doi.org/{_e(doi)}">{_e(doi)}</a>'


def _record(work: Work) -> str:
    f = work.fields
    authors = "; ".join(str(p) for p in f.authors[:6])
    if len(f.authors) > 6 or work.authors_incomplete:
        authors += " et al."
    bits = [
        _e(authors) if authors else "",
        f"({f.year})" if f.year else "",
        f"<strong>{_e(f.title)}</strong>." if f.title else "",
        f"<em>{_e(f.container)}</em>" if f.container else "",
        _e(f.volume) if f.volume else "",
        f"({_e(f.issue)})" if f.issue else "",
        _e(f.pages) if f.pages else "",
    ]
    text = " ".join(b for b in bits if b)
    doi = f" · doi {_doi_link(work.doi)}" if work.doi else ""
    return f'<div class="record">{text}{doi} <span class="where">[{_e(work.source)}]</span></div>'


def _card(checked: CheckedReference, number: int) -> str:
    ref, j = checked.reference, checked.judgement
    flags = " ".join(_flag_badge(f) for f in j.flags)
    key = f" · <code>{_e(ref.raw.key)}</code>" if ref.raw.key else ""
    serious = any(f in SERIOUS_FLAGS for f in j.flags)
    opened = " open" if j.verdict is not Verdict.VERIFIED or serious else ""
    marked = " serious" if serious else ""
    parts = [
        f'<details class="card c-{j.verdict.value}{marked}" id="ref-{number}"{opened} '
        f'style="border-left-color:{COLORS[j.verdict]}">',
        f"<summary>{_badge(j.verdict)} {flags}"
        f'<span class="title">{number}. {_e(short_label(checked, 80))}</span>'
        f'<span class="where">{_e(origin_text(checked))}{key}</span></summary>',
        '<div class="body">',
        '<div class="label">Cited</div>',
        f'<blockquote class="cited">{_e(clip(ref.raw.text, 1500))}</blockquote>',
    ]
    if j.evidence:
        first, more = j.evidence[0], j.evidence[1:]
        parts.append('<div class="label">Why</div>')
        parts.append(f'<p class="why">{_e(first.message)} {_code(first.code)}</p>')
        if more:
            parts.append('<ul class="evidence">')
            parts.extend(f"<li>{_e(ev.message)} {_code(ev.code)}</li>" for ev in more)
            parts.append("</ul>")
    if j.match is not None:
        parts.append('<div class="label">Record found</div>')
        parts.append(_record(j.match))
    if j.likely_source is not None:
        parts.append('<div class="label">Likely source</div>')
        parts.append(_record(j.likely_source))
    diff = _diff_table(checked)
    if diff:
        against = "found" if j.match is not None or not j.likely_source else "likely source"
        parts.append(f'<div class="label">Cited vs {against}</div>')
        parts.append(diff)
    fixes = fix_parts(checked)
    if fixes:
        parts.append('<div class="label">Fix</div>')
        parts.append(
            '<div class="fix"><ul>' + "".join(f"<li>{_e(x)}</li>" for x in fixes) + "</ul></div>"
        )
    parts.append("</div></details>")
    return "".join(parts)


def _needs_a_look(checked: CheckedReference) -> bool:
    j = checked.judgement
    return j.verdict is not Verdict.VERIFIED or any(f in SERIOUS_FLAGS for f in j.flags)


def _jump_list(ordered: Sequence[CheckedReference], problems: int) -> Iterator[str]:
    """A collapsed list of links to every card, the ones needing a look first (as ordered).

    In pieces (one per reference) that make one element of the page.
    """
    yield (
        f'<details class="jump"{" open" if len(ordered) <= 30 else ""}><summary>Jump to a '
        f"reference ({problems} of {len(ordered)} need a look)</summary><ol>"
    )
    for n, c in enumerate(ordered, 1):
        yield (
            f'<li><a href="#ref-{n}"><span class="dot" '
            f'style="background:{COLORS[c.judgement.verdict]}"'
            f' title="{c.judgement.verdict.value}"></span>{n}. {_e(short_label(c, 60))}</a></li>'
        )
    yield "</ol></details>"


def _filters(total: int, problems: int, counts: dict[str, int]) -> str:
    """Radio buttons that show all cards, only problems, or one verdict (CSS only, no script).

    Opens the ``<div class="filtered">`` wrapper the cards go in (closed by the caller).
    """
    options = [("all", "all", total), ("problems", "needing a look", problems)]
    options += [(v.value, v.value, counts[v.value]) for v in VERDICT_ORDER]
    shown = [o for o in options if o[2] or o[0] in ("all", "problems")]
    # The inputs are siblings of the cards so CSS alone can hide cards by the one checked.
    out = ['<div class="filtered">']
    out += [
        f'<input type="radio" name="show" id="f-{key}" aria-label="show {_e(label)}"'
        f"{' checked' if key == 'all' else ''}>"
        for key, label, _ in shown
    ]
    out.append('<div class="filters" aria-hidden="true">Show:')
    out += [
        f'<label for="f-{key}">{_e(label)} <span class="n">{n}</span></label>'
        for key, label, n in shown
    ]
    out.append("</div>")
    return "".join(out)


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _elements(report: Report) -> Iterator[str | Iterator[str]]:
    """The page's elements in order: each a string, or pieces making one (empty ones skipped)."""
    counts = report.counts()
    flags = {k: n for k, n in flag_counts(report).items() if n}
    chips = " ".join(
        f'<span class="badge flag{" serious" if Flag(k) in SERIOUS_FLAGS else ""}">'
        f"{_e(FLAG_LABELS[Flag(k)])}: {n}</span>"
        for k, n in flags.items()
    )
    meta = [f"veribib {__version__}"]
    if report.run_id is not None:
        meta.append(f"run {report.run_id}")
    if report.started_at:
        meta.append(_e(report.started_at))
    files = ", ".join(_e(d.document.path) for d in report.documents)
    if files:
        meta.append(files)
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src '{_script_hash()}'; base-uri 'none'; form-action 'none'"
    )
    yield from [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>veribib report</title>",
        f"<style>{_CSS}</style></head><body><main>",
        "<h1>Reference check</h1>",
        f'<p class="meta">{" · ".join(meta)}</p>',
        '<section class="summary">',
        donut(counts),
        '<div class="legend">',
        f'<p class="headline">{_e(summary_line(report))}</p>',
        _legend(counts),
        f'<div class="chips">{chips}</div>' if chips else "",
        "</div></section>",
    ]
    errors = [d for d in report.documents if d.error]
    if errors:
        yield ("<h2>Inputs that could not be read</h2>")
        yield (_list(f"{d.document.path}: {d.error}" for d in errors))
    ordered = attention_first(report)
    if ordered:
        needy = sum(1 for c in ordered if _needs_a_look(c))
        yield "<h2>References, most serious first</h2>"
        yield _jump_list(ordered, needy)
        yield _filters(len(ordered), needy, counts)
        yield '<div class="cards">'
        yield from (_card(c, n) for n, c in enumerate(ordered, 1))
        yield "</div></div>"
    problems = [p for p in (citation_problems(d) for d in report.documents) if p is not None]
    if problems:
        yield ("<h2>Citations and list</h2>")
        for p in problems:
            yield (f'<section class="problems"><h3>{_e(p.file)}</h3>')
            if p.unmatched:
                yield ("<p>Cited in the text but not in the list:</p>" + _list(p.unmatched))
            if p.uncited:
                yield ("<p>In the list but never cited:</p>" + _list(p.uncited))
            yield ("</section>")
    yield (
        "<footer>Verdicts: "
        + "; ".join(f"<strong>{v.value}</strong>: {_e(VERDICT_HELP[v])}" for v in VERDICT_ORDER)
        + ". Unknown fields are never counted as mismatches.</footer>"
    )
    yield f"</main><script>{_SCRIPT}</script></body></html>"


def iter_html(report: Report) -> Iterator[str]:
    """The page in pieces, never whole in memory: its elements, each followed by a newline."""
    for element in _elements(report):
        if isinstance(element, str):
            if element:
                yield element + "\n"
            continue
        yield from element
        yield "\n"


def write_html(report: Report, stream: TextIO) -> None:
    """Write the HTML page to a text stream as it is built."""
    for piece in iter_html(report):
        stream.write(piece)


def render_html(report: Report) -> str:
    """The report as one HTML page with inline CSS, an inline SVG chart and no external assets."""
    return "".join(iter_html(report))


__all__ = ["donut", "iter_html", "render_html", "word_diff", "write_html"]
