"""Is a record the cited work? Identity rules, a ranking score, and candidate validation.

Like Crossref's own search-based matching with validation: candidates come from search or a
locator lookup, each is checked against the cited fields, and one is accepted only when the
title (or, failing that, authors plus journal/volume/pages) says it is the same work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from veribib.judge.authors import AuthorCheck, compare_authors
from veribib.judge.compare import (
    compare_container,
    compare_issue,
    compare_pages,
    compare_title,
    compare_volume,
    compare_year,
    recorded_years,
    same_first_page,
)
from veribib.judge.normalise import strip_notice, title_key, words
from veribib.model import FieldComparison, Fields, Work

# Title similarity (best of rapidfuzz ratio / token_sort_ratio on folded titles, 0..1) at or
# above which a record is the cited work whatever else differs (near-miss titles, typos,
# swapped authors). Measured on the shared data: among the 502 Crossref and 28 seed records
# the closest titles of different records score 0.76 for titles of six words or more, and up
# to 0.93 for short ones ("The Tree View Widget"/"The Text View Widget" 0.90: hence the extra
# conditions on short titles below); the 97 HALLMARK near_miss_title edits of real titles
# score 0.80-1.0 (median 0.96, 88 of them 0.90 or more).
TITLE_SAME = 0.90
# With an author list that shares no name with the record's, the title must be nearly the
# record's own (a swapped author list on a real title); a reworded title under invented
# authors is another, claimed work (HALLMARK "hybrid fabrication"). Adding "Towards ... with
# deep learning" to a 150-character title still scores 0.90-0.93, hence 0.95.
TITLE_SAME_OTHER_AUTHORS = 0.95
# Between TITLE_SIMILAR and TITLE_SAME a title needs the authors (or the journal locator) to
# agree; below it, the title is another work's unless authors AND locator all agree. 0.75 is
# the top of the different-work range for long titles (0.76 above): titles that close are
# never accepted on the title alone.
TITLE_SIMILAR = 0.75
# Titles of fewer words ("Gout", "Editorial", "The Tree View Widget") name many works: they
# need the authors or the locator as well.
SHORT_TITLE_WORDS = 5
# Years further apart than this, with authors that share no name, make a namesake title a
# different work.
YEAR_FAR = 2

# Weights of the ranking score (sum 1). The title dominates, as in Crossref's matcher; journal
# and pages separate an article from its preprint or a namesake chapter.
_WEIGHTS = {
    "title": 0.45,
    "authors": 0.20,
    "year": 0.10,
    "journal": 0.10,
    "volume": 0.05,
    "pages": 0.10,
}
# Credit for a field one side does not give: neither agreement nor disagreement.
_UNKNOWN_CREDIT = 0.5

# A search candidate is accepted only if its score also clears this floor (identity rules
# decide first; this guards against a same-titled record that disagrees on everything else).
MATCH_ACCEPT = 0.55
# Two accepted candidates whose scores differ by less than this are reported as ambiguous.
MATCH_MARGIN = 0.03

# Titles of notices about a work, which repeat its title but are other works.
_NOTICE_PREFIXES = (
    "correction",
    "erratum",
    "corrigendum",
    "retraction",
    "retraction notice",
    "expression of concern",
    "notice of retraction",
    "reply",
    "response to",
    "comment on",
    "author correction",
    "publisher correction",
)


class Identity(StrEnum):
    """Whether a record is the cited work."""

    SAME = "same"
    DIFFERENT = "different"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class Assessment:
    """A record compared with a citation: field comparisons, identity and a ranking score."""

    work: Work
    comparisons: tuple[FieldComparison, ...]
    authors: AuthorCheck
    identity: Identity
    score: float
    first_page: bool | None  # the cited first page / article number is the record's

    def field(self, name: str) -> FieldComparison:
        """The comparison of one field ("title", "authors", "year", "journal", ...)."""
        return next(c for c in self.comparisons if c.field == name)

    @property
    def disagreements(self) -> tuple[FieldComparison, ...]:
        """Fields that do not agree (unknowns excluded)."""
        return tuple(c for c in self.comparisons if c.agrees is False)

    @property
    def at_locator(self) -> bool:
        """The record sits at the cited journal + first page (+ volume and year when known)."""
        journal, volume, year = self.field("journal"), self.field("volume"), self.field("year")
        year_ok = year.agrees is not False or (year.similarity or 0.0) >= 0.5
        return (
            journal.agrees is True
            and self.first_page is True
            and volume.agrees is not False
            and year_ok
        )


def _is_notice(title: str | None) -> bool:
    if not title:
        return False
    key = title_key(title)
    return any(key.startswith(p + " ") for p in _NOTICE_PREFIXES)


# At most this many words may stand before a work's title in the title of a record about it
# ("Faculty Opinions recommendation of X", "Evaluation of X", "Reply to X", "Erratum: X").
_LEAD_IN_MAX_WORDS = 6


def _about_the_cited(cited: str | None, recorded: str | None) -> bool:
    """The record's title is the cited title with words put before it: a record about the
    cited work (an evaluation, a reply, a notice), not the work itself."""
    if not cited or not recorded:
        return False
    c, r = title_key(cited), title_key(strip_notice(recorded))
    if len(words(cited)) < 3 or not r.endswith(" " + c):
        return False
    lead = r[: -len(c)].split()
    return 0 < len(lead) <= _LEAD_IN_MAX_WORDS and not any(w.isdigit() for w in lead)


def _score(comparisons: Iterable[FieldComparison]) -> float:
    total = 0.0
    for c in comparisons:
        weight = _WEIGHTS.get(c.field)
        if weight is None:
            continue
        if c.agrees is None or c.similarity is None:
            total += weight * _UNKNOWN_CREDIT
        else:
            value = c.similarity if c.field == "title" else (1.0 if c.agrees else c.similarity)
            total += weight * value
    return round(total, 4)


def _identity(
    cited: Fields,
    work: Work,
    comps: dict[str, FieldComparison],
    authors: AuthorCheck,
    first_page: bool | None,
) -> Identity:
    if _is_notice(work.fields.title) and not _is_notice(cited.title):
        return Identity.DIFFERENT
    if _about_the_cited(cited.title, work.fields.title):
        return Identity.DIFFERENT
    journal, volume, pages, year = comps["journal"], comps["volume"], comps["pages"], comps["year"]
    # A hard locator: the cited journal, and the cited first page (or article number) in it,
    # with no other volume. Journal and volume alone hold hundreds of works.
    locator_support = journal.agrees is True and first_page is True and volume.agrees is not False
    locator_contradict = False in (journal.agrees, volume.agrees, pages.agrees)
    years = recorded_years(work)
    year_far = (
        cited.year is not None
        and bool(years)
        and min(abs(cited.year - y) for y in years) > YEAR_FAR
    )
    year_ok = not year_far
    title = comps["title"]
    sim = title.similarity
    if sim is not None:
        if sim >= TITLE_SAME:
            if authors.contradict and (
                year_far or locator_contradict or sim < TITLE_SAME_OTHER_AUTHORS
            ):
                return Identity.DIFFERENT
            if year_far and not authors.support:
                # Recurring titles ("Editorial", "Society information", a drug monograph)
                # years apart are namesakes as often as the same work.
                return Identity.UNSURE
            if (
                title.agrees is not True
                and authors.compared
                and not authors.contradict
                and not authors.support
                and not locator_support
            ):
                # A title close to the cited one but not it, and a name or two in common: a
                # neighbour on the same topic as often as the cited work.
                return Identity.UNSURE
            short = len(words(cited.title or "")) < SHORT_TITLE_WORDS
            if short and not (authors.support or locator_support):
                return Identity.UNSURE
            return Identity.SAME
        if sim >= TITLE_SIMILAR:
            if authors.contradict:
                return Identity.DIFFERENT
            if authors.identifies or (locator_support and authors.support is not False):
                return Identity.SAME if year_ok else Identity.UNSURE
            return Identity.UNSURE
        if authors.support and authors.first_agrees and locator_support and year_ok:
            # Another title at the cited location under the cited first author: the title
            # was garbled or translated; locator and authors together identify the work.
            return Identity.SAME
        if authors.identifies and year.agrees is True and not locator_contradict:
            # Same authors (the first among them) and year, other title: a translated or
            # garbled title, or an invented one on real authors; never enough to call it
            # either way. One look-alike name further down the list ("Cohen" for "Chen") is
            # not the same authors.
            return Identity.UNSURE
        return Identity.DIFFERENT
    if authors.support and locator_support and year_ok:
        return Identity.SAME
    if authors.contradict or locator_contradict:
        return Identity.DIFFERENT
    return Identity.UNSURE


@lru_cache(maxsize=16384)
def assess(cited: Fields, work: Work) -> Assessment:
    """Compare a citation with one record and decide whether it is the cited work."""
    authors = compare_authors(cited, work)
    comparisons = (
        compare_title(cited, work),
        authors.comparison,
        compare_year(cited, work),
        compare_container(cited, work),
        compare_volume(cited, work),
        compare_issue(cited, work),
        compare_pages(cited, work),
    )
    by_name = {c.field: c for c in comparisons}
    first_page = same_first_page(cited, work)
    return Assessment(
        work=work,
        comparisons=comparisons,
        authors=authors,
        identity=_identity(cited, work, by_name, authors, first_page),
        score=_score(comparisons),
        first_page=first_page,
    )


def match_score(cited: Fields, found: Work) -> float:
    """How well a record fits a citation, 0..1 (title-weighted; unknown fields count half)."""
    return assess(cited, found).score


@dataclass(frozen=True, slots=True)
class Choice:
    """The outcome of validating candidates: the accepted one, the runner-up, the doubtful."""

    best: Assessment | None
    runner_up: Assessment | None
    unsure: tuple[Assessment, ...]
    different: tuple[Assessment, ...]

    @property
    def ambiguous(self) -> bool:
        """Two different records fit almost equally well."""
        return (
            self.best is not None
            and self.runner_up is not None
            and self.best.score - self.runner_up.score < MATCH_MARGIN
        )


def choose(cited: Fields, candidates: Sequence[Work], exclude_doi: str | None = None) -> Choice:
    """Validate candidates and pick the cited work among them, if one clearly is.

    Only SAME candidates scoring at least MATCH_ACCEPT are accepted; the best score wins.
    ``exclude_doi`` drops the record already known to be another work.
    """
    same: list[Assessment] = []
    unsure: list[Assessment] = []
    different: list[Assessment] = []
    seen: set[str] = set()
    for work in candidates:
        key = work.doi or f"{work.fields.title}|{work.fields.year}|{work.fields.container}"
        if key in seen or (exclude_doi and work.doi == exclude_doi):
            continue
        seen.add(key)
        a = assess(cited, work)
        if a.identity is Identity.SAME and a.score >= MATCH_ACCEPT:
            same.append(a)
        elif a.identity is Identity.DIFFERENT:
            different.append(a)
        else:
            unsure.append(a)
    same.sort(key=lambda a: -a.score)
    return Choice(
        best=same[0] if same else None,
        runner_up=same[1] if len(same) > 1 else None,
        unsure=tuple(unsure),
        different=tuple(different),
    )
