"""arXiv API client: records of cited arXiv ids (``{VERIBIB_ARXIV_URL}/query?id_list=…``).

arXiv asks for no more than one request every three seconds over a single connection (API Terms
of Use), so ids are asked many per request (``id_list=a,b,…`` with ``max_results`` = the batch
size) and the pool allows one request per 3 s, one in flight. Answers:

- an Atom feed: ids with an ``<entry>`` are FOUND; ids of a complete feed without an entry are
  NOT_FOUND (arXiv answers an unknown id with HTTP 200 and ``totalResults`` 0) — a fact;
- HTTP 400 with an error ``<entry>`` (``incorrect id format for …``): the id is malformed — a fact;
- an id that cannot exist (month 13, a 5-digit number before 2015, a year before 2007 in the new
  scheme) is NOT_FOUND without asking: arXiv's identifier scheme is documented.

A record's ``journal_ref`` and ``doi`` (the published version) become an ``is-preprint-of``
relation when a DOI is given, so the judge flags ``preprint_has_published_version``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as StdElementTree  # serialising only; parsing goes through defusedxml
from collections.abc import Sequence

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from veribib.model import Fields, Outcome, Person, ReferenceType, Status, Update, Work
from veribib.resolve.http import RegistryClient, Reply, Unavailable, lookup_many
from veribib.resolve.ratelimit import PoolSpec
from veribib.resolve.records import clean_text
from veribib.resolve.registries import PUBLISHED_VERSION

SOURCE = "arxiv"
ID_BATCH = 100
# One request per 3 s, one connection: the arXiv API Terms of Use.
ARXIV_LIMITS = {"single": PoolSpec(1, 3.0)}
ARXIV_CONCURRENCY = 1

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
_NEW_ID = re.compile(r"^(\d{2})(\d{2})\.(\d{4,5})(v\d+)?$")
_OLD_ID = re.compile(r"^[a-z-]+(\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}(v\d+)?$")
_ENTRY_ID = re.compile(r"/abs/(.+?)(v\d+)?$")

NOT_HELD = "arXiv has no paper with this id"


def impossible_id(arxiv_id: str) -> str | None:
    """Why an arXiv id cannot exist under arXiv's identifier scheme, else None."""
    m = _NEW_ID.match(arxiv_id)
    if m:
        yy, mm, number = int(m.group(1)), int(m.group(2)), m.group(3)
        if not 1 <= mm <= 12:
            return f"month {mm:02d} in arXiv id {arxiv_id} does not exist"
        if (yy, mm) < (7, 4):
            return f"arXiv ids of the form YYMM.NNNN start in April 2007, not {arxiv_id}"
        if len(number) == 5 and yy < 15:
            return f"five-digit arXiv numbers start in 2015, not {arxiv_id}"
        if len(number) == 4 and yy >= 15:
            return f"arXiv ids since 2015 have five digits, not {arxiv_id}"
        return None
    m = _OLD_ID.match(arxiv_id)
    if m:
        mm = int(m.group(3))
        return None if 1 <= mm <= 12 else f"month {mm:02d} in arXiv id {arxiv_id} does not exist"
    return f"{arxiv_id!r} is not an arXiv identifier"


def base_id(arxiv_id: str) -> str:
    """An arXiv id without its version suffix, lower-cased archive (``hep-th/9901001``)."""
    return re.sub(r"v\d+$", "", arxiv_id.strip())


def _text(node: object, tag: str) -> str | None:
    found = node.find(tag) if hasattr(node, "find") else None
    return clean_text(found.text) if found is not None and found.text else None


def _person(name: str) -> Person:
    """An arXiv author name ("Ashish Vaswani", "H1 Collaboration") as a Person."""
    parts = name.split()
    if len(parts) < 2 or name.lower().endswith("collaboration"):
        return Person(family=name)
    # Family-name particles stay with the family name ("Peter H. N. de With").
    i = len(parts) - 1
    while i > 1 and parts[i - 1].lower() in ("de", "van", "von", "der", "den", "da", "di", "le"):
        i -= 1
    return Person(family=" ".join(parts[i:]), given=" ".join(parts[:i]))


def work_from_arxiv_entry(entry: object) -> tuple[str, Work] | None:
    """An Atom ``<entry>`` as (base id, Work); None for an error entry or one without an id."""
    entry_id = _text(entry, f"{_ATOM}id") or ""
    m = _ENTRY_ID.search(entry_id)
    if not m or "/api/errors" in entry_id:
        return None
    arxiv_id = m.group(1)
    published = _text(entry, f"{_ATOM}published") or ""
    doi = _text(entry, f"{_ARXIV}doi")
    journal_ref = _text(entry, f"{_ARXIV}journal_ref")
    authors = tuple(
        _person(n)
        for n in (_text(a, f"{_ATOM}name") for a in entry.findall(f"{_ATOM}author"))  # type: ignore[attr-defined]
        if n
    )
    relations: tuple[tuple[str, str], ...] = (("is-preprint-of", doi.lower()),) if doi else ()
    # Where the paper appeared, as the authors told arXiv: a notice of a published version.
    updates = (Update(type=PUBLISHED_VERSION, label=journal_ref),) if journal_ref else ()
    work = Work(
        source=SOURCE,
        doi=f"10.48550/arxiv.{arxiv_id}".lower(),
        fields=Fields(
            authors=authors,
            year=int(published[:4]) if published[:4].isdigit() else None,
            title=_text(entry, f"{_ATOM}title"),
            publisher="arXiv",
            url=f"https://arxiv.org/abs/{arxiv_id}",
            type=ReferenceType.PREPRINT,
        ),
        relations=relations,
        updates=updates,
    )
    return arxiv_id, work


