"""Text keys for matching records offline: folded words, page and volume keys, journal names.

A cited journal is written many ways ("International Journal of Molecular Sciences",
"Int J Mol Sci", "Int. J. Mol. Sci.", "IJMS", an ISSN); ``container_matches`` accepts them all
against a record's full title, short titles and ISSNs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

# Words that abbreviations and acronyms leave out ("J Invest Dermatol", "PNAS").
# "a" is kept: it is a word in abbreviations ("Proc Natl Acad Sci U S A").
_STOP = "an and at by de der des die du et for from in la le of on the to und with"
STOPWORDS = frozenset(_STOP.split())

_WORD = re.compile(r"[a-z0-9]+")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_ISSN = re.compile(r"^(\d{4})-?(\d{3}[\dx])$")
_ELOCATOR = re.compile(r"^[a-z]+0*(\d+)$")


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text`` (entities decoded, accents dropped, ``&`` as ``and``)."""
    if "&" in text:
        text = html.unescape(text).replace("&", " and ")
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.lower()


def words(text: str) -> list[str]:
    """The folded alphanumeric words of ``text``, in order."""
    return _WORD.findall(fold(text))


def content_words(text: str) -> list[str]:
    """``words`` without stopwords: what abbreviations and acronyms keep."""
    return [w for w in words(text) if w not in STOPWORDS]


def issn_key(text: str) -> str | None:
    """An ISSN as ``12345678``/``1234567x`` when ``text`` is one, else None."""
    m = _ISSN.match(text.strip().lower())
    return m.group(1) + m.group(2) if m else None


def page_keys(page: str | None) -> tuple[str, ...]:
    """Keys for a first page or article number: ``"1185-1193"`` → ``("1185",)``.

    An e-locator such as ``e33693`` also gets its number alone, since it is cited both ways.
    """
    if not page:
        return ()
    first = re.split(r"[-–—,\s]", page.strip(), maxsplit=1)[0]
    key = "".join(words(first))
    if not key:
        return ()
    keys = [key.lstrip("0") or "0"] if key.isdigit() else [key]
    m = _ELOCATOR.match(key)
    if m:
        keys.append(m.group(1))
    return tuple(keys)


def volume_key(volume: str | None) -> str | None:
    """A volume for comparison: folded words joined, leading zeros dropped; None when empty."""
    if not volume:
        return None
    key = "".join(words(volume))
    return (key.lstrip("0") or "0") if key.isdigit() else (key or None)


def container_names(names: Iterable[str | None]) -> tuple[str, ...]:
    """Distinct normalised forms of a record's journal names (parentheticals, subtitles cut)."""
    out: list[str] = []
    for name in names:
        if not name:
            continue
        bare = _PAREN.sub(" ", name)
        for variant in (bare, bare.split(":", 1)[0]):
            key = " ".join(content_words(variant))
            if key and key not in out:
                out.append(key)
    return tuple(out)


def _abbreviates(short: str, full: str) -> bool:
    """True when word ``short`` could abbreviate word ``full`` ("Natl" → "National")."""
    if not short or not full or short[0] != full[0] or len(short) > len(full):
        return False
    if full.startswith(short):
        return True
    rest = iter(full[1:])
    return all(c in rest for c in short[1:])


def _abbreviation_of(short: list[str], full: list[str]) -> bool:
    """True when each word of ``short`` abbreviates the matching word of ``full``."""
    return len(short) == len(full) and all(
        _abbreviates(s, f) for s, f in zip(short, full, strict=True)
    )


def container_matches(cited: str, names: Iterable[str], issns: Iterable[str] = ()) -> bool:
    """Whether a cited journal name denotes a record's journal.

    ``names`` are the record's ``container_names``. Accepts the same name, an abbreviation
    either way round ("Int J Mol Sci"), an acronym of three or more capitals ("JID", "PNAS"),
    or one of the record's ISSNs.
    """
    issn = issn_key(cited)
    if issn is not None:
        return any(issn_key(i) == issn for i in issns)
    cited_words = content_words(_PAREN.sub(" ", cited))
    if not cited_words:
        return False
    stripped = cited.strip().replace(".", "")
    acronym = (
        stripped.lower()
        if stripped.isalpha() and stripped.isupper() and 3 <= len(stripped) <= 10
        else None
    )
    for name in names:
        name_words = name.split()
        if name_words == cited_words:
            return True
        if _abbreviation_of(cited_words, name_words) or _abbreviation_of(name_words, cited_words):
            return True
        initials = "".join(w[0] for w in name_words)
        if acronym and len(name_words) > 1 and initials.startswith(acronym):
            return True
    return False


def search_terms(texts: Iterable[str | None], limit: int = 40) -> list[str]:
    """Distinct content words of the given texts (two characters or more), at most ``limit``."""
    out: list[str] = []
    seen: set[str] = set()
    for text in texts:
        for w in content_words(text or ""):
            if len(w) >= 2 and w not in seen:
                seen.add(w)
                out.append(w)
                if len(out) >= limit:
                    return out
    return out
