"""Split an author (or editor) list as written into ``Person`` values.

Handles inverted lists (``Anitua, E., Troya, M. and Alkhraisat, M. H.``), compact Vancouver
lists (``Smith J, Jones AB``), natural order (``John Smith and Ann Lee``, ``S. E. Han, G.
Chen``), mixtures (``Lee, L. L., W. E. Howard, and R. E. Marsh``), ``et al.`` and
organisations (kept whole as a family name).
"""

from __future__ import annotations

import re
import unicodedata

from veribib.model import Person


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, split on whitespace."""
    return frozenset(text.split())


_ET_AL = re.compile(
    r"[,;]?\s*(?:\bet\.?\s*al\b\.?|\band\s+others\b|\bu\.\s?a\.|\bet\s+coll?\b\.?|\[et\s+al\.?\])",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\(\s*(?:eds?|editors?|hrsg|hg|dir|coord|comps?|trans|tr)\.?\s*\)|"
    r"(?:,\s*|\s+)(?:eds?|editors?|edited\s+by|hrsg|hg)\.?(?=\s*$)|^\s*(?:edited\s+)?by\s+|"
    r"^\s*(?:in|ed\.|eds\.)\s*:?\s+(?=\S)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:;|,|&amp;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
# ``ROUSSILLON, René. CHABERT, Catherine.``: a full stop after a whole word ends a name.
_DOT_BREAK = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])")
_LINE_HYPHEN = re.compile(r"(\w)- (\w)")
_INITIALS = re.compile(
    r"^(?:(?:[^\W\d_][^\W\d_]?\.\s?-?\s?)+|[^\W\d_]\s?(?:-\s?[^\W\d_])?|[A-Z]{1,3})$"
)
_PARTICLES = _words(
    "van von der den de del della dalla di da dos das du la le ten ter vom zu y st st. mc bin ibn "
    "al el"
)
_ONE_INITIAL = re.compile(r"^[A-Z]\.?(?:-[A-Z]\.?)?$")
_ORG_WORDS = re.compile(
    r"\b(?:organi[sz]ation|association|society|institute|institut|council|committee|agency|"
    r"department|ministry|group|foundation|centre|center|university|commission|office|board|"
    r"bureau|federation|network|collaboration|consortium|working|company|corporation|inc|ltd|"
    r"college|academy|authority|service|services|administration|nations|unesco|who|oecd)\b",
    re.IGNORECASE,
)


def _is_initials(part: str) -> bool:
    """``E.``, ``J. M.``, ``C.-Y.``, ``AB``, ``Ch.`` — given names written as initials."""
    return bool(_INITIALS.match(part.strip()))


def _is_name_word(word: str) -> bool:
    """A word that can be (part of) a family name: letters, at least one lower-case or long."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and (any(c.islower() for c in letters) or len(letters) >= 4)


def _natural(part: str) -> Person:
    """``John Smith``, ``S. E. Han``, ``D. H. van Hessem``, ``AM Trinkoff`` → family last."""
    words = part.split()
    if len(words) == 1:
        return Person(family=words[0])
    # A word in capitals among mixed-case ones is the family name (``BARRE Pierre``).
    caps = [w for w in words if w.isupper() and len(w) > 3 and w.isalpha()]
    if len(caps) == 1 and any(not w.isupper() for w in words):
        return Person(family=caps[0], given=" ".join(w for w in words if w is not caps[0]))
    i = len(words) - 1
    while i >= 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    # ``C. P. Hemantha Rajapaksha``, ``A. C. Vander Wall``: when the given names are all
    # initials, every word after them is the family name.
    k = 0
    while k < len(words) - 1 and _is_initials(words[k]) and "." in words[k]:
        k += 1
    if 0 < k < i and all(_is_name_word(w) for w in words[k:]):
        i = k
    return Person(family=" ".join(words[i:]).rstrip("."), given=" ".join(words[:i]))


def _family_initials(part: str) -> Person | None:
    """``Smith J``, ``Pérez-Higueras JJ``, ``de la Macorra JC``, ``DULONG R.`` or None."""
    words = part.split()
    if len(words) < 2:
        return None
    tail: list[str] = []
    while len(words) > 1 and _is_initials(words[-1]) and not _is_name_word(words[-1]):
        tail.insert(0, words.pop())
    if not tail and _long_initials(words):
        tail.append(words.pop())
    if not tail or not any(_is_name_word(w) for w in words):
        return None
    return Person(family=" ".join(words), given=" ".join(tail))


def _given_like(part: str) -> bool:
    """``Carl``, ``Richard L.``, ``Jean-Paul``: given names, not a whole name like
    ``Noam Ross`` (Chicago and MLA invert only the first author: ``Boettiger, Carl, Noam
    Ross, and Alan Hastings``)."""
    words = part.split()
    return len(words) == 1 or all(_ONE_INITIAL.match(w) for w in words[1:])


def _long_initials(words: list[str]) -> bool:
    """``Bots GTAM``, ``Fischer MAGJ``, ``Sausen JDFCL``: four to six capitals after a
    mixed-case family name are Vancouver initials (of as many given names and particles), not
    a name."""
    last = words[-1]
    return (
        len(words) == 2
        and 4 <= len(last) <= 6
        and last.isalpha()
        and last.isupper()
        and _is_name_word(words[0])
        and not words[0].isupper()
    )


