"""A stand-in for Crossref, doi.org, DataCite, ClinicalTrials.gov (and, through
``standin_services``, arXiv, PubMed, OpenAlex and DBLP), serving recorded data.

Real sockets on 127.0.0.1 only, HTTP/1.1 keep-alive, the services' URL paths, bodies, headers and
status codes under one prefix each::

    /crossref      /works/{doi}  /works?filter=doi:..  /works?query.bibliographic=..
                   /works/{doi}/agency  /journals/{issn}
    /doi           /ra/{doi},{doi}..  /api/handles/{doi}
    /datacite      /dois/{doi}
    /ctgov/api/v2  /studies/{id}  /studies?filter.ids=..
    /isrctn/api    /query/format/default?q=ISRCTN12345678   (XML)

Crossref's limits are enforced like the real pools (polite with ``mailto``, public without,
``plus`` with a token; 429 past the rate or the concurrency). Latency and faults (503, dropped
connections, slow answers, malformed or truncated bodies, HTML error pages with status 200) can be
injected; requests, 429s and requests in flight are counted.

Library: ``with StandIn(StandInOptions(latency=0.05)) as server: server.crossref_url ...``.
Command line: ``python scripts/standin.py --port 8765 --latency 0.05`` (stops by itself after
``--max-seconds`` or ``--max-requests``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import select
import socket
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import standin_services  # arXiv, PubMed, OpenAlex, DBLP (#13): their own module
from standin_corpus import Corpus, load_corpus, read_jsonl, record_year

SERVICES = ("crossref", "doi", "datacite", "ctgov", "isrctn")
PREFIXES = {
    "/crossref": "crossref",
    "/doi": "doi",
    "/datacite": "datacite",
    "/ctgov/api/v2": "ctgov",
    "/isrctn/api": "isrctn",
    **standin_services.PREFIXES,
}
FAULT_KINDS = ("503", "500", "429", "403", "drop", "slow", "malformed", "truncated", "html200")
NOT_FOUND = b"Resource not found."
_NCT = re.compile(r"^NCT\d{8}$")
_LIST_KEYS = {"filter", "rows", "offset", "select", "sort", "order", "cursor", "query", "mailto"}
_FILTERS = {"doi", "from-pub-date", "until-pub-date", "type", "issn", "prefix"}
_HTML_ERROR = (
    b"<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong"
    b"</h1><p>The server encountered a temporary error.</p></body></html>"
)


@dataclass(frozen=True)
class ModeLimits:
    """Crossref limits of one access mode: per-second rates of the two pools, and concurrency."""

    single: int
    list: int
    concurrency: int
    interval: float = 1.0


DEFAULT_LIMITS = {
    "polite": ModeLimits(single=10, list=3, concurrency=3),
    "public": ModeLimits(single=5, list=1, concurrency=1),
    "plus": ModeLimits(single=50, list=15, concurrency=10),  # "higher": the stand-in's choice
}


@dataclass
class StandInOptions:
    """How the stand-in behaves: latency, limits, faults, extra data, bounds."""

    latency: float = 0.0
    enforce_limits: bool = True
    limits: dict[str, ModeLimits] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    retry_after: float | None = None  # Retry-After (seconds) on 429s; None: no header
    fault_rate: float = 0.0  # share of first attempts answered with a fault
    fault_kinds: tuple[str, ...] = ("503", "drop")
    fault_services: tuple[str, ...] = SERVICES
    faults: list[tuple[str, str]] = field(default_factory=list)  # scripted: (substring, kind)
    slow_seconds: float = 2.0
    seed: int = 0
    extra_works: list[dict[str, Any]] = field(default_factory=list)
    ctgov_aliases: dict[str, str] = field(default_factory=dict)  # alias -> canonical NCT id
    # --- trial registries (issue #12) ---
    extra_studies: list[dict[str, Any]] = field(default_factory=list)  # CT.gov v2 records
    isrctn_trials: list[dict[str, Any]] = field(default_factory=list)  # see isrctn_xml()
    ctgov_proxy_404: bool = False  # every ClinicalTrials.gov path: plain-text 404 (a proxy)
    max_requests: int = 1_000_000
    max_seconds: float | None = None
    idle_timeout: float = 15.0
    log_size: int = 20_000
    # arXiv, PubMed, OpenAlex, DBLP: records added to the recorded ones, and their limits.
    services: standin_services.ServicesData = field(default_factory=standin_services.ServicesData)
    service_limits: standin_services.ServiceLimits = field(
        default_factory=standin_services.ServiceLimits
    )


@dataclass(frozen=True)
class RequestRecord:
    """One request as the stand-in saw it."""

    at: float
    service: str
    path: str
    query: str
    status: int
    fault: str | None
    pool: str | None
    user_agent: str
    token: bool


class Counters:
    """Thread-safe counts of what the stand-in served."""

    def __init__(self, log_size: int) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.pools: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.throttled = 0  # 429s the limits caused (not injected faults)
        self.faults: Counter[str] = Counter()
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self.connections = 0
        self.tokens: Counter[str] = Counter()
        self.log: deque[RequestRecord] = deque(maxlen=log_size)

    @property
    def total(self) -> int:
        """Requests received, all services."""
        return sum(self.requests.values())

    def enter(self, service: str) -> int:
        """Count a request in flight; returns how many are now in flight for its service."""
        with self._lock:
            self.requests[service] += 1
            self.in_flight[service] += 1
            now = self.in_flight[service]
            self.max_in_flight[service] = max(self.max_in_flight[service], now)
            return now

    def leave(self, service: str) -> None:
        """A request stopped being in flight."""
        with self._lock:
            self.in_flight[service] -= 1

    def record(self, entry: RequestRecord) -> None:
        """Keep one request's record and count its status."""
        with self._lock:
            self.statuses[entry.status] += 1
            if entry.fault:
                self.faults[entry.fault] += 1
            if entry.pool:
                self.pools[entry.pool] += 1
            if entry.token:
                self.tokens[entry.service] += 1
            self.log.append(entry)

    def connection(self) -> None:
        """A new TCP connection was accepted."""
        with self._lock:
            self.connections += 1

    def count_throttled(self) -> None:
        """A 429 caused by the enforced limits."""
        with self._lock:
            self.throttled += 1

    def summary(self) -> dict[str, Any]:
        """The counts as plain data."""
        with self._lock:
            return {
                "requests": dict(self.requests),
                "pools": dict(self.pools),
                "statuses": dict(self.statuses),
                "throttled_429": self.throttled,
                "faults": dict(self.faults),
                "max_in_flight": dict(self.max_in_flight),
                "connections": self.connections,
                "token_seen": dict(self.tokens),
            }


