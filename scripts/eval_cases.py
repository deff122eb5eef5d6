"""Labelled citation cases for the judge's evaluation, built from real registry records.

Every case cites a real record from ``shared/data`` (the 502 Crossref works, the 28 hand-
transcribed seed works, the ClinicalTrials.gov studies) correctly, with one realistic error, or
as a fabrication of one HALLMARK type, and says which verdict veribib's contract promises for it.

Labels follow the README's contract ("inaccurate: the work exists but the citation has errors;
fabricated: positive evidence only") and HALLMARK's definitions; where the two differ the case
says so in ``note``:

* ``wrong_venue`` / ``invented_venue`` (HALLMARK ``wrong_venue`` / ``nonexistent_venue``): a real
  title with its real authors and year in another (or a non-existent) journal. The work exists
  and can be found, so the contract calls it ``inaccurate`` with the journal corrected, not
  ``fabricated`` as HALLMARK does.
* ``swapped_authors``, ``placeholder_generic`` (HALLMARK ``placeholder_authors``: plausible made-up
  names), ``near_miss_title`` (key words changed, not a typo), ``chimeric_title``: the cited
  combination of title and authors exists nowhere; labelled ``fabricated`` like HALLMARK.
* ``invented_work_unknown_venue``: an invented work in an invented journal with no identifier.
  The contract accuses only on positive evidence, and absence from Crossref is evidence only for
  journals Crossref is shown to cover, so ``unresolved`` is what it promises (``fabricated`` is
  accepted too). It is kept out of the "fabricated caught" headline and reported on its own.
* ``wrong_trial_id``: a real article cited with an unrelated real trial id is ``inaccurate``
  (decide.py: "inaccurate when the work was found"); there is no field to correct.

HALLMARK's ``arxiv_version_mismatch`` and ``preprint_as_published`` are not generated: the corpus
holds one preprint/article pair only. ``partial_author_list`` is ``truncated_authors`` here, an
``inaccurate`` case (the contract lists "a truncated author list" among inaccuracies).

Cases are split into a TUNE and a REPORT half by a hash of the underlying record's key (DOI, or
NCT id), and a half's cases use only that half's records, so no record appears in both.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from standin_corpus import read_jsonl, shared_data_dir
from veribib.model import Person, Work
from veribib.reference.styles import short_pages
from veribib.resolve.records import work_from_crossref

SPLITS = ("tune", "report")
STYLES = ("apa", "vancouver", "harvard", "numbered", "bibtex")
KINDS = ("correct", "inaccurate", "fabricated")

# Record types a person cites as a work (components, issues and journals are not).
_CITABLE_TYPES = {
    "journal-article",
    "proceedings-article",
    "book-chapter",
    "report",
    "posted-content",
    "dataset",
    "dissertation",
    "monograph",
    "book",
}
_ARTICLE_TYPES = {"journal-article", "proceedings-article"}

_STOP = set(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "its",
        "of",
        "on",
        "or",
        "the",
        "their",
        "this",
        "to",
        "towards",
        "toward",
        "under",
        "using",
        "via",
        "was",
        "were",
        "with",
        "within",
        "without",
        "between",
        "among",
        "after",
        "before",
        "over",
        "than",
        "that",
        "these",
        "those",
        "through",
        "during",
        "based",
        "vs",
        "versus",
        "not",
        "new",
    ]
)
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

# Meaning-changing swaps for near-miss titles: a different claim, not a typo.
_ANTONYMS = {
    "increase": "decrease",
    "increases": "decreases",
    "increased": "decreased",
    "increasing": "decreasing",
    "decrease": "increase",
    "decreased": "increased",
    "high": "low",
    "higher": "lower",
    "low": "high",
    "lower": "higher",
    "positive": "negative",
    "negative": "positive",
    "short": "long",
    "long": "short",
    "early": "late",
    "late": "early",
    "acute": "chronic",
    "chronic": "acute",
    "linear": "nonlinear",
    "nonlinear": "linear",
    "static": "dynamic",
    "dynamic": "static",
    "small": "large",
    "large": "small",
    "male": "female",
    "female": "male",
    "marine": "freshwater",
    "freshwater": "marine",
    "urban": "rural",
    "rural": "urban",
    "children": "adults",
    "adults": "children",
    "mice": "rats",
    "rats": "mice",
    "wild": "captive",
    "tropical": "temperate",
    "temperate": "tropical",
    "global": "regional",
    "regional": "global",
}

_DESIGNS = (
    "systematic review",
    "comparative study",
    "case study",
    "cohort study",
    "field experiment",
    "numerical study",
    "meta-analysis",
    "pilot study",
)
_TITLE_TEMPLATES = (
    "{A} of {B} in {C}",
    "Effects of {A} on {B}: a {D}",
    "{A} and {B} in {C}",
    "A {D} of {A} and {B}",
    "{A}-based {B} for {C}",
    "Towards {A} of {B} under {C}",
    "The role of {A} in {B}",
    "{A} in {B}: evidence from {C}",
    "Assessing {A} using {B}",
    "Modelling {A} with {B}",
)
_VENUE_TEMPLATES = (
    "Journal of {A}",
    "International Journal of {A} and {B}",
    "{A} Letters",
    "Advances in {A}",
    "Annals of {A} Research",
    "{A} Reports",
    "Frontiers of {A} and {B}",
    "Transactions on {A}",
)
# Template placeholders (the README's examples and the classic John Doe / Richard Roe pair).
_PLACEHOLDERS: tuple[tuple[Person, ...], ...] = (
    (Person("Doe", "John"),),
    (Person("Doe", "J."), Person("Doe", "Jane")),
    (Person("Author", "A."), Person("Author", "B.")),
    (Person("Author", "First"), Person("Author", "Second"), Person("Author", "Third")),
    (Person("Lastname", "Firstname"),),
    (Person("Lastname", "F."), Person("Surname", "S.")),
    (Person("Doe", "John"), Person("Roe", "Richard")),
)
# Generic made-up names in HALLMARK's placeholder style ("Sara Lopez and Abdou Diop and ...").
_GENERIC_GIVEN = [
    "Sara",
    "Elena",
    "Maria",
    "Paula",
    "Nina",
    "Carmen",
    "Giulia",
    "Jana",
    "Ingrid",
    "Diana",
    "Vera",
    "Amara",
    "Fatima",
    "Priya",
    "Ahmed",
    "Ibrahim",
    "Youssef",
    "Kwasi",
    "Abdou",
    "Lamine",
    "Yusuf",
    "Omar",
    "Karim",
    "Ivan",
    "Henrik",
    "Stefan",
    "Lucas",
    "Yuki",
    "Kenji",
    "Hiro",
    "Kenta",
    "Sora",
    "Daiki",
    "Mei-Ling",
    "Wei",
    "Jun",
    "Min-Jun",
]
_GENERIC_FAMILY = [
    "Lopez",
    "Garcia",
    "Rodriguez",
    "Silva",
    "Santos",
    "Romano",
    "Novotny",
    "Martinez",
    "Costa",
    "Schneider",
    "Larsen",
    "Diallo",
    "Ndiaye",
    "Toure",
    "Diop",
    "Kone",
    "Osei",
    "Benali",
    "Hassan",
    "Ibrahim",
    "Petrov",
    "Sokolov",
    "Kumar",
    "Sato",
    "Tanaka",
    "Yamamoto",
    "Takahashi",
    "Suzuki",
    "Watanabe",
    "Nakamura",
    "Huang",
    "Chen",
]
# Topic words for invented trials (a trial about X cited with the id of a trial about Y).
_TRIAL_INTERVENTIONS = (
    "metformin",
    "vitamin D supplementation",
    "intranasal oxytocin",
    "low-dose aspirin",
    "mindfulness-based therapy",
    "tranexamic acid",
    "probiotic supplementation",
    "ketamine infusion",
    "acupuncture",
    "high-intensity interval training",
)
_TRIAL_CONDITIONS = (
    "knee osteoarthritis",
    "chronic migraine",
    "postpartum haemorrhage",
    "major depressive disorder",
    "atopic dermatitis",
    "irritable bowel syndrome",
    "Parkinson's disease",
    "sepsis",
    "chronic low back pain",
    "gestational diabetes",
)
_TRIAL_DESIGNS = (
    "a randomised controlled trial",
    "a double-blind placebo-controlled trial",
    "a multicentre randomised trial",
    "a pilot randomised trial",
)


# --- records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One real work: its normalised fields (via veribib's own record normaliser) and origin."""

    key: str  # lower-case DOI
    work: Work
    kind: str  # Crossref type
    source: str  # "crossref" or "seed"
    short_container: str | None

    @property
    def title(self) -> str:
        """The title with markup stripped and its subtitle joined on."""
        title = clean(self.work.fields.title or "")
        sub = clean(self.work.subtitle or "")
        if sub and sub.lower() not in title.lower():
            title = f"{title}: {sub}"
        return title

    @property
    def authors(self) -> tuple[Person, ...]:
        """The recorded authors, names cleaned."""
        return tuple(Person(clean(p.family), clean(p.given)) for p in self.work.fields.authors)

    @property
    def partial_authors(self) -> bool:
        """True when the record's author list is known to be incomplete (seed works)."""
        return self.work.authors_incomplete


