"""PubMed over NCBI E-utilities (``{VERIBIB_PUBMED_URL}/efetch.fcgi`` …).

- PMIDs: ``efetch.fcgi?db=pubmed&retmode=xml&id=a,b,…`` (200 per request). A PMID absent from
  a well-formed ``PubmedArticleSet`` is NOT_FOUND (NCBI answers an unknown PMID with HTTP 200
  and an empty set); an ``<ERROR>`` body is no fact.
- PMCIDs: ``esearch.fcgi?db=pubmed&term=PMC…[pmcid]`` then efetch.
- A journal + year + volume + first page + first author (a Vancouver citation of a journal that
  deposits no DOIs): ``ecitmatch.cgi?db=pubmed&retmode=xml&bdata=journal|year|volume|page|
  author|key|`` → PMID, then efetch. The works found there are locator candidates.
- A bibliographic search: ``esearch.fcgi?db=pubmed&term=<title words>[ti] AND <name>[au]``.
- Journal existence: ``esearch.fcgi?db=nlmcatalog&term="<name>"[Title] OR "<name>"[ta]``.

Etiquette: ``tool`` and ``email`` on every request; 3 requests/s, 10 with an API key
(``VERIBIB_NCBI_API_KEY``, sent as ``api_key`` at send time only: never in a cache key, a stored
URL, a message or a log line).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as StdElementTree  # serialising only; parsing goes through defusedxml
from collections.abc import Sequence
from typing import Any, ClassVar

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from veribib.config import Settings
from veribib.model import Fields, Outcome, Person, ReferenceType, Status, VenueFact, Work
from veribib.resolve.http import RegistryClient, Reply, Unavailable, gather_or_raise, lookup_many
from veribib.resolve.normalize import words
from veribib.resolve.ratelimit import PoolLimiter, PoolSpec, make_pools
from veribib.resolve.records import clean_text

SOURCE = "pubmed"
ID_BATCH = 200
TOOL = "veribib"
# NCBI: 3 requests per second without a key, 10 with one (support articles KA-05317/KA-05510).
PUBMED_LIMITS = {"single": PoolSpec(3)}
PUBMED_LIMITS_KEY = {"single": PoolSpec(10)}
PUBMED_CONCURRENCY = 3
_PMID = re.compile(r"^\d{1,9}$")
_XML_ERRORS = (ElementTree.ParseError, DefusedXmlException, ValueError)


def _t(node: Any, path: str) -> str | None:
    found = node.find(path)
    if found is None:
        return None
    return clean_text("".join(found.itertext()))


def _pages(pgn: str | None) -> str | None:
    """MEDLINE pages ``1272-81`` as ``1272-1281`` (NLM drops the repeated leading digits)."""
    if not pgn:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", pgn)
    if m and len(m.group(2)) < len(m.group(1)):
        first, last = m.group(1), m.group(2)
        return f"{first}-{first[: len(first) - len(last)]}{last}"
    return pgn.strip()


def work_from_pubmed(article: Any) -> tuple[str, Work] | None:
    """A ``<PubmedArticle>`` as (PMID, Work); None without a PMID."""
    citation = article.find("MedlineCitation")
    if citation is None:
        return None
    pmid = _t(citation, "PMID")
    art = citation.find("Article")
    if not pmid or art is None:
        return None
    people: list[Person] = []
    for a in art.findall("AuthorList/Author"):
        family = _t(a, "LastName")
        if family:
            people.append(Person(family=family, given=_t(a, "ForeName") or _t(a, "Initials") or ""))
        elif (group := _t(a, "CollectiveName")) is not None:
            people.append(Person(family=group))
    year_text = (
        _t(art, "Journal/JournalIssue/PubDate/Year")
        or (_t(art, "Journal/JournalIssue/PubDate/MedlineDate") or "")[:4]
    )
    doi = None
    for eid in [
        *art.findall("ELocationID"),
        *article.findall("PubmedData/ArticleIdList/ArticleId"),
    ]:
        if eid.get("EIdType") == "doi" or eid.get("IdType") == "doi":
            doi = (clean_text(eid.text) or "").lower() or None
            break
    short = tuple(
        s
        for s in (_t(art, "Journal/ISOAbbreviation"), _t(citation, "MedlineJournalInfo/MedlineTA"))
        if s
    )
    issn = tuple(
        s for s in (_t(art, "Journal/ISSN"), _t(citation, "MedlineJournalInfo/ISSNLinking")) if s
    )
    pages = _pages(_t(art, "Pagination/MedlinePgn"))
    elocation = next(
        (clean_text(e.text) for e in art.findall("ELocationID") if e.get("EIdType") == "pii"),
        None,
    )
    work = Work(
        source=SOURCE,
        doi=doi,
        fields=Fields(
            authors=tuple(people),
            year=int(year_text) if year_text.isdigit() else None,
            title=(_t(art, "ArticleTitle") or "").rstrip(".") or None,
            container=_t(art, "Journal/Title"),
            volume=_t(art, "Journal/JournalIssue/Volume"),
            issue=_t(art, "Journal/JournalIssue/Issue"),
            pages=pages or elocation,
            url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
            type=ReferenceType.JOURNAL_ARTICLE,
        ),
        container_short=short,
        issn=issn,
        article_number=elocation if not pages else None,
    )
    return pmid, work


def parse_articles(body: bytes) -> dict[str, Work] | None:
    """The records of an efetch ``PubmedArticleSet`` by PMID; None when it is not one."""
    root = ElementTree.fromstring(body)
    if root.tag != "PubmedArticleSet":
        return None
    out: dict[str, Work] = {}
    for article in root.findall("PubmedArticle"):
        parsed = work_from_pubmed(article)
        if parsed is not None:
            out[parsed[0]] = parsed[1]
    return out


def parse_search(body: bytes) -> tuple[list[str], int] | None:
    """An ``eSearchResult``: its ids and ``Count``; None for an error answer."""
    root = ElementTree.fromstring(body)
    if root.tag != "eSearchResult" or root.find("ERROR") is not None:
        return None
    count = _t(root, "Count") or "0"
    ids = [clean_text(i.text) or "" for i in root.findall("IdList/Id")]
    return [i for i in ids if i], int(count) if count.isdigit() else 0


def _articles_by_pmid(body: bytes) -> dict[str, bytes]:
    """The serialised ``<PubmedArticle>`` elements of an efetch answer, by PMID."""
    out: dict[str, bytes] = {}
    for article in ElementTree.fromstring(body).findall("PubmedArticle"):
        parsed = work_from_pubmed(article)
        if parsed is not None:
            out[parsed[0]] = StdElementTree.tostring(article)
    return out


def _field_words(text: str, limit: int = 12) -> str:
    """Plain words for an E-utilities term (no quotes, brackets or boolean words)."""
    keep = [w for w in words(text) if w not in ("and", "or", "not")]
    return " ".join(keep[:limit])


class PubMedClient(RegistryClient):
    """NCBI E-utilities over HTTP: PubMed records, citation matching, search, NLM Catalog."""

    name = SOURCE
    authoritative = True

    url_setting = "pubmed_url"
    service_label = "PubMed"
    pool_specs = PUBMED_LIMITS
    concurrency = PUBMED_CONCURRENCY
    default_batch = ID_BATCH
    # tool and email are NCBI's required etiquette, so they are public parameters; the e-mail
    # is the configured contact (never a secret: it is the one we give everyone).
    _etiquette: ClassVar[list[tuple[str, str]]] = [("tool", TOOL)]

    def pools(self, settings: Settings) -> dict[str, PoolLimiter]:
        """NCBI's 3 requests/s, or 10 with an API key."""
        specs = PUBMED_LIMITS_KEY if settings.ncbi_api_key else PUBMED_LIMITS
        return make_pools(specs, self.concurrency)

    def service_options(self, settings: Settings) -> dict[str, Any]:
        """The contact e-mail and the API key, added at send time (never in a cache key)."""
        key = settings.ncbi_api_key or ""
        return {"secret_params": [("email", settings.mailto or ""), ("api_key", key)]}

    # --- records by PMID -------------------------------------------------------------------

    def _fetch_params(self, pmids: Sequence[str]) -> list[tuple[str, str]]:
        return [
            ("db", "pubmed"),
            ("retmode", "xml"),
            ("id", ",".join(pmids)),
            *self._etiquette,
        ]

    def _answer(self, result: Reply | Unavailable, pmids: list[str]) -> dict[str, Outcome[Work]]:
        if isinstance(result, Unavailable):
            return {p: self._unavailable(result) for p in pmids}
        try:
            works = parse_articles(result.body) if result.status == 200 else None
        except _XML_ERRORS:
            works = None
        if works is None:
            return {p: self._unexpected(result) for p in pmids}
        out: dict[str, Outcome[Work]] = {}
        for p in pmids:
            work = works.get(p)
            if work is not None:
                detail = "from cache" if result.from_cache else ""
                out[p] = Outcome(Status.FOUND, work, source=SOURCE, detail=detail, url=result.url)
            else:
                out[p] = self._not_found(result, f"PubMed has no record with PMID {p}")
        return out

    async def record(self, pmid: str) -> Outcome[Work]:
        """One PMID through efetch."""
        if not _PMID.match(pmid):
            return Outcome(Status.NOT_FOUND, source=SOURCE, detail=f"{pmid!r} is not a PMID")
        result = await self.service.get(
            "/efetch.fcgi", self._fetch_params([pmid]), expect_json=False
        )
        return self._answer(result, [pmid])[pmid]

    def _cached(self, pmid: str) -> Outcome[Work] | None:
        hit = self.service.cached(self.service.url("/efetch.fcgi", self._fetch_params([pmid])))
        return None if hit is None else self._answer(hit, [pmid])[pmid]

    async def _batch(self, pmids: list[str]) -> dict[str, Outcome[Work]]:
        result = await self.service.get(
            "/efetch.fcgi", self._fetch_params(pmids), expect_json=False, use_cache=False
        )
        answers = self._answer(result, pmids)
        if isinstance(result, Reply) and any(o.is_fact for o in answers.values()):
            articles = _articles_by_pmid(result.body)
            for p, outcome in answers.items():
                if outcome.is_fact:
                    body = b"<PubmedArticleSet>" + articles.get(p, b"") + b"</PubmedArticleSet>"
                    url = self.service.url("/efetch.fcgi", self._fetch_params([p]))
                    self.service.remember(url, 200, body, "text/xml")
        return answers

    async def works_by_pmid(self, pmids: Sequence[str]) -> dict[str, Outcome[Work]]:
        """Many PMIDs, each distinct one asked once, up to 200 per efetch request."""
        return await lookup_many(
            pmids,
            key=lambda p: p.strip(),
            cached=self._cached,
            listable=lambda p: bool(_PMID.match(p)),
            batch=self._batch,
            single=self.record,
            batch_size=self.batch_size,
        )

    # --- searches --------------------------------------------------------------------------

    async def _esearch(self, db: str, term: str, retmax: int = 5) -> Outcome[list[str]]:
        params = [("db", db), ("term", term), ("retmax", str(retmax)), *self._etiquette]
        result = await self.service.get("/esearch.fcgi", params, expect_json=False)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        try:
            parsed = parse_search(result.body) if result.status == 200 else None
        except _XML_ERRORS:
            parsed = None
        if parsed is None:
            return self._unexpected(result)
        ids, _count = parsed
        status = Status.FOUND if ids else Status.NOT_FOUND
        return Outcome(status, ids, source=SOURCE, url=result.url, detail="" if ids else "none")

    async def _records(self, found: Outcome[list[str]], what: str) -> Outcome[tuple[Work, ...]]:
        """The records of the PMIDs a search or citation match gave."""
        if not found.found or not found.value:
            if found.status is Status.NOT_FOUND:
                return Outcome(
                    Status.NOT_FOUND,
                    source=SOURCE,
                    detail=f"PubMed {what} found nothing",
                    url=found.url,
                )
            return Outcome(found.status, source=SOURCE, detail=found.detail, url=found.url)
        got = await self.works_by_pmid(found.value)
        works = tuple(o.value for o in got.values() if o.found and o.value is not None)
        failed = [o for o in got.values() if o.status is Status.UNAVAILABLE]
        if not works and failed:
            return Outcome(Status.UNAVAILABLE, source=SOURCE, detail=failed[0].detail)
        return Outcome(
            Status.FOUND if works else Status.NOT_FOUND, works, source=SOURCE, url=found.url
        )

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        """PubMed records for a title (and first author): esearch, then efetch."""
        title = _field_words(fields.title or "")
        if not title:
            return Outcome(Status.NOT_CHECKED, source=SOURCE, detail="no title to search")
        term = f"{title}[ti]"
        if fields.authors:
            family = _field_words(fields.authors[0].family, 3)
            if family:
                term += f" AND {family}[au]"
        return await self._records(await self._esearch("pubmed", term, rows), "search")

    async def pmcid(self, pmcid: str) -> Outcome[Work]:
        """The PubMed record of a PMC article id."""
        found = await self._esearch("pubmed", f"{pmcid.upper()}[pmcid]", 1)
        if not found.found or not found.value:
            if found.status is Status.NOT_FOUND:
                return Outcome(
                    Status.NOT_FOUND,
                    source=SOURCE,
                    url=found.url,
                    detail=f"PubMed has no record for {pmcid.upper()}",
                )
            return Outcome(found.status, source=SOURCE, detail=found.detail, url=found.url)
        return (await self.works_by_pmid(found.value[:1]))[found.value[0]]

    async def by_locator(
        self,
        container: str,
        volume: str | None,
        first_page: str,
        year: int | None,
        author: str = "",
    ) -> Outcome[tuple[Work, ...]]:
        """ECitMatch: the PMID at journal|year|volume|first page|author, then its record."""
        line = (
            "|".join(
                (
                    " ".join(words(container)),
                    str(year or ""),
                    volume or "",
                    first_page,
                    " ".join(words(author)),
                    "veribib",
                )
            )
            + "|"
        )
        params = [("db", "pubmed"), ("retmode", "xml"), ("bdata", line), *self._etiquette]
        result = await self.service.get("/ecitmatch.cgi", params, expect_json=False)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        if result.status != 200:
            return self._unexpected(result)
        pmids = []
        for row in result.body.decode("utf-8", "replace").splitlines():
            cells = row.strip().split("|")
            if len(cells) >= 7 and _PMID.match(cells[6].strip()):
                pmids.append(cells[6].strip())
        found = Outcome(
            Status.FOUND if pmids else Status.NOT_FOUND, pmids, source=SOURCE, url=result.url
        )
        return await self._records(found, "citation match")

    async def journal(self, name: str, year: int | None = None) -> Outcome[VenueFact]:
        """Does the NLM Catalog know a journal of this name (full title or abbreviation)?"""
        plain = _field_words(name, 20)
        if not plain:
            return Outcome(Status.NOT_CHECKED, source="nlm-catalog", detail="no journal name")
        term = f'"{plain}"[Title] OR "{plain}"[ta]'
        found = await self._esearch("nlmcatalog", term, 1)
        if found.status not in (Status.FOUND, Status.NOT_FOUND):
            return Outcome(found.status, source="nlm-catalog", detail=found.detail, url=found.url)
        known = found.found
        return Outcome(
            Status.FOUND,
            VenueFact("nlm-catalog", name, known, year=year),
            source="nlm-catalog",
            url=found.url,
        )

    async def works_by_ids(
        self, pmids: Sequence[str], pmcids: Sequence[str]
    ) -> dict[str, Outcome[Work]]:
        """PMIDs in batches and PMCIDs one by one, keyed by the id as given."""
        by_pmid = await self.works_by_pmid(pmids) if pmids else {}
        unique = list(dict.fromkeys(pmcids))
        pmc = await gather_or_raise(*(self.pmcid(p) for p in unique))
        return {**by_pmid, **dict(zip(unique, pmc, strict=True))}


__all__ = ["PUBMED_LIMITS", "PubMedClient", "parse_articles", "parse_search", "work_from_pubmed"]
