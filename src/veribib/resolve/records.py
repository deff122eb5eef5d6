"""Turn registry JSON (Crossref works, DataCite DOIs, ClinicalTrials.gov studies) into model types.

Shared by the live clients and the offline snapshot so every source normalises the same way.
Unknown or malformed fields become ``None``/empty (unknown), never guesses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from veribib.model import Fields, Person, ReferenceType, Trial, Update, Work

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")

_CROSSREF_TYPES: dict[str, ReferenceType] = {
    "journal-article": ReferenceType.JOURNAL_ARTICLE,
    "proceedings-article": ReferenceType.PROCEEDINGS_ARTICLE,
    "book": ReferenceType.BOOK,
    "monograph": ReferenceType.BOOK,
    "edited-book": ReferenceType.BOOK,
    "reference-book": ReferenceType.BOOK,
    "book-chapter": ReferenceType.BOOK_CHAPTER,
    "book-section": ReferenceType.BOOK_CHAPTER,
    "book-part": ReferenceType.BOOK_CHAPTER,
    "reference-entry": ReferenceType.BOOK_CHAPTER,
    "dissertation": ReferenceType.THESIS,
    "report": ReferenceType.REPORT,
    "report-component": ReferenceType.REPORT,
    "posted-content": ReferenceType.PREPRINT,
    "dataset": ReferenceType.DATASET,
    "standard": ReferenceType.STANDARD,
}

_DATACITE_TYPES: dict[str, ReferenceType] = {
    "JournalArticle": ReferenceType.JOURNAL_ARTICLE,
    "ConferencePaper": ReferenceType.PROCEEDINGS_ARTICLE,
    "Book": ReferenceType.BOOK,
    "BookChapter": ReferenceType.BOOK_CHAPTER,
    "Dissertation": ReferenceType.THESIS,
    "Report": ReferenceType.REPORT,
    "Preprint": ReferenceType.PREPRINT,
    "Dataset": ReferenceType.DATASET,
    "Standard": ReferenceType.STANDARD,
}


def clean_text(value: object) -> str | None:
    """Strip JATS/HTML tags and entities and fold white space; None for empty or non-text."""
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", html.unescape(_TAGS.sub("", value))).strip()
    return text or None


def _first(value: object) -> str | None:
    """First non-empty string of a Crossref list field (title, container-title, ...)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Sequence):
        for item in value:
            text = clean_text(item)
            if text:
                return text
    return None


