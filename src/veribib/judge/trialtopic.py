"""Does a citation's wording describe the trial a registry holds under the cited id?

The citation's words are weighed by what they tell. A word common in general English weighs
almost nothing (weights from its Zipf frequency in ``wordfreq``'s English list: "cell", "heart",
"patients" say little; "psoriasis", "vitiligo", "dapagliflozin" a lot), and trial boilerplate
("study", "randomized", "placebo") and citation boilerplate ("ClinicalTrials.gov identifier",
"accessed", "first posted") nothing at all. Words are compared by their Snowball stems, and a stem
may stand for a longer one ("diet" / "dietary").

Four kinds of evidence come out: the trial's acronym named in the citation (or another trial's
acronym named instead), whether the citation names what the trial tests (its drugs and the
informative words of its interventions), a drug the citation names that the trial does not test
while naming nothing it does, and the weight and count of cited words the trial shares or lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veribib.judge.normalise import STOPWORDS, words, wordset
from veribib.model import Trial

# Zipf frequency (log10 per billion words) at and above which a word weighs nothing; each
# step of SPAN below it adds one unit of weight, up to MAX_WEIGHT.
COMMON_ZIPF = 5.0
SPAN = 2.0
MAX_WEIGHT = 1.5
# An acronym whose word is at least this frequent (Zipf) is an English word too.
WORD_ZIPF = 3.0
# A cited word weighing less than this is not counted as a word the trial lacks.
INFORMATIVE = 0.3
# The trial's title written in the citation: this share of its content words, at least this many.
TITLE_SHARE = 0.9
TITLE_WORDS = 4
# A shorter title counts only written out whole, in order ("Action for Health in Diabetes").
SHORT_TITLE = 3

# Words every trial title or registration citation uses; they say nothing about the topic.
GENERIC = wordset(
    "study studies trial trials clinical clinically randomized randomised randomization "
    "controlled control phase patients patient participants subjects people persons "
    "volunteers effect effects efficacy effectiveness safety tolerability immunogenicity "
    "pharmacokinetics evaluation evaluate evaluating investigate investigating investigation "
    "assess assessing assessment compare comparing comparison analysis review systematic "
    "results outcome outcomes treatment treatments treated therapy therapies open label "
    "double blind blinded masked placebo versus single multicenter multicentre multi center "
    "international pilot cohort group groups adults adult healthy use using based new novel "
    "role human humans prospective retrospective observational interventional feasibility "
    "dose doses dosing regimen administered administration intravenous oral subcutaneous "
    "intramuscularly combination standard care added addition prior line after before "
    "learn called medicine medicines works well how people suffering research investigators"
)
# Citation boilerplate around a registration ("ClinicalTrials.gov [Internet]. Bethesda (MD):
# National Library of Medicine (US). Identifier NCT0..., first posted ...; accessed ...").
BOILERPLATE = wordset(
    "clinicaltrials gov identifier accessed access first posted last updated update available "
    "online internet bethesda md national library medicine us registry registered registration "
    "number http https www org com retrieved cited record show ct2 classic january february "
    "march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec isrctn eudract ctis anzctr chictr drks ctri jrct umin "
    "kct identifier nct id"
)
# What a study asks of people rather than of a therapy: a citation whose subject is one of these
# and whose trial record never mentions it ("vaccine awareness", "therapy adherence") is
# another study of the trial's therapy, however well it names it.
BEHAVIOUR = wordset(
    "awareness adherence nonadherence compliance attitudes attitude knowledge perceptions "
    "perception beliefs hesitancy acceptability acceptance uptake literacy preferences "
    "misconceptions"
)
# How a body handles a drug: another study when the record never mentions it and the citation
# also names people or a disease the record lacks ("pharmacokinetics in children").
DISPOSITION = wordset("pharmacokinetics pharmacokinetic pharmacodynamics bioavailability")
# Abbreviations that are not trial names, even written in capitals.
NOT_ACRONYMS = wordset(
    "COVID HIV AIDS HER2 HR RNA DNA MRNA USA UK EU FDA NIH NIAID WHO BMI LDL HDL HFREF HFPEF "
    "CKD COPD ICU MRI PET SARS MERS TNF ICD NSCLC SCLC BCG TB AAHI CAR CART PD PDL1 EGFR ALK "
    "KRAS BRCA MS ALS RA SLE IBD UC CD CVD CAD MI ACS PCI CABG AF HF T2D T2DM T1D NASH MASH "
    "NAFLD HCV HBV HPV RSV GLP SGLT2 DPP4 ACE ARB ARNI LVEF EF NYHA QOL PRO AE SAE ITT CI HR "
    "OR RR NEJM JAMA BMJ PLOS USA LTD INC LLC GMBH AG SA AB NV PLC MD NLM"
)

# WHO International Nonproprietary Name stems that end a drug's name (a selection).
_DRUG = re.compile(
    r"(?:mab|tinib|ciclib|parib|rafenib|lisib|gliflozin|gliptin|glutide|glinide|sartan|pril|"
    r"olol|statin|navir|previr|buvir|asvir|fovir|ciclovir|amivir|azole|oxacin|cillin|cycline|"
    r"mycin|parin|xaban|gatran|lukast|setron|tidine|prazole|dronate|platin|taxel|rubicin|cept|"
    r"kinra|dipine|afil|triptan|zepam|zolam|oxetine|apine|peridol|profen|coxib|caine|"
    r"estrant|relin|semide|thiazide|formin|lutamide|trozole|olimus|asone|olone|isone|(?<!s)terol|"
    r"tropium|zepatide|glutide|parin|fungin|conazole|vudine|citabine|fluridine|imus|limus)$"
)
# A code name: a few letters then digits ("id93", "ly3298176", "bnt162b2").
_CODE = re.compile(r"^[a-z]{1,5}\d{2,}[a-z0-9]*$")
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
_ACRONYM_ONLY = re.compile(_ACRONYM.pattern.replace("\\b(", "^(", 1) + "$")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# Registry ids, also written with a space ("NCT 03036124").
_IDS = re.compile(
    r"\b(?:NCT|ISRCTN|ACTRN|ChiCTR|DRKS|jRCT|UMIN|KCT)(?:\s(?=\d))?[-\w/]*\d\w*", re.IGNORECASE
)
_NON_KEY = re.compile(r"[^A-Z0-9]")
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

# Words that say when or how a therapy is given, not which therapy ("Standard Adjuvant
# Endocrine Therapy", "Maintenance Monotherapy"): never what a trial tests on their own.
SETTING = wordset(
    "adjuvant neoadjuvant preoperative postoperative perioperative maintenance monotherapy "
    "first second third line immediate delayed early late usual practice management "
    "background concomitant optimal optimized best supportive alone plus"
)
# "X versus Y" (or "compared with/to"): Y runs to the next "in"/"for"/"among"/"who"/"as" or
# punctuation; drugs only in Y are the comparator, words on both sides every arm's.
_VERSUS = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to))\s+", re.IGNORECASE)
_VERSUS_END = re.compile(r"\s+(?:in|for|among|who|as|on)\b|[,;:\[\]]|$", re.IGNORECASE)
# An abbreviation a title defines in brackets after its words ("Androgen Deprivation Therapy
# (ADT)"): the abbreviation and those words are one therapy.
_DEFINED = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,6})\(([A-Z][A-Za-z]{1,6})\)")

_MIN_PREFIX = 4


@lru_cache(maxsize=65536)
def weight(word: str) -> float:
    """What a (folded) cited word tells about a topic: 0 for common words, up to MAX_WEIGHT."""
    if word in GENERIC or word in BOILERPLATE or word in STOPWORDS:
        return 0.0
    if is_drug(word):
        return MAX_WEIGHT
    from wordfreq import zipf_frequency  # loaded only when a trial is judged

    zipf = zipf_frequency(word, "en")
    return max(0.0, min(MAX_WEIGHT, (COMMON_ZIPF - zipf) / SPAN))


def is_drug(word: str) -> bool:
    """True when a folded word looks like a drug's name (an INN stem) or a code name."""
    return (len(word) >= 6 and _DRUG.search(word) is not None) or _CODE.match(word) is not None


