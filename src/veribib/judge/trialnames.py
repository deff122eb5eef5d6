"""Names a citation gives a trial: acronyms ("DAPA-HF", "DECLARE-TIMI 58") and names written
where a trial's name goes ("the Clarity AD trial", "(OlympiAD)", "Look AHEAD: ...")."""

from __future__ import annotations

import re

from veribib.judge.normalise import STOPWORDS, words, wordset
from veribib.judge.trialwords import (
    BOILERPLATE,
    CODE,
    GENERIC,
    IDS,
    INFORMATIVE,
    LABELS,
    NOT_ACRONYMS,
    URL,
    WORD_ZIPF,
    is_disease,
    is_drug,
    weight,
)

# All capitals ("SPRINT", "DECLARE-TIMI 58"), capitals and a hyphen ("TRuE-V1", "EMPA-REG"), or
# a capitalised compound and a number ("CheckMate 067").
_ACRONYM = re.compile(
    r"\b([A-Z][A-Z0-9]{2,}(?:-[A-Za-z0-9]+)*(?:\s\d{1,3}\b)?"
    r"|[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?:\s\d{1,3}\b)?"
    r"|[A-Z][a-z]+[A-Z][A-Za-z]*\s\d{2,3}\b)"  # "CheckMate 067"
)
# A trial's name written before "trial"/"study"/"investigators" however it is cased: up to four
# capitalised or numeric words ("Clarity AD", "ROCKET AF", "OlympiAD", "CLEAR Outcomes", "DPP").
# (or opening in small letters with a capital later: "monarchE")
_TOKEN = r"(?:[A-Z0-9][A-Za-z0-9]*|[a-z]{2,}[A-Z][A-Za-z0-9]*)(?:-[A-Za-z0-9]+)*"
# Design words that may stand between a trial's name and "trial" ("the DELIVER randomized
# controlled trial", "the COVE phase 3 trial").
_DESIGN_WORD = (
    r"randomi[sz]ed|controlled|clinical|pivotal|placebo-controlled|double-blind|open-label|"
    r"multicent(?:er|re)|phase\s+(?:[0-9]|I{1,3}V?)[ab]?"
)
_DESIGN = rf"(?:(?:{_DESIGN_WORD})\s+){{0,4}}"
_DESIGN_AT_END = re.compile(rf"(?:\s+(?:{_DESIGN_WORD}))+$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(
    rf"((?:{_TOKEN} ){{0,3}}{_TOKEN})\s+(?i:{_DESIGN})"
    r"((?i:trial|study|investigators|trialists|study group))\b"
)
# A name in capitalised English words ("Harmony Outcomes"), two to four of them: after "the"
# (or opening the citation) before "trial"/"study" in small letters (a title-cased title says
# "Trial"; design words may stand between), before "Investigators"/"Trialists"/"Trial Group"
# however cased, in brackets, reported ("Results from Harmony Outcomes"), or opening the
# citation before a colon.
_WORD = r"[A-Z][a-z]+"
_PLAIN = rf"((?:{_WORD}\s+){{1,3}}{_WORD}(?:\s+\d{{1,3}})?)"  # and a number: "Measure Up 1"
_PLAIN_NAMES = (
    re.compile(
        rf"(?:^|(?<=\bthe\s)|(?<=\bThe\s)|(?<=\())(?:{_PLAIN}\s+{_DESIGN}(?:trial|study)\b"
        rf"|{_PLAIN}\s+(?i:investigators|trialists|trial\s+group|study\s+group)\b)"
    ),
    re.compile(rf"\({_PLAIN}\)"),
    re.compile(
        r"\b(?i:results?|findings|lessons|report|analys[ie]s)\s+(?i:of|from|in)(?:\s+(?i:the))?"
        rf"\s+{_PLAIN}(?=\s*(?:[.,;)]|$))"
    ),
    re.compile(rf"(?:^|(?<=\.\s)){_PLAIN}:"),
    # whoever runs it ("Murano Steering Committee"), one capitalised word or more
    re.compile(rf"((?:{_WORD}\s+){{0,3}}{_WORD})\s+(?:Steering|Writing|Executive)\s+Committee\b"),
)
# One capitalised word between "the" and a small-letter "trial"/"study" ("the Leader trial"):
# a name, unless it says whose or where ("the Canadian trial", "the Danish study").
_ONE_WORD = re.compile(rf"\b[Tt]he\s+({_WORD})\s+{_DESIGN}(?:trial|study)\b")
_PEOPLE = re.compile(r"(?:ian|ish|ese|ean|ican|ch|ss|ic|i)$")
# What a trial's name follows when a paper reports it ("Primary results of the DELIVER").
_REPORTS = re.compile(
    r"\b(?:results?|findings|lessons|report|analys[ie]s)\s+(?:of|from|in)(?:\s+the)?$",
    re.IGNORECASE,
)
_NAMED_AFTER_REPORT = re.compile(
    r"\b(?i:results?|findings|lessons|report|analys[ie]s)\s+(?i:of|from|in)(?:\s+(?i:the))?\s+"
    rf"((?:{_TOKEN} ){{0,3}}{_TOKEN})(?=\s*(?:[.,;:)]|$))"
)
# A run of capitalised words opening the citation (or a sentence of it) before a colon.
_NAMED_BEFORE_COLON = re.compile(rf"(?:^|\.\s)((?:{_TOKEN} ){{0,3}}{_TOKEN}):")
# In brackets after a title: one to three such words ("(OlympiAD)", "(Clarity AD)").
_NAMED_IN_BRACKETS = re.compile(rf"[(\[]((?:{_TOKEN} ){{0,2}}{_TOKEN})[)\]]")
_NAME_ALONE = re.compile(rf"((?:{_TOKEN} ){{0,3}}{_TOKEN})\.?")
# A company's product code ("MK-3475", "DS-8201a", "PF-06291826"): a drug, not a trial's name.
_PRODUCT_CODE = re.compile(r"^[A-Z]{1,3}-?\d{3,}[A-Za-z]?$")
_ROMAN = re.compile(r"^[IVX]+[A-C]?$")
# Words that end a run of capitalised words without being part of a trial's name.
_GROUP_WORDS = frozenset(
    ("trial", "study", "investigators", "trialists", "group", "groups", "collaborative",
     "collaborators", "committee", "steering", "writing", "consortium", "network")
)  # fmt: skip
# Words that open a run of capitalised words without being part of a trial's name.
_LEADING = wordset("The A An Phase Main Primary Final Results Of")
# An asterisk or a plus between capitals joins a name's parts as a hyphen does ("STAR*D").
_JOINED = re.compile(r"(?<=[A-Z0-9])[*+](?=[A-Z0-9])")
# A colon between capitals with no space joins a name's parts ("X:BOT"), and a short bracket
# inside a word is part of it ("Lp(a)HORIZON").
_COLON_JOINED = re.compile(r"(?<=[A-Z0-9]):(?=[A-Z])")
_INNER_BRACKET = re.compile(r"(?<=[A-Za-z])\(([A-Za-z0-9]{1,3})\)(?=[A-Z])")


