"""In-text citations: find them in running text and line them up with the reference list.

Finds author-year citations, parenthetical ``(Xing et al., 2020)``, ``(Smith and Jones, 2019;
Lee, 2020a)`` and narrative ``Smith and Jones (2019)``, also when wrapped over a line break,
and numbered ones ``[12]``, ``[3, 5–7]``. Matching is by first author's family name and year,
or by list number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from veribib.model import CitationReport, InTextCitation, Origin, Reference
from veribib.source.cues import NAME_WORD, PARTICLE, YEAR
from veribib.source.sections import LineIndex

_YEAR_TOKEN = rf"(?:{YEAR}[a-z]?|(?i:n\.\s?d\.|in\s+press))"
_YEARS = rf"{_YEAR_TOKEN}(?:\s*,\s*(?:{_YEAR_TOKEN}|[a-z])(?!\w))*"
_NAME_PART = rf"{PARTICLE}{{0,3}}{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)"
_NAMES = rf"(?P<names>{_NAME_PART}(?:{_SEPARATOR}{_NAME_PART}){{0,5}})(?P<etal>\s*,?\s+et\s+al\.?)?"
_LEAD_IN = (
    r"(?i:(?:see\s+also|see|e\.\s?g\.|cf\.|i\.\s?e\.|for\s+example|for\s+review|reviewed\s+in)"
    r"[,:]?\s+)*"
)
_LOCATOR = r"(?i:\s*[,:]\s*(?:p|pp|ch|chap|fig|figs|table)\.?\s*[\w\u2013-]+)?"

# Only parentheses with a year inside are looked at (the lookahead keeps the scan in C).
_PAREN = re.compile(r"\((?=[^()]{0,400}?(?:\d{4}|(?i:n\.\s?d\.|in\s+press)))([^()]{4,400})\)")
_PART = re.compile(rf"{_LEAD_IN}{_NAMES}\s*,?\s+(?P<years>{_YEARS}){_LOCATOR}\s*")
_NARRATIVE_YEARS = re.compile(rf"\(\s*(?P<years>{_YEARS})\s*\)")
_NARRATIVE_NAMES = re.compile(rf"(?<![\w'\u2019\-\u2010]){_NAMES}\s*$")
_NUMERIC = re.compile(r"\[\s*(\d{1,4}(?:\s*[-\u2013\u2014,;]\s*\d{1,4}){0,30})\s*\]")
_YEAR_SPLIT = re.compile(rf"{_YEAR_TOKEN}|(?<=[,\s])[a-z](?!\w)")
_AUTHOR_SPLIT = re.compile(_SEPARATOR)
_BROKEN_HYPHEN = re.compile(r"([-\u2010])[ \t]*\n\s*")
_SPACE = re.compile(r"\s+")
_FIRST_NAME_IN_TEXT = re.compile(
    rf"^\W*(?:\[\d+\]|\(\d+\)|\d+[.)])?\s*({PARTICLE}{{0,3}}{NAME_WORD})"
)
_YEAR_IN_TEXT = re.compile(rf"(?<![\d/.])({YEAR})(?!\d)")

_MAX_RANGE = 50  # "[1-400]" is not a citation of 400 entries
MAX_CITATIONS = 50_000
_NOT_NAMES = frozenset(
    """
    in the see a an and or of for from since between during after before until by on at to with
    figure fig figs table tables study studies trial trials phase year years data version
    accessed retrieved published updated available cited issued revised edition vol volume
    january february march april may june july august september october november december
    spring summer autumn fall winter this that these those our their its his her we they it
    as like unlike following according while although however thus moreover recently
    previously later earlier both also only when where here there then yet but so if because
    similarly notably indeed finally first second third further furthermore
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _clean(text: str) -> str:
    if "\n" not in text and "  " not in text and "\t" not in text:
        return text.strip()
    return _SPACE.sub(" ", _BROKEN_HYPHEN.sub(r"\1", text)).strip()


