"""Per-service and per-pool rate limits that adapt to the limits a service announces.

Crossref states its limits on every response (``x-rate-limit-limit``, ``x-rate-limit-interval``,
``x-concurrency-limit``); we start from the documented values for the pool we expect and follow
whatever the service says afterwards. Each pool has a rolling-window rate limit (at most
``limit`` request starts in any ``interval``-long window, the way a server counting requests per
window sees them) and shares a resizable concurrency limit with the other pools of its service.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}

# Sanity bounds for announced limits: a garbled header must not stall or unleash a run.
_MAX_RATE_LIMIT = 10_000
_MAX_CONCURRENCY = 100


def parse_interval(value: str | None) -> float | None:
    """Seconds in an ``x-rate-limit-interval`` value such as ``1s``, ``500ms`` or ``1m``."""
    if not value:
        return None
    match = _INTERVAL.match(value)
    if not match:
        return None
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    return seconds if 0 < seconds <= 3600 else None


def _positive_int(value: str | None, ceiling: int) -> int | None:
    """A header value as an int in 1..ceiling, else None."""
    if value is None or not value.strip().isdigit():
        return None
    number = int(value.strip())
    return number if 1 <= number <= ceiling else None


@dataclass(frozen=True, slots=True)
class AnnouncedLimits:
    """The limits a response announced; None where a header was absent or unreadable."""

    limit: int | None = None
    interval: float | None = None
    concurrency: int | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> AnnouncedLimits:
        """Read ``x-rate-limit-limit``, ``x-rate-limit-interval`` and ``x-concurrency-limit``."""
        return cls(
            limit=_positive_int(headers.get("x-rate-limit-limit"), _MAX_RATE_LIMIT),
            interval=parse_interval(headers.get("x-rate-limit-interval")),
            concurrency=_positive_int(headers.get("x-concurrency-limit"), _MAX_CONCURRENCY),
        )


class Start:
    """When one request started, as a rolling window counts it (``RollingWindow.sent`` moves it)."""

    __slots__ = ("at",)

    def __init__(self, at: float) -> None:
        self.at = at


class RollingWindow:
    """At most ``limit`` starts in any window of ``interval`` seconds (plus a safety margin).

    A start is stamped when the request is let through and stamped again when its bytes really
    leave (``sent``): a busy event loop can hold a request back after it was let through, and the
    server counts it when it arrives. The margin absorbs the rest of the jitter.
    """

    def __init__(
        self,
        limit: int,
        interval: float = 1.0,
        *,
        margin: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.interval = interval
        self.margin = margin
        self._clock = clock
        self._starts: deque[Start] = deque()
        self._paused_until = 0.0
        self._lock: asyncio.Lock | None = None

    @property
    def window(self) -> float:
        """The window length actually enforced, margin included."""
        return self.interval * (1.0 + self.margin)

    def configure(self, limit: int | None = None, interval: float | None = None) -> None:
        """Follow newly announced limits (either may be None: keep the current one)."""
        if limit is not None:
            self.limit = limit
        if interval is not None:
            self.interval = interval

    def pause_for(self, seconds: float) -> None:
        """Start nothing for ``seconds`` (a 429 with ``Retry-After`` applies to the whole pool)."""
        self._paused_until = max(self._paused_until, self._clock() + max(0.0, seconds))

    def _delay(self) -> float:
        """Seconds to wait before the next start is allowed; 0 when it may start now."""
        now = self._clock()
        window = self.window
        while self._starts and self._starts[0].at <= now - window:
            self._starts.popleft()
        waits = [self._paused_until - now]
        if len(self._starts) >= self.limit:
            # The start that must leave the window before we may go.
            waits.append(self._starts[len(self._starts) - self.limit].at + window - now)
        return max(0.0, *waits)

    async def acquire(self) -> Start:
        """Wait until a request may start, then count it as started now."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # first come, first served
            while (delay := self._delay()) > 0:
                await asyncio.sleep(delay)
            start = Start(self._clock())
            self._starts.append(start)
            return start

    def sent(self, start: Start) -> None:
        """The request of ``start`` really left now: count it from now, keeping starts in order."""
        start.at = max(start.at, self._clock())
        self._starts = deque(sorted(self._starts, key=lambda s: s.at))


