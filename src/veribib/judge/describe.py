"""How records and values are named in evidence messages ("Proffer et al. 2022, 10.1093/...")."""

from __future__ import annotations

from typing import Any

from veribib.model import Outcome, Work

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
