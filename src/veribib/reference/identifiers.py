"""Find and normalise identifiers in reference text: DOI, trial ids, PMID, PMCID, arXiv, ISBN, ISSN.

Every ``find_*`` function takes free text and returns normalised values in the order they
appear; ``find_identifiers`` combines them (first hit of each kind) with identifiers a
structured source gave as raw field pairs (``extra``), which win over the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import unquote

from veribib.model import Identifiers, TrialId
from veribib.reference.registries import find_malformed_trial_ids

# --- DOI ---------------------------------------------------------------------------------

# A DOI runs to the next whitespace; what trails it is cleaned up afterwards.
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"]+", re.IGNORECASE)
_DOI_ENCODED = re.compile(r"10\.\d{4,9}%2F[^\s\"]+", re.IGNORECASE)
# ``10.1016/j. intimp.2021.107823``: a line break after a short first suffix part. A full
# stop cannot be hyphenation, so joining is safe; a break after ``-`` stays ambiguous.
_BROKEN = re.compile(r"(10\.\d{4,9}/(?=[^\s\"/]{0,2}[A-Za-z])[^\s\"/]{1,3}\.)\s+(?=[a-z0-9])")
_MIN_SUFFIX = 2
# PDF text often carries Unicode hyphens where the DOI has an ASCII one.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_DOI_PREFIX = re.compile(
    r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*:\s*|doi\s+|info:doi/|urn:doi:)",
    re.IGNORECASE,
)
_LATEX_UNDERSCORE = re.compile(r"\{\\_\}|\\_")
_TRAILING = ".,;:)]}'’”\"!?>"
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}


def _strip_trailing(s: str) -> str:
    """Drop trailing punctuation, keeping closing brackets that close one opened in the DOI."""
    while s and s[-1] in _TRAILING:
        last = s[-1]
        opener = _PAIRS.get(last)
        if opener is not None and s.count(opener) >= s.count(last):
            break
        s = s[:-1]
    return s


def _unescape(s: str) -> str:
    """Undo LaTeX underscore escapes and URL percent-encoding."""
    s = _LATEX_UNDERSCORE.sub("_", s)
    if "%" in s:
        s = unquote(s)
    return s


def normalize_doi(s: str) -> str | None:
    """The DOI in ``s`` (bare, ``doi:``, doi.org URL, %-encoded, LaTeX) lower-cased, or None."""
    s = _unescape(s.strip()).translate(_HYPHENS)
    s = _BROKEN.sub(r"\1", _DOI_PREFIX.sub("", s))
    m = _DOI.search(s)
    if m is None:
        return None
    doi = _strip_trailing(m.group(0))
    if len(doi.split("/", 1)[1]) < _MIN_SUFFIX:
        return None
    return doi.lower()


def doi_was_broken(text: str) -> bool:
    """True when ``text`` has a DOI split by a space that ``find_dois`` joins back."""
    return _BROKEN.search(text) is not None


def find_dois(text: str) -> list[str]:
    """All DOIs in ``text``, normalised and de-duplicated, in order of appearance.

    A DOI split by a line break right after a short first part (``10.1016/j. intimp...``)
    is joined back.
    """
    text = _BROKEN.sub(r"\1", _LATEX_UNDERSCORE.sub("_", text).translate(_HYPHENS))
    hits = [(m.start(), m.group(0)) for m in _DOI.finditer(text)]
    hits += [(m.start(), m.group(0)) for m in _DOI_ENCODED.finditer(text)]
    found: list[str] = []
    for _, cand in sorted(hits):
        doi = normalize_doi(cand)
        if doi is not None and doi not in found:
            found.append(doi)
    return found


# --- clinical trials -----------------------------------------------------------------------

# (registry, pattern); more specific patterns come first so EU CTIS wins over EudraCT.
_TRIALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("clinicaltrials.gov", re.compile(r"\bNCT\s?(\d{8})\b", re.IGNORECASE)),
    ("isrctn", re.compile(r"\bISRCTN\s?(\d{8})\b", re.IGNORECASE)),
    ("ctis", re.compile(r"(?<![\d-])(\d{4}-5\d{5}-\d{2}-\d{2})(?![\d-])")),
    ("eudract", re.compile(r"(?<![\d-])((?:19|20)\d{2}-\d{6}-\d{2})(?![\d-])")),
    ("anzctr", re.compile(r"\b(ACTRN126\d{11})\b", re.IGNORECASE)),
    ("chictr", re.compile(r"\b(ChiCTR(?:\d{8,10}|-[A-Z]{3}-\d{8}))\b", re.IGNORECASE)),
    ("drks", re.compile(r"\b(DRKS000\d{5})\b", re.IGNORECASE)),
    ("ctri", re.compile(r"\b(CTRI/20\d\d/\d{2,3}/0\d{5})\b", re.IGNORECASE)),
    ("jrct", re.compile(r"\b(jRCT[a-z]\d{9})\b", re.IGNORECASE)),
    ("umin", re.compile(r"\b(UMIN0000\d{5})\b", re.IGNORECASE)),
    ("kct", re.compile(r"\b(KCT00\d{5})\b", re.IGNORECASE)),
)


def _normalise_trial(registry: str, raw: str) -> str:
    """Canonical spelling of a trial id for its registry."""
    if registry == "clinicaltrials.gov":
        return "NCT" + raw
    if registry == "isrctn":
        return "ISRCTN" + raw
    if registry == "chictr":
        return "ChiCTR" + raw[6:].upper()
    if registry == "jrct":
        return "jRCT" + raw[4:].lower()
    return raw.upper()


def find_trial_ids(text: str) -> list[TrialId]:
    """All clinical-trial registration numbers in ``text``, in order of appearance."""
    hits: list[tuple[int, TrialId]] = []
    taken: list[tuple[int, int]] = []
    for registry, pattern in _TRIALS:
        for m in pattern.finditer(text):
            span = m.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            hits.append((span[0], TrialId(registry, _normalise_trial(registry, m.group(1)))))
    out: list[TrialId] = []
    for _, trial in sorted(hits, key=lambda h: h[0]):
        if trial not in out:
            out.append(trial)
    return out


# --- PubMed ---------------------------------------------------------------------------------

_PMID = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMID_URL = re.compile(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})\b", re.IGNORECASE)
_PMCID = re.compile(r"\bPMC\s?(\d{4,9})\b", re.IGNORECASE)


def find_pmids(text: str) -> list[str]:
    """PubMed ids written as ``PMID: 123`` or as a pubmed.ncbi.nlm.nih.gov link."""
    hits = [(m.start(), m.group(1)) for m in _PMID.finditer(text)]
    hits += [(m.start(), m.group(1)) for m in _PMID_URL.finditer(text)]
    return _ordered_unique(hits)


def find_pmcids(text: str) -> list[str]:
    """PubMed Central ids (``PMC1234567``), upper-cased."""
    return _ordered_unique([(m.start(), "PMC" + m.group(1)) for m in _PMCID.finditer(text)])


def normalize_pmid(s: str) -> str | None:
    """A PMID from a field value (``123``, ``PMID: 123``), without leading zeros, or None."""
    m = re.fullmatch(r"\s*(?:PMID\s*:?\s*)?(\d{1,9})\s*", s, re.IGNORECASE)
    return str(int(m.group(1))) if m else None


def normalize_pmcid(s: str) -> str | None:
    """A PMCID from a field value (``PMC123``, ``123``), as ``PMC123``, or None."""
    m = re.fullmatch(r"\s*(?:PMCID\s*:?\s*)?(?:PMC)?\s?(\d{4,9})\s*", s, re.IGNORECASE)
    return "PMC" + m.group(1) if m else None


# --- arXiv ----------------------------------------------------------------------------------

_ARXIV_ARCHIVES = (
    r"(?:astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|"
    r"physics|quant-ph|math|cs|q-bio|q-fin|stat|eess|econ|chao-dyn|solv-int|patt-sol|adap-org|"
    r"cmp-lg|comp-gas|alg-geom|dg-ga|funct-an|q-alg|mtrl-th|supr-con|chem-ph|atom-ph|acc-phys|"
    r"ao-sci|bayes-an|plasm-ph)"
)
_ARXIV_OLD = re.compile(
    rf"(?<![\w/])({_ARXIV_ARCHIVES}(?:\.[A-Z]{{2}})?/\d{{7}})(?:v\d+)?(?!\d)", re.IGNORECASE
)
_ARXIV_NEW = r"(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)"
_ARXIV_PREFIXED = re.compile(
    r"(?:arXiv\s*:?\s*|arxiv\.org/(?:abs|pdf)/|10\.48550/arXiv\.)" + _ARXIV_NEW, re.IGNORECASE
)
_ARXIV_VERSIONED = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})v\d+(?!\d)")
_ARXIV_BARE = re.compile(r"(?<![\d.])" + _ARXIV_NEW)


def find_arxiv_ids(text: str) -> list[str]:
    """arXiv ids (new ``2101.01234`` and old ``hep-th/9901001`` forms), without version suffix.

    A bare new-style number counts only when it carries a version (``v2``) or the text
    mentions arXiv, since ``1234.5678`` alone could be anything.
    """
    hits = [(m.start(), m.group(1)) for m in _ARXIV_PREFIXED.finditer(text)]
    hits += [(m.start(), m.group(1).lower()) for m in _ARXIV_OLD.finditer(text)]
    hits += [(m.start(), m.group(1)) for m in _ARXIV_VERSIONED.finditer(text)]
    if "arxiv" in text.lower():
        hits += [(m.start(), m.group(1)) for m in _ARXIV_BARE.finditer(text)]
    return _ordered_unique(hits)


def normalize_arxiv(s: str) -> str | None:
    """An arXiv id from a field value (``eprint``), without prefix or version, or None."""
    s = s.strip()
    m = re.fullmatch(r"(?:arXiv\s*:?\s*)?" + _ARXIV_NEW + r"\s*", s, re.IGNORECASE)
    if m:
        return m.group(1)
    found = find_arxiv_ids(s if "arxiv" in s.lower() else "arXiv:" + s)
    return found[0] if found else None


# --- ISBN and ISSN ------------------------------------------------------------------------

_ISBN = re.compile(
    r"\bISBN(?:[- ]?1[03])?\s*:?\s*((?:97[89][- ]?)?\d[\d -]{7,14}[\dXx])(?![\dXx])",
    re.IGNORECASE,
)
_ISSN = re.compile(
    r"\b(?:e-?|p-?|print |online )?ISSN\s*:?\s*(\d{4}\s?-?\s?\d{3}[\dXx])(?![\dXx])",
    re.IGNORECASE,
)


def isbn_is_valid(digits: str) -> bool:
    """True when a 10- or 13-character ISBN (digits, maybe final X) has a correct checksum."""
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * int(c) for i, c in enumerate(digits[:9]))
        total += 10 if digits[9] == "X" else int(digits[9])
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit() and digits[:3] in ("978", "979"):
        total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def normalize_isbn(s: str) -> str | None:
    """An ISBN as digits only (final X upper-cased) when its checksum holds, else None."""
    digits = re.sub(r"[\s-]", "", re.sub(r"^\s*ISBN(?:-1[03])?\s*:?", "", s, flags=re.I)).upper()
    return digits if isbn_is_valid(digits) else None


def find_isbns(text: str) -> list[str]:
    """ISBNs introduced by ``ISBN`` in ``text`` whose checksum holds (others are dropped)."""
    hits: list[tuple[int, str]] = []
    for m in _ISBN.finditer(text):
        isbn = normalize_isbn(m.group(1))
        if isbn is not None:
            hits.append((m.start(), isbn))
    return _ordered_unique(hits)


def issn_is_valid(s: str) -> bool:
    """True when an 8-character ISSN (``12345679`` or ``1234567X``) has a correct checksum."""
    if len(s) != 8 or not s[:7].isdigit() or not (s[7].isdigit() or s[7] == "X"):
        return False
    total = sum((8 - i) * int(c) for i, c in enumerate(s[:7]))
    check = (11 - total % 11) % 11
    return s[7] == ("X" if check == 10 else str(check))


def normalize_issn(s: str) -> str | None:
    """An ISSN as ``1234-567X`` when its checksum holds, else None."""
    raw = re.sub(r"[\s-]", "", re.sub(r"^\s*[ep]?-?ISSN\s*:?", "", s, flags=re.I)).upper()
    return f"{raw[:4]}-{raw[4:]}" if issn_is_valid(raw) else None


def find_issns(text: str) -> list[str]:
    """ISSNs introduced by ``ISSN`` whose checksum holds (bare ``1234-5678`` is a page range)."""
    hits: list[tuple[int, str]] = []
    for m in _ISSN.finditer(text):
        issn = normalize_issn(m.group(1))
        if issn is not None:
            hits.append((m.start(), issn))
    return _ordered_unique(hits)


# --- all together ----------------------------------------------------------------------------


def _ordered_unique(hits: list[tuple[int, str]]) -> list[str]:
    """Values sorted by position, first occurrence kept."""
    out: list[str] = []
    for _, value in sorted(hits, key=lambda h: h[0]):
        if value not in out:
            out.append(value)
    return out


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


# Fields that describe a work's content rather than cite it: an abstract names other trials.
_NOT_CITING = frozenset(("abstract", "ab", "file", "keywords", "kw", "mendeley-tags"))


def _trials_in(text: str) -> list[TrialId]:
    """Well-formed trial ids, then NCT/ISRCTN numbers with a wrong digit count."""
    # every registry's id holds digits: most fields (titles, names, venues) hold none
    if _DIGIT.search(text) is None:
        return []
    return [*find_trial_ids(text), *find_malformed_trial_ids(text)]


_DIGIT = re.compile(r"\d")


def _from_extra(extra: Mapping[str, str]) -> Identifiers:
    """Identifiers from a structured source's raw field pairs (keys compared lower-case)."""
    doi = pmid = pmcid = arxiv = isbn = issn = None
    trials: list[TrialId] = []
    for key, value in extra.items():
        k = key.strip().lower()
        if not value:
            continue
        if k == "doi" and doi is None:
            doi = normalize_doi(value)
        elif k in ("pmid", "pubmed") and pmid is None:
            pmid = normalize_pmid(value)
        elif k in ("pmcid", "pmc") and pmcid is None:
            pmcid = normalize_pmcid(value)
        elif k in ("eprint", "arxiv", "arxivid", "arxiv_id") and arxiv is None:
            arxiv = normalize_arxiv(value)
        elif k == "isbn" and isbn is None:
            isbn = next((i for v in re.split(r"[,;]", value) if (i := normalize_isbn(v))), None)
        elif k in ("issn", "eissn") and issn is None:
            issn = next((i for v in re.split(r"[,;]", value) if (i := normalize_issn(v))), None)
        elif k in ("url", "link", "howpublished", "note") and doi is None:
            doi = _first(find_dois(value))
        if k not in _NOT_CITING:
            trials += [t for t in _trials_in(value) if t not in trials]
    return Identifiers(
        doi=doi, trials=tuple(trials), pmid=pmid, pmcid=pmcid, arxiv=arxiv, isbn=isbn, issn=issn
    )


