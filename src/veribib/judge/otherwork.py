"""Positive evidence that a citation claims a work that does not exist as cited.

Two patterns of HALLMARK's fabrications borrow a real record and change what identifies it:

* **Other authors** (swapped authors, generic made-up names, merged citations): the cited title
  is the record's, but not one cited family name is among the record's authors. A misspelt
  name, a truncated, reordered or partly overlapping list is an error in citing a real work
  (``inaccurate``); a list sharing no name with the record's names other people.
* **Other title** (near-miss and chimeric titles): the cited authors, year and venue are the
  record's, but the title has whole content words substituted, so it claims something else.
  A typo, a dropped subtitle, "and" for "&", British spelling, Greek letters spelt out or a
  hyphenated compound leave every cited word with a close match in the record's title.

Either is evidence only together with a live search that found no record of the cited
combination; ``settle`` checks that, and ``rawtext`` rules out a parser's misreading first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler

from veribib.judge import codes
from veribib.judge.authors import given_agrees
from veribib.judge.codes import cite, label
from veribib.judge.compare import full_title
from veribib.judge.match import SHORT_TITLE_WORDS, TITLE_SAME_OTHER_AUTHORS, Assessment
from veribib.judge.normalise import (
    STOPWORDS,
    fold,
    name_key,
    person_key,
    spelling_key,
    title_key,
    words,
    wordset,
)
from veribib.model import Evidence, Fields, Person, ReferenceType, Work

# A title "claims something else" when at least this many of its content words are substituted
# (absent from the record's title with no close spelling there, while the record's title has
# words absent from the citation too). One: HALLMARK's near-miss titles change a single word
# ("Reasoning" for "Inference", "Robust" for "Resilient"), and the contract calls a typo, not a
# changed word, an error in citing. Measured: none of the 106 pairs of records of one work in
# shared/data/benchmarks/fuzzycat (EXACT/STRONG: preprint and article, two registries) differs
# by a substituted word, and no correct or typo'd title of scripts/evaluate.py does. The risk
# left is a writer's slip ("Effects" for "Impact"): the evidence names the word and the record.
TITLE_SUBSTITUTED_WORDS = 1
# A record whose title shares less than this share of the cited content words (or fewer than
# two of them) is not a near miss of it: a translated title, or simply another paper by the
# same authors. The chimeric titles of the tune split share 0.21-0.70.
TITLE_SHARED_MIN = 0.2
TITLE_SHARED_MIN_WORDS = 2

# A title spliced from two records' titles: each part at least this many words, with this many
# content words (stopwords and single letters aside), so that each could come from one title
# only. Two-word endings ("Monetary Transfers", "Image Recognition") end many titles.
CHIMERA_RUN_WORDS = 3
CHIMERA_RUN_CONTENT = 2
# Parts this long are a splice whenever the record is led by the cited first author. Shorter
# ones must be a good share of the title each comes from (any title's last three words end some
# record's title in a search for it, but a splice takes whole halves) and the record the cited
# team's (``AuthorCheck.identifies``): "Wang" leads thousands of records.
CHIMERA_LONG_WORDS = 5
CHIMERA_SHARE = 0.4

# Two words this alike are one word spelt differently (a typo, "modelling"/"modeling").
WORD_CLOSE_JARO_WINKLER = 0.9
# ... or within this many edits (a letter swapped counts once), for words of 4+ letters; 2
# edits for words of 8+ letters.
WORD_CLOSE_EDITS = 1
WORD_CLOSE_EDITS_LONG = 2
# A shared stem of this many letters ("analysis"/"analyses", "ecology"/"ecological").
WORD_STEM = 5

# Two family names of 5+ letters this alike (Jaro-Winkler) are one name however spelt: such a
# pair is never "another author" (transliterations, a badly misspelt name). 0.85 is well below
# the 0.93 that counts as "misspelt" in authors.py: here doubt must acquit. Shorter names are
# near with their letters transposed ("Liu"/"Lui"), or, in the same place of both lists, one
# letter off when one of them has four or more and they start alike ("Watg" cited first for
# "Wang": a name misspelt stays in its place). Elsewhere in the list "Ting"/"Tong", "Ho"/"Hou"
# and "Li"/"Lin" stay different names, or lists of them would always "overlap".
NAME_NEAR_SIMILARITY = 0.85
NAME_NEAR_MIN_LENGTH = 5
NAME_NEAR_SHORT_LENGTH = 4
# A cited title missing only some of the record's words (a subtitle or a bracketed part
# dropped) identifies the record when it keeps this many content words and this share of them.
TITLE_HEAD_WORDS = 5
TITLE_HEAD_SHARE = 0.6

# Words that make an author an organisation or a group, whose names vary too much to compare.
_GROUP_WORDS = wordset(
    "group consortium committee society association organization organisation institute team "
    "collaboration collaborative collaborators network working investigators trialists writing "
    "council agency board foundation "
    "university department center centre office ministry alliance panel federation union"
)
# Function words of other languages: a title in one language and its record in another are
# the same work translated, never a near miss. (English look-alikes such as "no", "do", "die"
# and "sus", the pig genus, are left out.)
_FOREIGN = wordset(
    "de da dos das e em para com na os um uma la el los las del et des les du und der "
    "por sobre entre y con una dem zur zum ein eine mit von il di della dei"
)
_TITLE_STOP = STOPWORDS | wordset(
    "a an the of and or in on for to with by from into using via its their this that these those "
    "is are was were be as at vs versus toward towards based new our we how what why"
)
# Records whose title repeats another work's title by design (evaluations, reviews of it).
_DERIVED_PREFIXES = (
    "faculty of 1000 evaluation",
    "f1000 evaluation",
    "review of",
    "comment on",
    "reply to",
    "response to",
    "book review",
)
_NAMED_TYPES = (ReferenceType.JOURNAL_ARTICLE, ReferenceType.PROCEEDINGS_ARTICLE)


# --- titles ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TitleDiff:
    """Content words of a cited title against a record's: shared, substituted, dropped."""

    content: tuple[str, ...]  # the cited title's content words
    substituted: tuple[str, ...]  # cited content words with no match in the record's title
    dropped: tuple[str, ...]  # record content words with no match in the cited title

    @property
    def shared(self) -> int:
        """Cited content words that the record's title has too (or nearly)."""
        return len(self.content) - len(self.substituted)

    @property
    def claims_other(self) -> bool:
        """Whole words substituted (both sides have words the other lacks), enough of them."""
        if not self.substituted or not self.dropped or not self.content:
            return False
        return max(len(self.substituted), len(self.dropped)) >= TITLE_SUBSTITUTED_WORDS

    @property
    def near(self) -> bool:
        """The titles share enough to be one title edited, not two titles."""
        return (
            self.shared >= TITLE_SHARED_MIN_WORDS
            and self.shared / len(self.content) >= TITLE_SHARED_MIN
        )


