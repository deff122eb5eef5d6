"""The one HTTP layer every live registry client goes through.

A ``Service`` is one registry (Crossref, doi.org, DataCite, ClinicalTrials.gov): a pooled
``httpx.AsyncClient`` with veribib's User-Agent and the configured timeout, the pool limiters of
``ratelimit``, the retries of ``retry`` and the response cache. ``get`` answers with a ``Reply``
(any HTTP answer the service gave, from the network or the cache) or an ``Unavailable`` (every
attempt failed, or offline) — never an exception, except ``ResolveError`` for 401/403.

Secrets and contact details stay out of everything stored or shown: the Crossref Plus token is a
header sent only by the Crossref service, and the ``mailto`` parameter is added at send time, so
neither is in a cache key, a stored URL, an ``Outcome.url``, a log line or an error message.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
import ssl
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar
from urllib.parse import quote, urlencode

from veribib import __version__
from veribib.config import Settings
from veribib.errors import ResolveError
from veribib.model import Outcome, Status
from veribib.resolve.interface import CachedResponse, ResponseCache
from veribib.resolve.ratelimit import PoolLimiter, PoolSpec, make_pools
from veribib.resolve.retry import (
    BodyTooLarge,
    GaveUp,
    MalformedBody,
    RetryableStatus,
    RetryPolicy,
    call_with_retries,
    parse_retry_after,
)

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)
# httpx logs every full request URL at INFO: with the NCBI/OpenAlex keys and the contact e-mail
# added at send time, that would put secrets in --debug output.
logging.getLogger("httpx").setLevel(logging.WARNING)
T = TypeVar("T")
A = TypeVar("A")

DAY = 86_400.0
MAX_AGE_OK = 30 * DAY  # a record that existed rarely stops existing
MAX_AGE_NOT_FOUND = 1 * DAY  # a miss may become a hit when the deposit arrives
MAX_BODY = 10 * 1024 * 1024  # decoded bytes; a record list of 50 large works is ~8 MB
CACHEABLE = frozenset({200, 203, 400, 404, 410})  # answers (facts); never 5xx, 429 or failures
REFUSED = frozenset({401, 403})

Params = Sequence[tuple[str, str]]
Validator = Callable[[Any], bool]

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def user_agent(mailto: str | None) -> str:
    """veribib's User-Agent: name, version, project URL and, when configured, the contact."""
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"veribib/{__version__} (+https://github.com/veribib/veribib{contact})"


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer from a service (or the cache): status, body and the public URL asked."""

    url: str  # public: no mailto, no token
    status: int
    body: bytes
    content_type: str
    data: Any = None  # parsed JSON body, None when it is not JSON
    from_cache: bool = False
    fetched_at: float = 0.0

    def text(self, limit: int = 300) -> str:
        """The body as short plain text (tags stripped), for details and error messages."""
        text = _SPACE.sub(" ", _TAGS.sub(" ", self.body.decode("utf-8", "replace"))).strip()
        return text[:limit]


@dataclass(frozen=True, slots=True)
class Unavailable:
    """No answer: every attempt failed (outage, timeouts, garbled bodies) or we are offline."""

    url: str
    detail: str
    offline: bool = False


Result = Reply | Unavailable


async def gather_or_raise(*aws: Awaitable[T]) -> list[T]:
    """Run awaitables together; on the first error cancel the others and raise that error.

    Unlike ``asyncio.gather`` nothing is left running after a ``ResolveError`` (HTTP 403), and
    unlike a ``TaskGroup`` the error is not wrapped in an ``ExceptionGroup``.
    """
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for every service: loading the CA bundle costs ~25 ms each time."""
    return ssl.create_default_context()


def parse_json(body: bytes) -> Any:
    """The JSON in a body, or None when it is not JSON."""
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None


