"""Crossref REST API client: works by DOI (many per request), search, locator lookups, journals.

Decisions, measured or argued:

* ``works_by_doi`` asks for up to ``DOI_BATCH`` DOIs per request with the repeated ``doi:``
  filter (``/works?filter=doi:a,doi:b&rows=n``, list pool). Measured on the 502 recorded DOIs
  (``scripts/bench_resolve.py --sweep``, polite limits, 50 ms latency): batches of 10 / 20 / 50 /
  100 take 16.9 / 8.5 / 3.3 / 1.3 s with longest URLs of 0.5 / 0.9 / 2.1 / 3.9 KB. 100 is the
  most one answer page carries by default (``rows`` up to 1,000 is allowed) and keeps URLs near
  4 KB, under common 8 KB request-line limits: 1,000 DOIs cost 10 list requests (about 3.3 s at
  the polite 3/s) instead of 1,000 single ones (100 s at 10/s).
* A DOI absent from a *complete* filter answer (``total-results`` equal to the items returned)
  is NOT_FOUND, the same fact a single ``/works/{doi}`` 404 would give: Crossref holds no record,
  which does not mean the DOI does not exist. Confirming each miss with a single request would
  cost a single-pool request per miss and tell nothing new; the resolver asks doi.org about every
  Crossref miss anyway, and should call ``work(doi)`` only when doi.org says the DOI is Crossref's
  (an index lag or a filter glitch). Incomplete answers, and DOIs a filter cannot carry (with a
  comma), go through single ``/works/{doi}`` requests.
* Batch answers are cached per DOI under the single-work URL, so a later run with a different
  mix of DOIs reuses them.
* ``search`` sends the reference as ``query.bibliographic`` (Crossref's citation-matching query)
  with no ``from-pub-date``/``until-pub-date`` filter: the year is already part of the query
  string, and a filter would hide the right work whenever the cited year is off (online-first vs
  print year, or the very errors we are looking for).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from veribib.config import Settings
from veribib.model import Fields, Outcome, Status, Work
from veribib.resolve.http import (
    RegistryClient,
    Reply,
    Result,
    Unavailable,
    gather_or_raise,
    lookup_many,
)
from veribib.resolve.ratelimit import PoolLimiter, crossref_pools
from veribib.resolve.records import compact_crossref, crossref_schema_problem, work_from_crossref

SOURCE = "crossref"
DOI_BATCH = 100
LOCATOR_ROWS = 20
# The journal coverage probe asks for this many works of the cited journal within this many
# years of the cited year: enough rows to find the journal among others with similar names
# (the judge takes a work of the cited year, or works of the years either side, as coverage).
VENUE_ROWS = 20
VENUE_YEARS = 1
# Only the fields the judge compares: the probe's answers stay small.
_VENUE_SELECT = (
    "DOI,title,container-title,short-container-title,ISSN,type,issued,published-print,"
    "published-online,posted,volume,page"
)
NOT_HELD = "Crossref has no record of this DOI (it may be registered with another agency)"

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CONTAINER_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "la"})


@dataclass(frozen=True, slots=True)
class Journal:
    """A journal as Crossref's ``/journals/{issn}`` records it."""

    issn: str
    title: str | None
    publisher: str | None
    issns: tuple[str, ...] = ()


def doi_path(doi: str) -> str:
    """A DOI as a URL path segment: slashes kept, everything unsafe percent-encoded."""
    return quote(doi, safe="/()")


def _message(data: Any) -> Any:
    return data.get("message") if isinstance(data, Mapping) else None


def crossref_miss(reply: Reply) -> bool:
    """A 4xx in Crossref's own shape: "Resource not found." or a validation-failure message.

    Anything else (a proxy's 404 page, an empty body) is not Crossref saying it has no such
    record, so it is no evidence that the record does not exist.
    """
    if reply.status in (404, 410):
        return reply.body.strip().startswith(b"Resource not found")
    data = reply.data
    return isinstance(data, Mapping) and data.get("message-type") == "validation-failure"


def _is_message(data: Any) -> bool:
    return isinstance(_message(data), Mapping)


def _is_work(data: Any) -> bool:
    """A single-work answer whose record has the schema's types (else it is garbled)."""
    return crossref_schema_problem(_message(data)) is None


def _is_work_list(data: Any) -> bool:
    """A work list whose every item has the schema's types."""
    message = _message(data)
    if not isinstance(message, Mapping) or not isinstance(message.get("items"), list):
        return False
    return all(crossref_schema_problem(item) is None for item in message["items"])