def _close(a: str, b: str) -> bool:
    """One word spelt two ways: equal, a typo, a spelling variant, or the same stem."""
    if a == b:
        return True
    short = min(len(a), len(b))
    if short < 4:
        # "cel" for "cell", "rats" for "rat": one edit of a short word is a typo too.
        return max(len(a), len(b)) >= 4 and OSA.distance(a, b) <= 1
    if spelling_key(a) == spelling_key(b):
        return True
    if short >= WORD_STEM and a[:WORD_STEM] == b[:WORD_STEM]:
        return True
    edits = WORD_CLOSE_EDITS_LONG if short >= 8 else WORD_CLOSE_EDITS
    return OSA.distance(a, b) <= edits or JaroWinkler.similarity(a, b) >= WORD_CLOSE_JARO_WINKLER


def _joins(ws: tuple[str, ...]) -> set[str]:
    """Runs of two or three words written as one ("non linear" → "nonlinear")."""
    return {"".join(ws[i : i + n]) for n in (2, 3) for i in range(len(ws) - n + 1)}


def _acronyms(ws: tuple[str, ...]) -> set[str]:
    """Initials of runs of 2-6 words ("artificial intelligence" → "ai")."""
    runs = (ws[i : i + n] for n in range(2, 7) for i in range(len(ws) - n + 1))
    return {"".join(w[0] for w in run) for run in runs}


