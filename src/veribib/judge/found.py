"""A route that found the cited work: verified, or inaccurate with every error named and fixed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from veribib.judge import codes
from veribib.judge.authors import AuthorCheck
from veribib.judge.compare import PREPRINT_PREFIX, full_title
from veribib.judge.describe import cite, label
from veribib.judge.match import Assessment
from veribib.judge.route import DoiState, Route, record_key, record_keys
from veribib.model import Evidence, FieldComparison, Fields, Reference, Resolution, Verdict, Work

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
