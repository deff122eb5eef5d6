"""The library interface: ``check``, ``await acheck``, ``check_text`` and what they return.

Everything the command line does is available here; ``import veribib`` exposes these names.
"""

from __future__ import annotations

from datetime import date

from veribib.config import Settings
from veribib.export.interface import Report
from veribib.pipeline import Inputs, Progress, check, check_async
from veribib.store import Store


async def acheck(
    paths: Inputs,
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> Report:
    """Check the references of one path or a list of paths, awaited in a running event loop.

    For notebooks and async applications: ``report = await veribib.acheck("paper.bib")``.
    """
    return await check_async(paths, settings, store=store, progress=progress, today=today)


def check_text(
    text: str,
    settings: Settings | None = None,
    *,
    name: str = "<text>",
    store: Store | None = None,
    today: date | None = None,
) -> Report:
    """Check the references in a string: a reference list, running text, BibTeX, RIS …

    The format is recognised as for a file; ``name`` is the origin shown in the report
    (``<text>:12``). A ``.bib``-like name (``name="refs.bib"``) also picks the format.
    """
    return check([], settings, store=store, today=today, texts=[(name, text.encode("utf-8"))])


async def acheck_text(
    text: str,
    settings: Settings | None = None,
    *,
    name: str = "<text>",
    store: Store | None = None,
    today: date | None = None,
) -> Report:
    """``check_text`` for a running event loop."""
    return await check_async(
        [], settings, store=store, today=today, texts=[(name, text.encode("utf-8"))]
    )


__all__ = ["Report", "Settings", "acheck", "acheck_text", "check", "check_text"]
