"""Does a citation's wording describe the trial a registry holds under the cited id?

The citation's words are weighed by what they tell (``trialwords``: common English and trial
boilerplate weigh nothing, a disease's or a drug's name a lot) and the names it gives a trial are
read by ``trialnames``.

Four kinds of evidence come out: the trial's acronym named in the citation (or another trial's
acronym named instead), whether the citation names what the trial tests (its drugs and the
informative words of its interventions), a drug the citation names that the trial does not test
while naming nothing it does, and the weight and count of cited words the trial shares or lacks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from veribib.judge.normalise import STOPWORDS, words
from veribib.judge.trialnames import (
    ACRONYM_ONLY,
    acronym_key,
    as_named,
    cited_acronyms,
    is_english_word,
    named_trials,
    same_name,
    written_key,
)
from veribib.judge.trialwords import (
    AGE_CEILING,
    AGE_FLOOR,
    AGE_GROUPS,
    AGE_RANGE,
    AGE_WORDS,
    BEHAVIOUR,
    CANCER_SITE,
    CITED_PLACE,
    CODE,
    DIAGNOSTIC,
    DISPOSITION,
    GENERIC,
    IDS,
    INFORMATIVE,
    LATENT,
    NOT_ACRONYMS,
    NUMBERED,
    OPPOSITE_FORMS,
    OPPOSITE_QUALIFIERS,
    OTHER_DESIGNS,
    PLACES,
    POLAR,
    PREGNANCY,
    PREGNANCY_SAID,
    RESISTANCE,
    RESISTANCE_SAID,
    SETTING,
    SEX_WORDS,
    SITES,
    URL,
    american,
    content,
    content_words,
    is_class,
    is_disease,
    is_drug,
    joined_codes,
    matches,
    stem,
    weight,
)
from veribib.model import Trial

# The trial's title written in the citation: this share of its content words, at least this many.
TITLE_SHARE = 0.9
TITLE_WORDS = 4
# A shorter title counts only written out whole, in order ("Action for Health in Diabetes").
SHORT_TITLE = 3
# A title cut short counts when its first CUT_TITLE content words are written in order, and
# the citation names the trial's sponsor: its words alone may begin many trials' titles.
CUT_TITLE = 8
_WITH_OR_WITHOUT = re.compile(r"\bwith\s+or\s+without\b", re.IGNORECASE)
# How far back "X with or without Y" reads X, and the words that end it.
_EVERY_ARM_WORDS = 5
# (stems: "studi" is "study", "combin" is "combination")
_RUN_STOPS = frozenset(
    ("of", "in", "for", "with", "studi", "trial", "combin", "a", "the", "versus")
)
# A therapy a title names as the background every arm receives ("as Add-on Therapy to
# Metformin", "on Top of Standard Care", "in Patients Receiving Aspirin", "Inadequately
# Controlled on Inhaled Corticosteroids"): up to the next "in"/"for"/"with"/"who" or punctuation.
_BACKGROUND = re.compile(
    r"\b(?:add-?on(?:\s+therapy)?\s+to|on\s+top\s+of|on\s+(?:a\s+)?background(?:\s+of)?"
    r"|background|in\s+addition\s+to"
    # "treated with" names what a trial tests as often ("Patients ... Treated With Bempedoic
    # Acid or Placebo"): background only after the people or "previously"
    r"|(?:patients|participants|subjects|people|adults|previously|already)\s+"
    r"(?:treated|receiving|taking)(?:\s+with)?"
    r"|(?:inadequately|insufficiently)\s+controlled\s+(?:on|with|by))\s+"
    r"(.{1,80}?)(?=\s+(?:in|for|among|with|who|versus|vs)\b|[,;:()\[\]]|$)",
    re.IGNORECASE,
)
# "X versus Y" (or "compared with/to"): Y runs to the next "in"/"for"/"among"/"who"/"as" or
# punctuation; drugs only in Y are the comparator, words on both sides every arm's.
_VERSUS = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to))\s+", re.IGNORECASE)
# An abbreviation a record writes: two to five capitals ("TB", "CKD", "NSCLC").
_SHORT = re.compile(r"\b[A-Z]{2,5}\b")
# A word an ellipsis ends ("Effe...", "Effe…").
_CUT_WORD = re.compile(r"\b(\w{4,})(?:\.\.\.|…)")
# A word this rare (weight; Zipf 3 or less: "warfarin", "ibuprofen") after "versus" names a
# comparator even when no drug stem shows it.
_RARE = 1.0
# A registration's title as cited writing a word this rare (weight; Zipf 4 or less: fewer than
# ten in a million English words: "smouldering", "multiparous", "bortezomib", "neovascular")
# that the record nowhere writes describes another study.
UNEXPLAINED = 0.5
# A quantity with its unit ("8 mg", "33 °C", "0.9%", "41 weeks"): a dose, temperature, strength
# or time another study's title gives when its record writes none like it.
_QUANTITY = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*-?\s*(mg/kg|mg|mcg|\u00b5g|ug|g|ml|iu|mmhg|%|\u00b0\s*c"
    r"|degrees?(?:\s+celsius)?|weeks?|days?|months?)(?![a-z])",
    re.IGNORECASE,
)
_UNIT_SPELLINGS = {
    "mcg": "\u00b5g",
    "ug": "\u00b5g",
    "day": "days",
    "week": "weeks",
    "month": "months",
}
# What a title says a therapy acts on: "... on quality of life and hospital admissions in ...".
_ON = re.compile(
    r"\bon\s+(.{1,80}?)(?=\s+(?:in|among|with|for|after|during|versus|vs)\b|[,;:.()]|$)",
    re.IGNORECASE,
)
# "A Glimepiride-Controlled Trial": the control named before "-controlled".
_CONTROLLED = re.compile(r"\b([A-Za-z]{4,})-controlled\b", re.IGNORECASE)
_VERSUS_END = re.compile(r"\s+(?:in|for|among|who|as|on)\b|[,;:\[\]]|$", re.IGNORECASE)
# An abbreviation a title defines in brackets after its words ("Androgen Deprivation Therapy
# (ADT)"): the abbreviation and those words are one therapy.
_DEFINED = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,6})\(([A-Z][A-Za-z]{1,6})\)")


@dataclass(frozen=True, slots=True)
class TrialText:
    """A registry record made comparable once: its stems, drugs and acronyms."""

    stems: frozenset[str]  # titles, acronym, conditions, interventions, keywords
    mentioned: frozenset[str]  # those and what else it describes (outcomes, arms); compared
    # in American spelling (``american``) on both sides
    short: frozenset[str]  # abbreviations among its conditions ("Pulmonary TB"), small letters
    neutral: frozenset[str]  # the sponsor's words: neither agreement nor disagreement
    drugs: frozenset[str]  # stems of drug names among the interventions and titles
    treatments: frozenset[str]  # what the trial tests: drugs, informative intervention words
    comparators: frozenset[str]  # what it tests against ("Versus Crizotinib"), not what it tests
    conditions: frozenset[str]  # stems of the conditions' words: whom it studies, not what
    condition_names: tuple[frozenset[str], ...]  # each condition's content stems ("heart failure")
    named_in_tests: frozenset[str]  # stems of the interventions' names ("SARS-CoV-2 rS vaccine")
    tested_names: tuple[frozenset[str], ...]  # each tested intervention's content stems, whole
    words: frozenset[str]  # every word the record writes, folded (a cut word may begin one)
    acronyms: frozenset[str]  # keys of the recorded acronym (and one in the brief title)
    written_names: tuple[str, ...]  # those names as the record writes them ("DECLARE-TIMI 58")
    name_prefixes: frozenset[str]  # keys of their leading parts ("DECLARE", "DECLARETIMI")
    names: frozenset[str]  # keys of its secondary and org study ids that are names ("HPTN083")
    key_text: str  # every field as one acronym key string, to tell shared capitals
    text: str  # every field and what else it describes, in small letters
    key_words: frozenset[str]  # every word of every field (and secondary id) as an acronym key
    titles: tuple[tuple[str, ...], ...]  # brief and official title as content words
    modified: frozenset[tuple[str, str]]  # (stem, stem of the word after it): "opioid dependence"
    countries: frozenset[str]  # its sites' countries, small letters without spaces


def _stems(texts: Iterable[str]) -> frozenset[str]:
    """Stems of every word, code names also joined ("JNJ-56021927": "jnj", "jnj56021927")."""
    return frozenset(stem(w) for t in texts for x in {t, joined_codes(t)} for w in words(x))


def background(title: str) -> frozenset[str]:
    """Stems of the therapies a title names only as every arm's background ("as add-on
    therapy to metformin"): what the trial is given on, not what it tests."""
    return frozenset(stem(w) for m in _BACKGROUND.finditer(title) for w in words(m.group(1)))


