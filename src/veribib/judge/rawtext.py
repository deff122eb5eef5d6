"""The reference's own text as a check on the parser: is a record's title and author written there?

Every fabricated verdict that rests on a title or an author list compares the *parsed* fields
with a record. When the parser mis-read the reference (an author taken for a title, a chapter
title taken for an author, "Natura 2000" taken for the year), the parsed fields disagree with
the very record the writer cited. If the record's title and first author are written in the
raw text, the disagreement is the parser's: such a reference is never called fabricated on
title or author grounds, and is judged on what its text supports instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from veribib.judge.compare import full_title
from veribib.judge.normalise import compact_key, name_key, strip_notice, title_key, words
from veribib.model import Fields, Person, Reference, Work

# rapidfuzz ``partial_ratio`` (0..100) of the record's folded title against the folded raw
# text at or above which the title is "written there". Chosen on the tune split: correct
# citations whose parse went wrong score 97-100; a record's title scores under 70 against the
# text of a citation of another work; 90 leaves room for one or two typing slips.
RAW_TITLE_PRESENT = 90
# Titles of fewer words than this ("Gout", "Editorial") must appear word for word: a fuzzy
# match of a short title inside a long reference means nothing.
RAW_SHORT_TITLE_WORDS = 4

# The journal must follow the title within this many words ("In:", "Proceedings of").
VENUE_AFTER_TITLE = 3

_URL = re.compile(r"(?:https?://|doi:|www\.)\S+|\b10\.\d{4,9}/\S+", re.I)


@lru_cache(maxsize=8192)
def _raw_words(text: str) -> tuple[str, ...]:
    return words(_URL.sub(" ", text))


def _contains(seq: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n > 0 and any(seq[i : i + n] == part for i in range(len(seq) - n + 1))


def title_in_text(title: str | None, text: str) -> bool:
    """The title (or its main part before a subtitle) is written in ``text``."""
    if not title:
        return False
    raw = _raw_words(text)
    want = words(strip_notice(title))
    if not want or not raw:
        return False
    if len(want) < RAW_SHORT_TITLE_WORDS:
        return _contains(raw, want)
    return fuzz.partial_ratio(" ".join(want), " ".join(raw)) >= RAW_TITLE_PRESENT


def title_verbatim(title: str | None, text: str) -> bool:
    """The whole title is written in ``text`` exactly, after folding (no typo in it)."""
    if not title:
        return False
    want = words(strip_notice(title))
    if len(want) < RAW_SHORT_TITLE_WORDS:
        return _contains(_raw_words(text), want)
    return _aligned("".join(compact_key(w) for w in want), _raw_words(text))


def _aligned(key: str, raw: tuple[str, ...]) -> bool:
    """``key`` (a compact title) is in the compact text, starting and ending between words.

    Spaces inside the match do not count (a line-break hyphen splits "Plas-ma"), its ends do:
    "Systems Neuroengineering" is not written in "Ecosystems Neuroengineering".
    """
    if not key:
        return False
    keys = [compact_key(w) for w in raw]
    starts: set[int] = set()
    position = 0
    for k in keys:
        starts.add(position)
        position += len(k)
    starts.add(position)
    compact = "".join(keys)
    at = compact.find(key)
    while at != -1:
        if at in starts and at + len(key) in starts:
            return True
        at = compact.find(key, at + 1)
    return False


def name_in_text(family: str, text: str) -> bool:
    """A family name is one of the words of ``text`` (compound names: all their parts)."""
    raw = set(_raw_words(text))
    parts = [w for w in words(family) if len(w) >= 2]
    if not parts:
        return False
    return all(p in raw for p in parts) or name_key(family) in raw


def record_in_text(reference: Reference, work: Work, *, verbatim: bool = False) -> bool:
    """The record's title and first author are written in the reference's raw text.

    Then a disagreement between the record and the parsed title or authors is a parsing
    problem, not evidence of fabrication. A record without authors needs its title only.
    ``verbatim`` asks for the whole title word for word: a title with one or two words
    substituted (a near-miss fabrication) is "nearly written there" but is not the record's.
    """
    text = reference.raw.text
    present = title_verbatim if verbatim else title_in_text
    if not any(present(t, text) for t in {work.fields.title, full_title(work)} if t):
        return False
    people = [p for p in work.fields.authors if name_key(p.family)]
    return not people or name_in_text(people[0].family, text)


def reread(reference: Reference, work: Work) -> Fields:
    """The parsed fields with those the raw text shows to be the record's put right.

    Used only once ``record_in_text`` holds, and only where the text itself decides: the
    record's title written there word for word; its authors when the parser lost or misread
    names written there (never dropping a parsed name, so a misspelt one stays an error);
    the year when the parsed one is a number out of the title ("Natura 2000"); the journal
    and volume when the record's journal name is written there.
    """
    cited = reference.fields
    text = reference.raw.text
    changes: dict[str, object] = {}
    for step in (_title, _authors, _year, _venue):
        changes.update(step(cited, work, text))
    return replace(cited, **changes) if changes else cited  # type: ignore[arg-type]


def _title(cited: Fields, work: Work, text: str) -> dict[str, object]:
    parsed = title_key(cited.title or "")
    for title in (full_title(work), work.fields.title):
        if title and title_verbatim(title, text) and title_key(title) != parsed:
            return {"title": title}
    return {}


def _authors(cited: Fields, work: Work, text: str) -> dict[str, object]:
    recorded = tuple(p for p in work.fields.authors if name_key(p.family))
    if not recorded or not name_in_text(recorded[0].family, text):
        return {}
    shown = _written(recorded, text)
    keys = {name_key(p.family) for p in recorded}
    parsed = [p for p in cited.authors if name_key(p.family)]
    first_ok = bool(parsed) and name_key(parsed[0].family) in keys
    if first_ok and not all(name_key(p.family) in keys for p in parsed):
        return {}  # a parsed name the record lacks: the writer's error, not the parser's
    if first_ok and len(shown) <= len(parsed):
        return {}
    return {"authors": shown, "et_al": cited.et_al or len(shown) < len(recorded)}


def _written(people: tuple[Person, ...], text: str) -> tuple[Person, ...]:
    """The people whose family names the text writes, each written name used once.

    Two record authors named "Wang" need "Wang" written twice: a citation of "Wang, Mo and
    Tian" shows three of the six authors of a paper by Wang, Mo, Tian, Wang, Dong and Xie.
    """
    left = Counter(_raw_words(text))
    out: list[Person] = []
    for p in people:
        parts = [w for w in words(p.family) if len(w) >= 2] or [name_key(p.family)]
        if all(left[w] > 0 for w in parts):
            left.subtract(parts)
            out.append(p)
    return tuple(out)


def _year(cited: Fields, work: Work, text: str) -> dict[str, object]:
    years = [y for y in (work.fields.year, *work.years) if y is not None]
    if cited.year is None or not years or cited.year in years:
        return {}
    if str(cited.year) not in words(work.fields.title or ""):
        return {}
    written = [y for y in years if str(y) in _raw_words(text)]
    return {"year": written[0]} if written else {}


def _venue(cited: Fields, work: Work, text: str) -> dict[str, object]:
    """The record's journal when the text writes it right after the title, then a number.

    "... Delivery. Engineering, 47, 130-138" names the journal Engineering; "... Delivery.
    Engineering Structures." does not (another journal), nor does a word of the title.
    """
    raw = _raw_words(text)
    title = words(strip_notice(work.fields.title or ""))
    end = _end_of(raw, title)
    if end is None:
        return {}
    for name in (work.fields.container, *work.container_short):
        want = words(name or "")
        if not want or title_key(name or "") == title_key(cited.container or ""):
            continue
        at = _end_of(raw[end : end + VENUE_AFTER_TITLE + len(want)], want)
        if at is None:
            continue
        after = raw[end + at : end + at + 1]
        if after and not after[0].isdigit():
            continue
        changes: dict[str, object] = {"container": work.fields.container}
        volume = work.fields.volume
        if volume and after == words(volume) and cited.volume != volume:
            changes["volume"] = volume
        return changes
    return {}


def _end_of(seq: tuple[str, ...], part: tuple[str, ...]) -> int | None:
    """The index just after the first run of ``part`` in ``seq``; None when it is not there."""
    n = len(part)
    for i in range(len(seq) - n + 1):
        if n and seq[i : i + n] == part:
            return i + n
    return None
