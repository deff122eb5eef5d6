"""Cited vs recorded author lists: family names after folding, misspellings, truncation, order.

Given names are compared by their first initial only (full names and initials, hyphenated
and transliterated given names differ too often between real citations and records to
compare more): "Q. Zhang" is not the record's "Wei Zhang". Umlauts written either way are one
name ("Müller"/"Mueller"). Common surnames (Wang, Kim, Smith, ...) are shared by thousands of
authors, so a list matched only through a couple of them does not support identity on its
own. A record known to be partial (``authors_incomplete``) is compared only over the authors
it lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from veribib.judge.codes import label
from veribib.judge.normalise import name_key, person_key, ring_key, words, wordset
from veribib.model import FieldComparison, Fields, Person, Work

# Two family names this close (Jaro-Winkler, 0..1), both of 5+ letters and with the same first
# letter, are one name misspelt ("Smtih"/"Smith" 0.95, "Kumari"/"Kumar" 0.97). 0.93 keeps
# distinct short surnames apart ("Zhang"/"Zhong" 0.89, "Harper"/"Hamper" 0.91).
NAME_MISSPELT_SIMILARITY = 0.93
NAME_MISSPELT_MIN_LENGTH = 5

# Share of the compared cited authors that must be found for the lists to "support" identity.
AUTHOR_SUPPORT_SHARE = 0.5
# Found names that support identity however common each of them is.
AUTHORS_ENOUGH = 3
# APA 7 lists up to 20 authors: 19, ". . .", then the last one.
APA_SHOWN_AUTHORS = 20

_PARTICLES = wordset(
    "van von der den de del della di da dos das du la le ten ter zu vom bin ibn al el mac mc st"
)
# Not a name: unsigned works are cited as "Anonymous" and records list no author for them.
_NO_AUTHOR = frozenset(("anonymous", "anon", "unknown", "na", "nn"))
_ANONYMOUS_AUTHORS = ({"anonymous", "authors"}, {"anonymous", "author"})


# The most frequent family names world-wide (Chinese, Korean, Vietnamese, Indian, Japanese,
# Hispanic, Lusophone, Anglophone, German, Russian, Arabic): each is borne by so many authors
# that sharing it says little about whether two author lists are one work's.
COMMON_SURNAMES = wordset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye "
    "cheng wei su lu ding ren shen yao jin fu zhong cui tan lee kim park choi jung jeong kang "
    "cho yoon jang lim han shin seo kwon hwang ahn song nguyen tran le pham hoang phan vu vo "
    "dang bui do ho ngo duong ly kumar singh sharma patel gupta shah khan ali ahmed ahmad "
    "hussain rahman hassan mohamed mohammed ibrahim das reddy rao tanaka suzuki sato takahashi "
    "watanabe ito yamamoto nakamura kobayashi kato garcia rodriguez martinez hernandez lopez "
    "gonzalez perez sanchez ramirez torres flores rivera gomez diaz silva santos oliveira souza "
    "pereira costa ferreira rodrigues alves lima carvalho smith johnson williams brown jones "
    "miller davis wilson anderson taylor thomas moore martin jackson thompson white harris "
    "clark lewis robinson walker young allen king wright scott green baker adams nelson hill "
    "campbell mitchell roberts turner phillips evans collins edwards stewart morris murphy cook "
    "muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann ivanov smirnov "
    "kuznetsov popov petrov cohen levi rossi russo ferrari esposito bianchi romano"
)


@lru_cache(maxsize=32768)
def _parts(family: str) -> frozenset[str]:
    """The parts of a family name that are not particles and have 3+ letters."""
    return frozenset(person_key(w) for w in words(family) if len(w) >= 3 and w not in _PARTICLES)


def _family(p: Person) -> str:
    """The family name, or the given name when the family holds no letters ("-, Sumaryadi")."""
    return p.family if name_key(p.family) else p.given


@dataclass(frozen=True, slots=True)
class _Name:
    """A person's comparison keys, computed once per person."""

    whole: str  # folded family name, letters only
    parts: frozenset[str]  # its non-particle parts of 3+ letters
    given: str  # folded given names, letters only
    initials: str  # first letters of the given names ("" when none are given)
    ring: str | None  # the key with "aa" folded, for a name written with "å" or "aa"
    ringed: bool  # written with "å" itself


@lru_cache(maxsize=65536)
def _name(p: Person) -> _Name:
    family = _family(p)
    return _Name(
        person_key(family),
        _parts(family),
        name_key(p.given),
        _initials(p.given),
        ring_key(family),
        "å" in family.lower(),
    )


# Transliterations of one Cyrillic or Slavic initial: Yuri/Iurii/Jurij, Yakov/Iakov/Jakow.
_ONE_INITIAL = frozenset("ijy")