@dataclass(frozen=True)
class TrialRecord:
    """One ClinicalTrials.gov study: id, titles, sponsor, start year and its topic text."""

    nct: str
    brief_title: str
    sponsor: str
    year: int | None
    topic: str


def clean(text: str) -> str:
    """Text without markup or HTML entities, with single spaces."""
    return _SPACES.sub(" ", html.unescape(_TAGS.sub("", text))).strip()


def load_records(data_dir: Path | None = None) -> list[Record]:
    """The Crossref works and seed works, normalised, sorted by DOI (one per DOI)."""
    data = data_dir or shared_data_dir()
    out: dict[str, Record] = {}
    sources = (
        ("crossref", read_jsonl(data / "crossref" / "works-2026-06.jsonl")),
        ("seed", read_jsonl(data / "seed-works.jsonl")),
    )
    for source, rows in sources:
        for row in rows:
            doi = str(row.get("DOI") or "").lower()
            if not doi or doi in out:
                continue
            shorts = row.get("short-container-title") or []
            out[doi] = Record(
                key=doi,
                work=work_from_crossref(row),
                kind=str(row.get("type") or ""),
                source=source,
                short_container=_abbreviation(shorts[0]) if shorts else None,
            )
    return [out[k] for k in sorted(out)]


def _abbreviation(short: str) -> str:
    """A journal abbreviation as a writer types it: "Res. number theory" -> "Res. Number Theory"."""
    small = {"of", "and", "the", "in", "for", "on", "de", "e", "la", "der", "und"}
    words = clean(short).split(" ")
    return " ".join(
        w if w.lower() in small and i else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def load_trials(data_dir: Path | None = None) -> list[TrialRecord]:
    """The recorded ClinicalTrials.gov studies, sorted by NCT id."""
    data = data_dir or shared_data_dir()
    out: list[TrialRecord] = []
    for path in sorted((data / "ctgov").glob("*.json")):
        section = json.loads(path.read_text(encoding="utf-8"))["protocolSection"]
        ident = section["identificationModule"]
        status = section.get("statusModule", {})
        start = (status.get("startDateStruct") or {}).get("date") or (
            status.get("studyFirstPostDateStruct") or {}
        ).get("date")
        conditions = section.get("conditionsModule", {})
        arms = section.get("armsInterventionsModule", {})
        topic = " ".join(
            [
                ident.get("briefTitle", ""),
                ident.get("officialTitle", "") or "",
                ident.get("acronym", "") or "",
                *conditions.get("conditions", []),
                *conditions.get("keywords", []),
                *(i.get("name", "") for i in arms.get("interventions", [])),
            ]
        )
        out.append(
            TrialRecord(
                nct=str(ident["nctId"]).upper(),
                brief_title=clean(ident.get("briefTitle", "")),
                sponsor=clean(
                    section.get("sponsorCollaboratorsModule", {})
                    .get("leadSponsor", {})
                    .get("name", "")
                ),
                year=int(start[:4]) if start else None,
                topic=topic,
            )
        )
    return out


def esmo_trial_article(data_dir: Path | None = None) -> tuple[Record, tuple[str, ...]]:
    """The ESMO Open article that carries ``clinical-trial-number``s, and those ids."""
    data = data_dir or shared_data_dir()
    path = data / "crossref" / "habanero__work_10.1136_esmoopen-2020-000776.json"
    message = json.loads(path.read_text(encoding="utf-8"))["message"]
    work = work_from_crossref(message)
    shorts = message.get("short-container-title") or []
    record = Record(
        key=str(message["DOI"]).lower(),
        work=work,
        kind=str(message.get("type")),
        source="crossref",
        short_container=_abbreviation(shorts[0]) if shorts else None,
    )
    return record, work.trial_numbers


def split_of(key: str) -> str:
    """The half a record belongs to: a stable hash of its key (DOI or NCT id)."""
    digest = hashlib.sha256(f"veribib-eval:{key.lower()}".encode()).digest()
    return SPLITS[digest[0] % 2]


# --- what a case cites ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """The fields a citation gives (what a writer typed), before it is rendered in a style."""

    authors: tuple[Person, ...] = ()
    et_al: bool = False
    title: str = ""
    container: str | None = None
    container_short: str | None = None  # the abbreviation Vancouver uses, when known
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    kind: str = "journal-article"  # Crossref type, or "trial"
    publisher: str | None = None
    trial_id: str | None = None
    url: str | None = None  # web pages, standards, arXiv abstracts
    note: str | None = None  # what BibTeX writers put in ``note`` (e.g. "arXiv:2305.01234")


@dataclass(frozen=True)
class Case:
    """One labelled citation: what it cites, how it is written, and what the judge should say."""

    id: str
    type: str
    kind: str  # "correct", "inaccurate", "fabricated": what the citation really is
    expected: str  # the verdict the contract promises
    acceptable: frozenset[str]  # verdicts that count as right (usually just ``expected``)
    style: str
    cited: Cited
    key: str  # the underlying record's key: decides the split
    records: tuple[str, ...]  # every record the case draws on
    fix_field: str | None = None  # for inaccurate cases: the field whose correction is checked
    fix_value: Any = None  # the real record's value of that field
    note: str = ""
    # Records a match or fix may rightly point to; None: the case's own record for a real work,
    # any record it draws on for a fabrication derived from real works. () for invented works.
    own: tuple[str, ...] | None = None

    @property
    def cited_works(self) -> frozenset[str]:
        """Keys (lower-case DOIs) of the works a verdict's match or fix may point to."""
        if self.own is not None:
            return frozenset(k.lower() for k in self.own)
        if self.kind == "fabricated":
            return frozenset(k.lower() for k in self.records)
        return frozenset({self.key.lower()})


def _value(text: str | None) -> str | None:
    """A recorded scalar, or None for the "null" some records carry as text."""
    return None if text is None or text.strip().lower() in ("", "null", "none") else text


def _fields_of(record: Record, *, with_doi: bool, locator: bool = True) -> Cited:
    f = replace(
        record.work.fields,
        volume=_value(record.work.fields.volume),
        issue=_value(record.work.fields.issue),
        pages=_value(record.work.fields.pages),
    )
    return Cited(
        authors=record.authors,
        et_al=record.partial_authors,
        title=record.title,
        container=clean(f.container) if f.container else None,
        container_short=record.short_container,
        year=f.year,
        volume=f.volume if locator else None,
        issue=f.issue if locator else None,
        pages=f.pages if locator else None,
        doi=record.key if with_doi else None,
        kind=record.kind,
        publisher=clean(f.publisher) if f.publisher else None,
    )


# --- vocabulary mined from the records (for invented titles, venues and names) ----------------


@dataclass
class Vocabulary:
    """Phrases, words and names from one half's records, for making up works that fit in."""

    phrases: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    given: list[str] = field(default_factory=list)
    family: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    containers: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, records: Iterable[Record]) -> Vocabulary:
        """Mine English noun-phrase-like chunks, content words and author names."""
        phrases: set[str] = set()
        words: set[str] = set()
        given: set[str] = set()
        family: set[str] = set()
        titles: list[str] = []
        containers: set[str] = set()
        for r in records:
            title = r.title
            if title:
                titles.append(title)
                tokens = re.split(r"[\s,:;()?!.\"—–]+", title)
                if _english(tokens):
                    phrases.update(_chunks(tokens))
                    words.update(
                        t.lower()
                        for t in tokens
                        if _WORD.fullmatch(t) and len(t) >= 5 and t.lower() not in _STOP
                    )
            for p in r.authors:
                if p.given and len(p.given) > 2 and "." not in p.given and " " not in p.given:
                    given.add(p.given)
                if p.given and re.fullmatch(r"[A-Z][a-z]{2,}", p.family):
                    family.add(p.family)
            if r.work.fields.container:
                containers.add(norm(r.work.fields.container))
        return cls(
            sorted(phrases), sorted(words), sorted(given), sorted(family), titles, containers
        )


