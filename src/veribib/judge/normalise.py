"""Text keys for comparing cited and recorded values: accents, LaTeX, case and punctuation folded.

Every function here is pure and cached: the same title or name is compared against many
candidates, and normalising once keeps judging a reference well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text

_LATEX = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)
_TAGS = re.compile(r"<[^>]+>")
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_DIGITS = re.compile(r"\d+")

# Letters NFKD does not decompose into an ASCII base letter.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ĸ": "k",
        "&": " and ",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "`": "'",
    }
)

# Spelling variants folded on both sides so British and American spellings compare equal
# ("Orthopaedic" ~ "Orthopedic", "haemoglobin" ~ "hemoglobin", "organisation" ~ "organization").
_VARIANTS = (
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"yse\b"), "yze"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"tre\b"), "ter"),
)


def spelling_key(word: str) -> str:
    """A folded word with British/American spelling variants folded ("modelling" ~ "modeling")."""
    for pattern, repl in _VARIANTS:
        word = pattern.sub(repl, word)
    return word


def wordset(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` as a set (for word lists in constants)."""
    return frozenset(text.split())


# Words a journal abbreviation or acronym leaves out.
STOPWORDS = wordset(
    "a an and at de der des die du et for from in la le of on the to und with by fur"
)


def _greek(ch: str) -> str:
    """A Greek letter spelt out ("α" → " alpha "), anything else unchanged."""
    if "\u0370" <= ch <= "\u03ff":
        try:
            name = unicodedata.name(ch)
        except ValueError:
            return ch
        if name.startswith("GREEK"):
            return " " + name.rsplit(" ", 1)[-1].lower() + " "
    return ch


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII form: LaTeX and HTML removed, accents dropped, Greek letters spelt out."""
    if "\\" in text or "{" in text:
        try:
            text = _LATEX.latex_to_text(text)
        except Exception:  # pylatexenc raises on unbalanced input; fall back to the raw text
            text = text.replace("{", "").replace("}", "")
    if "<" in text:
        text = _TAGS.sub(" ", text)
    text = text.translate(_SPECIAL)
    if text.isascii():  # no accent, no Greek letter, nothing NFKD changes: a quarter the time
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(_greek(c) for c in decomposed if not unicodedata.combining(c))
    return out.casefold()


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` in order (letters of any script, and digits)."""
    return tuple(filter(None, _NON_WORD.split(fold(text))))


@lru_cache(maxsize=65536)
def title_key(text: str) -> str:
    """A title as space-separated folded words ("RETRACTED:" prefix kept; see ``strip_notice``)."""
    return " ".join(words(text))


@lru_cache(maxsize=65536)
def compact_key(text: str) -> str:
    """A title with spaces removed and spelling variants folded, for equality tests.

    Spaces are dropped so a line-break hyphen ("Plas-ma") or "COVID 19"/"COVID-19" still compare
    equal; spelling variants are folded on both sides, so only true differences remain.
    """
    key = " ".join(words(text))
    for pattern, repl in _VARIANTS:
        key = pattern.sub(repl, key)
    return key.replace(" ", "")


_NOTICE = re.compile(r"^\s*(retracted|withdrawn|retraction|expression of concern)\s*[:.]\s*", re.I)


def strip_notice(title: str) -> str:
    """A title without a leading "RETRACTED:"/"WITHDRAWN:" marker."""
    return _NOTICE.sub("", title, count=1)


def has_retracted_marker(title: str | None) -> bool:
    """True when a title starts with "RETRACTED" or "WITHDRAWN" (how publishers mark them)."""
    return bool(title) and bool(re.match(r"^\s*(retracted|withdrawn)\b", title or "", re.I))


_SUBTITLE_SEP = re.compile(r":|\s[-–—/]\s|\?\s|\.\s")


@lru_cache(maxsize=32768)
def title_heads(title: str) -> tuple[str, ...]:
    """The leading parts of a title that end at a subtitle separator, shortest first.

    Separators are ":", " - ", " / " (a translated title), "? " and ". "; a part needs three
    words or more ("Constructing optimal entanglement witnesses. II. Witnessing ..." gives
    "Constructing optimal entanglement witnesses" and "... witnesses. II").
    """
    heads: list[str] = []
    for m in _SUBTITLE_SEP.finditer(title):
        head = title[: m.start() + (1 if m.group(0).startswith("?") else 0)].strip()
        if len(words(head)) >= 3:
            heads.append(head)
    return tuple(heads)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A family name folded to letters only ("Falcon-Pérez" → "falconperez")."""
    return "".join(words(name))


# German and Scandinavian letters are written either way: "Müller"/"Mueller",
# "Gödel"/"Goedel", "Øster"/"Oester". Folding the digraphs on both sides makes them one name.
# ("å" written "aa" is folded only against a name that has the "å": see ``ring_key``.)
_UMLAUT_DIGRAPHS = re.compile(r"ae|oe|ue")


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """A family name as compared between a citation and a record: ``name_key`` with the umlaut
    digraphs folded ("Mueller" and "Müller" both give "muller")."""
    return _UMLAUT_DIGRAPHS.sub(lambda m: m.group(0)[0], name_key(name))


def ring_key(name: str) -> str | None:
    """The key under which "Hårdhammar" and "Haardhammar" are one name: ``person_key`` with
    "aa" folded, for a name written with "å" or "aa" (None otherwise). "Haastings" is not
    "Hastings": only a name with the ring itself vouches for the folding (see ``authors``)."""
    lowered = name.lower()
    if "å" not in lowered and "aa" not in lowered:
        return None
    return person_key(name).replace("aa", "a")


@lru_cache(maxsize=16384)
def container_words(name: str) -> tuple[str, ...]:
    """A journal name's content words, notes in brackets and stopwords dropped, variants folded."""
    bare = _BRACKETS.sub(" ", name)
    out: list[str] = []
    for w in words(bare):
        if w in STOPWORDS:
            continue
        for pattern, repl in _VARIANTS:
            w = pattern.sub(repl, w)
        out.append(w)
    return tuple(out)


@lru_cache(maxsize=16384)
def bracket_notes(name: str) -> tuple[str, ...]:
    """The notes in brackets of a journal name ("Cancers (Basel)" → ("basel",))."""
    return tuple(
        " ".join(words(m.group(0)[1:-1])) for m in _BRACKETS.finditer(name) if words(m.group(0))
    )


@lru_cache(maxsize=16384)
def number_key(value: str) -> str:
    """A volume/issue as compared: its words joined, leading zeros dropped ("Vol. 042" → "42")."""
    ws = [w for w in words(value) if w not in ("vol", "volume", "no", "issue", "nr", "n")]
    key = "".join(ws)
    return key.lstrip("0") or key if key.isdigit() else key


def first_number(value: str) -> int | None:
    """The first run of digits in ``value`` as an int, None when there is none."""
    m = _DIGITS.search(value)
    return int(m.group(0)) if m else None


def collapse(text: str) -> str:
    """White space folded to single spaces."""
    return _SPACES.sub(" ", text).strip()
