"""Field-by-field comparison of a citation with a record: title, year, journal, volume, pages.

Each comparison says how similar the two values are (0..1) and whether they agree: ``True``,
``False``, or ``None`` when a side is missing or the difference cannot be told from a citation
habit (an absent value is unknown, never a mismatch). Authors live in ``authors.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from veribib.judge.authors import compare_authors
from veribib.judge.normalise import (
    bracket_notes,
    compact_key,
    container_words,
    first_number,
    fold,
    number_key,
    strip_notice,
    title_heads,
    title_key,
    words,
    wordset,
)
from veribib.judge.venues import server_of_name, server_of_record
from veribib.model import FieldComparison, Fields, ReferenceType, Work

# A journal name this similar (rapidfuzz token_sort_ratio on content words, 0..1) is the same
# journal spelt differently ("Journal of Physiology (London)" ~ "The Journal of Physiology").
# 0.92 keeps "Aesthetic Surgery Journal" apart from "Aesthetic Surgery Journal Open Forum" (0.83).
CONTAINER_SAME_SIMILARITY = 0.92

# Words of a full journal name that abbreviations routinely leave out ("Pt B" for "Part B" is
# kept, but "Am J Med Genet B" drops "Part").
_SKIPPABLE = frozenset(["part", "section", "official", "series", "ser"])

# How a preprint record's missing journal is shown in comparisons ("preprint (arXiv)").
PREPRINT_PREFIX = "preprint ("
PUBLISHED_AS = frozenset(("is-preprint-of", "is_preprint_of"))

# Words of conference and proceedings names that say nothing about which event it is.
_EVENT_WORDS = wordset(
    "proceedings proc conference conf international int intl annual symposium symp workshop "
    "meeting congress forum ieee acm spie ifip usenix aaai siam lecture notes computer science "
    "series electronic workshops computing companion joint national world european asian "
    "american ann digest papers technical abstracts extended"
)
# Words that name a periodical: a venue with one of these is a journal, not a conference.
_JOURNAL_WORDS = wordset(
    "journal journals letters transactions annals bulletin acta archives review reviews "
    "magazine quarterly revista zeitschrift"
)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")

_RANGE = re.compile(r"\s*[-‐‑‒–—―−]+\s*|\s+to\s+")
# "pp. 49-59", "p. 7", "Art. no. e70021", "article 4435", "no. 12": the locator after them.
_PAGE_PREFIX = re.compile(
    r"^(?:pp?\.?|pages?|art(?:icle)?\.?\s*(?:no\.?|number|nr\.?)?|no\.|nr\.)\s*", re.I
)


def recorded_years(work: Work) -> tuple[int, ...]:
    """Every year the record carries (issued first)."""
    years = [work.fields.year] if work.fields.year is not None else []
    years.extend(y for y in work.years if y not in years)
    return tuple(years)


def full_title(work: Work) -> str | None:
    """The record's title with its subtitle, as a corrected citation would write it."""
    title = work.fields.title
    if title and work.subtitle and compact_key(work.subtitle) not in compact_key(title):
        return f"{title}: {work.subtitle}"
    return title


# --- title -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TitleResult:
    """How a cited title relates to a recorded one."""

    similarity: float
    agrees: bool


@lru_cache(maxsize=32768)
def _title_result(cited: str, title: str, subtitle: str | None) -> TitleResult:
    recorded = strip_notice(title)
    variants = [recorded]
    if subtitle:
        variants.append(f"{recorded}: {subtitle}")
    cited_compact = compact_key(cited)
    agrees = any(compact_key(v) == cited_compact for v in variants)
    if not agrees:
        # A cited title that is the record's main title (before ":") names the same work; so
        # does a cited "title: subtitle" whose subtitle the record keeps elsewhere or lacks.
        agrees = any(compact_key(h) == cited_compact for h in title_heads(recorded)) or (
            not subtitle
            and any(compact_key(h) == compact_key(recorded) for h in title_heads(cited))
        )
    if agrees:
        return TitleResult(1.0, True)
    cited_key = title_key(cited)
    best = 0.0
    for v in variants:
        key = title_key(v)
        best = max(
            best,
            fuzz.ratio(cited_key, key),
            fuzz.ratio(cited_compact, compact_key(v)),
            fuzz.token_sort_ratio(cited_key, key),
        )
    similarity = best / 100.0
    if _names_differ(cited, " ".join(variants)):
        # "ABED-Pro" is not "ABCD-Pro", "GPT-3" not "GPT-4", "IL-6" not "IL-17": however alike
        # the rest, titles naming different things are different titles.
        similarity = min(similarity, NAMES_DIFFER_CAP)
    return TitleResult(round(similarity, 3), False)


