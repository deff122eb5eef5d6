"""The limiter: rolling windows, resizable concurrency, and adapting to announced limits."""

from __future__ import annotations

import asyncio
import time

import pytest

from veribib.resolve.ratelimit import (
    AnnouncedLimits,
    ConcurrencyLimit,
    PoolLimiter,
    RollingWindow,
    crossref_pools,
    parse_interval,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1s", 1.0),
        ("500ms", 0.5),
        ("1m", 60.0),
        ("2", 2.0),
        (" 1S ", 1.0),
        ("", None),
        ("soon", None),
        ("0s", None),
        (None, None),
    ],
)
def test_parse_interval(text: str | None, seconds: float | None) -> None:
    assert parse_interval(text) == seconds


def test_announced_limits_read_and_reject_garbage() -> None:
    good = AnnouncedLimits.from_headers(
        {"x-rate-limit-limit": "10", "x-rate-limit-interval": "1s", "x-concurrency-limit": "3"}
    )
    assert good == AnnouncedLimits(limit=10, interval=1.0, concurrency=3)
    bad = AnnouncedLimits.from_headers(
        {"x-rate-limit-limit": "-4", "x-rate-limit-interval": "never", "x-concurrency-limit": "0"}
    )
    assert bad == AnnouncedLimits()


async def test_rolling_window_never_exceeds_limit_in_any_window() -> None:
    window = RollingWindow(3, 0.2, margin=0.0)
    starts: list[float] = []

    async def one() -> None:
        await window.acquire()
        starts.append(time.monotonic())

    await asyncio.gather(*(one() for _ in range(9)))
    starts.sort()
    # Any 4 consecutive starts span at least one window.
    for i in range(len(starts) - 3):
        assert starts[i + 3] - starts[i] >= 0.2 - 0.005
    # And the first 3 went at once: it limits, it does not dawdle.
    assert starts[2] - starts[0] < 0.1


async def test_pause_holds_every_start_back() -> None:
    window = RollingWindow(100, 1.0)
    window.pause_for(0.15)
    before = time.monotonic()
    await window.acquire()
    assert time.monotonic() - before >= 0.14


async def test_concurrency_limit_and_resize() -> None:
    limit = ConcurrencyLimit(3)
    limit.resize(2)

    async def work() -> None:
        async with limit.hold():
            await asyncio.sleep(0.01)

    await asyncio.gather(*(work() for _ in range(10)))
    assert limit.max_in_flight == 2
    assert limit.in_flight == 0


def test_pool_adapts_to_headers_and_pools_share_concurrency() -> None:
    pools = crossref_pools(polite=True)
    assert (pools["single"].rate.limit, pools["list"].rate.limit) == (10, 3)
    assert pools["single"].concurrency is pools["list"].concurrency
    pools["list"].observe(
        {"x-rate-limit-limit": "2", "x-rate-limit-interval": "2s", "x-concurrency-limit": "1"}
    )
    assert (pools["list"].rate.limit, pools["list"].rate.interval) == (2, 2.0)
    assert pools["single"].concurrency.limit == 1  # shared
    assert pools["single"].rate.limit == 10  # rates are per pool


def test_public_pool_starts_at_public_limits() -> None:
    pools = crossref_pools(polite=False)
    assert isinstance(pools["single"], PoolLimiter)
    assert (pools["single"].rate.limit, pools["list"].rate.limit) == (5, 1)
    assert pools["single"].concurrency.limit == 1


async def test_a_late_send_moves_its_start() -> None:
    window = RollingWindow(1, 0.2, margin=0.0)
    start = await window.acquire()
    await asyncio.sleep(0.1)  # held back after being let through (a busy event loop)
    window.sent(start)
    sent_at = time.monotonic()
    await window.acquire()
    # counted from when it really left, not from when it was let through
    assert time.monotonic() - sent_at >= 0.2 - 0.005
