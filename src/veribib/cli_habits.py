"""Small conventions of the `veribib` command kept out of cli.py: formats, --fail-on, argv."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from veribib.errors import ConfigError
from veribib.export.exit_codes import fail_on_choices
from veribib.export.interface import OutputFormat

_BY_SUFFIX = {
    ".html": OutputFormat.HTML,
    ".htm": OutputFormat.HTML,
    ".json": OutputFormat.JSON,
    ".md": OutputFormat.MARKDOWN,
    ".markdown": OutputFormat.MARKDOWN,
    ".sarif": OutputFormat.SARIF,
    ".xml": OutputFormat.JUNIT,
    ".txt": OutputFormat.TABLE,
}
_GLOBAL_FLAGS = ("-v", "--verbose")


def infer_format(fmt: OutputFormat | None, output: Path | None) -> OutputFormat:
    """The format asked for, else the one the output file's extension names, else the table."""
    if fmt is not None:
        return fmt
    if output is None:
        return OutputFormat.TABLE
    name = output.name.lower()
    if name.endswith(".sarif.json"):
        return OutputFormat.SARIF
    return _BY_SUFFIX.get(output.suffix.lower(), OutputFormat.TABLE)


def fail_on_list(given: Sequence[str] | None, configured: Sequence[str]) -> list[str]:
    """``--fail-on`` values split on commas (repeatable), else the config file's, else fabricated.

    Raises ConfigError naming the bad value.
    """
    items = [p.strip() for g in given or () for p in g.split(",") if p.strip()]
    items = items or list(configured) or ["fabricated"]
    choices = fail_on_choices()
    for item in items:
        if item.lower().replace("-", "_") not in choices:
            raise ConfigError(f"--fail-on {item!r}: choose from {', '.join(choices)}")
    return items


def global_flags_first(argv: Sequence[str]) -> list[str]:
    """argv with ``-v``/``--verbose`` moved before the subcommand, so both places work."""
    args = list(argv)
    if "--" in args:
        head, tail = args[: args.index("--")], args[args.index("--") :]
    else:
        head, tail = args, []
    moved = [a for a in head if a in _GLOBAL_FLAGS]
    return moved + [a for a in head if a not in _GLOBAL_FLAGS] + tail


__all__ = ["fail_on_list", "global_flags_first", "infer_format"]
