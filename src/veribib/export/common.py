"""What every report format says the same way: labels, order, the fix, the summary line.

Formatters differ in layout only; the words a reader acts on come from here so the table,
JSON, Markdown and HTML never disagree about what to do with a reference.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.model import FieldComparison, Fields, Flag, Judgement, Person, Verdict, Work

# Fields a correction may touch, in the order people read a reference.
CORRECTABLE = ("authors", "year", "title", "container", "volume", "issue", "pages", "publisher")

# How other stages may name a compared field -> the Fields attribute it is about.
_FIELD_ALIASES = {
    "author": "authors",
    "authors": "authors",
    "first_author": "authors",
    "year": "year",
    "title": "title",
    "container": "container",
    "journal": "container",
    "container_title": "container",
    "container-title": "container",
    "booktitle": "container",
    "volume": "volume",
    "issue": "issue",
    "number": "issue",
    "pages": "pages",
    "page": "pages",
    "first_page": "pages",
    "publisher": "publisher",
}

# Flags that call for action whatever the verdict.
SERIOUS_FLAGS = (Flag.RETRACTED, Flag.EXPRESSION_OF_CONCERN)

FLAG_LABELS = {
    Flag.RETRACTED: "retracted",
    Flag.EXPRESSION_OF_CONCERN: "expression of concern",
    Flag.CORRECTED: "corrected",
    Flag.PREPRINT_HAS_PUBLISHED_VERSION: "preprint has a published version",
    Flag.DUPLICATE: "duplicate",
    Flag.UNCITED: "never cited",
}


@dataclass(frozen=True, slots=True)
class Correction:
    """One field the judge found wrong: what is cited and what the record says."""

    field: str  # a Fields attribute name, see CORRECTABLE
    cited: str | None
    found: str
    similarity: float | None = None


# C0 and C1 controls, DEL, and the invisible bidi/zero-width marks that reorder or hide text.
CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (ESC, BEL, NUL, C1, bidi overrides): each a space.

    Everything printed or written comes from documents and registries; none of it may move the
    cursor, retitle the window, clear the screen or open a hyperlink.
    """
    return CONTROL_CHARS.sub(" ", text)


def canonical_field(name: str) -> str | None:
    """The Fields attribute a comparison's field name refers to, or None if not correctable."""
    return _FIELD_ALIASES.get(name.strip().lower())


def people_text(people: Iterable[Person], et_al: bool = False, limit: int | None = None) -> str:
    """Authors as "Family, G.; Family, G." (cut after ``limit`` with "et al.")."""
    names = [str(p) for p in people]
    cut = limit is not None and len(names) > limit
    if cut and limit is not None:
        names = names[:limit]
    text = "; ".join(names)
    if text and (et_al or cut):
        text += " et al."
    return text


