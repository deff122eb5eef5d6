"""Value types that travel down the pipeline: source → reference → resolve → judge → export.

Raw and parsed are different types and both keep their origin (``paper.bib:42``).
Everything here is a plain frozen dataclass so stages can share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, is_dataclass
from dataclasses import fields as dataclass_fields
from enum import Enum, StrEnum
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a piece of input came from: file, 1-based line, and position in that file's list."""

    file: str
    line: int | None = None
    index: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


@dataclass(frozen=True, slots=True)
class Warning_:
    """A problem met while reading input that did not stop the run (kept, never dropped)."""

    origin: Origin
    message: str


class ReferenceType(StrEnum):
    """What kind of work a reference cites (a guess for free text, a fact for BibTeX)."""

    JOURNAL_ARTICLE = "journal-article"
    PROCEEDINGS_ARTICLE = "proceedings-article"
    BOOK = "book"
    BOOK_CHAPTER = "book-chapter"
    THESIS = "thesis"
    REPORT = "report"
    PREPRINT = "preprint"
    DATASET = "dataset"
    STANDARD = "standard"
    WEBPAGE = "webpage"
    CLINICAL_TRIAL = "clinical-trial"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Person:
    """An author: family name and given names (or initials); organisations use ``family`` only."""

    family: str
    given: str = ""

    def __str__(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True, slots=True)
class Fields:
    """Bibliographic fields of a cited or found work; ``None``/empty means unknown, never wrong."""

    authors: tuple[Person, ...] = ()
    et_al: bool = False
    year: int | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    editors: tuple[Person, ...] = ()
    edition: str | None = None
    url: str | None = None
    type: ReferenceType | None = None

    @property
    def first_page(self) -> str | None:
        """The first page or article number, the part of ``pages`` a locator lookup uses."""
        if not self.pages:
            return None
        for sep in ("-", "–", "—", ","):
            if sep in self.pages:
                return self.pages.split(sep, 1)[0].strip() or None
        return self.pages.strip() or None


@dataclass(frozen=True, slots=True)
class TrialId:
    """A clinical-trial registration number and the registry it belongs to."""

    registry: str  # "clinicaltrials.gov", "isrctn", "eudract", "ctis", "anzctr", "chictr", ...
    id: str  # normalised form, e.g. "NCT04567834"


@dataclass(frozen=True, slots=True)
class Identifiers:
    """Identifiers found in a reference, each already normalised (DOI lower-case, no prefix)."""

    doi: str | None = None
    trials: tuple[TrialId, ...] = ()
    pmid: str | None = None
    pmcid: str | None = None
    arxiv: str | None = None
    isbn: str | None = None
    issn: str | None = None

    def is_empty(self) -> bool:
        """True when no identifier at all was found."""
        return not (
            self.doi
            or self.trials
            or self.pmid
            or self.pmcid
            or self.arxiv
            or self.isbn
            or self.issn
        )


