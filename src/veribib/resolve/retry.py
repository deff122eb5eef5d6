"""All retry logic of the registry clients, in one place, around one named predicate.

``should_retry`` says which failures are worth another attempt: 429, 5xx, timeouts, connection
errors and resets, and 200 answers whose body is not what was asked for (JSON that does not
parse, an HTML error page). 404 and 400 are answers (facts) and never reach this module; 403 is
``ResolveError`` and is never retried. Waits are exponential with jitter, or what ``Retry-After``
asks for when the service sends it.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)
from tenacity.stop import stop_base
from tenacity.wait import wait_base

T = TypeVar("T")


class RetryableFailure(Exception):
    """An attempt that failed in a way another attempt may fix (internal to the HTTP layer)."""

    def __init__(self, detail: str, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.retry_after = retry_after


class RetryableStatus(RetryableFailure):
    """A 429 or 5xx answer."""

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        super().__init__(f"HTTP {status}", retry_after)
        self.status = status


class MalformedBody(RetryableFailure):
    """A 200 answer whose body is not the JSON asked for (cut short, garbled, an HTML page)."""


class BodyTooLarge(Exception):
    """An answer bigger than the service's limit: not retried (it would be as big again)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class GaveUp(Exception):
    """Every attempt failed; ``detail`` says how (becomes an UNAVAILABLE outcome)."""

    def __init__(self, detail: str, attempts: int) -> None:
        super().__init__(detail)
        self.detail = detail
        self.attempts = attempts


def should_retry(exc: BaseException) -> bool:
    """True when a failed attempt is worth repeating: 429, 5xx, timeouts, resets, garbled 200s."""
    if isinstance(exc, RetryableFailure):
        return True
    import httpx  # loaded by the request that failed

    # TimeoutException: connect/read/write/pool timeouts. NetworkError: connect refused, reset,
    # read/write errors. RemoteProtocolError: dropped connection or a body cut short.
    # DecodingError: a compressed body that does not decode (truncated gzip).
    return isinstance(
        exc,
        httpx.TimeoutException
        | httpx.NetworkError
        | httpx.RemoteProtocolError
        | httpx.DecodingError,
    )


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delay-seconds or an HTTP date."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)  # RFC 9110 says integer; accept "1.5" too
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(0.0, seconds)


def describe_failure(exc: BaseException) -> str:
    """A short human reason for a failed attempt, without URLs or headers."""
    if isinstance(exc, RetryableFailure):
        return exc.detail
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "connection dropped or answer cut short"
    if isinstance(exc, httpx.ConnectError):
        return "could not connect"
    if isinstance(exc, httpx.NetworkError):
        return "connection error"
    if isinstance(exc, httpx.DecodingError):
        return "answer could not be decoded"
    return type(exc).__name__


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try: attempts, exponential backoff with jitter, and the longest wait allowed."""

    max_attempts: int = 4
    initial_wait: float = 0.5
    max_wait: float = 30.0
    jitter: float = 0.5
    max_retry_after: float = 120.0  # a longer Retry-After ends the lookup as UNAVAILABLE


class _WaitRetryAfterOrBackoff(wait_base):
    """Wait what ``Retry-After`` asked for when present, else exponential backoff with jitter."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._backoff = wait_exponential(
            multiplier=policy.initial_wait, max=policy.max_wait
        ) + wait_random(0, policy.jitter)

    def __call__(self, retry_state: RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        if isinstance(exc, RetryableFailure) and exc.retry_after is not None:
            return exc.retry_after
        return float(self._backoff(retry_state))


class _StopOnLongRetryAfter(stop_base):
    """Stop when the service asks us to come back later than we are willing to wait."""

    def __init__(self, ceiling: float) -> None:
        self._ceiling = ceiling

    def __call__(self, retry_state: RetryCallState) -> bool:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        return (
            isinstance(exc, RetryableFailure)
            and exc.retry_after is not None
            and exc.retry_after > self._ceiling
        )


async def call_with_retries(
    attempt: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    on_retry: Callable[[BaseException, float], None] | None = None,
) -> T:
    """Run ``attempt`` until it succeeds or ``policy`` gives up (then raise ``GaveUp``).

    Exceptions ``should_retry`` rejects (e.g. ``ResolveError`` for a 403) propagate at once.
    """

    def before_sleep(state: RetryCallState) -> None:
        if on_retry is not None and state.outcome is not None and state.next_action is not None:
            exc = state.outcome.exception()
            if exc is not None:
                on_retry(exc, state.next_action.sleep)

    retrying = AsyncRetrying(
        stop=(
            stop_after_attempt(policy.max_attempts) | _StopOnLongRetryAfter(policy.max_retry_after)
        ),
        wait=_WaitRetryAfterOrBackoff(policy),
        retry=retry_if_exception(should_retry),
        before_sleep=before_sleep,
        reraise=True,
    )
    attempts = 0
    try:
        async for round_ in retrying:
            with round_:
                attempts = round_.retry_state.attempt_number
                return await attempt()
    except Exception as exc:
        if not should_retry(exc):
            raise
        detail = describe_failure(exc)
        if isinstance(exc, RetryableFailure) and (exc.retry_after or 0) > policy.max_retry_after:
            detail += f" (asked to wait {exc.retry_after:g} s)"
        plural = "s" if attempts != 1 else ""
        raise GaveUp(f"{detail} after {attempts} attempt{plural}", attempts) from exc
    raise AssertionError("tenacity ended without an outcome")  # pragma: no cover


__all__ = [
    "BodyTooLarge",
    "GaveUp",
    "MalformedBody",
    "RetryPolicy",
    "RetryableFailure",
    "RetryableStatus",
    "call_with_retries",
    "describe_failure",
    "parse_retry_after",
    "should_retry",
]
