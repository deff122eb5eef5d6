"""Evidence codes, the stable machine-readable half of every ``Evidence``, and how its messages
name records and registries ("Proffer et al. 2022, 'Title' (10.1093/...)").

Reports and tests key on these; the message beside each names the values seen.
"""

from __future__ import annotations

from typing import Any, Final

from veribib.model import Outcome, Work

# --- what agreed -------------------------------------------------------------------------
DOI_CONFIRMED: Final = "DOI_CONFIRMED"  # the record at the cited DOI is the cited work
SEARCH_MATCH: Final = "SEARCH_MATCH"  # a bibliographic-search candidate is the cited work
LOCATOR_MATCH: Final = "LOCATOR_MATCH"  # the work at the cited journal/volume/page is it
TRIAL_FOUND: Final = "TRIAL_FOUND"  # the cited trial id exists and fits the citation
# The article's record names the trial, or the trial's record lists the article.
TRIAL_LINKED: Final = "TRIAL_LINKED"
DOI_OTHER_VERSION: Final = "DOI_OTHER_VERSION"  # cited DOI is a related version of the match
DOI_UNCONFIRMED: Final = "DOI_UNCONFIRMED"  # the match has no DOI to compare the cited one with
AMBIGUOUS_MATCH: Final = "AMBIGUOUS_MATCH"  # two records fit almost equally well
PREPRINT_VENUE: Final = "PREPRINT_VENUE"  # a preprint DOI cited with a venue (not checkable)

# --- field errors (inaccurate) -----------------------------------------------------------
TITLE_MISMATCH: Final = "TITLE_MISMATCH"
AUTHOR_MISMATCH: Final = "AUTHOR_MISMATCH"
AUTHORS_MISSING: Final = "AUTHORS_MISSING"  # a truncated author list without "et al."
YEAR_MISMATCH: Final = "YEAR_MISMATCH"
CONTAINER_MISMATCH: Final = "CONTAINER_MISMATCH"
VOLUME_MISMATCH: Final = "VOLUME_MISMATCH"
ISSUE_MISMATCH: Final = "ISSUE_MISMATCH"
PAGES_MISMATCH: Final = "PAGES_MISMATCH"
DOI_WRONG: Final = "DOI_WRONG"  # the cited DOI is not the cited work's DOI

# --- fabrication evidence ----------------------------------------------------------------
DOI_NOT_FOUND: Final = "DOI_NOT_FOUND"  # doi.org: the DOI does not exist
DOI_OTHER_WORK: Final = "DOI_OTHER_WORK"  # the DOI belongs to a different work
LOCATOR_OTHER_WORK: Final = "LOCATOR_OTHER_WORK"  # the cited journal/volume/page holds another work
NO_MATCHING_RECORD: Final = "NO_MATCHING_RECORD"  # no such work in a registry covering the venue
TRIAL_NOT_FOUND: Final = "TRIAL_NOT_FOUND"
TRIAL_TOPIC_MISMATCH: Final = "TRIAL_TOPIC_MISMATCH"
TRIAL_ID_MALFORMED: Final = "TRIAL_ID_MALFORMED"  # wrong digit count, or a number not issued
TRIAL_WRONG_ID: Final = "TRIAL_WRONG_ID"  # the article's record names other trials, not this
PLACEHOLDER_AUTHORS: Final = "PLACEHOLDER_AUTHORS"
FUTURE_DATE: Final = "FUTURE_DATE"
VENUE_NOT_FOUND: Final = "VENUE_NOT_FOUND"  # reserved: needs a journal lookup the resolver lacks
AUTHORS_OTHER_WORK: Final = "AUTHORS_OTHER_WORK"  # the cited title is a record by other people
# The cited authors' record has another title, or the title is spliced from two records'.
TITLE_OTHER_WORK: Final = "TITLE_OTHER_WORK"
# Crossref holds the cited journal's works of those years, and none is the cited work.
NO_MATCH_IN_COVERED_VENUE: Final = "NO_MATCH_IN_COVERED_VENUE"
# --- registries beyond Crossref (judge/registries.py) ---
ARXIV_NOT_FOUND: Final = "ARXIV_NOT_FOUND"  # arXiv has no paper with the cited id
VENUE_UNKNOWN: Final = "VENUE_UNKNOWN"  # no journal registry asked knows the cited venue
# DBLP lists the cited CS venue's works of that year, and no registry holds the cited work.
NO_MATCH_IN_INDEXED_VENUE: Final = "NO_MATCH_IN_INDEXED_VENUE"

# --- why a reference could not be checked (unresolved) -----------------------------------
REGISTRY_UNAVAILABLE: Final = "REGISTRY_UNAVAILABLE"
NOT_CHECKED_OFFLINE: Final = "NOT_CHECKED_OFFLINE"
NOT_IN_REGISTRY: Final = "NOT_IN_REGISTRY"
TRIAL_NOT_CHECKABLE: Final = "TRIAL_NOT_CHECKABLE"  # a registry without an open API
NO_IDENTIFIER_NO_MATCH: Final = "NO_IDENTIFIER_NO_MATCH"
DOI_REGISTERED_ELSEWHERE: Final = "DOI_REGISTERED_ELSEWHERE"
POSSIBLE_MATCH: Final = "POSSIBLE_MATCH"  # a candidate that may be the work, not enough to say
NOTHING_TO_CHECK: Final = "NOTHING_TO_CHECK"
# The parsed title/authors disagree with a record whose title and first author are written in
# the reference text: a parsing problem, judged on the text instead (never fabricated).
PARSE_UNCERTAIN: Final = "PARSE_UNCERTAIN"

# --- notes shown with flags --------------------------------------------------------------
RETRACTED: Final = "RETRACTED"
EXPRESSION_OF_CONCERN: Final = "EXPRESSION_OF_CONCERN"
CORRECTED: Final = "CORRECTED"
PREPRINT_PUBLISHED: Final = "PREPRINT_PUBLISHED"


# --- how evidence names records and registries ----------------------------------------

_SOURCES = {
    "crossref": "Crossref",
    "datacite": "DataCite",
    "snapshot": "the snapshot",
    "doi.org": "doi.org",
    "ctgov": "ClinicalTrials.gov",
    "cache": "the cache",
    # registries beyond Crossref (#13)
    "arxiv": "arXiv",
    "pubmed": "PubMed",
    "openalex": "OpenAlex",
    "dblp": "DBLP",
}


def label(work: Work) -> str:
    """The registry a record came from, as shown in messages ("Crossref", "the snapshot")."""
    return source_name(work.source)


def source_name(source: str) -> str:
    """A registry name for messages."""
    return _SOURCES.get(source, source or "the registry")


def outcome_name(outcome: Outcome[Any], default: str) -> str:
    """The registry an outcome came from, or ``default`` when it does not say."""
    return source_name(outcome.source) if outcome.source else default


def cite(work: Work) -> str:
    """A short citation of a record: "Proffer et al. 2022, 'Title' (10.1093/asj/sjac149)"."""
    people = work.fields.authors
    if not people:
        who = "an unnamed author"
    elif len(people) == 1:
        who = people[0].family
    elif len(people) == 2 and not work.authors_incomplete:
        who = f"{people[0].family} & {people[1].family}"
    else:
        who = f"{people[0].family} et al."
    year = f" {work.fields.year}" if work.fields.year else ""
    title = f", '{work.fields.title}'" if work.fields.title else ""
    doi = f" ({work.doi})" if work.doi else ""
    return f"{who}{year}{title}{doi}"
