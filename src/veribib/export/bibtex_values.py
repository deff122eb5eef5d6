"""Model values as BibTeX text: field names, escaping, names, pages, entry types and keys."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexencode import UnicodeToLatexEncoder

from veribib.export.common import CONTROL_CHARS, slug, strip_controls
from veribib.model import Fields, Person, ReferenceType

# Fields attribute -> the BibTeX field names that can hold it, preferred first.
BIB_FIELDS: dict[str, tuple[str, ...]] = {
    "authors": ("author",),
    "editors": ("editor",),
    "year": ("year", "date"),
    "title": ("title",),
    "container": ("journal", "journaltitle", "booktitle"),
    "volume": ("volume",),
    "issue": ("number", "issue"),
    "pages": ("pages",),
    "publisher": ("publisher",),
    "edition": ("edition",),
    "url": ("url",),
    "doi": ("doi",),
}

ENTRY_TYPES: dict[ReferenceType, str] = {
    ReferenceType.JOURNAL_ARTICLE: "article",
    ReferenceType.PROCEEDINGS_ARTICLE: "inproceedings",
    ReferenceType.BOOK: "book",
    ReferenceType.BOOK_CHAPTER: "incollection",
    ReferenceType.THESIS: "phdthesis",
    ReferenceType.REPORT: "techreport",
    ReferenceType.PREPRINT: "misc",
    ReferenceType.DATASET: "misc",
    ReferenceType.STANDARD: "misc",
    ReferenceType.WEBPAGE: "misc",
    ReferenceType.CLINICAL_TRIAL: "misc",
    ReferenceType.OTHER: "misc",
}

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
# The DOI grammar (DOI Handbook 2.2: "10." registrant "/" suffix), restricted to what can sit
# inside a BibTeX value unescaped: printable ASCII without braces, quotes, backslash or space.
_DOI = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/[!#-\[\]-z|~]+$")
_URL = re.compile(r"^https?://[!#-\[\]-z|~]+$")
_ENCODER = UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all")
_DECODER = LatexNodes2Text()
_RANGE = re.compile(r"^\s*([^\s\-–—]+)\s*(?:-{1,2}|–|—)\s*([^\s\-–—]+)\s*$")
_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "for",
        "and",
        "to",
        "with",
        "from",
        "at",
        "by",
        "is",
        "are",
        "as",
        "via",
        "its",
        "into",
        "toward",
        "towards",
    }
)


def safe_doi(value: str | None) -> str | None:
    """A DOI fit to write into BibTeX, or None when it does not match the DOI grammar."""
    if value is None:
        return None
    doi = value.strip()
    return doi if _DOI.match(doi) else None


def safe_url(value: str | None) -> str | None:
    """An http(s) URL fit to write into BibTeX unescaped, or None (spaces, braces, controls)."""
    if value is None:
        return None
    url = value.strip()
    return url if _URL.match(url) else None


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += 1 if ch == "{" else -1 if ch == "}" else 0
        if depth < 0:
            return False
    return depth == 0


def latex_escape(text: str, ascii_only: bool = False) -> str:
    """Plain text as a BibTeX value: LaTeX specials escaped, non-ASCII kept or encoded.

    BibTeX counts ``\\{`` and ``\\}`` as braces too, so escaped braces are only used when they
    balance; otherwise each becomes ``\\textbraceleft{}``/``\\textbraceright{}`` (balanced by
    construction). Control characters never reach the file.
    """
    text = " ".join(strip_controls(text).split()) if CONTROL_CHARS.search(text) else text
    specials = dict(_LATEX_SPECIAL)
    if not _balanced(text):
        specials["{"], specials["}"] = r"\textbraceleft{}", r"\textbraceright{}"
    escaped = _SPECIAL_RE.sub(lambda m: specials[m.group(0)], text)
    if ascii_only and not escaped.isascii():
        escaped = str(_ENCODER.unicode_to_latex(escaped))
    return escaped


def latex_to_text(value: str) -> str:
    """A BibTeX value (without its enclosing) as plain text, for comparison and display."""
    try:
        return " ".join(str(_DECODER.latex_to_text(value)).split())
    except Exception:  # pylatexenc raises assorted errors on broken LaTeX; show it as written
        return " ".join(value.split())


def bib_people(people: Iterable[Person], et_al: bool = False) -> str:
    """Authors as BibTeX names: "Family, Given and Family, Given [and others]"."""
    names = [f"{p.family}, {p.given}" if p.given else p.family for p in people]
    if et_al:
        names.append("others")
    return " and ".join(names)


_RUN_TOGETHER = re.compile(r"^([A-Z]{1,4})\.?$")


def bib_given(given: str) -> str:
    """Given names for BibTeX: Vancouver initials run together ("SL") spelled out ("S. L.").

    BibTeX reads "SL" as one given name; "S. L." is two initials, as styles expect.
    """
    m = _RUN_TOGETHER.match(given.strip())
    if m is None:
        return given.strip()
    return " ".join(f"{letter}." for letter in m.group(1))


def bib_name(person: Person, ascii_only: bool = False) -> str:
    """One name, escaped: "Family, G. N."; an organisation (no given name, several words)
    braced whole so BibTeX never splits it into a first and last name."""
    family = latex_escape(person.family.strip(), ascii_only)
    if person.given:
        return f"{family}, {latex_escape(bib_given(person.given), ascii_only)}"
    return f"{{{family}}}" if len(person.family.split()) > 1 else family


def bib_names(people: Iterable[Person], et_al: bool = False, ascii_only: bool = False) -> str:
    """Escaped BibTeX names joined with "and" ("and others" for et al.)."""
    names = [bib_name(p, ascii_only) for p in people]
    if et_al:
        names.append("others")
    return " and ".join(names)


def bib_pages(pages: str) -> str:
    """A page range with BibTeX's en dash ("1185-1193" → "1185--1193"); other forms as given."""
    m = _RANGE.match(pages)
    return f"{m.group(1)}--{m.group(2)}" if m else pages.strip()