def _class(word: str) -> bool:
    """True when a drug-like word is a class's stem alone ("statin"), no one drug's name."""
    m = _DRUG.search(word)
    return m is not None and m.start() == 0


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    """The English Snowball stemmer (the package loads all 36 languages: only when needed)."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a folded word."""
    return str(_stemmer().stemWord(word))


# A code name written in two parts ("PF-07321332", "MK-3475", "AMG 145"): one word, as it is
# written in one part elsewhere ("LY3298176"). Three digits or more, so "COVID-19" and "Type 2"
# stay words and numbers; a space only after capitals, so "in 2020" stays two words.
_SPLIT_CODE = re.compile(r"\b([A-Za-z]{1,5}-|[A-Z]{1,5}\s)(\d{3,}[A-Za-z0-9]*)\b")


def _joined_codes(text: str) -> str:
    return _SPLIT_CODE.sub(lambda m: m.group(1)[:-1] + m.group(2), text)


def content_words(text: str) -> list[str]:
    """The folded words of ``text`` worth comparing: no URLs, trial ids, numbers or boilerplate."""
    return _content(words(_IDS.sub(" ", _joined_codes(_URL.sub(" ", text)))))


def _content(folded: Iterable[str]) -> list[str]:
    return [
        w
        for w in folded
        if (len(w) >= 3 or _CODE.match(w))
        and not w.isdigit()
        and w not in STOPWORDS
        and w not in BOILERPLATE
    ]


