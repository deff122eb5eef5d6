"""The library commands: `veribib library list|show|export`, `veribib diff`, `veribib recheck`.

A thin layer over ``veribib.library``: options in, one library call, a table or JSON out, and
the exit code (1 when ``--fail-on`` finds a *new* problem). Registered on the main app by
``cli.py``; the shared error mapping is the main CLI's.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from veribib.cli_coercion import LightCommand, LightGroup
from veribib.config import Settings, load_settings
from veribib.errors import InputError
from veribib.model import as_jsonable

if TYPE_CHECKING:
    from rich.console import Console

library_app = typer.Typer(
    name="library",
    help="Your reference library: every work your checked documents cite, over time.",
    no_args_is_help=True,
    cls=LightGroup,
)


class ListFormat(StrEnum):
    """Output formats of the library commands."""

    TABLE = "table"
    JSON = "json"


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database file or SQLAlchemy URL \\[env VERIBIB_DB].", show_default=False
    ),
]
FormatOpt = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
FailOnOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 if a NEW problem has this verdict or worse, or this flag (repeatable). "
        "Default: fabricated.",
    ),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")]
MailtoOpt = Annotated[
    str | None,
    typer.Option("--mailto", help="Your e-mail for Crossref's polite pool \\[env VERIBIB_MAILTO]."),
]


@contextmanager
def _mapped(debug: bool) -> Iterator[None]:
    """The main CLI's mapping of library errors to a one-line message and an exit code."""
    from veribib.cli import _errors_mapped

    with _errors_mapped(debug):
        yield


