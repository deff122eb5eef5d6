"""Turn labelled spans of a reference string into ``Fields``.

The same conversion serves the tagger's output and, in ``scripts/eval_parser.py``, the
hand-tagged gold spans, so an evaluation compares like with like.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from veribib.model import Fields, Person
from veribib.reference.names import split_names


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, split on whitespace."""
    return frozenset(text.split())


Span = tuple[str, str]  # (label, text)

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DASHES = re.compile(r"\s*[-‐‑‒–—―]+\s*")
_LOST_DASH = re.compile(r"(?<=\d)\s*[?�]\s*(?=\d)")
_QUOTES = "\"'“”‘’«»„‟‹›"
_EDGE = " \t,.;:/" + _QUOTES
_IN_PREFIX = re.compile(r"^(?:in|dans|en|em)\s*:?\s+(?=\S)", re.IGNORECASE)
_PAGES_PREFIX = re.compile(
    r"^\(?\s*(?:pp?|pgs?|pages?|s|ss|seiten|art(?:icle)?\.?(?:\s*(?:no|nr|number)\b)?|e-?locator)"
    r"(?:\.\s*:?\s*|:\s*|\s+)(?=\S)",
    re.IGNORECASE,
)
_VANCOUVER = re.compile(
    r"^(?P<date>[^;]*?)\s*;\s*(?:(?:vol|no|n[°º])\.?\s*)?(?P<vol>[^\s(:;]+(?:\s+Suppl\s*\w*)?)"
    r"\s*(?:\((?P<iss>[^)]*)\))?"
    r"\s*(?::\s*(?P<pages>\S+))?",
    re.IGNORECASE,
)
_VOL_WORD = re.compile(
    r"\b(?:vol(?:ume)?s?|v|bd|band|tome?|t|jg|jahrgang)\s*\.?\s*(?:(?:no\.?|n[°º])\s*)?(?P<v>[\w-]+)",
    re.IGNORECASE,
)
_ISSUE_WORD = re.compile(
    r"(?:\b(?:no|nos|nr|num|number|issue|iss|heft|h)\s*\.?|n°|nº|#)\s*(?P<i>[\w/-]+)",
    re.IGNORECASE,
)
_VOL_ISSUE = re.compile(r"(?P<v>[A-Za-z]?\d+[A-Za-z]?|[IVXLC]+)\s*(?:\((?P<i>[^)]+)\))?")
_COLON_PAGES = re.compile(r":\s*(?P<p>\S+)$")
_YEAR_ONLY = re.compile(r"1[5-9]\d\d|20\d\d")
_PAREN_AFTER = re.compile(r"\s*\(([^)]+)\)")


_LINE_HYPHEN = re.compile(r"(\w)- (\w+)")
# ``pre- and post-operative``: a hyphen before a conjunction is meant, not a line break.
_CONJUNCTIONS = _words("and or nor to und oder bis et ou y e")


def _join_hyphen(m: re.Match[str]) -> str:
    """Repair ``Mur- phy`` → ``Murphy`` and ``Martin- Facklam`` → ``Martin-Facklam``."""
    left, word = m.group(1), m.group(2)
    if word.lower() in _CONJUNCTIONS:
        return m.group(0)
    return left + ("" if word[0].islower() else "-") + word


def clean_text(s: str) -> str:
    """Collapse whitespace, repair ``word- word`` line breaks, trim edge punctuation."""
    s = unicodedata.normalize("NFC", " ".join(s.split()))
    s = _LINE_HYPHEN.sub(_join_hyphen, s)
    s = s.strip(_EDGE)
    # Drop a bracket left unbalanced by trimming (``(Vol. 3`` or ``Review)``).
    if s.count("(") > s.count(")") and s.startswith("("):
        s = s[1:]
    if s.count(")") > s.count("(") and s.endswith(")"):
        s = s[:-1]
    return s.strip(_EDGE)