def _items(reply: Reply) -> list[Mapping[str, Any]]:
    message = _message(reply.data)
    items = message.get("items") if isinstance(message, Mapping) else None
    return [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []


def _cached_note(reply: Reply) -> str:
    return "from cache" if reply.from_cache else ""


def _words(text: str | None) -> list[str]:
    return _WORD.findall(text.lower()) if text else []


def container_matches(cited: str, titles: Iterable[str]) -> bool:
    """True when a cited journal name (full or abbreviated, e.g. ``J Biol Chem``) fits a title.

    Each cited word must be a prefix of the title's next significant words, in order.
    """
    want = [w for w in _words(cited) if w not in _CONTAINER_STOPWORDS]
    if not want:
        return False
    for title in titles:
        have = [w for w in _words(title) if w not in _CONTAINER_STOPWORDS]
        if want == have:
            return True
        position = 0
        for word in want:
            while position < len(have) and not have[position].startswith(word):
                position += 1
            if position == len(have):
                break
            position += 1
        else:
            return True
    return False


def _page_key(page: str | None) -> str | None:
    """First page or article number, lower-case, without an ``e`` e-locator prefix."""
    if not page:
        return None
    first = re.split(r"[-–—,\s]", page.strip(), maxsplit=1)[0].lower()
    if len(first) > 1 and first[0] == "e" and first[1:].isdigit():
        first = first[1:]
    return first.lstrip("0") or first or None


def at_locator(work: Work, container: str, volume: str | None, first_page: str) -> bool:
    """True when a work sits at the cited journal, volume and first page (or article number)."""
    if volume and (work.fields.volume or "").strip().lower() != volume.strip().lower():
        return False
    wanted = _page_key(first_page)
    pages = {_page_key(work.fields.pages), _page_key(work.article_number)} - {None}
    if wanted is None or wanted not in pages:
        return False
    titles = [t for t in (work.fields.container, *work.container_short) if t]
    return container_matches(container, titles)


def bibliographic_query(fields: Fields) -> str:
    """A ``query.bibliographic`` string from parsed fields: authors, title, venue, year."""
    parts: list[str] = [p.family for p in fields.authors[:4]]
    for value in (fields.title, fields.container, fields.year, fields.volume, fields.pages):
        if value:
            parts.append(str(value))
    return " ".join(parts)


def compact_list(body: bytes) -> bytes:
    """A work-list answer with each item cut to what is read of it (what the cache keeps)."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    message = _message(data)
    if not _is_work_list(data):
        return body
    kept = {k: message[k] for k in ("total-results",) if k in message}
    kept["items"] = [compact_crossref(i) if isinstance(i, Mapping) else i for i in message["items"]]
    compact = {"status": data.get("status"), "message-type": data.get("message-type")}
    return json.dumps({**compact, "message": kept}, ensure_ascii=False).encode("utf-8")


class CrossrefClient(RegistryClient):
    """Crossref over HTTP, implementing ``WorkRegistry`` plus journal and agency lookups."""

    name = SOURCE
    authoritative = True

    url_setting = "crossref_url"
    service_label = "Crossref"
    default_batch = DOI_BATCH

    def pools(self, settings: Settings) -> dict[str, PoolLimiter]:
        """The polite pool's limits with a contact address or a token, else the public ones."""
        return crossref_pools(polite=bool(settings.mailto or settings.crossref_token))

    def service_options(self, settings: Settings) -> dict[str, Any]:
        """The mailto, the Plus token (sent only here, never through a redirect), and the
        shape of Crossref's own "no such work"."""
        token = settings.crossref_token
        return {
            "mailto_param": True,
            "secret_headers": {"Crossref-Plus-API-Token": f"Bearer {token}"} if token else None,
            "follow_redirects": False,  # the token header must never follow a redirect elsewhere
            "is_miss": crossref_miss,
        }

    # --- by DOI ----------------------------------------------------------------------------

    def _work_url(self, doi: str) -> str:
        return self.service.url(f"/works/{doi_path(doi)}")

    def _work_outcome(self, result: Result, url: str | None = None) -> Outcome[Work]:
        """A single-work answer as an Outcome."""
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        url = url or result.url
        message = _message(result.data)
        if result.status == 200 and crossref_schema_problem(message) is None:
            return Outcome(
                status=Status.FOUND,
                value=work_from_crossref(message),
                source=SOURCE,
                detail=_cached_note(result),
                url=url,
            )
        if result.status in (404, 410) and crossref_miss(result):
            return Outcome(status=Status.NOT_FOUND, source=SOURCE, detail=NOT_HELD, url=url)
        if result.status == 400 and crossref_miss(result):
            return Outcome(
                status=Status.NOT_FOUND,
                source=SOURCE,
                detail=f"Crossref rejected the DOI (HTTP 400): {result.text(200)}",
                url=url,
            )
        return Outcome(
            status=Status.UNAVAILABLE,
            source=SOURCE,
            detail=f"Crossref answered HTTP {result.status}",
            url=url,
        )

    async def work(self, doi: str, *, fresh: bool = False) -> Outcome[Work]:
        """One DOI through ``/works/{doi}`` (single pool); ``fresh`` asks past the cache.

        A filter answer's misses are cached as 404s under this URL, so confirming a miss that
        doi.org attributes to Crossref must ask again (the answer then replaces the cached one).
        """
        result = await self.service.get(
            f"/works/{doi_path(doi)}", validate=_is_work, read_cache=not fresh
        )
        return self._work_outcome(result)

    async def works_by_doi(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        """Many DOIs: cached ones from the cache, the rest ``batch_size`` per list request."""
        self.service.prefetch(self._work_url(d.strip().lower()) for d in dois)
        return await lookup_many(
            dois,
            key=lambda doi: doi.strip().lower(),
            cached=self._cached_work,
            listable=lambda doi: "," not in doi and doi.startswith("10."),
            batch=self._batch,
            single=self.work,
            batch_size=self.batch_size,
        )

    def _cached_work(self, doi: str) -> Outcome[Work] | None:
        hit = self.service.cached(self._work_url(doi))
        return None if hit is None else self._work_outcome(hit)

    async def _batch(self, dois: list[str]) -> dict[str, Outcome[Work]]:
        """One ``doi:`` filter request; misses of a complete answer are NOT_FOUND."""
        params = [("filter", ",".join(f"doi:{d}" for d in dois)), ("rows", str(len(dois)))]
        result = await self.service.get(
            "/works", params, pool="list", validate=_is_work_list, use_cache=False
        )
        if isinstance(result, Unavailable):
            return {d: self._unavailable(result) for d in dois}
        if result.status != 200:
            # e.g. a 400 because one DOI upset the filter: ask one by one instead.
            singles = await gather_or_raise(*(self.work(d) for d in dois))
            return dict(zip(dois, singles, strict=True))
        items = _items(result)
        by_doi: dict[str, Mapping[str, Any]] = {}
        for item in items:
            doi = item.get("DOI")
            if isinstance(doi, str):
                by_doi[doi.lower()] = item
        message = _message(result.data)
        total = message.get("total-results") if isinstance(message, Mapping) else None
        complete = isinstance(total, int) and total <= len(items)
        out: dict[str, Outcome[Work]] = {}
        unsure: list[str] = []
        for doi in dois:
            url = self._work_url(doi)
            hit = by_doi.get(doi)
            if hit is not None:
                record = {k: v for k, v in hit.items() if k != "score"}
                body = {"status": "ok", "message-type": "work", "message": compact_crossref(record)}
                self.service.remember(url, 200, json.dumps(body).encode(), "application/json")
                out[doi] = Outcome(
                    status=Status.FOUND, value=work_from_crossref(record), source=SOURCE, url=url
                )
            elif complete:
                self.service.remember(url, 404, b"Resource not found.", "text/plain")
                out[doi] = Outcome(status=Status.NOT_FOUND, source=SOURCE, detail=NOT_HELD, url=url)
            else:
                unsure.append(doi)
        if unsure:
            confirmed = await gather_or_raise(*(self.work(d) for d in unsure))
            out.update(zip(unsure, confirmed, strict=True))
        return out

    # --- search ----------------------------------------------------------------------------

    def _list_outcome(self, result: Result, what: str) -> Outcome[tuple[Work, ...]]:
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        if result.status != 200:
            return Outcome(
                status=Status.UNAVAILABLE,
                source=SOURCE,
                detail=f"Crossref rejected the {what} (HTTP {result.status}): {result.text(200)}",
                url=result.url,
            )
        works = tuple(work_from_crossref(item) for item in _items(result))
        return Outcome(
            status=Status.FOUND if works else Status.NOT_FOUND,
            value=works,
            source=SOURCE,
            detail=_cached_note(result) if works else f"Crossref {what} found nothing",
            url=result.url,
        )

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        """Candidates for a reference: ``query.bibliographic`` with the whole reference text."""
        query = text.strip() or bibliographic_query(fields)
        if not query:
            return Outcome(status=Status.NOT_CHECKED, source=SOURCE, detail="nothing to search")
        params = [("query.bibliographic", query), ("rows", str(max(1, min(rows, 100))))]
        result = await self.service.get(
            "/works", params, pool="list", validate=_is_work_list, keep=compact_list
        )
        return self._list_outcome(result, "search")

    async def by_locator(
        self, container: str, volume: str | None, first_page: str, year: int | None
    ) -> Outcome[tuple[Work, ...]]:
        """Works really at a journal + volume + first page (or article number)."""
        query = " ".join(str(p) for p in (container, volume, first_page, year) if p)
        params = [
            ("query.bibliographic", query),
            ("query.container-title", container),
            ("rows", str(LOCATOR_ROWS)),
        ]
        result = await self.service.get(
            "/works", params, pool="list", validate=_is_work_list, keep=compact_list
        )
        outcome = self._list_outcome(result, "locator search")
        if outcome.status is not Status.FOUND or outcome.value is None:
            return outcome
        here = tuple(w for w in outcome.value if at_locator(w, container, volume, first_page))
        where = f"{container} {volume or '?'}:{first_page}"
        return Outcome(
            status=Status.FOUND if here else Status.NOT_FOUND,
            value=here,
            source=SOURCE,
            detail=outcome.detail if here else f"no Crossref work found at {where}",
            url=outcome.url,
        )

    async def venue(
        self, container: str, year: int, issn: str | None = None
    ) -> Outcome[tuple[Work, ...]]:
        """Works of a journal around a year: whether Crossref covers the venue at all.

        ``query.container-title`` with a ``from-pub-date``/``until-pub-date`` filter (and the
        ISSN when cited); the caller checks that the containers returned are the cited one.
        """
        filters = [f"from-pub-date:{year - VENUE_YEARS}", f"until-pub-date:{year + VENUE_YEARS}"]
        if issn:
            filters.append(f"issn:{issn}")
        params = [
            ("query.container-title", container),
            ("filter", ",".join(filters)),
            ("rows", str(VENUE_ROWS)),
            ("select", _VENUE_SELECT),
        ]
        result = await self.service.get(
            "/works", params, pool="list", validate=_is_work_list, keep=compact_list
        )
        return self._list_outcome(result, "journal coverage probe")

    # --- journals and agencies -------------------------------------------------------------

    async def journal(self, issn: str) -> Outcome[Journal]:
        """A journal by ISSN through ``/journals/{issn}``."""
        result = await self.service.get(f"/journals/{quote(issn.strip())}", validate=_is_message)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        message = _message(result.data)
        if result.status == 200 and isinstance(message, Mapping):
            issns = message.get("ISSN")
            journal = Journal(
                issn=issn,
                title=message.get("title") if isinstance(message.get("title"), str) else None,
                publisher=message.get("publisher")
                if isinstance(message.get("publisher"), str)
                else None,
                issns=tuple(str(i) for i in issns) if isinstance(issns, list) else (),
            )
            return Outcome(status=Status.FOUND, value=journal, source=SOURCE, url=result.url)
        if result.status in (400, 404) and crossref_miss(result):
            return self._not_found(result, "Crossref has no journal with this ISSN")
        return self._unexpected(result)

    async def agency(self, doi: str) -> Outcome[str]:
        """The registration agency of a DOI (``crossref``, ``datacite``, ...) per Crossref."""
        result = await self.service.get(f"/works/{doi_path(doi)}/agency", validate=_is_message)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        message = _message(result.data)
        agency = message.get("agency") if isinstance(message, Mapping) else None
        agency_id = agency.get("id") if isinstance(agency, Mapping) else None
        if result.status == 200 and isinstance(agency_id, str):
            return Outcome(status=Status.FOUND, value=agency_id, source=SOURCE, url=result.url)
        if result.status in (400, 404) and crossref_miss(result):
            return self._not_found(result, "Crossref knows no agency for this DOI")
        return self._unexpected(result)


__all__ = [
    "DOI_BATCH",
    "CrossrefClient",
    "Journal",
    "at_locator",
    "bibliographic_query",
    "container_matches",
    "doi_path",
]
