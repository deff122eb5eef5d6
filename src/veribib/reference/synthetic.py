"""Render Crossref journal-article records as tagged reference strings in common styles.

AnyStyle's hand-tagged core set has few of the compact biomedical layouts
(``Evolution 52:344–354``, ``Int J Mol Sci 24, 13043``, ``2009;108(2):508-12``), so training
adds strings rendered from real Crossref records in APA, Harvard, Vancouver/AMA, Springer,
Nature, IEEE and title-less physics styles. Labels follow AnyStyle's conventions: the
whole ``2009;108(2):`` token is ``volume``, ``doi:`` belongs to the ``doi`` span.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veribib.reference.dataset import TaggedReference

_TAG = re.compile(r"<[^<>]+>")


@dataclass(frozen=True, slots=True)
class _Work:
    """The parts of a Crossref record a reference shows."""

    authors: tuple[tuple[str, str], ...]  # (family, given)
    year: str
    title: str
    journal: str
    abbrev: str
    volume: str
    issue: str
    pages: str
    doi: str


def _clean(s: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", s)).split())


def _year(msg: Mapping[str, Any]) -> str:
    for key in ("published-print", "published-online", "issued", "published"):
        parts = (msg.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and parts[0][0]:
            return str(parts[0][0])
    return ""


def work_from_crossref(msg: Mapping[str, Any]) -> _Work | None:
    """The renderable parts of a Crossref journal article, or None when too much is missing."""
    if msg.get("type") != "journal-article":
        return None
    authors = tuple(
        (_clean(a["family"]), _clean(a.get("given", "")))
        for a in msg.get("author", [])
        if a.get("family")
    )
    title = _clean((msg.get("title") or [""])[0])
    journal = _clean((msg.get("container-title") or [""])[0])
    year = _year(msg)
    if not (authors and title and journal and year):
        return None
    abbrev = _clean((msg.get("short-container-title") or [""])[0]) or journal
    pages = msg.get("page") or msg.get("article-number") or ""
    return _Work(
        authors=authors,
        year=year,
        title=title,
        journal=journal,
        abbrev=abbrev,
        volume=str(msg.get("volume") or ""),
        issue=str(msg.get("issue") or ""),
        pages=str(pages),
        doi=str(msg.get("DOI") or ""),
    )


def _initials(given: str, dots: bool, space: bool = True) -> str:
    parts = [p for p in re.split(r"[\s.]+", given) if p]
    out: list[str] = []
    for p in parts:
        sub = [s[0].upper() for s in p.split("-") if s]
        joiner = "-"
        if dots:
            out.append(joiner.join(s + "." for s in sub))
        else:
            out.append("".join(sub))
    return (" " if space and dots else "").join(out)


Piece = tuple[str, str]  # (label, text)


def _authors(
    w: _Work, fmt: Callable[[str, str], str], sep: str, last: str, max_n: int, rng: random.Random
) -> str:
    names = [fmt(f, g) for f, g in w.authors]
    if len(names) > max_n:
        return sep.join(names[: rng.choice((1, 3, 6))]) + rng.choice((", et al.", " et al."))
    if len(names) == 1:
        return names[0]
    return sep.join(names[:-1]) + last + names[-1]


def _dash(pages: str, rng: random.Random) -> str:
    return pages.replace("-", rng.choice(("-", "–")))


def _apa(w: _Work, rng: random.Random) -> list[Piece]:
    a = _authors(w, lambda f, g: f"{f}, {_initials(g, True)}", ", ", ", & ", 20, rng)
    vol = w.volume + (f"({w.issue})" if w.issue else "") + ","
    out = [
        ("author", a),
        ("date", f"({w.year})."),
        ("title", w.title + "."),
        ("journal", w.journal + ","),
        ("volume", vol),
        ("pages", _dash(w.pages, rng) + "."),
    ]
    if rng.random() < 0.6:
        out.append(("doi", "https://doi.org/" + w.doi))
    return out


def _harvard(w: _Work, rng: random.Random) -> list[Piece]:
    a = _authors(w, lambda f, g: f"{f}, {_initials(g, True)}", ", ", " and ", 6, rng)
    journal = rng.choice((w.abbrev.replace(".", ""), w.journal))
    out = [
        ("author", a),
        ("date", w.year + "."),
        ("title", w.title + "."),
        ("journal", journal),
        ("volume", w.volume + ","),
    ]
    out.append(("pages", _dash(w.pages, rng) + "."))
    if rng.random() < 0.7:
        out.append(("doi", "doi: " + w.doi))
    return out


def _vancouver(w: _Work, rng: random.Random) -> list[Piece]:
    a = _authors(w, lambda f, g: f"{f} {_initials(g, False)}", ", ", ", ", 6, rng)
    vol = f"{w.year};{w.volume}" + (f"({w.issue})" if w.issue else "") + ":"
    out = [
        ("author", a if a.endswith(".") else a + "."),
        ("title", w.title + "."),
        ("journal", w.abbrev.replace(".", "") + "."),
        ("volume", vol),
        ("pages", _dash(w.pages, rng) + "."),
    ]
    if rng.random() < 0.5:
        out.append(("doi", "doi:" + w.doi))
    return out


def _springer(w: _Work, rng: random.Random) -> list[Piece]:
    a = _authors(w, lambda f, g: f"{f} {_initials(g, False)}", ", ", ", ", 10, rng)
    vol = w.volume + (f"({w.issue})" if w.issue and rng.random() < 0.3 else "")
    out = [
        ("author", a),
        ("date", f"({w.year})"),
        ("title", w.title + "."),
        ("journal", w.abbrev.replace(".", "")),
    ]
    if rng.random() < 0.6:
        out.append(("volume", f"{vol}:{_dash(w.pages, rng)}"))
    else:
        out += [("volume", vol + ":"), ("pages", _dash(w.pages, rng))]
    if rng.random() < 0.3:
        out.append(("doi", "https://doi.org/" + w.doi))
    return out


def _nature(w: _Work, rng: random.Random) -> list[Piece]:
    a = _authors(w, lambda f, g: f"{f}, {_initials(g, True)}", ", ", " & ", 5, rng)
    return [
        ("author", a),
        ("title", w.title + "."),
        ("journal", w.abbrev),
        ("volume", w.volume + ","),
        ("pages", _dash(w.pages, rng)),
        ("date", f"({w.year})."),
    ]


def _ieee(w: _Work, rng: random.Random) -> list[Piece]:
    a = _authors(w, lambda f, g: f"{_initials(g, True)} {f}", ", ", ", and ", 6, rng)
    out = [
        ("author", a + ","),
        ("title", f"“{w.title},”"),
        ("journal", w.abbrev + ","),
        ("volume", f"vol. {w.volume}," + (f" no. {w.issue}," if w.issue else "")),
        ("pages", f"pp. {_dash(w.pages, rng)},"),
        ("date", w.year + "."),
    ]
    if rng.random() < 0.4:
        out[-1] = ("date", w.year + ",")
        out.append(("doi", "doi: " + w.doi + "."))
    return out


def _physics(w: _Work, rng: random.Random) -> list[Piece]:
    a = _authors(w, lambda f, g: f"{_initials(g, True)} {f}", ", ", " and ", 5, rng)
    return [
        ("author", a + ","),
        ("journal", w.abbrev),
        ("volume", w.volume + ","),
        ("pages", _dash(w.pages, rng)),
        ("date", f"({w.year})."),
    ]


_STYLES = (_apa, _harvard, _vancouver, _springer, _nature, _ieee, _physics)


def render(w: _Work, style: int, rng: random.Random) -> TaggedReference | None:
    """One record in one style as a tagged reference (None when it lacks volume or pages)."""
    if not (w.volume and w.pages):
        return None
    pieces = _STYLES[style % len(_STYLES)](w, rng)
    return TaggedReference(tuple((label, text) for label, text in pieces if text.strip()))


def synthetic_references(
    records: Iterable[Mapping[str, Any]], per_record: int = 2, seed: int = 13
) -> list[TaggedReference]:
    """``per_record`` renderings of each usable record, in styles chosen at random."""
    rng = random.Random(seed)
    out: list[TaggedReference] = []
    for msg in records:
        w = work_from_crossref(msg)
        if w is None:
            continue
        for style in rng.sample(range(len(_STYLES)), per_record):
            ref = render(w, style, rng)
            if ref is not None:
                out.append(ref)
    return out


def read_crossref_jsonl(path: Path) -> list[dict[str, Any]]:
    """Crossref ``message`` objects, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


__all__ = ["read_crossref_jsonl", "render", "synthetic_references", "work_from_crossref"]
