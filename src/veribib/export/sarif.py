"""SARIF 2.1.0 (code scanning): one result per reference needing attention, at its file:line.

Verdicts and flags are the rules; citation keys missing from the bibliography and entries never
cited are results too. References in the baseline carry an external suppression with the reason.
Schema: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from veribib import __version__
from veribib.config import IgnoreRule
from veribib.export.baseline import ignored
from veribib.export.common import FLAG_LABELS, fix_text, short_label, summary_line
from veribib.export.interface import Report
from veribib.model import Flag, Origin, Verdict

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_VERDICT_RULES = {
    Verdict.FABRICATED: ("error", "The cited work does not exist as cited (positive evidence)."),
    Verdict.INACCURATE: ("warning", "The work exists but the citation has errors."),
    Verdict.UNRESOLVED: ("note", "The reference could not be checked against any registry."),
}
_CITATION_RULES = {
    "missing-key": ("warning", "Cited in the text but not in the bibliography."),
}


def _uri(path: str) -> str:
    """A file URI, relative to the working directory (the repository root in CI) when inside."""
    p = Path(path).resolve()
    if p.is_relative_to(Path.cwd().resolve()):
        return quote(p.relative_to(Path.cwd().resolve()).as_posix(), safe="/._-~")
    return p.as_uri()


def _location(origin: Origin) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(origin.file)}}
    if origin.line is not None and origin.line > 0:
        physical["region"] = {"startLine": origin.line}
    return {"physicalLocation": physical}


def _rules() -> list[dict[str, Any]]:
    rules = [
        {
            "id": v.value,
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": level},
        }
        for v, (level, text) in _VERDICT_RULES.items()
    ]
    rules += [
        {
            "id": f.value,
            "shortDescription": {"text": f"Flag: {FLAG_LABELS[f]}."},
            "defaultConfiguration": {"level": "warning"},
        }
        for f in Flag
    ]
    rules += [
        {"id": k, "shortDescription": {"text": t}, "defaultConfiguration": {"level": lv}}
        for k, (lv, t) in _CITATION_RULES.items()
    ]
    return rules


def _results(report: Report, rules: Sequence[IgnoreRule]) -> Iterator[dict[str, Any]]:
    """The log's results one at a time: a reference's verdict and flags, then missing keys."""
    baseline = ignored(report, rules)
    for checked in report.references:
        j = checked.judgement
        if j.verdict is Verdict.VERIFIED and not j.flags:
            continue
        fix = fix_text(checked)
        label = short_label(checked)
        ids = [j.verdict.value] if j.verdict in _VERDICT_RULES else []
        ids += [f.value for f in j.flags]
        for rule_id in ids:
            level = _VERDICT_RULES[j.verdict][0] if rule_id == j.verdict.value else "warning"
            text = f"{rule_id}: {label} — {j.reason}" + (f" Fix: {fix}" if fix else "")
            result: dict[str, Any] = {
                "ruleId": rule_id,
                "level": level,
                "message": {"text": text},
                "locations": [_location(checked.reference.origin)],
                "partialFingerprints": {"veribibReference/v1": checked.reference.raw.text[:200]},
            }
            rule = baseline.get(checked.reference.id)
            if rule is not None:
                result["suppressions"] = [{"kind": "external", "justification": rule.reason}]
            yield result
    for doc in report.documents:
        cr = doc.citations
        for c in cr.unmatched:
            yield {
                "ruleId": "missing-key",
                "level": "warning",
                "message": {"text": f"{c.text} is not in the bibliography"},
                "locations": [_location(c.origin)],
            }


def _log(report: Report, results: Any) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "veribib",
                        "version": __version__,
                        "rules": _rules(),
                    }
                },
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not any(d.error for d in report.documents),
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": d.error},
                                "locations": [_location(Origin(d.document.path))],
                            }
                            for d in report.documents
                            if d.error
                        ],
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "properties": {"summary": summary_line(report)},
            }
        ],
    }


def sarif_dict(report: Report, rules: Sequence[IgnoreRule] = ()) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (a dict ready for ``json.dumps``)."""
    return _log(report, list(_results(report, rules)))


# Where the results go in the log's text: the rest is printed whole, the results one by one.
_RESULTS_MARK = "veribib-results-go-here"
_RESULT_INDENT = " " * 8  # results sit inside {"runs": [{"results": [ ... ]}]}


def iter_sarif(report: Report, rules: Sequence[IgnoreRule] = ()) -> Iterator[str]:
    """The SARIF text in pieces, one result at a time: ``render_sarif``'s text, never whole."""
    text = json.dumps(_log(report, _RESULTS_MARK), ensure_ascii=False, indent=2)
    head, tail = text.split(json.dumps(_RESULTS_MARK), 1)
    yield head
    empty = True
    for result in _results(report, rules):
        item = json.dumps(result, ensure_ascii=False, indent=2).replace("\n", "\n" + _RESULT_INDENT)
        yield ("[\n" if empty else ",\n") + _RESULT_INDENT + item
        empty = False
    yield "[]" if empty else "\n" + _RESULT_INDENT[:-2] + "]"
    yield tail


def write_sarif(report: Report, stream: TextIO, rules: Sequence[IgnoreRule] = ()) -> None:
    """Write the SARIF log to a text stream as it is built."""
    for piece in iter_sarif(report, rules):
        stream.write(piece)


def render_sarif(report: Report, rules: Sequence[IgnoreRule] = ()) -> str:
    """The report as SARIF 2.1.0 JSON text."""
    return json.dumps(sarif_dict(report, rules), ensure_ascii=False, indent=2)


__all__ = ["iter_sarif", "render_sarif", "sarif_dict", "write_sarif"]
