"""Repairs of the tagger's labels that follow from how references are written.

Each rule takes the tokens and a whole label list and returns a new label list; ``repair``
applies them in order. They fix mistakes the CRF makes because it sees only a window of
neighbours: a quoted title that runs on past its closing quote, a page range or a year in
the volume's place, a title word read as a month.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\d{1,6}[.,;]?$")
_LONG_NUMBER = re.compile(r"^\d{5,}[.,;]?$")
_CONTAINERS = ("journal", "container-title")
_OPEN_QUOTES = "'\"“‘«„"
_CLOSE_QUOTES = "'\"”’»"
_VANCOUVER_INITIALS = re.compile(r"^([A-Z]{1,3})\.$")
_VANCOUVER_ENTRY = re.compile(r"^[A-Z]{1,4},$")
_INITIALS_DOT = re.compile(r"^(?:[A-Z]\.?-?){1,3}\.$")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*$")
_RANGE = re.compile(r"^(\d{1,6})[-–—](\d{1,6})[.,;]?$")
# A full stop after a whole word (not ``J.``, ``Proc.``, ``Sci.``): the end of a sentence.
_SENTENCE_END = re.compile(r"[^\W\d_]*[a-z][^\W\d_]{3,}[.?!]$")


def _number_after_volume(tokens: list[str], labels: list[str]) -> list[str]:
    """``Life 12, 1733.``: a year-like "date" right after the volume, when a date came
    earlier, is the page or article number."""
    out = list(labels)
    for i in range(1, len(tokens)):
        if (
            out[i] == "date"
            and out[i - 1] == "volume"
            and "date" in out[: i - 1]
            and _NUMBER.match(tokens[i])
            and "pages" not in out
        ):
            out[i] = "pages"
    return out


def _article_number_as_volume(tokens: list[str], labels: list[str]) -> list[str]:
    """``Chinese Chemical Letters, 109766.``: a lone five-plus-digit "volume" with no pages
    is an article number (no journal has reached volume 10000)."""
    vol = [i for i, label in enumerate(labels) if label == "volume"]
    if len(vol) == 1 and "pages" not in labels and _LONG_NUMBER.match(tokens[vol[0]]):
        out = list(labels)
        out[vol[0]] = "pages"
        return out
    return labels


def _title_runs_into_container(tokens: list[str], labels: list[str]) -> list[str]:
    """``Title, More Title. Journal 10, 65.``: when the title stops at a comma and the
    container holds a full stop after a whole word, the words up to that stop are title."""
    out = list(labels)
    title_end = max((i for i, lab in enumerate(out) if lab == "title"), default=None)
    if title_end is None or title_end + 1 >= len(tokens):
        return out
    if not tokens[title_end].endswith(",") or _closes_quote(tokens[title_end]):
        return out
    j = title_end + 1
    if out[j] not in _CONTAINERS:
        return out
    k = j
    while k < len(tokens) and out[k] == out[j]:
        if _SENTENCE_END.search(tokens[k]) and k + 1 < len(tokens) and out[k + 1] == out[j]:
            for m in range(j, k + 1):
                out[m] = "title"
            return out
        k += 1
    return out


def _opens_quote(token: str) -> bool:
    return token[:1] in _OPEN_QUOTES


def _closes_quote(token: str) -> bool:
    """``Title',`` / ``Title,”`` / ``Title?”`` / ``Title'.``: a token that ends a quotation
    (``patients'`` or ``‘Le Trouvère’:`` with no comma or full stop after it does not)."""
    bare = token.rstrip(",.")
    if bare and bare != token and bare[-1] in _CLOSE_QUOTES:
        return True
    return len(token) > 1 and token[-1] in '”"' and token[-2] in ",.?!"


def _quoted_title_ends(tokens: list[str], labels: list[str]) -> list[str]:
    """``'Title', Journal.``: a title that opens with a quotation mark ends where the quote
    closes; what the tagger ran on into the title is the container (``in Book`` a book)."""
    out = list(labels)
    start = next((i for i, lab in enumerate(out) if lab == "title"), None)
    if start is None or not _opens_quote(tokens[start]):
        return out
    end = start
    while end + 1 < len(out) and out[end + 1] == "title":
        end += 1
    close = next((i for i in range(start, end + 1) if _closes_quote(tokens[i])), None)
    if close is None or close == end:
        return out
    rest = close + 1
    if _opens_quote(tokens[rest]):  # a second quoted title: leave it to the tagger
        return out
    word = tokens[rest].lower().rstrip(":")
    label = "container-title" if word in ("in", "dans", "em", "en") else "journal"
    for i in range(rest, end + 1):
        out[i] = label
    return out


def _title_word_as_date(tokens: list[str], labels: list[str]) -> list[str]:
    """``(2025). Mars rover detects ...``: a word with no digit tagged as a date after the
    date has closed, right before the title, starts the title."""
    out = list(labels)
    for i in range(1, len(tokens) - 1):
        if (
            out[i] == "date"
            and out[i - 1] == "date"
            and out[i + 1] == "title"
            and tokens[i - 1].endswith(".")
            and any(ch.isdigit() for ch in tokens[i - 1])
            and "(" not in tokens[i]
        ):
            out[i] = "title"
    return out


def _span(labels: list[str], label: str) -> tuple[int, int] | None:
    """First and last index of the first run of ``label``."""
    start = next((i for i, lab in enumerate(labels) if lab == label), None)
    if start is None:
        return None
    end = start
    while end + 1 < len(labels) and labels[end + 1] == label:
        end += 1
    return start, end


def _vancouver_authors_end(tokens: list[str], labels: list[str]) -> list[str]:
    """``Veysey Powell JS, Babbitt KJ. Despite Buffers, ...``: in a Vancouver list the
    initials with a full stop (``KJ.``) close it; the words the tagger ran on are the title.
    A lone ``J.`` closes it only after a ``Smith AB,`` entry (``John A. Smith`` is a name)."""
    span = _span(labels, "author")
    if span is None:
        return labels
    start, end = span
    for k in range(start + 1, end):
        m = _VANCOUVER_INITIALS.match(tokens[k])
        if not m or not _NAME_WORD.match(tokens[k - 1]):
            continue
        listed = any(
            _VANCOUVER_ENTRY.match(tokens[j]) and not tokens[j - 1].isupper()
            for j in range(start + 1, k)
        )
        more = any(_VANCOUVER_ENTRY.match(tokens[j]) for j in range(k + 1, end + 1))
        if (len(m.group(1)) >= 2 or listed) and not more:
            out = list(labels)
            for j in range(k + 1, end + 1):
                out[j] = "title"
            return out
    return labels


def _opens_book(token: str) -> bool:
    return token.lower() == "in:" or token in ("in", "In")


def _in_starts_container(tokens: list[str], labels: list[str]) -> list[str]:
    """``Orós J. Gout. In: Mader's Reptile ...``: where there is no container, the part of
    the "title" from an ``In:`` (or ``In`` after a full stop, or a lower-case ``in``) on is
    the book; when no title is left, it is the part of the author span after its last
    initials (``Gout.``)."""
    span = _span(labels, "title")
    if span is None or any(lab in _CONTAINERS for lab in labels):
        return labels
    start = next(
        (
            i
            for i in range(span[0], span[1] + 1)
            if _opens_book(tokens[i]) and (i == span[0] or tokens[i - 1].endswith("."))
        ),
        None,
    )
    if start is None:
        return labels
    out = list(labels)
    for i in range(start, span[1] + 1):
        out[i] = "container-title"
    authors = _span(out, "author")
    if authors is not None and "title" not in out:
        start, end = authors
        last = max((k for k in range(start, end) if _INITIALS_DOT.match(tokens[k])), default=None)
        if last is not None:
            for j in range(last + 1, end + 1):
                out[j] = "title"
    return out


def _year_inside_title(tokens: list[str], labels: list[str]) -> list[str]:
    """``Program; Research Element, 2003 Annual Report. Publisher; 2005.``: a bare year
    between two parts of the title, with a date elsewhere, belongs to the title."""
    out = list(labels)
    for i in range(1, len(tokens) - 1):
        if (
            out[i] == "date"
            and out[i - 1] == "title"
            and out[i + 1] == "title"
            and _NUMBER.match(tokens[i])
            and "date" in out[:i] + out[i + 1 :]
        ):
            out[i] = "title"
    return out


def _year_as_volume(tokens: list[str], labels: list[str]) -> list[str]:
    """``Case Reports in Dentistry, 2014, pp. 1-7.`` after ``(2014)``: a second year between
    the container and the pages, where no volume was found, is the volume."""
    out = list(labels)
    if "volume" in out:
        return out
    for i in range(1, len(tokens) - 1):
        if (
            out[i] == "date"
            and out[i - 1] == "journal"
            and tokens[i - 1].endswith(",")
            and out[i + 1] == "pages"
            and "date" in out[: i - 1]
            and _NUMBER.match(tokens[i])
        ):
            out[i] = "volume"
    return out


def _page_range_as_volume(tokens: list[str], labels: list[str]) -> list[str]:
    """``Stem Cell Reviews and Reports, 1892–1911.``: a lone "volume" that is a rising
    number range, with no pages anywhere, is the page range."""
    vol = [i for i, label in enumerate(labels) if label == "volume"]
    if len(vol) != 1 or "pages" in labels:
        return labels
    m = _RANGE.match(tokens[vol[0]])
    if not m or int(m.group(2)) <= int(m.group(1)):
        return labels
    out = list(labels)
    out[vol[0]] = "pages"
    return out


_ELLIPSIS = re.compile(r"^(?:\.|\.\.\.|…)$")
_AUTHOR_WORD = re.compile(
    r"^(?:&|and|[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*,?|(?:[A-Z]\.-?){1,3},?)$"
)
_PAREN_YEAR = re.compile(r"^\((?:1[5-9]\d\d|20\d\d)[a-z]?\)[.,]?$")


def _omitted_authors(tokens: list[str], labels: list[str]) -> list[str]:
    """``Young, T., . . . Zhu, Q. (2020).``: an APA 7 list of 21+ authors ends with an
    ellipsis and the last author; the names between the author list and the ``(year)``
    that the tagger gave another label are authors."""
    span = _span(labels, "author")
    if span is None:
        return labels
    date = next((i for i in range(span[1] + 1, len(tokens)) if _PAREN_YEAR.match(tokens[i])), None)
    if date is None or date == span[1] + 1:
        return labels
    run = range(span[1] + 1, date)
    if not any(_ELLIPSIS.match(tokens[i]) for i in run):
        return labels
    if not all(_ELLIPSIS.match(tokens[i]) or _AUTHOR_WORD.match(tokens[i]) for i in run):
        return labels
    out = list(labels)
    for i in run:
        out[i] = "author"
    return out


_BARE_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")


def _year_after_title_word(tokens: list[str], labels: list[str]) -> list[str]:
    """``Smith, J. Natura 2000 and the habitats directive. ... 3 (2019), 1–10.``: a bare
    year with no punctuation, between a word and the lower-case rest of the title, when
    the reference has another date, is part of the title; the words the tagger ran into
    the author list after its last initials start that title."""
    out = list(labels)
    for i in range(1, len(tokens) - 1):
        if not (
            out[i] == "date"
            and _BARE_YEAR.match(tokens[i])
            and tokens[i - 1][-1:].isalpha()
            and out[i + 1] == "title"
            and "date" in out[:i] + out[i + 1 :]
        ):
            continue
        out[i] = "title"
        if out[i - 1] == "author":
            j = i - 1
            while j > 0 and out[j - 1] == "author" and tokens[j - 1][-1:].isalpha():
                j -= 1
            if j > 0 and out[j - 1] == "author" and _INITIALS_DOT.match(tokens[j - 1]):
                for k in range(j, i):
                    out[k] = "title"
    return out


# Words that mark a publisher (``Oxford University Press``, ``Springer``); a lone
# "publisher" without any of them, straight after the title, is a journal (``PeerJ.``).
_PUBLISHER_TEXT = """press pub publ pubs publisher publishers publishing publications verlag
    books book university
    universitaria universidad université universität inc ltd llc gmbh co company
    corporation group house editions éditions editora editorial edizioni media institute
    society association foundation organization organisation department ministry office
    council agency bureau centre center government commission trust library museum
    springer elsevier wiley routledge sage pearson mcgraw-hill mcgraw blackwell palgrave
    macmillan taylor francis crc norton penguin harper harpercollins random academic mit
    cambridge oxford princeton yale harvard guilford erlbaum jossey-bass lippincott saunders
    mosby churchill livingstone thieme karger brill gruyter bloomsbury polity verso vintage
    knopf doubleday schuster hachette bartlett pergamon butterworth heinemann kluwer
    addison-wesley prentice cengage wadsworth hogrefe sinauer freeman dover wolters
    apress o'reilly packt manning cabi"""
_PUBLISHER_WORDS = frozenset(_PUBLISHER_TEXT.split())
# Preprint servers and repositories publish, but are not journals (``openRxiv``, ``SSRN``).
_SERVER = re.compile(r"rxiv$|^(?:ssrn|preprints?|zenodo|figshare|dryad|osf|hal|repec)$")
_BOOK_MARK = re.compile(r"\b(?:isbn|eds?\.|edn\.?|edition|\(eds?\.?\)|editors?|hrsg)", re.I)


def _journal_as_publisher(tokens: list[str], labels: list[str]) -> list[str]:
    """``Smith, J. (2020). Title. eLife.``: a journal cited without volume or pages reads
    like a book's publisher; with a date, a title just before it, nothing but links after
    it, and nothing that marks a book, it is the journal."""
    span = _span(labels, "publisher")
    if span is None or span[0] == 0 or labels[span[0] - 1] != "title" or "date" not in labels:
        return labels
    if any(lab in labels for lab in (*_CONTAINERS, "location", "editor", "edition")):
        return labels
    if any(lab not in ("doi", "url", "note") for lab in labels[span[1] + 1 :]):
        return labels
    if _BOOK_MARK.search(" ".join(tokens)):
        return labels
    words = [tokens[i].strip(".,;:()").lower() for i in range(span[0], span[1] + 1)]
    if any(w in _PUBLISHER_WORDS or _SERVER.search(w) for w in words):
        return labels
    # ``World Health Organization. (2020). Report. WHO.``: a body publishing its own work.
    authors = [
        t.strip(".,;:()").lower() for t, lab in zip(tokens, labels, strict=True) if lab == "author"
    ]
    if any(w in _PUBLISHER_WORDS for w in authors):
        return labels
    out = list(labels)
    for i in range(span[0], span[1] + 1):
        out[i] = "journal"
    return out


# Words a journal's name may hold in lower case (``Frontiers of Earth Science``).
_NAME_JOINERS = frozenset(["of", "and", "the", "in", "for", "on", "&", "de", "la", "der", "und"])


def _venue_inside_title(tokens: list[str], labels: list[str]) -> list[str]:
    """``Smith, J. (2020). Coastal erosion in Thailand. Frontiers of Marine Science.``: APA
    writes titles in sentence case and journals in title case; a title that runs on past a
    full stop into two or more capitalised words, with no container, date after it or volume
    anywhere, has swallowed the journal cited without volume or pages."""
    span = _span(labels, "title")
    if span is None or "date" not in labels[: span[0]]:
        return labels
    if any(lab in labels for lab in (*_CONTAINERS, "publisher", "volume", "pages", "editor")):
        return labels
    if any(lab not in ("doi", "url", "note") for lab in labels[span[1] + 1 :]):
        return labels
    if _BOOK_MARK.search(" ".join(tokens)):
        return labels
    stops = [i for i in range(span[0], span[1]) if tokens[i].endswith(".")
             and _SENTENCE_END.search(tokens[i])]  # fmt: skip
    if not stops:
        return labels
    head, tail = tokens[span[0] : stops[-1] + 1], tokens[stops[-1] + 1 : span[1] + 1]
    tail_words = [t.strip(".,;:()") for t in tail]
    capitalised = [w for w in tail_words if w[:1].isupper()]
    if len(capitalised) < 2 or not all(
        w[:1].isupper() or w.lower() in _NAME_JOINERS for w in tail_words if w
    ):
        return labels
    # The title before the stop must read as sentence case: lower-case words of its own.
    if sum(1 for t in head[1:] if t[:1].islower() and len(t.strip(".,;:")) >= 4) < 2:
        return labels
    out = list(labels)
    for i in range(stops[-1] + 1, span[1] + 1):
        out[i] = "journal"
    return out


# A date's annotation ("Updated 2023 Mar 14", "Accessed January 5, 2024", "Last updated ...").
_ANNOTATION = re.compile(
    r"^(?:(?:last|first)\s+)?(?:updated|accessed|cited|retrieved|posted|verified|viewed|revised"
    r"|modified)[.:,]?$",
    re.IGNORECASE,
)
_DATE_PART = re.compile(
    r"^\[?(?:\d{1,4}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february"
    r"|march|april|june|july|august|september|october|november|december)\]?[.,;:]?$",
    re.IGNORECASE,
)
_DATE_LABELS = frozenset(("date", "volume", "issue", "pages"))


def _annotation_as_journal(tokens: list[str], labels: list[str]) -> list[str]:
    """``... NCT02545049. Updated 2023 Mar 14.``, ``Accessed January 5, 2024.``: a "journal"
    that is only a date's annotation word names no venue; it and the date after it (read as
    a date, volume or pages) are a note."""
    out = list(labels)
    for i, label in enumerate(labels):
        if label != "journal" or (i > 0 and labels[i - 1] == "journal"):
            continue
        j = i
        while j + 1 < len(labels) and labels[j + 1] == "journal":
            j += 1
        # ("Last" read as the journal, "updated" as the date)
        if tokens[j].lower() in ("last", "first") and j + 1 < len(tokens):
            j += 1
        if not _ANNOTATION.match(" ".join(tokens[i : j + 1])):
            continue
        k = j + 1
        while k < len(labels) and labels[k] in _DATE_LABELS and _DATE_PART.match(tokens[k]):
            k += 1
        if k == j + 1:
            continue
        out[i:k] = ["note"] * (k - i)
    return out


_RULES = (
    _number_after_volume,
    _article_number_as_volume,
    _quoted_title_ends,
    _vancouver_authors_end,
    _in_starts_container,
    _title_runs_into_container,
    _title_word_as_date,
    _year_inside_title,
    _year_as_volume,
    _page_range_as_volume,
    _omitted_authors,
    _year_after_title_word,
    _journal_as_publisher,
    _venue_inside_title,
    _annotation_as_journal,
)


def repair(tokens: list[str], labels: list[str]) -> list[str]:
    """Apply the label repairs in order; each takes and returns a whole label list."""
    for rule in _RULES:
        labels = rule(tokens, labels)
    return labels


__all__ = ["repair"]