# Function words of the other languages among the records' titles (Portuguese, Spanish, ...).
_FOREIGN = set(
    [
        "de",
        "da",
        "do",
        "dos",
        "das",
        "e",
        "em",
        "para",
        "com",
        "nos",
        "na",
        "no",
        "os",
        "um",
        "uma",
        "la",
        "el",
        "los",
        "las",
        "del",
        "et",
        "des",
        "les",
        "du",
        "und",
        "der",
        "die",
        "das",
        "por",
        "sobre",
        "entre",
    ]
)


_ENGLISH = set(["of", "the", "and", "in", "for", "on", "with", "to", "a", "an", "from", "by"])


def _english(tokens: Sequence[str]) -> bool:
    """True when a title reads as English: English function words, none of other languages'."""
    lower = {t.lower() for t in tokens}
    return bool(lower & _ENGLISH) and not lower & _FOREIGN


def is_english(title: str) -> bool:
    """True when a title reads as English (see ``_english``)."""
    return _english(re.split(r"[\s,:;()?!.\"]+", title))


def _chunks(tokens: Sequence[str]) -> set[str]:
    """Whole runs of 1-3 content words between function words: mostly noun phrases."""
    out: set[str] = set()
    run: list[str] = []
    for token in [*tokens, ""]:
        word = token.lower()
        if _WORD.fullmatch(token) and word not in _STOP and len(word) >= 3:
            run.append(word)
            continue
        inner_ok = not any(w.endswith(("ly", "ed", "ing")) for w in run[:-1])
        last_ok = bool(run) and not run[-1].endswith(("ly", "ed"))
        if 1 <= len(run) <= 3 and inner_ok and last_ok and (len(run) > 1 or len(run[0]) >= 6):
            out.add(" ".join(run))
        run = []
    return out


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def norm(text: str) -> str:
    """Lower-case letters and digits only, accents removed: for comparing names and titles."""
    folded = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]+", " ", folded.encode("ascii", "ignore").decode().lower()).strip()


