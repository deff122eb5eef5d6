"""Stored JSON back into the pipeline's value types: references, judgements, records.

The store keeps fields, identifiers, judgements and records as JSON (``as_jsonable``). Reading
them back is generic over the dataclasses in ``veribib.model``, so a field another version
added is ignored and one it lacks takes its default.
"""

from __future__ import annotations

import json

from veribib.model import (
    Fields,
    Identifiers,
    Judgement,
    Origin,
    RawReference,
    Reference,
    Work,
)
from veribib.store.jsonload import load
from veribib.store.tables import ReferenceRow

# Formats whose references come with their fields (the parser did not guess them).
STRUCTURED_FORMATS = frozenset(("bibtex", "ris", "csljson", "jats", "nbib", "endnote"))


def judgement_from_json(text: str) -> Judgement:
    """A stored judgement (its field comparisons are kept as stored)."""
    return load(Judgement, json.loads(text))


def work_from_json(text: str | None) -> Work | None:
    """A stored registry record, or None."""
    return load(Work, json.loads(text)) if text else None


def reference_from_row(row: ReferenceRow, document_format: str = "") -> Reference:
    """The parsed reference a stored row records, as the judge saw it."""
    fields = load(Fields, json.loads(row.fields))
    identifiers = load(Identifiers, json.loads(row.identifiers))
    structured = document_format in STRUCTURED_FORMATS
    raw = RawReference(
        text=row.raw_text,
        origin=Origin(row.origin_file, row.origin_line),
        fields=fields if structured else None,
        identifiers=identifiers if structured else None,
        key=row.key,
    )
    return Reference(id=row.ref_id, raw=raw, fields=fields, identifiers=identifiers)


__all__ = ["judgement_from_json", "load", "reference_from_row", "work_from_json"]
