"""Stand-ins for arXiv, NCBI E-utilities (PubMed, NLM Catalog), OpenAlex and DBLP.

Imported by ``standin.py``, which serves them beside Crossref under these prefixes::

    /arxiv/api               /query?id_list=..&max_results=..
    /pubmed/entrez/eutils    /efetch.fcgi  /esearch.fcgi (db=pubmed|nlmcatalog)  /ecitmatch.cgi
    /openalex                /works/https://doi.org/{doi}  /works?filter=doi:a|b  /works?search=..
                             /sources?search=..
    /dblp                    /search/publ/api?q=..&format=json

Records come from the real recorded responses in ``../shared/data/{arxiv,pubmed,openalex}``
(arXiv Atom entries, PubMed ``PubmedArticle`` elements, OpenAlex work objects, served as
recorded) plus records a test or benchmark adds, written in each service's own format by the
``*_record`` helpers below. What no recording shows is built from the services' documentation
and marked so: DBLP's JSON (dblp.org/faq "How to use the dblp search API"), OpenAlex
``/sources`` objects (docs.openalex.org, Source object: ``display_name``, ``counts_by_year``),
NLM Catalog esearch counts (same ``eSearchResult`` shape as the recorded PubMed esearch), and
every 429 body.

Limits as the services state them: arXiv one request per 3 s (Terms of Use), NCBI 3 requests/s
(10 with ``api_key``), OpenAlex 100/s (we enforce 10/s, the client's pace, so a faster client
would be seen), DBLP none documented (the stand-in enforces 2/s, answering 429 + Retry-After
past it, as dblp.org does for heavy users). Past a limit the answer is 429.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import threading
import time
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = (
    Path(os.environ["VERIBIB_SHARED"])
    if os.environ.get("VERIBIB_SHARED")
    else Path(__file__).resolve().parents[1].parent / "shared"
) / "data"

PREFIXES = {
    "/arxiv/api": "arxiv",
    "/pubmed/entrez/eutils": "pubmed",
    "/openalex": "openalex",
    "/dblp": "dblp",
}
SERVICES = tuple(PREFIXES.values())
_ATOM = "{http://www.w3.org/2005/Atom}"
_WORD = re.compile(r"[a-z0-9]+")
_NEW_ID = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$")
_OLD_ID = re.compile(r"^[a-z-]+(\.[A-Z]{2})?/\d{7}(v\d+)?$")

Reply = tuple[int, bytes, str, dict[str, str]]


def words(text: str) -> list[str]:
    """Lower-case alphanumeric words (accents kept as they are: the corpora are ASCII)."""
    return _WORD.findall(html.unescape(text).lower())


@dataclass(frozen=True)
class ServiceLimits:
    """Per-service rates: requests per interval (seconds)."""

    arxiv: tuple[int, float] = (1, 3.0)
    pubmed: tuple[int, float] = (3, 1.0)
    pubmed_key: tuple[int, float] = (10, 1.0)
    openalex: tuple[int, float] = (10, 1.0)
    dblp: tuple[int, float] = (2, 1.0)


@dataclass
class ServicesData:
    """Records added to the recorded ones (each in its service's format, see the helpers)."""

    arxiv: list[str] = field(default_factory=list)  # Atom <entry> XML
    pubmed: list[str] = field(default_factory=list)  # <PubmedArticle> XML
    openalex: list[dict[str, Any]] = field(default_factory=list)  # OpenAlex work objects
    dblp: list[dict[str, Any]] = field(default_factory=list)  # DBLP hit "info" objects
    # Venues every journal registry knows besides those of the records: (name, year) pairs,
    # e.g. the journals of the Crossref corpus (OpenAlex and the NLM Catalog hold those).
    venues: list[tuple[str, int | None]] = field(default_factory=list)
    openalex_key_required: bool = False  # answer 401 without api_key (OpenAlex from 2026-02)
    # doi.org's registration agency of DOIs (or prefixes) beyond the Crossref/DataCite corpus.
    doi_agencies: dict[str, str] = field(default_factory=dict)


# --- record builders (the services' own formats) -------------------------------------------


def arxiv_record(
    arxiv_id: str,
    title: str,
    authors: Iterable[str],
    published: str,
    *,
    doi: str | None = None,
    journal_ref: str | None = None,
) -> str:
    """An arXiv Atom ``<entry>`` as the API writes it."""
    esc = html.escape
    names = "".join(f"<author><name>{esc(a)}</name></author>" for a in authors)
    extra = f"<arxiv:doi>{esc(doi)}</arxiv:doi>" if doi else ""
    extra += f"<arxiv:journal_ref>{esc(journal_ref)}</arxiv:journal_ref>" if journal_ref else ""
    return (
        '<entry xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">'
        f"<id>http://arxiv.org/abs/{esc(arxiv_id)}v1</id><title>{esc(title)}</title>"
        f"<updated>{published}T00:00:00Z</updated><published>{published}T00:00:00Z</published>"
        f"<summary></summary>{names}{extra}</entry>"
    )


def arxiv_from_datacite(documents: Iterable[Mapping[str, Any]]) -> list[str]:
    """arXiv's own entries of the arXiv papers whose DataCite records (``10.48550/arXiv.*``)
    the stand-in serves: the live arXiv API holds every paper DataCite holds the DOI of."""
    out: list[str] = []
    for document in documents:
        data = document.get("data") or {}
        doi = str(data.get("id") or "")
        if not doi.lower().startswith("10.48550/arxiv."):
            continue
        attributes = data.get("attributes") or {}
        titles = attributes.get("titles") or [{}]
        names = []
        for creator in attributes.get("creators") or []:
            given, family = creator.get("givenName"), creator.get("familyName")
            names.append(f"{given} {family}".strip() if family else str(creator.get("name", "")))
        year = attributes.get("publicationYear") or 2000
        out.append(
            arxiv_record(
                doi.split(".", 2)[2] if doi.count(".") >= 2 else doi,
                str(titles[0].get("title", "")),
                names,
                f"{year}-01-15",
            )
        )
    return out


def pubmed_record(
    pmid: str,
    title: str,
    authors: Iterable[tuple[str, str]],
    journal: str,
    iso: str,
    year: int,
    volume: str,
    pages: str,
    *,
    issue: str | None = None,
    doi: str | None = None,
) -> str:
    """A ``<PubmedArticle>`` as efetch writes it (family name, initials)."""
    esc = html.escape
    people = "".join(
        f"<Author><LastName>{esc(f)}</LastName><Initials>{esc(i)}</Initials></Author>"
        for f, i in authors
    )
    issue_xml = f"<Issue>{esc(issue)}</Issue>" if issue else ""
    doi_xml = f'<ELocationID EIdType="doi">{esc(doi)}</ELocationID>' if doi else ""
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}'
        f"</PMID><Article><Journal><JournalIssue><Volume>{esc(volume)}</Volume>{issue_xml}"
        f"<PubDate><Year>{year}</Year></PubDate></JournalIssue><Title>{esc(journal)}</Title>"
        f"<ISOAbbreviation>{esc(iso)}</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{esc(title)}</ArticleTitle><Pagination><MedlinePgn>{esc(pages)}"
        f"</MedlinePgn></Pagination>{doi_xml}<AuthorList>{people}</AuthorList></Article>"
        f"<MedlineJournalInfo><MedlineTA>{esc(iso.replace('.', ''))}</MedlineTA>"
        f"</MedlineJournalInfo></MedlineCitation></PubmedArticle>"
    )