@dataclass(frozen=True, slots=True)
class RawReference:
    """One reference as the source found it: its text, origin, and any structure it came with.

    Structured sources (BibTeX, RIS, CSL-JSON, JATS) fill ``fields``/``identifiers``;
    running text leaves them ``None`` for the reference parser.
    """

    text: str
    origin: Origin
    fields: Fields | None = None
    identifiers: Identifiers | None = None
    key: str | None = None  # BibTeX key, RIS ID, CSL id, JATS ref id, or list number
    entry_type: str | None = None  # BibTeX entry type as written (article, misc, ...)
    extra: tuple[tuple[str, str], ...] = ()  # fields the source had that Fields has no slot for


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed reference: the raw one plus its fields and normalised identifiers."""

    id: str  # stable within a run: "<file>#<index>"
    raw: RawReference
    fields: Fields
    identifiers: Identifiers
    warnings: tuple[str, ...] = ()

    @property
    def origin(self) -> Origin:
        """Where the reference was written."""
        return self.raw.origin


@dataclass(frozen=True, slots=True)
class InTextCitation:
    """A citation in running text, e.g. "(Xing et al., 2020)" or "[12]"."""

    text: str
    origin: Origin
    authors: tuple[str, ...] = ()  # family names as written
    year: str | None = None  # "2020", "2020a"
    number: int | None = None  # for numbered styles
    reference_ids: tuple[str, ...] = ()  # the list entries it points to (empty: none found)
    key: str | None = None  # a citation key (LaTeX \cite{key}, Pandoc [@key]) to match exactly


@dataclass(frozen=True, slots=True)
class CitationReport:
    """How in-text citations and the reference list line up."""

    citations: tuple[InTextCitation, ...] = ()
    unmatched: tuple[InTextCitation, ...] = ()  # cited in text, no list entry
    uncited: tuple[str, ...] = ()  # reference ids never cited in text


@dataclass(frozen=True, slots=True)
class Document:
    """What a source read from one input: its raw references, in-text citations and warnings."""

    path: str
    format: str  # "bibtex", "text", "html", "pdf", "ris", "csljson", "jats"
    references: tuple[RawReference, ...]
    citations: tuple[InTextCitation, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    includes: tuple[str, ...] = ()  # other files read as part of it (a .tex's .bib files)


# --- what the registries say -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Update:
    """A notice attached to a work: retraction, correction, expression of concern, ..."""

    type: str  # "retraction", "correction", "expression_of_concern", "new_version", ...
    doi: str | None = None
    source: str | None = None  # "publisher", "retraction-watch"
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Work:
    """A work as a registry records it, normalised from Crossref, DataCite or a snapshot."""

    source: str  # "crossref", "datacite", "snapshot"
    doi: str | None
    fields: Fields
    container_short: tuple[str, ...] = ()  # Crossref short-container-title (abbreviations)
    issn: tuple[str, ...] = ()
    subtitle: str | None = None
    article_number: str | None = None
    updates: tuple[Update, ...] = ()  # from updated-by
    relations: tuple[tuple[str, str], ...] = ()  # (relation type, DOI), e.g. ("is-preprint-of", d)
    trial_numbers: tuple[str, ...] = ()  # clinical-trial-number, upper-cased
    authors_incomplete: bool = False  # the record's author list is known to be partial
    missing_fields: tuple[str, ...] = ()  # fields the record is known not to carry
    score: float | None = None  # search relevance, comparable within one answer only
    # Every year the record's dates carry (issued, print, online, posted): a citation may give
    # the print year of an article issued online the year before. Empty = only fields.year.
    years: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Trial:
    """A registered clinical trial as its registry (ClinicalTrials.gov, ISRCTN) records it."""

    id: str
    brief_title: str
    official_title: str | None = None
    acronym: str | None = None
    conditions: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    # what else the record says it studies: outcome measures, arm groups, its brief summary
    described: tuple[str, ...] = ()
    sponsor: str | None = None
    start_year: int | None = None
    aliases: tuple[str, ...] = ()
    secondary_ids: tuple[str, ...] = ()  # sponsor protocol number, EudraCT and other ids
    pmids: tuple[str, ...] = ()  # publications the record lists as its results (or derived)
    dois: tuple[str, ...] = ()  # DOIs written in those publications' citations, lower-case
    registry: str = "clinicaltrials.gov"  # the registry the record came from
    # whom it enrols (ClinicalTrials.gov eligibilityModule): "ALL", "FEMALE" or "MALE", and
    # ages in years; None where the record says nothing
    sex: str | None = None
    min_age: float | None = None
    max_age: float | None = None
    # the countries of its sites (ClinicalTrials.gov contactsLocationsModule); empty = not listed
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DoiRegistration:
    """What doi.org says of a DOI: whether it exists and which agency registered it."""

    doi: str
    exists: bool
    agency: str | None = None  # "Crossref", "DataCite", "mEDRA", ...


class Status(StrEnum):
    """The kind of answer a lookup got. Facts (FOUND, NOT_FOUND) vs unknowns (the rest)."""

    FOUND = "found"
    NOT_FOUND = "not_found"  # the registry answered: it has no such thing (a fact)
    UNAVAILABLE = "unavailable"  # outage, timeout, 5xx, garbled answer (unknown)
    NOT_CHECKED = "not_checked"  # offline, or the registry was not asked (unknown)


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """The answer to one lookup: a value when FOUND, otherwise why not.

    ``authoritative`` says whether a NOT_FOUND is evidence: a live registry's 404 is, a local
    snapshot's miss is not.
    """

    status: Status
    value: T | None = None
    source: str = ""  # "crossref", "doi.org", "datacite", "ctgov", "snapshot", "cache"
    detail: str = ""  # human-readable reason, e.g. "HTTP 503 after 4 attempts"
    url: str | None = None
    authoritative: bool = True

    @property
    def found(self) -> bool:
        """True when the lookup produced a value."""
        return self.status is Status.FOUND

    @property
    def is_fact(self) -> bool:
        """True when the registry gave an answer (found or authoritatively not found)."""
        return self.status is Status.FOUND or (
            self.status is Status.NOT_FOUND and self.authoritative
        )


@dataclass(frozen=True, slots=True)
class VenueFact:
    """What one journal registry says of a cited venue: known (since when, how many works
    in the cited year) or not known at all."""

    registry: str  # "openalex", "nlm-catalog"
    venue: str  # the cited name asked about
    known: bool
    name: str | None = None  # the registry's name for it, when known
    since: int | None = None  # the first year the registry holds works of it
    year: int | None = None  # the cited year
    works_in_year: int | None = None  # works of the venue in the cited year, when counted


@dataclass(frozen=True, slots=True)
class Resolution:
    """Everything the registries said about one reference; the judge's only input besides it."""

    doi: Outcome[Work] | None = None  # Crossref (or snapshot/DataCite) record for the cited DOI
    doi_registration: Outcome[DoiRegistration] | None = None  # doi.org, when Crossref had none
    search: Outcome[tuple[Work, ...]] | None = None  # bibliographic search candidates
    locator: Outcome[tuple[Work, ...]] | None = None  # works at the cited journal/volume/page
    trials: tuple[tuple[str, Outcome[Trial]], ...] = ()  # per cited trial id
    notes: tuple[str, ...] = ()
    # Works of the cited journal around the cited year (Crossref's coverage of the venue),
    # asked only when nothing else showed it; a snapshot's answer here is no evidence.
    venue: Outcome[tuple[Work, ...]] | None = None
    # --- registries beyond Crossref (arXiv, PubMed, OpenAlex, DBLP) ---
    arxiv: Outcome[Work] | None = None  # the record of the cited arXiv id
    pubmed: Outcome[Work] | None = None  # the record of the cited PMID / PMCID
    # Each further registry asked in a search, with its own answer (an outage stays visible).
    registries: tuple[tuple[str, Outcome[tuple[Work, ...]]], ...] = ()
    # The journal registries' answers about the cited venue, asked when its title was found
    # nowhere: the evidence for an invented journal.
    venues: tuple[Outcome[VenueFact], ...] = ()