def _unmatched(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Content words of ``a``, and those with no match among the words of ``b``.

    Each word of ``b`` matches one word of ``a`` at most (exact matches first, then close
    spellings): "multi-model" cannot stand for both "model" and "modelling".
    """
    bjoins, bacro = _joins(b), _acronyms(b)
    covered: set[int] = set()
    for n in (2, 3):
        for i in range(len(a) - n + 1):
            if "".join(a[i : i + n]) in b:
                covered.update(range(i, i + n))
    unused = Counter(b)
    content: list[str] = []
    pending: list[str] = []
    for i, w in enumerate(a):
        if len(w) < 3 or w in _TITLE_STOP or not w.isalpha():
            continue
        content.append(w)
        if i in covered or w in bjoins or w in bacro:
            continue
        if unused[w] > 0:
            unused[w] -= 1
        else:
            pending.append(w)
    missing: list[str] = []
    for w in pending:
        other = next((o for o, left in unused.items() if left > 0 and _close(w, o)), None)
        if other is None:
            missing.append(w)
        else:
            unused[other] -= 1
    return tuple(content), tuple(missing)


@lru_cache(maxsize=16384)
def _diff(cited: str, recorded: str) -> TitleDiff:
    c, r = words(cited), words(recorded)
    content, substituted = _unmatched(c, r)
    _, dropped = _unmatched(r, c)
    return TitleDiff(content, substituted, dropped)


def title_diff(cited: str, work: Work) -> TitleDiff:
    """The cited title against the record's (with and without its subtitle): fewest substituted."""
    titles = {t for t in (work.fields.title, full_title(work)) if t}
    diffs = [_diff(cited, t) for t in titles]
    return min(diffs, key=lambda d: (len(d.substituted), len(d.dropped)))


def _foreign(title: str) -> bool:
    return bool(set(words(title)) & _FOREIGN)


# --- authors -----------------------------------------------------------------------------


def _is_group(p: Person) -> bool:
    """An organisation or group ("WHO", "GBD 2019 Collaborators"), not a person."""
    ws = words(p.family)
    acronym = not p.given and p.family.isupper() and 2 <= len(p.family.strip(". ")) <= 8
    return acronym or (not p.given and len(ws) >= 3) or bool(set(ws) & _GROUP_WORDS)


def _latin(p: Person) -> bool:
    key = name_key(p.family)
    return bool(key) and key.isascii()


def _near_name(cited: Person, recorded: Person) -> bool:
    """Could be the same person however written (order, spelling, script): a family name
    like the record's, with given names that do not tell another person ("V. Lee" is not
    the record's "Chen-Yu Lee")."""
    c, f = person_key(cited.family), person_key(recorded.family)
    if not c or not f:
        return False
    if c == name_key(recorded.given) or f == name_key(cited.given):
        return True  # family and given names the other way round
    if not given_agrees(cited, recorded):
        return False
    if c == f:
        return True
    if min(len(c), len(f)) >= NAME_NEAR_MIN_LENGTH:
        if c in f or f in c or JaroWinkler.similarity(c, f) >= NAME_NEAR_SIMILARITY:
            return True
    elif sorted(c) == sorted(f):
        return True
    parts_c = {w for w in words(fold(cited.family)) if len(w) >= 3}
    parts_f = {w for w in words(fold(recorded.family)) if len(w) >= 3}
    return bool(parts_c & parts_f)


def _misspelt_in_place(cited: Person, recorded: Person) -> bool:
    """A short family name one letter off the name in the same place of the record's list."""
    c, f = person_key(cited.family), person_key(recorded.family)
    return (
        bool(c and f)
        and given_agrees(cited, recorded)
        and max(len(c), len(f)) >= NAME_NEAR_SHORT_LENGTH
        and c[0] == f[0]
        and OSA.distance(c, f) <= 1
    )


def _comparable(people: tuple[Person, ...]) -> bool:
    return bool(people) and all(_latin(p) and not _is_group(p) for p in people)


def authors_are_others(cited: Fields, work: Work) -> bool:
    """No cited family name is, or could be, one of the record's authors (or editors).

    Only for author lists of persons written in Latin script. A record that shows only the
    first authors (``authors_incomplete``) still names the cited list's head: a citation whose
    names are none of them names other people. A record with authors not seen, an
    organisation, or a name in another script proves nothing.
    """
    people = tuple(p for p in cited.authors if name_key(p.family))
    recorded = tuple(p for p in work.fields.authors if name_key(p.family))
    if not _comparable(people) or not _comparable(recorded):
        return False
    if any("author" in m.lower() for m in work.missing_fields):
        return False
    others = recorded + tuple(work.fields.editors)
    if any(_misspelt_in_place(c, r) for c, r in zip(people, recorded, strict=False)):
        return False
    return not any(_near_name(c, r) for c in people for r in others)


# --- the evidence --------------------------------------------------------------------------


def _title_identifies(cited: Fields, a: Assessment) -> bool:
    """The cited title is the record's own (or a typo away), and long enough to be unique.

    A short title ("Vorwort", "Hospital emergency numbers") names many works: it names this
    one only written as the record's and in the record's journal and year.
    """
    title = a.field("title")
    if title.similarity is None or not cited.title:
        return False
    if len(words(cited.title)) < SHORT_TITLE_WORDS:
        return (
            title.similarity >= TITLE_SAME_OTHER_AUTHORS
            and a.field("journal").agrees is True
            and a.field("year").agrees is True
        )
    if title.similarity >= TITLE_SAME_OTHER_AUTHORS:
        return True
    diff = title_diff(cited.title, a.work)
    kept = len(diff.content)
    return (
        not diff.substituted
        and kept >= TITLE_HEAD_WORDS
        and kept / (kept + len(diff.dropped)) >= TITLE_HEAD_SHARE
    )


def authors_other_work(cited: Fields, a: Assessment) -> Evidence | None:
    """AUTHORS_OTHER_WORK: the cited title is this record's, written by other people."""
    if a.authors.compared == 0 or a.authors.matched > 0:
        return None
    if a.work.fields.type is ReferenceType.BOOK or not _title_identifies(cited, a):
        return None
    if title_key(a.work.fields.title or "").startswith(_DERIVED_PREFIXES):
        return None
    if not authors_are_others(cited, a.work):
        return None
    shown = ", ".join(p.family for p in cited.authors[:4]) + (
        ", ..." if len(cited.authors) > 4 else ""
    )
    return Evidence(
        codes.AUTHORS_OTHER_WORK,
        f"the cited title is {cite(a.work)}, by other authors: none of the cited authors "
        f"({shown}) is among the {len(a.work.fields.authors)} {label(a.work)} lists",
    )


def _authors_identify(a: Assessment) -> bool:
    """The cited authors are the record's team (see ``AuthorCheck.identifies``)."""
    return a.authors.identifies


def title_other_work(cited: Fields, a: Assessment, *, strict: bool) -> Evidence | None:
    """TITLE_OTHER_WORK: the cited authors' record in that venue and year has another title.

    ``strict`` (a record not accepted as the cited work) asks for the authors to identify the
    record on their own; an accepted record needs them to support it.
    """
    work = a.work
    if not cited.title or not work.fields.title or a.field("title").agrees is not False:
        return None
    if work.fields.type not in _NAMED_TYPES:
        return None
    journal = a.field("journal").agrees
    if journal is False or a.field("year").agrees is False or (strict and journal is not True):
        # Unless the record was accepted as the cited work, its journal must be the cited
        # one: that is what shows the registry covers the venue the citation claims.
        return None
    authors_ok = _authors_identify(a) if strict else a.authors.support
    if not authors_ok or _foreign(cited.title) != _foreign(work.fields.title):
        return None
    diff = title_diff(cited.title, work)
    if not (diff.claims_other and diff.near):
        return None
    swapped = ", ".join(diff.substituted[:6])
    return Evidence(
        codes.TITLE_OTHER_WORK,
        f"the cited authors' work in this venue and year is {cite(work)}; the cited title "
        f"replaces its words ({', '.join(diff.dropped[:6])}) with others ({swapped}): no record "
        "has the cited title",
    )


def _run_at(run: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """``run`` stands in ``title`` as consecutive words."""
    n = len(run)
    return any(title[i : i + n] == run for i in range(len(title) - n + 1))


def _telling(run: tuple[str, ...]) -> bool:
    """A run long enough, and with enough content words, to come from one title only."""
    content = [w for w in run if w not in STOPWORDS and len(w) > 1]
    return len(run) >= CHIMERA_RUN_WORDS and len(content) >= CHIMERA_RUN_CONTENT


def chimeric_title(cited: Fields, a: Assessment, others: Sequence[Assessment]) -> Evidence | None:
    """TITLE_OTHER_WORK: the cited title is part of this record's title joined to part of another's.

    The record must be led by the cited first author and lose words of its own title in the
    citation; the other record must be by other people; short parts must also be a good share
    of their titles, and the record the cited team's. A real title of the same team that merely
    shares an opening with their other paper is not made of two others' words.
    """
    if not cited.title or not a.work.fields.title or not a.authors.first_agrees:
        return None
    title, own = words(cited.title), words(a.work.fields.title)
    if set(own) <= set(title):
        return None  # the record's whole title is cited (a longer title, not a splice)
    for k in range(CHIMERA_RUN_WORDS, len(title) - CHIMERA_RUN_WORDS + 1):
        for mine, theirs in ((title[:k], title[k:]), (title[k:], title[:k])):
            if not (_telling(mine) and _telling(theirs) and _run_at(mine, own)):
                continue
            long = min(len(mine), len(theirs)) >= CHIMERA_LONG_WORDS
            if not long and (len(mine) < CHIMERA_SHARE * len(own) or not a.authors.identifies):
                continue  # short parts: a good share of the title of the cited team's record
            if _run_at(theirs, own):
                continue
            for b in others:
                if b.work is a.work or not b.work.fields.title or b.authors.support:
                    continue
                other = words(b.work.fields.title)
                share = long or len(theirs) >= CHIMERA_SHARE * len(other)
                if share and _run_at(theirs, other):
                    return Evidence(
                        codes.TITLE_OTHER_WORK,
                        f"the cited title joins words of {cite(a.work)} ('{' '.join(mine)}') "
                        f"to words of {cite(b.work)} ('{' '.join(theirs)}'): no record has "
                        "the cited title",
                    )
    return None


def other_work(cited: Fields, a: Assessment, *, strict: bool) -> Evidence | None:
    """Evidence that the citation borrows this record but claims another work, else None."""
    return authors_other_work(cited, a) or title_other_work(cited, a, strict=strict)