def openalex_record(
    title: str,
    authors: Iterable[str],
    year: int,
    venue: str | None,
    *,
    doi: str | None = None,
    kind: str = "article",
    number: int = 0,
) -> dict[str, Any]:
    """An OpenAlex work object with the fields the API documents."""
    source = (
        {"id": f"https://openalex.org/S9{number:08d}", "display_name": venue} if venue else None
    )
    return {
        "id": f"https://openalex.org/W9{number:09d}",
        "doi": f"https://doi.org/{doi}" if doi else None,
        "title": title,
        "display_name": title,
        "publication_year": year,
        "type": kind,
        "primary_location": {"source": source},
        "authorships": [
            {"author_position": "middle", "author": {"display_name": a}} for a in authors
        ],
        "biblio": {"volume": None, "issue": None, "first_page": None, "last_page": None},
    }


def dblp_record(
    title: str, authors: Iterable[str], venue: str, year: int, *, kind: str = "conference"
) -> dict[str, Any]:
    """A DBLP hit ``info`` object (documented JSON: authors.author[].text, title with a dot)."""
    names = [{"@pid": f"00/{i}", "text": a} for i, a in enumerate(authors)]
    types = {"conference": "Conference and Workshop Papers", "journal": "Journal Articles"}
    return {
        "authors": {"author": names[0] if len(names) == 1 else names},
        "title": title if title.endswith((".", "?", "!")) else title + ".",
        "venue": venue,
        "year": str(year),
        "type": types.get(kind, kind),
        "key": f"conf/{'-'.join(words(venue))}/{year}-{abs(hash(title)) % 10**6}",
        "url": "https://dblp.org/rec/" + "-".join(words(title))[:40],
    }