# APA 7 lists of 21+ authors: ``Young, T., . . . Zhu, Q.`` (the dots stand for the names left out).
_OMITTED = re.compile(r"(?:(?<=[\s,;&])|^)(?:\.\s?){2}\.(?=\s|$)|\s?…\s?")


def _leading_initials(part: str) -> bool:
    """True for ``S. E. Han`` or ``AM Trinkoff``: initials first, then a name."""
    words = part.split()
    return len(words) >= 2 and _is_initials(words[0]) and _is_name_word(words[-1])


def _clean(text: str) -> tuple[str, bool]:
    """Normalise spacing, repair line-end hyphens, cut ``et al.`` and editor markers."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = _LINE_HYPHEN.sub(
        lambda m: m.group(1) + ("" if m.group(2).islower() else "-") + m.group(2), text
    )
    et_al = False
    if _ET_AL.search(text):
        et_al = True
        text = _ET_AL.sub("", text)
    if _OMITTED.search(text):
        et_al = True
        text = _OMITTED.sub(" ", text)
    text = _ROLE.sub(" ", text)
    return text.strip(" ,;:&"), et_al


def _strip_part(part: str) -> str:
    """Trim separators and brackets; keep the full stop of an initial (``M. H.``)."""
    part = part.strip(" ,;:()[]{}*†‡")
    if part.endswith(".") and not _is_initials(part.split()[-1]):
        part = part.rstrip(". ")
    return part


def _split_run(part: str) -> list[str]:
    """``Aha D.W. Kibler D. Albert M.K.`` (no commas) → one piece per person.

    Only for pieces that start with a family name and end with initials, so ``S. E. Han``
    and ``Tuomas P. J. Knowles`` stay whole.
    """
    words = part.split()
    if len(words) < 4 or not _is_name_word(words[0]) or _is_initials(words[0]):
        return [part]
    if not _is_initials(words[-1]):  # ``Tuomas P. J. Knowles`` is one person
        return [part]
    pieces: list[list[str]] = [[]]
    for i, word in enumerate(words):
        if i > 0 and _is_initials(words[i - 1]) and not _is_initials(word) and pieces[-1]:
            pieces.append([])
        pieces[-1].append(word)
    return [" ".join(p) for p in pieces]


def _parts(text: str) -> list[str]:
    """The comma/``and``-separated pieces of an author list, empty ones dropped."""
    text = _DOT_BREAK.sub(", ", text)
    parts = (_strip_part(q) for p in _SEPARATORS.split(text) for q in _split_run(p))
    return [p for p in parts if p.strip(" .")]


def _one_organisation(text: str) -> bool:
    """``National Institute for Health and Care Excellence``: one body whose name has "and".

    No comma or semicolon, an organisation word, and no word that could be an initial.
    """
    if "," in text or ";" in text or not _ORG_WORDS.search(text):
        return False
    words = text.replace("&", " ").split()
    return len(words) >= 4 and not any(_is_initials(w) and w.lower() != "and" for w in words)


def split_names(text: str) -> tuple[tuple[Person, ...], bool]:
    """Split an author list as written into persons; the flag says whether ``et al.`` was there."""
    text, et_al = _clean(text)
    if not text:
        return (), et_al
    if _ORG_WORDS.search(text) and "," not in text and not re.search(r"\band\b|&", text):
        return (Person(family=text.rstrip(". ")),), et_al
    if _one_organisation(text):
        return (Person(family=text.rstrip(". ")),), et_al
    parts = _parts(text)
    persons: list[Person] = []
    # Inverted lists start with a lone family name followed by its given names.
    inverted = (
        len(parts) >= 2
        and not _is_initials(parts[0])
        and not _leading_initials(parts[1])
        and (
            len([w for w in parts[0].split() if w.lower() not in _PARTICLES]) == 1
            # ``Vander Wall, Allison C., Lisa M. Wingen``: a two-word family name first.
            or (
                len(parts[0].split()) <= 3
                and all(_is_name_word(w) for w in parts[0].split())
                and _given_like(parts[1])
                and len(parts[1].split()) > 1
            )
        )
    )
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if _leading_initials(part):
            persons.append(_natural(part))
            i += 1
            continue
        fam_init = _family_initials(part)
        if fam_init is not None:
            persons.append(fam_init)
            i += 1
            continue
        if nxt is not None and _is_initials(nxt):
            persons.append(Person(family=part, given=nxt))
            i += 2
            continue
        if (
            inverted
            and nxt is not None
            and not _leading_initials(nxt)
            and len(nxt.split()) <= 3
            and (i == 0 or _given_like(nxt))
        ):
            persons.append(Person(family=part, given=nxt))
            i += 2
            continue
        if _is_initials(part) and persons and not persons[-1].given:
            # A dangling given-name part belongs to the family name before it.
            persons[-1] = Person(family=persons[-1].family, given=part)
            i += 1
            continue
        if _is_initials(part) and "." in part and persons:
            # Initials that belong to no one (``M. Vale, M.``) are a slip, not an author.
            i += 1
            continue
        persons.append(_natural(part) if not _ORG_WORDS.search(part) else Person(family=part))
        i += 1
    return tuple(p for p in persons if p.family), et_al


__all__ = ["split_names"]