@dataclass
class Answer:
    """What to send back."""

    status: int
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


def _json(data: Any, status: int = 200, content_type: str = "application/json") -> Answer:
    return Answer(status, json.dumps(data).encode(), content_type)


def _text(status: int, text: bytes, content_type: str = "text/plain") -> Answer:
    return Answer(status, text, content_type)


class Limits:
    """Crossref's enforced limits: a rolling window per (mode, pool), concurrency per mode."""

    def __init__(self, limits: Mapping[str, ModeLimits]) -> None:
        self.limits = dict(limits)
        self._lock = threading.Lock()
        self._starts: dict[tuple[str, str], deque[float]] = {}
        self.in_flight: Counter[str] = Counter()

    def admit(self, mode: str, pool: str) -> bool:
        """Count the request against its window and concurrency; False = answer 429."""
        spec = self.limits[mode]
        rate = spec.single if pool == "single" else spec.list
        now = time.monotonic()
        with self._lock:
            if self.in_flight[mode] >= spec.concurrency:
                return False
            starts = self._starts.setdefault((mode, pool), deque())
            while starts and starts[0] <= now - spec.interval:
                starts.popleft()
            if len(starts) >= rate:
                return False
            starts.append(now)
            self.in_flight[mode] += 1
            return True

    def release(self, mode: str) -> None:
        """An admitted request is done."""
        with self._lock:
            self.in_flight[mode] -= 1


class FaultPicker:
    """Decides which requests get a fault: scripted ones first, then a share of first attempts."""

    def __init__(self, options: StandInOptions) -> None:
        self.options = options
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._rng = random.Random(options.seed)
        self._script = list(options.faults)

    def pick(self, service: str, target: str) -> str | None:
        """The fault for this request, or None."""
        with self._lock:
            for position, (needle, kind) in enumerate(self._script):
                if needle in target:
                    del self._script[position]
                    return kind
            first = target not in self._seen
            self._seen.add(target)
            if (
                first
                and self.options.fault_rate > 0
                and service in self.options.fault_services
                and self._rng.random() < self.options.fault_rate
            ):
                return self._rng.choice(self.options.fault_kinds)
        return None


def _attempt_key(service: str, path: str, query: list[tuple[str, str]]) -> str:
    """A request's identity across retries: the mailto parameter does not count."""
    kept = "&".join(f"{k}={v}" for k, v in query if k != "mailto")
    return f"{service}{path}?{kept}"


