"""Bibliography files a manuscript names (a .tex's .bib, a Markdown file's ``bibliography:``).

Each is read with the format it has (BibTeX, CSL-JSON, RIS …); its entries keep their own
file:line. A missing or unreadable one is a warning at the line that names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from veribib.errors import InputError
from veribib.model import Origin, RawReference, Warning_

MAX_COMPANION_BYTES = 50 * 1024 * 1024


def read_companions(
    files: Sequence[tuple[Path, Origin]], first_index: int = 0
) -> tuple[list[RawReference], list[Warning_], tuple[str, ...]]:
    """The references of each named file (once each), the warnings, and the files read."""
    from veribib.source import read_document  # the registry of formats imports this module

    references: list[RawReference] = []
    warnings: list[Warning_] = []
    used: list[str] = []
    for file, named_at in files:
        if str(file) in used:
            continue
        try:
            document = read_document(file, max_bytes=MAX_COMPANION_BYTES)
        except InputError as exc:
            reason = str(exc).split(": ", 1)[-1]
            warnings.append(Warning_(named_at, f"bibliography {file}: {reason}"))
            continue
        used.append(str(file))
        for r in document.references:
            index = first_index + len(references)
            references.append(replace(r, origin=replace(r.origin, index=index)))
        warnings.extend(document.warnings)
    return references, warnings, tuple(used)


__all__ = ["read_companions"]