def _store(db: str | None, **settings: Any) -> tuple[Any, Settings]:
    from veribib.store import Store

    values = load_settings(db=db, **settings)
    return Store(values.database_url()), values


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(as_jsonable(value), ensure_ascii=False, indent=2) + "\n")


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _console_err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _short(text: str | None, limit: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- library list / show / export ----------------------------------------------------------


@library_app.command("list", cls=LightCommand)
def list_command(
    verdict: Annotated[
        list[str] | None,
        typer.Option("--verdict", help="Only works with this latest verdict (repeatable)."),
    ] = None,
    flag: Annotated[
        list[str] | None,
        typer.Option("--flag", help="Only works with this flag, e.g. retracted (repeatable)."),
    ] = None,
    document: Annotated[
        str | None, typer.Option("--document", help="Only works this document cites.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only works checked on or after this date.")
    ] = None,
    fmt: FormatOpt = ListFormat.TABLE,
    db: DbOpt = None,
    debug: DebugOpt = False,
) -> None:
    """List the works your documents cite: latest verdict, flags, citations, where, last checked."""
    from veribib.library import list_works

    with _mapped(debug):
        store, _ = _store(db)
        works = list_works(
            store, verdicts=verdict or (), flags=flag or (), document=document, since=since
        )
        if fmt is ListFormat.JSON:
            _print_json({"works": works})
            return
        from rich.table import Table

        table = Table(show_lines=False)
        for column in ("work", "verdict", "flags", "cited", "where", "last checked"):
            table.add_column(column)
        for w in works:
            first = w.authors.split(";")[0] if w.authors else "?"
            head = f"{first} {w.year or '?'} — {_short(w.title, 60)}"
            table.add_row(
                head + (f"\n{w.doi}" if w.doi else ""),
                w.verdict,
                ", ".join(w.flags),
                str(w.citations),
                "\n".join(w.documents),
                w.last_checked[:16].replace("T", " "),
            )
        console = _console()
        console.print(table)
        console.print(f"{len(works)} works")


@library_app.command("show", cls=LightCommand)
def show_command(
    ident: Annotated[str, typer.Argument(help="A DOI, PMID, arXiv id, work key or citation key.")],
    fmt: FormatOpt = ListFormat.TABLE,
    db: DbOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show one work: its record, every citation of it with the verdict per run, its history."""
    from veribib.library import show_work

    with _mapped(debug):
        store, _ = _store(db)
        details = show_work(store, ident)
        if fmt is ListFormat.JSON:
            _print_json({"works": details})
            return
        console = _console()
        for d in details:
            console.print(f"[bold]{d.authors or '?'} ({d.year or '?'}). {d.title or '?'}[/]")
            console.print(f"  {d.container or ''}  {d.doi or ''}  work key {d.key}", markup=False)
            record = f"{d.record.source} record" if d.record else "no registry record matched"
            flags = f" [{', '.join(d.flags)}]" if d.flags else ""
            console.print(
                f"  {d.verdict}{flags} — {record}; first seen {d.first_seen[:10]}, "
                f"last checked {d.last_checked[:16].replace('T', ' ')}",
                markup=False,
            )
            console.print(f"\n[bold]Citations ({len(d.citations)})[/]")
            for c in d.citations:
                state = "" if c.current else " (no longer in the document)"
                console.print(f"  {c.origin}{state}  {c.key or ''}", markup=False)
                console.print(f"    {_short(c.raw_text, 110)}", markup=False)
                for v in c.verdicts:
                    vflags = f" [{', '.join(v.flags)}]" if v.flags else ""
                    console.print(
                        f"    run {v.run_id} {v.checked_at[:16].replace('T', ' ')}: "
                        f"{v.verdict}{vflags} — {_short(v.reason, 90)}",
                        markup=False,
                    )
            console.print(f"\n[bold]History ({len(d.history)} checks)[/]")
            for h in d.history:
                run = f"run {h.run_id}" if h.run_id is not None else h.kind
                hflags = f" [{', '.join(h.flags)}]" if h.flags else ""
                console.print(
                    f"  {h.checked_at[:16].replace('T', ' ')} {run}: {h.verdict}{hflags}",
                    markup=False,
                )
                for line in (*h.changes, *h.evidence[:3]):
                    console.print(f"    {_short(line, 110)}", markup=False)
            console.print()


@library_app.command("export", cls=LightCommand)
def export_command(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write: FILE.bib or FILE.json.")
    ],
    db: DbOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write the cleaned library (verified and corrected works) as BibTeX or CSL-JSON."""
    from veribib.library import export_library

    with _mapped(debug):
        store, _ = _store(db)
        if not output.parent.is_dir():
            raise InputError(str(output), "no such directory")
        result = export_library(store, output)
        _console_err().print(str(result), markup=False, soft_wrap=True)


# --- diff and recheck ---------------------------------------------------------------------


def diff_command(
    path: Annotated[
        Path | None,
        typer.Argument(help="A document to check now and compare (none: every document)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Baseline: a run number or a date (default: the previous check)."
        ),
    ] = None,
    fail_on: FailOnOpt = None,
    fmt: FormatOpt = ListFormat.TABLE,
    offline: Annotated[
        bool, typer.Option("--offline", help="Use only the cache and snapshots; no network.")
    ] = False,
    snapshot: Annotated[
        list[Path] | None,
        typer.Option("--snapshot", help="A Crossref JSONL(.gz) file to search locally."),
    ] = None,
    db: DbOpt = None,
    mailto: MailtoOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show what changed in a document since it was last checked: references added, removed,
    with another verdict, newly flagged."""
    from veribib.library import Change, FailOn, diff_documents
    from veribib.pipeline import check as run_check

    with _mapped(debug):
        rule = FailOn.parse(fail_on or ["fabricated"])
        store, settings = _store(
            db,
            offline=offline,
            mailto=mailto,
            snapshots=tuple(str(s) for s in snapshot or ()) or None,
        )
        if path is not None:
            if not path.exists():
                raise InputError(str(path), "no such file or directory")
            report = run_check([path], settings, store=store)
            errors = [d.error for d in report.documents if d.error]
            if errors:
                raise InputError(str(path), errors[0].split(": ", 1)[-1])
        diffs = diff_documents(store, str(path) if path else None, since)
        problems = [p for d in diffs for p in d.new_problems(rule)]
        if fmt is ListFormat.JSON:
            _print_json({"documents": diffs, "new_problems": len(problems)})
        else:
            console = _console()
            for d in diffs:
                base = (
                    f"run {d.baseline_run} ({(d.baseline_at or '')[:16].replace('T', ' ')})"
                    if d.baseline_run
                    else "nothing (first check)"
                )
                console.print(
                    f"[bold]{d.document}[/]: run {d.current_run} against {base}: "
                    f"{len(d.entries)} change(s)"
                )
                for e in d.entries:
                    what = {
                        Change.ADDED: f"added      {e.after}",
                        Change.REMOVED: f"removed    (was {e.before})",
                        Change.CHANGED: f"changed    {e.before} → {e.after}",
                        Change.FLAGGED: f"flagged    {', '.join(e.new_flags)}",
                    }[e.change]
                    if e.change is Change.CHANGED and e.new_flags:
                        what += f" [{', '.join(e.new_flags)}]"
                    console.print(f"  {what}  {e.origin}", markup=False)
                    console.print(f"      {_short(e.text, 100)}", markup=False)
            console.print(f"{len(problems)} new problem(s) at --fail-on")
    raise typer.Exit(1 if problems else 0)


def recheck_command(
    older_than: Annotated[
        str, typer.Option("--older-than", help="Recheck works whose facts are older (30d, 12h).")
    ] = "30d",
    document: Annotated[
        str | None, typer.Option("--document", help="Only the works this document cites.")
    ] = None,
    fail_on: FailOnOpt = None,
    fmt: FormatOpt = ListFormat.TABLE,
    db: DbOpt = None,
    mailto: MailtoOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Ask the registries again (past the cache) about works whose facts are old; report what
    changed: retracted, corrected, now published, DOI now resolving, now found."""
    from veribib.library import FailOn, parse_age, recheck

    with _mapped(debug):
        rule = FailOn.parse(fail_on or ["fabricated"])
        age = parse_age(older_than)
        store, settings = _store(db, mailto=mailto)
        report = recheck(store, settings, older_than=age, document=document)
        problems = report.new_problems(rule)
        if fmt is ListFormat.JSON:
            _print_json({"recheck": report, "new_problems": len(problems)})
        else:
            console = _console()
            console.print(
                f"rechecked {report.checked} works ({report.skipped} with facts younger than "
                f"{older_than} skipped): {len(report.news)} change(s)"
            )
            for n in report.news:
                head = n.doi or n.work
                console.print(f"  {n.kind.value:<24} {head}  {_short(n.title, 60)}", markup=False)
                console.print(f"      {_short(n.message, 110)}", markup=False)
                console.print(f"      cited in {', '.join(n.documents)}", markup=False)
            console.print(f"{len(problems)} new problem(s) at --fail-on")
    raise typer.Exit(1 if problems else 0)


def register(app: typer.Typer) -> None:
    """Add the library commands to the main `veribib` app."""
    app.add_typer(library_app, name="library")
    app.command("diff", cls=LightCommand)(diff_command)
    app.command("recheck", cls=LightCommand)(recheck_command)


__all__ = ["library_app", "register"]