class Router:
    """Answers each service's routes from the corpus."""

    def __init__(self, corpus: Corpus, options: StandInOptions) -> None:
        self.corpus = corpus
        self.options = options
        self.prefixes = corpus.prefixes()
        self.aliases = {a.upper(): c.upper() for a, c in options.ctgov_aliases.items()}

    # --- Crossref ---------------------------------------------------------------------------

    def crossref(self, path: str, query: list[tuple[str, str]]) -> Answer:
        """``/works``, ``/works/{doi}``, ``/works/{doi}/agency``, ``/journals/{issn}``."""
        if path == "/works":
            return self._work_list(query)
        if path.startswith("/works/") and path.endswith("/agency"):
            return self._agency(path[len("/works/") : -len("/agency")])
        if path.startswith("/works/"):
            if any(k != "mailto" for k, _ in query):
                return _json(
                    {
                        "status": "failed",
                        "message-type": "validation-failure",
                        "message": [
                            {
                                "type": "parameter-not-allowed",
                                "value": "query.*",
                                "message": "This route does not support field query parameters",
                            }
                        ],
                    },
                    400,
                    "application/json;charset=utf-8",
                )
            record = self.corpus.works.get(path[len("/works/") :].lower())
            if record is None:
                return _text(404, NOT_FOUND)
            return _json(
                {
                    "status": "ok",
                    "message-type": "work",
                    "message-version": "1.0.0",
                    "message": record,
                }
            )
        if path.startswith("/journals/"):
            journal = self.corpus.journals.get(path[len("/journals/") :].lower())
            if journal is None:
                return _text(404, NOT_FOUND)
            return _json(
                {
                    "status": "ok",
                    "message-type": "journal",
                    "message-version": "1.0.0",
                    "message": journal,
                }
            )
        return _text(404, NOT_FOUND)

    def _agency(self, doi: str) -> Answer:
        key = doi.lower()
        if key in self.corpus.works:
            agency = {"id": "crossref", "label": "Crossref"}
        elif key in self.corpus.datacite:
            agency = {"id": "datacite", "label": "DataCite"}
        else:
            return _text(404, NOT_FOUND)
        return _json(
            {
                "status": "ok",
                "message-type": "work-agency",
                "message-version": "1.0.0",
                "message": {"DOI": key, "agency": agency},
            },
            content_type="application/json;charset=utf-8",
        )

    @staticmethod
    def _invalid(kind: str, value: str, message: str) -> Answer:
        return _json(
            {
                "status": "failed",
                "message-type": "validation-failure",
                "message": [{"type": kind, "value": value, "message": message}],
            },
            400,
        )

    def _work_list(self, query: list[tuple[str, str]]) -> Answer:
        params: dict[str, str] = {}
        queries: dict[str, str] = {}
        for key, value in query:
            if key.startswith("query."):
                name = key[len("query.") :]
                if name not in ("bibliographic", "container-title", "author", "title"):
                    return self._invalid("parameter-not-allowed", key, f"{key} is not supported")
                queries[name] = value
            elif key == "query":
                queries["bibliographic"] = value
            elif key in _LIST_KEYS:
                params[key] = value
            else:
                return self._invalid("parameter-not-allowed", key, f"{key} is not supported")
        try:
            rows = int(params.get("rows", "20"))
            offset = int(params.get("offset", "0"))
        except ValueError:
            return self._invalid("integer-not-valid", params.get("rows", ""), "rows/offset")
        if not 0 <= rows <= 1000 or offset < 0:
            return self._invalid("integer-not-valid", str(rows), "rows must be 0..1000")
        filters: list[tuple[str, str]] = []
        for part in filter(None, params.get("filter", "").split(",")):
            name, _, value = part.partition(":")
            if name not in _FILTERS or not value:
                return self._invalid(
                    "filter-not-available",
                    name,
                    f"Filter {name} specified but there is no such filter for this route.",
                )
            filters.append((name, value))
        dois = [v.lower() for n, v in filters if n == "doi"]
        candidates = (
            [d for d in dict.fromkeys(dois) if d in self.corpus.works]
            if dois
            else list(self.corpus.works)
        )
        candidates = [d for d in candidates if self._passes(self.corpus.works[d], filters)]
        scored: list[tuple[str, float]]
        if queries:
            totals: dict[str, float] = {}
            for name, text in queries.items():
                for doi, score in self.corpus.indexes[name].scores(text).items():
                    totals[doi] = totals.get(doi, 0.0) + score
            allowed = set(candidates)
            ranked = [(s, d) for d, s in totals.items() if d in allowed]
            ranked.sort(key=lambda pair: (-pair[0], pair[1]))
            scored = [(d, round(s, 3)) for s, d in ranked]
        else:
            scored = [(d, 0.0 if not dois else 1.0) for d in candidates]
        page = scored[offset : offset + rows]
        selected = [s.strip() for s in params.get("select", "").split(",") if s.strip()]
        items = []
        for doi, score in page:
            record = dict(self.corpus.works[doi], score=score)
            if selected:
                record = {k: v for k, v in record.items() if k in selected}
            items.append(record)
        return _json(
            {
                "status": "ok",
                "message-type": "work-list",
                "message-version": "1.0.0",
                "message": {
                    "facets": {},
                    "total-results": len(scored),
                    "items": items,
                    "items-per-page": rows,
                    "query": {"start-index": offset, "search-terms": queries.get("bibliographic")},
                },
            }
        )

    @staticmethod
    def _passes(record: Mapping[str, Any], filters: list[tuple[str, str]]) -> bool:
        year = record_year(record)
        for name, value in filters:
            if name == "from-pub-date" and (year is None or year < int(value[:4])):
                return False
            if name == "until-pub-date" and (year is None or year > int(value[:4])):
                return False
            if name == "type" and record.get("type") != value:
                return False
            if name == "issn" and value not in (record.get("ISSN") or ()):
                return False
            if name == "prefix" and not str(record.get("DOI", "")).startswith(value + "/"):
                return False
        return True

    # --- doi.org ----------------------------------------------------------------------------

    def _agency_of(self, doi: str) -> str | None:
        key = doi.lower()
        if key in self.corpus.works:
            return "Crossref"
        if key in self.corpus.datacite:
            return "DataCite"
        agencies = self.options.services.doi_agencies
        if key in agencies or key.split("/", 1)[0] in agencies:
            return agencies.get(key) or agencies[key.split("/", 1)[0]]
        if "/" not in key:
            return self.prefixes.get(key)
        return None

    def doi(self, path: str, query: list[tuple[str, str]]) -> Answer:
        """``/ra/{doi},{doi}...`` and ``/api/handles/{doi}``."""
        if path.startswith("/ra/"):
            out: list[dict[str, str]] = []
            for raw in path[len("/ra/") :].split(","):
                doi = unquote(raw)
                agency = self._agency_of(doi)
                if agency:
                    out.append({"DOI": doi, "RA": agency})
                elif not doi.startswith("10."):
                    out.append({"DOI": doi, "status": "Invalid DOI"})
                else:
                    out.append({"DOI": doi, "status": "DOI does not exist"})
            return Answer(200, json.dumps(out, indent=2).encode(), "application/json;charset=UTF-8")
        if path.startswith("/api/handles/"):
            doi = unquote(path[len("/api/handles/") :])
            if self._agency_of(doi) and "/" in doi:
                return _json(
                    {
                        "responseCode": 1,
                        "handle": doi,
                        "values": [
                            {
                                "index": 1,
                                "type": "URL",
                                "ttl": 86400,
                                "data": {"format": "string", "value": f"https://example.org/{doi}"},
                            },
                        ],
                    },
                    content_type="application/json;charset=UTF-8",
                )
            missing = {"responseCode": 100, "handle": doi}
            return _json(missing, 404, "application/json;charset=UTF-8")
        return _text(404, b"<html><body><h1>DOI Not Found</h1></body></html>", "text/html")

    # --- DataCite ---------------------------------------------------------------------------

    def datacite(self, path: str, query: list[tuple[str, str]]) -> Answer:
        """``/dois/{doi}``."""
        if path.startswith("/dois/"):
            document = self.corpus.datacite.get(path[len("/dois/") :].lower())
            if document is not None:
                return _json(document, content_type="application/json; charset=utf-8")
        return _json(
            {
                "errors": [
                    {"status": "404", "title": "The resource you are looking for doesn't exist."}
                ]
            },
            404,
            "application/json; charset=utf-8",
        )

    # --- ClinicalTrials.gov -----------------------------------------------------------------

    def _study(self, canonical: str) -> dict[str, Any]:
        """A study as served, with any configured aliases in ``nctIdAliases``."""
        study = self.corpus.studies[canonical]
        aliases = sorted(a for a, c in self.aliases.items() if c == canonical)
        if not aliases:
            return study
        copy = json.loads(json.dumps(study))
        misc = copy.setdefault("derivedSection", {}).setdefault("miscInfoModule", {})
        misc["nctIdAliases"] = sorted(set(misc.get("nctIdAliases", [])) | set(aliases))
        return dict(copy)

    def ctgov(self, path: str, query: list[tuple[str, str]], prefix: str) -> Answer:
        """``/studies/{id}`` and ``/studies?filter.ids=...``."""
        if self.options.ctgov_proxy_404:
            return _text(404, b"Not Found")
        if path.startswith("/studies/"):
            nct = path[len("/studies/") :].upper()
            if not _NCT.match(nct):
                return _text(400, f"Invalid NCT number: {nct}".encode())
            if nct in self.corpus.studies:
                return _json(self._study(nct))
            if nct in self.aliases:
                answer = _text(301, b"")
                qs = "&".join(f"{k}={quote(v)}" for k, v in query)
                answer.headers["Location"] = f"{prefix}/studies/{self.aliases[nct]}" + (
                    f"?{qs}" if qs else ""
                )
                return answer
            return _text(404, f"Study {nct} not found".encode())
        if path == "/studies" and "query.term" in dict(query):
            return self._ctgov_term(dict(query)["query.term"])
        if path == "/studies":
            params = dict(query)
            ids = [i.strip().upper() for i in params.get("filter.ids", "").split(",") if i.strip()]
            bad = [i for i in ids if not _NCT.match(i)]
            if bad:
                return _text(400, f"filter.ids: invalid NCT number {bad[0]}".encode())
            try:
                size = min(1000, max(1, int(params.get("pageSize", "10"))))
                start = int(params.get("pageToken", "0") or 0)
            except ValueError:
                return _text(400, b"pageSize/pageToken must be numbers")
            found = [self.aliases.get(i, i) for i in ids] if ids else list(self.corpus.studies)
            canonical = [c for c in dict.fromkeys(found) if c in self.corpus.studies]
            page = canonical[start : start + size]
            body: dict[str, Any] = {"studies": [self._study(c) for c in page]}
            if start + size < len(canonical):
                body["nextPageToken"] = str(start + size)
            return _json(body)
        return _text(404, b"Not Found")

    def _ctgov_term(self, term: str) -> Answer:
        """``query.term=AREA[SecondaryId]"X"``: the studies listing X as a secondary or org id.

        Only this one Essie expression is understood (the one the client sends); anything else
        is answered with no studies, as the real search would find nothing for it here.
        """
        m = re.fullmatch(r'AREA\[SecondaryId\]"([^"]+)"', term.strip())
        wanted = m.group(1).upper() if m else None
        found = []
        for study in self.corpus.studies.values():
            ident = study.get("protocolSection", {}).get("identificationModule", {})
            ids = [i.get("id", "") for i in ident.get("secondaryIdInfos", [])]
            ids.append(ident.get("orgStudyIdInfo", {}).get("id", ""))
            if wanted and wanted in (str(i).upper() for i in ids):
                found.append(study)
        return _json({"studies": found})

    # --- ISRCTN (issue #12) ------------------------------------------------------------------

    def isrctn(self, path: str, query: list[tuple[str, str]]) -> Answer:
        """``/query/format/default?q=...``: the trials whose number or title the query names."""
        if path != "/query/format/default":
            return _text(404, b"Not Found")
        q = dict(query).get("q", "").strip()
        number = q.upper().removeprefix("ISRCTN")
        hits = [t for t in self.options.isrctn_trials if str(t.get("isrctn")) == number]
        return Answer(200, isrctn_xml(hits), "application/xml;charset=UTF-8", {})


