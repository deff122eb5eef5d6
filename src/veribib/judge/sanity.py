"""Checks that need no registry: placeholder author names and dates in the future.

Placeholders are names no real author list contains: "John Doe", "Author A", "A. Author",
"Firstname Lastname", "Max Mustermann", "Joe Bloggs", an author list that is only "et al.".
"Anonymous" is NOT one: unsigned editorials and reports are cited that way (MEDLINE does it),
so it counts as no author. A single "Doe" with another given name is a real surname and is not
flagged either. Companion names ("Richard Roe", "R. Roe": the classic second party beside John
Doe) are real surnames too, so they count only in a list that also holds a sure placeholder.
"""

from __future__ import annotations

import datetime
import re

from veribib.judge import codes
from veribib.judge.authors import is_no_author
from veribib.judge.normalise import words, wordset
from veribib.model import Evidence, Fields, Person

_PLACEHOLDER_FAMILIES = wordset(
    "author authors lastname surname familyname placeholder nobody xxx xxxx tbd todo etal others "
    "name"
)
_PLACEHOLDER_FULL = re.compile(
    r"^(?:(?:first|second|third|last|corresponding|main|co)\s*)?author(?:s)?\s*(?:[a-z]|\d+)?$|"
    r"^(?:[a-z]|\d+)\s*author$|"
    r"^(?:john|jane|j|jd)\s*doe$|^doe\s*(?:john|jane|j|jd)?$|"
    r"^(?:max|erika|m|e)\s*mustermann$|^mustermann\s*(?:max|erika|m|e)?$|"
    r"^(?:joe|fred|j|f)\s*bloggs$|^bloggs\s*(?:joe|fred)$|"
    r"^(?:first\s*name|firstname|given\s*name)\s*(?:last\s*name|lastname|surname|family\s*name)$|"
    r"^(?:last\s*name|lastname|surname)\s*(?:first\s*name|firstname|given\s*name)?$|"
    r"^(?:foo\s*bar|lorem\s*ipsum|name\s*surname|your\s*name|author\s*name|et\s*al)$|"
    r"^(?:alice|bob|carol|charlie|a|b)\s*example$|^example\s*(?:alice|bob|carol|charlie)?$"
)
_ANONYMOUS = re.compile(r"^anonymous\s*authors?$|^authors?\s*anonymous$")
# Placeholders written out in full: one of them alone marks the list as a template. ("J. Doe"
# or "Smith, J." may be real people: those count only in a list of placeholders.)
_SURE_ALONE = re.compile(
    r"^(?:john|jane)\s*doe$|^doe\s*(?:john|jane)$|^jane\s*smith$|^smith\s*jane$|"
    r"^(?:max|erika)\s*mustermann$|^mustermann\s*(?:max|erika)$|^(?:joe|fred)\s*bloggs$|"
    r"^(?:alice|bob|carol|charlie)\s*example$|^example\s*(?:alice|bob|carol|charlie)$|"
    r"^(?:author\s*name|name\s*surname|your\s*name|first\s*name\s*last\s*name|"
    r"firstname\s*lastname|lorem\s*ipsum|foo\s*bar)$"
)

# Second-party names of the same templates: placeholders only beside a sure one.
_COMPANION_FULL = re.compile(
    r"^(?:richard|jane|john|r|j|rr)\s*roe$|^roe\s*(?:richard|jane|john|r|j|rr)?$|"
    r"^(?:j|joe|fred|f)\s*bloggs$|^bloggs\s*(?:j|f)?$|"
    r"^(?:jane|john|j)\s*smith$|^smith\s*(?:jane|john|j)?$"
)


def _full(p: Person) -> str:
    return " ".join(words(f"{p.given} {p.family}"))


def _full_inverted(p: Person) -> str:
    return " ".join(words(f"{p.family} {p.given}"))


def is_placeholder(person: Person) -> bool:
    """True when a name is a template placeholder rather than a person."""
    family = "".join(words(person.family))
    if family in _PLACEHOLDER_FAMILIES:
        return True
    return bool(
        _PLACEHOLDER_FULL.match(_full(person)) or _PLACEHOLDER_FULL.match(_full_inverted(person))
    )


def is_companion_placeholder(person: Person) -> bool:
    """True for the template's second party ("Richard Roe"): a placeholder beside a sure one."""
    return bool(
        _COMPANION_FULL.match(_full(person)) or _COMPANION_FULL.match(_full_inverted(person))
    )


def placeholder_authors(cited: Fields) -> Evidence | None:
    """PLACEHOLDER_AUTHORS evidence when the author list is made of placeholders, else None.

    Fires when the list is only "et al.", when any author is a placeholder written out in full
    ("John Doe", "Jane Smith", "Alice Example", "Author Name"), or when every named author is
    a placeholder (or the template's companion, "R. Roe", "J. Smith") or two or more are sure
    placeholders ("J. Doe" alone may be a real person). A registry record
    bearing the very names overrules it (see ``decide``).
    """
    people = [p for p in cited.authors if words(p.family)]
    if not people:
        if cited.et_al:
            return Evidence(codes.PLACEHOLDER_AUTHORS, "the author list is only 'et al.'")
        return None
    real = [p for p in people if not is_no_author(p)]
    sure = [p for p in real if is_placeholder(p)]
    fake = [p for p in real if p in sure or (sure and is_companion_placeholder(p))]
    alone = [p for p in real if _SURE_ALONE.match(_full(p)) or _SURE_ALONE.match(_full_inverted(p))]
    anonymous = [
        p for p in people if _ANONYMOUS.match(_full(p)) or _ANONYMOUS.match(_full_inverted(p))
    ]
    if anonymous and real:
        # "Anonymous Authors" beside named people is a template's leftover; alone, it is how a
        # double-blind manuscript cites its authors' own work (no author, see is_no_author).
        alone += anonymous
    if alone and not fake:
        fake = alone
    if fake and (alone or len(fake) == len(real) or len(sure) >= 2):
        names = "; ".join(str(p) for p in fake)
        return Evidence(codes.PLACEHOLDER_AUTHORS, f"placeholder author names: {names}")
    return None


def future_date(cited: Fields, today: datetime.date) -> Evidence | None:
    """FUTURE_DATE evidence when the cited year is after today's year, else None."""
    if cited.year is not None and cited.year > today.year:
        return Evidence(
            codes.FUTURE_DATE, f"cited year {cited.year} is in the future (today is {today.year})"
        )
    return None