def _authors(names: str) -> tuple[str, ...]:
    """Family names from ``Smith and Jones`` / ``Smith, Jones, & Lee`` (sentence words dropped)."""
    out = []
    for raw in _AUTHOR_SPLIT.split(names):
        words = raw.split()
        while words and words[0].lower() in _NOT_NAMES:
            words.pop(0)
        name = " ".join(words)
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if name:
            out.append(name)
    return tuple(out)


def _years(years: str) -> list[str]:
    out: list[str] = []
    for token in _YEAR_SPLIT.findall(years):
        token = token.replace(" ", "")
        if len(token) == 1 and out and out[-1][:4].isdigit():
            out.append(out[-1][:4] + token.lower())
        else:
            out.append(token)
    return out


def _numbers(body: str) -> list[int]:
    if body.isdigit():
        return [int(body)] if 0 < int(body) < 1600 else []
    numbers: list[int] = []
    for piece in re.split(r"\s*[,;]\s*", body):
        bounds = [int(x) for x in re.split(r"\s*[-\u2013\u2014]\s*", piece) if x]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= _MAX_RANGE:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        elif bounds:
            numbers.extend(bounds)
    # Bracketed years ("[2020]") are dates, not citations.
    return [n for n in numbers if 0 < n < 1600]


class _Finder:
    def __init__(self, text: str) -> None:
        self.text = text
        # (offset, label, authors, year, number) - built into InTextCitation once, at the end
        self.found: list[tuple[int, str, tuple[str, ...], str | None, int | None]] = []

    def full(self) -> bool:
        return len(self.found) >= MAX_CITATIONS

    def add(
        self,
        offset: int,
        label: str,
        authors: tuple[str, ...] = (),
        year: str | None = None,
        number: int | None = None,
    ) -> None:
        if len(self.found) < MAX_CITATIONS:
            self.found.append((offset, label, authors, year, number))

    def parenthetical(self) -> set[int]:
        taken: set[int] = set()
        for m in _PAREN.finditer(self.text):
            if self.full():
                break
            body = m.group(1)
            parts = [p for p in (_clean(x) for x in body.split(";")) if p]
            for part in parts:
                pm = _PART.fullmatch(part)
                if pm is None:
                    continue
                authors = _authors(pm.group("names"))
                if not authors:
                    continue
                label = f"({part})" if len(parts) > 1 else f"({_clean(body)})"
                for year in _years(pm.group("years")):
                    self.add(m.start(), label, authors, year)
                taken.add(m.start())
        return taken

    def narrative(self, taken: set[int]) -> None:
        for m in _NARRATIVE_YEARS.finditer(self.text):
            if self.full():
                break
            if m.start() in taken:
                continue
            start = max(0, m.start() - 160)
            window = self.text[start : m.start()]
            nm = _NARRATIVE_NAMES.search(window)
            if nm is None:
                continue
            authors = _authors(_clean(nm.group("names")))
            if not authors:
                continue
            head = start + nm.start() + (len(nm.group(0)) - len(nm.group(0).lstrip()))
            label = _clean(self.text[head : m.end()])
            for year in _years(m.group("years")):
                self.add(head, label, authors, year)

    def numeric(self) -> None:
        for m in _NUMERIC.finditer(self.text):
            if self.full():
                break
            label = _clean(m.group(0))
            for number in _numbers(m.group(1)):
                self.add(m.start(), label, number=number)


def find_citations(text: str, path: str) -> tuple[InTextCitation, ...]:
    """In-text citations in ``text`` (``path`` is recorded in each origin), in reading order.

    At most ``MAX_CITATIONS`` are returned, so pathological input stays fast.
    """
    finder = _Finder(text)
    taken = finder.parenthetical()
    finder.narrative(taken)
    finder.numeric()
    if not finder.found:
        return ()
    finder.found.sort(key=lambda item: item[0])
    lines = LineIndex(text)
    return tuple(
        InTextCitation(label, Origin(path, lines.line_of(offset) + 1, k), authors, year, number)
        for k, (offset, label, authors, year, number) in enumerate(finder.found)
    )