def _as_names(text: str) -> str:
    """The text as names are read in it: ids and URLs out, a name's parts joined."""
    text = _JOINED.sub("-", IDS.sub(" ", URL.sub(" ", text)))
    return _INNER_BRACKET.sub(r"\1", _COLON_JOINED.sub("-", text))


ACRONYM_ONLY = re.compile(_ACRONYM.pattern.replace("\\b(", "^(", 1) + "$")
_NON_KEY = re.compile(r"[^A-Z0-9]")


def acronym_key(text: str) -> str:
    """An acronym as compared: capitals and digits only ("DAPA-HF" → "DAPAHF")."""
    return _NON_KEY.sub("", text.upper())


def _shouting(text: str) -> bool:
    """True when most words are in capitals (a title set in capitals names no acronym)."""
    found = set(re.findall(r"[A-Za-z]{2,}", text))
    return len(found) >= 4 and sum(w.isupper() for w in found) > 0.6 * len(found)


def _named_as_trial(text: str, start: int, end: int, name: str) -> bool:
    """Written where a trial's name goes: in brackets, beside "trial"/"study", before a
    colon at the start, or shaped like one (a hyphen or a number in it)."""
    if "-" in name or any(c.isdigit() for c in name):
        return True
    return _placed_as_trial(text, start, end)


