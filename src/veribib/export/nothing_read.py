"""A run that read no reference at all must not pass: say in one line what was not read."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from veribib.export.interface import Report
from veribib.source.scan import scan_directory, skipped_in

_SHOWN = 3


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")


def nothing_read(paths: Sequence[str | os.PathLike[str]], report: Report) -> str | None:
    """None when some reference was read; else one line naming each input and why it gave none."""
    if report.references:
        return None
    parts: list[str] = []
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir() and not scan_directory(path):
            skipped = [str(Path(s).relative_to(path)) for s in skipped_in(path)]
            parts.append(
                f"{path}/ holds no file veribib reads"
                + (f" (passed over {_listing(skipped)})" if skipped else " (it is empty)")
            )
    for doc in report.documents:
        if doc.error:
            parts.append(doc.error)
            continue
        reasons = [w.message for w in doc.document.warnings]
        why = reasons[-1] if reasons else f"no references found in it as {doc.document.format}"
        parts.append(f"{doc.document.path} ({why})")
    if not parts:
        parts.append("no input given")
    return (
        "no references read: "
        + "; ".join(parts)
        + " — nothing was checked (--allow-empty accepts an empty run)"
    )


__all__ = ["nothing_read"]
