"""Tokens of a reference string and the CRF features of each token.

Training (``scripts/train_parser.py``) and tagging (``crf.py``) both call ``featurize`` so
the model always sees the same features; change them only together with a retrained model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, split on whitespace."""
    return frozenset(text.split())


_TOKEN = re.compile(r"\S+")
_PUNCT_EDGES = "\"'“”‘’«»()[]{}<>.,;:!?*"
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.-?)+[,;:]?$|^[A-Z]{1,3}[,;:.]?$")
_RANGE = re.compile(r"^\(?[A-Za-z]{0,3}\d+[A-Za-z]?\s*[-–—‐]\s*[A-Za-z]{0,3}\d+")
_URLISH = re.compile(r"^(?:https?:|www\.|doi:|\w+\.\w+/)", re.IGNORECASE)
_DOIISH = re.compile(r"10\.\d{4,9}/")

_LEXICON: dict[str, frozenset[str]] = {
    "journal": _words(
        "journal j jour proc proceedings transactions trans review reviews rev "
        "letters lett annals ann bulletin bull quarterly magazine archives arch acta "
        "res sci int med american am european eur british br international natl "
        "national soc society clin biol chem phys physics rep reports studies stud "
        "nature science zeitschrift revue rivista revista cah cahiers"
    ),
    "vol": _words("vol vols volume volumes v bd band tome t jg jahrgang"),
    "no": _words("no nos nr n° num number issue heft h iss suppl supplement"),
    "pp": _words("pp p pages page s ss seiten pgs art article"),
    "eds": _words("ed eds editor editors edited hrsg hg éd éds dir coord comp"),
    "in": frozenset(("in", "in:", "dans", "em")),
    "month": _words(
        "jan january feb february mar march apr april may jun june jul july aug "
        "august sep sept september oct october nov november dec december janvier "
        "février mars avril mai juin juillet août septembre octobre novembre décembre "
        "januar februar märz juni juli oktober dezember spring summer autumn fall "
        "winter"
    ),
    "publisher": _words(
        "press publishers publisher publishing verlag books university univ inc ltd "
        "co wiley springer elsevier routledge sage oxford cambridge academic éditions "
        "edition presses gmbh llc taylor francis blackwell pergamon mcgraw-hill"
    ),
    "conf": _words(
        "conference conf symposium symp workshop congress meeting colloquium proc. "
        "proceedings annual"
    ),
    "etal": frozenset(("et", "al", "al.", "al.,", "etal", "u.a.")),
    "and": frozenset(("and", "&", "und", "y", "e")),
    "web": _words("http https doi url www retrieved available accessed online from viewed"),
    "thesis": _words(
        "thesis dissertation phd ph.d diss doctoral master's masters report technical "
        "tech working paper preprint"
    ),
    "edition": _words("edition ed edn aufl auflage éd"),
}


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace-separated piece of the reference and where it sits in the string."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split on whitespace, keeping offsets so spans can be cut from the original text."""
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    """Character classes with runs collapsed: ``Harper,`` → ``Aa,``; ``42(10),`` → ``0(0),``."""
    out: list[str] = []
    for ch in word[:24]:
        if ch.isdigit():
            c = "0"
        elif ch.isalpha():
            c = "A" if ch.isupper() else "a"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _core(word: str) -> str:
    """The word without surrounding punctuation, lower-cased (``(2022).`` → ``2022``)."""
    return word.strip(_PUNCT_EDGES).lower()


def _lexicon(core: str) -> list[str]:
    bare = core.rstrip(".")
    return [name for name, words in _LEXICON.items() if core in words or bare in words]


