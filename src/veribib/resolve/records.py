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
from veribib.reference.identifiers import find_dois

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


# Characters no registry puts in a title or name: controls other than white space, DEL, C1,
# and U+FFFD (text that was already garbled on the way).
_GARBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def _texts_ok(value: object, *, single: bool = False) -> bool:
    """A Crossref text field as the schema has it: a list of clean strings (or one, if allowed)."""
    if isinstance(value, str):
        return single and not _GARBLE.search(value)
    return isinstance(value, list) and all(
        isinstance(v, str) and not _GARBLE.search(v) for v in value
    )


def _people_ok(value: object, keys: tuple[str, ...]) -> bool:
    """A list of person objects whose name parts are clean strings."""
    if not isinstance(value, list):
        return False
    for person in value:
        if not isinstance(person, Mapping):
            return False
        for key in keys:
            part = person.get(key)
            if part is not None and not (isinstance(part, str) and not _GARBLE.search(part)):
                return False
    return True


# The DOI grammar ("10." registrant "/" suffix) without what no real DOI holds: white space,
# controls, braces, quotes, backslashes (a record's DOI is written into BibTeX and URLs).
_DOI = re.compile(r'^10\.\d{4,9}(?:\.\d+)*/[^\s{}"\\\x00-\x1f\x7f]+$')


def is_doi(value: object) -> bool:
    """True when ``value`` is a string matching the DOI grammar."""
    return isinstance(value, str) and _DOI.match(value) is not None


_CROSSREF_TEXT_LISTS = ("title", "subtitle", "container-title", "short-container-title", "ISSN")
_CROSSREF_SCALARS = ("DOI", "type", "publisher", "volume", "issue", "page", "URL")


def crossref_schema_problem(message: object) -> str | None:
    """Why a Crossref work does not have the schema's types (None when it does).

    A record with ``author`` as a string or ``title`` as a number is garbled, not a record with
    no authors or no title: it is no evidence either way and must not be judged or cached.
    """
    if not isinstance(message, Mapping):
        return "the work is not an object"
    for key in _CROSSREF_TEXT_LISTS:
        if key in message and not _texts_ok(message[key]):
            return f"{key} is not a list of strings"
    for key in _CROSSREF_SCALARS:
        value = message.get(key)
        if value is not None and not (
            (isinstance(value, str) and not _GARBLE.search(value))
            or (key in ("volume", "issue") and isinstance(value, int))
        ):
            return f"{key} is not a string"
    if "DOI" in message and not is_doi(message["DOI"]):
        return "DOI does not match the DOI grammar"
    for key in ("author", "editor"):
        if key in message and not _people_ok(message[key], ("family", "given", "name")):
            return f"{key} is not a list of people"
    for key in ("issued", "published", "published-print", "published-online", "posted"):
        date = message.get(key)
        if date is not None and not (
            isinstance(date, Mapping) and isinstance(date.get("date-parts", []), list)
        ):
            return f"{key} is not a date"
    return None


def datacite_schema_problem(data: object) -> str | None:
    """Why a DataCite ``data`` object does not have the schema's types (None when it does)."""
    if not isinstance(data, Mapping):
        return "data is not an object"
    attrs = data.get("attributes")
    if attrs is None:
        return None
    if not isinstance(attrs, Mapping):
        return "attributes is not an object"
    titles = attrs.get("titles")
    if titles is not None and not (
        isinstance(titles, list)
        and all(
            isinstance(t, Mapping)
            and isinstance(t.get("title", ""), str)
            and not _GARBLE.search(str(t.get("title", "")))
            for t in titles
        )
    ):
        return "titles is not a list of titles"
    creators = attrs.get("creators")
    if creators is not None and not _people_ok(creators, ("name", "givenName", "familyName")):
        return "creators is not a list of people"
    doi = attrs.get("doi")
    if doi is not None and not is_doi(doi):
        return "doi does not match the DOI grammar"
    return None


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


def _ctgov_interventions(module: Mapping[str, Any]) -> tuple[str, ...]:
    """Intervention names and their other names (code names, brand names)."""
    names: list[str] = []
    for item in module.get("interventions") or ():
        if not isinstance(item, Mapping):
            continue
        names += [n for n in (clean_text(item.get("name")),) if n]
        names += list(_all(item.get("otherNames")))
    return tuple(dict.fromkeys(names))


