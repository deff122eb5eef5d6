"""The retry predicate, Retry-After parsing and the tenacity loop around attempts."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from veribib.errors import ResolveError
from veribib.resolve.retry import (
    GaveUp,
    MalformedBody,
    RetryableStatus,
    RetryPolicy,
    call_with_retries,
    parse_retry_after,
    should_retry,
)

REQUEST = httpx.Request("GET", "http://127.0.0.1/x")
FAST = RetryPolicy(max_attempts=3, initial_wait=0.001, max_wait=0.002, jitter=0.001)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (RetryableStatus(429), True),
        (RetryableStatus(503), True),
        (MalformedBody("HTTP 200 with an HTML page"), True),
        (httpx.ReadTimeout("slow", request=REQUEST), True),
        (httpx.ConnectTimeout("slow", request=REQUEST), True),
        (httpx.ConnectError("refused", request=REQUEST), True),
        (httpx.ReadError("reset", request=REQUEST), True),
        (httpx.RemoteProtocolError("dropped", request=REQUEST), True),
        (ResolveError("403"), False),
        (httpx.UnsupportedProtocol("ftp", request=REQUEST), False),
        (ValueError("bug"), False),
    ],
)
def test_should_retry(exc: BaseException, expected: bool) -> None:
    assert should_retry(exc) is expected


def test_parse_retry_after_seconds_and_dates() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("0.5") == 0.5
    assert parse_retry_after(None) is None
    assert parse_retry_after("whenever") is None
    now = 1_800_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(30, abs=1)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert parse_retry_after(past, now=now) == 0.0


async def test_retries_until_success_and_reports_waits() -> None:
    calls: list[int] = []
    waits: list[float] = []

    async def attempt() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise RetryableStatus(503)
        return "ok"

    result = await call_with_retries(attempt, FAST, lambda exc, wait: waits.append(wait))
    assert result == "ok"
    assert len(calls) == 3
    assert len(waits) == 2


async def test_retry_after_is_the_wait() -> None:
    waits: list[float] = []
    calls: list[int] = []

    async def attempt() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise RetryableStatus(429, retry_after=0.05)
        return "ok"

    assert await call_with_retries(attempt, FAST, lambda exc, wait: waits.append(wait)) == "ok"
    assert waits == [0.05]


async def test_gives_up_with_a_reason_after_max_attempts() -> None:
    calls: list[int] = []

    async def attempt() -> str:
        calls.append(1)
        raise RetryableStatus(503)

    with pytest.raises(GaveUp, match="HTTP 503 after 3 attempts"):
        await call_with_retries(attempt, FAST)
    assert len(calls) == 3


async def test_too_long_retry_after_stops_at_once() -> None:
    calls: list[int] = []

    async def attempt() -> str:
        calls.append(1)
        raise RetryableStatus(429, retry_after=3600)

    with pytest.raises(GaveUp, match="asked to wait 3600 s"):
        await call_with_retries(attempt, FAST)
    assert len(calls) == 1


async def test_non_retryable_errors_propagate_at_once() -> None:
    calls: list[int] = []

    async def attempt() -> str:
        calls.append(1)
        raise ResolveError("Crossref refused access (HTTP 403)")

    with pytest.raises(ResolveError):
        await call_with_retries(attempt, FAST)
    assert len(calls) == 1