def _placed_as_trial(text: str, start: int, end: int) -> bool:
    """Written where a trial's name goes: in brackets, beside "trial"/"study", reported
    ("Results from X"), after "the" alone, or before a colon at the start."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return True
    if re.match(
        rf"(?:{_DESIGN})(?:trial|study|investigators|group|(?:steering|writing|executive)\s+"
        r"committee)\b",
        after,
        re.IGNORECASE,
    ):
        return True
    if _REPORTS.search(before) and after[:1] in ("", ".", ",", ";", ":", ")"):
        return True
    if re.search(r"\b(?:the|trial|study)$", before, re.IGNORECASE) and after[:1] in (
        "",
        ".",
        ",",
        ";",
        ":",
        ")",
    ):
        return True
    return (not before or before.endswith(".")) and after.startswith(":")


def cited_acronyms(text: str) -> set[str]:
    """Keys of what the citation writes like a trial's name ("DAPA-HF", "DECLARE-TIMI 58")."""
    out: set[str] = set()
    text = _as_names(text)
    if _shouting(text):
        return out
    for m in _ACRONYM.finditer(text):
        name = m.group(1)
        first = re.split(r"[-\s]", name)[0]
        capitals = sum(c.isupper() for c in first)
        if capitals < 2 or CODE.match(first.lower()) or _PRODUCT_CODE.match(name):
            continue
        if first.upper() in NOT_ACRONYMS:
            # a disease's abbreviation joined to a word in capitals ("COVID-OUT") is a name
            # only where a trial's name goes ("the COVID-OUT trial"); "COVID-19", "SARS-CoV-2",
            # "HIV-AIDS" and "EGFR-TKI therapy" are none
            if _disease_compound(name) and _placed_as_trial(text, m.start(1), m.end(1)):
                out.add(acronym_key(name))
            continue
        if _named_as_trial(text, m.start(1), m.end(1), name):
            out.add(acronym_key(name))
    return out


def _disease_compound(name: str) -> bool:
    """A common abbreviation joined by a hyphen to a part of three capitals or more that is no
    common abbreviation ("COVID-OUT")."""
    parts = name.split()[0].split("-")[1:]
    return any(len(p) >= 3 and p.isalpha() and p.isupper() and p not in NOT_ACRONYMS for p in parts)


# A number as a name's part: "6", "V1", "3b".
_NUMBERED = re.compile(r"[A-Z]?\d+[A-Za-z]?")
# Short words that join English compounds ("Follow-Up", "Add-On", "Non-Small"); another part
# of three letters or fewer ("Hf", "Tn", "Ly") is an abbreviation recased, not a word.
_JOINING = wordset("up on in it out off of to by at non pre add low end all one two")
# Prefixes a hyphen joins to an abbreviation in plain words ("Anti-TNF", "Non-HDL").
_PREFIXES = frozenset(("anti", "non", "pre", "post", "co", "multi", "semi", "pro", "sub", "pan"))


def _english_part(part: str) -> bool:
    """True when a part of a hyphenated word is an English word (short ones only if joining)."""
    if len(part) <= 3:
        return part.lower() in _JOINING
    return is_english_word(part.upper())