def name_key(name: str) -> str:
    """A family name reduced for comparison: no accents, case, hyphens, spaces or particles."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if ch.isalpha() and not unicodedata.combining(ch))
    return letters.lower()


def _last_word_key(name: str) -> str:
    parts = name.split()
    return name_key(parts[-1]) if parts else ""


def _first_author(ref: Reference) -> tuple[str, str | None]:
    """First author's family name and the second author's, from fields or else the raw text."""
    authors = ref.fields.authors
    if authors:
        second = authors[1].family if len(authors) > 1 else None
        return authors[0].family, second
    m = _FIRST_NAME_IN_TEXT.match(ref.raw.text)
    return (m.group(1) if m else ""), None


def _year_of(ref: Reference) -> int | None:
    if ref.fields.year is not None:
        return ref.fields.year
    m = _YEAR_IN_TEXT.search(ref.raw.text)
    return int(m.group(1)) if m else None


def _split_year(year: str | None) -> tuple[int | None, int | None]:
    """``"2020b"`` → (2020, 1): the year and the index its letter suffix points to."""
    if not year or not year[:4].isdigit():
        return None, None
    suffix = year[4:5].lower()
    return int(year[:4]), (ord(suffix) - ord("a") if suffix.isalpha() else None)


def match_citations(
    citations: Sequence[InTextCitation], references: Sequence[Reference]
) -> CitationReport:
    """Link citations to list entries; report citations with no entry and entries never cited.

    Citations by key (LaTeX, Pandoc) match the entry with that key exactly; numbered citations
    match the entry with that list number (its key when numeric, else its 1-based position);
    author-year citations match on first author's family name and year.
    """
    by_key: dict[str, list[str]] = {}
    for ref in references:
        if ref.raw.key is not None:
            by_key.setdefault(ref.raw.key, []).append(ref.id)
    by_number: dict[int, list[str]] = {}
    by_author: dict[tuple[str, int | None], list[int]] = {}
    seconds: list[str | None] = []
    for pos, ref in enumerate(references):
        key = ref.raw.key
        number = int(key) if key is not None and key.isdigit() else pos + 1
        by_number.setdefault(number, []).append(ref.id)
        family, second = _first_author(ref)
        seconds.append(name_key(second) if second else None)
        year = _year_of(ref)
        for k in {name_key(family), _last_word_key(family)} - {""}:
            by_author.setdefault((k, year), []).append(pos)

    matched: list[InTextCitation] = []
    unmatched: list[InTextCitation] = []
    cited: set[str] = set()
    for citation in citations:
        if citation.key is not None:
            ids = by_key.get(citation.key, [])
        elif citation.number is not None:
            ids = by_number.get(citation.number, [])
        else:
            ids = [references[p].id for p in _author_year_match(citation, by_author, seconds)]
        updated = replace(citation, reference_ids=tuple(ids))
        matched.append(updated)
        cited.update(ids)
        if not ids:
            unmatched.append(updated)
    uncited = tuple(ref.id for ref in references if ref.id not in cited)
    return CitationReport(tuple(matched), tuple(unmatched), uncited)


def _author_year_match(
    citation: InTextCitation,
    by_author: dict[tuple[str, int | None], list[int]],
    seconds: list[str | None],
) -> list[int]:
    if not citation.authors:
        return []
    year, suffix = _split_year(citation.year)
    first = citation.authors[0]
    candidates: list[int] = []
    for k in (name_key(first), _last_word_key(first)):
        for pos in by_author.get((k, year), []):
            if pos not in candidates:
                candidates.append(pos)
    candidates.sort()
    if len(candidates) > 1 and len(citation.authors) > 1:
        second = name_key(citation.authors[1])
        narrowed = [p for p in candidates if seconds[p] == second]
        candidates = narrowed or candidates
    if len(candidates) > 1 and suffix is not None and suffix < len(candidates):
        candidates = [candidates[suffix]]
    return candidates


__all__ = ["MAX_CITATIONS", "find_citations", "match_citations", "name_key"]
