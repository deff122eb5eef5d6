"""Citation styles that turn a ``Work`` into a tagged reference string for training.

Each style returns labelled pieces (``(label, text)``) following AnyStyle's conventions: the
punctuation after a part belongs to it, ``In``/``in`` belongs to the container (or to the
editors when there are some), ``doi:`` to the DOI, a Vancouver ``2009;108(2):508-12.`` token
is one ``volume`` piece, ``[12]`` is the ``citation-number``. Styles vary their punctuation
at random, as writers and reference managers do.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from veribib.reference.dataset import TaggedReference


@dataclass(frozen=True, slots=True)
class Work:
    """The parts of a Crossref record a reference shows."""

    kind: str  # article, proceedings, chapter, report, book
    authors: tuple[tuple[str, str], ...]  # (family, given); an organisation has no given
    year: str
    title: str
    journal: str = ""  # journal, book or proceedings title
    abbrev: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    publisher: str = ""
    place: str = ""
    editors: tuple[tuple[str, str], ...] = ()
    edition: str = ""

    @property
    def organisation(self) -> bool:
        """True when the one author is a body, not a person."""
        return len(self.authors) == 1 and not self.authors[0][1]


Piece = tuple[str, str]  # (label, text)
Name = tuple[str, str]  # (family, given)
Style = Callable[[Work, random.Random], list[Piece] | None]

_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.")
_NLM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov")


def initials(given: str, dots: bool = True, space: bool = True) -> str:
    """``Carl J.`` → ``C. J.`` (or ``C.J.``, or ``CJ`` without dots)."""
    out: list[str] = []
    for part in (p for p in re.split(r"[\s.]+", given) if p):
        sub = [s[0].upper() for s in part.split("-") if s]
        out.append("-".join(s + "." for s in sub) if dots else "".join(sub))
    return (" " if space and dots else "").join(out)


def _names(
    people: tuple[Name, ...],
    fmt: Callable[[str, str], str],
    sep: str,
    last: str,
    max_n: int,
    rng: random.Random,
    first: Callable[[str, str], str] | None = None,
) -> str:
    """An author list: ``fmt`` per person (``first`` for the first), ``et al.`` past ``max_n``."""
    names = [
        family if not given else (first if i == 0 and first else fmt)(family, given)
        for i, (family, given) in enumerate(people)
    ]
    if len(names) > max_n:
        shown = names[: rng.choice((1, 1, 3, min(6, max_n)))]
        return sep.join(shown) + rng.choice((", et al.", " et al.", ", et al"))
    if len(names) == 1:
        return names[0]
    return sep.join(names[:-1]) + last + names[-1]


def _end(text: str, mark: str = ".") -> str:
    """``text`` closed by ``mark`` unless it already ends a sentence."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + mark


def _dash(pages: str, rng: random.Random) -> str:
    return re.sub(r"\s*[-–]\s*", rng.choice(("-", "–", "–", "-")), pages)


def short_pages(pages: str) -> str:
    """Vancouver drops the last page's repeated leading digits: 1185-1193 → 1185-93."""
    m = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", pages)
    if not m or len(m.group(1)) != len(m.group(2)):
        return pages
    first, last = m.groups()
    i = 0
    while i < len(first) - 1 and first[i] == last[i]:
        i += 1
    return f"{first}-{last[i:]}"


def _is_range(pages: str) -> bool:
    return bool(re.search(r"\w\s*[-–]\s*\w", pages))


