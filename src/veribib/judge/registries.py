"""What the registries beyond Crossref (arXiv, PubMed, OpenAlex, DBLP) add to a verdict.

Their records already reach the matcher as search and locator candidates (the resolver joins
them), so a work found there is verified or inaccurate by the usual rules. This module adds the
evidence only they give, each on facts alone (an outage or a snapshot never accuses):

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
from veribib.judge.describe import cite
from veribib.judge.route import Route
from veribib.judge.routes import claims_covered_type
from veribib.model import (
    Evidence,
    Flag,
    Outcome,
    Reference,
    Resolution,
    Status,
    VenueFact,
    Verdict,
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


def _arxiv(route: Route, reference: Reference, resolution: Resolution) -> Route:
    """The cited arXiv id does not exist: a wrong id on a found work, else like DOI_NOT_FOUND."""
    if not _is_absent(resolution.arxiv) or resolution.arxiv is None:
        return route
    arxiv_id = reference.identifiers.arxiv
    reason = resolution.arxiv.detail or "arXiv has no paper with this id"
    gone = Evidence(codes.ARXIV_NOT_FOUND, f"arXiv: no paper {arxiv_id} ({reason})")
    if route.verdict in (Verdict.VERIFIED, Verdict.INACCURATE) and route.match is not None:
        route.verdict = Verdict.INACCURATE
        route.evidence.insert(0, gone)
        return route
    if route.verdict is Verdict.FABRICATED:
        route.evidence.insert(0, gone)
        return route
    if route.looked_no_match or not (reference.fields.title or reference.fields.authors):
        route.verdict = Verdict.FABRICATED
    route.evidence.insert(0, gone)
    return route


def _searched_everywhere(resolution: Resolution) -> bool:
    """Every registry asked answered (no outage hides the cited title)."""
    outcomes = [o for _, o in resolution.registries]
    return bool(outcomes) and all(o.status is not Status.UNAVAILABLE for o in outcomes)


def _facts(resolution: Resolution) -> list[VenueFact]:
    """The journal registries' facts; empty when any of them did not answer."""
    if not resolution.venues or any(not o.found or o.value is None for o in resolution.venues):
        return []
    return [o.value for o in resolution.venues if o.value is not None]


def _venue(route: Route, reference: Reference, resolution: Resolution) -> Route:
    """An invented journal, or an invented title at a fully indexed CS venue."""
    cited = reference.fields
    if route.verdict is not Verdict.UNRESOLVED or not route.looked_no_match:
        return route
    if not (cited.title and cited.container and cited.year):
        return route
    facts = _facts(resolution)
    if not facts or not _searched_everywhere(resolution):
        return route
    asked = ", ".join(dict.fromkeys(_REGISTRY_NAMES.get(f.registry, f.registry) for f in facts))
    # An invented journal: only a citation claiming a journal article (a preprint server or a
    # conference is no journal, and journal registries do not list every event).
    if claims_covered_type(cited) and not any(f.known for f in facts):
        route.verdict = Verdict.FABRICATED
        route.evidence.insert(
            0,
            Evidence(
                codes.VENUE_UNKNOWN,
                f"'{cited.container}' is unknown to every journal registry asked ({asked}), "
                "and no registry holds the cited title",
            ),
        )
        return route
    indexed = [f for f in facts if f.registry == "dblp" and f.known and (f.works_in_year or 0) > 0]
    # DBLP's index of the venue, and the title searched in both DBLP and OpenAlex (whose
    # relevance search forgives the misspelt words DBLP's word-prefix search does not).
    searched = {name for name, o in resolution.registries if o.is_fact}
    if indexed and {"dblp", "openalex"} <= searched and is_cs_venue(cited):
        fact = indexed[0]
        route.verdict = Verdict.FABRICATED
        route.evidence.insert(
            0,
            Evidence(
                codes.NO_MATCH_IN_INDEXED_VENUE,
                f"DBLP indexes '{cited.container}' {cited.year} ({fact.works_in_year} works) "
                "but neither it nor any other registry asked holds the cited title and authors",
            ),
        )
    return route


def amend(route: Route, reference: Reference, resolution: Resolution) -> Route:
    """The work route with the evidence of arXiv and the journal registries added."""
    return _venue(_arxiv(route, reference, resolution), reference, resolution)


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


__all__ = ["amend", "published_flag"]
