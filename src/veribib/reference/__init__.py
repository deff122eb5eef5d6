"""The reference stage: raw reference strings become fields plus normalised identifiers.

``parse_reference(raw, id)`` keeps what a structured source already gave and parses the
text otherwise; ``parse_string`` and ``find_identifiers`` are the two halves on their own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from veribib.model import Fields, Identifiers, RawReference, Reference, ReferenceType
from veribib.reference.identifiers import (
    arxiv_from_doi,
    doi_was_broken,
    find_dois,
    find_identifiers,
    normalize_doi,
)
from veribib.reference.interface import ReferenceParseError
from veribib.reference.kinds import guess_type, is_trial_citation
from veribib.reference.parser import MAX_TOKENS, parse_string

_BAD_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*[\dXx][\d\sXx-]{8,16}", re.IGNORECASE)


def _merge_ids(given: Identifiers | None, found: Identifiers) -> Identifiers:
    """Identifiers the source gave win; the ones it lacks come from extra fields and text."""
    if given is None:
        return found
    doi = normalize_doi(given.doi) if given.doi else None
    trials = tuple(dict.fromkeys((*given.trials, *found.trials)))
    return Identifiers(
        doi=doi or found.doi,
        trials=trials,
        pmid=given.pmid or found.pmid,
        pmcid=given.pmcid or found.pmcid,
        arxiv=given.arxiv or arxiv_from_doi(doi) or found.arxiv,
        isbn=given.isbn or found.isbn,
        issn=given.issn or found.issn,
    )


def _warnings(raw: RawReference, fields: Fields, ids: Identifiers, parsed: bool) -> list[str]:
    """Things worth telling the user about one reference; none of them stop the run."""
    text = raw.text
    out: list[str] = []
    if not text.strip() and raw.fields is None:
        return ["empty reference"]
    if parsed and len(text.split()) > MAX_TOKENS:
        out.append(f"very long reference ({len(text.split())} words): only the start was parsed")
    if not fields.title:
        out.append("no title found")
    if not fields.authors and not fields.et_al:
        out.append("no authors found")
    if fields.year is None:
        out.append("no year found")
    elif fields.year > date.today().year + 1:
        out.append(f"year {fields.year} lies in the future")
    dois = list(dict.fromkeys(([ids.doi] if ids.doi else []) + find_dois(text)))
    if len(dois) > 1:
        out.append(f"several DOIs found, using {dois[0]}: " + ", ".join(dois[1:]))
    if doi_was_broken(text):
        out.append("a DOI broken by a space (line break?) was joined back; check it")
    if _BAD_ISBN.search(text) and ids.isbn is None:
        out.append("an ISBN with a wrong checksum was ignored")
    return out


def parse_reference(raw: RawReference, id: str) -> Reference:
    """Parse one raw reference into fields and identifiers; never raises on odd text.

    Fields a structured source gave are kept as they are; free text goes through the
    parser. Identifiers the source gave win over those found in its extra fields and text.
    """
    extra = {k: v for k, v in reversed(raw.extra)}  # first occurrence of a key wins
    found = find_identifiers(raw.text, extra)
    ids = _merge_ids(raw.identifiers, found)
    parsed = raw.fields is None
    if raw.fields is not None:
        fields = raw.fields
        if fields.type is None:
            fields = replace(fields, type=guess_type(raw.text, fields, (), ids))
    else:
        fields = parse_string(raw.text, ids)
    if fields.type is not ReferenceType.CLINICAL_TRIAL and is_trial_citation(
        fields, ids, raw.extra, raw.text
    ):
        fields = replace(fields, type=ReferenceType.CLINICAL_TRIAL)
    return Reference(
        id=id,
        raw=raw,
        fields=fields,
        identifiers=ids,
        warnings=tuple(_warnings(raw, fields, ids, parsed)),
    )


__all__ = [
    "ReferenceParseError",
    "find_identifiers",
    "normalize_doi",
    "parse_reference",
    "parse_string",
]
