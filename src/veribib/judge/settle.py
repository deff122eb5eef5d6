"""Settling a route on one record: the cited work (verified / inaccurate), or a borrowed one.

Between "a candidate is the cited work" (``found.matched``) and the verdict stand two checks:

1. **A misread parse.** When the record's title and first author are written in the
   reference's raw text but the parsed fields disagree with them, the parser misread the
   reference: the fields the text shows are taken from it (``rawtext.reread``) and the
   verdict notes PARSE_UNCERTAIN. Such a reference is never called fabricated on title or
   author grounds.
2. **A borrowed record.** When the record shows the citation names its title with other
   people's names, or its authors with a title of substituted words (``otherwork``), and a
   live search found no record of the cited combination, the cited work does not exist as
   cited: fabricated, with the record as the likely source.
"""

from __future__ import annotations

from dataclasses import replace

from veribib.judge import codes
from veribib.judge.compare import recorded_years
from veribib.judge.describe import cite, outcome_name
from veribib.judge.found import matched
from veribib.judge.match import YEAR_FAR, Assessment, Choice, assess
from veribib.judge.otherwork import other_work
from veribib.judge.rawtext import record_in_text, reread
from veribib.judge.route import DoiState, Route
from veribib.model import Evidence, Reference, Resolution, Verdict, Work

_PARSED_FIELDS = ("title", "authors", "year", "journal", "volume")


def live_search(resolution: Resolution) -> bool:
    """A live registry answered the bibliographic search (a snapshot's answer is not enough)."""
    search = resolution.search
    return (
        search is not None
        and search.is_fact
        and search.authoritative
        and search.source != "snapshot"
    )


def no_match_note(resolution: Resolution) -> Evidence:
    """NO_MATCHING_RECORD: the search found nothing with the cited title and authors."""
    search = resolution.search
    where = outcome_name(search, "Crossref") if search is not None else "Crossref"
    return Evidence(
        codes.NO_MATCHING_RECORD,
        f"no record in {where} matches the cited title and authors",
    )


def _parse_note(work: Work) -> Evidence:
    return Evidence(
        codes.PARSE_UNCERTAIN,
        f"the reference text names {cite(work)}: its title and first author are written there, "
        "so the parsed fields that disagree with it are read as a parsing problem",
    )


def reread_as(reference: Reference, a: Assessment) -> tuple[Reference, Assessment] | None:
    """The reference re-read from its raw text against this record, when that fits it better."""
    if not any(c.field in _PARSED_FIELDS for c in a.disagreements):
        return None
    if not record_in_text(reference, a.work):
        return None
    fields = reread(reference, a.work)
    if fields == reference.fields:
        return None
    again = assess(fields, a.work)
    if len(again.disagreements) >= len(a.disagreements) and again.score <= a.score:
        return None
    return replace(reference, fields=fields), again


def _protected(reference: Reference, evidence: Evidence, work: Work) -> bool:
    """The raw text shows the evidence is a parsing artefact."""
    if evidence.code == codes.TITLE_OTHER_WORK:
        return record_in_text(reference, work, verbatim=True)
    return record_in_text(reference, work)


def found_route(
    reference: Reference,
    resolution: Resolution,
    a: Assessment,
    how: str,
    doi_state: DoiState,
    other: Work | None = None,
) -> Route:
    """The route for a record taken as the cited work, after the two checks above."""
    note: Evidence | None = None
    again = reread_as(reference, a)
    if again is not None:
        reference, a = again
        note = _parse_note(a.work)
    if live_search(resolution):
        borrowed = other_work(reference.fields, a, strict=False)
        if borrowed is not None and not _protected(reference, borrowed, a.work):
            return Route(
                Verdict.FABRICATED,
                [borrowed, no_match_note(resolution)],
                match=a,
                likely_source=a.work,
                looked_no_match=True,
            )
    route = matched(reference, a, how, doi_state, other)
    if note is not None:
        route.evidence.append(note)
    return route


def named_in_text(reference: Reference, choice: Choice) -> Assessment | None:
    """A candidate whose whole title and first author the raw text writes (a misread parse)."""
    for a in sorted((*choice.unsure, *choice.different), key=lambda x: -x.score):
        if record_in_text(reference, a.work, verbatim=True):
            return a
    return None


def borrowed_route(reference: Reference, resolution: Resolution, choice: Choice) -> Route | None:
    """No candidate is the cited work: one that shows the citation borrows it (fabricated)."""
    if not live_search(resolution):
        return None
    cited = reference.fields
    for a in sorted((*choice.unsure, *choice.different), key=lambda x: -x.score):
        years = recorded_years(a.work)
        if cited.year is not None and years and min(abs(cited.year - y) for y in years) > YEAR_FAR:
            continue  # a namesake title years apart, not a borrowed one
        evidence = other_work(cited, a, strict=True)
        if evidence is None or _protected(reference, evidence, a.work):
            continue
        return Route(
            Verdict.FABRICATED,
            [evidence, no_match_note(resolution)],
            match=a,
            likely_source=a.work,
            looked_no_match=True,
        )
    return None
