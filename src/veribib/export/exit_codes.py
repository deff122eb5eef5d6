"""Exit codes for CI: did a run find anything at or above what the user said should fail it?"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from veribib.errors import ConfigError
from veribib.export.interface import CheckedReference, Report
from veribib.model import Flag, Verdict


class ExitCode(IntEnum):
    """What the `veribib` process tells its caller."""

    OK = 0  # nothing at or above --fail-on
    PROBLEMS = 1  # some reference is at or above --fail-on
    USAGE = 2  # bad usage or unreadable input
    UNEXPECTED = 3  # a bug or an unexpected failure
    UNREACHABLE = 4  # no registry could be reached at all: nothing was checked
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it


def fail_on_choices() -> tuple[str, ...]:
    """Every name ``exit_code`` accepts: the verdicts worse than verified, then the flags."""
    return tuple(v.value for v in Verdict if v is not Verdict.VERIFIED) + tuple(
        f.value for f in Flag
    )


def _parse(fail_on: Sequence[str]) -> tuple[int | None, set[Flag]]:
    """The lowest failing verdict severity and the failing flags; ConfigError for a bad name."""
    threshold: int | None = None
    flags: set[Flag] = set()
    for item in fail_on:
        name = item.strip().lower().replace("-", "_")
        if name in {v.value for v in Verdict}:
            verdict = Verdict(name)
            if verdict is Verdict.VERIFIED:
                # "verified or worse" would fail every run; it is almost surely a slip.
                raise ConfigError("--fail-on verified would fail on every reference")
            severity = verdict.severity
            threshold = severity if threshold is None else min(threshold, severity)
        elif name in {f.value for f in Flag}:
            flags.add(Flag(name))
        else:
            raise ConfigError(f"--fail-on {item!r}: choose from {', '.join(fail_on_choices())}")
    return threshold, flags


def fails(checked: CheckedReference, fail_on: Sequence[str]) -> bool:
    """True when this one reference has a listed verdict or worse, or a listed flag."""
    threshold, flags = _parse(fail_on)
    j = checked.judgement
    return (threshold is not None and j.verdict.severity >= threshold) or bool(
        flags.intersection(j.flags)
    )


def exit_code(report: Report, fail_on: Sequence[str]) -> int:
    """0 (OK) when no reference has a listed verdict or worse, or a listed flag; else 1.

    Verdicts are ordered verified < unresolved < inaccurate < fabricated, so ``inaccurate``
    fails on inaccurate and fabricated references. Flags (``retracted`` ...) match exactly.
    """
    threshold, flags = _parse(fail_on)
    for checked in report.references:
        j = checked.judgement
        if threshold is not None and j.verdict.severity >= threshold:
            return ExitCode.PROBLEMS
        if flags.intersection(j.flags):
            return ExitCode.PROBLEMS
    return ExitCode.OK


__all__ = ["ExitCode", "exit_code", "fail_on_choices", "fails"]
