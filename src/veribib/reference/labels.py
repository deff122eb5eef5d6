"""The labels the reference tagger uses, and how tags from other datasets map onto them."""

from __future__ import annotations

LABELS = (
    "author",
    "citation-number",
    "collection-title",
    "container-title",
    "date",
    "doi",
    "edition",
    "editor",
    "genre",
    "isbn",
    "journal",
    "location",
    "note",
    "pages",
    "publisher",
    "title",
    "translator",
    "url",
    "volume",
)

# CORA and rare AnyStyle tags folded into the labels above.
_ALIASES = {
    "booktitle": "container-title",
    "authority": "publisher",
    "institution": "publisher",
    "school": "publisher",
    "tech": "genre",
    "type": "genre",
    "accessed": "note",
    "director": "note",
    "producer": "note",
    "medium": "note",
    "source": "note",
    "dataset": "note",
    "section": "note",
    "event": "note",
}


def normalise_label(tag: str) -> str:
    """Map a dataset's tag to one of ``LABELS`` (unknown tags become ``note``)."""
    tag = tag.strip().lower()
    tag = _ALIASES.get(tag, tag)
    return tag if tag in LABELS else "note"


__all__ = ["LABELS", "normalise_label"]