def _similar(a: str, b: str) -> float:
    """Share of the shorter text's words found in the other (0..1)."""
    wa, wb = set(norm(a).split()), set(norm(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


class Maker:
    """Makes up titles, venues, names, DOIs and trial ids that exist in no record."""

    def __init__(self, rng: random.Random, vocab: Vocabulary, known_dois: set[str]) -> None:
        self.rng = rng
        self.vocab = vocab
        self.known_dois = known_dois

    def title(self) -> str:
        """An invented title in the records' vocabulary, sharing little with any real one."""
        for _ in range(50):
            template = self.rng.choice(_TITLE_TEMPLATES)
            picks = self.rng.sample(self.vocab.phrases, 3)
            text = template.format(A=picks[0], B=picks[1], C=picks[2], D=self.rng.choice(_DESIGNS))
            text = text[0].upper() + text[1:]
            if all(_similar(text, t) < 0.6 for t in self.vocab.titles):
                return text
        raise RuntimeError("could not invent a title unlike the real ones")

    def venue(self) -> str:
        """An invented journal name no record carries."""
        for _ in range(50):
            template = self.rng.choice(_VENUE_TEMPLATES)
            a, b = self.rng.sample(self.vocab.phrases, 2)
            text = template.format(A=a.title(), B=b.title())
            if norm(text) not in self.vocab.containers:
                return text
        raise RuntimeError("could not invent a venue")

    def people(self, n: int | None = None, avoid: Iterable[Person] = ()) -> tuple[Person, ...]:
        """Invented authors: real given and family names of different people, none of ``avoid``."""
        count = n or self.rng.randint(2, 5)
        taken = {norm(p.family) for p in avoid}
        family = self.rng.sample([f for f in self.vocab.family if norm(f) not in taken], count)
        return tuple(Person(f, self.rng.choice(self.vocab.given)) for f in family)

    def generic_people(self, avoid: Iterable[Person] = ()) -> tuple[Person, ...]:
        """HALLMARK-style made-up names ("Sara Lopez and Abdou Diop and Yuki Sato")."""
        count = self.rng.randint(2, 4)
        taken = {norm(p.family) for p in avoid}
        family = self.rng.sample([f for f in _GENERIC_FAMILY if norm(f) not in taken], count)
        return tuple(Person(f, self.rng.choice(_GENERIC_GIVEN)) for f in family)

    def doi_like(self, real: str) -> str:
        """A well-formed DOI in the pattern of ``real`` that no registry holds."""
        prefix, suffix = real.split("/", 1)
        for _ in range(100):
            chars = [
                str(self.rng.randrange(10)) if ch.isdigit() and self.rng.random() < 0.7 else ch
                for ch in suffix
            ]
            candidate = f"{prefix}/{''.join(chars)}"
            if candidate != real and candidate not in self.known_dois:
                return candidate
        raise RuntimeError(f"could not make a DOI like {real}")

    def nct(self, taken: set[str]) -> str:
        """An NCT id (NCT + 8 digits) that no recorded study or article carries."""
        while True:
            candidate = f"NCT0{self.rng.randrange(10**7):07d}"
            if candidate not in taken:
                return candidate

    def trial_title(self, avoid: str) -> str:
        """An invented trial title sharing no topic word with ``avoid``."""
        avoid_stems = {w[:5] for w in norm(avoid).split() if len(w) >= 4}
        for _ in range(100):
            title = (
                f"{_upper_first(self.rng.choice(_TRIAL_INTERVENTIONS))} for "
                f"{self.rng.choice(_TRIAL_CONDITIONS)}: {self.rng.choice(_TRIAL_DESIGNS)}"
            )
            topic = {w[:5] for w in norm(title).split() if len(w) >= 4} - {
                "rando",
                "contr",
                "trial",
                "doubl",
                "blind",
                "place",
                "multi",
                "pilot",
            }
            if not topic & avoid_stems:
                return title
        raise RuntimeError("could not invent an unrelated trial title")


# --- single edits -----------------------------------------------------------------------------


def typo(word: str, rng: random.Random) -> str:
    """One realistic typing slip inside a word: swap, drop, double or replace one letter."""
    spots = [k for k in range(1, len(word) - 1) if word[k].isalpha() and word[k + 1].isalpha()]
    for _ in range(20):
        if not spots:
            break
        i = rng.choice(spots)
        how = rng.choice(("swap", "drop", "double", "replace"))
        if how == "swap" and word[i] != word[i + 1]:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif how == "drop":
            out = word[:i] + word[i + 1 :]
        elif how == "double":
            out = word[: i + 1] + word[i] + word[i + 1 :]
        else:
            letters = "aeiou" if word[i].lower() in "aeiou" else "bcdfghklmnprstvz"
            new = rng.choice([c for c in letters if c != word[i].lower()])
            out = word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1 :]
        if out != word:
            return out
    return word[:-1]


def shift_pages(pages: str, rng: random.Random) -> str | None:
    """The pages of a nearby article: "255-264" -> "271-280"; None for e-locators."""
    m = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", pages)
    delta = rng.choice((-1, 1)) * rng.randint(3, 40)
    if m:
        first, last = int(m.group(1)), int(m.group(2))
        if first + delta < 1:
            delta = -delta
        return f"{first + delta}-{last + delta}"
    if re.fullmatch(r"\d+", pages):
        value = int(pages) + delta
        return str(value if value > 0 else int(pages) - delta)
    return None


def change_doi_char(doi: str, rng: random.Random, known: set[str]) -> str | None:
    """The DOI with one character of its suffix changed, into one no registry holds."""
    prefix, suffix = doi.split("/", 1)
    spots = [i for i, ch in enumerate(suffix) if ch.isalnum()]
    for _ in range(30):
        i = rng.choice(spots)
        ch = suffix[i]
        pool = "0123456789" if ch.isdigit() else "abcdefghijklmnopqrstuvwxyz"
        new = rng.choice([c for c in pool if c != ch.lower()])
        candidate = f"{prefix}/{suffix[:i]}{new}{suffix[i + 1 :]}"
        if candidate not in known:
            return candidate
    return None


def near_miss(title: str, rng: random.Random, vocab: Vocabulary) -> str | None:
    """The title with one or two key words replaced by words of other meaning (not a typo).

    A replacement keeps the word's ending (plural, -tion, -ing ...) so the title still reads
    as a title; antonyms are used where one is known ("increase" -> "decrease").
    """
    tokens = title.split(" ")
    if not is_english(title):
        return None
    spots = [
        i
        for i, t in enumerate(tokens)
        if _WORD.fullmatch(t.strip(",:;."))
        and len(t.strip(",:;.")) >= 5
        and t.strip(",:;.").lower() not in _STOP
    ]
    if len(tokens) < 6 or not spots:
        return None
    how_many = 1 if len(tokens) <= 9 else 2
    for i in rng.sample(spots, min(how_many, len(spots))):
        token = tokens[i]
        core = token.strip(",:;.")
        lower = core.lower()
        new = _ANTONYMS.get(lower)
        if new is None:
            options: list[str] = []
            for ending in (lower[-3:], lower[-2:]):
                options = [w for w in vocab.words if w.endswith(ending) and w[:4] != lower[:4]]
                if options:
                    break
            if not options:
                return None
            new = rng.choice(options)
        if core[0].isupper():
            new = new[0].upper() + new[1:]
        tokens[i] = token.replace(core, new)
    out = " ".join(tokens)
    return out if out != title else None


_JOINS = {"of", "in", "for", "on", "with", "from", "under", "during", "and", "across", "after"}


def halves(a: str, b: str) -> str | None:
    """Title ``a`` up to a joining word near its middle, then ``b`` after such a word."""
    if not (is_english(a) and is_english(b)):
        return None
    wa, wb = a.split(" "), b.split(" ")
    cuts_a = [i for i, w in enumerate(wa) if w.lower() in _JOINS and 2 <= i <= len(wa) - 2]
    cuts_b = [j for j, w in enumerate(wb) if w.lower() in _JOINS and 1 <= j <= len(wb) - 3]
    if not cuts_a or not cuts_b:
        return None
    i = min(cuts_a, key=lambda k: abs(k - len(wa) / 2))
    j = min(cuts_b, key=lambda k: abs(k - len(wb) / 2))
    joined = " ".join([*wa[: i + 1], *wb[j + 1 :]])
    return joined if _similar(joined, a) < 0.8 and _similar(joined, b) < 0.8 else None


# --- building the cases -------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many cases of each kind to build per half."""

    correct_per_style: int = 40  # half with DOI, half without, per style
    inaccurate_per_type: int = 30
    fabricated_per_type: int = 26
    trial_cases: int = 12


class Builder:
    """Builds one half's cases from that half's records, deterministically from a seed."""

    def __init__(
        self,
        split: str,
        records: Sequence[Record],
        trials: Sequence[TrialRecord],
        esmo: tuple[Record, tuple[str, ...]] | None,
        seed: int,
        all_dois: set[str],
        today_year: int,
    ) -> None:
        self.split = split
        self.today_year = today_year
        self.all_trial_ids = {t.nct for t in trials} | set(esmo[1] if esmo else ())
        self.rng = random.Random(f"{seed}:{split}")
        self.records = [r for r in records if split_of(r.key) == split]
        self.trials = [t for t in trials if split_of(t.nct) == split]
        self.esmo = esmo if esmo is not None and split_of(esmo[0].key) == split else None
        self.vocab = Vocabulary.of(self.records)
        self.maker = Maker(self.rng, self.vocab, all_dois)
        self.all_dois = all_dois
        self.cases: list[Case] = []
        self.citable = [
            r
            for r in self.records
            if r.kind in _CITABLE_TYPES and r.title and r.authors and r.work.fields.year
        ]
        self.articles = [
            r for r in self.citable if r.kind in _ARTICLE_TYPES and r.work.fields.container
        ]
        self.located = [
            r
            for r in self.articles
            if _value(r.work.fields.volume)
            and _value(r.work.fields.pages)
            and r.source == "crossref"
        ]

    # --- helpers ------------------------------------------------------------------------------

    def _style(self) -> str:
        return self.rng.choice(STYLES)

    def _add(
        self,
        type_: str,
        kind: str,
        expected: str,
        cited: Cited,
        key: str,
        records: Sequence[str],
        *,
        style: str | None = None,
        fix: tuple[str, Any] | None = None,
        acceptable: Iterable[str] = (),
        note: str = "",
        own: Iterable[str] | None = None,
    ) -> None:
        style = style or self._style()
        if cited.kind == "trial" and style == "bibtex":
            style = "vancouver"
        self.cases.append(
            Case(
                id=f"{self.split}-{len(self.cases) + 1:04d}",
                type=type_,
                kind=kind,
                expected=expected,
                acceptable=frozenset({expected, *acceptable}),
                style=style,
                cited=cited,
                key=key,
                records=tuple(records),
                fix_field=fix[0] if fix else None,
                fix_value=fix[1] if fix else None,
                note=note,
                own=tuple(own) if own is not None else None,
            )
        )

    def _sample(self, pool: Sequence[Record], n: int) -> list[Record]:
        """``n`` records, without repeats while the pool lasts."""
        if not pool:
            return []
        out: list[Record] = []
        while len(out) < n:
            out.extend(self.rng.sample(list(pool), min(len(pool), n - len(out))))
        return out

    def _other(
        self,
        pool: Sequence[Record],
        not_like: Record,
        *,
        journal_not: str | None = None,
        authors_not: Iterable[Person] = (),
        complete_authors: bool = False,
        title_words: int = 0,
    ) -> Record | None:
        """Another record of the pool: in another journal, by none of these authors, ..."""
        families = {norm(p.family) for p in authors_not}
        journal = norm(journal_not) if journal_not is not None else None
        options = [
            r
            for r in pool
            if r.key != not_like.key
            and (journal is None or norm(r.work.fields.container or "") != journal)
            and not families & {norm(p.family) for p in r.authors}
            and not (complete_authors and r.partial_authors)
            and len(r.title.split()) >= title_words
        ]
        return self.rng.choice(options) if options else None

    def _located_here(self, container: str, volume: str | None, pages: str | None) -> bool:
        """True when a record of this half sits at this journal/volume/first page."""
        if not pages:
            return False
        first = re.split(r"[-–,]", pages)[0].strip()
        for r in self.records:
            f = r.work.fields
            if (
                f.container
                and norm(f.container) == norm(container)
                and f.volume == volume
                and f.pages
                and re.split(r"[-–,]", f.pages)[0].strip() == first
            ):
                return True
        return False

    # --- kinds -------------------------------------------------------------------------------

    def build(self, counts: Counts) -> list[Case]:
        """Every case of this half."""
        self.correct(counts)
        self.inaccurate(counts)
        self.fabricated(counts)
        self.trial_cases(counts)
        return self.cases

    def correct(self, counts: Counts) -> None:
        """Correct citations in every style, with and without the DOI."""
        for style in STYLES:
            for i, r in enumerate(self._sample(self.citable, counts.correct_per_style)):
                self._add(
                    "correct",
                    "correct",
                    "verified",
                    _fields_of(r, with_doi=i % 2 == 0),
                    r.key,
                    [r.key],
                    style=style,
                )

    def inaccurate(self, counts: Counts) -> None:
        """Real works with one realistic error each; the fix is the real record's value."""
        n = counts.inaccurate_per_type
        rng = self.rng
        full = [r for r in self.articles if not r.partial_authors]

        def doi_half(i: int) -> bool:
            return i % 2 == 0

        # Year one off, but not a year any of the record's dates carries.
        pool = [r for r in self.articles if r.work.fields.year]
        made = 0
        for r in self._sample(pool, n * 2):
            if made == n:
                break
            year = r.work.fields.year
            assert year is not None
            years = set(r.work.years) | {year}
            options = [y for y in (year - 1, year + 1) if y not in years and y <= self.today_year]
            if not options:
                continue
            cited = replace(_fields_of(r, with_doi=doi_half(made)), year=rng.choice(options))
            self._add(
                "year_off", "inaccurate", "inaccurate", cited, r.key, [r.key], fix=("year", year)
            )
            made += 1

        made = 0
        for r in self._sample(self.located, n * 2):
            if made == n:
                break
            pages = r.work.fields.pages or ""
            wrong = shift_pages(pages, rng)
            if wrong is None:
                continue
            cited = replace(_fields_of(r, with_doi=doi_half(made)), pages=wrong)
            self._add(
                "wrong_pages",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("pages", pages),
            )
            made += 1

        pool = [r for r in self.located if (r.work.fields.volume or "").isdigit()]
        for i, r in enumerate(self._sample(pool, n)):
            volume = int(r.work.fields.volume or "0")
            shift = rng.choice([d for d in (-2, -1, 1, 2) if volume + d > 0])
            cited = replace(_fields_of(r, with_doi=doi_half(i)), volume=str(volume + shift))
            self._add(
                "wrong_volume",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("volume", r.work.fields.volume),
            )

        pool = [r for r in self.articles if any(len(p.family) >= 5 for p in r.authors[:3])]
        for i, r in enumerate(self._sample(pool, n)):
            style = self._style()
            shown = min(len(r.authors), _shown(style, len(r.authors)))
            spots = [j for j, p in enumerate(r.authors[:shown]) if len(p.family) >= 5]
            if not spots:
                spots = [0]
            j = rng.choice(spots)
            people = list(r.authors)
            people[j] = Person(typo(people[j].family, rng), people[j].given)
            cited = replace(_fields_of(r, with_doi=doi_half(i)), authors=tuple(people))
            self._add(
                "misspelt_author",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                style=style,
                fix=("author", (j, r.authors[j].family)),
            )

        pool = [r for r in self.articles if len(r.title.split()) >= 5]
        for i, r in enumerate(self._sample(pool, n)):
            words = r.title.split(" ")
            spots = [k for k, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
            if not spots:
                continue
            k = rng.choice(spots)
            words[k] = typo(words[k], rng)
            cited = replace(_fields_of(r, with_doi=doi_half(i)), title=" ".join(words))
            self._add(
                "title_typo",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("title", r.title),
            )

        pool = [r for r in full if 3 <= len(r.authors) <= 6]
        for i, r in enumerate(self._sample(pool, n)):
            keep = max(1, len(r.authors) // 2)
            cited = replace(
                _fields_of(r, with_doi=doi_half(i)), authors=r.authors[:keep], et_al=False
            )
            self._add(
                "truncated_authors",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("authors", tuple(p.family for p in r.authors)),
                note="HALLMARK partial_author_list",
            )

        made = 0
        for r in self._sample(self.articles, n * 2):
            if made == n:
                break
            wrong = change_doi_char(r.key, rng, self.all_dois)
            if wrong is None:
                continue
            cited = replace(_fields_of(r, with_doi=True), doi=wrong)
            self._add(
                "broken_doi_char",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("doi", r.key),
            )
            made += 1

        pool = [r for r in self.articles if sum(ch.isdigit() for ch in r.key.split("/", 1)[1]) >= 3]
        for r in self._sample(pool, n):
            wrong = self.maker.doi_like(r.key)
            cited = replace(_fields_of(r, with_doi=True), doi=wrong)
            self._add(
                "wrong_suffix_doi",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("doi", r.key),
            )

        for r in self._sample(self.articles, n):
            other = self._other(self.citable, r)
            if other is None:
                continue
            cited = replace(_fields_of(r, with_doi=True), doi=other.key)
            self._add(
                "doi_of_other_work",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key, other.key],
                fix=("doi", r.key),
            )

        for i, r in enumerate(self._sample(self.articles, n)):
            container = r.work.fields.container or ""
            other = self._other(self.articles, r, journal_not=container)
            if other is None:
                continue
            cited = replace(
                _fields_of(r, with_doi=False, locator=i % 2 == 0),
                container=clean(other.work.fields.container or ""),
                container_short=other.short_container,
            )
            self._add(
                "wrong_venue",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key, other.key],
                fix=("container", clean(container)),
                note="HALLMARK wrong_venue; the work exists, so inaccurate by contract",
            )

        for i, r in enumerate(self._sample(self.articles, n)):
            venue = self.maker.venue()
            cited = replace(
                _fields_of(r, with_doi=False, locator=i % 2 == 0),
                container=venue,
                container_short=None,
            )
            self._add(
                "invented_venue",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("container", clean(r.work.fields.container or "")),
                note="HALLMARK nonexistent_venue; the work exists, so inaccurate by contract",
            )

    def fabricated(self, counts: Counts) -> None:
        """Every HALLMARK fabrication type built on this half's real records."""
        n = counts.fabricated_per_type
        rng = self.rng
        covered = [r for r in self.articles if r.source == "crossref"]

        def invented_in(venue: Record, *, locator: bool) -> Cited:
            f = venue.work.fields
            year = (f.year or 2020) + rng.choice((-1, 0, 0, 1))
            volume = pages = None
            if locator and f.volume and f.volume.isdigit():
                for _ in range(10):
                    volume = str(max(1, int(f.volume) + rng.randint(-1, 1)))
                    first = rng.randint(1, 900)
                    pages = f"{first}-{first + rng.randint(5, 15)}"
                    if not self._located_here(f.container or "", volume, pages):
                        break
            return Cited(
                authors=self.maker.people(avoid=venue.authors),
                title=self.maker.title(),
                container=clean(f.container or ""),
                container_short=venue.short_container,
                year=year,
                volume=volume,
                pages=pages,
            )

        for r in self._sample(covered, n):
            cited = replace(
                invented_in(r, locator=rng.random() < 0.5), doi=self.maker.doi_like(r.key)
            )
            self._add("fabricated_doi", "fabricated", "fabricated", cited, r.key, [r.key], own=())

        for r in self._sample(self.citable, n):
            cited = replace(
                _fields_of(r, with_doi=True, locator=False),
                title=self.maker.title(),
                authors=self.maker.people(avoid=r.authors),
                et_al=False,
            )
            self._add(
                "hybrid_real_doi",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key],
                own=(),
                note="HALLMARK hybrid_fabrication: real DOI, invented title and authors",
            )

        made = 0
        for r in self._sample(self.articles, n * 2):
            if made == n:
                break
            title = near_miss(r.title, rng, self.vocab)
            if title is None:
                continue
            cited = replace(_fields_of(r, with_doi=False, locator=False), title=title)
            self._add(
                "near_miss_title",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key],
                note="key words replaced: a different claim under real authors and venue",
            )
            made += 1

        for r in self._sample(self.articles, n):
            other = self._other(self.citable, r, authors_not=r.authors, complete_authors=True)
            if other is None:
                continue
            cited = replace(
                _fields_of(r, with_doi=False, locator=False), authors=other.authors, et_al=False
            )
            self._add(
                "swapped_authors", "fabricated", "fabricated", cited, r.key, [r.key, other.key]
            )

        for i, r in enumerate(self._sample(self.articles, n)):
            cited = replace(
                _fields_of(r, with_doi=i % 3 == 0, locator=i % 2 == 0),
                authors=rng.choice(_PLACEHOLDERS),
                et_al=False,
            )
            self._add("placeholder_template", "fabricated", "fabricated", cited, r.key, [r.key])

        for r in self._sample(self.articles, n):
            cited = replace(
                _fields_of(r, with_doi=False, locator=False),
                authors=self.maker.generic_people(avoid=r.authors),
                et_al=False,
            )
            self._add(
                "placeholder_generic",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key],
                note="HALLMARK placeholder_authors: generic made-up names on a real title",
            )

        # A real work cited with a year in the future: the record outranks the suspicion, so
        # this is a year typo to fix (issue #11), not a fabrication.
        for i, r in enumerate(self._sample(self.articles, n)):
            cited = replace(
                _fields_of(r, with_doi=i % 2 == 0, locator=i % 3 == 0),
                year=self.today_year + rng.randint(1, 8),
            )
            self._add(
                "future_date",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                fix=("year", r.work.fields.year),
            )

        made = 0
        for r in self._sample(self.articles, n * 2):
            if made == n:
                break
            other = self._other(self.citable, r, title_words=4)
            title = halves(r.title, other.title) if other is not None else None
            if title is None or other is None:
                continue
            cited = replace(_fields_of(r, with_doi=False, locator=False), title=title)
            self._add(
                "chimeric_title",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key, other.key],
                note="first half of one real title, second of another",
            )
            made += 1

        for r in self._sample(self.citable, n):
            a = self._other(self.citable, r, authors_not=r.authors, complete_authors=True)
            c = self._other(self.articles, r, journal_not=r.work.fields.container or "")
            if a is None or c is None:
                continue
            cited = Cited(
                authors=a.authors,
                title=r.title,
                container=clean(c.work.fields.container or ""),
                container_short=c.short_container,
                year=r.work.fields.year,
            )
            self._add(
                "merged_citation",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key, a.key, c.key],
                note="authors of one, title of another, venue of a third",
            )

        for r in self._sample(self.located, n):
            f = r.work.fields
            cited = Cited(
                authors=self.maker.people(avoid=r.authors),
                title=self.maker.title(),
                container=clean(f.container or ""),
                container_short=r.short_container,
                year=f.year,
                volume=f.volume,
                issue=f.issue,
                pages=f.pages,
            )
            self._add(
                "real_locator",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key],
                own=(),
                note="a real journal/volume/page holding another work",
            )

        for r in self._sample(covered, n):
            cited = invented_in(r, locator=rng.random() < 0.5)
            self._add(
                "plausible_fabrication",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key],
                own=(),
                note="invented work in a real journal Crossref covers",
            )

        for r in self._sample(covered, max(6, n // 2)):
            cited = replace(
                invented_in(r, locator=False), container=self.maker.venue(), container_short=None
            )
            self._add(
                "invented_work_unknown_venue",
                "fabricated",
                "unresolved",
                cited,
                r.key,
                [r.key],
                acceptable={"fabricated"},
                own=(),
                note="no positive evidence is possible: the contract promises unresolved",
            )

    def trial_cases(self, counts: Counts) -> None:
        """Trial registrations cited rightly, with invented ids, and with unrelated ids."""
        taken = set(self.all_trial_ids)
        for t in self.trials:
            cited = Cited(
                authors=(Person(t.sponsor),) if t.sponsor else (),
                title=t.brief_title,
                year=t.year,
                kind="trial",
                trial_id=t.nct,
            )
            self._add("correct_trial", "correct", "verified", cited, t.nct, [t.nct])
        for _ in range(counts.trial_cases):
            nct = self.maker.nct(taken)
            while split_of(nct) != self.split:  # an invented id belongs to its own half too
                nct = self.maker.nct(taken)
            cited = Cited(
                authors=self.maker.people(1) if self.rng.random() < 0.5 else (),
                title=self.maker.trial_title(""),
                year=self.rng.randint(2012, 2024),
                kind="trial",
                trial_id=nct,
            )
            self._add("trial_invented_id", "fabricated", "fabricated", cited, nct, [nct], own=())
        for i in range(counts.trial_cases if self.trials else 0):
            t = self.trials[i % len(self.trials)]
            cited = Cited(
                authors=self.maker.people(1) if self.rng.random() < 0.5 else (),
                title=self.maker.trial_title(t.topic),
                year=self.rng.randint(2012, 2024),
                kind="trial",
                trial_id=t.nct,
            )
            self._add(
                "trial_unrelated",
                "fabricated",
                "fabricated",
                cited,
                t.nct,
                [t.nct],
                own=(),
                note=f"real id {t.nct} ('{t.brief_title[:40]}') cited for another study",
            )
        if self.esmo is not None:
            record, own = self.esmo
            for nct in (t.nct for t in self.trials):
                cited = replace(_fields_of(record, with_doi=False), trial_id=nct)
                self._add(
                    "wrong_trial_id",
                    "inaccurate",
                    "inaccurate",
                    cited,
                    record.key,
                    [record.key, nct],
                    note=f"real article (trial ids {', '.join(own)}) cited with {nct}",
                )


def _shown(style: str, n: int) -> int:
    """How many authors a style writes out before "et al." for a list of ``n``."""
    if style == "vancouver":
        return n if n <= 6 else 6
    if style == "harvard":
        return n if n <= 3 else 1
    if style == "numbered":
        return n if n <= 6 else 1
    if style == "apa":
        return n if n <= 20 else 19
    return n


def shown_authors(style: str, n: int) -> int:
    """Public form of ``_shown``: authors written out in ``style`` before "et al."."""
    return _shown(style, n)


def build_cases(
    split: str = "report",
    seed: int = 20260601,
    counts: Counts | None = None,
    data_dir: Path | None = None,
    today_year: int = 2026,
    known_dois: Iterable[str] = (),
) -> list[Case]:
    """The labelled cases of one half ("tune" or "report"), or of both ("all").

    ``known_dois``: DOIs a world beyond the recordings holds; invented DOIs avoid them too.
    """
    records = load_records(data_dir)
    trials = load_trials(data_dir)
    esmo = esmo_trial_article(data_dir)
    all_dois = {r.key for r in records} | {esmo[0].key} | {d.lower() for d in known_dois}
    data = data_dir or shared_data_dir()
    for path in (data / "crossref").glob("*__datacite_dois_*.json"):
        all_dois.add(str(json.loads(path.read_text(encoding="utf-8"))["data"]["id"]).lower())
    splits = SPLITS if split == "all" else (split,)
    out: list[Case] = []
    for name in splits:
        out += Builder(name, records, trials, esmo, seed, all_dois, today_year).build(
            counts or Counts()
        )
    return out


# --- rendering: how a writer types the citation ------------------------------------------------


def initials(given: str, *, dots: bool = True, spaced: bool = True) -> str:
    """Initials of given names: "Carl J." -> "C. J." (APA), "CJ" (Vancouver)."""
    out: list[str] = []
    for part in given.replace(".", " ").split():
        pieces = [p for p in part.split("-") if p]
        letters = [p[0].upper() + ("." if dots else "") for p in pieces]
        out.append("-".join(letters) if dots else "".join(letters))
    return (" " if spaced else "").join(out)


def _person(p: Person, style: str) -> str:
    if not p.given:
        return p.family
    if style == "apa":
        return f"{p.family}, {initials(p.given)}"
    if style == "harvard":
        return f"{p.family}, {initials(p.given, spaced=False)}"
    if style == "vancouver":
        return f"{p.family} {initials(p.given, dots=False, spaced=False)}"
    if style == "numbered":
        return f"{initials(p.given)} {p.family}"
    return f"{p.family}, {p.given}"  # bibtex


def render_authors(cited: Cited, style: str) -> str:
    """The author list as the style writes it, with "et al." where the style truncates."""
    people = list(cited.authors)
    if not people:
        return ""
    n = len(people)
    shown = _shown(style, n)
    et_al = cited.et_al or shown < n
    names = [_person(p, style) for p in people]
    if style == "apa":
        if n > 20 and not cited.et_al:
            return ", ".join(names[:19]) + ", . . . " + names[-1]
        if et_al:
            return ", ".join(names[:shown]) + ", et al."
        return names[0] if n == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    if style == "vancouver":
        return ", ".join(names[:shown]) + (", et al." if et_al else "")
    if style == "harvard":
        if et_al:
            return ", ".join(names[:shown]) + " et al."
        return names[0] if n == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if style == "numbered":
        if et_al:
            return ", ".join(names[:shown]) + " et al."
        if n == 1:
            return names[0]
        return (
            f"{names[0]} and {names[1]}" if n == 2 else ", ".join(names[:-1]) + ", and " + names[-1]
        )
    return " and ".join(names) + (" and others" if et_al else "")


def _dash(pages: str) -> str:
    return re.sub(r"\s*[-–]\s*", "–", pages)


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _venue_parts(c: Cited, style: str) -> str:
    """Journal, volume, issue, pages in the style's punctuation (journal articles)."""
    journal = c.container or ""
    if style == "vancouver":
        journal = (c.container_short or journal).replace(".", "")
        where = f"{journal}. {c.year or ''}"
        if c.volume:
            where += f";{c.volume}" + (f"({c.issue})" if c.issue else "")
        if c.pages:
            where += f":{short_pages(c.pages)}"
        return where + "."
    if style == "apa":
        where = journal
        if c.volume:
            where += f", {c.volume}" + (f"({c.issue})" if c.issue else "")
        if c.pages:
            where += f", {_dash(c.pages)}"
        return where + "."
    if style == "harvard":
        where = journal
        if c.volume:
            where += f", {c.volume}" + (f"({c.issue})" if c.issue else "")
        if c.pages:
            where += (
                f", pp. {_dash(c.pages)}"
                if re.search(r"\d+\s*[-–]", c.pages)
                else (f", p. {c.pages}")
            )
        return where + "."
    # numbered (IEEE)
    where = journal
    if c.volume:
        where += f", vol. {c.volume}"
    if c.issue:
        where += f", no. {c.issue}"
    if c.pages:
        where += (
            f", pp. {_dash(c.pages)}"
            if re.search(r"\d+\s*[-–]", c.pages)
            else (f", Art. no. {c.pages}")
        )
    return where + f", {c.year}" if c.year else where


def render_text(case: Case) -> str:
    """The citation as one reference-list entry in the case's (non-BibTeX) style."""
    c, style = case.cited, case.style
    authors = render_authors(c, style)
    if c.kind == "trial":
        return _render_trial(c, style, authors)
    text = _render_work(c, style, authors)
    if c.note:
        text = f"{_end(text)} {_end(c.note)}"
    if c.url:
        text = _end(text) + {
            "apa": f" {c.url}",
            "vancouver": f" Available from: {c.url}",
            "harvard": f" Available at: {c.url}",
        }.get(style, f" [Online]. Available: {c.url}")
    if c.trial_id:
        # An article cited with its trial registration, as journals ask authors to write it.
        text = f"{_end(text)} ClinicalTrials.gov: {c.trial_id}."
    return text


def _render_work(c: Cited, style: str, authors: str) -> str:
    """A work (not a trial registration) in the style, without any trial id."""
    chapter = c.kind == "book-chapter"
    journal_like = c.kind in _ARTICLE_TYPES or (c.kind not in _CITABLE_TYPES and c.container)
    if style == "apa":
        head = f"{authors} ({c.year}). " if authors else f"{c.title}. ({c.year}). "
        body = _end(c.title) + " " if authors else ""
        if journal_like and c.container:
            body += _venue_parts(c, style)
        elif chapter and c.container:
            pages = f" (pp. {_dash(c.pages)})" if c.pages else ""
            body += f"In {c.container}{pages}." + (f" {c.publisher}." if c.publisher else "")
        elif c.publisher:
            body += f"{c.publisher}."
        doi = f" https://doi.org/{c.doi}" if c.doi else ""
        return (head + body).strip() + doi
    if style == "vancouver":
        head = _end(authors) + " " if authors else ""
        text = head + _end(c.title) + " "
        if journal_like and c.container:
            text += _venue_parts(c, style)
        elif chapter and c.container:
            text += f"In: {c.container}. " + (f"{c.publisher}; " if c.publisher else "")
            text += f"{c.year}." + (f" p. {short_pages(c.pages)}." if c.pages else "")
        else:
            text += (f"{c.publisher}; " if c.publisher else "") + f"{c.year}."
        return text + (f" doi:{c.doi}" if c.doi else "")
    if style == "harvard":
        head = f"{authors} ({c.year}) " if authors else f"{c.title} ({c.year}) "
        text = head + (f"'{c.title}', " if authors else "")
        if journal_like and c.container:
            text += _venue_parts(c, style)
        elif chapter and c.container:
            text += f"in {c.container}." + (f" {c.publisher}" if c.publisher else "")
            text += f", pp. {_dash(c.pages)}." if c.pages else "."
        else:
            text += f"{c.publisher}." if c.publisher else ""
        text = text.rstrip(", ")
        return text + (f" doi:{c.doi}." if c.doi else "")
    # numbered (IEEE)
    text = (f"{authors}, " if authors else "") + f"\u201c{c.title},\u201d "
    if journal_like and c.container:
        text += _venue_parts(c, style)
    elif chapter and c.container:
        text += f"in {c.container}" + (f", {c.publisher}" if c.publisher else "")
        text += f", {c.year}" + (f", pp. {_dash(c.pages)}" if c.pages else "")
    else:
        text += (f"{c.publisher}, " if c.publisher else "") + f"{c.year}"
    return text + (f", doi: {c.doi}." if c.doi else ".")


def _render_trial(c: Cited, style: str, authors: str) -> str:
    nct = c.trial_id or ""
    if style == "apa":
        who = f"{authors} ({c.year}). " if authors else ""
        return (
            f"{who}{c.title} (ClinicalTrials.gov Identifier {nct}). "
            f"https://clinicaltrials.gov/study/{nct}"
        )
    if style == "harvard":
        who = f"{authors} ({c.year}) " if authors else ""
        return f"{who}{_end(c.title)} ClinicalTrials.gov identifier: {nct}."
    if style == "numbered":
        who = f"{authors}, " if authors else ""
        year = f", {c.year}" if c.year else ""
        return f"{who}\u201c{c.title},\u201d ClinicalTrials.gov, {nct}{year}."
    who = f"{_end(authors)} " if authors else ""
    year = f" {c.year}." if c.year else ""
    return f"{who}{_end(c.title)} ClinicalTrials.gov identifier: {nct}.{year}"


_BIB_SPECIAL = re.compile(r"([&%#_$])")


def _bib(value: str) -> str:
    return _BIB_SPECIAL.sub(r"\\\1", value)


def render_bibtex(case: Case) -> str:
    """The citation as a BibTeX entry keyed by the case id."""
    c = case.cited
    kind = {
        "journal-article": "article",
        "proceedings-article": "inproceedings",
        "book-chapter": "incollection",
        "report": "techreport",
        "dissertation": "phdthesis",
        "book": "book",
    }.get(c.kind, "misc")
    if c.kind not in _CITABLE_TYPES and c.container:
        kind = "article"
    venue_key = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}
    fields: list[tuple[str, str]] = []
    if c.authors:
        fields.append(("author", render_authors(c, "bibtex")))
    fields.append(("title", _bib(c.title)))
    if c.container and kind in venue_key:
        fields.append((venue_key[kind], _bib(c.container)))
    if c.publisher and kind in ("incollection", "misc", "book"):
        fields.append(("publisher", _bib(c.publisher)))
    if c.publisher and kind == "techreport":
        fields.append(("institution", _bib(c.publisher)))
    if c.year:
        fields.append(("year", str(c.year)))
    for name, value in (("volume", c.volume), ("number", c.issue)):
        if value:
            fields.append((name, _bib(value)))
    if c.pages:
        fields.append(("pages", re.sub(r"\s*[-–]\s*", "--", c.pages)))
    if c.doi:
        fields.append(("doi", c.doi))
    if c.url:
        fields.append(("url", c.url))
    if c.note:
        fields.append(("note", _bib(c.note)))
    if c.trial_id:
        fields.append(("note", f"ClinicalTrials.gov: {c.trial_id}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{case.id},\n{body}\n}}"


def render(case: Case) -> str:
    """The case as written: a BibTeX entry or a reference-list line."""
    return render_bibtex(case) if case.style == "bibtex" else render_text(case)
