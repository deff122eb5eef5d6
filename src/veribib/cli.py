"""The `veribib` command: a thin layer that calls one library function per command.

Library errors become a one-line message and an exit code here, nowhere else:
0 nothing at or above --fail-on, 1 problems found, 2 bad usage, unreadable input or an unusable
environment (unwritable output, database), 3 unexpected error, 4 no registry could be reached.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from veribib import __version__
from veribib.cli_coercion import LightCommand, LightGroup
from veribib.cli_habits import fail_on_list, global_flags_first, infer_format
from veribib.config import Settings, load_settings
from veribib.errors import ConfigError, ExportError, InputError, StoreError, VeribibError
from veribib.export.exit_codes import ExitCode, exit_code
from veribib.export.interface import OutputFormat, Report
from veribib.model import Flag, Verdict, as_jsonable

if TYPE_CHECKING:
    from rich.console import Console

# rich, the report formats and the readers are imported where used: a `veribib check` run
# loads only what it needs (README, "Measured": imports). The app and its commands are Light*:
# typer 0.29 would import Pydantic to convert their option values (cli_coercion: why, how not).

app = typer.Typer(
    name="veribib",
    help=(
        "Check the references of a document or bibliography against Crossref, doi.org, "
        "DataCite and ClinicalTrials.gov, and say with evidence which are verified, "
        "inaccurate, unresolved or fabricated."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LightGroup,
)


@cache
def _err() -> Console:
    """The stderr console (rich is imported on first use)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


class ParseFormat(StrEnum):
    """Output formats of `veribib parse`."""

    JSON = "json"
    TABLE = "table"


class FabricatedHandling(StrEnum):
    """What `veribib export` does with fabricated entries."""

    SEPARATE = "separate"
    COMMENT = "comment"


FAIL_ON_CHOICES = [v.value for v in Verdict if v is not Verdict.VERIFIED] + [f.value for f in Flag]


def _redacted(message: str) -> str:
    """A message without the Crossref token (from the environment) or control characters."""
    from veribib.export.common import strip_controls

    token = os.environ.get("VERIBIB_CROSSREF_TOKEN", "").strip()
    if len(token) >= 4:
        message = message.replace(token, "***")
    return strip_controls(message)


def _fail(code: ExitCode, message: str) -> NoReturn:
    _err().print(f"veribib: {_redacted(message)}", markup=False, soft_wrap=True)
    raise typer.Exit(int(code))


@contextmanager
def _errors_mapped(debug: bool) -> Iterator[None]:
    """Turn library errors into a one-line message and the documented exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except (InputError, ConfigError, ExportError, StoreError) as exc:
        # The user's files, settings or database: their environment, not a bug (exit 2).
        _fail(ExitCode.USAGE, str(exc))
    except VeribibError as exc:
        _fail(ExitCode.UNEXPECTED, str(exc))
    except KeyboardInterrupt:
        _fail(ExitCode.INTERRUPTED, "interrupted; run the same command again to resume")
    except Exception as exc:
        if debug:
            raise
        _fail(
            ExitCode.UNEXPECTED,
            f"unexpected error: {type(exc).__name__}: {exc} (run with --debug for details)",
        )


def _settings(
    offline: bool,
    snapshot: list[Path] | None,
    db: str | None,
    mailto: str | None,
    refresh: bool,
    deadline: float | None = None,
) -> Settings:
    for snap in snapshot or ():
        if not snap.is_file():
            raise InputError(str(snap), "snapshot file not found")
    return load_settings(
        offline=offline,
        refresh=refresh,
        snapshots=tuple(str(s) for s in snapshot or ()) or None,
        db=db,
        mailto=mailto,
        deadline=deadline,
    )


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar with ETA on stderr when it is a terminal; a no-op otherwise."""
    if not enabled or not _err().is_terminal:
        yield lambda _stage, _done, _total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description:<8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_err(),
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update


def _check_inputs_exist(paths: list[Path]) -> None:
    """Fail early, naming the file, when an input path does not exist."""
    for p in paths:
        if str(p) != "-" and not p.exists():
            raise InputError(str(p), "no such file or directory")


def _wrote(output: Path) -> None:
    """Say which file was written, on stderr: one plain line (loading rich costs 30 ms)."""
    sys.stderr.write(f"wrote {output}\n")
    sys.stderr.flush()


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from veribib.export.atomic import write_text

    write_text(output, text)  # atomic: a full disk or a kill leaves the old file whole
    _wrote(output)


def _check_output(output: Path | None, inputs: list[Path], option: str = "--output") -> None:
    """Refuse an empty output path, or one that is an input (after resolving symlinks)."""
    from veribib.export.atomic import same_file
    from veribib.source.scan import expand_inputs

    if output is None:
        return
    if str(output) in ("", "."):
        raise ConfigError(f"{option}: empty path; name the file to write")
    if output.is_dir():
        raise InputError(str(output), f"is a directory; {option} needs a file name")
    for item in expand_inputs(inputs):
        if item != "-" and same_file(output, Path(item)):
            raise InputError(
                str(output), f"is one of the inputs; {option} would overwrite it, refusing"
            )


