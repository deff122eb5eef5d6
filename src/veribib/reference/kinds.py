"""Guess what kind of work a free-text reference cites, from its labels, fields and wording."""

from __future__ import annotations

import re
from collections.abc import Collection

from veribib.model import Fields, Identifiers, ReferenceType

_PREPRINT = re.compile(
    r"\b(?:arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprints?|research\s+square|psyarxiv|osf\.io)\b",
    re.IGNORECASE,
)
_THESIS = re.compile(
    r"\b(?:thesis|dissertation|ph\.?\s?d\.?|doctoral|master'?s|diplomarbeit|doktorarbeit|th[èe]se)\b",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?:technical\s+report|tech\.?\s+rep|report|working\s+paper|white\s*paper|"
    r"discussion\s+paper|memorandum|guidelines?)\b",
    re.IGNORECASE,
)
_PROCEEDINGS = re.compile(
    r"\b(?:proc\.?|proceedings|conference|conf\.|symposium|workshop|congress|meeting|"
    r"colloquium)\b",
    re.IGNORECASE,
)
_STANDARD = re.compile(r"\b(?:ISO|IEC|DIN|ANSI|IEEE\s+Std|BS\s+EN)\s*\d", re.IGNORECASE)
_DATASET = re.compile(
    r"\b(?:data\s*set|dataset|data\s+repository|zenodo|figshare|dryad)\b", re.IGNORECASE
)
# Trial registries cited as if they were the container ("ClinicalTrials.gov, NCT0...").
_TRIAL_REGISTRY = re.compile(
    r"\b(?:clinicaltrials\.gov|isrctn|eu\s*ctr|clinicaltrialsregister\.eu|anzctr|chictr|ctri|"
    r"drks|who\s+ictrp|trial\s+regist(?:er|ry))\b",
    re.IGNORECASE,
)
_BOOK_HINT = re.compile(
    r"\b(?:eds?\.|editors?|hrsg|\(ed\.?\)|\(eds\.?\)|edition|edn)\b", re.IGNORECASE
)


def guess_type(
    text: str, fields: Fields, labels: Collection[str], identifiers: Identifiers | None = None
) -> ReferenceType:
    """A best guess of the reference type; OTHER when nothing points anywhere."""
    ids = identifiers or Identifiers()
    genre_or_note = text
    if _PREPRINT.search(genre_or_note) or (ids.arxiv and not fields.volume):
        return ReferenceType.PREPRINT
    if _THESIS.search(genre_or_note) and "journal" not in labels:
        return ReferenceType.THESIS
    if _STANDARD.search(text):
        return ReferenceType.STANDARD
    if ids.trials and (not fields.container or _TRIAL_REGISTRY.search(fields.container)):
        return ReferenceType.CLINICAL_TRIAL
    if _DATASET.search(text) and "journal" not in labels:
        return ReferenceType.DATASET
    container = fields.container or ""
    if "journal" in labels or (container and fields.volume and not _PROCEEDINGS.search(container)):
        return ReferenceType.JOURNAL_ARTICLE
    if container and _PROCEEDINGS.search(container):
        return ReferenceType.PROCEEDINGS_ARTICLE
    if container and ("editor" in labels or _BOOK_HINT.search(text) or fields.publisher):
        return ReferenceType.BOOK_CHAPTER
    if _REPORT.search(text):
        return ReferenceType.REPORT
    if container:
        return ReferenceType.JOURNAL_ARTICLE
    if fields.publisher or ids.isbn:
        return ReferenceType.BOOK
    if fields.url or "url" in labels:
        return ReferenceType.WEBPAGE
    return ReferenceType.OTHER


__all__ = ["guess_type"]