# --- what the judge says ------------------------------------------------------------------


class Verdict(StrEnum):
    """The judge's conclusion about one reference."""

    VERIFIED = "verified"
    INACCURATE = "inaccurate"
    UNRESOLVED = "unresolved"
    FABRICATED = "fabricated"

    @property
    def severity(self) -> int:
        """Order for --fail-on and sorting: higher is worse."""
        return _SEVERITY[self]


_SEVERITY = {
    Verdict.VERIFIED: 0,
    Verdict.UNRESOLVED: 1,
    Verdict.INACCURATE: 2,
    Verdict.FABRICATED: 3,
}


class Flag(StrEnum):
    """Facts shown next to any verdict."""

    RETRACTED = "retracted"
    EXPRESSION_OF_CONCERN = "expression_of_concern"
    CORRECTED = "corrected"
    PREPRINT_HAS_PUBLISHED_VERSION = "preprint_has_published_version"
    DUPLICATE = "duplicate"
    UNCITED = "uncited"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a verdict, e.g. ``DOI_NOT_FOUND``: 'doi.org: DOI does not exist'."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class FieldComparison:
    """Cited vs found value of one field, their similarity (0..1) and whether they agree."""

    field: str
    cited: str | None
    found: str | None
    similarity: float | None  # None when either side is unknown
    agrees: bool | None  # None = unknown (a side is missing), never a mismatch


@dataclass(frozen=True, slots=True)
class Judgement:
    """The verdict on one reference with its evidence, the record matched and the fix."""

    reference_id: str
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    flags: tuple[Flag, ...] = ()
    comparisons: tuple[FieldComparison, ...] = ()
    match: Work | None = None  # the record the citation was compared with
    likely_source: Work | None = None  # for fabrications: the real work it seems drawn from
    suggestion: Fields | None = None  # corrected fields (inaccurate) or the found record's
    suggested_doi: str | None = None

    @property
    def reason(self) -> str:
        """The one-line reason shown in tables: the first evidence message."""
        return self.evidence[0].message if self.evidence else ""


def as_jsonable(obj: Any) -> Any:
    """Turn these dataclasses (and enums, tuples) into plain JSON-ready values."""
    if isinstance(obj, Enum):
        return obj.value
    if obj is None or isinstance(obj, str | int | float):
        return obj
    names = _field_names(type(obj))
    if names is not None:
        return {name: as_jsonable(getattr(obj, name)) for name in names}
    if isinstance(obj, tuple | list):
        return [as_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): as_jsonable(v) for k, v in obj.items()}
    return obj


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, looked up once per class (as_jsonable runs per value)."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = (
            tuple(f.name for f in dataclass_fields(cls)) if is_dataclass(cls) else None
        )
    return _FIELD_NAMES[cls]


__all__ = [
    "CitationReport",
    "Document",
    "DoiRegistration",
    "Evidence",
    "FieldComparison",
    "Fields",
    "Flag",
    "Identifiers",
    "InTextCitation",
    "Judgement",
    "Origin",
    "Outcome",
    "Person",
    "RawReference",
    "Reference",
    "ReferenceType",
    "Resolution",
    "Status",
    "Trial",
    "TrialId",
    "Update",
    "VenueFact",
    "Verdict",
    "Warning_",
    "Work",
]