def _ctgov_described(proto: Mapping[str, Any]) -> tuple[str, ...]:
    """The brief summary, collaborators, outcome measures, arm groups' labels and descriptions."""

    def get(name: str) -> Mapping[str, Any]:
        value = proto.get(name)
        return value if isinstance(value, Mapping) else {}

    out: list[str | None] = [clean_text(get("descriptionModule").get("briefSummary"))]
    # collaborators are named in citations as often as the lead sponsor
    for item in get("sponsorCollaboratorsModule").get("collaborators") or ():
        if isinstance(item, Mapping):
            out.append(clean_text(item.get("name")))
    outcomes = get("outcomesModule")
    for kind in ("primaryOutcomes", "secondaryOutcomes", "otherOutcomes"):
        items = outcomes.get(kind)
        for item in items if isinstance(items, list) else ():
            if isinstance(item, Mapping):
                out.append(clean_text(item.get("measure")))
    groups = get("armsInterventionsModule").get("armGroups")
    for group in groups if isinstance(groups, list) else ():
        if isinstance(group, Mapping):
            out += [clean_text(group.get("label")), clean_text(group.get("description"))]
    return tuple(dict.fromkeys(t for t in out if t))


def _ctgov_ids(ident: Mapping[str, Any]) -> tuple[str, ...]:
    """The organisation's study id and every secondary id (EudraCT, grant, protocol numbers)."""
    out: list[str] = []
    org = ident.get("orgStudyIdInfo")
    infos = [org] if isinstance(org, Mapping) else []
    secondary = ident.get("secondaryIdInfos")
    infos += [i for i in secondary if isinstance(i, Mapping)] if isinstance(secondary, list) else []
    for info in infos:
        value = clean_text(info.get("id"))
        if value:
            out.append(value)
    return tuple(dict.fromkeys(out))


_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$", re.IGNORECASE)
_PER_YEAR = {
    "year": 1.0,
    "month": 12.0,
    "week": 52.0,
    "day": 365.0,
    "hour": 8760.0,
    "minute": 525600.0,
}


def _age(value: object) -> float | None:
    """A ClinicalTrials.gov age ("18 Years", "6 Weeks") in years; None if absent or unreadable."""
    m = _AGE.match(value) if isinstance(value, str) else None
    return float(m.group(1)) / _PER_YEAR[m.group(2).lower()] if m else None


def _ctgov_sex(module: Mapping[str, Any]) -> str | None:
    sex = str(module.get("sex") or "").upper()
    return sex if sex in ("ALL", "FEMALE", "MALE") else None


def _ctgov_countries(module: Mapping[str, Any]) -> tuple[str, ...]:
    """The countries of a study's sites, each once, as the record writes them."""
    locations = module.get("locations")
    found = (
        clean_text(place.get("country"))
        for place in (locations if isinstance(locations, list) else ())
        if isinstance(place, Mapping)
    )
    return tuple(dict.fromkeys(c for c in found if c))


_RESULT_TYPES = frozenset(("RESULT", "DERIVED"))


def _ctgov_publications(module: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """PMIDs and DOIs of the publications a record lists as its results."""
    pmids: list[str] = []
    dois: list[str] = []
    for ref in module.get("references") or ():
        if not isinstance(ref, Mapping) or str(ref.get("type", "")).upper() not in _RESULT_TYPES:
            continue
        pmid = clean_text(ref.get("pmid"))
        if pmid and pmid.isdigit():
            pmids.append(str(int(pmid)))
        dois += find_dois(clean_text(ref.get("citation")) or "")
    return tuple(dict.fromkeys(pmids)), tuple(dict.fromkeys(dois))


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
    lead = module("sponsorCollaboratorsModule").get("leadSponsor")
    derived = study.get("derivedSection")
    misc = derived.get("miscInfoModule") if isinstance(derived, Mapping) else None
    aliases = misc.get("nctIdAliases", ()) if isinstance(misc, Mapping) else ()
    pmids, dois = _ctgov_publications(module("referencesModule"))
    eligible = module("eligibilityModule")
    return Trial(
        id=str(ident.get("nctId", "")).upper(),
        brief_title=clean_text(ident.get("briefTitle")) or "",
        official_title=clean_text(ident.get("officialTitle")),
        acronym=clean_text(ident.get("acronym")),
        conditions=_all(module("conditionsModule").get("conditions")),
        interventions=_ctgov_interventions(module("armsInterventionsModule")),
        keywords=_all(module("conditionsModule").get("keywords")),
        described=_ctgov_described(proto),
        sponsor=clean_text(lead.get("name")) if isinstance(lead, Mapping) else None,
        start_year=int(start_date[:4])
        if isinstance(start_date, str) and start_date[:4].isdigit()
        else None,
        aliases=tuple(str(a).upper() for a in aliases) if isinstance(aliases, list) else (),
        secondary_ids=_ctgov_ids(ident),
        pmids=pmids,
        dois=dois,
        sex=_ctgov_sex(eligible),
        min_age=_age(eligible.get("minimumAge")),
        max_age=_age(eligible.get("maximumAge")),
        countries=_ctgov_countries(module("contactsLocationsModule")),
    )