def parse_feed(body: bytes) -> tuple[dict[str, Work], int | None, str | None]:
    """An arXiv Atom feed: records by base id, ``totalResults``, and an error entry's text."""
    root = ElementTree.fromstring(body)
    works: dict[str, Work] = {}
    error: str | None = None
    for entry in root.findall(f"{_ATOM}entry"):
        parsed = work_from_arxiv_entry(entry)
        if parsed is not None:
            works[base_id(parsed[0])] = parsed[1]
        elif "/api/errors" in (_text(entry, f"{_ATOM}id") or ""):
            error = _text(entry, f"{_ATOM}summary") or "arXiv reported an error"
    total_text = _text(root, f"{_OPENSEARCH}totalResults")
    total = int(total_text) if total_text and total_text.isdigit() else None
    return works, total, error


def _entries_by_id(body: bytes) -> dict[str, bytes]:
    """The serialised ``<entry>`` elements of a feed, by base id."""
    out: dict[str, bytes] = {}
    for entry in ElementTree.fromstring(body).findall(f"{_ATOM}entry"):
        m = _ENTRY_ID.search(_text(entry, f"{_ATOM}id") or "")
        if m:
            out[base_id(m.group(1))] = StdElementTree.tostring(entry)
    return out


def _one_id_feed(entry: bytes | None) -> bytes:
    """The feed a one-id request would get: the entry, or none with ``totalResults`` 0."""
    total = 1 if entry else 0
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<feed xmlns="http://www.w3.org/2005/Atom" '
        b'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
        + f"<opensearch:totalResults>{total}</opensearch:totalResults>".encode()
        + (entry or b"")
        + b"</feed>"
    )


class ArxivClient(RegistryClient):
    """The arXiv API over HTTP: records of arXiv ids, many per request."""

    name = SOURCE
    authoritative = True

    url_setting = "arxiv_url"
    service_label = "arXiv"
    pool_specs = ARXIV_LIMITS
    concurrency = ARXIV_CONCURRENCY
    default_batch = ID_BATCH

    def _id_params(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        return [("id_list", ",".join(ids)), ("max_results", str(len(ids)))]

    def _outcome(self, reply: Reply, arxiv_id: str, works: dict[str, Work]) -> Outcome[Work]:
        work = works.get(base_id(arxiv_id))
        if work is not None:
            return Outcome(
                Status.FOUND,
                work,
                source=SOURCE,
                detail="from cache" if reply.from_cache else "",
                url=reply.url,
            )
        return Outcome(Status.NOT_FOUND, source=SOURCE, detail=NOT_HELD, url=reply.url)

    def _answer(self, result: Reply | Unavailable, ids: list[str]) -> dict[str, Outcome[Work]]:
        """One feed (or failure) as an outcome per id asked."""
        if isinstance(result, Unavailable):
            return {i: self._unavailable(result) for i in ids}
        try:
            works, total, error = parse_feed(result.body)
        except (ElementTree.ParseError, DefusedXmlException, ValueError):
            return {i: self._unexpected(result) for i in ids}
        if result.status == 400 and error:
            return {i: self._not_found(result, f"arXiv rejected the id: {error}") for i in ids}
        if result.status != 200:
            return {i: self._unexpected(result) for i in ids}
        complete = total is not None and total <= len(works)
        out: dict[str, Outcome[Work]] = {}
        for i in ids:
            outcome = self._outcome(result, i, works)
            if outcome.status is Status.NOT_FOUND and not complete:
                outcome = self._unexpected(result)
            out[i] = outcome
        return out

    async def record(self, arxiv_id: str) -> Outcome[Work]:
        """One id through ``/query?id_list=<id>``; an impossible id is not asked."""
        why = impossible_id(arxiv_id)
        if why is not None:
            return Outcome(Status.NOT_FOUND, source=SOURCE, detail=why)
        result = await self.service.get("/query", self._id_params([arxiv_id]), expect_json=False)
        return self._answer(result, [arxiv_id])[arxiv_id]

    def _cached(self, arxiv_id: str) -> Outcome[Work] | None:
        why = impossible_id(arxiv_id)
        if why is not None:
            return Outcome(Status.NOT_FOUND, source=SOURCE, detail=why)
        hit = self.service.cached(self.service.url("/query", self._id_params([arxiv_id])))
        return None if hit is None else self._answer(hit, [arxiv_id])[arxiv_id]

    async def _batch(self, ids: list[str]) -> dict[str, Outcome[Work]]:
        """One ``id_list`` request; each id's answer is cached under its own one-id URL."""
        result = await self.service.get(
            "/query", self._id_params(ids), expect_json=False, use_cache=False
        )
        if isinstance(result, Reply) and result.status == 400 and len(ids) > 1:
            # One malformed id spoils the whole batch: ask one by one instead.
            return {i: await self.record(i) for i in ids}
        answers = self._answer(result, ids)
        if isinstance(result, Reply) and result.status == 200:
            entries = _entries_by_id(result.body)
            for i, outcome in answers.items():
                if outcome.is_fact:
                    url = self.service.url("/query", self._id_params([i]))
                    body = _one_id_feed(entries.get(base_id(i)))
                    self.service.remember(url, 200, body, "application/atom+xml")
        return answers

    async def works_by_arxiv(self, ids: Sequence[str]) -> dict[str, Outcome[Work]]:
        """Many arXiv ids (versions allowed), each distinct one asked once, in batches."""
        return await lookup_many(
            ids,
            key=lambda i: i.strip(),
            cached=self._cached,
            listable=lambda i: impossible_id(i) is None,
            batch=self._batch,
            single=self.record,
            batch_size=self.batch_size,
        )


__all__ = [
    "ARXIV_LIMITS",
    "ArxivClient",
    "impossible_id",
    "parse_feed",
    "work_from_arxiv_entry",
]
