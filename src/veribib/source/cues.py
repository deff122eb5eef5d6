"""Line classifiers that finding and splitting a reference list rely on.

Each function answers one question about one line or one candidate entry (does it start an
entry, is it a page number, does it end the list ...). They are plain regular expressions
without nested repetition, so they run in time linear in the line's length.
"""

from __future__ import annotations

import re

_UPPER_CHARS = "".join(
    ch
    for ch in map(chr, (*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00)))
    if ch.isupper()
)
UP = f"[{re.escape(_UPPER_CHARS)}]"
LETTER = r"[^\W\d_]"
_APOS_HYPHEN = "'\u2019\\-\u2010\u2011"
# A capitalised name word: "Anitua", "Falcon-Pérez", "O'Shea", "Moeinabadi‐Bidgoli".
NAME_WORD = rf"{UP}(?:{LETTER}|[{_APOS_HYPHEN}])*"
PARTICLE = (
    r"(?:(?:van|von|der|den|de|del|della|des|di|da|du|dos|das|le|la|ten|ter|bin|ibn|al|el|st\.?)"
    r"\s+)"
)
SURNAME = rf"{PARTICLE}{{0,3}}{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"

# "Anitua, E." / "Chen, C.-Y." / "Bedina Zavec, A." / "van der Berg, J"
_AUTHOR_INITIAL = re.compile(rf"{SURNAME},\s*{UP}(?:\.|\s?[-\u2010]\s?{UP}|(?=[\s,;]|$))")
# "Smith, John," / "Smith, John A." / "Smith, John (2020)"
_AUTHOR_GIVEN = re.compile(rf"{SURNAME},\s+{NAME_WORD}(?:\s+{UP}\.)*\s*(?:[,.(&]|and\b|$)")
# Vancouver: "Smith JA," / "Smith J." / "Smith J and"
_AUTHOR_VANCOUVER = re.compile(rf"{SURNAME}\s+{UP}{{1,3}}(?:[,.]|\s+(?:and|&)\s|$)")
# Initials first: "S. Catani and" / "E. E. Reid," / "Y.-J. Lee,"
_AUTHOR_INITIALS_FIRST = re.compile(
    rf"{UP}\.(?:\s?[-\u2010]?\s?{UP}\.){{0,3}}\s*{NAME_WORD}(?:\s+{NAME_WORD})?\s*(?:,|&|and\b)"
)
# An organisation or a single name followed by the year early on: "WHO (2020)." / "WHO. 2020."
_AUTHOR_WITH_YEAR = re.compile(
    rf"{UP}[^\n]{{0,100}}?(?:\(\s*{YEAR}[a-z]?\s*\)|\.\s+{YEAR}[a-z]?\.)"
)

# Long lists number past 9999 (the 10,000th entry of a list was dropped at four digits).
_MARKER = re.compile(r"\s*(?:\[(\d{1,6})\]|\((\d{1,6})\)|(\d{1,6})\.(?=\s|$)|(\d{1,6})\)(?=\s|$))")
_STYLES = ("[n]", "(n)", "n.", "n)")