# --- the corpora ---------------------------------------------------------------------------


def _recorded_arxiv() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((DATA / "arxiv").glob("*.xml")):
        try:
            root = ET.fromstring(path.read_bytes())
        except ET.ParseError:
            continue
        for entry in root.findall(f"{_ATOM}entry"):
            ident = entry.findtext(f"{_ATOM}id") or ""
            m = re.search(r"/abs/(.+?)(v\d+)?$", ident)
            if m and "/api/errors" not in ident:
                out.setdefault(m.group(1), ET.tostring(entry, encoding="unicode"))
    return out


def _recorded_pubmed() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((DATA / "pubmed").glob("*efetch_pubmed*.xml")):
        try:
            root = ET.fromstring(path.read_bytes())
        except ET.ParseError:
            continue
        for article in root.findall("PubmedArticle"):
            pmid = article.findtext("MedlineCitation/PMID")
            if pmid:
                out.setdefault(pmid.strip(), ET.tostring(article, encoding="unicode"))
    return out


def _recorded_openalex() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted((DATA / "openalex").glob("*.json")):
        try:
            data = json.loads(path.read_bytes())
        except ValueError:
            continue  # the recorded 404 is an HTML page
        items = data.get("results") if isinstance(data.get("results"), list) else [data]
        out.extend(i for i in items if isinstance(i, dict) and i.get("id"))
    return out