def bib_value(fields: Fields, name: str, ascii_only: bool = False) -> str | None:
    """One Fields attribute as BibTeX value text (escaped, no enclosing); None when unknown."""
    if name == "authors":
        if not fields.authors:
            return None
        return bib_names(fields.authors, fields.et_al, ascii_only)
    if name == "editors":
        return bib_names(fields.editors, False, ascii_only) if fields.editors else None
    if name == "year":
        return str(fields.year) if fields.year is not None else None
    value = getattr(fields, name, None)
    if not isinstance(value, str) or not value.strip():
        return None
    if name == "pages":
        return latex_escape(bib_pages(value), ascii_only)
    if name == "url":
        return safe_url(value)
    return latex_escape(" ".join(value.split()), ascii_only)


def entry_type_for(fields: Fields) -> str:
    """The BibTeX entry type for a work (article when unknown but it has a journal)."""
    if fields.type is not None:
        return ENTRY_TYPES[fields.type]
    return "article" if fields.container else "misc"


def container_field(entry_type: str) -> str:
    """Where an entry type keeps its container: journal for articles, booktitle otherwise."""
    return (
        "booktitle"
        if entry_type.lower() in {"inproceedings", "incollection", "inbook", "conference"}
        else "journal"
    )


def make_key(fields: Fields, taken: set[str]) -> str:
    """A key like ``anitua2023advances`` (first author, year, first real title word), unique."""
    author = slug(fields.authors[0].family) if fields.authors else ""
    year = str(fields.year) if fields.year is not None else ""
    words = [slug(w) for w in re.findall(r"\w+", fields.title or "")]
    word = next((w for w in words if w and w not in _STOPWORDS), "")
    base = (author or "anon") + year + word
    key, n = base, 1
    while key.lower() in taken:
        key = base + _suffix(n)
        n += 1
    taken.add(key.lower())
    return key


def _suffix(n: int) -> str:
    """b, c, ..., z, ba, bb, ...: the second work of a key gets "b" (the first has none)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = letters[r] + out
        if n == 0:
            return out


__all__ = [
    "BIB_FIELDS",
    "bib_given",
    "bib_name",
    "bib_names",
    "bib_pages",
    "bib_people",
    "bib_value",
    "container_field",
    "entry_type_for",
    "latex_escape",
    "latex_to_text",
    "make_key",
    "safe_doi",
    "safe_url",
    "strip_controls",
]
