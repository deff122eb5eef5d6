"""``--format json``: the whole run as one versioned JSON document for CI and other programs.

The shape is fixed by ``schema.json`` (JSON Schema 2020-12) next to this file and described in
``docs/json-schema.md``. Model types are serialised field by field here rather than dumped
wholesale, so adding a field to a model type cannot silently change the published schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any, TextIO

from veribib import __version__
from veribib.export.common import corrections, doi_to_add, fix_text, flag_counts
from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.model import (
    FieldComparison,
    Fields,
    Identifiers,
    InTextCitation,
    Origin,
    Person,
    Verdict,
    Work,
)

SCHEMA_VERSION = 1


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``render_json`` output validates against."""
    text = resources.files("veribib.export").joinpath("schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _origin(origin: Origin) -> dict[str, Any]:
    return {"file": origin.file, "line": origin.line}


def _people(people: tuple[Person, ...]) -> list[dict[str, str]]:
    return [{"family": p.family, "given": p.given} for p in people]


def _fields(f: Fields) -> dict[str, Any]:
    return {
        "authors": _people(f.authors),
        "et_al": f.et_al,
        "year": f.year,
        "title": f.title,
        "container": f.container,
        "volume": f.volume,
        "issue": f.issue,
        "pages": f.pages,
        "publisher": f.publisher,
        "editors": _people(f.editors),
        "edition": f.edition,
        "url": f.url,
        "type": f.type.value if f.type is not None else None,
    }


def _identifiers(i: Identifiers) -> dict[str, Any]:
    return {
        "doi": i.doi,
        "trials": [{"registry": t.registry, "id": t.id} for t in i.trials],
        "pmid": i.pmid,
        "pmcid": i.pmcid,
        "arxiv": i.arxiv,
        "isbn": i.isbn,
        "issn": i.issn,
    }


def _work(w: Work | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "source": w.source,
        "doi": w.doi,
        "fields": _fields(w.fields),
        "subtitle": w.subtitle,
        "container_short": list(w.container_short),
        "issn": list(w.issn),
        "article_number": w.article_number,
        "updates": [
            {"type": u.type, "doi": u.doi, "source": u.source, "label": u.label} for u in w.updates
        ],
        "relations": [{"type": kind, "doi": doi} for kind, doi in w.relations],
        "trial_numbers": list(w.trial_numbers),
        "authors_incomplete": w.authors_incomplete,
        "missing_fields": list(w.missing_fields),
    }


def _comparison(c: FieldComparison) -> dict[str, Any]:
    return {
        "field": c.field,
        "cited": c.cited,
        "found": c.found,
        "similarity": c.similarity,
        "agrees": c.agrees,
    }


def _citation(c: InTextCitation) -> dict[str, Any]:
    out = {
        "text": c.text,
        "origin": _origin(c.origin),
        "authors": list(c.authors),
        "year": c.year,
        "number": c.number,
    }
    if c.key is not None:  # LaTeX \cite{key} and Pandoc [@key] citations
        out["key"] = c.key
    return out


def _reference(checked: CheckedReference) -> dict[str, Any]:
    ref, j = checked.reference, checked.judgement
    return {
        "id": ref.id,
        "origin": _origin(ref.origin),
        "key": ref.raw.key,
        "raw": ref.raw.text,
        "fields": _fields(ref.fields),
        "identifiers": _identifiers(ref.identifiers),
        "warnings": list(ref.warnings),
        "verdict": j.verdict.value,
        "reason": j.reason,
        "flags": [f.value for f in j.flags],
        "evidence": [{"code": e.code, "message": e.message} for e in j.evidence],
        "comparisons": [_comparison(c) for c in j.comparisons],
        "match": _work(j.match),
        "likely_source": _work(j.likely_source),
        "suggestion": _fields(j.suggestion) if j.suggestion is not None else None,
        "suggested_doi": j.suggested_doi,
        "fix": {
            "text": fix_text(checked),
            "add_doi": doi_to_add(checked),
            "corrections": [
                {"field": c.field, "cited": c.cited, "found": c.found} for c in corrections(checked)
            ],
        },
    }


def _summary(report: Report) -> dict[str, Any]:
    counts = report.counts()
    flags = flag_counts(report)
    return {
        "total": sum(counts.values()),
        **{v.value: counts[v.value] for v in Verdict},
        "flags": flags,
        "failed_lookups": report.failed_lookups,
    }


def _input(doc: CheckedDocument) -> dict[str, Any]:
    return {
        "file": doc.document.path,
        "format": doc.document.format,
        "references": len(doc.references),
        "error": doc.error,
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON document as plain Python values (what ``render_json`` serialises)."""
    return {
        **_head(report),
        "references": [_reference(c) for c in report.references],
        **_tail(report),
    }


def _head(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "veribib": __version__,
        "run": {
            "id": report.run_id,
            "started_at": report.started_at or None,
            "finished_at": report.finished_at or None,
            "offline": report.offline,
            "inputs": [_input(d) for d in report.documents],
        },
        "summary": _summary(report),
    }


def _tail(report: Report) -> dict[str, Any]:
    return {
        "citations": {
            d.document.path: {
                "found": len(d.citations.citations),
                "unmatched": [_citation(c) for c in d.citations.unmatched],
                "uncited": list(d.citations.uncited),
            }
            for d in report.documents
        },
        "warnings": [
            {"file": w.origin.file, "line": w.origin.line, "message": w.message}
            for d in report.documents
            for w in d.document.warnings
        ],
        "errors": [
            {"file": d.document.path, "message": d.error} for d in report.documents if d.error
        ],
    }


def _members(values: dict[str, Any]) -> Iterator[str]:
    """Top-level members, pretty-printed two spaces deep."""
    for key, value in values.items():
        text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield f"  {json.dumps(key)}: {text}"


def iter_json(report: Report) -> Iterator[str]:
    """The JSON document in pieces, one reference at a time, never whole in memory.

    The header and trailer are pretty-printed; each reference is one compact line (the C
    encoder: pretty-printing 10,000 references took seconds and hundreds of MB).
    """
    yield "{\n"
    for member in _members(_head(report)):
        yield member + ",\n"
    yield '  "references": ['
    for i, checked in enumerate(report.references):
        yield ("\n    " if i == 0 else ",\n    ") + json.dumps(
            _reference(checked), ensure_ascii=False
        )
    yield "\n  ]" if report.references else "]"
    for member in _members(_tail(report)):
        yield ",\n" + member
    yield "\n}\n"


def write_json(report: Report, stream: TextIO) -> None:
    """Write the JSON document to a text stream as it is built."""
    for piece in iter_json(report):
        stream.write(piece)


def render_json(report: Report) -> str:
    """The report as JSON text (UTF-8, not ASCII-escaped; one line per reference)."""
    return "".join(iter_json(report))


__all__ = ["SCHEMA_VERSION", "iter_json", "load_schema", "render_json", "report_dict", "write_json"]