def _recorded_venues() -> list[tuple[str, int | None]]:
    """Real journal and proceedings names from the shared data (the seed works, Crossref's
    reference-matching benchmark, HALLMARK's valid entries): the real OpenAlex and NLM Catalog
    know every one of them, so the stand-in's journal registries do too."""
    out: list[tuple[str, int | None]] = []
    seed = DATA / "seed-works.jsonl"
    if seed.exists():
        for line in seed.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError):
                record = json.loads(line)
                for title in (record.get("container-title") or [])[:1]:
                    out.append((str(title), None))
    rme = DATA / "benchmarks" / "crossref_rme_real_structured_2000_sbmv.json"
    if rme.exists():
        for item in json.loads(rme.read_text(encoding="utf-8")).get("dataset") or []:
            ref = item.get("reference") or {}
            if ref.get("journal-title"):
                year = str(ref.get("year") or "")
                out.append((str(ref["journal-title"]), int(year) if year.isdigit() else None))
    for path in sorted((DATA / "benchmarks").glob("hallmark_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if entry.get("label") != "VALID":
                    continue
                fields = entry.get("fields") or {}
                venue = fields.get("journal") or fields.get("booktitle")
                year = str(fields.get("year") or "")
                if venue:
                    out.append((str(venue), int(year) if year.isdigit() else None))
    return out


@dataclass
class _Article:
    pmid: str
    xml: str
    title: list[str]
    families: list[str]
    journals: list[str]  # folded full title and abbreviations
    year: str
    volume: str
    first_page: str


def _article(pmid: str, xml: str) -> _Article:
    node = ET.fromstring(xml)
    art = node.find("MedlineCitation/Article")
    assert art is not None
    journals = [
        " ".join(words(t))
        for t in (
            art.findtext("Journal/Title") or "",
            re.sub(r"\(.*?\)", "", art.findtext("Journal/Title") or ""),
            art.findtext("Journal/ISOAbbreviation") or "",
            node.findtext("MedlineCitation/MedlineJournalInfo/MedlineTA") or "",
        )
        if t
    ]
    pages = art.findtext("Pagination/MedlinePgn") or ""
    return _Article(
        pmid=pmid,
        xml=xml,
        title=words(
            "".join(art.find("ArticleTitle").itertext())
            if art.find("ArticleTitle") is not None
            else ""
        ),
        families=[
            " ".join(words(a.findtext("LastName") or "")) for a in art.findall("AuthorList/Author")
        ],
        journals=journals,
        year=(art.findtext("Journal/JournalIssue/PubDate/Year") or "").strip(),
        volume=(art.findtext("Journal/JournalIssue/Volume") or "").strip(),
        first_page=re.split(r"[-–]", pages.strip(), maxsplit=1)[0] if pages else "",
    )


class _Windows:
    """Rolling-window counters per key."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._starts: dict[str, deque[float]] = {}

    def admit(self, key: str, limit: int, interval: float) -> bool:
        now = time.monotonic()
        with self._lock:
            starts = self._starts.setdefault(key, deque())
            while starts and starts[0] <= now - interval:
                starts.popleft()
            if len(starts) >= limit:
                return False
            starts.append(now)
            return True


class ServiceGate:
    """The four services' rate limits, checked as a request arrives (before any data loads)."""

    def __init__(self, limits: ServiceLimits | None = None) -> None:
        self.limits = limits or ServiceLimits()
        self.windows = _Windows()
        self.throttled: dict[str, int] = dict.fromkeys(SERVICES, 0)

    def admit(self, service: str, query: list[tuple[str, str]]) -> Reply | None:
        """None when the request is within the service's limit, else its 429 answer."""
        keyed = any(k == "api_key" for k, _ in query)
        spec = {
            "arxiv": self.limits.arxiv,
            "pubmed": self.limits.pubmed_key if keyed else self.limits.pubmed,
            "openalex": self.limits.openalex,
            "dblp": self.limits.dblp,
        }[service]
        if self.windows.admit(f"{service}:{keyed}", *spec):
            return None
        self.throttled[service] += 1
        wait = f"{spec[1]:g}"
        if service == "pubmed":  # NCBI's documented 429 body (KA-05510), JSON
            body = json.dumps(
                {
                    "error": "API rate limit exceeded",
                    "count": str(spec[0] + 1),
                    "limit": str(spec[0]),
                }
            ).encode()
            return 429, body, "application/json", {"Retry-After": wait}
        if service == "openalex":
            body = json.dumps({"error": "Rate limit exceeded", "message": "Too many requests"})
            return 429, body.encode(), "application/json", {"Retry-After": wait}
        return 429, b"Rate exceeded.", "text/plain", {"Retry-After": wait}


class Services:
    """The four services' routes, answered from the recorded and added records."""

    def __init__(self, data: ServicesData | None = None) -> None:
        self.data = data or ServicesData()
        arxiv = _recorded_arxiv()
        for entry in self.data.arxiv:
            node = ET.fromstring(entry)
            m = re.search(r"/abs/(.+?)(v\d+)?$", node.findtext(f"{_ATOM}id") or "")
            if m:
                arxiv[m.group(1)] = entry
        self.arxiv = arxiv
        pubmed = _recorded_pubmed()
        for xml in self.data.pubmed:
            pmid = ET.fromstring(xml).findtext("MedlineCitation/PMID") or ""
            pubmed[pmid.strip()] = xml
        self.articles = {p: _article(p, x) for p, x in pubmed.items()}
        self.works = _recorded_openalex() + list(self.data.openalex)
        self.dblp = list(self.data.dblp)
        self.venues = [*self.data.venues, *_recorded_venues()]
        self.sources = self._sources()
        self.journal_names = self._journal_names()

    def headers(self, service: str, query: list[tuple[str, str]]) -> dict[str, str]:
        """The rate headers a service sends with every answer (as recorded)."""
        if service == "pubmed":
            keyed = any(k == "api_key" for k, _ in query)
            return {"X-RateLimit-Limit": "10" if keyed else "3"}
        if service == "openalex":
            return {"X-RateLimit-Limit": "1000", "X-RateLimit-Credits-Used": "1"}
        return {}

    # --- dispatch ----------------------------------------------------------------------------

    def answer(self, service: str, path: str, query: list[tuple[str, str]]) -> Reply:
        """The service's answer to ``path`` with ``query``."""
        if service == "arxiv":
            return self._arxiv(path, query)
        if service == "pubmed":
            return self._pubmed(path, query)
        if service == "openalex":
            return self._openalex(path, query)
        return self._dblp(path, query)

    # --- arXiv -------------------------------------------------------------------------------

    def _arxiv(self, path: str, query: list[tuple[str, str]]) -> Reply:
        if path != "/query":
            return 404, b"Not Found", "text/plain", {}
        params = dict(query)
        ids = [i.strip() for i in params.get("id_list", "").split(",") if i.strip()]
        for i in ids:
            if not (_NEW_ID.match(i) or _OLD_ID.match(i)):
                # As recorded (arxivpy__id_abc): HTTP 400 with one error entry.
                return 400, _feed([_error_entry(i)], 1), "application/atom+xml", {}
        limit = int(params.get("max_results", "10") or 10)
        entries = [self.arxiv[b] for b in (re.sub(r"v\d+$", "", i) for i in ids) if b in self.arxiv]
        return 200, _feed(entries[:limit], len(entries)), "application/atom+xml", {}

    # --- NCBI --------------------------------------------------------------------------------

    def _pubmed(self, path: str, query: list[tuple[str, str]]) -> Reply:
        params = dict(query)
        if path == "/efetch.fcgi":
            ids = [i.strip() for i in params.get("id", "").split(",") if i.strip()]
            if not ids:  # as recorded: sulpub__efetch_pubmed_error_empty_id.xml
                body = (
                    b"<eFetchResult><ERROR>Supplied id parameter is empty.</ERROR></eFetchResult>"
                )
                return 200, body, "text/xml; charset=UTF-8", {}
            found = "".join(self.articles[i].xml for i in ids if i in self.articles)
            body = f'<?xml version="1.0" ?>\n<PubmedArticleSet>{found}</PubmedArticleSet>'
            return 200, body.encode(), "text/xml; charset=UTF-8", {}
        if path == "/esearch.fcgi":
            term = params.get("term", "")
            db = params.get("db", "pubmed")
            ids = self._nlm(term) if db == "nlmcatalog" else self._esearch(term)
            retmax = int(params.get("retmax", "20") or 20)
            shown = "".join(f"<Id>{i}</Id>" for i in ids[:retmax])
            body = (
                '<?xml version="1.0" encoding="UTF-8" ?>\n<eSearchResult>'
                f"<Count>{len(ids)}</Count><RetMax>{min(retmax, len(ids))}</RetMax>"
                f"<RetStart>0</RetStart><IdList>{shown}</IdList></eSearchResult>"
            )
            return 200, body.encode(), "text/xml; charset=UTF-8", {}
        if path == "/ecitmatch.cgi":
            lines = [self._citmatch(line) for line in params.get("bdata", "").split("\r")]
            return 200, "\n".join(lines).encode() + b"\n", "text/plain", {}
        return 404, b"Not Found", "text/plain", {}

    def _esearch(self, term: str) -> list[str]:
        """AND of ``words[ti]``, ``name[au]`` and ``PMCnnn[pmcid]`` clauses."""
        hits = list(self.articles.values())
        for clause in re.split(r"\s+AND\s+", term):
            m = re.fullmatch(r"\s*(.*?)\s*\[(\w+)\]\s*", clause)
            text, tag = (m.group(1), m.group(2).lower()) if m else (clause, "all")
            want = words(text)
            if tag in ("ti", "title", "all"):
                hits = [a for a in hits if all(w in a.title for w in want)]
            elif tag in ("au", "author"):
                name = " ".join(want[:1])
                hits = [a for a in hits if any(f.startswith(name) for f in a.families)]
            else:
                hits = []
        return [a.pmid for a in hits]

    def _citmatch(self, line: str) -> str:
        """journal|year|volume|first page|author|key| → the same line with the PMID added."""
        cells = line.strip().split("|")
        if len(cells) < 6:
            return line
        journal, year, volume, page, author = (" ".join(words(c)) for c in cells[:5])
        for a in self.articles.values():
            if (
                journal in a.journals
                and (not year or a.year == year)
                and (not volume or a.volume == volume)
                and a.first_page == page
                and (not author or any(author.split()[0] == f for f in a.families))
            ):
                return "|".join(cells[:6]) + f"|{a.pmid}"
        return "|".join(cells[:6]) + "|NOT_FOUND"

    def _journal_names(self) -> set[str]:
        names = {j for a in self.articles.values() for j in a.journals}
        names |= {" ".join(words(n)) for n, _ in self.venues}
        return names

    def _nlm(self, term: str) -> list[str]:
        """NLM Catalog: ids of serials whose title or abbreviation is a quoted phrase."""
        phrases = {" ".join(words(p)) for p in re.findall(r'"([^"]+)"', term)}
        known = sorted(self.journal_names)
        return [str(100000 + known.index(p)) for p in phrases if p in known][:1]

    # --- OpenAlex ----------------------------------------------------------------------------

    def _openalex(self, path: str, query: list[tuple[str, str]]) -> Reply:
        params = dict(query)
        if self.data.openalex_key_required and "api_key" not in params:
            body = json.dumps({"error": "Unauthorized", "message": "API key required"})
            return 401, body.encode(), "application/json", {}
        if path.startswith("/works/"):
            doi = path[len("/works/") :].lower().removeprefix("https://doi.org/")
            for w in self.works:
                if (w.get("doi") or "").lower().removeprefix("https://doi.org/") == doi:
                    return 200, json.dumps(w).encode(), "application/json", {}
            # As recorded (paperqa ...not-in-openalex): an HTML 404 page.
            return 404, b"<h1>404 Not Found</h1>", "text/html; charset=utf-8", {}
        per_page = int(params.get("per-page", "25") or 25)
        if path == "/works":
            filt = params.get("filter", "")
            if filt.startswith("doi:"):
                wanted = {d.lower() for d in filt[4:].split("|")}
                got = [
                    w
                    for w in self.works
                    if (w.get("doi") or "").lower().removeprefix("https://doi.org/") in wanted
                ]
            elif params.get("search") or filt.startswith("title.search:"):
                text = params.get("search") or filt[len("title.search:") :]
                got = _ranked(text, self.works, lambda w: str(w.get("title") or ""))
            else:
                return 400, b'{"error": "Invalid query"}', "application/json", {}
            return 200, _oa_list(got[:per_page], len(got)), "application/json", {}
        if path == "/sources":
            want = words(params.get("search", ""))
            got = [
                s
                for s in self.sources
                if want
                and all(any(h.startswith(w) for h in words(s["display_name"])) for w in want)
            ]
            return 200, _oa_list(got[:per_page], len(got)), "application/json", {}
        return 404, b"<h1>404 Not Found</h1>", "text/html; charset=utf-8", {}

    def _sources(self) -> list[dict[str, Any]]:
        """Source objects (built from the docs' Source object) for every venue the stand-in's
        records name, with works counted by year."""
        counts: dict[str, dict[int, int]] = {}
        names: dict[str, str] = {}

        def add(name: str | None, year: int | None) -> None:
            if not name or not words(name):
                return
            key = " ".join(words(name))
            names.setdefault(key, name)
            by_year = counts.setdefault(key, {})
            if year is not None:
                by_year[year] = by_year.get(year, 0) + 1

        for w in self.works:
            src = (w.get("primary_location") or {}).get("source") or {}
            add(src.get("display_name"), w.get("publication_year"))
        for xml in (a.xml for a in self.articles.values()):
            node = ET.fromstring(xml)
            title = node.findtext("MedlineCitation/Article/Journal/Title")
            year = node.findtext("MedlineCitation/Article/Journal/JournalIssue/PubDate/Year")
            add(re.sub(r"\s*\(.*?\)\s*", " ", title or "").strip(), int(year) if year else None)
        for info in self.dblp:
            add(str(info.get("venue")), int(info["year"]) if info.get("year") else None)
        for name, year in self.venues:
            add(name, year)
        return [
            {
                "id": f"https://openalex.org/S8{i:08d}",
                "display_name": names[key],
                "works_count": sum(by_year.values()),
                "counts_by_year": [
                    {"year": y, "works_count": n} for y, n in sorted(by_year.items(), reverse=True)
                ],
                "type": "journal",
            }
            for i, (key, by_year) in enumerate(sorted(counts.items()))
        ]

    # --- DBLP --------------------------------------------------------------------------------

    def _dblp(self, path: str, query: list[tuple[str, str]]) -> Reply:
        if path != "/search/publ/api":
            return 404, b"Not Found", "text/plain", {}
        params = dict(query)
        want = words(params.get("q", ""))
        rows = int(params.get("h", "30") or 30)

        def text(info: Mapping[str, Any]) -> list[str]:
            authors = info["authors"]["author"]
            authors = authors if isinstance(authors, list) else [authors]
            names = " ".join(a["text"] for a in authors)
            return words(f"{info['title']} {names} {info['venue']} {info['year']}")

        query_text = params.get("q", "")
        # "venue:X year:Y" restricts to one venue and year (dblp's search syntax).
        venue = re.search(r"venue:(.*?)\s*(?:year:|$)", query_text)
        year = re.search(r"year:(\d{4})", query_text)
        if venue or year:
            want = []
        got = [
            i
            for i in self.dblp
            if (want or venue or year)
            and all(any(h.startswith(w) for h in text(i)) for w in want)
            and (not venue or words(str(i["venue"])) == words(venue.group(1)))
            and (not year or str(i["year"]) == year.group(1))
        ]
        hits = [{"@score": "10", "@id": str(n), "info": i} for n, i in enumerate(got[:rows])]
        body = {
            "result": {
                "query": params.get("q", ""),
                "status": {"@code": "200", "text": "OK"},
                "hits": {
                    "@total": str(len(got)),
                    "@computed": str(len(got)),
                    "@sent": str(len(hits)),
                    "@first": "0",
                    **({"hit": hits} if hits else {}),
                },
            }
        }
        return 200, json.dumps(body).encode(), "application/json", {}


def _ranked(text: str, works: list[dict[str, Any]], title: Any) -> list[dict[str, Any]]:
    """Works sharing at least 60 % of the query's words in their title, best first."""
    want = set(words(text))
    if not want:
        return []
    scored = []
    for w in works:
        have = set(words(title(w)))
        share = len(want & have) / len(want)
        if share >= 0.6:
            scored.append((share, w))
    scored.sort(key=lambda s: -s[0])
    return [w for _, w in scored]


def _oa_list(results: list[dict[str, Any]], count: int) -> bytes:
    meta = {"count": count, "db_response_time_ms": 5, "page": 1, "per_page": len(results)}
    return json.dumps({"meta": meta, "results": results, "group_by": []}).encode()


def _error_entry(bad: str) -> str:
    esc = html.escape(bad)
    return (
        '<entry xmlns="http://www.w3.org/2005/Atom">'
        f"<id>http://arxiv.org/api/errors#incorrect_id_format_for_{esc}</id><title>Error</title>"
        f"<summary>incorrect id format for {esc}</summary>"
        "<author><name>arXiv api core</name></author></entry>"
    )


def _feed(entries: list[str], total: int) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
        'xmlns:arxiv="http://arxiv.org/schemas/atom">'
        "<title>arXiv Query</title>"
        f"<opensearch:totalResults>{total}</opensearch:totalResults>"
        "<opensearch:startIndex>0</opensearch:startIndex>" + "".join(entries) + "</feed>"
    ).encode()


__all__ = [
    "PREFIXES",
    "SERVICES",
    "ServiceGate",
    "ServiceLimits",
    "Services",
    "ServicesData",
    "arxiv_record",
    "dblp_record",
    "openalex_record",
    "pubmed_record",
]