# The highest title similarity left to titles that name different things (just below the
# lowest similarity at which a title can identify a work: match.TITLE_SIMILAR, 0.75).
NAMES_DIFFER_CAP = 0.74
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")


@lru_cache(maxsize=32768)
def _name_tokens(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """A title's distinctive names (acronyms, model and gene names: 2+ capitals, or letters
    with digits) and all its tokens, each as lower-case letters and digits only.

    Case says nothing in a title written mostly in capitals: there only tokens mixing
    letters and digits count.
    """
    plain = title.replace("{", "").replace("}", "")
    tokens = _TOKEN.findall(plain)
    # A token is ASCII letters and digits joined by "-" or ".": its key is it lower-cased
    # without those (never empty), with a letter unless the key is all digits and a digit
    # unless it is all letters.
    keys = [t.lower().replace("-", "").replace(".", "") for t in tokens]
    alpha = [t for t, key in zip(tokens, keys, strict=True) if not key.isdigit()]
    shouting = bool(alpha) and sum(t.isupper() for t in alpha) * 2 > len(alpha)
    names: set[str] = set()
    every = frozenset(keys)
    for t, key in zip(tokens, keys, strict=True):
        mixed = not key.isdigit() and not key.isalpha()
        if mixed or (not shouting and sum(map(str.isupper, t)) >= 2):
            names.add(key)
    return frozenset(names), every


def _names_differ(cited: str, recorded: str) -> bool:
    """Each title has a distinctive name the other does not write."""
    cited_names, cited_all = _name_tokens(cited)
    recorded_names, recorded_all = _name_tokens(recorded)
    return bool(cited_names - recorded_all) and bool(recorded_names - cited_all)


def compare_title(cited: Fields, found: Work) -> FieldComparison:
    """Cited vs recorded title; agrees only when equal after folding (a typo is a mismatch)."""
    ctitle, ftitle = cited.title, found.fields.title
    if not ctitle or not ftitle or not words(ctitle) or not words(ftitle):
        return FieldComparison("title", ctitle, ftitle, None, None)
    result = _title_result(ctitle, ftitle, found.subtitle)
    return FieldComparison("title", ctitle, full_title(found), result.similarity, result.agrees)


# --- year --------------------------------------------------------------------------------


def compare_year(cited: Fields, found: Work) -> FieldComparison:
    """Cited year vs any year the record carries (online and print years may differ)."""
    years = recorded_years(found)
    shown = str(found.fields.year) if found.fields.year is not None else None
    if cited.year is None or not years:
        return FieldComparison("year", _str(cited.year), shown, None, None)
    if cited.year in years:
        return FieldComparison("year", str(cited.year), str(cited.year), 1.0, True)
    gap = min(abs(cited.year - y) for y in years)
    return FieldComparison("year", str(cited.year), shown, 0.5 if gap == 1 else 0.0, False)


def _str(value: int | None) -> str | None:
    return None if value is None else str(value)


# --- container ---------------------------------------------------------------------------


def _abbreviates(short: str, full: str) -> bool:
    """Word ``short`` abbreviates word ``full``: a prefix, or its letters in order ("Natl")."""
    if not short or short[0] != full[0] or len(short) > len(full):
        return False
    if full.startswith(short):
        return True
    rest = iter(full[1:])
    return all(c in rest for c in short[1:])


def _abbreviation_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Each word of ``short`` abbreviates the next word of ``full`` (some words may be skipped)."""
    i = j = 0
    while i < len(short) and j < len(full):
        if _abbreviates(short[i], full[j]):
            i, j = i + 1, j + 1
        elif full[j] in _SKIPPABLE:
            j += 1
        else:
            return False
    return i == len(short) and all(w in _SKIPPABLE for w in full[j:])


def _acronym(name: str) -> str | None:
    """A journal cited as an acronym ("JID", "CCS", "PNAS"), lower-cased; None otherwise."""
    bare = re.sub(r"[.\s]", "", re.sub(r"\([^)]*\)", "", name))
    if 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper():
        return bare.lower()
    return None


def _initials(ws: tuple[str, ...]) -> str:
    return "".join(w[0] for w in ws if not w.isdigit())


def _no_digits(ws: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in ws if not w.isdigit())


def _same_container(cited: str, name: str) -> tuple[float, bool]:
    """Similarity and sameness of two journal names, abbreviations and acronyms included."""
    cw, nw = _no_digits(container_words(cited)), _no_digits(container_words(name))
    if not cw or not nw:
        return 0.0, False
    if cw == nw or _abbreviation_of(cw, nw) or _abbreviation_of(nw, cw):
        return 1.0, True
    if _event_core(cw) and _event_core(cw) == _event_core(nw):
        # "Proceedings of the X" and "2022 X (CVPR)": one conference, named with and
        # without the words that frame its proceedings.
        return 1.0, True
    if "".join(words(cited)) == "".join(words(name)):
        # The same letters spaced differently: "Intjoursciresmana" for "int.jour.sci.res.mana".
        return 1.0, True
    for acro, other in ((_acronym(cited), nw), (_acronym(name), cw)):
        # 4+ letter acronyms may drop a trailing place ("PNAS" for "... Sciences USA").
        if (
            acro
            and len(other) > 1
            and (_initials(other) == acro or (len(acro) >= 4 and _initials(other).startswith(acro)))
        ):
            return 1.0, True
    cited_notes, name_notes = bracket_notes(cited), bracket_notes(name)
    joined_c, joined_n = " ".join(cw), " ".join(nw)
    if joined_c in name_notes or joined_n in cited_notes or set(cited_notes) & set(name_notes):
        return 1.0, True
    sim = fuzz.token_sort_ratio(joined_c, joined_n) / 100.0
    return round(sim, 3), sim >= CONTAINER_SAME_SIMILARITY


def compare_container(cited: Fields, found: Work) -> FieldComparison:
    """Cited vs recorded journal (or proceedings/book title), abbreviations and acronyms allowed.

    A difference counts as a mismatch only for journal articles and preprints: for chapters and
    proceedings Crossref's first container title is often the book series, not the book.
    """
    ccont = cited.container
    ftype = found.fields.type
    if not ccont or not words(ccont):
        return FieldComparison("journal", ccont, found.fields.container, None, None)
    names = [n for n in (found.fields.container, *found.container_short) if n]
    if not names:
        if ftype is ReferenceType.PREPRINT:
            publisher = found.fields.publisher or "a preprint server"
            shown = f"{PREPRINT_PREFIX}{publisher})"
            cited_server = server_of_name(ccont)
            if cited_server is not None:
                # A preprint cited on a preprint server: the same server agrees; another
                # server (TechRxiv for arXiv) or one that cannot be told is no agreement.
                servers = server_of_record(found)
                if cited_server and servers:
                    same = cited_server in servers
                    return FieldComparison(
                        "journal", ccont, shown, 1.0 if same else 0.0, True if same else None
                    )
                return FieldComparison("journal", ccont, shown, None, None)
            if found.fields.publisher and _same_container(ccont, found.fields.publisher)[1]:
                return FieldComparison("journal", ccont, shown, 1.0, True)
            # A preprint DOI cited with a journal or conference: fine when the preprint was
            # published (Crossref links it: is-preprint-of), and unknowable for arXiv, whose
            # DataCite records do not say where a paper appeared (NeurIPS papers are cited
            # with their arXiv DOI all the time). A Crossref preprint never published is an
            # error: "preprint cited as published".
            # (#13: an arXiv API record says no more than its DataCite one.)
            if found.source in ("datacite", "arxiv") or any(
                k in PUBLISHED_AS for k, _ in found.relations
            ):
                return FieldComparison("journal", ccont, shown, None, None)
            return FieldComparison("journal", ccont, shown, 0.0, False)
        return FieldComparison("journal", ccont, None, None, None)
    best_sim, same = 0.0, False
    for name in names:
        sim, ok = _same_container(ccont, name)
        best_sim = max(best_sim, sim)
        if ok:
            same = True
            break
    if same:
        return FieldComparison("journal", ccont, found.fields.container, 1.0, True)
    decisive = ftype in (ReferenceType.JOURNAL_ARTICLE, ReferenceType.PREPRINT) or (
        ftype is None and bool(found.issn)
    )
    if ftype is ReferenceType.PROCEEDINGS_ARTICLE:
        decisive = _other_venue_than_proceedings(ccont, names)
    return FieldComparison(
        "journal", ccont, found.fields.container, best_sim, False if decisive else None
    )


# Words that frame a conference's name in its proceedings' title, not part of the name.
_PROCEEDINGS_FRAME = wordset("proceedings proc")


def _event_core(ws: tuple[str, ...]) -> tuple[str, ...]:
    """A venue's words without the proceedings frame and ordinals (years already dropped)."""
    return tuple(w for w in ws if w not in _PROCEEDINGS_FRAME and not _ORDINAL.fullmatch(w))


def _distinctive(name: str) -> tuple[str, ...]:
    """The words of a venue name that are not generic event words, numbers or ordinals."""
    return tuple(
        w
        for w in container_words(name)
        if w not in _EVENT_WORDS and not w.isdigit() and not _ORDINAL.fullmatch(w)
    )


def _journal_like(name: str) -> bool:
    """A venue named like a journal ("Journal of ...", "... Letters", "PeerJ"), not an event."""
    ws = words(name)
    if any(w.isdigit() or w in _EVENT_WORDS for w in ws):
        return False
    return len(container_words(name)) == 1 or bool(set(ws) & _JOURNAL_WORDS)


def _other_venue_than_proceedings(cited: str, names: list[str]) -> bool:
    """A proceedings paper cited in a venue that is clearly not its conference.

    Event names vary too much to require a match ("Proc. AFRICON", "IEEE AFRICON 2009",
    the book series), so only a cited name sharing no distinctive word with any of the
    record's names, and not an acronym (which may be the event's), is a mismatch.
    """
    if _acronym(cited) is not None or not _journal_like(cited):
        return False
    want = _distinctive(cited)
    if not want:
        return False
    have = [w for name in names for w in _distinctive(name)]
    acronyms = {a for name in names if (a := _acronym(name)) is not None}
    return not any(
        _abbreviates(w, h) or _abbreviates(h, w) or w in acronyms for w in want for h in have
    )


# --- volume and issue ---------------------------------------------------------------------


def _compare_number(name: str, cited: str | None, found: str | None) -> FieldComparison:
    if not cited or not found or not words(cited) or not words(found):
        return FieldComparison(name, cited, found, None, None)
    ck, fk = number_key(cited), number_key(found)
    if ck == fk:
        return FieldComparison(name, cited, found, 1.0, True)
    cn, fn = first_number(cited), first_number(found)
    if cn is not None and cn == fn:
        # "42 Suppl 1" vs "42", "3-4" vs "3": the same number with a qualifier.
        return FieldComparison(name, cited, found, 0.9, True)
    if ck and fk and (ck in fk or fk in ck) and not (ck.isdigit() and fk.isdigit()):
        return FieldComparison(name, cited, found, 0.8, True)
    return FieldComparison(name, cited, found, 0.0, False)


def compare_volume(cited: Fields, found: Work) -> FieldComparison:
    """Cited vs recorded volume ("Vol. 42" ~ "42")."""
    return _compare_number("volume", cited.volume, found.fields.volume)


def compare_issue(cited: Fields, found: Work) -> FieldComparison:
    """Cited vs recorded issue ("3-4" ~ "3", "Suppl 1" ~ "S1")."""
    return _compare_number("issue", cited.issue, found.fields.issue)


# --- pages -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageRange:
    """A first and (optional) last page as compared: folded, "678.e8" cut to "678"."""

    first: str
    last: str | None


@lru_cache(maxsize=16384)
def page_range(pages: str) -> PageRange | None:
    """Parse "1185-94", "662-678.e8", "81–81", "e33693", "pp. 49-59" into a PageRange."""
    text = _PAGE_PREFIX.sub("", fold(pages).strip())
    text = text.split(",", 1)[0]
    parts = [p for p in _RANGE.split(text, maxsplit=1) if p.strip()]
    if not parts:
        return None
    first = _page_word(parts[0])
    if not first:
        return None
    last = _page_word(parts[1]) if len(parts) > 1 else None
    if last and first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # "1185-94" → "1185-1194"
    return PageRange(first, last)


def _page_word(part: str) -> str:
    """A page as compared: the word before a ".e8"-style suffix, leading zeros dropped."""
    head = part.strip().split(".", 1)[0] if re.match(r"^\w+\.\D", part.strip()) else part
    key = "".join(words(head))
    return key.lstrip("0") or key if key.isdigit() else key


def _same_page(a: str, b: str) -> bool:
    """Pages equal, or the same number with and without a letter prefix ("e0135414" ~ "135414")."""
    if a == b:
        return True
    da, db = re.sub(r"^[a-z]+0*", "", a), re.sub(r"^[a-z]+0*", "", b)
    return bool(da) and da == db and da.isdigit()


def _is_article_number(found: Work, first: str, last: str | None) -> bool:
    return bool(found.article_number) or (last is None and (not first.isdigit() or len(first) >= 5))


def _recorded_ranges(found: Work) -> list[PageRange]:
    ranges = [page_range(p) for p in (found.fields.pages, found.article_number) if p]
    return [r for r in ranges if r is not None]


def same_first_page(cited: Fields, found: Work) -> bool | None:
    """Whether the cited first page (or article number) is the record's; None when unknown."""
    c = page_range(cited.pages) if cited.pages else None
    recorded = _recorded_ranges(found)
    if c is None or not recorded:
        return None
    return any(_same_page(c.first, f.first) for f in recorded)


def compare_pages(cited: Fields, found: Work) -> FieldComparison:
    """Cited vs recorded pages or article number; a cited first page alone agrees with a range."""
    cpages = cited.pages
    fpages = found.fields.pages or found.article_number
    if not cpages or not fpages:
        return FieldComparison("pages", cpages, fpages, None, None)
    c = page_range(cpages)
    recorded = _recorded_ranges(found)
    if c is None or not recorded:
        return FieldComparison("pages", cpages, fpages, None, None)
    for f in recorded:
        if _same_page(c.first, f.first):
            if c.last is None or f.last is None or _same_page(c.last, f.last):
                return FieldComparison("pages", cpages, fpages, 1.0, True)
            return FieldComparison("pages", cpages, fpages, 0.5, False)
    f = recorded[0]
    if c.first == "1" and _is_article_number(found, f.first, f.last):
        # PDF pages "1-12" cited for an article that is numbered, not paginated.
        return FieldComparison("pages", cpages, fpages, None, None)
    return FieldComparison("pages", cpages, fpages, 0.0, False)


# --- all fields --------------------------------------------------------------------------


def compare_fields(cited: Fields, found: Work) -> tuple[FieldComparison, ...]:
    """Compare every bibliographic field of a citation with a record, in display order."""
    return (
        compare_title(cited, found),
        compare_authors(cited, found).comparison,
        compare_year(cited, found),
        compare_container(cited, found),
        compare_volume(cited, found),
        compare_issue(cited, found),
        compare_pages(cited, found),
    )