_YEAR_RE = re.compile(rf"(?<![\d/.])(?:{YEAR}[a-z]?(?![\d])|n\.\s?d\.|in press|forthcoming)", re.I)
# Each identifier check runs only when its key occurs in the lower-cased text (fast path).
_IDENTIFIER_CHECKS = (
    ("10.", re.compile(r"10\.\d{3,9}/\S")),
    ("http", re.compile(r"https?://\S", re.IGNORECASE)),
    ("www.", re.compile(r"\bwww\.\S", re.IGNORECASE)),
    ("doi", re.compile(r"\bdoi\s*:", re.IGNORECASE)),
    ("isbn", re.compile(r"\bISBN\b", re.IGNORECASE)),
    ("pmid", re.compile(r"\bPMID\b", re.IGNORECASE)),
    ("pmcid", re.compile(r"\bPMCID\b", re.IGNORECASE)),
    ("arxiv", re.compile(r"arXiv\s*:", re.IGNORECASE)),
    ("nct", re.compile(r"\bNCT\d{8}\b", re.IGNORECASE)),
)
_BARE_IDENTIFIER = re.compile(r"(?:<?https?://|<?www\.|doi\s*:\s*|10\.\d{3,9}/)\S*>?\.?", re.I)
_BIBLIO_SIGNAL = re.compile(
    r"\bet\s+al\b|\d+\s*\(\s*\d+[^)]{0,10}\)|\d+\s*[:,]\s*[A-Za-z]?\d+\s*[-\u2010\u2013\u2014]\s*\d+"
    r"|\bpp?\.\s*\d|\bvol\.?\s*\d|\b[Ii]n:|\bPress\b|\bJournal\b|\bProc(?:eedings)?\b|\bed(?:s|itors?)?\.?\)"
    r"|\b(?:Retrieved|Available|Accessed)\b|[\"“”]",
)
_AFTER_IDENTIFIER = re.compile(
    r"(?:PMID|PMCID|Epub|Accessed|Retrieved|Available|Published|Online|Cited|Erratum"
    r"|Retraction|Corrigendum|doi|https?:|www\.|10\.\d)",
    re.IGNORECASE,
)
_CONTINUATION_CHARS = frozenset(",;:&([/\u2010-")
_CONTINUATION_WORDS = frozenset(
    "and et al in of the for with from to by on a an und y".split()  # noqa: SIM905
)

_PAGE_FURNITURE = re.compile(
    r"(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]",
    re.IGNORECASE,
)
_YEAR_ALONE = re.compile(YEAR)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number needs a label, a "+" or "(0" prefix, or the 3-3-4 digit shape: bare digit
# groups ("1200 1210") are page ranges in a wrapped reference.
_PHONE = re.compile(
    r"(?:(?:tel|phone|fax|mobile|t|f)\s*[.:]\s*\+?|\+|\(0)\d[\d\s().-]{5,}\d"
    r"|\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"(?:©|\(c\)\s*\d{4}|copyright\b|all rights reserved|follow us\b|subscribe\b|contact us\b"
    r"|tel\s*[.:]|fax\s*[.:])",
    re.IGNORECASE,
)
_STOP_HEADING = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|[IVX]{1,5}\.\s+)?"
    r"(?:appendix(?:\s+[A-Z0-9]{1,3})?|appendices|acknowledg(?:e)?ments?|supplementary\b.*"
    r"|supporting information"
    r"|author(?:s'?)? contributions?|funding|conflicts? of interests?|competing interests?"
    r"|declaration of interests?|abbreviations|about the authors?|author information"
    r"|figure legends|figures|tables|index|footnotes|glossary|data availability.*)\s*:?",
    re.IGNORECASE,
)


def list_marker(line: str) -> tuple[int, str, int] | None:
    """The list number, marker style and text offset of a line like ``[12] ...`` or ``3. ...``."""
    m = _MARKER.match(line)
    if m is None:
        return None
    for group, style in enumerate(_STYLES, start=1):
        value = m.group(group)
        if value is not None:
            return int(value), style, m.end()
    return None


def author_start(line: str) -> bool:
    """True when a line begins the way a reference begins: a surname then initials or a name."""
    s = line.lstrip()
    return bool(
        _AUTHOR_INITIAL.match(s)
        or _AUTHOR_GIVEN.match(s)
        or _AUTHOR_VANCOUVER.match(s)
        or _AUTHOR_INITIALS_FIRST.match(s)
    )


def organisation_start(line: str) -> bool:
    """True when a line opens with a capitalised name and a year soon after (``WHO (2020).``)."""
    return bool(_AUTHOR_WITH_YEAR.match(line.lstrip()))


def has_year(text: str) -> bool:
    """True when the text carries a publication year (or ``n.d.`` / ``in press``)."""
    return _YEAR_RE.search(text) is not None