_GIVEN_TOKENS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def _initials(given: str) -> str:
    """The first letters of the given names ("Jean-Pierre" → "jp", "J. R. R." → "jrr",
    Vancouver's run-together "JA" → "ja")."""
    out = []
    for token in _GIVEN_TOKENS.findall(given):
        if token.isupper() and len(token) <= 4:
            out.append("".join(words(token)))
        else:
            out.append("".join(words(token))[:1])
    return "".join(out)


def given_agrees(cited: Person, recorded: Person) -> bool:
    """Two people's given names could be one person's (see ``_given_agrees``)."""
    return _given_agrees(_name(cited), _name(recorded))


def _given_agrees(c: _Name, f: _Name) -> bool:
    """The given names could be one person's: same first initial, or either's first initial
    among the other's (a middle name used as the first), or one transliterated initial; a
    side without given names tells nothing."""
    ci, fi = c.initials, f.initials
    if not ci or not fi:
        return True
    if ci[0] == fi[0] or ci[0] in fi or fi[0] in ci:
        return True
    return ci[0] in _ONE_INITIAL and fi[0] in _ONE_INITIAL


def _same(c: _Name, f: _Name) -> bool:
    """Same family name. Of a compound name ("Donis-González") one part will do, but when
    both sides write several parts they must be the same parts, so a misspelt one is caught."""
    cw, fw = c.whole, f.whole
    if cw == fw:
        return True
    if (c.ringed or f.ringed) and c.ring is not None and c.ring == f.ring:
        return True  # "Haardhammar" for "Hårdhammar"
    cp, fp = c.parts, f.parts
    if len(cp) > 1 and len(fp) > 1:
        return cp <= fp or fp <= cp
    if cp & fp or cw in fp or fw in cp:
        return True
    return min(len(cw), len(fw)) >= 4 and (cw.endswith(fw) or fw.endswith(cw))


def _swapped(c: _Name, f: _Name) -> bool:
    """Family and given name written the other way round ("Wei Zhang" as family "Wei")."""
    return len(f.given) >= 2 and c.whole == f.given and (not c.given or c.given[0] == f.whole[:1])


def _misspelt(c: _Name, f: _Name) -> bool:
    a, b = c.whole, f.whole
    return (
        min(len(a), len(b)) >= NAME_MISSPELT_MIN_LENGTH
        and a[0] == b[0]
        and JaroWinkler.similarity(a, b) >= NAME_MISSPELT_SIMILARITY
    )


def is_no_author(person: Person) -> bool:
    """True for "Anonymous" and the like: an unsigned work, not a name to compare."""
    if name_key(person.family) in _NO_AUTHOR and not person.given:
        return True
    # "Anonymous Authors" (either way round): how a double-blind manuscript cites itself.
    return {name_key(person.family), name_key(person.given)} in _ANONYMOUS_AUTHORS


@dataclass(frozen=True, slots=True)
class AuthorCheck:
    """The author-list comparison with what identity decisions need."""

    comparison: FieldComparison
    compared: int  # cited authors that could be checked against the record
    matched: int  # of those, found in the record (misspelt ones included)
    first_agrees: bool | None
    problems: tuple[str, ...] = ()  # human-readable, for AUTHOR_MISMATCH evidence
    missing: str | None = None  # message for AUTHORS_MISSING (truncated list without et al.)
    misspelt: tuple[tuple[int, int], ...] = ()  # (cited index, record index) pairs
    unmatched: tuple[int, ...] = ()  # cited indices compared and not in the record
    rare_matched: int = 0  # matched names that are not among COMMON_SURNAMES

    @property
    def support(self) -> bool:
        """The lists say "same work": the first author, or most compared authors when one of
        them has an uncommon name or three or more are found (two shared "Wang"s prove
        little)."""
        if self.compared == 0:
            return False
        if self.first_agrees:
            return True
        return self.matched / self.compared >= AUTHOR_SUPPORT_SHARE and (
            self.rare_matched >= 1 or self.matched >= AUTHORS_ENOUGH
        )

    @property
    def identifies(self) -> bool:
        """The lists are one author team's: the first author and most of those compared are
        found, one of them with an uncommon name or three or more of them ("Xu Y, Zhang Y"
        are the first two names of thousands of papers)."""
        if self.compared == 0 or not self.first_agrees:
            return False
        return self.matched / self.compared >= AUTHOR_SUPPORT_SHARE and (
            self.rare_matched >= 1 or self.matched >= AUTHORS_ENOUGH
        )

    @property
    def contradict(self) -> bool:
        """The lists say "different work": none of the compared cited authors is in the record."""
        return self.compared > 0 and self.matched == 0


def _show(people: tuple[Person, ...], limit: int = 6) -> str:
    names = ", ".join(p.family for p in people[:limit])
    return names + (", ..." if len(people) > limit else "")


