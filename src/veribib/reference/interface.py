"""The reference stage: turn raw reference strings into fields and normalised identifiers.

``parse_reference(raw)`` is the stage's entry point: it keeps fields a structured source
already gave, fills the rest from the text with the reference-string parser, and extracts and
normalises identifiers (DOI, trial ids, PMID, PMCID, arXiv, ISBN, ISSN).
"""

from __future__ import annotations

from veribib.errors import VeribibError


class ReferenceParseError(VeribibError):
    """The reference parser could not run (e.g. its model file is missing)."""