def field_text(fields: Fields, name: str) -> str | None:
    """One field of ``fields`` as display text; None when unknown."""
    if name == "authors":
        return people_text(fields.authors, fields.et_al) or None
    if name == "editors":
        return people_text(fields.editors) or None
    value = getattr(fields, name, None)
    if value is None or value == "":
        return None
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def _fold(text: str | None) -> str:
    """Lower-case letters and digits only: the comparison that ignores style (case, dashes)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.lower() if ch.isalnum())


def same_value(a: str | None, b: str | None) -> bool:
    """True when two values differ at most in case, accents, punctuation or spacing."""
    return _fold(a) == _fold(b)


def _comparisons(judgement: Judgement) -> dict[str, FieldComparison]:
    out: dict[str, FieldComparison] = {}
    for c in judgement.comparisons:
        name = canonical_field(c.field)
        if name and name not in out:
            out[name] = c
    return out


def corrections(checked: CheckedReference) -> tuple[Correction, ...]:
    """The field corrections an inaccurate reference needs, per the judge's suggestion.

    A field is corrected only when the suggestion knows it, the judge found it to disagree (or
    made no comparison of it, authors excepted), and it differs in more than style. Missing
    fields are not added: unknown is not wrong. The judge's suggestion already keeps cited
    authors a partial record does not show, so its author list can be taken as it is.
    """
    j = checked.judgement
    if j.verdict is not Verdict.INACCURATE or j.suggestion is None:
        return ()
    compared = _comparisons(j)
    cited_fields = checked.reference.fields
    out: list[Correction] = []
    for name in CORRECTABLE:
        new = field_text(j.suggestion, name)
        old = field_text(cited_fields, name)
        if new is None or old is None:
            continue
        comparison = compared.get(name)
        if comparison is not None and comparison.agrees is not False:
            continue
        if comparison is None and name == "authors":
            continue  # author lists differ in form too often to change them unasked
        if same_value(old, new):
            continue
        out.append(
            Correction(name, old, new, comparison.similarity if comparison is not None else None)
        )
    return tuple(out)


def doi_to_add(checked: CheckedReference) -> str | None:
    """The DOI to write into a verified or inaccurate reference, when it differs from the cited."""
    j = checked.judgement
    if j.verdict not in (Verdict.VERIFIED, Verdict.INACCURATE):
        return None
    doi = j.suggested_doi or (j.match.doi if j.match is not None else None)
    if not doi:
        return None
    cited = checked.reference.identifiers.doi
    if cited and cited.lower() == doi.lower():
        return None
    return doi


def work_label(work: Work, limit: int = 60) -> str:
    """A record in one line: "Anitua et al. 2023, Advances in Platelet… (doi 10.3390/…)"."""
    f = work.fields
    who = f.authors[0].family if f.authors else "?"
    if len(f.authors) > 1 or work.authors_incomplete:
        who += " et al."
    title = clip(f.title or "untitled", limit)
    doi = f" (doi {work.doi})" if work.doi else ""
    return f"{who} {f.year or 'n.d.'}, {title}{doi}"


def fix_parts(checked: CheckedReference) -> list[str]:
    """What to do about a reference, as short imperative phrases (empty: nothing to do)."""
    j = checked.judgement
    parts: list[str] = []
    if j.verdict is Verdict.FABRICATED:
        if j.likely_source is not None:
            parts.append(f"remove, or cite the likely source: {work_label(j.likely_source)}")
        else:
            parts.append("remove: no such work was found")
    elif j.verdict is Verdict.INACCURATE:
        for c in corrections(checked):
            parts.append(f"{c.field}: {clip(c.cited or '', 40)} → {clip(c.found, 60)}")
        doi = doi_to_add(checked)
        if doi:
            verb = "replace DOI with" if checked.reference.identifiers.doi else "add DOI"
            parts.append(f"{verb} {doi}")
        if not parts:
            parts.append("compare with the record found")
    elif j.verdict is Verdict.VERIFIED:
        doi = doi_to_add(checked)
        if doi:
            parts.append(f"add DOI {doi}")
    else:
        codes = {e.code for e in j.evidence}
        if "NOT_CHECKED_OFFLINE" in codes:
            parts.append("run again online to check it")
        elif "REGISTRY_UNAVAILABLE" in codes:
            parts.append("run again later: a registry did not answer")
        elif j.match is not None:
            parts.append(f"compare with the possible match: {work_label(j.match)}")
        else:
            parts.append("check by hand: add a DOI or fuller details")
    if Flag.RETRACTED in j.flags:
        parts.append("the work is retracted: cite the retraction or drop it")
    elif Flag.EXPRESSION_OF_CONCERN in j.flags:
        parts.append("an expression of concern is attached: read it before citing")
    if Flag.PREPRINT_HAS_PUBLISHED_VERSION in j.flags:
        published = next(
            (
                d
                for kind, d in (j.match.relations if j.match else ())
                if kind in ("is-preprint-of", "has-version")
            ),
            None,
        )
        parts.append(f"cite the published version{f' ({published})' if published else ''}")
    return parts


def fix_text(checked: CheckedReference) -> str:
    """The fix as one line ("" when nothing needs doing)."""
    return "; ".join(fix_parts(checked))


def clip(text: str, limit: int) -> str:
    """Text folded to one line and cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def short_label(checked: CheckedReference, title_chars: int = 40) -> str:
    """A reference in a few words: "Anitua 2023 Advances in Platelet Rich…"."""
    ref = checked.reference
    f = ref.fields
    first = f.authors[0].family if f.authors else None
    title = f.title or ref.raw.text
    bits = [first or "", str(f.year) if f.year else "", clip(title, title_chars)]
    return " ".join(b for b in bits if b)