def has_identifier(text: str) -> bool:
    """True when the text carries a DOI, URL, ISBN, PMID, arXiv id or trial number."""
    low = text.lower()
    return any(key in low and rx.search(text) is not None for key, rx in _IDENTIFIER_CHECKS)


def ends_mid_entry(line: str) -> bool:
    """True when a line ends where a reference cannot end (a comma, ``and``, a hyphen ...)."""
    s = line.rstrip()
    if not s:
        return False
    if s[-1] in _CONTINUATION_CHARS:
        return True
    last = s.rsplit(None, 1)[-1]
    return last.isalpha() and last.lower() in _CONTINUATION_WORDS


def ends_like_entry(line: str) -> bool:
    """True when a line ends the way a reference ends: a full stop, bracket, digit or identifier."""
    s = line.rstrip()
    if not s or ends_mid_entry(s):
        return False
    if s[-1] in ".)]>" or s[-1].isdigit():
        return True
    last = s.rsplit(None, 1)[-1]
    return _BARE_IDENTIFIER.fullmatch(last) is not None


def ends_with_identifier(line: str) -> bool:
    """True when a line ends on a DOI or URL, the way most reference entries end."""
    parts = line.rsplit(None, 1)
    return (
        bool(parts)
        and _BARE_IDENTIFIER.fullmatch(parts[-1]) is not None
        and any(ch.isdigit() or ch == "/" for ch in parts[-1])
    )


def follows_identifier(line: str) -> bool:
    """True for a line that may still belong to an entry ending on a DOI (``PMID: 1`` ...)."""
    s = line.lstrip()
    return bool(s) and (s[0].islower() or s[0] in "([<" or _AFTER_IDENTIFIER.match(s) is not None)


def entry_complete(lines: list[str]) -> bool:
    """True when the lines of an entry so far could be a whole reference."""
    if not lines or not ends_like_entry(lines[-1]):
        return False
    text = " ".join(lines)
    return has_year(text) or has_identifier(text)


def looks_like_reference(text: str) -> bool:
    """True when a candidate entry reads like a reference: year or identifier, and some shape."""
    words = text.split()
    if len(words) < 4 or len(text) > 4000:
        return False
    year, ident = has_year(text), has_identifier(text)
    if not (year or ident):
        return False
    return (
        ident
        or author_start(text)
        or organisation_start(text)
        or list_marker(text) is not None
        or _BIBLIO_SIGNAL.search(text) is not None
        or text.count(". ") >= 2  # author. title. container.
    )


def is_page_furniture(line: str) -> bool:
    """True for a bare page number (``12``, ``Page 3 of 9``, ``- 4 -``), not a lone year."""
    s = line.strip()
    return _PAGE_FURNITURE.fullmatch(s) is not None and _YEAR_ALONE.fullmatch(s) is None


def is_footer(line: str) -> bool:
    """True for contact details and page footers: e-mail, phone number, copyright, "follow us"."""
    s = line.strip()
    if ("@" in s and _EMAIL.search(s)) or _FOOTER.match(s):
        return True
    return _PHONE.fullmatch(s) is not None


def is_bare_link(line: str) -> bool:
    """True for a line that is nothing but a URL or domain (a website footer or a DOI link)."""
    return _BARE_IDENTIFIER.fullmatch(line.strip()) is not None


def is_stop_heading(line: str) -> bool:
    """True for a heading that follows a reference list (Appendix, Acknowledgements ...)."""
    s = line.strip()
    return len(s) <= 60 and _STOP_HEADING.fullmatch(s) is not None


__all__ = [
    "NAME_WORD",
    "PARTICLE",
    "SURNAME",
    "UP",
    "YEAR",
    "author_start",
    "ends_like_entry",
    "ends_mid_entry",
    "ends_with_identifier",
    "entry_complete",
    "follows_identifier",
    "has_identifier",
    "has_year",
    "is_bare_link",
    "is_footer",
    "is_page_furniture",
    "is_stop_heading",
    "list_marker",
    "looks_like_reference",
    "organisation_start",
]