def _matches(word: str, stems: frozenset[str]) -> bool:
    s = stem(word)
    if s in stems:
        return True
    if len(s) < _MIN_PREFIX:
        return False
    return any(len(t) >= _MIN_PREFIX and (t.startswith(s) or s.startswith(t)) for t in stems)


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
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return True
    if re.match(rf"(?:{_DESIGN})(?:trial|study|investigators|group)\b", after, re.IGNORECASE):
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
    text = _IDS.sub(" ", _URL.sub(" ", text))
    if _shouting(text):
        return out
    for m in _ACRONYM.finditer(text):
        name = m.group(1)
        first = re.split(r"[-\s]", name)[0]
        capitals = sum(c.isupper() for c in first)
        if (
            capitals < 2
            or first.upper() in NOT_ACRONYMS
            or _CODE.match(first.lower())
            or _PRODUCT_CODE.match(name)
        ):
            continue
        if _named_as_trial(text, m.start(1), m.end(1), name):
            out.add(acronym_key(name))
    return out


def _name_token(token: str) -> bool:
    """A word that makes a run of capitalised words a name: two capitals or more (mixed case
    too: "OlympiAD", "AD"), not a common abbreviation, code name or roman numeral."""
    parts = token.split("-")
    head = parts[0]
    if re.fullmatch(r"[a-z]{2,}[A-Z][A-Za-z0-9]*", head):  # "monarchE", never "mTOR", "eGFR"
        return True
    # "Fidelio-DKD": a capitalised word that is no English word, then a part in capitals
    if (
        len(parts) > 1
        and head[:1].isupper()
        and head[1:].islower()
        and not is_english_word(head.upper())
        and any(_name_token(part) for part in parts[1:])
    ):
        return True
    return (
        not _PRODUCT_CODE.match(token)
        and sum(c.isupper() for c in head) >= 2
        and head.upper() not in NOT_ACRONYMS
        and not _ROMAN.match(head)
        and not _CODE.match(head.lower())
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
        if _name_token(token) or token.isdigit() or (beside and not _ROMAN.match(token)):
            name.insert(0, token)
            continue
        break
    return " ".join(name) if any(_name_token(t) for t in name) else None


def named_trials(text: str) -> set[str]:
    """Keys of names the citation gives as a trial's, however cased: before "trial", "study" or
    "investigators", alone in brackets ("the Clarity AD trial", "(OlympiAD)"), or alone."""
    text = _IDS.sub(" ", _URL.sub(" ", text))
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


def is_english_word(acronym_key_: str) -> bool:
    """True when an acronym's key is also an English word ("RECOVERY", "SELECT", "SPRINT")."""
    from wordfreq import zipf_frequency

    return acronym_key_.isalpha() and zipf_frequency(acronym_key_.lower(), "en") >= WORD_ZIPF


def _written(text: str, acronym: str) -> str:
    """The text as acronym keys are compared; an acronym that is an English word counts only
    in capitals, so "heart rate recovery" names no trial."""
    return _NON_KEY.sub("", text) if is_english_word(acronym) else acronym_key(text)


def _same_name(a: str, b: str) -> bool:
    """Two acronym keys for one trial: equal, or one a shortening of the other."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 4 and long_.startswith(short))


@dataclass(frozen=True, slots=True)
class TrialText:
    """A registry record made comparable once: its stems, drugs and acronyms."""

    stems: frozenset[str]  # titles, acronym, conditions, interventions, keywords
    neutral: frozenset[str]  # the sponsor's words: neither agreement nor disagreement
    drugs: frozenset[str]  # stems of drug names among the interventions and titles
    treatments: frozenset[str]  # what the trial tests: drugs, informative intervention words
    conditions: frozenset[str]  # stems of the conditions' words: whom it studies, not what
    condition_names: tuple[frozenset[str], ...]  # each condition's content stems ("heart failure")
    named_in_tests: frozenset[str]  # stems of the interventions' names ("SARS-CoV-2 rS vaccine")
    acronyms: frozenset[str]  # keys of the recorded acronym (and one in the brief title)
    names: frozenset[str]  # keys of its secondary and org study ids that are names ("HPTN083")
    key_text: str  # every field as one acronym key string, to tell shared capitals
    key_words: frozenset[str]  # every word of every field (and secondary id) as an acronym key
    titles: tuple[tuple[str, ...], ...]  # brief and official title as content words


def _stems(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(stem(w) for t in texts for w in words(t))


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


def compared(
    title: str, tested: frozenset[str], named: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """(stems every arm gets, stems of the comparator) from a title's "X versus Y" where X
    names a tested drug: words on both sides are every arm's ("Apalutamide Plus ADT Versus
    ADT"), drugs and intervention words only after "versus" the comparator's ("Alectinib
    Versus Crizotinib")."""
    common: set[str] = set()
    comparator: set[str] = set()
    defined = _abbreviations(title)
    for m in _VERSUS.finditer(title):
        left = {stem(w) for w in _content(words(title[: m.start()])) if w not in GENERIC}
        if not left & tested:
            continue
        rest = title[m.end() :]
        end = _VERSUS_END.search(rest)
        right_words = _content(words(rest[: end.start() if end else None]))
        right = {stem(w) for w in right_words if w not in GENERIC}
        both = right & left
        for abbr in list(both):
            both |= defined.get(abbr, frozenset())
        common |= both
        # a comparator only when X names a tested drug Y lacks ("Placebo + Trastuzumab Versus
        # Pertuzumab + Trastuzumab" puts the control first)
        if (left - right) & tested:
            comparator |= {stem(w) for w in right_words if is_drug(w) or stem(w) in named} - left
    return frozenset(common), frozenset(comparator)


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
    # what "X with or without Y" gives every arm is background even when listed as tested
    shared_by_all = frozenset(s for t in titles for s in every_arm(t, named))
    versus = [compared(t, tested, named) for t in titles]
    shared_by_all |= frozenset(s for both, _ in versus for s in both)
    comparators = frozenset(s for _, other in versus for s in other)
    given_on = (frozenset(s for t in titles for s in background(t)) - tested) | shared_by_all
    tested -= shared_by_all
    drugs = tested | frozenset(
        stem(w)
        for t in titles
        for w in words(t)
        if is_drug(w) and not _class(w) and stem(w) not in given_on
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
    acronyms = {acronym_key(trial.acronym)} if trial.acronym else set()
    for m in re.finditer(r"\(([^()]{3,30})\)", trial.brief_title):
        inner = re.sub(r"\s+(?:Study|Trial)$", "", m.group(1).strip(), flags=re.IGNORECASE)
        if _ACRONYM_ONLY.match(inner):
            acronyms.add(acronym_key(inner))
    return TrialText(
        stems=_stems(fields),
        neutral=_stems([trial.sponsor or ""]),
        drugs=drugs,
        treatments=treatments,
        conditions=conditions,
        condition_names=tuple(
            n for n in (frozenset(stem(w) for w in content_words(c)) for c in trial.conditions) if n
        ),
        acronyms=frozenset(a for a in acronyms if len(a) >= 3),
        names=_names(trial.secondary_ids),
        named_in_tests=_stems(trial.interventions),
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
        titles=tuple(t for t in (tuple(content_words(x)) for x in titles if x) if t),
    )


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
    other_drugs: tuple[str, ...]  # drugs the citation names that this trial does not test
    asks_other: tuple[str, ...] = ()  # BEHAVIOUR or DISPOSITION words the record lacks


def _own(key: str, record: TrialText) -> bool:
    """True when an acronym key is one of the record's words, or (four characters or more)
    written anywhere in its fields."""
    return key in record.key_words or (len(key) >= 4 and key in record.key_text)


def _written_out(title: tuple[str, ...], cited: list[str]) -> bool:
    """A short title (SHORT_TITLE content words or more) written word for word in the citation."""
    n = len(title)
    if n < SHORT_TITLE:
        return False
    want = [stem(w) for w in title]
    have = [stem(w) for w in cited]
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))