class ConcurrencyLimit:
    """A semaphore whose size can change while requests are in flight."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_flight = 0
        self.max_in_flight = 0
        self._freed: asyncio.Event | None = None

    def _event(self) -> asyncio.Event:
        if self._freed is None:
            self._freed = asyncio.Event()
        return self._freed

    def resize(self, limit: int) -> None:
        """Follow a newly announced concurrency limit; waiters re-check at once."""
        self.limit = limit
        if self._freed is not None:
            self._freed.set()

    def hold(self) -> _Held:
        """Hold one of the ``limit`` slots for the body of the ``async with``."""
        return _Held(self)

    async def _take(self) -> None:
        freed = self._event()
        while self.in_flight >= self.limit:
            freed.clear()
            await freed.wait()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _give_back(self) -> None:
        self.in_flight -= 1
        self._event().set()


class _Held:
    """One held concurrency slot, released without awaiting.

    A class rather than an async generator: a run interrupted mid-request (Ctrl-C) leaves
    generators to be closed while the loop shuts down, where nested ones fail noisily.
    """

    def __init__(self, limit: ConcurrencyLimit) -> None:
        self._limit = limit

    async def __aenter__(self) -> None:
        await self._limit._take()

    async def __aexit__(self, *exc: object) -> None:
        self._limit._give_back()


class _Slot:
    """A pool slot: a concurrency slot, then the rate window (see ``PoolLimiter.slot``)."""

    def __init__(self, pool: PoolLimiter) -> None:
        self._pool = pool
        self._held = pool.concurrency.hold()

    async def __aenter__(self) -> Callable[[], None]:
        await self._held.__aenter__()
        try:
            # Rate second: the recorded start must be as close as possible to the real send.
            start = await self._pool.rate.acquire()
        except BaseException:
            await self._held.__aexit__(None, None, None)
            raise
        rate = self._pool.rate
        return lambda: rate.sent(start)

    async def __aexit__(self, *exc: object) -> None:
        await self._held.__aexit__(None, None, None)


class PoolLimiter:
    """One pool's limits (e.g. Crossref ``polite-single``): own rate, shared concurrency."""

    def __init__(self, name: str, rate: RollingWindow, concurrency: ConcurrencyLimit) -> None:
        self.name = name
        self.rate = rate
        self.concurrency = concurrency

    def slot(self) -> _Slot:
        """Wait for a concurrency slot, then for the rate window; send inside the block.

        Yields a function to call when the request's bytes really leave.
        """
        return _Slot(self)

    def observe(self, headers: Mapping[str, str]) -> AnnouncedLimits:
        """Adapt to the limits a response announced; returns what was read."""
        announced = AnnouncedLimits.from_headers(headers)
        self.rate.configure(announced.limit, announced.interval)
        if announced.concurrency is not None:
            self.concurrency.resize(announced.concurrency)
        return announced

    def describe(self) -> str:
        """Current limits in words, for logs and benchmark output."""
        return (
            f"{self.name}: {self.rate.limit}/{self.rate.interval:g}s, "
            f"{self.concurrency.limit} in flight"
        )


@dataclass(frozen=True, slots=True)
class PoolSpec:
    """Starting limits of one pool before the service has said anything."""

    limit: int
    interval: float = 1.0


# Documented starting points (services.md); the service's own headers take over at once.
CROSSREF_POLITE = {"single": PoolSpec(10), "list": PoolSpec(3)}
CROSSREF_PUBLIC = {"single": PoolSpec(5), "list": PoolSpec(1)}
CROSSREF_POLITE_CONCURRENCY = 3
CROSSREF_PUBLIC_CONCURRENCY = 1
DOIORG_LIMITS = {"single": PoolSpec(5)}
DATACITE_LIMITS = {"single": PoolSpec(5)}
CTGOV_LIMITS = {"single": PoolSpec(1)}  # robots Crawl-delay: 1
CONSERVATIVE_CONCURRENCY = 3


def make_pools(specs: Mapping[str, PoolSpec], concurrency: int) -> dict[str, PoolLimiter]:
    """One PoolLimiter per named pool, all sharing one concurrency limit."""
    shared = ConcurrencyLimit(concurrency)
    return {
        name: PoolLimiter(name, RollingWindow(spec.limit, spec.interval), shared)
        for name, spec in specs.items()
    }


def crossref_pools(polite: bool) -> dict[str, PoolLimiter]:
    """Crossref's ``single`` and ``list`` pools at the documented polite or public limits."""
    if polite:
        return make_pools(CROSSREF_POLITE, CROSSREF_POLITE_CONCURRENCY)
    return make_pools(CROSSREF_PUBLIC, CROSSREF_PUBLIC_CONCURRENCY)


__all__ = [
    "AnnouncedLimits",
    "ConcurrencyLimit",
    "PoolLimiter",
    "PoolSpec",
    "RollingWindow",
    "Start",
    "crossref_pools",
    "make_pools",
    "parse_interval",
]