class MemoryCache:
    """A ``ResponseCache`` in a dict: for tests, benchmarks and one-off runs."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.entries: dict[str, CachedResponse] = {}
        self.reads = 0
        self.hits = 0

    def get(self, url: str, max_age_ok: float, max_age_not_found: float) -> CachedResponse | None:
        """The stored response for ``url`` if young enough (2xx: ``max_age_ok``, else the other)."""
        self.reads += 1
        entry = self.entries.get(url)
        if entry is None:
            return None
        max_age = max_age_ok if 200 <= entry.status < 300 else max_age_not_found
        if self.clock() - entry.fetched_at > max_age:
            return None
        self.hits += 1
        return entry

    def put(self, response: CachedResponse) -> None:
        """Store a response; refuses what must never be cached (5xx, 429)."""
        if response.status >= 500 or response.status == 429:
            raise ValueError(f"refusing to cache HTTP {response.status} for {response.url}")
        self.entries[response.url] = response


@dataclass
class ServiceStats:
    """What a service did in a run: for tests, logs and the benchmark."""

    attempts: int = 0  # requests sent over the network
    retries: int = 0
    cache_hits: int = 0
    cache_writes: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    waits: list[float] = field(default_factory=list)  # seconds slept before each retry


class Service:
    """One registry over HTTP: pooled connections, rate limits, retries and the response cache."""

    def __init__(
        self,
        name: str,
        base_url: str,
        pools: Mapping[str, PoolLimiter],
        *,
        label: str | None = None,
        mailto: str | None = None,
        mailto_param: bool = False,
        secret_headers: Mapping[str, str] | None = None,
        timeout: float = 20.0,
        policy: RetryPolicy | None = None,
        cache: ResponseCache | None = None,
        refresh: bool = False,
        offline: bool = False,
        follow_redirects: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        max_age_ok: float = MAX_AGE_OK,
        max_age_not_found: float = MAX_AGE_NOT_FOUND,
        max_body: int = MAX_BODY,
        deadline: float | None = None,
        is_miss: Callable[[Reply], bool] | None = None,
        secret_params: Params = (),
        refusal_stops: bool = True,
    ) -> None:
        self.name = name
        self.timeout = timeout  # a whole request (headers and body) must end within this
        self.max_body = max_body
        # The service's own "no such thing" shape: a 4xx in any other shape is not cached.
        self.is_miss = is_miss
        self.deadline = deadline  # time.monotonic() after which nothing more is asked
        # Set when the service asks us to come back later than the policy will wait: until
        # then every lookup is an outage at once, instead of stalling the pool.
        self._away_until = 0.0
        self._away_reason = ""
        self.label = label or name
        self.base_url = base_url.rstrip("/")
        self.pools = dict(pools)
        self.policy = policy or RetryPolicy()
        self.cache = cache
        self.refresh = refresh
        self.offline = offline
        self.max_age_ok = max_age_ok
        self.max_age_not_found = max_age_not_found
        self.stats = ServiceStats()
        self._hidden_params: list[tuple[str, str]] = (
            [("mailto", mailto)] if mailto and mailto_param else []
        )
        self._secrets = dict(secret_headers or {})
        # API keys sent as query parameters (NCBI, OpenAlex): added at send time like mailto,
        # so never in a cache key, a stored URL or a message; blanked from error text too.
        self._hidden_params += [(k, v) for k, v in secret_params if v]
        self._param_secrets = [v for _, v in secret_params if v]
        # False: a 401/403 means "this registry is not available to us" (an outage for the
        # lookup, e.g. OpenAlex without its now-required key), not "stop the run".
        self.refusal_stops = refusal_stops
        self._client_options: dict[str, Any] = {
            "headers": {"User-Agent": user_agent(mailto), "Accept": "application/json"},
            "follow_redirects": follow_redirects,
            "transport": transport,
        }
        self._http: httpx.AsyncClient | None = None

    @property
    def _client(self) -> httpx.AsyncClient:
        """The connection pool, made at the first request: a warm run, answered from the
        cache, never imports httpx, loads the CA bundle or opens a pool."""
        if self._http is None:
            import httpx

            self._http = httpx.AsyncClient(
                **self._client_options,
                timeout=httpx.Timeout(self.timeout),
                limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
                verify=_tls_context(),
            )
        return self._http

    def __repr__(self) -> str:
        return f"Service({self.name!r}, {self.base_url!r})"

    async def aclose(self) -> None:
        """Close the pooled connections (if a request ever opened them)."""
        if self._http is not None:
            await self._http.aclose()

    def url(self, path: str, params: Params = ()) -> str:
        """The public URL of a request: the cache key and the URL shown in evidence."""
        # Plain string work: this runs once per DOI on every (warm) run.
        query = urlencode(list(params), quote_via=quote) if params else ""
        return f"{self.base_url}{path}?{query}" if query else f"{self.base_url}{path}"

    def _secret_values(self) -> list[str]:
        """The secret parts of the secret headers (the token after "Bearer ") and the secret
        query parameters (API keys)."""
        headers = [s for s in (v.split(" ", 1)[-1] for v in self._secrets.values()) if s]
        return headers + self._param_secrets

    def redact(self, text: str) -> str:
        """``text`` with any secret header value blanked out."""
        for secret in self._secret_values():
            text = text.replace(secret, "***")
        return text

    # --- cache ---------------------------------------------------------------------------

    def cached(self, url: str) -> Reply | None:
        """A cached answer for a public URL, unless refreshing or there is no cache."""
        if self.cache is None or self.refresh:
            return None
        entry = self.cache.get(url, self.max_age_ok, self.max_age_not_found)
        if entry is None:
            self._note(url, 0)
            return None
        self._note(url, entry.status, entry.fetched_at)
        self.stats.cache_hits += 1
        return Reply(
            url=entry.url,
            status=entry.status,
            body=entry.body,
            content_type=entry.content_type,
            data=parse_json(entry.body),
            from_cache=True,
            fetched_at=entry.fetched_at,
        )

    def prefetch(self, urls: Iterable[str]) -> None:
        """Let the cache read many URLs' answers in one query, when it can (the store can)."""
        if self.cache is None or self.refresh:
            return
        bulk = getattr(self.cache, "prefetch", None)
        if bulk is not None:
            bulk(urls)

    def remember(self, url: str, status: int, body: bytes, content_type: str) -> None:
        """Store an answer (only facts: 2xx, 400, 404, 410) under a public URL."""
        if self.cache is None:
            return
        if status not in CACHEABLE:
            self._note(url, -1)
            return
        fetched_at = time.time()
        self.cache.put(
            CachedResponse(
                url=url,
                status=status,
                body=body,
                content_type=content_type,
                fetched_at=fetched_at,
            )
        )
        self._note(url, status, fetched_at)
        self.stats.cache_writes += 1

    def _note(self, url: str, status: int, fetched_at: float = 0.0) -> None:
        """Tell a cache that records them (the store) which answer a lookup used: read or
        written (``status``), missed (0) or not cacheable (-1); see ``Store.note_read``."""
        note = getattr(self.cache, "note_read", None)
        if note is not None:
            max_age = self.max_age_ok if 200 <= status < 300 else self.max_age_not_found
            note(url, status, fetched_at, max_age)

    # --- network -------------------------------------------------------------------------

    async def get(
        self,
        path: str,
        params: Params = (),
        *,
        pool: str = "single",
        expect_json: bool = True,
        validate: Validator | None = None,
        use_cache: bool = True,
        read_cache: bool = True,
        keep: Callable[[bytes], bytes] | None = None,
    ) -> Result:
        """GET ``path``: from the cache when allowed, else from the network with retries.

        ``validate`` checks a 2xx JSON body's shape; a body that fails it is retried like a
        garbled one. ``keep`` turns a 200 body into what the cache stores (only what is read
        of it). Raises ``ResolveError`` only when the service refuses us (401/403).
        """
        url = self.url(path, params)
        if use_cache and read_cache and (hit := self.cached(url)) is not None:
            return hit
        result = await self._ask(url, path, params, pool, expect_json, validate, use_cache, keep)
        if use_cache and isinstance(result, Unavailable):
            # No answer to cache: what this run judged may not be reused (asked again next time).
            self._note(url, -1)
        return result

    async def _ask(
        self,
        url: str,
        path: str,
        params: Params,
        pool: str,
        expect_json: bool,
        validate: Validator | None,
        use_cache: bool,
        keep: Callable[[bytes], bytes] | None,
    ) -> Result:
        """``get`` beyond the cache: the network, with retries, within the run's deadline."""
        if self.offline:
            return Unavailable(url, f"{self.label}: offline, not asked", offline=True)
        if time.monotonic() < self._away_until:
            return Unavailable(url, f"{self.label}: {self._away_reason}; not asked")

        async def attempt() -> Reply:
            return await self._attempt(url, path, params, pool, expect_json, validate)

        def on_retry(exc: BaseException, wait: float) -> None:
            self.stats.retries += 1
            self.stats.waits.append(wait)
            reason = self.redact(str(exc) or type(exc).__name__)
            log.info("%s: %s failed (%s); retrying in %.2f s", self.label, url, reason, wait)

        remaining = None if self.deadline is None else self.deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            return Unavailable(url, f"{self.label}: not asked, the run's --deadline had passed")
        try:
            # The run deadline bounds everything: pool waits, Retry-After pauses, retries.
            async with asyncio.timeout(remaining):
                reply = await call_with_retries(attempt, self.policy, on_retry)
        except GaveUp as gave_up:
            return Unavailable(url, self.redact(f"{self.label}: {gave_up.detail}"))
        except BodyTooLarge as exc:
            return Unavailable(url, f"{self.label}: {exc.detail}; not used and not cached")
        except TimeoutError:
            return Unavailable(url, f"{self.label}: the run's --deadline passed while asking")
        foreign = (
            reply.status in (400, 404, 410) and self.is_miss is not None and not self.is_miss(reply)
        )
        if use_cache and not foreign:
            body = keep(reply.body) if keep is not None and reply.status == 200 else reply.body
            self.remember(url, reply.status, body, reply.content_type)
        elif use_cache:
            self._note(url, -1)
        return reply

    async def _fetch(
        self, send_url: httpx.URL, trace: Callable[[str, Mapping[str, Any]], Awaitable[None]]
    ) -> tuple[httpx.Response, bytes]:
        """Send and read the answer, decoded, stopping at ``max_body`` bytes (gzip bombs too)."""
        request = self._client.build_request(
            "GET", send_url, headers=self._secrets, extensions={"trace": trace}
        )
        response = await self._client.send(request, stream=True)
        try:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_body:
                raise BodyTooLarge(f"answer of {int(declared):,} bytes is over the limit")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.max_body:
                    raise BodyTooLarge(
                        f"answer over {self.max_body:,} bytes once decoded; stopped reading"
                    )
                chunks.append(chunk)
        finally:
            await response.aclose()
        return response, b"".join(chunks)

    async def _attempt(
        self,
        url: str,
        path: str,
        params: Params,
        pool: str,
        expect_json: bool,
        validate: Validator | None,
    ) -> Reply:
        """One request: wait for the pool, send, read limits, classify the answer."""
        import httpx

        limiter = self.pools[pool]
        send_url = httpx.URL(self.base_url + path, params=[*params, *self._hidden_params])
        async with limiter.slot() as sent:

            async def trace(event: str, info: Mapping[str, Any]) -> None:
                if event.endswith("send_request_headers.complete"):
                    sent()  # the moment the server starts counting us

            self.stats.attempts += 1
            try:
                # One deadline for the whole request: a body sent a byte a second (each read
                # within the read timeout) must still end.
                async with asyncio.timeout(self.timeout):
                    response, body = await self._fetch(send_url, trace)
            except TimeoutError:
                raise httpx.ReadTimeout(f"no whole answer within {self.timeout:g} s") from None
        limiter.observe(response.headers)
        for secret in self._secret_values():
            # A server that echoes our token back must not get it into the cache or a report.
            body = body.replace(secret.encode(), b"***")
        status = response.status_code
        self.stats.statuses[status] += 1
        content_type = response.headers.get("content-type", "")
        if status in REFUSED and not self.refusal_stops:
            return Reply(url, status, body, content_type, None, fetched_at=time.time())
        if status in REFUSED:
            snippet = Reply(url, status, body, content_type).text(200)
            raise ResolveError(
                self.redact(
                    f"{self.label} refused access (HTTP {status}): {snippet or 'no reason given'}"
                    f" — stopping instead of retrying; check the contact e-mail/token or wait"
                    f" before running again ({url})"
                )
            )
        if status == 429 or status >= 500:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if retry_after is not None and retry_after > self.policy.max_retry_after:
                # Longer than the policy waits: this lookup and the service's next ones are
                # outages at once (until that time), and no pool stalls for it.
                self._away_until = time.monotonic() + retry_after
                self._away_reason = f"asked to wait {retry_after:.0f} s (Retry-After)"
            elif status == 429:
                # The whole pool backs off, not only this request.
                # Without Retry-After, wait out one full window of the pool.
                pause = retry_after if retry_after is not None else limiter.rate.window
                limiter.rate.pause_for(pause)
            raise RetryableStatus(status, retry_after)
        data = parse_json(body)
        if 200 <= status < 300 and expect_json:
            if data is None:
                kind = "an HTML page" if body.lstrip()[:1] == b"<" else "JSON that does not parse"
                raise MalformedBody(f"HTTP {status} with {kind}")
            if validate is not None and not validate(data):
                raise MalformedBody(f"HTTP {status} with JSON of an unexpected shape")
        return Reply(url, status, body, content_type, data, fetched_at=time.time())


