"""Real Crossref records as works to render into tagged reference strings for training.

AnyStyle's hand-tagged core set has few of the layouts reference lists are full of today
(``Evolution 52:344–354``, ``2009;108(2):508-12``, ``'Title', Journal.``, ``Art. no. e16864``,
``In: Book. 3rd ed. Publisher; 2019. p. 1-9.``), so training adds strings rendered from real
Crossref records by ``styles.py``: journal articles, book chapters, proceedings papers,
reports, preprints and datasets, in about a dozen styles, with and without locators and DOIs,
and now and then with an organisation (a real funder name) as the author.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from veribib.reference.dataset import TaggedReference
from veribib.reference.styles import STYLES, Work, render

_TAG = re.compile(r"<[^<>]+>")

# Crossref types and the kind of citation each is rendered as.
_KINDS = {
    "journal-article": "article",
    "proceedings-article": "proceedings",
    "book-chapter": "chapter",
    "reference-entry": "chapter",
    "report": "report",
    "posted-content": "report",
    "dataset": "report",
    "dissertation": "report",
    "monograph": "book",
    "book": "book",
}


def _clean(s: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", s)).split())


def _first(msg: Mapping[str, Any], key: str) -> str:
    value = msg.get(key)
    if isinstance(value, list):
        return _clean(str(value[0])) if value else ""
    return _clean(str(value)) if value else ""


def _year(msg: Mapping[str, Any]) -> str:
    for key in ("published-print", "published-online", "issued", "published", "posted"):
        parts = (msg.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and parts[0][0]:
            return str(parts[0][0])
    return ""


def _people(items: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (_clean(a.get("family") or a.get("name") or ""), _clean(a.get("given", "")))
        for a in items
        if a.get("family") or a.get("name")
    )


def _value(text: str) -> str:
    return "" if text.strip().lower() in ("", "null", "none") else text.strip()


def work_from_crossref(msg: Mapping[str, Any]) -> Work | None:
    """The renderable parts of a Crossref record, or None when too much is missing."""
    kind = _KINDS.get(str(msg.get("type")))
    authors = _people(msg.get("author") or [])
    title = _first(msg, "title")
    subtitle = _first(msg, "subtitle")
    if subtitle and subtitle.lower() not in title.lower():
        title = f"{title}: {subtitle}"
    year = _year(msg)
    container = _first(msg, "container-title")
    if kind is None or not (authors and title and year):
        return None
    if kind in ("article", "proceedings", "chapter") and not container:
        return None
    abbrev = _first(msg, "short-container-title") or container
    pages = _value(str(msg.get("page") or msg.get("article-number") or ""))
    return Work(
        kind=kind,
        authors=authors,
        year=year,
        title=title,
        journal=container,
        abbrev=abbrev,
        volume=_value(str(msg.get("volume") or "")),
        issue=_value(str(msg.get("issue") or "")),
        pages=pages,
        doi=str(msg.get("DOI") or ""),
        publisher=_clean(str(msg.get("publisher") or "")),
        place=_clean(str(msg.get("publisher-location") or "")),
        editors=_people(msg.get("editor") or []),
        edition=str(msg.get("edition-number") or ""),
    )


def organisations(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """Real organisation names (the funders the records name), to stand in as authors."""
    names = {
        _clean(str(f.get("name") or ""))
        for msg in records
        for f in msg.get("funder") or []
        if isinstance(f, Mapping)
    }
    return sorted(n for n in names if 2 <= len(n.split()) <= 8 and "," not in n)


def variants(w: Work, orgs: list[str], rng: random.Random) -> Work:
    """The work as a writer may cite it: now and then by an organisation, under a short
    title, or short of its volume, pages or DOI (the renderers then leave those out)."""
    if orgs and rng.random() < 0.08:
        w = replace(w, authors=((rng.choice(orgs), ""),))
    words = w.title.split()
    if len(words) > 3 and rng.random() < 0.05:
        # Short titles (``Gout.``, ``Widget count.``) exist, and the tagger must not take
        # them for an author's name.
        w = replace(w, title=" ".join(words[: rng.choice((1, 2))]).rstrip(":,;."))
    r = rng.random()
    if w.kind == "article" and r < 0.25:
        w = replace(w, volume="", issue="", pages="")
    elif w.kind == "article" and r < 0.32:
        w = replace(w, volume="", issue="")
    elif r < 0.4:
        w = replace(w, pages="")
    if rng.random() < 0.5:
        w = replace(w, doi="")
    return w


def synthetic_references(
    records: Iterable[Mapping[str, Any]],
    per_record: int = 2,
    seed: int = 13,
    orgs: list[str] | None = None,
) -> list[TaggedReference]:
    """``per_record`` renderings of each usable record, in styles chosen at random."""
    rng = random.Random(seed)
    out: list[TaggedReference] = []
    for msg in records:
        w = work_from_crossref(msg)
        if w is None:
            continue
        for style in rng.sample(range(len(STYLES)), min(per_record, len(STYLES))):
            ref = render(variants(w, orgs or [], rng), style, rng)
            if ref is not None:
                out.append(ref)
    return out


def read_crossref_jsonl(path: Path) -> list[dict[str, Any]]:
    """Crossref ``message`` objects, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


__all__ = [
    "organisations",
    "read_crossref_jsonl",
    "synthetic_references",
    "variants",
    "work_from_crossref",
]
