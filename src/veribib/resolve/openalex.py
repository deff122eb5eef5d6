"""OpenAlex client (``{VERIBIB_OPENALEX_URL}/works``, ``/sources``).

- Works by DOI, many per request: ``/works?filter=doi:a|b|…&per-page=50``; a DOI missing from a
  complete answer is NOT_FOUND.
- A title search for works no other registry holds: ``/works?search=<title>&per-page=5``.
- Sources (venues): ``/sources?search=<name>`` — does OpenAlex know the journal, since which year,
  and how many works it has in the cited year (``counts_by_year``).

The API key (``VERIBIB_OPENALEX_API_KEY``, required by OpenAlex from February 2026) is sent as
``api_key`` to OpenAlex only, at send time: never in a cache key, stored URL, message or log.
A 401/403 means OpenAlex is not available to us: an outage for the lookup, never evidence and
never a reason to stop the run. ``mailto`` joins the polite pool.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from veribib.config import Settings
from veribib.model import Fields, Outcome, Person, ReferenceType, Status, VenueFact, Work
from veribib.resolve.http import REFUSED, RegistryClient, Reply, Result, Unavailable, lookup_many
from veribib.resolve.normalize import content_words, words
from veribib.resolve.ratelimit import PoolSpec
from veribib.resolve.records import clean_text

SOURCE = "openalex"
DOI_BATCH = 50  # OpenAlex's OR filter takes up to 100 values; per-page at most 200
# OpenAlex: at most 100 requests per second (docs, rate limits); we stay far below.
OPENALEX_LIMITS = {"single": PoolSpec(10)}
OPENALEX_CONCURRENCY = 3

_TYPES: dict[str, ReferenceType] = {
    "article": ReferenceType.JOURNAL_ARTICLE,
    "journal-article": ReferenceType.JOURNAL_ARTICLE,
    "proceedings-article": ReferenceType.PROCEEDINGS_ARTICLE,
    "book": ReferenceType.BOOK,
    "book-chapter": ReferenceType.BOOK_CHAPTER,
    "dissertation": ReferenceType.THESIS,
    "report": ReferenceType.REPORT,
    "preprint": ReferenceType.PREPRINT,
    "posted-content": ReferenceType.PREPRINT,
    "dataset": ReferenceType.DATASET,
    "standard": ReferenceType.STANDARD,
}


def _short_doi(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    doi = value.lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "doi:"):
        if doi.startswith(prefix):
            doi = doi[len(prefix) :]
    return doi or None


def _person(name: str) -> Person:
    parts = name.split()
    if len(parts) < 2:
        return Person(family=name)
    return Person(family=parts[-1], given=" ".join(parts[:-1]))


def work_from_openalex(data: Mapping[str, Any]) -> Work:
    """An OpenAlex work object as a Work."""
    authors = []
    for a in data.get("authorships") or ():
        if isinstance(a, Mapping) and isinstance(a.get("author"), Mapping):
            name = clean_text(a["author"].get("display_name")) or clean_text(
                a.get("raw_author_name")
            )
            if name:
                authors.append(_person(name))
    location = data.get("primary_location")
    source = location.get("source") if isinstance(location, Mapping) else None
    container = clean_text(source.get("display_name")) if isinstance(source, Mapping) else None
    issn = tuple(source.get("issn") or ()) if isinstance(source, Mapping) else ()
    raw_biblio = data.get("biblio")
    biblio: Mapping[str, Any] = raw_biblio if isinstance(raw_biblio, Mapping) else {}
    first, last = biblio.get("first_page"), biblio.get("last_page")
    pages = f"{first}-{last}" if first and last and first != last else first or None
    year = data.get("publication_year")
    kind = data.get("type_crossref") or data.get("type")
    return Work(
        source=SOURCE,
        doi=_short_doi(data.get("doi")),
        fields=Fields(
            authors=tuple(authors),
            year=year if isinstance(year, int) else None,
            title=clean_text(data.get("title")) or clean_text(data.get("display_name")),
            container=container,
            volume=clean_text(biblio.get("volume")),
            issue=clean_text(biblio.get("issue")),
            pages=clean_text(pages),
            url=clean_text(data.get("id")),
            type=_TYPES.get(kind) if isinstance(kind, str) else None,
        ),
        issn=tuple(str(i) for i in issn if i),
    )


def _is_list(data: Any) -> bool:
    return isinstance(data, Mapping) and isinstance(data.get("results"), list)


def _same_name(cited: str, name: str) -> bool:
    """The cited venue is this source's name, written out or abbreviated word by word
    ("Am J Bot" for "American Journal of Botany"; stopwords may be left out)."""
    for want, have in ((words(cited), words(name)), (content_words(cited), content_words(name))):
        same_length = bool(want) and len(want) == len(have)
        if same_length and all(h.startswith(w) for w, h in zip(want, have, strict=True)):
            return True
    return False


class OpenAlexClient(RegistryClient):
    """OpenAlex over HTTP: works by DOI and title, and sources (venues)."""

    name = SOURCE
    authoritative = True

    url_setting = "openalex_url"
    service_label = "OpenAlex"
    pool_specs = OPENALEX_LIMITS
    concurrency = OPENALEX_CONCURRENCY
    default_batch = DOI_BATCH

    def service_options(self, settings: Settings) -> dict[str, Any]:
        """The polite pool's mailto, the API key (sent only here), and a 401/403 as an outage."""
        return {
            "mailto_param": True,
            "secret_params": [("api_key", settings.openalex_api_key or "")],
            "refusal_stops": False,
        }

    def _refused(self, result: Result) -> Outcome[Any] | None:
        """A 401/403: OpenAlex is not available to us (a key is needed): unknown, not evidence."""
        if isinstance(result, Reply) and result.status in REFUSED:
            return Outcome(
                Status.UNAVAILABLE,
                source=SOURCE,
                detail=f"OpenAlex refused access (HTTP {result.status}); set "
                "VERIBIB_OPENALEX_API_KEY",
                url=result.url,
            )
        return None

    # --- works by DOI ----------------------------------------------------------------------

    def _work_path(self, doi: str) -> str:
        return f"/works/https://doi.org/{doi}"

    def _work_outcome(self, result: Result) -> Outcome[Work]:
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        if (refused := self._refused(result)) is not None:
            return refused
        if result.status == 200 and isinstance(result.data, Mapping) and result.data.get("id"):
            return Outcome(
                Status.FOUND, work_from_openalex(result.data), source=SOURCE, url=result.url
            )
        if result.status == 404:
            return self._not_found(result, "OpenAlex has no work with this DOI")
        return self._unexpected(result)

    async def work(self, doi: str) -> Outcome[Work]:
        """One DOI through ``/works/https://doi.org/{doi}``."""
        result = await self.service.get(self._work_path(doi), expect_json=False)
        return self._work_outcome(result)

    def _cached(self, doi: str) -> Outcome[Work] | None:
        hit = self.service.cached(self.service.url(self._work_path(doi)))
        return None if hit is None else self._work_outcome(hit)

    async def _batch(self, dois: list[str]) -> dict[str, Outcome[Work]]:
        params = [("filter", "doi:" + "|".join(dois)), ("per-page", str(len(dois)))]
        result = await self.service.get("/works", params, validate=_is_list, use_cache=False)
        if isinstance(result, Unavailable):
            return {d: self._unavailable(result) for d in dois}
        if (refused := self._refused(result)) is not None:
            return {d: refused for d in dois}
        if result.status != 200 or not _is_list(result.data):
            return {d: self._unexpected(result) for d in dois}
        by_doi = {}
        for item in result.data["results"]:
            if isinstance(item, Mapping) and (doi := _short_doi(item.get("doi"))):
                by_doi[doi] = item
        meta = result.data.get("meta")
        total = meta.get("count") if isinstance(meta, Mapping) else None
        complete = isinstance(total, int) and total <= len(by_doi)
        out: dict[str, Outcome[Work]] = {}
        for d in dois:
            item = by_doi.get(d)
            if item is not None:
                out[d] = Outcome(
                    Status.FOUND, work_from_openalex(item), source=SOURCE, url=result.url
                )
            elif complete:
                out[d] = self._not_found(result, "OpenAlex has no work with this DOI")
            else:
                out[d] = await self.work(d)
        return out

    async def works_by_doi(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        """Many DOIs, ``batch_size`` per ``filter=doi:a|b`` request."""
        return await lookup_many(
            dois,
            key=lambda d: d.strip().lower(),
            cached=self._cached,
            listable=lambda d: d.startswith("10.") and "|" not in d and "," not in d,
            batch=self._batch,
            single=self.work,
            batch_size=self.batch_size,
        )

    # --- search ----------------------------------------------------------------------------

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        """Works whose title matches the cited title (``/works?search=``)."""
        title = " ".join(words(fields.title or ""))
        if not title:
            return Outcome(Status.NOT_CHECKED, source=SOURCE, detail="no title to search")
        params = [("search", title), ("per-page", str(max(1, min(rows, 25))))]
        result = await self.service.get("/works", params, validate=_is_list)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        if (refused := self._refused(result)) is not None:
            return refused
        if result.status != 200 or not _is_list(result.data):
            return self._unexpected(result)
        works = tuple(
            work_from_openalex(item) for item in result.data["results"] if isinstance(item, Mapping)
        )
        return Outcome(
            Status.FOUND if works else Status.NOT_FOUND,
            works,
            source=SOURCE,
            url=result.url,
            detail="" if works else "OpenAlex search found nothing",
        )

    # --- sources ---------------------------------------------------------------------------

    async def source(self, name: str, year: int | None = None) -> Outcome[VenueFact]:
        """Does OpenAlex know a venue of this name; since when; how many works in ``year``."""
        plain = " ".join(words(name))
        if not plain:
            return Outcome(Status.NOT_CHECKED, source=SOURCE, detail="no venue name")
        params = [("search", plain), ("per-page", "10")]
        result = await self.service.get("/sources", params, validate=_is_list)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        if (refused := self._refused(result)) is not None:
            return refused
        if result.status != 200 or not _is_list(result.data):
            return self._unexpected(result)
        for item in result.data["results"]:
            if not isinstance(item, Mapping):
                continue
            names = [item.get("display_name"), item.get("abbreviated_title")]
            names += list(item.get("alternate_titles") or ())
            if not any(isinstance(n, str) and _same_name(name, n) for n in names):
                continue
            counts = {
                c.get("year"): c.get("works_count")
                for c in item.get("counts_by_year") or ()
                if isinstance(c, Mapping)
            }
            years = [y for y, n in counts.items() if isinstance(y, int) and n]
            in_year = counts.get(year) if year is not None else None
            fact = VenueFact(
                SOURCE,
                name,
                True,
                name=clean_text(item.get("display_name")),
                since=min(years) if years else None,
                year=year,
                works_in_year=in_year if isinstance(in_year, int) else None,
            )
            return Outcome(Status.FOUND, fact, source=SOURCE, url=result.url)
        return Outcome(
            Status.FOUND, VenueFact(SOURCE, name, False, year=year), source=SOURCE, url=result.url
        )


__all__ = ["OPENALEX_LIMITS", "OpenAlexClient", "work_from_openalex"]