def every_arm(title: str, tested: frozenset[str]) -> frozenset[str]:
    """Stems of what a title gives every arm, "X with or without Y" where Y is tested
    ("Pemetrexed+Platinum Chemotherapy With or Without Pembrolizumab"): X is background."""
    out: set[str] = set()
    for m in _WITH_OR_WITHOUT.finditer(title):
        after = [stem(w) for w in words(title[m.end() :])[:1]]
        if not (after and after[0] in tested):
            continue
        before = [stem(w) for w in words(title[: m.start()])]
        run: list[str] = []
        for s in reversed(before[-_EVERY_ARM_WORDS:]):
            if s in _RUN_STOPS:
                break
            run.append(s)
        out.update(run)
    return frozenset(out)


def _abbreviations(title: str) -> dict[str, frozenset[str]]:
    """Stems of the words an abbreviation defined in a title stands for, by its stem."""
    out: dict[str, frozenset[str]] = {}
    for m in _DEFINED.finditer(title):
        abbr, before = m.group(2), words(m.group(1))
        initials = [w for w in before if w not in STOPWORDS][-len(abbr) :]
        if len(initials) == len(abbr) and all(
            w[:1] == c for w, c in zip(initials, abbr.lower(), strict=True)
        ):
            out[stem(abbr.lower())] = frozenset(stem(w) for w in initials)
    return out