def _beside_tests(text: str, record: TrialText) -> list[str]:
    """The content words of ``text`` outside the names of what the trial tests as written: in
    "SARS-CoV-2 rS/Matrix-M1 vaccine use" the condition's words are the vaccine's name."""
    folded = words(_IDS.sub(" ", _URL.sub(" ", text)))
    inside = [False] * len(folded)
    i = 0
    while i < len(folded):
        j = i
        while j < len(folded) and stem(folded[j]) in record.named_in_tests:
            j += 1
        if any(_matches(w, record.treatments) for w in folded[i:j]):
            inside[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return _content(w for w, x in zip(folded, inside, strict=True) if not x)


def read_topic(cited: str, context: str, trial: Trial) -> TopicReading:
    """Compare the cited words with the trial (``cited`` may disagree; ``context`` only agrees).

    ``cited`` is what the citation says the work is (its title, or its whole text); ``context``
    is text around it (notes, sponsor-first text) that can name the trial but whose other
    words (authors, places) are no evidence against it.
    """
    record = trial_text(trial)
    said = content_words(cited)
    around = content_words(context)
    shared: dict[str, float] = {}
    lacking: dict[str, float] = {}
    for w in [*said, *around]:
        if _matches(w, record.stems):
            shared[w] = weight(w)
    substantive: set[str] = set()
    unshared: dict[str, None] = {}
    for w in said:
        if w in GENERIC or _matches(w, record.neutral):
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
        any(_same_name(n, a) for n in (named | called) - parts for a in record.acronyms)
        or (
            not holders
            and any(a in _written(f"{cited} {context}", a) for a in record.acronyms if len(a) >= 5)
        )
        or bool((named | called) & record.names)
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
    other_drugs: tuple[str, ...] = ()
    cited_drugs = [w for w in lacking if is_drug(w)]
    if cited_drugs and record.treatments and not any(_matches(w, record.treatments) for w in said):
        other_drugs = tuple(cited_drugs)
    informative = {w: v for w, v in shared.items() if v > 0}
    asks_other = tuple(
        w
        for w in dict.fromkeys(said)
        if not _matches(w, record.stems)
        and (w in BEHAVIOUR or (w in DISPOSITION and bool(unshared)))
    )
    written = {stem(w) for w in [*said, *around]}
    title_agrees = any(
        len(t) >= TITLE_WORDS and sum(stem(w) in written for w in t) >= TITLE_SHARE * len(t)
        for t in record.titles
    ) or any(_written_out(t, [*said, *around]) for t in record.titles)
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
        names_treatment=any(_matches(w, record.treatments) for w in [*said, *around]),
        names_condition=any(n <= apart for n in record.condition_names)
        or any(stem(w) in record.conditions and weight(w) >= INFORMATIVE for w in besides),
        agreed_words=sum(
            stem(w) in record.conditions or _matches(w, record.treatments) for w in substantive
        ),
        other_acronym=other,
        has_acronym=bool(record.acronyms),
        tests_known=bool(record.treatments),
        other_drugs=other_drugs,
        asks_other=asks_other,
    )


__all__ = [
    "BEHAVIOUR",
    "DISPOSITION",
    "GENERIC",
    "TopicReading",
    "TrialText",
    "acronym_key",
    "cited_acronyms",
    "content_words",
    "is_drug",
    "is_english_word",
    "named_trials",
    "read_topic",
    "stem",
    "trial_text",
    "weight",
]
