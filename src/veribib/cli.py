"""The `veribib` command: a thin layer that calls one library function per command.

Library errors become a one-line message and an exit code here, nowhere else:
0 nothing at or above --fail-on, 1 problems found, 2 bad usage or unreadable input,
3 unexpected error.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from veribib import __version__
from veribib.config import Settings, load_settings
from veribib.errors import ConfigError, InputError, VeribibError
from veribib.export import export_bibtex, render
from veribib.export.exit_codes import ExitCode, exit_code
from veribib.export.interface import OutputFormat, Report
from veribib.model import Flag, Verdict, as_jsonable

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
)
err = Console(stderr=True, highlight=False)


class ParseFormat(StrEnum):
    """Output formats of `veribib parse`."""

    JSON = "json"
    TABLE = "table"


class FabricatedHandling(StrEnum):
    """What `veribib export` does with fabricated entries."""

    SEPARATE = "separate"
    COMMENT = "comment"


FAIL_ON_CHOICES = [v.value for v in Verdict if v is not Verdict.VERIFIED] + [f.value for f in Flag]


def _fail(code: ExitCode, message: str) -> NoReturn:
    err.print(f"veribib: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(int(code))


@contextmanager
def _errors_mapped(debug: bool) -> Iterator[None]:
    """Turn library errors into a one-line message and the documented exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except (InputError, ConfigError) as exc:
        _fail(ExitCode.USAGE, str(exc))
    except VeribibError as exc:
        _fail(ExitCode.UNEXPECTED, str(exc))
    except KeyboardInterrupt:
        _fail(ExitCode.UNEXPECTED, "interrupted; run the same command again to resume")
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
    )


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar with ETA on stderr when it is a terminal; a no-op otherwise."""
    if not enabled or not err.is_terminal:
        yield lambda _stage, _done, _total: None
        return
    bar = Progress(
        TextColumn("{task.description:<8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
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


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(str(output), f"cannot write: {exc.strerror or exc}") from exc
    err.print(f"wrote {output}", markup=False)


def _stream_json(report: Report, output: Path | None) -> None:
    """Write the JSON report as it is built: 10,000 references never sit in one string.

    A file is written beside ``output`` and renamed over it, so it is never left half-written.
    """
    from veribib.export.json_report import write_json

    if output is None:
        write_json(report, sys.stdout)
        return
    temp = output.with_name(f".{output.name}.partial")
    try:
        with temp.open("w", encoding="utf-8") as stream:
            write_json(report, stream)
        temp.replace(output)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InputError(str(output), f"cannot write: {exc.strerror or exc}") from exc
    err.print(f"wrote {output}", markup=False)


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


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or directories to check (.bib .txt .html .pdf .ris .json .xml; - = stdin)."
        ),
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            help=f"Exit 1 if any reference has this verdict or worse, or this flag "
            f"(repeatable; one of {', '.join(FAIL_ON_CHOICES)}). Default: fabricated.",
        ),
    ] = None,
    offline: OfflineOpt = False,
    snapshot: SnapshotOpt = None,
    db: DbOpt = None,
    mailto: MailtoOpt = None,
    refresh: RefreshOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Check references against the registries and report a verdict for each."""
    from veribib.pipeline import check as run_check

    with _errors_mapped(debug):
        for item in fail_on or ():
            if item not in FAIL_ON_CHOICES:
                raise ConfigError(f"--fail-on {item!r}: choose from {', '.join(FAIL_ON_CHOICES)}")
        settings = _settings(offline, snapshot, db, mailto, refresh)
        with _progress(not quiet) as progress:
            report = run_check(paths, settings, progress=progress)
        # A missing or unreadable input never stops the others; it is named and exits 2.
        errors = _input_errors(report)
        if errors and len(errors) == len(report.documents):
            for message in errors:
                err.print(f"veribib: {message}", markup=False, soft_wrap=True)
            raise typer.Exit(int(ExitCode.USAGE))
        if fmt is OutputFormat.TABLE and output is None:
            from veribib.export.table import print_table

            print_table(report, Console())
        elif fmt is OutputFormat.JSON:
            _stream_json(report, output)
        else:
            _write_or_print(render(report, fmt), output)
        for message in errors:
            err.print(f"veribib: {message}", markup=False, soft_wrap=True)
        code = exit_code(report, fail_on or [Verdict.FABRICATED.value])
        if errors:
            code = ExitCode.USAGE
    raise typer.Exit(int(code))


@app.command()
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
            console = Console()
            for r in item.references:
                f = r.fields
                first = f.authors[0].family if f.authors else "?"
                console.print(
                    f"[bold]{r.origin}[/] {first} {f.year or '?'} — {f.title or r.raw.text[:60]}"
                    f" [dim]{r.identifiers.doi or ''}[/]"
                )
            console.print(f"{len(item.references)} references")


@app.command()
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
    offline: OfflineOpt = False,
    snapshot: SnapshotOpt = None,
    db: DbOpt = None,
    mailto: MailtoOpt = None,
    refresh: RefreshOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Write a cleaned BibTeX file: DOIs added, errors corrected, fabrications moved out."""
    from veribib.pipeline import check as run_check

    with _errors_mapped(debug):
        _check_inputs_exist([path])
        settings = _settings(offline, snapshot, db, mailto, refresh)
        with _progress(True) as progress:
            report = run_check([path], settings, progress=progress)
        errors = _input_errors(report)
        if errors:
            raise InputError(str(path), errors[0].split(": ", 1)[-1])
        result = export_bibtex(report, path, output, fabricated=fabricated.value, in_place=in_place)
        err.print(str(result), markup=False, soft_wrap=True)


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


def main() -> None:
    """Console-script entry point."""
    app()