def _ordinal(n: str) -> str:
    if not n.isdigit():
        return n
    k = int(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def _quoted(title: str, close: str, rng: random.Random, single: bool = False) -> str:
    """``“Title,”`` / ``"Title,"`` / ``'Title',`` with the mark inside double quotes only."""
    if single:
        left, right = rng.choice((("'", "'"), ("‘", "’")))
        return f"{left}{title.rstrip('.')}{right}{close}"
    left, right = rng.choice((("“", "”"), ('"', '"'), ("“", "”")))
    body = title.rstrip(".")
    if body.endswith(("?", "!")):
        return f"{left}{body}{right}" + ("" if close in ".," else close)
    return f"{left}{body}{close}{right}"


def _doi(w: Work, rng: random.Random, kinds: tuple[str, ...]) -> list[Piece]:
    if not w.doi:
        return []
    kind = rng.choice(kinds)
    if kind == "url":
        return [("doi", "https://doi.org/" + w.doi)]
    if kind == "url.":
        return [("doi", "https://doi.org/" + w.doi + ".")]
    if kind == "doi:":
        return [("doi", "doi:" + w.doi)]
    if kind == "doi: .":
        return [("doi", "doi: " + w.doi + ".")]
    if kind == "DOI":
        return [("doi", "DOI: " + w.doi)]
    # Harvard (Cite Them Right)
    out = [("note", "Available at:"), ("doi", "https://doi.org/" + w.doi)]
    if rng.random() < 0.6:
        day = rng.randint(1, 28)
        month = rng.choice(("January", "March", "May", "June", "October", "December"))
        out[-1] = ("doi", out[-1][1])
        out.append(("note", f"(Accessed: {day} {month} {int(w.year) + rng.randint(0, 3)})."))
    else:
        out[-1] = ("doi", out[-1][1] + ".")
    return out


def _publisher(w: Work, end: str, rng: random.Random, place_end: str = ":") -> list[Piece]:
    out: list[Piece] = []
    if w.place and rng.random() < 0.5:
        out.append(("location", w.place + place_end))
    if w.publisher:
        out.append(("publisher", w.publisher + end))
    return out


# --- author-date styles -----------------------------------------------------------------------


def _apa(w: Work, rng: random.Random) -> list[Piece]:
    a = _names(w.authors, lambda f, g: f"{f}, {initials(g)}", ", ", ", & ", 20, rng)
    out: list[Piece] = [("author", _end(a) if w.organisation else a), ("date", f"({w.year}).")]
    if w.kind == "article":
        out.append(("title", _end(w.title)))
        vol = w.volume + (f"({w.issue})" if w.issue else "")
        if not (w.volume or w.pages):
            out.append(("journal", w.journal + "."))
        else:
            out.append(("journal", w.journal + ","))
            if w.volume:
                out.append(("volume", vol + ("," if w.pages else ".")))
            if w.pages:
                article = not _is_range(w.pages) and rng.random() < 0.5
                out.append(("pages", ("Article " if article else "") + _dash(w.pages, rng) + "."))
    elif w.kind in ("chapter", "proceedings"):
        out.append(("title", _end(w.title)))
        book = w.journal
        if w.editors and rng.random() < 0.6:
            eds = _names(w.editors, lambda f, g: f"{initials(g)} {f}", ", ", ", & ", 6, rng)
            role = "(Eds.)," if len(w.editors) > 1 else "(Ed.),"
            out += [("editor", f"In {eds} {role}"), ("container-title", book)]
        else:
            out.append(("container-title", "In " + book))
        if w.pages:
            out.append(("pages", f"(pp. {_dash(w.pages, rng)})."))
        else:
            out[-1] = (out[-1][0], out[-1][1] + ".")
        out += _publisher(w, ".", rng)[-1:]
    else:
        out.append(("title", _end(w.title)))
        out += _publisher(w, ".", rng)[-1:]
    return out + _doi(w, rng, ("url", "url", "url", "doi:"))


def _harvard(w: Work, rng: random.Random) -> list[Piece]:
    """Cite Them Right Harvard: ``Family, A.B. (2019) 'Title', Journal, 3(2), pp. 1-10.``"""
    space = rng.random() < 0.3
    a = _names(w.authors, lambda f, g: f"{f}, {initials(g, space=space)}", ", ", " and ", 3, rng)
    out: list[Piece] = [("author", a), ("date", f"({w.year})")]
    if w.kind == "article":
        out.append(("title", _quoted(w.title, ",", rng, single=rng.random() < 0.8)))
        if not (w.volume or w.pages):
            out.append(("journal", w.journal + "."))
        else:
            out.append(("journal", w.journal + ","))
            if w.volume:
                vol = w.volume + (f"({w.issue})" if w.issue else "")
                out.append(("volume", vol + ("," if w.pages else ".")))
            if w.pages:
                pp = "pp." if _is_range(w.pages) else "p."
                out.append(("pages", f"{pp} {_dash(w.pages, rng)}."))
    elif w.kind in ("chapter", "proceedings"):
        out.append(("title", _quoted(w.title, ",", rng, single=rng.random() < 0.8)))
        if w.editors and rng.random() < 0.6:
            eds = _names(
                w.editors, lambda f, g: f"{f}, {initials(g, space=space)}", ", ", " and ", 3, rng
            )
            out += [("editor", f"in {eds} ({'eds' if len(w.editors) > 1 else 'ed'}.)")]
            out.append(("container-title", w.journal + "."))
        else:
            out.append(("container-title", "in " + w.journal + "."))
        pub = _publisher(w, "," if w.pages else ".", rng)
        out += pub
        if w.pages:
            out.append(("pages", f"pp. {_dash(w.pages, rng)}."))
    else:
        out.append(("title", _end(w.title)))
        out += _publisher(w, ".", rng)
    return out + _doi(w, rng, ("doi:", "doi: .", "harvard", "harvard"))


def _harvard_plain(w: Work, rng: random.Random) -> list[Piece] | None:
    """Older Harvard: ``Family, A. and Family, B., 2019. Title. Journal, 3(2), pp.1-10.``"""
    a = _names(w.authors, lambda f, g: f"{f}, {initials(g)}", ", ", " and ", 6, rng)
    out: list[Piece] = [("author", a + ","), ("date", w.year + "."), ("title", _end(w.title))]
    if w.kind == "article":
        if not (w.volume or w.pages):
            out.append(("journal", w.journal + "."))
            return out + _doi(w, rng, ("doi:", "url"))
        out.append(("journal", w.journal + ","))
        if w.volume:
            vol = w.volume + (f"({w.issue})" if w.issue else "")
            out.append(("volume", vol + ("," if w.pages else ".")))
        if w.pages:
            out.append(("pages", rng.choice(("pp.", "pp. ", "p.")) + _dash(w.pages, rng) + "."))
    elif w.kind in ("chapter", "proceedings"):
        out.append(("container-title", "In: " + w.journal + "."))
        out += _publisher(w, "," if w.pages else ".", rng)
        if w.pages:
            out.append(("pages", f"pp.{_dash(w.pages, rng)}."))
    else:
        out += _publisher(w, ".", rng)
    return out + _doi(w, rng, ("doi:", "url"))


def _chicago(w: Work, rng: random.Random) -> list[Piece]:
    """Chicago author-date: ``Family, Given, and Given Family. 2020. “Title.” J 3 (2): 1–10.``"""
    a = _names(
        w.authors,
        lambda f, g: f"{g} {f}",
        ", ",
        rng.choice((", and ", " and ")),
        10,
        rng,
        first=lambda f, g: f"{f}, {g}",
    )
    out: list[Piece] = [
        ("author", _end(a)),
        ("date", w.year + "."),
        ("title", _quoted(w.title, ".", rng)),
    ]
    if w.kind == "article":
        if not w.volume:
            out.append(("journal", w.journal + (":" if w.pages else ".")))
        else:
            out.append(("journal", w.journal))
            vol = w.volume + (f" ({w.issue})" if w.issue else "")
            out.append(("volume", vol + (":" if w.pages else ".")))
        if w.pages:
            out.append(("pages", _dash(w.pages, rng) + "."))
    elif w.kind in ("chapter", "proceedings"):
        out.append(("container-title", "In " + w.journal + ("," if w.pages else ".")))
        if w.pages:
            out.append(("pages", _dash(w.pages, rng) + "."))
        out += _publisher(w, ".", rng)
    else:
        out += _publisher(w, ".", rng)
    return out + _doi(w, rng, ("url.", "url.", "doi: ."))


def _chicago_notes(w: Work, rng: random.Random) -> list[Piece] | None:
    """Chicago notes-bibliography: ``Family, Given. “Title.” Journal 3, no. 2 (2020): 1–10.``"""
    if w.kind != "article":
        return None
    a = _names(
        w.authors, lambda f, g: f"{g} {f}", ", ", ", and ", 10, rng, first=lambda f, g: f"{f}, {g}"
    )
    out: list[Piece] = [
        ("author", _end(a)),
        ("title", _quoted(w.title, ".", rng)),
        ("journal", w.journal),
    ]
    if w.volume:
        out.append(("volume", w.volume + (f", no. {w.issue}" if w.issue else "")))
    out.append(("date", f"({w.year})" + (":" if w.pages else ".")))
    if w.pages:
        out.append(("pages", _dash(w.pages, rng) + "."))
    return out + _doi(w, rng, ("url.", "url."))


def _mla(w: Work, rng: random.Random) -> list[Piece] | None:
    """MLA 9: ``Family, Given, et al. “Title.” Journal, vol. 3, no. 2, 2020, pp. 1-10.``"""
    if w.kind != "article":
        return None
    a = _names(
        w.authors, lambda f, g: f"{g} {f}", ", ", ", and ", 2, rng, first=lambda f, g: f"{f}, {g}"
    )
    out: list[Piece] = [
        ("author", _end(a)),
        ("title", _quoted(w.title, ".", rng)),
        ("journal", w.journal + ","),
    ]
    if w.volume:
        out.append(("volume", f"vol. {w.volume}," + (f" no. {w.issue}," if w.issue else "")))
    out.append(("date", w.year + ("," if w.pages else ".")))
    if w.pages:
        pp = "pp." if _is_range(w.pages) else "p."
        out.append(("pages", f"{pp} {_dash(w.pages, rng)}."))
    return out + _doi(w, rng, ("url.", "doi: ."))


# --- numeric styles ---------------------------------------------------------------------------


def _number(rng: random.Random) -> list[Piece]:
    if rng.random() < 0.5:
        return []
    n = rng.randint(1, 120)
    return [("citation-number", rng.choice((f"[{n}]", f"{n}.", f"[{n}]", f"({n})")))]


def _vancouver(w: Work, rng: random.Random) -> list[Piece]:
    """NLM/Vancouver and AMA: ``Family AB, Family C. Title. J Abbr. 2009;108(2):508-12.``"""
    a = _names(w.authors, lambda f, g: f"{f} {initials(g, dots=False)}", ", ", ", ", 6, rng)
    out = [*_number(rng), ("author", _end(a)), ("title", _end(w.title))]
    if w.kind == "article":
        journal = w.abbrev.replace(".", "") if rng.random() < 0.8 else w.abbrev
        out.append(("journal", _end(journal)))
        year = w.year
        if rng.random() < 0.15:
            year += " " + rng.choice(_NLM_MONTHS)
        where = ""
        if w.volume:
            where = f";{w.volume}" + (f"({w.issue})" if w.issue else "")
        if w.pages:
            where += ":" + short_pages(w.pages)
        if not where:
            out.append(("date", year + "."))
        elif " " in year:
            out += [("date", year.split()[0]), ("volume", year.split()[1] + where + ".")]
        elif w.pages and rng.random() < 0.15 and w.volume:
            cut = where.rindex(":") + 1
            out += [("volume", year + where[:cut]), ("pages", where[cut:] + ".")]
        else:
            out.append(("volume", year + where + "."))
    elif w.kind in ("chapter", "proceedings"):
        if w.editors and rng.random() < 0.6:
            eds = _names(
                w.editors, lambda f, g: f"{f} {initials(g, dots=False)}", ", ", ", ", 6, rng
            )
            out += [("editor", f"In: {eds}, {'editors' if len(w.editors) > 1 else 'editor'}.")]
            out.append(("container-title", _end(w.journal)))
        else:
            out.append(("container-title", "In: " + _end(w.journal)))
        if w.edition and w.edition != "1":
            out.append(("edition", f"{_ordinal(w.edition)} ed."))
        elif rng.random() < 0.15:
            out.append(("edition", f"{_ordinal(str(rng.randint(2, 9)))} ed."))
        out += _publisher(w, ";", rng)
        out.append(("date", w.year + "."))
        if w.pages:
            out.append(("pages", f"p. {short_pages(w.pages)}."))
    else:
        out += _publisher(w, ";", rng)
        out.append(("date", w.year + "."))
    return out + _doi(w, rng, ("doi:", "doi:", "url", "DOI"))


def _ieee(w: Work, rng: random.Random) -> list[Piece]:
    """IEEE: ``[12] A. B. Family and C. Family, “Title,” Abbr., vol. 3, no. 2, pp. 1–10, 2020.``"""
    a = _names(
        w.authors, lambda f, g: f"{initials(g)} {f}", ", ", rng.choice((", and ", " and ")), 6, rng
    )
    out = [*_number(rng), ("author", a + ","), ("title", _quoted(w.title, ",", rng))]
    date = w.year if rng.random() < 0.7 else f"{rng.choice(_MONTHS)} {w.year}"
    tail = "," if w.doi else "."
    if w.kind == "article":
        out.append(("journal", (w.abbrev if rng.random() < 0.7 else w.journal) + ","))
        if w.volume:
            out.append(("volume", f"vol. {w.volume}," + (f" no. {w.issue}," if w.issue else "")))
        if w.pages:
            if _is_range(w.pages):
                out.append(("pages", f"pp. {_dash(w.pages, rng)},"))
            else:
                out.append(
                    (
                        "pages",
                        rng.choice(("Art. no. ", "Art. no. ", "p. ", "Art. ")) + w.pages + ",",
                    )
                )
        out.append(("date", date + tail))
    elif w.kind in ("chapter", "proceedings"):
        prefix = "in Proc. " if w.kind == "proceedings" and rng.random() < 0.3 else "in "
        out.append(("container-title", prefix + w.journal + ","))
        out += _publisher(w, ",", rng)
        if w.pages:
            out += [("date", w.year + ","), ("pages", f"pp. {_dash(w.pages, rng)}{tail}")]
        else:
            out.append(("date", w.year + tail))
    else:
        out += _publisher(w, ",", rng)
        out.append(("date", date + tail))
    return out + _doi(w, rng, ("doi: .",))


def _springer(w: Work, rng: random.Random) -> list[Piece] | None:
    if w.kind != "article" or not (w.volume and w.pages):
        return None
    a = _names(w.authors, lambda f, g: f"{f} {initials(g, dots=False)}", ", ", ", ", 10, rng)
    vol = w.volume + (f"({w.issue})" if w.issue and rng.random() < 0.3 else "")
    out: list[Piece] = [
        ("author", a),
        ("date", f"({w.year})"),
        ("title", _end(w.title)),
        ("journal", w.abbrev.replace(".", "")),
    ]
    if rng.random() < 0.6:
        out.append(("volume", f"{vol}:{_dash(w.pages, rng)}"))
    else:
        out += [("volume", vol + ":"), ("pages", _dash(w.pages, rng))]
    return out + (_doi(w, rng, ("url",)) if rng.random() < 0.5 else [])


def _nature(w: Work, rng: random.Random) -> list[Piece] | None:
    if w.kind != "article" or not (w.volume and w.pages):
        return None
    a = _names(w.authors, lambda f, g: f"{f}, {initials(g)}", ", ", " & ", 5, rng)
    return [
        *_number(rng),
        ("author", a),
        ("title", _end(w.title)),
        ("journal", w.abbrev),
        ("volume", w.volume + ","),
        ("pages", _dash(w.pages, rng)),
        ("date", f"({w.year})."),
    ]


def _physics(w: Work, rng: random.Random) -> list[Piece] | None:
    if w.kind != "article" or not (w.volume and w.pages):
        return None
    a = _names(w.authors, lambda f, g: f"{initials(g)} {f}", ", ", " and ", 5, rng)
    return [
        *_number(rng),
        ("author", a + ","),
        ("journal", w.abbrev),
        ("volume", w.volume + ","),
        ("pages", _dash(w.pages, rng)),
        ("date", f"({w.year})."),
    ]


STYLES: tuple[Style, ...] = (
    _apa,
    _harvard,
    _harvard_plain,
    _vancouver,
    _ieee,
    _chicago,
    _chicago_notes,
    _mla,
    _springer,
    _nature,
    _physics,
)


def render(w: Work, style: int, rng: random.Random) -> TaggedReference | None:
    """One work in one style as a tagged reference (None when the style does not fit it)."""
    pieces = STYLES[style % len(STYLES)](w, rng)
    if not pieces:
        return None
    return TaggedReference(tuple((label, text) for label, text in pieces if text.strip()))


__all__ = ["STYLES", "Work", "initials", "render"]