def _token_features(word: str) -> list[str]:
    """Features of one token on its own (neighbours are added by ``featurize``)."""
    norm = unicodedata.normalize("NFKC", word)
    core = _core(norm)
    feats = [
        "w=" + norm.lower()[:30],
        "c=" + core[:30],
        "sh=" + _shape(norm),
        "last=" + (norm[-1] if not norm[-1].isalnum() else "an"),
        "first=" + (norm[0] if not norm[0].isalnum() else "an"),
        "len=" + str(min(len(core), 8)),
    ]
    if core:
        feats += ["p1=" + core[:1], "p2=" + core[:2], "p3=" + core[:3]]
        feats += ["s2=" + core[-2:], "s3=" + core[-3:]]
    feats += ["lex=" + name for name in _lexicon(core)]
    stripped = norm.strip(_PUNCT_EDGES)
    if _YEAR.fullmatch(core.rstrip("abcdef")):
        feats.append("year")
    elif _YEAR.search(norm):
        feats.append("hasyear")
    if core.isdigit():
        feats.append("num" + str(min(len(core), 5)))
    elif any(ch.isdigit() for ch in core):
        feats.append("hasdigit")
    if _RANGE.match(stripped):
        feats.append("range")
    if stripped[:1].isupper():
        feats.append("cap")
        if stripped.isupper() and len(stripped) > 1 and stripped.isalpha():
            feats.append("allcaps")
    elif stripped[:1].islower():
        feats.append("lower")
    if _INITIALS.match(norm):
        feats.append("initial")
    if _URLISH.match(norm) or _DOIISH.search(norm):
        feats.append("url")
    if "(" in norm and ")" in norm and any(ch.isdigit() for ch in norm):
        feats.append("paren_num")
    if norm[0] in "“\"'‘«":
        feats.append("quote_open")
    if norm.rstrip(".,;:")[-1:] in "”\"'’»":
        feats.append("quote_close")
    return feats


def _segments(tokens: list[str], own: list[list[str]]) -> list[tuple[int, int, int]]:
    """For each token: (segment number, position in its segment, segment length).

    A segment ends at a token ending in ``.``, ``?``, ``!`` or ``:`` that is not an initial,
    so ``Authors. Title. Journal 24, 13043.`` has three segments.
    """
    bounds: list[int] = []
    for i, tok in enumerate(tokens):
        stripped = tok.rstrip("\"'”’)")
        if stripped.endswith((".", "?", "!", ":")) and "initial" not in own[i]:
            bounds.append(i)
    out: list[tuple[int, int, int]] = []
    start = 0
    seg = 0
    for end in [*bounds, len(tokens) - 1]:
        if end < start:
            continue
        length = end - start + 1
        out += [(seg, k, length) for k in range(length)]
        start = end + 1
        seg += 1
    return out[: len(tokens)]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return str(edges[-1]) + "+"


def featurize(tokens: list[str]) -> list[list[str]]:
    """CRF features for each token: its own, its neighbours', and where it sits in the string."""
    n = len(tokens)
    own = [_token_features(t) for t in tokens]
    segs = _segments(tokens, own)
    # Cheap context the CRF cannot see on its own: how far along the string we are, whether a
    # year has gone by, which sentence-like segment we are in and where, and quotes.
    seen_year = False
    in_quote = False
    out: list[list[str]] = []
    for i in range(n):
        feats = list(own[i])
        feats.append("pos=" + str(min(9, (10 * i) // max(n, 1))))
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        feats.append("seenyear" if seen_year else "noyear")
        seg, k, length = segs[i]
        feats.append("brk=" + str(min(seg, 4)))
        feats.append("segpos=" + _bucket(k, (0, 1, 2, 3)))
        feats.append("segrem=" + _bucket(length - 1 - k, (0, 1, 2, 3)))
        feats.append("seglen=" + _bucket(length, (1, 2, 3, 6, 12)))
        if in_quote:
            feats.append("inquote")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                prefix = f"{off}:"
                for f in own[j]:
                    if f.startswith(
                        (
                            "w=",
                            "sh=",
                            "last=",
                            "lex=",
                            "year",
                            "initial",
                            "cap",
                            "num",
                            "range",
                            "url",
                            "first=",
                            "lower",
                        )
                    ):
                        feats.append(prefix + f)
            else:
                feats.append(f"{off}:none")
        if i > 0:
            feats.append("bi=" + own[i - 1][1] + "|" + own[i][1])
        out.append(feats)
        if "year" in own[i]:
            seen_year = True
        if "quote_open" in own[i]:
            in_quote = True
        if "quote_close" in own[i]:
            in_quote = False
    return out


__all__ = ["Token", "featurize", "tokenize"]