@lru_cache(maxsize=32768)
def compare_authors(cited: Fields, found: Work) -> AuthorCheck:
    """Compare the cited author list with the record's (see the module docstring for the rules)."""
    people = tuple(p for p in cited.authors if name_key(_family(p)) and not is_no_author(p))
    recorded = tuple(p for p in found.fields.authors if name_key(_family(p)))
    shown_cited = _show(people) if people else None
    shown_found = _show(recorded) if recorded else None
    if not people or not recorded:
        return AuthorCheck(
            FieldComparison("authors", shown_cited, shown_found, None, None), 0, 0, None
        )
    partial = found.authors_incomplete or any("author" in m.lower() for m in found.missing_fields)
    where = label(found)
    names = tuple(_name(p) for p in recorded)
    used: set[int] = set()
    pairs: list[tuple[int, int | None, str]] = []  # (cited i, record j, kind)
    for i, c in enumerate(people):
        j = _find(_name(c), names, used, i, exact=True)
        kind = "exact"
        if j is None:
            j = _find(_name(c), names, used, i, exact=False)
            kind = "misspelt"
        if j is not None:
            used.add(j)
        pairs.append((i, j, kind if j is not None else "none"))

    problems: list[str] = []
    compared = matched = 0
    misspelt: list[tuple[int, int]] = []
    unknown_names: list[str] = []
    unmatched: list[int] = []
    rare_matched = 0
    for i, j, kind in pairs:
        if j is None and partial and i >= len(recorded):
            continue  # beyond the part of the list the record shows: unknown
        compared += 1
        if j is None:
            unmatched.append(i)
            other = _namesake(_name(people[i]), names, used)
            if other is None:
                unknown_names.append(_family(people[i]))
            else:
                problems.append(
                    f"author {i + 1}: cited '{people[i]}', {where} has '{recorded[other]}' "
                    "(another given name: another person)"
                )
            continue
        matched += 1
        if kind == "exact" and person_key(_family(people[i])) not in COMMON_SURNAMES:
            rare_matched += 1
        if kind == "misspelt":
            misspelt.append((i, j))
            problems.append(
                f"author {i + 1}: cited '{_family(people[i])}', "
                f"{where} has '{_family(recorded[j])}'"
            )
    if unknown_names:
        problems.append(f"cited authors not in {where}'s list: {', '.join(unknown_names)}")

    first_j = pairs[0][1]
    if first_j is not None and first_j != 0 and matched:
        problems.append(
            f"first author: cited '{_family(people[0])}', "
            f"{where} lists '{_family(recorded[0])}' first"
        )

    missing = None
    # APA 7 writes the first 19 authors, an ellipsis and the last: not a truncated list.
    apa_ellipsis = len(people) >= APA_SHOWN_AUTHORS and pairs[-1][1] == len(recorded) - 1
    if (
        not partial
        and not cited.et_al
        and not apa_ellipsis
        and len(people) < len(recorded)
        and matched == compared
        and not problems
    ):
        missing = (
            f"cited {len(people)} of {len(recorded)} authors without 'et al.'; "
            f"{where} lists {_show(recorded, 8)}"
        )
    agrees = not problems and missing is None
    similarity = round((matched - 0.5 * len(misspelt)) / compared, 3) if compared else None
    return AuthorCheck(
        comparison=FieldComparison(
            "authors", shown_cited, shown_found, similarity, agrees if compared else None
        ),
        compared=compared,
        matched=matched,
        first_agrees=(first_j == 0) if compared else None,
        problems=tuple(problems),
        missing=missing,
        misspelt=tuple(misspelt),
        unmatched=tuple(unmatched),
        rare_matched=rare_matched,
    )


@lru_cache(maxsize=4096)
def _nearest(n: int, near: int) -> tuple[int, ...]:
    """Indices 0..n-1 ordered by distance from ``near`` (authors keep roughly their places)."""
    return tuple(sorted(range(n), key=lambda j: abs(j - near)))


def _find(
    c: _Name, recorded: tuple[_Name, ...], used: set[int], near: int, exact: bool
) -> int | None:
    """Index of the record author matching ``c`` (the one nearest position ``near`` first)."""
    if (
        exact
        and near < len(recorded)
        and near not in used
        and recorded[near].whole == c.whole
        and _given_agrees(c, recorded[near])
    ):
        return near
    for j in _nearest(len(recorded), near):
        if j in used:
            continue
        f = recorded[j]
        if exact and (_swapped(c, f) or (_same(c, f) and _given_agrees(c, f))):
            return j
        if not exact and _misspelt(c, f) and _given_agrees(c, f):
            return j
    return None


def _namesake(c: _Name, recorded: tuple[_Name, ...], used: set[int]) -> int | None:
    """Index of an unused record author with the cited family name but other given names."""
    return next(
        (j for j, f in enumerate(recorded) if j not in used and _same(c, f)),
        None,
    )
