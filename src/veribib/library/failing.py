"""`--fail-on` for the library commands: does a new or changed finding count as a new problem?"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from veribib.errors import ConfigError
from veribib.export.exit_codes import fail_on_choices
from veribib.model import Flag, Verdict


@dataclass(frozen=True, slots=True)
class FailOn:
    """The verdict threshold (that verdict or worse) and the flags that fail a command."""

    severity: int | None
    flags: frozenset[str]

    @classmethod
    def parse(cls, names: Sequence[str]) -> FailOn:
        """From ``--fail-on`` values; ConfigError names a bad one."""
        severity: int | None = None
        flags: set[str] = set()
        for item in names:
            name = item.strip().lower().replace("-", "_")
            if name == Verdict.VERIFIED.value:
                raise ConfigError("--fail-on verified would fail on every reference")
            if name in {v.value for v in Verdict}:
                s = Verdict(name).severity
                severity = s if severity is None else min(severity, s)
            elif name in {f.value for f in Flag}:
                flags.add(name)
            else:
                raise ConfigError(f"--fail-on {item!r}: choose from {', '.join(fail_on_choices())}")
        return cls(severity, frozenset(flags))

    def fails(self, verdict: str | None, flags: Collection[str]) -> bool:
        """True when this verdict (or worse than the threshold) or one of these flags fails."""
        worse = self.severity is not None and verdict is not None
        if worse and Verdict(verdict).severity >= (self.severity or 0):  # type: ignore[arg-type]
            return True
        return bool(self.flags.intersection(flags))

    def newly_fails(
        self,
        before: tuple[str | None, Collection[str]] | None,
        after: tuple[str | None, Collection[str]],
    ) -> bool:
        """True when ``after`` fails in a way ``before`` did not (a new problem only)."""
        verdict, flags = after
        if before is None:
            return self.fails(verdict, flags)
        old_verdict, old_flags = before
        worse = (
            verdict is not None
            and self.severity is not None
            and Verdict(verdict).severity >= self.severity
            and (old_verdict is None or Verdict(old_verdict).severity < self.severity)
        )
        return worse or bool(self.flags.intersection(set(flags) - set(old_flags)))


__all__ = ["FailOn"]