def origin_text(checked: CheckedReference) -> str:
    """Where the reference was written: "paper.bib:42"."""
    return str(checked.reference.origin)


def attention_first(report: Report) -> Sequence[CheckedReference]:
    """All references, worst verdict first (seriously flagged ones before calm ones of a kind).

    Python's sort is stable, so within a rank the input order is kept. A list; for a large run
    whose references are on disk, a view read in that order (only their positions are sorted).
    """

    def rank(c: CheckedReference) -> tuple[int, int]:
        flagged = any(f in c.judgement.flags for f in SERIOUS_FLAGS)
        return (-c.judgement.verdict.severity, 0 if flagged else 1)

    refs = report.references
    if isinstance(refs, tuple):
        return sorted(refs, key=rank)
    from veribib.export.spool import Picked

    ranks = [rank(c) for c in refs]
    return Picked(refs, sorted(range(len(ranks)), key=ranks.__getitem__))


def needs_attention(checked: CheckedReference) -> bool:
    """Fabricated, inaccurate or seriously flagged: the ones a reader must look at."""
    j = checked.judgement
    return j.verdict in (Verdict.FABRICATED, Verdict.INACCURATE) or any(
        f in j.flags for f in SERIOUS_FLAGS
    )


def flag_counts(report: Report) -> dict[str, int]:
    """How many references carry each flag (every flag present, zero or not)."""
    counts = {f.value: 0 for f in Flag}
    for c in report.references:
        for f in set(c.judgement.flags):
            counts[f.value] += 1
    return counts


def summary_line(report: Report) -> str:
    """E.g. "37 references: 30 verified, 0 inaccurate, 7 unresolved, 0 fabricated; 1 retracted"."""
    counts = report.counts()
    total = sum(counts.values())
    noun = "reference" if total == 1 else "references"
    text = f"{total} {noun}: " + ", ".join(f"{counts[v.value]} {v.value}" for v in _ORDER)
    extras: list[str] = []
    flags = flag_counts(report)
    for f in SERIOUS_FLAGS:
        if flags[f.value]:
            extras.append(f"{flags[f.value]} {FLAG_LABELS[f]}")
    if report.failed_lookups:
        n = report.failed_lookups
        extras.append(f"{n} lookup{'s' if n != 1 else ''} failed")
    if report.offline:
        extras.append("offline: registries not asked")
    errors = sum(1 for d in report.documents if d.error)
    if errors:
        extras.append(f"{errors} input{'s' if errors != 1 else ''} unreadable")
    if extras:
        text += "; " + "; ".join(extras)
    return text


_ORDER = (Verdict.VERIFIED, Verdict.INACCURATE, Verdict.UNRESOLVED, Verdict.FABRICATED)
VERDICT_ORDER = _ORDER


@dataclass(frozen=True, slots=True)
class CitationProblems:
    """A document's in-text citations without a list entry and list entries never cited."""

    file: str
    unmatched: tuple[str, ...]  # "(Smith, 2020) at paper.txt:12"
    uncited: tuple[str, ...]  # "paper.txt:40 Smith 2019 Title…"


def citation_problems(doc: CheckedDocument) -> CitationProblems | None:
    """What is wrong between a document's text and its list; None when nothing is."""
    cr = doc.citations
    # A list with no running text (a .bib) cites nothing; calling every entry uncited is noise.
    uncited_ids = cr.uncited if cr.citations else ()
    if not cr.unmatched and not uncited_ids:
        return None
    by_id = {c.reference.id: c for c in doc.references}
    unmatched = tuple(f"{c.text} at {c.origin}" for c in cr.unmatched)
    uncited = tuple(
        f"{origin_text(by_id[rid])} {short_label(by_id[rid])}" if rid in by_id else rid
        for rid in uncited_ids
    )
    return CitationProblems(doc.document.path, unmatched, uncited)


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII lower-case letters and digits of ``text`` (accents folded: "Pérez" → "perez")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG.sub("", ascii_text.lower())