def parse_year(text: str) -> int | None:
    """The first plausible year (1500–2099) in ``text``."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def parse_pages(text: str) -> str | None:
    """``pp. 1477–81.`` → ``1477-81``; ``ojae017.`` → ``ojae017``; ``662-678.e8`` kept."""
    s = clean_text(text)
    s = _PAGES_PREFIX.sub("", s)
    # ``165?168``: a dash lost to a wrong encoding.
    s = _LOST_DASH.sub("-", s)
    s = _DASHES.sub("-", s)
    s = s.strip(_EDGE + "()")
    return s or None


def parse_volume(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Volume, issue, pages and a year from a volume span.

    Handles ``42(10),``, ``Vol. 9,``, ``vol.36, no. 9``, ``n° 5``, and Vancouver's
    ``2009;108(2):508-12`` (year, volume, issue and pages in one).
    """
    s = clean_text(text)
    if not s:
        return None, None, None, None
    year: str | None = None
    pages: str | None = None
    if ";" in s:
        m = _VANCOUVER.match(s)
        if m:
            y = _YEAR.search(m.group("date"))
            year = y.group(1) if y else None
            pages = parse_pages(m.group("pages")) if m.group("pages") else None
            return m.group("vol"), _clean_issue(m.group("iss")), pages, year
    cm = _COLON_PAGES.search(s)
    if cm and re.search(r"\d", cm.group("p")):
        pages = parse_pages(cm.group("p"))
        s = s[: cm.start()]
        if _YEAR_ONLY.fullmatch(s):
            # Vancouver with no volume: ``CeN. 2000:107-26.``
            return None, None, pages, s
    volume: str | None = None
    issue: str | None = None
    vm = _VOL_WORD.search(s)
    # The issue word after the volume word (``vol. n° 95, no. 2``), else one before it.
    if vm:
        im = _ISSUE_WORD.search(s, vm.end()) or _ISSUE_WORD.search(s[: vm.start()])
    else:
        im = _ISSUE_WORD.search(s)
    if vm:
        volume = vm.group("v")
    if im:
        issue = im.group("i")
        paren = _PAREN_AFTER.match(s, im.end())
        if vm is None and paren:
            # ``n° 95(2)``: the numbered part is the volume, the bracketed one its issue.
            return im.group("i"), _clean_issue(paren.group(1)), pages, year
    if volume is None:
        rest = s[: im.start()] + s[im.end() :] if im else s
        m2 = _VOL_ISSUE.search(rest)
        if m2 and not (im and m2.group("v") == issue):
            volume = m2.group("v")
            if issue is None and m2.group("i"):
                issue = m2.group("i")
    elif issue is None and vm is not None:
        m3 = re.match(r"\s*\(([^)]+)\)", s[vm.end() :])
        if m3:
            issue = m3.group(1)
    return volume, _clean_issue(issue), pages, year


def _clean_issue(issue: str | None) -> str | None:
    if issue is None:
        return None
    issue = issue.strip(_EDGE + "()")
    return issue or None


def clean_title(text: str) -> str | None:
    """A title without surrounding quotes and trailing punctuation."""
    s = clean_text(text)
    return s or None


def clean_container(text: str) -> str | None:
    """A journal or book title without ``In:`` and trailing punctuation."""
    s = _IN_PREFIX.sub("", clean_text(text))
    s = clean_text(s)
    return s or None


def group_spans(tokens: Sequence[str], labels: Sequence[str]) -> list[Span]:
    """Join runs of tokens with the same label into (label, text) spans."""
    spans: list[Span] = []
    for tok, label in zip(tokens, labels, strict=True):
        if spans and spans[-1][0] == label:
            spans[-1] = (label, spans[-1][1] + " " + tok)
        else:
            spans.append((label, tok))
    return spans


def _first(spans: Sequence[Span], *labels: str) -> str | None:
    for label, text in spans:
        if label in labels:
            return text
    return None


def fields_from_spans(spans: Sequence[Span]) -> Fields:
    """Fields from labelled spans: first span of each kind, cleaned and split into parts."""
    authors: tuple[Person, ...] = ()
    et_al = False
    author_text = _first(spans, "author")
    if author_text:
        authors, et_al = split_names(author_text)
    editors: tuple[Person, ...] = ()
    editor_text = _first(spans, "editor")
    if editor_text:
        editors, _ = split_names(editor_text)

    volume = issue = pages = None
    vyear: str | None = None
    volume_text = _first(spans, "volume")
    if volume_text:
        volume, issue, pages, vyear = parse_volume(volume_text)
    pages_text = _first(spans, "pages")
    if pages_text:
        pages = parse_pages(pages_text) or pages

    year: int | None = None
    for label, text in spans:
        if label == "date" and (year := parse_year(text)) is not None:
            break
    if year is None and vyear is not None:
        year = int(vyear)

    title_text = _first(spans, "title")
    container_text = _first(spans, "journal", "container-title")
    publisher_text = _first(spans, "publisher")
    edition_text = _first(spans, "edition")
    url_text = _first(spans, "url")
    return Fields(
        authors=authors,
        et_al=et_al,
        year=year,
        title=clean_title(title_text) if title_text else None,
        container=clean_container(container_text) if container_text else None,
        volume=volume,
        issue=issue,
        pages=pages,
        publisher=clean_text(publisher_text) or None if publisher_text else None,
        editors=editors,
        edition=clean_text(edition_text) or None if edition_text else None,
        url=url_text.strip(" .,;<>") or None if url_text else None,
    )


__all__ = [
    "Span",
    "clean_container",
    "clean_text",
    "clean_title",
    "fields_from_spans",
    "group_spans",
    "parse_pages",
    "parse_volume",
    "parse_year",
]