def _inn(word: str) -> bool:
    """A drug's international nonproprietary name (an INN stem, no code name)."""
    return is_drug(word) and not CODE.match(word) and not is_class(word)


def compared(
    title: str, tested: frozenset[str], named: frozenset[str], inn_stems: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """(stems every arm gets, stems of the comparator) from a title's "X versus Y" (or "X
    compared with placebo or Y", "X vs Y") where X names something the trial tests (``tested``:
    its interventions' informative words): words on both sides are every arm's ("Apalutamide
    Plus ADT Versus ADT", "Insulin Degludec Versus Insulin Glargine"), drugs and intervention
    words only after "versus" the comparator's ("Alectinib Versus Crizotinib"), and after
    "X versus standard therapy" the other drugs' INNs; so is an intervention named as the
    control ("a Glimepiride-Controlled Trial")."""
    common: set[str] = set()
    comparator: set[str] = set()
    defined = _abbreviations(title)
    for m in _VERSUS.finditer(title):
        left = {stem(w) for w in content_words(title[: m.start()]) if w not in GENERIC}
        if not left & tested:
            continue
        rest = title[m.end() :]
        end = _VERSUS_END.search(rest)
        right_words = content_words(rest[: end.start() if end else None])
        right = {stem(w) for w in right_words if w not in GENERIC}
        both = right & left
        for abbr in list(both):
            both |= defined.get(abbr, frozenset())
        common |= both
        # a comparator only when X names a tested word Y lacks ("Placebo + Trastuzumab Versus
        # Pertuzumab + Trastuzumab" puts the control first)
        if (left - right) & tested:
            comparator |= {stem(w) for w in right_words if is_drug(w) or stem(w) in named} - left
        # "X vs Standard Therapy" ("Usual Care") where X is a drug's INN: another drug's INN it
        # lists is the standard arm's (a drug has one INN; brand and code names may be X's own)
        inns = {stem(w) for w in content_words(title[: m.start()]) if _inn(w)}
        if (
            inns & tested
            and right_words
            and not any(w not in GENERIC and w not in SETTING for w in right_words)
        ):
            comparator |= {s for s in tested if s in inn_stems} - inns
    for m in _CONTROLLED.finditer(title):
        control = stem(m.group(1).lower())
        if control in tested and tested - {control}:
            comparator.add(control)
    return frozenset(common), frozenset(comparator)


def _title_parts(titles: Iterable[str]) -> list[str]:
    """The parts of a title a colon splits ("Prevention of Peanut Allergy in High-risk Infants:
    Learning Early About Peanut Allergy"), each a title a citation may write alone, when it
    says what the trial is about (two informative words that say more than any trial's)."""
    return [
        part
        for title in titles
        if ":" in title
        for part in title.split(":")
        if sum(w not in GENERIC and weight(w) >= INFORMATIVE for w in content_words(part)) >= 2
    ]


def _names(ids: Iterable[str]) -> frozenset[str]:
    """Keys of the ids that are names ("HPTN 083", "KEYNOTE-426"): two letters or more, and
    not an EudraCT-style number."""
    keys = (acronym_key(i) for i in ids)
    return frozenset(k for k in keys if len(k) >= 4 and sum(c.isalpha() for c in k) >= 2)


@lru_cache(maxsize=4096)
def trial_text(trial: Trial) -> TrialText:
    """The comparable form of a registry record."""
    titles = [trial.brief_title, trial.official_title or ""]
    fields = [*titles, trial.acronym or "", *trial.conditions, *trial.interventions]
    fields += list(trial.keywords)
    # a class's name in a title ("Statin Intolerant") says whom it studies, not what it tests
    # nor is a drug it names only as every arm's background ("add-on therapy to metformin")
    tested = frozenset(stem(w) for t in trial.interventions for w in words(t) if is_drug(w))
    named = frozenset(stem(w) for t in trial.interventions for w in words(t))
    # the informative words of its interventions, drug names or not ("insulin degludec")
    arms = frozenset(
        stem(w)
        for t in trial.interventions
        for w in content_words(t)
        if w not in GENERIC and w not in SETTING and (is_drug(w) or weight(w) >= INFORMATIVE)
    )
    # what "X with or without Y" gives every arm is background even when listed as tested
    shared_by_all = frozenset(s for t in titles for s in every_arm(t, named))
    inn_stems = frozenset(stem(w) for t in trial.interventions for w in words(t) if _inn(w))
    versus = [compared(t, arms, named, inn_stems) for t in titles]
    shared_by_all |= frozenset(s for both, _ in versus for s in both)
    comparators = frozenset(s for _, other in versus for s in other)
    given_on = (frozenset(s for t in titles for s in background(t)) - tested) | shared_by_all
    tested -= shared_by_all
    drugs = tested | frozenset(
        stem(w)
        for t in titles
        for w in words(t)
        if is_drug(w) and not is_class(w) and stem(w) not in given_on
    )
    conditions = _stems(trial.conditions)
    # what it tests, not in whom: "Aortic" in "Surgical Aortic Valve Replacement" is the condition
    treatments = drugs | frozenset(
        stem(w)
        for t in trial.interventions
        for w in content_words(t)
        if w not in GENERIC
        and weight(w) >= INFORMATIVE
        and stem(w) not in conditions
        and stem(w) not in shared_by_all
        and w not in SETTING
    )
    # the comparator is what the trial tests against, not what it tests
    treatments -= comparators
    written_names = [trial.acronym] if trial.acronym else []
    for m in re.finditer(r"\(([^()]{3,30})\)", trial.brief_title):
        inner = re.sub(r"\s+(?:Study|Trial)$", "", m.group(1).strip(), flags=re.IGNORECASE)
        # a disease's abbreviation in brackets ("SARS-CoV-2 Infection (COVID-19)") is none
        if ACRONYM_ONLY.match(inner) and re.split(r"[-\s]", inner)[0].upper() not in NOT_ACRONYMS:
            written_names.append(inner)
    acronyms = {acronym_key(n) for n in written_names}
    return TrialText(
        stems=_stems(fields),
        mentioned=frozenset(
            stem(american(w)) for f in [*fields, *trial.described] for w in words(f)
        ),
        text=" ".join([*fields, *trial.described]).lower(),
        short=frozenset(
            a.lower() for f in [*trial.conditions, *trial.keywords] for a in _SHORT.findall(f)
        ),
        neutral=_stems([trial.sponsor or ""]),
        drugs=drugs,
        treatments=treatments,
        comparators=comparators - treatments,
        conditions=conditions,
        condition_names=tuple(
            n for n in (frozenset(stem(w) for w in content_words(c)) for c in trial.conditions) if n
        ),
        acronyms=frozenset(a for a in acronyms if len(a) >= 3),
        written_names=tuple(written_names),
        name_prefixes=frozenset(
            acronym_key("".join(parts[:i]))
            for parts in (re.split(r"[-\s/:]+", n) for n in written_names)
            for i in range(1, len(parts) + 1)
        ),
        names=_names(trial.secondary_ids),
        named_in_tests=_stems(trial.interventions),
        # an intervention named in two everyday words or more ("Physical activity") is what it
        # tests when written whole, unless every arm gets it or it is the comparator (one such
        # word, "Standard medical therapy", names nothing)
        tested_names=tuple(
            n
            for n in (
                frozenset(stem(w) for w in content_words(i) if w not in GENERIC)
                for i in trial.interventions
            )
            if len(n) >= 2 and not n <= (shared_by_all | comparators | given_on)
        ),
        words=frozenset(w for f in [*fields, *trial.described] for w in words(f)),
        # word by word and field by field, so "AMG 145" and "SAPIEN 3" are the record's own
        key_text=" ".join(
            [acronym_key(w) for f in [*fields, trial.sponsor or ""] for w in f.split()]
            + [acronym_key(f) for f in [*fields, trial.sponsor or "", *trial.secondary_ids]]
        ),
        key_words=frozenset(
            acronym_key(w)
            for f in [*fields, trial.sponsor or "", *trial.secondary_ids]
            for w in re.split(r"[\s/(),;:\[\]]+", f)
            if acronym_key(w)
        ),
        titles=tuple(
            t for t in (tuple(content_words(x)) for x in [*titles, *_title_parts(titles)] if x) if t
        ),
        countries=frozenset(c.lower().replace(" ", "") for c in trial.countries),
        modified=frozenset(
            (stem(a), stem(b))
            for f in [*fields, *trial.described]
            for a, b in itertools.pairwise(words(f))
            if _modifier(a)
        ),
    )


def _modifier(word: str) -> bool:
    """A folded word that may say which form of the next one is meant ("opioid dependence")."""
    return len(word) >= 3 and not word.isdigit() and word not in STOPWORDS and word not in GENERIC


@dataclass(frozen=True, slots=True)
class TopicReading:
    """How a citation's wording relates to a trial."""

    agree: float  # weight of cited words the trial's record shares
    disagree: float  # weight of informative cited words the record lacks
    lacking: tuple[str, ...]  # those words
    substantive: int  # cited words not boilerplate, not generic, not the sponsor's
    unshared: int  # of those, how many the record lacks (whatever their weight)
    unshared_words: tuple[str, ...]  # those words, in the citation's order
    shared: tuple[str, ...]  # the informative words it shares
    acronym_agrees: bool
    title_agrees: bool  # the citation writes the trial's brief or official title
    names_treatment: bool  # the citation names something the trial tests
    names_condition: bool  # names the trial's condition (all of one, or an informative word)
    agreed_words: int  # substantive cited words that are the trial's condition's or treatment's
    other_acronym: str | None  # a trial name the citation gives that is not this trial's
    has_acronym: bool  # the record has an acronym (else a name it lacks may be its own)
    tests_known: bool  # the record names what the trial tests (drugs, intervention words)
    names_comparator: bool  # names what the trial tests against (its comparator)
    other_drugs: tuple[str, ...]  # drugs the citation names that this trial does not test
    asks_other: tuple[str, ...] = ()  # what it studies that the record says nowhere
    other_people: tuple[str, ...] = ()  # people it names whom the trial does not enrol
    unexplained: tuple[str, ...] = ()  # rare words of a cited registration title it lacks


def _own(key: str, record: TrialText) -> bool:
    """True when an acronym key is one of the record's words, or (four characters or more, and
    no English word: "LIFE" is not "LIFESTYLE"'s) written anywhere in its fields."""
    return key in record.key_words or (
        len(key) >= 4 and key in record.key_text and not is_english_word(key)
    )


def _shortened(word: str, before: str, short: frozenset[str]) -> bool:
    """True when the record may write a cited disease as an abbreviation: "TB" for
    "tuberculosis" (its letters in order), "RA" for "rheumatoid arthritis" (the initials)."""
    for a in short:
        letters = iter(word)
        if a[0] == word[0] and all(c in letters for c in a):
            return True
        if a == f"{before[:1]}{word[:1]}":
            return True
    return False


def _names_tested(word: str, record: TrialText) -> bool:
    """A cited word naming what the trial tests; a disease's name never does, though its stem
    begins a treatment's ("appendicitis", "appendectomy")."""
    if is_disease(word):
        return stem(word) in record.treatments
    return matches(word, record.treatments)


def _written_out(title: tuple[str, ...], cited: list[str]) -> bool:
    """A short title (SHORT_TITLE content words or more) written word for word in the citation."""
    n = len(title)
    if n < SHORT_TITLE:
        return False
    want = [stem(w) for w in title]
    have = [stem(w) for w in cited]
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))