def arxiv_from_doi(doi: str | None) -> str | None:
    """The arXiv id inside an arXiv DOI (``10.48550/arxiv.2101.01234``), else None."""
    if doi and doi.startswith("10.48550/arxiv."):
        return normalize_arxiv(doi[len("10.48550/arxiv.") :])
    return None


def find_identifiers(text: str, extra: Mapping[str, str] | None = None) -> Identifiers:
    """All identifier kinds in ``text`` (first of each), with ``extra`` field values winning."""
    given = _from_extra(extra) if extra else Identifiers()
    doi = given.doi or _first(find_dois(text))
    trials = list(given.trials)
    trials += [t for t in _trials_in(text) if t not in trials]
    return Identifiers(
        doi=doi,
        trials=tuple(trials),
        pmid=given.pmid or _first(find_pmids(text)),
        pmcid=given.pmcid or _first(find_pmcids(text)),
        arxiv=given.arxiv or arxiv_from_doi(doi) or _first(find_arxiv_ids(text)),
        isbn=given.isbn or _first(find_isbns(text)),
        issn=given.issn or _first(find_issns(text)),
    )


__all__ = [
    "arxiv_from_doi",
    "doi_was_broken",
    "find_arxiv_ids",
    "find_dois",
    "find_identifiers",
    "find_isbns",
    "find_issns",
    "find_pmcids",
    "find_pmids",
    "find_trial_ids",
    "isbn_is_valid",
    "issn_is_valid",
    "normalize_arxiv",
    "normalize_doi",
    "normalize_isbn",
    "normalize_issn",
    "normalize_pmcid",
    "normalize_pmid",
]
