"""Join wrapped lines back into one string, repairing hyphenation and lost ligatures.

Text extracted from PDFs breaks words and identifiers at line ends (``Plas-`` / ``ma``,
``10.3390/i-`` / ``jms22073600``) and loses ligature glyphs (``e\ufffdcacy``). The rules here are
small and documented so that a wrong join can be traced to the rule that made it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import product

# Hyphen-minus, Unicode hyphen, non-breaking hyphen; the soft hyphen is always a break.
HYPHENS = "-\u2010\u2011"
SOFT_HYPHEN = "\u00ad"
DASHES = "\u2012\u2013\u2014"  # figure dash, en dash, em dash: join without a space
LIGATURES = ("ffi", "ffl", "ff", "fi", "fl")

_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_LETTERS_END = re.compile(r"[^\W\d_]+$")
_LETTERS_START = re.compile(r"^[^\W\d_]+")
_DOI = re.compile(r"10\.\d{3,9}/|doi\.org/", re.IGNORECASE)
_URL = re.compile(r"^(?:<?https?://|<?www\.[\w-])", re.IGNORECASE)
_URL_CHARS = frozenset("/._=?&%#-~")
_MAX_WORD = 40  # longest word considered around a lost ligature

# Second parts that make real compounds ("cell-derived", "dose-dependent"): a line-end hyphen
# before one of these is kept when the document gives no evidence either way.
COMPOUND_TAILS = frozenset(
    """
    derived based related induced dependent independent specific like free rich mediated
    associated term scale year years old time level type wide loaded targeted positive negative
    treated resistant sensitive controlled blind label driven linked bound coated sized fold
    shaped day week month mass weight cells cell body state site specific step world life
    analysis control group effect effects response responses guided assisted enhanced
    """.split()  # noqa: SIM905 - a word list reads better as text
)


VOCABULARY_CHARS = 2_000_000  # evidence is taken from this much of a document, at most


class Vocabulary:
    """Lower-case word counts of one document, built on first use (hyphen and ligature evidence).

    Only the first ``VOCABULARY_CHARS`` characters are counted, which bounds the cost on huge
    inputs; a long document repeats its vocabulary early anyway.
    """

    def __init__(self, text: str = "") -> None:
        self._text = text[:VOCABULARY_CHARS]
        self._counts: Counter[str] | None = None

    @classmethod
    def of_words(cls, words: Iterable[str]) -> Vocabulary:
        """A vocabulary from a list of words (tests and callers that already have tokens)."""
        vocab = cls()
        vocab._counts = Counter(w.lower() for w in words)
        return vocab

    def count(self, word: str) -> int:
        """How often ``word`` (compared lower-case, any hyphen as ``-``) occurs in the document."""
        if self._counts is None:
            self._counts = _count_words(self._text)
        return self._counts.get(_norm_hyphens(word.lower()), 0)


def _norm_hyphens(text: str) -> str:
    return text.replace("\u2010", "-").replace("\u2011", "-")


def _count_words(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for token in _WORD.findall(_norm_hyphens(text.lower())):
        counts[token] += 1
        if "-" in token:
            counts.update(token.split("-"))
    return counts


def _last_token(line: str) -> str:
    parts = line.rsplit(None, 1)
    return parts[-1] if parts else ""


def keeps_hyphen(before: str, after: str, vocabulary: Vocabulary | None = None) -> bool:
    """Decide whether a hyphen that ends a line is a real hyphen (True) or a word break (False).

    ``before`` is the line up to (not including) the hyphen, ``after`` the next line.
    Rules, in order:

    1. a digit on either side is a real hyphen (``s13287-`` / ``019-1253-6``);
    2. anything but letters on both sides is kept (``C.-`` / ``Y.``);
    3. inside a DOI, letters on both sides are a break (``10.1001/jama-`` / ``dermatol``);
       inside another URL the hyphen is kept (URL hyphens are common and breaks rare);
    4. a capital after the break is a real hyphen (``Falcon-`` / ``Pérez``);
    5. the document decides when it writes the word elsewhere, hyphenated or joined;
    6. a known compound tail (``cell-`` / ``derived``) keeps the hyphen;
    7. otherwise it is a break (``Plas-`` / ``ma-Derived``).
    """
    if not before or not after:
        return True
    left, right = before[-1], after[0]
    if left.isdigit() or right.isdigit():
        return True
    if not (left.isalpha() and right.isalpha()):
        return True
    token = _last_token(before)
    if _DOI.search(token):
        return False
    if _URL.match(token):
        return True
    if right.isupper():
        return True
    left_frag = _LETTERS_END.search(before)
    right_frag = _LETTERS_START.match(after)
    head = left_frag.group(0) if left_frag else ""
    tail = right_frag.group(0) if right_frag else ""
    if vocabulary is not None:
        hyphenated = vocabulary.count(f"{head}-{tail}")
        joined = vocabulary.count(head + tail)
        if hyphenated != joined:
            return hyphenated > joined
    return tail.lower() in COMPOUND_TAILS and len(head) >= 3


def _continues_identifier(line: str, nxt: str) -> bool:
    """True when ``line`` ends inside a DOI or URL that ``nxt`` carries on without a space."""
    token = _last_token(line)
    if not (_DOI.search(token) or _URL.match(token) or token.lower().startswith("doi:10.")):
        return False
    head = nxt.split(None, 1)[0]
    if not head[:1].isalnum():
        return False
    if token.endswith(("/", "_", "=", "?", "&", "#")):
        return True
    if token.endswith("."):
        return not head[:1].isupper()
    # A URL cut mid-token: the next line goes on with more URL ("loads/tx_sz/file.pdf").
    return (
        _URL.match(token) is not None
        and not head[:1].isupper()
        and any(ch in _URL_CHARS for ch in head[:-1])
    )


def join_lines(lines: Sequence[str], vocabulary: Vocabulary | None = None) -> str:
    """Join wrapped lines into one line: repair broken words and identifiers, else one space."""
    out: list[str] = []
    last = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out.append(line)
            last = line
            continue
        if last.endswith(SOFT_HYPHEN):
            out[-1] = last[:-1]
            sep = ""
        elif last[-1] in HYPHENS and len(last) > 1 and not last[-2].isspace():
            if keeps_hyphen(last[:-1], line, vocabulary):
                sep = ""
            else:
                out[-1] = last[:-1]
                sep = ""
        elif (last[-1] in DASHES and len(last) > 1 and not last[-2].isspace()) or (
            _continues_identifier(last, line)
        ):
            sep = ""
        else:
            sep = " "
        if sep:
            out.append(sep)
        out.append(line)
        last = line
    return "".join(out)


@lru_cache(maxsize=1)
def _ligature_words() -> dict[str, int]:
    words: dict[str, int] = {}
    text = resources.files("veribib.source").joinpath("ligature_words.txt").read_text("utf-8")
    for row in text.splitlines():
        if not row or row.startswith("#"):
            continue
        word, _, count = row.partition("\t")
        words[word] = int(count or 1)
    return words


def _known_score(word: str, vocabulary: Vocabulary | None) -> tuple[int, int, int]:
    lower = word.lower()
    words = _ligature_words()
    in_document = vocabulary.count(lower) if vocabulary is not None else 0
    return (in_document, words.get(lower, 0), _longest_known_part(lower, words))


def _longest_known_part(word: str, words: dict[str, int]) -> int:
    """Length of the longest listed ligature word inside ``word`` (``insufficiently``)."""
    for size in range(len(word), 4, -1):
        for start in range(len(word) - size + 1):
            piece = word[start : start + size]
            if piece in words and any(lig in piece for lig in LIGATURES):
                return size
    return 0


def _repair_word(word: str, vocabulary: Vocabulary | None) -> str:
    pieces = word.split("\ufffd")
    # A ligature sits inside a word and is followed by lower case; anything else is not one.
    if not any(pieces) or len(word) > 40 or any(p[:1].isupper() for p in pieces[1:]):
        return word
    best: tuple[tuple[int, int, int], str] | None = None
    for combo in product(LIGATURES, repeat=len(pieces) - 1):
        candidate = pieces[0] + "".join(
            lig + piece for lig, piece in zip(combo, pieces[1:], strict=True)
        )
        score = _known_score(candidate, vocabulary)
        if best is None or score > best[0]:
            best = (score, candidate)
    # No evidence for any ligature: the lost character may be something else (an umlaut).
    return best[1] if best is not None and any(best[0]) else word


def _word_around(text: str, at: int) -> tuple[int, int]:
    """Bounds of the run of letters and U+FFFD around position ``at`` (at most ``_MAX_WORD``)."""
    start = at
    while (
        start > 0
        and at - start < _MAX_WORD
        and (text[start - 1].isalpha() or text[start - 1] == "\ufffd")
    ):
        start -= 1
    end = at + 1
    while (
        end < len(text) and end - at < _MAX_WORD and (text[end].isalpha() or text[end] == "\ufffd")
    ):
        end += 1
    return start, end


def repair_ligatures(text: str, vocabulary: Vocabulary | None = None) -> str:
    """Replace U+FFFD standing for a lost ff/fi/fl/ffi/ffl ligature by the letters that make a word.

    Each ligature is tried; the candidate the document itself spells out wins, then the one in
    the shipped word list (with its frequency), then the one containing the longest listed word.
    A U+FFFD next to a digit or before a capital is left alone (it is not a ligature).
    """
    if "\ufffd" not in text:
        return text
    if vocabulary is None:
        vocabulary = Vocabulary(text)
    out: list[str] = []
    done = 0
    cache: dict[str, str] = {}
    at = text.find("\ufffd")
    while at != -1:
        start, end = _word_around(text, at)
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        word = text[start:end]
        if word.count("\ufffd") <= 3 and not before.isdigit() and not after.isdigit():
            if word not in cache:
                cache[word] = _repair_word(word, vocabulary)
            out.append(text[done:start])
            out.append(cache[word])
            done = end
        at = text.find("\ufffd", max(end, at + 1))
    out.append(text[done:])
    return "".join(out)


__all__ = [
    "COMPOUND_TAILS",
    "LIGATURES",
    "VOCABULARY_CHARS",
    "Vocabulary",
    "join_lines",
    "keeps_hyphen",
    "repair_ligatures",
]
