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
    r"drks|who\s+ictrp|trials?\s+regist(?:er|ry)|euclinicaltrials|eudract|jrct|"
    r"umin(?:\s*-?ctr|\.ac\.jp)|cris\.nih\.go\.kr)\b",
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


# Where a structured source names the registry a work was "published" in.
_REGISTRY_FIELDS = (
    "howpublished", "publisher", "organization", "institution", "journal", "journaltitle",
    "container-title", "url", "note", "t2", "jo", "pb", "ur",
)  # fmt: skip
_OTHER_IDS = ("doi", "pmid", "pmcid", "arxiv", "isbn")


def names_registry(text: str) -> bool:
    """True when ``text`` names a trial registry (ClinicalTrials.gov, ISRCTN, a registry URL)."""
    return _TRIAL_REGISTRY.search(text) is not None


def _bracketed(name: str, text: str) -> bool:
    """True when ``text`` writes ``name`` only in brackets ("... (MONARCH 3). NLM Identifier"):
    a trial's name after its title, never a journal's."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return bool(found) and all(text[:i].rstrip().endswith(("(", "[")) for i in found)


def is_trial_citation(
    fields: Fields, ids: Identifiers, extra: Collection[tuple[str, str]] = (), text: str = ""
) -> bool:
    """A registration cited as such: trial ids, and a registry as the container/publisher/URL,
    or a trial id as the only identifier of a reference that is not a journal article with a
    volume or pages (whatever its entry type; a "container" the text writes only in brackets
    is the trial's name)."""
    if not ids.trials:
        return False
    where = [fields.container or "", fields.publisher or "", fields.url or ""]
    where += [v for k, v in extra if k in _REGISTRY_FIELDS and k != "note"]
    if any(names_registry(w) for w in where if w):
        return True
    if any(getattr(ids, name) for name in _OTHER_IDS):
        return False
    journal = fields.container and not _bracketed(fields.container, text)
    return not (journal and (fields.volume or fields.pages))


__all__ = ["guess_type", "is_trial_citation", "names_registry"]
