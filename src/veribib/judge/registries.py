"""What the registries beyond Crossref (arXiv, PubMed, OpenAlex, DBLP) add to a verdict.

Their records already reach the matcher as search and locator candidates (the resolver joins
them), so a work found there is verified or inaccurate by the usual rules. This module gives the
facts only they give, each on facts alone (an outage or a snapshot never accuses); the
decision table (``decide``) turns them into verdicts:

- ARXIV_NOT_FOUND: arXiv has no paper with the cited id (or the id cannot exist). With the cited
  work found elsewhere the citation is inaccurate (a wrong id); with a search answered and
  nothing like the cited work, fabricated — exactly as for a DOI doi.org does not know.
- VENUE_UNKNOWN: the cited journal is unknown to every journal registry asked (OpenAlex
  sources, the NLM Catalog), none of them unavailable, and the cited title was found in no
  registry → fabricated. A real journal that does not deposit with Crossref is known to them:
  no evidence.
- NO_MATCH_IN_INDEXED_VENUE: a computer-science venue DBLP lists works of in the cited year
  (DBLP indexes those proceedings whole), and neither DBLP nor OpenAlex (both asked, both
  answering) nor any other registry holds the cited title and authors → fabricated.
- PREPRINT_PUBLISHED from arXiv's ``journal_ref`` (a DOI there is already a relation).
"""

from __future__ import annotations

from veribib.judge import codes
from veribib.judge.codes import cite
from veribib.judge.routes import claims_covered_type
from veribib.model import (
    Evidence,
    Flag,
    Outcome,
    Reference,
    Resolution,
    Status,
    VenueFact,
    Work,
)
from veribib.resolve.registries import is_cs_venue, published_journal

_REGISTRY_NAMES = {"openalex": "OpenAlex", "nlm-catalog": "the NLM Catalog", "dblp": "DBLP"}


def _is_absent(outcome: Outcome[Work] | None) -> bool:
    return (
        outcome is not None
        and outcome.status is Status.NOT_FOUND
        and outcome.authoritative
        and outcome.source not in ("snapshot", "cache")
    )


def arxiv_absence(reference: Reference, resolution: Resolution) -> Evidence | None:
    """ARXIV_NOT_FOUND when arXiv said, as a fact, that the cited id does not exist."""
    if resolution.arxiv is None or not _is_absent(resolution.arxiv):
        return None
    reason = resolution.arxiv.detail or "arXiv has no paper with this id"
    return Evidence(
        codes.ARXIV_NOT_FOUND, f"arXiv: no paper {reference.identifiers.arxiv} ({reason})"
    )


def _searched_everywhere(resolution: Resolution) -> bool:
    """Every registry asked answered (no outage hides the cited title)."""
    outcomes = [o for _, o in resolution.registries]
    return bool(outcomes) and all(o.status is not Status.UNAVAILABLE for o in outcomes)


def _facts(resolution: Resolution) -> list[VenueFact]:
    """The journal registries' facts; empty when any of them did not answer."""
    if not resolution.venues or any(not o.found or o.value is None for o in resolution.venues):
        return []
    return [o.value for o in resolution.venues if o.value is not None]


def venue_absence(reference: Reference, resolution: Resolution) -> Evidence | None:
    """VENUE_UNKNOWN (an invented journal) or NO_MATCH_IN_INDEXED_VENUE (a title absent from
    a CS venue DBLP indexes whole), each only when every registry asked answered.

    The decision table uses it only when a live search found nothing that is, or may be, the
    cited work.
    """
    cited = reference.fields
    if not (cited.title and cited.container and cited.year):
        return None
    facts = _facts(resolution)
    if not facts or not _searched_everywhere(resolution):
        return None
    asked = ", ".join(dict.fromkeys(_REGISTRY_NAMES.get(f.registry, f.registry) for f in facts))
    # An invented journal: only a citation claiming a journal article with its locator (a
    # volume, issue or pages). A preprint server or a conference is no journal, and a book's
    # publisher, a guideline's body or a blog's name read as a "journal" is none either.
    journal_claim = claims_covered_type(cited) and bool(cited.volume or cited.issue or cited.pages)
    if journal_claim and not any(f.known for f in facts):
        return Evidence(
            codes.VENUE_UNKNOWN,
            f"'{cited.container}' is unknown to every journal registry asked ({asked}), "
            "and no registry holds the cited title",
        )
    indexed = [f for f in facts if f.registry == "dblp" and f.known and (f.works_in_year or 0) > 0]
    # DBLP's index of the venue, and the title searched in both DBLP and OpenAlex (whose
    # relevance search forgives the misspelt words DBLP's word-prefix search does not).
    searched = {name for name, o in resolution.registries if o.is_fact}
    if indexed and {"dblp", "openalex"} <= searched and is_cs_venue(cited):
        fact = indexed[0]
        return Evidence(
            codes.NO_MATCH_IN_INDEXED_VENUE,
            f"DBLP indexes '{cited.container}' {cited.year} ({fact.works_in_year} works) "
            "but neither it nor any other registry asked holds the cited title and authors",
        )
    return None


def published_flag(work: Work | None, flags: tuple[Flag, ...]) -> tuple[Flag, Evidence] | None:
    """``preprint_has_published_version`` from arXiv's journal_ref, unless already flagged."""
    if work is None or Flag.PREPRINT_HAS_PUBLISHED_VERSION in flags:
        return None
    journal = published_journal(work)
    if journal is None:
        return None
    return Flag.PREPRINT_HAS_PUBLISHED_VERSION, Evidence(
        codes.PREPRINT_PUBLISHED, f"arXiv: {cite(work)} was published in {journal}"
    )


__all__ = ["arxiv_absence", "published_flag", "venue_absence"]