__all__ = [
    "CACHEABLE",
    "MAX_AGE_NOT_FOUND",
    "MAX_AGE_OK",
    "MemoryCache",
    "Reply",
    "Result",
    "Service",
    "ServiceStats",
    "Unavailable",
    "gather_or_raise",
    "parse_json",
    "user_agent",
]


async def lookup_many(
    asked: Sequence[str],
    *,
    key: Callable[[str], str],
    cached: Callable[[str], A | None],
    listable: Callable[[str], bool],
    batch: Callable[[list[str]], Awaitable[dict[str, A]]],
    single: Callable[[str], Awaitable[A]],
    batch_size: int,
) -> dict[str, A]:
    """Answer many ids with as few requests as the registry allows, keyed by the ids as asked.

    Each distinct id (after ``key``) is answered once: from the cache when it can be, else in
    list requests of ``batch_size`` when ``listable``, else one by one, all run together.
    """
    wanted: dict[str, list[str]] = {}
    for item in asked:
        wanted.setdefault(key(item), []).append(item)
    answers: dict[str, A] = {}
    to_fetch: list[str] = []
    for k in wanted:
        hit = cached(k)
        if hit is not None:
            answers[k] = hit
        else:
            to_fetch.append(k)
    batchable = sorted(k for k in to_fetch if listable(k))
    chosen = set(batchable)
    singles = [k for k in to_fetch if k not in chosen]
    groups = [batchable[i : i + batch_size] for i in range(0, len(batchable), batch_size)]

    async def one(k: str) -> dict[str, A]:
        return {k: await single(k)}

    parts = await gather_or_raise(*(batch(g) for g in groups), *(one(k) for k in singles))
    for part in parts:
        answers.update(part)
    return {orig: answers[k] for k, origs in wanted.items() for orig in origs}