_SERIES_NUMBER = re.compile(
    r"^(?P<base>[^\d]*?[A-Za-z])[\s-]*(?P<number>\d{1,3}|(?<=[\s-])[IVX]{1,4})$"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _series_value(number: str) -> int:
    """The value of a series number, arabic or roman ("03" is 3, "IV" is 4)."""
    if number.isdigit():
        return int(number)
    values = [_ROMAN_VALUES[c] for c in number.upper()]  # ("iv", "IV")
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _sister(names: tuple[str, ...], text: str) -> str | None:
    """A name the citation writes that is the trial's own numbered name with another number
    ("MODIFY II" for "MODIFY I", "Surpass-2" for "SURPASS-1", "Destiny Breast 04" for
    "DESTINY-Breast03"), the trial's own number nowhere beside it: a sister trial of the
    series, not this one."""
    for name in names:
        m = _SERIES_NUMBER.match(name.strip())
        if m is None:
            continue
        own = _series_value(m.group("number"))
        base = r"[\s-]*".join(re.escape(c) for c in acronym_key(m.group("base")))
        found = [
            (w.group(0), _series_value(w.group(1)))
            for w in re.finditer(
                rf"\b{base}[\s-]*(\d{{1,3}}|[IVX]{{1,4}})\b", text, flags=re.IGNORECASE
            )
            if w.group(1).isdigit() or w.group(1).isupper()
        ]
        others = [w for w, value in found if value != own]
        if others and all(value != own for _, value in found):
            return others[0]
    return None


def _ends_a_word(key: str, text: str) -> bool:
    """True when a name's key is written in the text ending where a word ends: "OlympiA" is
    not written in "OLYMPIAD"."""
    letters = r"[^A-Za-z0-9]*".join(re.escape(c) for c in key)
    return re.search(rf"{letters}(?![A-Za-z])", text, re.IGNORECASE) is not None


def _same(cited: str, own: str, record: TrialText) -> bool:
    """A cited name key is the record's name: ``same_name``, and a shortening only where the
    record's written name has a break ("DECLARE" of "DECLARE-TIMI 58", never "ATTR" of
    "ATTRibute-CM", a disease's abbreviation)."""
    if len(cited) < len(own) and own.startswith(cited):
        return cited in record.name_prefixes
    return same_name(cited, own)


def _begins(title: tuple[str, ...], cited: list[str]) -> bool:
    """The first CUT_TITLE content words of a title, or more, written word for word in the
    citation: a long official title cited cut short ("A Multicenter, Randomized, ... to
    Assess the Efficacy…")."""
    if len(title) <= CUT_TITLE:
        return False
    want = [stem(w) for w in title[:CUT_TITLE]]
    have = [stem(w) for w in cited]
    return any(have[i : i + CUT_TITLE] == want for i in range(len(have) - CUT_TITLE + 1))


def _beside_tests(text: str, record: TrialText) -> list[str]:
    """The content words of ``text`` outside the names of what the trial tests as written: in
    "SARS-CoV-2 rS/Matrix-M1 vaccine use" the condition's words are the vaccine's name."""
    folded = words(IDS.sub(" ", URL.sub(" ", text)))
    inside = [False] * len(folded)
    i = 0
    while i < len(folded):
        j = i
        while j < len(folded) and stem(folded[j]) in record.named_in_tests:
            j += 1
        if any(matches(w, record.treatments) for w in folded[i:j]):
            inside[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return content(w for w, x in zip(folded, inside, strict=True) if not x)


def _holds(word: str, record: TrialText) -> bool:
    """True when the record writes a folded word anywhere (outcomes and arms included), as
    itself or by its stem ("staging", "stage"; never "latent" by "late")."""
    return word in record.words or stem(american(word)) in record.mentioned


def _explained(word: str, record: TrialText) -> bool:
    """True when the record writes a cited word anywhere: itself or its stem (code names
    joined: "MK-3475"), in either spelling; not a word it merely begins ("multi-")."""
    return _holds(word, record) or stem(word) in record.stems


def _unexplained(cited: str, said: list[str], record: TrialText) -> tuple[str, ...]:
    """The rare words of a cited registration title that the record nowhere writes: a title
    copied from the registry holds none, so each names what another study is about. An
    outcome ("effect of X on hospital admissions") is no such word: records list few."""
    outcomes = {w for m in _ON.finditer(cited) for w in words(m.group(1))}
    return tuple(
        w
        for w in dict.fromkeys(said)
        if w not in GENERIC
        and w not in outcomes
        and weight(w) >= UNEXPLAINED
        and not matches(w, record.neutral)
        and not _explained(w, record)
    )


def _other_forms(cited: str, record: TrialText) -> tuple[str, ...]:
    """The cited words, none of them the record's, that qualify a word the record qualifies
    otherwise ("alcohol dependence" where it writes "opioid dependence"): another form of it."""
    out: list[str] = []
    for a, b in itertools.pairwise(words(cited)):
        if not _modifier(a) or b in GENERIC or b in STOPWORDS or _explained(a, record):
            continue
        head = stem(b)
        if _holds(b, record) and any(h == head and m != stem(a) for m, h in record.modified):
            out.append(f"{a} {b}")
    return tuple(out)


def _quantities(text: str) -> set[tuple[float, str]]:
    """The quantities a text writes, each (value, unit) in one spelling."""
    out: set[tuple[float, str]] = set()
    for m in _QUANTITY.finditer(text):
        unit = re.sub(r"\s+", "", m.group(2).lower())
        if unit.startswith("degree") or unit == "\u00b0c":
            unit = "\u00b0c"
        out.add((float(m.group(1)), _UNIT_SPELLINGS.get(unit, unit)))
    return out


def _other_quantities(cited: str, record: TrialText) -> tuple[str, ...]:
    """The quantities a cited registration title writes that its record nowhere writes, when
    the record writes one of the same unit ("8 mg" where it gives "2 mg", "33 °C versus 36 °C"
    where it gives 33 °C and 37.5 °C): another dose, temperature or time is another study."""
    written = _quantities(record.text)
    units = {u for _, u in written}
    return tuple(
        f"{v:g} {u.replace(chr(0xB0) + 'c', chr(0xB0) + 'C')}"
        for v, u in sorted(_quantities(cited))
        if u in units and (v, u) not in written
    )


def _other_places(cited: str, record: TrialText) -> tuple[str, ...]:
    """Countries or regions a cited title studies in ("in Australia and New Zealand", "a
    European trial") where none of the record's sites are and its text never names them:
    another country's study of the question. Nothing when the record lists no sites."""
    if not record.countries:
        return ()
    out: list[str] = []
    for name in (n for m in CITED_PLACE.finditer(cited) for n in m.groups() if n):
        taken = {c.replace(" ", "") for c in PLACES[name]}
        if any(c in held or held in c for held in record.countries for c in taken):
            continue
        if re.search(rf"\b{re.escape(name.lower())}\b", record.text):
            continue
        out.append(name)
    return tuple(dict.fromkeys(out))


def _lacked(cited: str, said: list[str], record: TrialText) -> tuple[str, ...]:
    """What a cited registration title writes that its record nowhere writes: rare words,
    another form of a word it qualifies (unless that word is listed already), other doses,
    another country."""
    rare = _unexplained(cited, said, record)
    forms = tuple(f for f in _other_forms(cited, record) if f.split()[0] not in rare)
    return rare + forms + _other_quantities(cited, record) + _other_places(cited, record)


def _asks_other(cited: str, said: list[str], unshared: bool, record: TrialText) -> tuple[str, ...]:
    """What the citation studies that the record says nowhere (outcomes and arms included):
    a behaviour, a body's handling of a drug in other people, another disease, another kind of
    study ("a meta-analysis"), or a comparator the trial never gives ("versus metformin")."""
    out = [
        w
        for before, w in zip(["", *said], said, strict=False)
        if not matches(american(w), record.mentioned)
        and (
            w in BEHAVIOUR
            or (w in DISPOSITION and unshared)
            or (is_disease(w) and not _shortened(w, before, record.short))
        )
    ]
    # how a disease is found (imaging, staging, screening), the form of a disease (latent; acute
    # where the record says chronic) and a cancer's site, none of them the record's
    out += [
        w
        for w in said
        if ((w in DIAGNOSTIC or w in LATENT) and not _holds(w, record))
        or (w in OPPOSITE_FORMS and not _holds(w, record) and _holds(OPPOSITE_FORMS[w], record))
    ]
    out += contradicted(cited, record.text)
    out += [
        m.group(1).lower()
        for m in CANCER_SITE.finditer(cited)
        if any(m.group(1).lower() in g and not any(_holds(x, record) for x in g) for g in SITES)
    ]
    out += [
        m.group(0).lower()
        for m in OTHER_DESIGNS.finditer(cited)
        if m.group(0).lower() not in record.text
    ]
    for m in _VERSUS.finditer(cited):
        rest = cited[m.end() :]
        end = _VERSUS_END.search(rest)
        out += [
            w
            for w in content_words(rest[: end.start() if end else None])
            if (is_drug(w) or weight(w) >= _RARE) and not matches(american(w), record.mentioned)
        ]
    return tuple(dict.fromkeys(out))


def contradicted(cited: str, text: str) -> list[str]:
    """The qualifiers a citation writes whose opposite its record (``text``, small letters)
    writes and it does not: another stage, line, setting, form or purpose ("first-line" where
    the record says "relapsed", "node-positive" where it says "node-negative"), and pregnancy
    or a disease's resistance where the record writes nothing near either."""
    said = cited.lower()
    out = [
        m.group(0)
        for one, other in OPPOSITE_QUALIFIERS
        if (m := one.search(said)) and not one.search(text) and other.search(text)
    ]
    # a state of the people or disease the record nowhere comes near: pregnancy, resistance
    for claim, near in ((PREGNANCY, PREGNANCY_SAID), (RESISTANCE, RESISTANCE_SAID)):
        if (m := claim.search(said)) and not near.search(text):
            out.append(m.group(0))
    for m in NUMBERED.finditer(said):
        kind = m.group(1).lower()
        written = [_numbers(r) for r in NUMBERED.finditer(text) if r.group(1).lower() == kind]
        if written and not _numbers(m) & set().union(*written):
            out.append(m.group(0))
    for m in POLAR.finditer(said):
        marker, state = m.groups()
        opposite = "positive" if state == "negative" else "negative"
        if not re.search(rf"\b{re.escape(marker)}[- ]{state}\b", text) and re.search(
            rf"\b{re.escape(marker)}[- ]{opposite}\b", text
        ):
            out.append(m.group(0))
    return out


def _numbers(m: re.Match[str]) -> set[int]:
    """The numbers a ``NUMBERED`` match names, a range filled in ("stage II-IV": 2, 3, 4)."""
    ends = [_series_value(g) for g in m.groups()[1:] if g]
    return set(range(min(ends), max(ends) + 1)) if len(ends) == 2 else set(ends)


_PER_YEAR = {"y": 1.0, "m": 12.0, "w": 52.0}


def _years(value: str, unit: str | None) -> float:
    """An age as written ("5", "months") in years; no unit is years."""
    return float(value) / _PER_YEAR[(unit or "y")[0].lower()]


def cited_ages(cited: str) -> list[tuple[str, tuple[float, float]]]:
    """The ages a citation writes out, each (as written, (from, to) in years, ``to`` excluded)."""
    out: list[tuple[str, tuple[float, float]]] = []
    for m in AGE_RANGE.finditer(cited):
        low, high, unit = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
        # "through 5" takes in all of the fifth year; "to <12" stops at twelve
        end = high if "<" in m.group(0) else str(float(high) + 1)
        out.append((m.group(0), (_years(low, unit), _years(end, unit))))
    for m in AGE_FLOOR.finditer(cited):
        out.append((m.group(0), (_years(m.group(1), m.group(2)), 200.0)))
    for m in AGE_CEILING.finditer(cited):
        out.append((m.group(0), (0.0, _years(m.group(1), m.group(2)))))
    return out


def other_people(cited: str, trial: Trial) -> tuple[str, ...]:
    """The people a citation names that the trial's eligibility excludes ("adults" for a trial
    of infants, "children" for one of adults, "women" for one of men), unless its record itself
    (or its sponsor's name) names them."""
    # (the sponsor's words too: "Pediatric Oncology Group" names no people)
    said = set(words(trial_text(trial).text)) | set(words(trial.sponsor or ""))
    out = [
        m.group(0).lower()
        for m in AGE_WORDS.finditer(cited)
        if (trial.min_age is not None or trial.max_age is not None)
        and m.group(0).lower() not in said
        and not _ages_meet(AGE_GROUPS[m.group(0).lower()], trial)
    ]
    if trial.min_age is not None or trial.max_age is not None:
        out += [said for said, ages in cited_ages(cited) if not _ages_meet(ages, trial)]
    for m in SEX_WORDS.finditer(cited):
        other = "MALE" if m.group(1) else "FEMALE"
        if trial.sex == other and m.group(0).lower() not in said:
            out.append(m.group(0).lower())
    return tuple(dict.fromkeys(out))


def _ages_meet(ages: tuple[float, float], trial: Trial) -> bool:
    """True when an age group (from, to) meets the trial's eligible ages."""
    low = trial.min_age if trial.min_age is not None else 0.0
    high = trial.max_age if trial.max_age is not None else float("inf")
    return ages[0] <= high and ages[1] > low


def read_topic(cited: str, context: str, trial: Trial, titled: bool = False) -> TopicReading:
    """Compare the cited words with the trial (``cited`` may disagree; ``context`` only agrees).

    ``cited`` is what the citation says the work is (its title, or its whole text); ``context``
    is text around it (notes, sponsor-first text) that can name the trial but whose other
    words (authors, places) are no evidence against it. ``titled``: ``cited`` is the title of
    a registration as cited, which should be the record's own words.
    """
    record = trial_text(trial)
    # a word an ellipsis cuts short ("Intervention Effe...") is no evidence against the record
    # when one of its words begins so
    cut = {w.lower() for w in _CUT_WORD.findall(f"{cited} {context}")}
    begun = {w for w in cut if any(x.startswith(w) for x in record.words)}
    said = [w for w in content_words(cited) if w not in begun]
    around = content_words(context)
    shared: dict[str, float] = {}
    lacking: dict[str, float] = {}
    for w in [*said, *around]:
        if matches(w, record.stems):
            shared[w] = weight(w)
    substantive: set[str] = set()
    unshared: dict[str, None] = {}
    for w in said:
        if w in GENERIC or matches(w, record.neutral):
            continue
        substantive.add(w)
        if w in shared:
            continue
        unshared[w] = None
        if weight(w) >= INFORMATIVE:
            lacking[w] = weight(w)
    named = cited_acronyms(cited) | cited_acronyms(context)
    called = named_trials(cited) | named_trials(context)
    # a name the record holds among its own ids ("HPTN 083") is the trial's, written exactly
    # a name holding the trial's whole name and more that the record nowhere holds ("LIBERTY
    # AD SOLO 1" on SOLO-1's id, "ENGAGE AF-TIMI 48" on ENGAGE's) is another trial's
    holders = {
        n
        for n in named | called
        if not _own(n, record) and any(a in n and a != n for a in record.acronyms)
    }
    # (and its part read alone, "SOLO 1", is no agreement)
    parts = {n for n in named | called if any(n in h for h in holders)}
    acronym_agrees = (
        any(_same(n, a, record) for n in (named | called) - parts for a in record.acronyms)
        or (
            not holders
            and any(
                a in written_key(f"{cited} {context}", a) and _ends_a_word(a, f"{cited} {context}")
                for a in record.acronyms
                if len(a) >= 5
            )
        )
        or bool((named | called) & record.names)
        # its own name however cased where a name goes ("Deliver trial", "(Leader)")
        or (not holders and bool(record.acronyms & (as_named(cited) | as_named(context))))
    )
    other = None
    if not acronym_agrees:
        # a name written where a trial's goes that the record nowhere has is another trial's
        foreign = sorted(
            a
            for a in named | called
            if not _own(a, record) and (len(a) >= 4 or a in called) and not a.isdigit()
        )
        other = foreign[0] if foreign else None
    sister = _sister(record.written_names, f"{cited} {context}")
    if sister is not None:
        acronym_agrees, other = False, sister
    other_drugs: tuple[str, ...] = ()
    cited_drugs = [w for w in lacking if is_drug(w)]
    if cited_drugs and record.treatments and not any(matches(w, record.treatments) for w in said):
        other_drugs = tuple(cited_drugs)
    informative = {w: v for w, v in shared.items() if v > 0}
    asks_other = _asks_other(cited, said, bool(unshared), record)
    written = {stem(w) for w in [*said, *around]}
    title_agrees = any(
        len(t) >= TITLE_WORDS and sum(stem(w) in written for w in t) >= TITLE_SHARE * len(t)
        for t in record.titles
    ) or any(_written_out(t, [*said, *around]) for t in record.titles)
    sponsor_named = any(
        matches(w, record.neutral) and weight(w) >= INFORMATIVE for w in [*said, *around]
    )
    title_agrees = title_agrees or (
        sponsor_named and any(_begins(t, [*said, *around]) for t in record.titles)
    )
    besides = _beside_tests(cited, record) + _beside_tests(context, record)
    apart = {stem(w) for w in besides}
    return TopicReading(
        agree=sum(informative.values()),
        disagree=sum(lacking.values()),
        lacking=tuple(lacking),
        substantive=len(substantive),
        unshared=len(unshared),
        unshared_words=tuple(unshared),
        shared=tuple(informative),
        acronym_agrees=acronym_agrees,
        title_agrees=title_agrees,
        names_treatment=any(_names_tested(w, record) for w in [*said, *around])
        or any(n <= written for n in record.tested_names),
        names_condition=any(n <= apart for n in record.condition_names)
        or any(stem(w) in record.conditions and weight(w) >= INFORMATIVE for w in besides),
        agreed_words=sum(
            stem(w) in record.conditions or _names_tested(w, record) for w in substantive
        ),
        other_acronym=other,
        has_acronym=bool(record.acronyms),
        tests_known=bool(record.treatments),
        names_comparator=any(matches(w, record.comparators) for w in said),
        other_drugs=other_drugs,
        asks_other=asks_other,
        other_people=other_people(cited, trial),
        unexplained=_lacked(cited, said, record) if titled else (),
    )


__all__ = ["TopicReading", "TrialText", "contradicted", "other_people", "read_topic", "trial_text"]