def _all_unreachable(report: Report) -> bool:
    """True when registries were asked, none answered, and so nothing could be checked."""
    return bool(report.unreachable) and not report.reached and not report.offline


def _stream_json(report: Report, output: Path | None) -> None:
    """Write the JSON report as it is built: 10,000 references never sit in one string.

    A file is written atomically (``export.atomic.writing``): never left half-written.
    """
    from veribib.export.json_report import write_json

    _stream(report, output, write_json)


def _stream(report: Report, output: Path | None, write: Callable[[Report, TextIO], None]) -> None:
    """Write a report with ``write`` as it is built, to stdout or atomically to ``output``."""
    import io

    from veribib.export.atomic import writing

    if output is None:
        write(report, sys.stdout)
        return
    with writing(output) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        write(report, text)
        text.flush()
        text.detach()
    _wrote(output)


def _input_errors(report: Report) -> list[str]:
    return [d.error for d in report.documents if d.error]


OfflineOpt = Annotated[
    bool, typer.Option("--offline", help="Use only the cache and snapshots; no network.")
]
SnapshotOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--snapshot",
        help="A Crossref JSONL(.gz) file to search locally (repeatable).",
        dir_okay=False,
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database file or SQLAlchemy URL [env VERIBIB_DB].", show_default=False
    ),
]
MailtoOpt = Annotated[
    str | None,
    typer.Option("--mailto", help="Your e-mail for Crossref's polite pool [env VERIBIB_MAILTO]."),
]
RefreshOpt = Annotated[
    bool, typer.Option("--refresh", help="Ignore cached registry answers and ask again.")
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")]
DeadlineOpt = Annotated[
    float | None,
    typer.Option(
        "--deadline",
        help="Stop asking registries after this many seconds; what is left is unresolved "
        "[env VERIBIB_DEADLINE].",
        show_default=False,
    ),
]


@app.command(cls=LightCommand)
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or directories to check (.bib .tex .aux .bbl .md .qmd .docx .nbib .ris "
            ".json .xml .txt .html .pdf; - = stdin)."
        ),
    ],
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format", "-f", help="Report format (default: from the -o extension, else table)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            help=f"Exit 1 if any reference has this verdict or worse, or this flag "
            f"(repeatable or comma-separated; {', '.join(FAIL_ON_CHOICES)}). Default: the "
            "config file's fail-on, else fabricated.",
        ),
    ] = None,
    allow_empty: Annotated[
        bool,
        typer.Option("--allow-empty", help="Exit 0 when no reference was read (default: exit 2)."),
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found.")
    ] = False,
    offline: OfflineOpt = False,
    snapshot: SnapshotOpt = None,
    db: DbOpt = None,
    mailto: MailtoOpt = None,
    refresh: RefreshOpt = False,
    deadline: DeadlineOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Check references against the registries and report a verdict for each."""
    from veribib.export.baseline import ignored, without_ignored
    from veribib.export.nothing_read import nothing_read
    from veribib.pipeline import check as run_check

    with _errors_mapped(debug):
        fmt = infer_format(fmt, output)
        _check_output(output, paths)
        settings = _settings(offline, snapshot, db, mailto, refresh, deadline)
        failing = fail_on_list(fail_on, settings.fail_on)
        with _progress(not quiet) as progress:
            report = run_check(paths, settings, progress=progress)
        # A missing or unreadable input never stops the others; it is named and exits 2.
        errors = _input_errors(report)
        if errors and len(errors) == len(report.documents):
            for message in errors:
                _err().print(f"veribib: {message}", markup=False, soft_wrap=True)
            raise typer.Exit(int(ExitCode.USAGE))
        # A run that read nothing checked nothing: never a silent green build.
        empty = None if allow_empty else nothing_read(paths, report)
        if empty is not None:
            _fail(ExitCode.USAGE, empty)
        if fmt is OutputFormat.TABLE and output is None:
            from rich.console import Console

            from veribib.export.table import print_table

            print_table(report, Console())
        elif fmt is OutputFormat.JSON:
            _stream_json(report, output)
        elif fmt is OutputFormat.MARKDOWN:
            from veribib.export.markdown import write_markdown

            _stream(report, output, write_markdown)
        elif fmt is OutputFormat.HTML:
            from veribib.export.html import write_html

            _stream(report, output, write_html)
        elif fmt is OutputFormat.SARIF:
            from veribib.export.sarif import write_sarif

            ignore = settings.ignore
            _stream(report, output, lambda rep, out: write_sarif(rep, out, ignore))
        else:
            from veribib.export import render

            _write_or_print(render(report, fmt, fail_on=failing, ignore=settings.ignore), output)
        for message in errors:
            _err().print(f"veribib: {message}", markup=False, soft_wrap=True)
        for rid, rule in ignored(report, settings.ignore).items():
            _err().print(f"veribib: ignored (baseline) {rid}: {rule.reason}", markup=False)
        code = exit_code(without_ignored(report, settings.ignore), failing)
        if exit_zero:
            code = ExitCode.OK
        if errors:
            code = ExitCode.USAGE
        elif _all_unreachable(report):
            _err().print(
                _redacted(
                    "veribib: no registry could be reached: " + ", ".join(report.unreachable)
                ),
                markup=False,
                soft_wrap=True,
            )
            code = ExitCode.UNREACHABLE
    raise typer.Exit(int(code))


@app.command(cls=LightCommand)
def parse(
    path: Annotated[Path, typer.Argument(help="A file to read (- for stdin).")],
    fmt: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ParseFormat.JSON,
    debug: DebugOpt = False,
) -> None:
    """Show the references found in a file (fields, identifiers, origin); no network."""
    from veribib.pipeline import read_input
    from veribib.source.citations import match_citations

    with _errors_mapped(debug):
        _check_inputs_exist([path])
        item = read_input(str(path))
        if item.error:
            raise InputError(str(path), item.error.split(": ", 1)[-1])
        citations = match_citations(item.document.citations, item.references)
        if fmt is ParseFormat.JSON:
            payload = {
                "file": item.path,
                "format": item.document.format,
                "references": [
                    {
                        "id": r.id,
                        "origin": {"file": r.origin.file, "line": r.origin.line},
                        "raw": r.raw.text,
                        "key": r.raw.key,
                        "fields": as_jsonable(r.fields),
                        "identifiers": as_jsonable(r.identifiers),
                        "warnings": list(r.warnings),
                    }
                    for r in item.references
                ],
                "citations": {
                    "found": len(citations.citations),
                    "unmatched": [as_jsonable(c) for c in citations.unmatched],
                    "uncited": list(citations.uncited),
                },
                "warnings": [
                    {"origin": str(w.origin), "message": w.message} for w in item.document.warnings
                ],
            }
            _write_or_print(json.dumps(payload, ensure_ascii=False, indent=2), None)
        else:
            from rich.console import Console
            from rich.markup import escape

            from veribib.export.common import strip_controls

            def plain(value: object) -> str:
                # Cited text is data: never markup, links or terminal control sequences.
                return escape(strip_controls(str(value)))

            console = Console()
            for r in item.references:
                f = r.fields
                first = f.authors[0].family if f.authors else "?"
                console.print(
                    f"[bold]{plain(r.origin)}[/] {plain(first)} {f.year or '?'} — "
                    f"{plain(f.title or r.raw.text[:60])} [dim]{plain(r.identifiers.doi or '')}[/]"
                )
            console.print(f"{len(item.references)} references")


@app.command(cls=LightCommand)
def export(
    path: Annotated[Path, typer.Argument(help="The input to clean (.bib, or any document).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the cleaned BibTeX.")
    ],
    fabricated: Annotated[
        FabricatedHandling,
        typer.Option(help="Move fabricated entries to a separate file, or comment them out."),
    ] = FabricatedHandling.SEPARATE,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Overwrite the input (a .bak backup is kept).")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing --output (a .bak backup is kept)."),
    ] = False,
    offline: OfflineOpt = False,
    snapshot: SnapshotOpt = None,
    db: DbOpt = None,
    mailto: MailtoOpt = None,
    refresh: RefreshOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    deadline: DeadlineOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write a cleaned BibTeX file: DOIs added, errors corrected, fabrications moved out."""
    from veribib.export import export_bibtex
    from veribib.pipeline import check as run_check

    with _errors_mapped(debug):
        _check_inputs_exist([path])
        if not in_place:
            _check_output(output, [path])
            if output.exists() and not force:
                # Said before the (long) check, not after it.
                raise ExportError(
                    f"{output}: already exists; pass --force to replace it (a backup is kept)"
                )
        settings = _settings(offline, snapshot, db, mailto, refresh, deadline)
        with _progress(not quiet) as progress:
            report = run_check([path], settings, progress=progress)
        errors = _input_errors(report)
        if errors:
            raise InputError(str(path), errors[0].split(": ", 1)[-1])
        result = export_bibtex(
            report, path, output, fabricated=fabricated.value, in_place=in_place, force=force
        )
        if not quiet:
            _err().print(str(result), markup=False, soft_wrap=True)
        if _all_unreachable(report):
            _fail(
                ExitCode.UNREACHABLE,
                "no registry could be reached: " + ", ".join(report.unreachable),
            )


def _version(value: bool) -> None:
    if value:
        print(f"veribib {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
) -> None:
    """veribib: are these references real, and are they cited right?"""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


# The library commands (library list/show/export, diff, recheck) live in their own module.
from veribib.cli_library import register as _register_library  # noqa: E402

_register_library(app)


def main() -> None:
    """Console-script entry point."""
    app(args=global_flags_first(sys.argv[1:]))