def _name_token(token: str) -> bool:
    """A word that makes a run of capitalised words a name: two capitals or more (mixed case
    too: "OlympiAD", "AD"), not a common abbreviation, code name or roman numeral."""
    parts = token.split("-")
    head = parts[0]
    if re.fullmatch(r"[a-z]{2,}[A-Z][A-Za-z0-9]*", head):  # "monarchE", never "mTOR", "eGFR"
        return True
    # a name written in capitalised words joined by hyphens: "Fidelio-DKD" (no English word,
    # then a part in capitals), "Sustain-6", "True-V1" (then a number), "Empa-Kidney",
    # "Paradigm-Hf" (parts not all English words: "Long-Term", "Follow-Up" are no names)
    if (
        len(parts) > 1
        and head[:1].isupper()
        and head[1:].islower()
        and head.upper() not in NOT_ACRONYMS
        and head not in _LEADING
        and head.lower() not in GENERIC
    ):
        tail = parts[1:]
        if not is_english_word(head.upper()) and any(_name_token(part) for part in tail):
            return True
        if all(_NUMBERED.fullmatch(p) for p in tail):
            return True
        # a word joined to a disease's abbreviation ("Nix-TB", "Stand-TB"), no prefix ("Anti-")
        if head.lower() not in _PREFIXES and all(
            p.isupper() and p.isalpha() and 2 <= len(p) <= 5 for p in tail
        ):
            return True
        if all(p[:1].isupper() and p[1:].islower() for p in tail) and not all(
            _english_part(p) for p in parts
        ):
            return True
    # one capital joined to more ("X-BOT", written "X:BOT") counts its parts' capitals
    capitals = token if len(head) == 1 and len(parts) > 1 else head
    return (
        not _PRODUCT_CODE.match(token)
        and sum(c.isupper() for c in capitals) >= 2
        and head.upper() not in NOT_ACRONYMS
        and not _ROMAN.match(capitals)
        and not CODE.match(head.lower())
    )


def _name_of(run: str) -> str | None:
    """The trial's name ending a run of capitalised words, or None when it holds none: name
    words, numbers, and a capitalised word beside a name word ("Clarity AD", "CLEAR Outcomes")."""
    tokens = _DESIGN_AT_END.sub("", run).split()
    while tokens and tokens[-1].lower() in _GROUP_WORDS:  # "DPP Investigators" names DPP
        tokens.pop()
    name: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if token in _LEADING:
            break
        beside = (name and _name_token(name[0])) or (i > 0 and _name_token(tokens[i - 1]))
        # a roman numeral numbers the name it follows ("MODIFY I", "LAAOS III"), no other word
        series = _ROMAN.match(token) and i > 0 and _name_token(tokens[i - 1])
        if _name_token(token) or token.isdigit() or series or (beside and not _ROMAN.match(token)):
            name.insert(0, token)
            continue
        break
    return " ".join(name) if any(_name_token(t) for t in name) else None


def named_trials(text: str) -> set[str]:
    """Keys of names the citation gives as a trial's, however cased: before "trial", "study" or
    "investigators", alone in brackets ("the Clarity AD trial", "(OlympiAD)"), or alone."""
    text = _as_names(text)
    out: set[str] = set()
    # in a title set in capitals only a name before "trial" or "study" in small letters counts
    shouting = _shouting(text)
    for m in _NAMED_BEFORE.finditer(text):
        name = _name_of(m.group(1))
        if name and not (shouting and m.group(2).isupper()):
            out.add(acronym_key(name))
    if shouting:
        return {k for k in out if len(k) >= 3}
    whole = _NAME_ALONE.fullmatch(text.strip())
    if whole:  # a title that is a name and nothing else ("DPP", "ROCKET AF")
        out.add(acronym_key(_name_of(whole.group(1)) or ""))
    # in brackets, opening the citation before a colon ("Look AHEAD: ...", "DPP: ..."), or
    # reported ("Results from Clarity AD")
    runs = [
        *_NAMED_IN_BRACKETS.finditer(text),
        *_NAMED_BEFORE_COLON.finditer(text),
        *_NAMED_AFTER_REPORT.finditer(text),
    ]
    for m in (m for pattern in _PLAIN_NAMES for m in pattern.finditer(text)):
        plain = next(g for g in m.groups() if g).split()
        while plain and plain[0] in _LEADING:  # "The Harmony Outcomes trial"
            plain.pop(0)
        grouped = bool(plain) and plain[-1].lower() in ("trial", "study")
        while plain and plain[-1].lower() in _GROUP_WORDS:  # "Results of the X Trial."
            plain.pop()
        # one word is more often a place or people ("the Canadian trial"), except before a
        # committee or "Trial Investigators" ("The Aspree Trial Investigators"); words that say
        # what any trial is ("Randomized Controlled") name none
        before_group = m.re is _PLAIN_NAMES[-1] or (m.re is _PLAIN_NAMES[0] and grouped)
        alone = before_group and not _PEOPLE.search(plain[-1] if plain else "")
        if (len(plain) >= 2 or alone) and any(w.lower() not in GENERIC for w in plain):
            out.add(acronym_key(" ".join(plain)))
    for m in _ONE_WORD.finditer(text):
        word = m.group(1)
        if not (
            word in _LEADING
            or word.lower() in GENERIC
            or _PEOPLE.search(word)
            or re.fullmatch(_DESIGN_WORD, word, re.IGNORECASE)
        ):
            out.add(acronym_key(word))
    for m in _NAMED_BEFORE_COLON.finditer(text):
        if _one_word_name(m.group(1)):
            out.add(acronym_key(m.group(1)))
    for m in runs:
        name = _name_of(m.group(1))
        # a short mixed-case word in brackets is more often an abbreviation ("PrEP", "GnRH");
        # a registry's label ("NLM Identifier:", "Trial ID:") is no trial's name
        if (
            name
            and (len(acronym_key(name)) >= 5 or name.isupper())
            and not any(w in BOILERPLATE for w in words(name))
        ):
            out.add(acronym_key(name))
    return {k for k in out if len(k) >= 3}