def _all(value: object) -> tuple[str, ...]:
    """Every non-empty string of a Crossref list field."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return ()
    return tuple(t for t in (clean_text(v) for v in value) if t)


def _year(*dates: object) -> int | None:
    """The year of the first Crossref date object (``{"date-parts": [[y, m, d]]}``) that has one."""
    for date in dates:
        if not isinstance(date, Mapping):
            continue
        parts = date.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = parts[0][0]
            if isinstance(year, int) and 1000 <= year <= 9999:
                return year
            if isinstance(year, str) and year.isdigit():
                return int(year)
    return None


def _years(*dates: object) -> tuple[int, ...]:
    """Every distinct year the given Crossref date objects carry, in the order given."""
    out: list[int] = []
    for date in dates:
        year = _year(date)
        if year is not None and year not in out:
            out.append(year)
    return tuple(out)


def _crossref_people(people: object) -> tuple[Person, ...]:
    """Crossref ``author``/``editor`` lists to Person tuples (organisations keep their name)."""
    if not isinstance(people, list):
        return ()
    out: list[Person] = []
    for p in people:
        if not isinstance(p, Mapping):
            continue
        family = clean_text(p.get("family")) or clean_text(p.get("name"))
        if family:
            out.append(Person(family=family, given=clean_text(p.get("given")) or ""))
    return tuple(out)


def _head_first(people: object) -> bool:
    """The first name of a Crossref ``author`` list is marked ``"sequence": "first"``."""
    return (
        isinstance(people, list)
        and bool(people)
        and isinstance(people[0], Mapping)
        and people[0].get("sequence") == "first"
    )


def _text(value: object) -> str | None:
    """A scalar field as text (volume "42", page "1185-1193"); None when absent."""
    if isinstance(value, int):
        return str(value)
    return clean_text(value)


def _updates(items: object) -> tuple[Update, ...]:
    """Crossref ``updated-by`` entries, one Update each."""
    if not isinstance(items, list):
        return ()
    out: list[Update] = []
    for u in items:
        if isinstance(u, Mapping) and isinstance(u.get("type"), str):
            out.append(
                Update(
                    type=str(u["type"]).replace("-", "_"),
                    doi=_text(u.get("DOI")),
                    source=_text(u.get("source")),
                    label=_text(u.get("label")),
                )
            )
    return tuple(out)


def _relations(rel: object) -> tuple[tuple[str, str], ...]:
    """Crossref ``relation`` as (type, DOI) pairs, DOI relations only."""
    if not isinstance(rel, Mapping):
        return ()
    out: list[tuple[str, str]] = []
    for kind, items in rel.items():
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, Mapping) and item.get("id-type") == "doi" and item.get("id"):
                out.append((str(kind), str(item["id"]).lower()))
    return tuple(out)


def work_from_crossref(message: Mapping[str, Any], source: str = "crossref") -> Work:
    """A Crossref ``message`` (API work or Crossref public-data-file line) as a Work."""
    title = _first(message.get("title"))
    subtitle = _first(message.get("subtitle"))
    doi = message.get("DOI")
    provenance = message.get("x-provenance")
    missing: tuple[str, ...] = ()
    incomplete = False
    if isinstance(provenance, Mapping):
        missing = tuple(str(x) for x in provenance.get("fields_not_seen") or ())
        incomplete = bool(provenance.get("author_list_truncated"))
        if incomplete and not _head_first(message.get("author")):
            # A partial list is the head of the real one only when its first name is marked
            # first; otherwise which authors it shows is not known.
            missing = (*missing, "author order")
    kind = message.get("type")
    score = message.get("score")
    dates = tuple(
        message.get(k)
        for k in ("issued", "published", "published-print", "published-online", "posted")
    )
    fields = Fields(
        authors=_crossref_people(message.get("author")),
        year=_year(*dates),
        title=title,
        container=_first(message.get("container-title")),
        volume=_text(message.get("volume")),
        issue=_text(message.get("issue")),
        pages=_text(message.get("page")) or _first(message.get("article-number")),
        publisher=_text(message.get("publisher")),
        editors=_crossref_people(message.get("editor")),
        url=_text(message.get("URL")),
        type=_CROSSREF_TYPES.get(kind, ReferenceType.OTHER) if isinstance(kind, str) else None,
    )
    trials = message.get("clinical-trial-number")
    return Work(
        source=source,
        doi=str(doi).lower() if isinstance(doi, str) and doi else None,
        fields=fields,
        container_short=_all(message.get("short-container-title")),
        issn=_all(message.get("ISSN")),
        subtitle=subtitle,
        article_number=_first(message.get("article-number")),
        updates=_updates(message.get("updated-by")),
        relations=_relations(message.get("relation")),
        trial_numbers=tuple(
            str(t["clinical-trial-number"]).upper()
            for t in trials
            if isinstance(t, Mapping) and t.get("clinical-trial-number")
        )
        if isinstance(trials, list)
        else (),
        authors_incomplete=incomplete,
        missing_fields=missing,
        score=float(score) if isinstance(score, int | float) else None,
        years=_years(*dates),
    )


# What ``work_from_crossref`` reads of a Crossref record; the rest (reference lists, funders,
# licences, links, affiliations) is not cached: a work's cached answer shrinks several-fold.
_CROSSREF_KEPT = frozenset(
    (
        "DOI",
        "title",
        "subtitle",
        "x-provenance",
        "type",
        "score",
        "issued",
        "published",
        "published-print",
        "published-online",
        "posted",
        "container-title",
        "short-container-title",
        "volume",
        "issue",
        "page",
        "article-number",
        "publisher",
        "URL",
        "ISSN",
        "updated-by",
        "relation",
        "clinical-trial-number",
    )
)
_PERSON_KEPT = ("family", "given", "name", "sequence")


def compact_crossref(message: Mapping[str, Any]) -> dict[str, Any]:
    """A Crossref record with only what ``work_from_crossref`` reads: the same Work from it."""
    out = {k: v for k, v in message.items() if k in _CROSSREF_KEPT}
    for role in ("author", "editor"):
        people = message.get(role)
        if isinstance(people, list):
            out[role] = [
                {k: p[k] for k in _PERSON_KEPT if k in p} if isinstance(p, Mapping) else p
                for p in people
            ]
    return out


def work_from_datacite(data: Mapping[str, Any]) -> Work:
    """A DataCite JSON:API ``data`` object (``/dois/{doi}``) as a Work."""
    attrs = data.get("attributes")
    if not isinstance(attrs, Mapping):
        attrs = {}
    people: list[Person] = []
    for c in attrs.get("creators") or ():
        if not isinstance(c, Mapping):
            continue
        family = clean_text(c.get("familyName"))
        given = clean_text(c.get("givenName")) or ""
        if not family:
            name = clean_text(c.get("name")) or ""
            family, _, rest = name.partition(", ") if ", " in name else (name, "", "")
            given = given or rest
        if family:
            people.append(Person(family=family, given=given))
    titles = attrs.get("titles") or ()
    title = next(
        (clean_text(t.get("title")) for t in titles if isinstance(t, Mapping) and t.get("title")),
        None,
    )
    year = attrs.get("publicationYear")
    types = attrs.get("types")
    general = types.get("resourceTypeGeneral") if isinstance(types, Mapping) else None
    container = attrs.get("container")
    doi = attrs.get("doi") or data.get("id")
    return Work(
        source="datacite",
        doi=str(doi).lower() if doi else None,
        fields=Fields(
            authors=tuple(people),
            year=int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
            title=title,
            container=clean_text(container.get("title"))
            if isinstance(container, Mapping)
            else None,
            publisher=_text(attrs.get("publisher"))
            if not isinstance(attrs.get("publisher"), Mapping)
            else _text(attrs["publisher"].get("name")),
            url=_text(attrs.get("url")),
            type=_DATACITE_TYPES.get(general, ReferenceType.OTHER)
            if isinstance(general, str)
            else None,
        ),
    )


def trial_from_ctgov(study: Mapping[str, Any]) -> Trial:
    """A ClinicalTrials.gov v2 study record as a Trial."""
    proto = study.get("protocolSection")
    if not isinstance(proto, Mapping):
        proto = {}

    def module(name: str) -> Mapping[str, Any]:
        value = proto.get(name)
        return value if isinstance(value, Mapping) else {}

    ident = module("identificationModule")
    start = module("statusModule").get("startDateStruct")
    start_date = start.get("date") if isinstance(start, Mapping) else None
    interventions = module("armsInterventionsModule").get("interventions") or ()
    lead = module("sponsorCollaboratorsModule").get("leadSponsor")
    aliases = study.get("derivedSection", {}).get("miscInfoModule", {}).get("nctIdAliases", ())
    return Trial(
        id=str(ident.get("nctId", "")).upper(),
        brief_title=clean_text(ident.get("briefTitle")) or "",
        official_title=clean_text(ident.get("officialTitle")),
        acronym=clean_text(ident.get("acronym")),
        conditions=_all(module("conditionsModule").get("conditions")),
        interventions=tuple(
            n
            for n in (clean_text(i.get("name")) for i in interventions if isinstance(i, Mapping))
            if n
        ),
        keywords=_all(module("conditionsModule").get("keywords")),
        sponsor=clean_text(lead.get("name")) if isinstance(lead, Mapping) else None,
        start_year=int(start_date[:4])
        if isinstance(start_date, str) and start_date[:4].isdigit()
        else None,
        aliases=tuple(str(a).upper() for a in aliases) if isinstance(aliases, list) else (),
    )
