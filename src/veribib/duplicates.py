"""The ``duplicate`` flag: the same work cited twice in one document, however it is written.

Two references are the same work when they share a DOI, when the judge matched both to the same
registry record, or when their first author and title agree after normalising case, accents
and punctuation — so a citation with a DOI and one without, or one in APA and one in Vancouver,
are caught too. Short titles (under four words) also need the same year.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace

from veribib.export.interface import CheckedReference
from veribib.model import Flag, Reference, Verdict

_SHORT_TITLE_WORDS = 4


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch)
    ).lower()


def _title_key(ref: Reference) -> str | None:
    f = ref.fields
    if not f.title or not f.authors:
        return None
    title = _fold(f.title)
    if len(title) < 12:
        return None
    first = _fold(f.authors[0].family)
    if len(f.title.split()) < _SHORT_TITLE_WORDS:
        return f"t:{first}:{f.year}:{title}"
    return f"t:{first}:{title}"


def same_work_keys(checked: CheckedReference) -> set[str]:
    """Every key under which this reference counts as citing a given work."""
    ref, j = checked.reference, checked.judgement
    keys: set[str] = set()
    if ref.identifiers.doi:
        keys.add("doi:" + ref.identifiers.doi.lower())
    if j.match is not None and j.match.doi and j.verdict in (Verdict.VERIFIED, Verdict.INACCURATE):
        keys.add("doi:" + j.match.doi.lower())
    title = _title_key(ref)
    if title is not None:
        keys.add(title)
    if not keys:  # nothing to compare on but the text itself
        keys.add("raw:" + _fold(ref.raw.text))
    return keys


def iter_flag_duplicates(checked: Iterable[CheckedReference]) -> Iterator[CheckedReference]:
    """Each reference, flagged when it cites the same work as an earlier one in the same file.

    One at a time: only the keys seen so far are kept, never the references.
    """
    seen: set[tuple[str, str]] = set()
    for c in checked:
        keys = {(c.reference.origin.file, k) for k in same_work_keys(c)}
        j = c.judgement
        if keys & seen and Flag.DUPLICATE not in j.flags:
            j = replace(j, flags=(*j.flags, Flag.DUPLICATE))
        seen |= keys
        yield CheckedReference(c.reference, j)


def flag_duplicates(checked: Iterable[CheckedReference]) -> list[CheckedReference]:
    """Flag each reference citing the same work as an earlier one in the same file."""
    return list(iter_flag_duplicates(checked))


__all__ = ["flag_duplicates", "iter_flag_duplicates", "same_work_keys"]
