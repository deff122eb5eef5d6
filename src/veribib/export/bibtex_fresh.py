"""Fresh BibTeX for a document's reference list (text, HTML, PDF ... inputs have no .bib to clean).

Verified and inaccurate references are written from the registry record (a field the record
lacks falls back to what was cited: unknown is not wrong); unresolved ones from what was cited;
fabricated ones are left out and listed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field, ImplicitComment
from bibtexparser.writer import BibtexFormat

from veribib import __version__
from veribib.export.bibtex_result import Change
from veribib.export.bibtex_values import (
    bib_value,
    container_field,
    entry_type_for,
    make_key,
    safe_doi,
    safe_url,
)
from veribib.export.common import clip
from veribib.export.interface import CheckedDocument, CheckedReference
from veribib.model import Fields, ReferenceType, Verdict

# (Fields attribute, BibTeX field) in the order entries list them; the container goes by type.
_ORDER = (
    ("authors", "author"),
    ("editors", "editor"),
    ("title", "title"),
    ("container", None),
    ("year", "year"),
    ("volume", "volume"),
    ("issue", "number"),
    ("pages", "pages"),
    ("publisher", "publisher"),
    ("edition", "edition"),
)


def best_fields(checked: CheckedReference) -> Fields:
    """The fields to write: the record's, each unknown one filled from the citation.

    A record with a partial author list does not shorten the citation's: the judge's
    suggestion (which merges both) is used, else the longer of the two lists.
    """
    ref, j = checked.reference, checked.judgement
    cited = ref.fields
    if j.verdict not in (Verdict.VERIFIED, Verdict.INACCURATE):
        return cited
    if j.match is None:
        return _fill(j.suggestion, cited) if j.suggestion is not None else cited
    record = j.match.fields
    merged = _fill(record, cited)
    if j.match.authors_incomplete:
        if j.suggestion is not None and j.suggestion.authors:
            merged = replace(merged, authors=j.suggestion.authors, et_al=j.suggestion.et_al)
        elif len(cited.authors) >= len(record.authors):
            merged = replace(merged, authors=cited.authors, et_al=cited.et_al)
        else:
            merged = replace(merged, et_al=True)
    return merged


def _fill(primary: Fields, fallback: Fields) -> Fields:
    """``primary`` with every unknown field taken from ``fallback``."""
    changes = {}
    for name in (
        "year",
        "title",
        "container",
        "volume",
        "issue",
        "pages",
        "publisher",
        "edition",
        "url",
        "type",
    ):
        if getattr(primary, name) in (None, ""):
            changes[name] = getattr(fallback, name)
    if not primary.authors:
        changes["authors"] = fallback.authors
        changes["et_al"] = fallback.et_al
    if not primary.editors:
        changes["editors"] = fallback.editors
    return replace(primary, **changes)


# What a text reference's parser may take for a journal but is the access note of a web page.
_NOT_A_CONTAINER = re.compile(
    r"^\s*(?:accessed|updated|retrieved|available|cited|last\s+(?:updated|accessed|modified)|"
    r"first\s+posted|viewed)\b",
    re.IGNORECASE,
)
_REGISTRY_NAMES = {
    "clinicaltrials.gov": "ClinicalTrials.gov",
    "isrctn": "ISRCTN registry",
    "eudract": "EU Clinical Trials Register (EudraCT)",
    "ctis": "EU Clinical Trials Information System (CTIS)",
    "anzctr": "Australian New Zealand Clinical Trials Registry",
    "chictr": "Chinese Clinical Trial Registry",
}


def _is_registration(checked: CheckedReference, fields: Fields) -> bool:
    """A trial registration cited as such (a registry record, not an article about the trial)."""
    j = checked.judgement
    matched_doi = j.match.doi if j.match is not None else None
    if not checked.reference.identifiers.trials or checked.reference.identifiers.doi:
        return False
    if matched_doi and j.verdict in (Verdict.VERIFIED, Verdict.INACCURATE):
        return False
    return fields.type in (ReferenceType.CLINICAL_TRIAL, None) or not _real_container(fields)


def _real_container(fields: Fields) -> bool:
    c = fields.container or ""
    return bool(c.strip()) and not _NOT_A_CONTAINER.match(c) and "clinicaltrials" not in c.lower()


def _entry(checked: CheckedReference, taken: set[str]) -> Entry:
    fields = best_fields(checked)
    registration = _is_registration(checked, fields)
    if registration:
        fields = replace(fields, container=None, type=ReferenceType.CLINICAL_TRIAL)
    elif fields.container and _NOT_A_CONTAINER.match(fields.container):
        fields = replace(fields, container=None)
    entry_type = entry_type_for(fields)
    out: list[Field] = []
    for name, bib_name in _ORDER:
        value = bib_value(fields, name)
        if value is not None:
            out.append(Field(bib_name or container_field(entry_type), value))
    j = checked.judgement
    doi = checked.reference.identifiers.doi
    if j.verdict in (Verdict.VERIFIED, Verdict.INACCURATE):
        doi = j.suggested_doi or (j.match.doi if j.match is not None else None) or doi
    doi = safe_doi(doi)
    if doi:
        out.append(Field("doi", doi))
    elif safe_url(fields.url):
        out.append(Field("url", fields.url.strip() if fields.url else ""))
    trials = checked.reference.identifiers.trials
    if registration:
        registry = trials[0].registry
        out.append(Field("howpublished", _REGISTRY_NAMES.get(registry, registry)))
        if not doi and not fields.url and registry == "clinicaltrials.gov":
            out.append(Field("url", f"https://clinicaltrials.gov/study/{trials[0].id}"))
    if trials:
        out.append(Field("note", "; ".join(f"{t.registry} {t.id}" for t in trials)))
    return Entry(entry_type, make_key(fields, taken), _dedupe(out))


def _dedupe(fields: list[Field]) -> list[Field]:
    """Merge repeated field names (two notes) into one value."""
    merged: dict[str, Field] = {}
    for f in fields:
        if f.key in merged:
            merged[f.key] = Field(f.key, f"{merged[f.key].value}; {f.value}")
        else:
            merged[f.key] = f
    return list(merged.values())


def _source(checked: CheckedReference) -> str:
    j = checked.judgement
    if j.verdict in (Verdict.VERIFIED, Verdict.INACCURATE) and j.match is not None:
        return f"the {j.match.source} record" + (f" {j.match.doi}" if j.match.doi else "")
    return "the fields as cited"


def fresh_bibtex(doc: CheckedDocument) -> tuple[str, list[Change], int]:
    """BibTeX text for a document's references, one Change per entry written or left out, and
    how many entries were written."""
    library = Library()
    where = doc.document.path.replace("@", "(at)")
    library.add(
        ImplicitComment(
            f"% Written by veribib {__version__} from the references of {where}.\n"
            "% Fabricated references are left out; see the changes file."
        )
    )
    taken: set[str] = set()
    changes: list[Change] = []
    for checked in doc.references:
        j = checked.judgement
        origin = str(checked.reference.origin)
        if j.verdict is Verdict.FABRICATED:
            reason = clip(j.reason or "no such work was found", 200)
            changes.append(
                Change(
                    checked.reference.id,
                    "omit",
                    None,
                    None,
                    None,
                    f"fabricated, at {origin}: {reason}",
                )
            )
            continue
        entry = _entry(checked, taken)
        library.add(entry)
        changes.append(
            Change(
                entry.key,
                "write",
                None,
                None,
                _source(checked),
                f"{j.verdict.value} reference at {origin}",
            )
        )
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]  # bibtexparser leaves it unannotated
    fmt.indent = "  "
    fmt.trailing_comma = True
    written = sum(1 for c in changes if c.action == "write")
    return write_string(library, bibtex_format=fmt) + "\n", changes, written


__all__ = ["best_fields", "fresh_bibtex"]