def _one_word_name(run: str) -> bool:
    """One capitalised word opening a title before a colon ("Twilight: Ticagrelor in ..."): a
    trial's name recased, unless it says what any trial is, a drug or a disease, a field's
    label ("Sponsor:") or an everyday word ("Update:")."""
    word = run.lower()
    return (
        re.fullmatch(r"[A-Z][a-z]{3,}", run) is not None
        and run not in _LEADING
        and word not in GENERIC
        and word not in BOILERPLATE
        and word not in LABELS
        and not is_drug(word)
        and not is_disease(word)
        and weight(word) >= INFORMATIVE
    )


# One to four words, however cased, before "trial"/"study"/"investigators", or in brackets.
_BEFORE_TRIAL = re.compile(
    r"((?:[A-Za-z0-9][\w-]*\s+){0,3}[A-Za-z0-9][\w-]*)\s+(?i:trial|study|investigators)\b"
)
_IN_BRACKETS = re.compile(r"\(((?:[A-Za-z0-9][\w-]*\s+){0,3}[A-Za-z0-9][\w-]*)\)")


def as_named(text: str) -> set[str]:
    """Keys of the runs of words, however cased, written where a trial's name goes (before
    "trial", in brackets; after "the", "of", ...): a record's own name recased ("the Deliver
    trial") is among them. Only for agreement: these are no names on their own ("Heart Failure
    trial")."""
    out: set[str] = set()
    for m in [*_BEFORE_TRIAL.finditer(text), *_IN_BRACKETS.finditer(text)]:
        tokens = m.group(1).split()
        while tokens and (tokens[0] in _LEADING or tokens[0].lower() in STOPWORDS):
            tokens.pop(0)
        out.add(acronym_key(" ".join(tokens)))
    return {k for k in out if len(k) >= 3}


def is_english_word(acronym_key_: str) -> bool:
    """True when an acronym's key is also an English word ("RECOVERY", "SELECT", "SPRINT")."""
    from veribib.judge.zipf import zipf_frequency

    return acronym_key_.isalpha() and zipf_frequency(acronym_key_.lower(), "en") >= WORD_ZIPF


def written_key(text: str, acronym: str) -> str:
    """The text as acronym keys are compared; an acronym that is an English word counts only
    in capitals, so "heart rate recovery" names no trial."""
    return _NON_KEY.sub("", text) if is_english_word(acronym) else acronym_key(text)


def same_name(a: str, b: str) -> bool:
    """Two acronym keys for one trial: equal, or one a shortening of the other, unless the
    longer only numbers on where the shorter ends in a number ("MODIFY I", "MODIFY II": a
    series' sister trials)."""
    short, long_ = sorted((a, b), key=len)
    if short == long_:
        return True
    if len(short) < 4 or not long_.startswith(short):
        return False
    return not (short[-1] in _SERIES_MARKS and set(long_[len(short) :]) <= _SERIES_MARKS)


# Characters of a series' number, arabic or roman, in an acronym key.
_SERIES_MARKS = frozenset("0123456789IVX")


__all__ = [
    "ACRONYM_ONLY",
    "acronym_key",
    "as_named",
    "cited_acronyms",
    "is_english_word",
    "named_trials",
    "same_name",
    "written_key",
]