def _xml(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def isrctn_xml(trials: list[dict[str, Any]]) -> bytes:
    """An ISRCTN API answer for these trials.

    No ISRCTN response was recorded: the shape (``allTrials``/``fullTrial``/``trial`` in the
    namespace ``http://www.67bricks.com/isrctn``, ``trialDescription``, ``externalRefs``,
    ``conditions``, ``interventions``, ``sponsor/organisation``) follows the API's documented
    XML as its public clients parse it. Each trial is a dict with ``isrctn`` (digits),
    ``title``, ``scientificTitle``, ``acronym``, ``conditions``, ``interventions``
    (``description``, ``drugNames``), ``sponsor``, ``eudraCTNumber``,
    ``clinicalTrialsGovNumber`` and ``doi``.
    """
    parts = [f'<allTrials xmlns="http://www.67bricks.com/isrctn" totalCount="{len(trials)}">']
    for t in trials:
        desc = "".join(
            f"<{k}>{_xml(t[k])}</{k}>" for k in ("acronym", "title", "scientificTitle") if t.get(k)
        )
        refs = "".join(
            f"<{k}>{_xml(t[k])}</{k}>"
            for k in ("doi", "eudraCTNumber", "clinicalTrialsGovNumber")
            if t.get(k)
        )
        conditions = "".join(
            f"<condition><description>{_xml(c)}</description></condition>"
            for c in t.get("conditions", [])
        )
        interventions = "".join(
            "<intervention>"
            + "".join(f"<{k}>{_xml(i[k])}</{k}>" for k in ("description", "drugNames") if i.get(k))
            + "</intervention>"
            for i in t.get("interventions", [])
        )
        parts.append(
            f"<fullTrial><trial><isrctn>{_xml(t['isrctn'])}</isrctn>"
            f"<trialDescription>{desc}</trialDescription><externalRefs>{refs}</externalRefs>"
            f"<conditions>{conditions}</conditions><interventions>{interventions}</interventions>"
            f"</trial><sponsor><organisation>{_xml(t.get('sponsor', ''))}</organisation></sponsor>"
            "</fullTrial>"
        )
    parts.append("</allTrials>")
    return "".join(parts).encode()


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer carrying the stand-in's state for its handlers."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], state: StandIn) -> None:
        self.state = state
        super().__init__(address, state.handler_class)


class _Handler(BaseHTTPRequestHandler):
    """One connection: answers its requests (keep-alive) from the stand-in's state."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Idle keep-alive connections close after this long, so handler threads end.
        self.connection.settimeout(self.server.state.options.idle_timeout)
        self.server.state.track(self.connection, True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.state.track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.state.verbose:
            super().log_message(format, *args)

    def _client_gone(self) -> bool:
        """True when the client closed the connection (it gave up on a slow answer)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if not readable:
                return False
            return bool(self.connection.recv(1, socket.MSG_PEEK) == b"")
        except OSError:
            return True

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        state = self.server.state
        options = state.options
        split = urlsplit(self.path)
        query = parse_qsl(split.query, keep_blank_values=True)
        service, prefix, path = None, "", split.path
        for candidate, name in PREFIXES.items():
            if split.path == candidate or split.path.startswith(candidate + "/"):
                service, prefix, path = name, candidate, split.path[len(candidate) :]
        if service is None:
            self._send(_text(404, b"Not Found"))
            return
        if service != "doi":  # doi.org splits /ra/ lists on literal commas first
            path = unquote(path)
        user_agent = self.headers.get("User-Agent", "")
        token = "Crossref-Plus-API-Token" in self.headers
        pool: str | None = None
        pool_kind = "single"
        mode: str | None = None
        admitted = False
        fault: str | None = None
        state.counters.enter(service)
        answer: Answer | None = None
        try:
            if service == "crossref":
                mode = (
                    "plus"
                    if token
                    else "polite"
                    if any(k == "mailto" for k, _ in query) or "mailto:" in user_agent
                    else "public"
                )
                pool_kind = "list" if path == "/works" else "single"
                pool = f"{mode}-{'array' if pool_kind == 'list' else 'single'}"
                if options.enforce_limits and not state.limits.admit(mode, pool_kind):
                    state.counters.count_throttled()
                    answer = self._too_many()
                else:
                    admitted = options.enforce_limits
            if service in standin_services.SERVICES and options.enforce_limits:
                refused = state.service_gate.admit(service, query)
                if refused is not None:
                    state.counters.count_throttled()
                    answer = Answer(*refused)
            if answer is None:
                fault = state.faults.pick(service, _attempt_key(service, path, query))
            if options.latency:
                time.sleep(options.latency)
            if answer is None:
                answer = self._answer(service, prefix, path, query, fault)
        finally:
            state.counters.leave(service)
            if admitted and mode is not None:
                state.limits.release(mode)
        status = answer.status if answer is not None else 0
        state.counters.record(
            RequestRecord(
                time.monotonic(), service, path, split.query, status, fault, pool, user_agent, token
            )
        )
        if answer is None:  # dropped: close without a response
            self.close_connection = True
            return
        if mode is not None:
            spec = options.limits[mode]
            answer.headers.update(
                {
                    "x-api-pool": pool or mode,
                    "x-rate-limit-limit": str(spec.list if pool_kind == "list" else spec.single),
                    "x-rate-limit-interval": f"{spec.interval:g}s",
                    "x-concurrency-limit": str(spec.concurrency),
                }
            )
        self._send(answer, truncate=fault == "truncated")

    def _too_many(self) -> Answer:
        answer = _text(
            429, b"<html><body><h1>429 Too Many Requests</h1></body></html>", "text/html"
        )
        retry_after = self.server.state.options.retry_after
        if retry_after is not None:
            answer.headers["Retry-After"] = f"{retry_after:g}"
        return answer

    def _answer(
        self,
        service: str,
        prefix: str,
        path: str,
        query: list[tuple[str, str]],
        fault: str | None,
    ) -> Answer | None:
        """The normal answer, or the fault's; None means drop the connection."""
        state = self.server.state
        if fault == "drop":
            return None
        if fault in ("503", "500"):
            return _text(int(fault), b"Service Unavailable" if fault == "503" else b"Error")
        if fault == "429":
            return self._too_many()
        if fault == "403":
            return _text(403, b"Forbidden: this client has been blocked.")
        if fault == "malformed":
            return _text(200, b'{"status": "ok", "message": {"DOI": "10.', "application/json")
        if fault == "html200":
            return _text(200, _HTML_ERROR, "text/html;charset=utf-8")
        if fault == "slow":
            deadline = time.monotonic() + state.options.slow_seconds
            while time.monotonic() < deadline:
                if self._client_gone():
                    return None
                time.sleep(0.01)
        router = state.router
        if service == "crossref":
            return router.crossref(path, query)
        if service == "doi":
            return router.doi(path, query)
        if service == "datacite":
            return router.datacite(path, query)
        if service == "isrctn":
            return router.isrctn(path, query)
        if service in standin_services.SERVICES:
            status, body, content_type, headers = state.services.answer(service, path, query)
            headers = {**state.services.headers(service, query), **headers}
            return Answer(status, body, content_type, headers)
        return router.ctgov(path, query, prefix)

    def _send(self, answer: Answer, truncate: bool = False) -> None:
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if truncate:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body[: len(answer.body) // 2] if truncate else answer.body)
            if truncate:
                self.close_connection = True
        except OSError:
            self.close_connection = True


class StandIn:
    """The stand-in server in a background thread; a context manager."""

    handler_class: type[BaseHTTPRequestHandler] = _Handler  # scripts/hostile.py swaps it

    def __init__(
        self,
        options: StandInOptions | None = None,
        *,
        corpus: Corpus | None = None,
        port: int = 0,
        verbose: bool = False,
    ) -> None:
        self.options = options or StandInOptions()
        if corpus is None:
            corpus = load_corpus(extra_works=self.options.extra_works)
        elif self.options.extra_works:  # never change a corpus other servers share
            corpus = Corpus(
                works=dict(corpus.works),
                datacite=corpus.datacite,
                journals=dict(corpus.journals),
                studies=corpus.studies,
            )
            corpus.add_works(self.options.extra_works)
        if self.options.extra_studies:  # trial registries (issue #12): a copy, never shared
            corpus = Corpus(
                works=corpus.works,
                datacite=corpus.datacite,
                journals=corpus.journals,
                studies=dict(corpus.studies),
                indexes=corpus.indexes,
            )
            for study in self.options.extra_studies:
                nct = study["protocolSection"]["identificationModule"]["nctId"]
                corpus.studies[str(nct).upper()] = study
        self.corpus = corpus
        self.port = port
        self.verbose = verbose
        self.counters = Counters(self.options.log_size)
        self.limits = Limits(self.options.limits)
        self.faults = FaultPicker(self.options)
        self.router = Router(self.corpus, self.options)
        self._server: _Server | None = None
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._services: standin_services.Services | None = None
        self.service_gate = standin_services.ServiceGate(self.options.service_limits)

    @property
    def services(self) -> standin_services.Services:
        """arXiv, PubMed, OpenAlex and DBLP, loaded on first use (most tests never ask them)."""
        with self._lock:
            if self._services is None:
                data = self.options.services
                venues = [
                    (str(title), record_year(record))
                    for record in self.corpus.works.values()
                    for title in (record.get("container-title") or [])[:1]
                ]
                data = standin_services.ServicesData(
                    # arXiv holds every paper whose arXiv DOI DataCite holds (records added
                    # explicitly win over these).
                    arxiv=[
                        *standin_services.arxiv_from_datacite(self.corpus.datacite.values()),
                        *data.arxiv,
                    ],
                    pubmed=data.pubmed,
                    openalex=data.openalex,
                    dblp=data.dblp,
                    venues=[*data.venues, *venues],
                    openalex_key_required=data.openalex_key_required,
                    doi_agencies=data.doi_agencies,
                )
                self._services = standin_services.Services(data)
            return self._services

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> StandIn:
        """Listen on 127.0.0.1 and serve in a background thread."""
        if self.options.services != standin_services.ServicesData():
            # Records were added: load now, so no request waits (and arrives late) for it.
            _ = self.services
        self._server = _Server(("127.0.0.1", self.port), self)
        self.port = self._server.server_address[1]
        serve = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="standin",
            daemon=True,
        )
        watch = threading.Thread(target=self._watch, name="standin-watchdog", daemon=True)
        self._threads = [serve, watch]
        for thread in self._threads:
            thread.start()
        return self

    def _watch(self) -> None:
        """Stop by ourselves after ``max_seconds`` or ``max_requests``."""
        started = time.monotonic()
        limit = self.options.max_seconds
        while not self._stopping.wait(0.2):
            too_old = limit is not None and time.monotonic() - started > limit
            if too_old or self.counters.total >= self.options.max_requests:
                threading.Thread(target=self.stop, daemon=True).start()
                return

    def stop(self) -> None:
        """Stop serving, close open connections, release the port."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            with self._lock:
                open_sockets = list(self._sockets)
            for sock in open_sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            self._server.server_close()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout=5)

    def wait(self) -> None:
        """Block until the server stops (command line use)."""
        self._stopping.wait()
        for thread in self._threads:
            thread.join(timeout=5)

    def track(self, sock: socket.socket, open_: bool) -> None:
        """Remember open connections so ``stop`` can close them."""
        with self._lock:
            if open_:
                self._sockets.add(sock)
                self.counters.connection()
            else:
                self._sockets.discard(sock)

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- where things are -------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL of the server."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def crossref_url(self) -> str:
        """Base URL to use as ``Settings.crossref_url``."""
        return self.url + "/crossref"

    @property
    def doi_url(self) -> str:
        """Base URL to use as ``Settings.doi_url``."""
        return self.url + "/doi"

    @property
    def datacite_url(self) -> str:
        """Base URL to use as ``Settings.datacite_url``."""
        return self.url + "/datacite"

    @property
    def ctgov_url(self) -> str:
        """Base URL to use as ``Settings.ctgov_url``."""
        return self.url + "/ctgov/api/v2"

    @property
    def isrctn_url(self) -> str:
        """Base URL to use as ``Settings.isrctn_url``."""
        return self.url + "/isrctn/api"

    def service_urls(self) -> dict[str, str]:
        """All four base URLs as ``Settings`` keyword arguments."""
        return {
            "crossref_url": self.crossref_url,
            "doi_url": self.doi_url,
            "datacite_url": self.datacite_url,
            "ctgov_url": self.ctgov_url,
            "isrctn_url": self.isrctn_url,
            "arxiv_url": self.url + "/arxiv/api",
            "pubmed_url": self.url + "/pubmed/entrez/eutils",
            "openalex_url": self.url + "/openalex",
            "dblp_url": self.url + "/dblp",
        }

    # --- changing records between runs (tests of what changes over time) -------------------

    def amend_works(self, records: list[dict[str, Any]]) -> None:
        """Serve these Crossref records from now on, replacing any with the same DOI.

        For tests of a registry that changes between two runs (a work retracted since, say).
        The shared corpus is never changed: this server gets its own copy.
        """
        corpus = Corpus(
            works=dict(self.corpus.works),
            datacite=self.corpus.datacite,
            journals=dict(self.corpus.journals),
            studies=self.corpus.studies,
        )
        corpus.add_works(records)
        self.corpus = corpus
        self.router = Router(corpus, self.options)

    def reset_counters(self) -> None:
        """Start counting afresh (e.g. between a cold and a warm run)."""
        self.counters = Counters(self.options.log_size)

    def requests_to(self, service: str) -> list[RequestRecord]:
        """The recorded requests to one service, oldest first."""
        return [r for r in list(self.counters.log) if r.service == service]


@contextlib.contextmanager
def running(options: StandInOptions | None = None, **kwargs: Any) -> Iterator[StandIn]:
    """``with running(StandInOptions(...)) as server:`` — start, yield, stop."""
    server = StandIn(options, **kwargs)
    with server:
        yield server


def main(argv: list[str] | None = None) -> int:
    """Command line: serve until stopped, ``--max-seconds`` or ``--max-requests``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to each answer")
    parser.add_argument("--retry-after", type=float, default=None, help="Retry-After on 429s")
    parser.add_argument("--fault-rate", type=float, default=0.0)
    parser.add_argument("--fault-kinds", default="503,drop", help=f"from {','.join(FAULT_KINDS)}")
    parser.add_argument("--no-limits", action="store_true", help="do not enforce Crossref limits")
    parser.add_argument("--seed-works", type=Path, help="extra Crossref records (JSON lines)")
    parser.add_argument(
        "--trial-corpus",
        action="store_true",
        help="also serve the constructed trial records of tests/data/trials (ClinicalTrials.gov "
        "studies, their result papers, ISRCTN registrations)",
    )
    parser.add_argument("--max-seconds", type=float, default=3600.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    kinds = tuple(k.strip() for k in args.fault_kinds.split(",") if k.strip())
    unknown = [k for k in kinds if k not in FAULT_KINDS]
    if unknown:
        parser.error(f"unknown fault kind(s): {', '.join(unknown)}")
    trials: dict[str, Any] = {}
    if args.trial_corpus:
        import trial_cases

        trials = {
            "extra_studies": trial_cases.constructed_studies(),
            "isrctn_trials": trial_cases.isrctn_trials(),
        }
    options = StandInOptions(
        **trials,
        latency=args.latency,
        retry_after=args.retry_after,
        fault_rate=args.fault_rate,
        fault_kinds=kinds,
        enforce_limits=not args.no_limits,
        extra_works=(read_jsonl(args.seed_works) if args.seed_works else [])
        + (trial_cases.articles() if args.trial_corpus else []),
        max_seconds=args.max_seconds,
        max_requests=args.max_requests,
    )
    server = StandIn(options, port=args.port, verbose=args.verbose).start()
    print(f"stand-in serving on {server.url}", flush=True)
    for name, url in server.service_urls().items():
        print(f"  {name:13} {url}", flush=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        server.stop()
    print(json.dumps(server.counters.summary()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
