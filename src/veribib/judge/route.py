"""What a work route concludes, and how it settles on one record.

A route (the cited DOI, bibliographic search, the journal locator; see ``routes``) ends on a
``Route``: a provisional verdict with its evidence, the record matched and the fix. Settling on a
record takes the checks below, in this order:

1. **A misread parse.** When the record's title and first author are written in the reference's
   raw text but the parsed fields disagree with them, the parser misread the reference: the
   fields the text shows are taken from it (``rawtext.reread``) and the verdict notes
   PARSE_UNCERTAIN. Such a reference is never called fabricated on title or author grounds.
2. **A borrowed record.** When the record shows the citation names its title with other
   people's names, or its authors with a title of substituted words (``otherwork``), and a live
   search found no record of the cited combination, the cited work does not exist as cited:
   fabricated, with the record as the likely source.
3. **The cited work found**: verified, or inaccurate with every error named and fixed — the fix
   is always the found record's own values.

The flags a found work carries (retracted, corrected, expression of concern, a preprint's
published version) are read here too; the decision table (``decide``) shows them beside the
verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from veribib.judge import codes
from veribib.judge.authors import AuthorCheck
from veribib.judge.codes import cite, label, outcome_name
from veribib.judge.compare import PREPRINT_PREFIX, PUBLISHED_AS, full_title, recorded_years
from veribib.judge.match import YEAR_FAR, Assessment, Choice, assess
from veribib.judge.normalise import has_retracted_marker
from veribib.judge.otherwork import chimeric_title, other_work
from veribib.judge.rawtext import record_in_text, reread
from veribib.model import (
    Evidence,
    FieldComparison,
    Fields,
    Flag,
    Outcome,
    Reference,
    ReferenceType,
    Resolution,
    Status,
    Verdict,
    Work,
)


class DoiState(StrEnum):
    """What is known of the cited DOI when a record is matched."""

    RECORD = "record"  # the match IS the record at the cited DOI
    OTHER_WORK = "other_work"  # the cited DOI belongs to another work
    BROKEN = "broken"  # doi.org: the DOI does not exist
    UNKNOWN = "unknown"  # not checked, unavailable, a snapshot miss, or registered elsewhere


@dataclass(slots=True)
class Route:
    """A provisional verdict from the work routes (DOI, search, locator)."""

    verdict: Verdict
    evidence: list[Evidence] = field(default_factory=list)
    match: Assessment | None = None
    likely_source: Work | None = None
    suggestion: Fields | None = None
    suggested_doi: str | None = None
    doi_comparison: FieldComparison | None = None
    looked_no_match: bool = False  # a search was answered and nothing is the cited work


# --- helpers -----------------------------------------------------------------------------


def answered(outcome: Outcome[Any] | None) -> bool:
    """The registry answered (found, or said it has none; a snapshot's answer included)."""
    return outcome is not None and outcome.status in (Status.FOUND, Status.NOT_FOUND)


def works_of(outcome: Outcome[tuple[Work, ...]] | None) -> tuple[Work, ...]:
    """The records a search or locator lookup found (none when it found nothing)."""
    if outcome is None or outcome.status is not Status.FOUND or outcome.value is None:
        return ()
    return outcome.value


def candidates_of(resolution: Resolution) -> tuple[Work, ...]:
    """Search candidates, then locator candidates."""
    return works_of(resolution.search) + works_of(resolution.locator)


def problem(outcome: Outcome[Any] | None, what: str, default_source: str) -> Evidence | None:
    """Why a lookup gave no fact, as evidence; None when it gave one (or was not needed)."""
    if outcome is None:
        return None
    where = outcome_name(outcome, default_source)
    detail = f": {outcome.detail}" if outcome.detail else ""
    if outcome.status is Status.UNAVAILABLE:
        return Evidence(codes.REGISTRY_UNAVAILABLE, f"{where} {what} unavailable{detail}")
    if outcome.status is Status.NOT_CHECKED:
        return Evidence(
            codes.NOT_CHECKED_OFFLINE, f"{where} {what} not checked (offline, no cached answer)"
        )
    if outcome.status is Status.NOT_FOUND and not outcome.authoritative:
        return Evidence(
            codes.NOT_IN_REGISTRY,
            f"{what}: not in {where} (a local snapshot's miss is no evidence){detail}",
        )
    return None


def record_key(work: Work) -> str:
    """Identity of a record across answers (the same record may carry another search score)."""
    return work.doi or f"{work.fields.title}|{work.fields.year}|{work.fields.container}"


def record_keys(outcome: Outcome[tuple[Work, ...]] | None) -> set[str]:
    """The identities of the records a lookup found."""
    return {record_key(w) for w in works_of(outcome)}


_FIELD_CODES = {
    "title": codes.TITLE_MISMATCH,
    "authors": codes.AUTHOR_MISMATCH,
    "year": codes.YEAR_MISMATCH,
    "journal": codes.CONTAINER_MISMATCH,
    "volume": codes.VOLUME_MISMATCH,
    "issue": codes.ISSUE_MISMATCH,
    "pages": codes.PAGES_MISMATCH,
}


def _mismatch(c: FieldComparison, a: Assessment) -> list[Evidence]:
    where = label(a.work)
    if c.field == "authors":
        check: AuthorCheck = a.authors
        out = []
        if check.problems:
            out.append(Evidence(codes.AUTHOR_MISMATCH, "; ".join(check.problems)))
        if check.missing:
            out.append(Evidence(codes.AUTHORS_MISSING, check.missing))
        return out
    if c.field == "journal" and c.found and c.found.startswith(PREPRINT_PREFIX):
        return [
            Evidence(
                codes.CONTAINER_MISMATCH,
                f"{where} has this work as a {c.found}; cited as published in '{c.cited}'",
            )
        ]
    name = {"journal": "journal", "pages": "pages"}.get(c.field, c.field)
    quote = "'" if c.field in ("title", "journal") else ""
    sim = f" (similarity {c.similarity:.2f})" if c.field == "title" and c.similarity else ""
    return [
        Evidence(
            _FIELD_CODES[c.field],
            f"{where} has {name} {quote}{c.found}{quote}; cited {quote}{c.cited}{quote}{sim}",
        )
    ]


def _suggest(cited: Fields, a: Assessment) -> Fields:
    """The citation with every disagreeing field replaced by the record's value."""
    work = a.work
    changes: dict[str, Any] = {}
    for c in a.disagreements:
        if c.field == "title":
            changes["title"] = full_title(work)
        elif c.field == "authors":
            changes.update(_suggest_authors(cited, a))
        elif c.field == "year":
            changes["year"] = work.fields.year
        elif c.field == "journal":
            changes["container"] = work.fields.container
        elif c.field == "volume":
            changes["volume"] = work.fields.volume
        elif c.field == "issue":
            changes["issue"] = work.fields.issue
        elif c.field == "pages":
            changes["pages"] = work.fields.pages or work.article_number
    return replace(cited, **changes)


def _suggest_authors(cited: Fields, a: Assessment) -> dict[str, Any]:
    work = a.work
    recorded = work.fields.authors
    if not work.authors_incomplete:
        return {"authors": recorded, "et_al": False}
    # A partial record: fix the names it shows, keep the cited ones it does not show.
    people = list(cited.authors)
    for i, j in a.authors.misspelt:
        if i < len(people) and j < len(recorded):
            people[i] = recorded[j]
    for i in a.authors.unmatched:
        if i < len(people) and i < len(recorded):
            people[i] = recorded[i]
    return {"authors": tuple(people)}


def _confirmation(a: Assessment, how: str) -> Evidence:
    where = label(a.work)
    agreed = [c.field for c in a.comparisons if c.agrees is True]
    what = ", ".join(agreed) if agreed else "nothing further"
    if how == "doi":
        return Evidence(
            codes.DOI_CONFIRMED, f"{where} record {a.work.doi} is the cited work (agree: {what})"
        )
    code = codes.LOCATOR_MATCH if how == "locator" else codes.SEARCH_MATCH
    way = "at the cited journal, volume and page" if how == "locator" else "by bibliographic search"
    return Evidence(code, f"found {way} in {where}: {cite(a.work)} (agree: {what})")


def via(a: Assessment, resolution: Resolution) -> str:
    """How a candidate was found: "locator" when only the locator lookup returned it."""
    key = record_key(a.work)
    in_locator = key in record_keys(resolution.locator)
    return "locator" if in_locator and key not in record_keys(resolution.search) else "search"


def matched(
    reference: Reference,
    a: Assessment,
    how: str,
    doi_state: DoiState,
    other: Work | None = None,
) -> Route:
    """A route that found the cited work: verified, or inaccurate with each error named.

    ``how`` is "doi", "search" or "locator"; ``other`` is the work the cited DOI belongs to
    when ``doi_state`` is OTHER_WORK.
    """
    cited = reference.fields
    cited_doi = reference.identifiers.doi
    errors: list[Evidence] = []
    notes: list[Evidence] = []
    for c in a.disagreements:
        errors.extend(_mismatch(c, a))
    work_doi = a.work.doi
    doi_cmp: FieldComparison | None = None
    if cited_doi:
        same = work_doi is not None and work_doi.lower() == cited_doi.lower()
        related = work_doi is not None and any(
            d.lower() == cited_doi.lower() for _, d in a.work.relations
        )
        right = work_doi or f"recorded in {label(a.work)} without a DOI"
        if doi_state is DoiState.OTHER_WORK and other is not None and not same:
            errors.insert(
                0,
                Evidence(
                    codes.DOI_WRONG,
                    f"the cited DOI {cited_doi} is {cite(other)}; the cited work is {right}",
                ),
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, 0.0, False)
        elif doi_state is DoiState.BROKEN and not same:
            errors.insert(
                0,
                Evidence(
                    codes.DOI_NOT_FOUND,
                    f"doi.org: {cited_doi} does not exist; the cited work is {right}",
                ),
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, 0.0, False)
        elif same:
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, 1.0, True)
        elif related:
            notes.append(
                Evidence(
                    codes.DOI_OTHER_VERSION,
                    f"the cited DOI {cited_doi} is a version of {work_doi} ({label(a.work)})",
                )
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, None, None)
        else:
            has = f"has this work as {work_doi}" if work_doi else "records no DOI for this work"
            notes.append(
                Evidence(
                    codes.DOI_UNCONFIRMED,
                    f"the cited DOI {cited_doi} could not be confirmed; {label(a.work)} {has}",
                )
            )
            doi_cmp = FieldComparison("doi", cited_doi, work_doi, None, None)
    journal = a.field("journal")
    if (
        journal.agrees is None
        and journal.cited
        and (journal.found or "").startswith(PREPRINT_PREFIX)
    ):
        notes.append(
            Evidence(
                codes.PREPRINT_VENUE,
                f"the record is a {journal.found}; cited as published in '{journal.cited}' "
                "(not checked)",
            )
        )
    confirm = _confirmation(a, how)
    if errors:
        return Route(
            Verdict.INACCURATE,
            errors + notes + [confirm],
            match=a,
            suggestion=_suggest(cited, a),
            suggested_doi=work_doi if work_doi and work_doi != cited_doi else None,
            doi_comparison=doi_cmp,
        )
    return Route(
        Verdict.VERIFIED,
        [confirm, *notes],
        match=a,
        suggested_doi=work_doi if work_doi and work_doi != cited_doi else None,
        doi_comparison=doi_cmp,
    )


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
    rest = sorted((*choice.unsure, *choice.different), key=lambda x: -x.score)
    for a in rest:
        years = recorded_years(a.work)
        if cited.year is not None and years and min(abs(cited.year - y) for y in years) > YEAR_FAR:
            continue  # a namesake title years apart, not a borrowed one
        evidence = other_work(cited, a, strict=True) or chimeric_title(cited, a, rest)
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