class RegistryClient:
    """What every registry client shares: one Service built from settings, and its outcomes.

    A client declares where its base URL is set, its name in messages and its limits; the
    shared constructor builds its Service from them. A client whose pools depend on the
    settings (Crossref's polite pool, NCBI's key) overrides ``pools``; one with more options of
    its Service overrides ``service_options``.
    """

    name: str  # the source label outcomes carry, e.g. "crossref"
    url_setting: ClassVar[str]  # the Settings field holding the base URL ("doi_url")
    service_label: ClassVar[str]  # the registry's name in messages ("doi.org")
    pool_specs: ClassVar[Mapping[str, PoolSpec]]  # its rate pools
    concurrency: ClassVar[int]  # requests in flight at once
    default_batch: ClassVar[int] = 1  # identifiers asked per request

    def __init__(
        self,
        settings: Settings,
        cache: ResponseCache | None = None,
        *,
        batch_size: int | None = None,
        policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.batch_size = max(1, batch_size or self.default_batch)
        self._connect(
            settings,
            getattr(settings, self.url_setting),
            self.pools(settings),
            cache=cache,
            policy=policy,
            transport=transport,
            label=self.service_label,
            **self.service_options(settings),
        )

    def pools(self, settings: Settings) -> dict[str, PoolLimiter]:
        """This registry's rate pools, sharing one concurrency limit."""
        return make_pools(self.pool_specs, self.concurrency)

    def service_options(self, settings: Settings) -> dict[str, Any]:
        """Options of this registry's Service beyond the shared ones (none by default)."""
        return {}

    def _connect(
        self,
        settings: Settings,
        base_url: str,
        pools: Mapping[str, PoolLimiter],
        *,
        cache: ResponseCache | None,
        policy: RetryPolicy | None,
        transport: httpx.AsyncBaseTransport | None,
        label: str,
        **options: Any,
    ) -> None:
        """Build the Service: base URL, pools, retry policy, cache and the run's settings."""
        self.service = Service(
            self.name,
            base_url,
            pools,
            label=label,
            mailto=settings.mailto,
            timeout=settings.timeout,
            policy=policy or RetryPolicy(max_attempts=settings.max_attempts),
            cache=cache,
            refresh=settings.refresh,
            offline=settings.offline,
            transport=transport,
            deadline=None if settings.deadline is None else time.monotonic() + settings.deadline,
            **options,
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self.service.aclose()

    def _unavailable(self, result: Unavailable) -> Outcome[Any]:
        """An outage (or offline) as an Outcome: unknown, never NOT_FOUND."""
        status = Status.NOT_CHECKED if result.offline else Status.UNAVAILABLE
        return Outcome(status=status, source=self.name, detail=result.detail, url=result.url)

    def _not_found(self, reply: Reply, detail: str) -> Outcome[Any]:
        """The registry's answer that it has no such thing: a fact."""
        return Outcome(status=Status.NOT_FOUND, source=self.name, detail=detail, url=reply.url)

    def _unexpected(self, reply: Reply) -> Outcome[Any]:
        """An answer that is neither a record nor a refusal: unknown, never NOT_FOUND."""
        return Outcome(
            status=Status.UNAVAILABLE,
            source=self.name,
            detail=f"{self.service.label} answered HTTP {reply.status}",
            url=reply.url,
        )