_RETRACTION = frozenset(("retraction", "withdrawal", "removal", "partial_retraction"))
_CONCERN = frozenset(("expression_of_concern",))
_CORRECTION = frozenset(("correction", "erratum", "corrigendum", "addendum"))


def work_flags(work: Work) -> tuple[tuple[Flag, ...], tuple[Evidence, ...]]:
    """Flags for a record and one evidence line for each, naming the notice when known."""
    flags: list[Flag] = []
    evidence: list[Evidence] = []
    where = label(work)

    def notices(kinds: frozenset[str]) -> str:
        """The DOIs of the notices of these kinds, for the message."""
        dois = sorted({u.doi for u in work.updates if u.type in kinds and u.doi})
        return f" (notice {', '.join(dois)})" if dois else ""

    types = {u.type for u in work.updates}
    if types & _RETRACTION or has_retracted_marker(work.fields.title):
        flags.append(Flag.RETRACTED)
        evidence.append(
            Evidence(codes.RETRACTED, f"{where}: this work is retracted{notices(_RETRACTION)}")
        )
    if types & _CONCERN:
        flags.append(Flag.EXPRESSION_OF_CONCERN)
        evidence.append(
            Evidence(
                codes.EXPRESSION_OF_CONCERN,
                f"{where}: an expression of concern is attached{notices(_CONCERN)}",
            )
        )
    if types & _CORRECTION:
        flags.append(Flag.CORRECTED)
        evidence.append(
            Evidence(codes.CORRECTED, f"{where}: a correction is attached{notices(_CORRECTION)}")
        )
    published = [doi for kind, doi in work.relations if kind in PUBLISHED_AS]
    if published and (work.fields.type in (ReferenceType.PREPRINT, None)):
        flags.append(Flag.PREPRINT_HAS_PUBLISHED_VERSION)
        evidence.append(
            Evidence(
                codes.PREPRINT_PUBLISHED,
                f"{where}: this preprint was published as {', '.join(published)}",
            )
        )
    return tuple(flags), tuple(evidence)
