"""The evaluation's registry world, made as hard as live Crossref: crowded, confusable, partial.

The 502 recorded Crossref works alone make an easy world: a journal-year holds one or two
works, so any citation of that journal-year that matches nothing is obviously invented. Live
Crossref holds hundreds of works per journal-year, many on neighbouring topics by people with
the commonest surnames. This module adds to the stand-in's corpus:

* **synthetic neighbours** (``x-veribib-synthetic: true``): for every journal-year of a
  depositing journal (and half as many in the years either side: a journal that deposits
  keeps depositing), works in Crossref's record shape with the same journal, ISSN, publisher,
  volume and year, titles recombined from the real titles of that journal (some a one-phrase
  change of a real title), authors drawn from the commonest surnames plus surnames of the real
  works' authors (with other given names: other people). Pages never start where a real work
  does. Crossref preprints without a journal name (TechRxiv, Research Square, Preprints.org,
  SSRN) with machine-learning titles are added the same way: they are what a search for an
  arXiv paper finds in live Crossref.
* **namesake notices** (synthetic): "Erratum: X", "Reply to: X" and "Faculty Opinions
  recommendation of X" for one in six recorded articles X: records that carry X's title and are
  not X.
* **constructed records of real works** (``x-veribib-constructed``: the HALLMARK entry they come
  from): the VALID HALLMARK entries (DBLP / bioRxiv / PubMed metadata) as records of the registry
  that really holds them: DOIs of IEEE, AAAI, Springer, ACM, Nature, bioRxiv and PubMed journals
  at Crossref; arXiv DOIs (10.48550) at DataCite only, never Crossref; NeurIPS, ICLR, ICML, JMLR
  and TMLR papers (no DOIs) nowhere. The latest proceedings year of CVPR and AAAI is held back
  (deposited late: not yet in Crossref when cited).

Nothing here changes a recorded record; the world is built deterministically from ``WORLD_SEED``
so every run and both evaluation halves see the same registries.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pylatexenc.latex2text import LatexNodes2Text

from eval_cases import _chunks, clean, is_english, norm
from standin_corpus import read_jsonl, record_year, shared_data_dir
from veribib.model import Person

WORLD_SEED = 20261206
SYNTHETIC = "x-veribib-synthetic"
CONSTRUCTED = "x-veribib-constructed"
# Neighbours per journal-year (live Crossref: hundreds; this many keep a run to minutes).
NEIGHBOURS_PER_YEAR = 40
ML_PREPRINT_NEIGHBOURS = 600

# The commonest surnames of authors in the literature (Chinese, Korean, Vietnamese, Iberian,
# English, German, Indian, Japanese): shared by thousands, so a shared surname proves nothing.
COMMON_SURNAMES = (
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Nguyen",
    "Tran",
    "Santos",
    "Silva",
    "Oliveira",
    "Souza",
    "Garcia",
    "Rodriguez",
    "Martinez",
    "Smith",
    "Johnson",
    "Brown",
    "Müller",
    "Schmidt",
    "Kumar",
    "Singh",
    "Patel",
    "Sharma",
    "Khan",
    "Ahmed",
    "Sato",
    "Suzuki",
    "Tanaka",
)
GIVEN_NAMES = (
    "Wei",
    "Jing",
    "Lei",
    "Yan",
    "Hao",
    "Xin",
    "Qiang",
    "Min",
    "Jun",
    "Yu",
    "Ji-woo",
    "Seo-yeon",
    "Minh",
    "Ana",
    "João",
    "Maria",
    "Pedro",
    "Carlos",
    "Lucía",
    "James",
    "Sarah",
    "David",
    "Emma",
    "Thomas",
    "Anna",
    "Stefan",
    "Rahul",
    "Priya",
    "Amit",
    "Fatima",
    "Omar",
    "Hiroshi",
    "Yuki",
    "Q.",
    "X.",
    "J.",
    "H.",
    "Y.",
    "M.",
)
_TITLE_FORMS = (
    "{A} of {B} in {C}",
    "{A} and {B}: implications for {C}",
    "Effects of {A} on {B}",
    "{A}-based {B} for {C}",
    "On the {A} of {B}",
    "{A} in {B}: a {C} perspective",
    "Assessment of {A} and {B} in {C}",
    "{A} under {B}",
)
_ML_FORMS = (
    "{A} for {B}",
    "{A}: {B} with {C}",
    "Towards {A} in {B}",
    "Learning {A} via {B}",
    "{A} with {B} for {C}",
    "Efficient {A} for {B}",
    "Rethinking {A} for {B}",
)
# Crossref preprint servers whose records carry no journal name, with their DOI patterns.
PREPRINT_SERVERS = (
    ("TechRxiv", "10.36227", "techrxiv.{n8}", "Institute of Electrical and Electronics Engineers"),
    ("Research Square", "10.21203", "rs.3.rs-{n7}/v1", "Research Square Platform LLC"),
    ("Preprints.org", "10.20944", "preprints{ym}.{n4}.v1", "MDPI AG"),
    ("SSRN", "10.2139", "ssrn.{n7}", "Elsevier BV"),
)


def _rng(*parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in (WORLD_SEED, *parts)))


def _split_name(full: str) -> Person:
    """ "Ilya A. Petrov" -> Petrov, Ilya A.; keeps particles ("van der Maaten")."""
    words = clean(full).split()
    if not words:
        return Person("")
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in {"van", "von", "der", "de", "da", "di", "le", "la"}:
        cut -= 1
    return Person(" ".join(words[cut:]), " ".join(words[:cut]))


def people_of(authors: str) -> tuple[Person, ...]:
    """BibTeX "A B and C D" author text as people ("and others" dropped)."""
    names = [a for a in re.split(r"\s+and\s+", untex(authors)) if a.strip()]
    return tuple(_split_name(a) for a in names if a.strip().lower() != "others")


_LATEX = LatexNodes2Text()


def untex(text: str) -> str:
    """BibTeX/LaTeX markup as plain text ("St{\\'e}phane" -> "Stéphane", "{PaLM}" -> "PaLM")."""
    if "{" not in text and "\\" not in text:
        return text
    return " ".join(str(_LATEX.latex_to_text(text)).split())


def _crossref_people(people: Iterable[Person]) -> list[dict[str, Any]]:
    out = []
    for i, p in enumerate(people):
        person: dict[str, Any] = {
            "family": p.family,
            "sequence": "first" if i == 0 else "additional",
        }
        if p.given:
            person["given"] = p.given
        person["affiliation"] = []
        out.append(person)
    return out


def _date(year: int) -> dict[str, Any]:
    return {"date-parts": [[year]]}


# --- real ML / biomedical works from HALLMARK ------------------------------------------------


@dataclass(frozen=True)
class RealWork:
    """One VALID HALLMARK entry: a real work, and which registry really holds it."""

    key: str  # the split key: lower-case DOI, else "hallmark:" + normalised title
    source_key: str  # HALLMARK bibtex_key
    title: str
    authors: tuple[Person, ...]
    year: int
    venue: str  # HALLMARK's venue (CVPR, NeurIPS, bioRxiv, a journal name) or "arXiv"
    doi: str | None
    registry: str  # "crossref", "datacite" or "none"
    arxiv: str | None = None
    et_al: bool = False  # the entry's author list ends in "and others"
    domain: str = "ml"  # "ml" (HALLMARK dev/test) or "biomed" (cross-domain set)

    @property
    def venue_year(self) -> tuple[str, int]:
        """The proceedings/journal and year."""
        return (self.venue, self.year)


_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(\d{4}\.\d{4,5})(v\d+)?$", re.I)


def load_real_works(data_dir: Path | None = None) -> list[RealWork]:
    """VALID HALLMARK entries (ML dev/test, biomedical cross-domain), one per title."""
    data = (data_dir or shared_data_dir()) / "benchmarks"
    out: dict[str, RealWork] = {}
    for name in (
        "hallmark_dev_public.jsonl",
        "hallmark_test_public.jsonl",
        "hallmark_test_crossdomain_matched_biomed.jsonl",
    ):
        for row in read_jsonl(data / name):
            if row.get("label") != "VALID":
                continue
            f = row["fields"]
            raw_title = str(f.get("title", ""))
            title = untex(clean(raw_title)).rstrip(".")
            year = str(f.get("year", ""))
            if not title or "$" in raw_title or not year.isdigit() or not f.get("author"):
                continue
            tkey = norm(title)
            if tkey in out:
                continue
            doi = str(f.get("doi") or "").strip() or None
            arxiv = None
            registry = "none"
            if doi:
                m = _ARXIV_DOI.match(doi)
                if m:
                    arxiv = m.group(1)
                    doi = f"10.48550/arXiv.{arxiv}"
                    registry = "datacite"
                else:
                    registry = "crossref"
            venue = str(f.get("booktitle") or f.get("journal") or ("arXiv" if arxiv else ""))
            out[tkey] = RealWork(
                key=doi.lower() if doi else f"hallmark:{tkey}",
                source_key=str(row["bibtex_key"]),
                title=title,
                authors=people_of(str(f["author"])),
                year=int(year),
                venue=clean(venue),  # HALLMARK keeps some HTML-escaped ("&amp;")
                doi=doi,
                registry=registry,
                arxiv=arxiv,
                et_al=bool(re.search(r"\band others\s*$", str(f["author"]))),
                domain="biomed" if "biomed" in name else "ml",
            )
    return sorted(out.values(), key=lambda w: w.key)


# Crossref's container titles for the venues HALLMARK abbreviates (as Crossref records them).
def _crossref_container(w: RealWork) -> tuple[str, str, dict[str, Any]]:
    """(type, container title, extra fields) of the Crossref record of a real work."""
    doi = (w.doi or "").lower()
    if w.venue == "CVPR":
        return (
            "proceedings-article",
            f"{w.year} IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            {"publisher": "IEEE"},
        )
    if w.venue == "ICCV":
        return (
            "proceedings-article",
            f"{w.year} IEEE/CVF International Conference on Computer Vision (ICCV)",
            {"publisher": "IEEE"},
        )
    if w.venue == "AAAI":
        m = re.search(r"aaai\.v(\d+)i(\d+)", doi)
        extra: dict[str, Any] = {
            "publisher": "Association for the Advancement of Artificial Intelligence (AAAI)",
            "ISSN": ["2374-3468", "2159-5399"],
            "short-container-title": ["AAAI"],
        }
        if m:
            extra["volume"], extra["issue"] = m.group(1), m.group(2)
        return (
            "journal-article",
            "Proceedings of the AAAI Conference on Artificial Intelligence",
            extra,
        )
    if w.venue == "Mach. Learn.":
        return (
            "journal-article",
            "Machine Learning",
            {
                "publisher": "Springer Science and Business Media LLC",
                "ISSN": ["0885-6125", "1573-0565"],
                "short-container-title": ["Mach Learn"],
            },
        )
    if w.venue == "ECCV":
        return (
            "book-chapter",
            f"Lecture Notes in Computer Science; Computer Vision – ECCV {w.year}",
            {"publisher": "Springer Nature Switzerland"},
        )
    if w.venue == "bioRxiv":
        return (
            "posted-content",
            "",
            {
                "publisher": "Cold Spring Harbor Laboratory",
                "institution": [{"name": "bioRxiv"}],
                "subtype": "preprint",
            },
        )
    return ("journal-article", w.venue, {})


def crossref_record(w: RealWork) -> dict[str, Any]:
    """The Crossref record of a real work Crossref holds, from its HALLMARK metadata."""
    kind, container, extra = _crossref_container(w)
    doi = w.doi or ""
    if doi.lower().startswith("10.1007/"):
        doi = doi.lower()  # DBLP upper-cases Springer DOIs; Crossref records them lower-case
    record: dict[str, Any] = {
        "DOI": doi,
        "type": kind,
        "title": [w.title],
        "author": _crossref_people(w.authors),
        "prefix": doi.split("/", 1)[0],
        "issued": _date(w.year),
        "published": _date(w.year),
        "URL": f"https://doi.org/{doi}",
        CONSTRUCTED: f"HALLMARK VALID {w.source_key} (DBLP/bioRxiv/PubMed metadata)",
    }
    if kind == "posted-content":
        record["posted"] = _date(w.year)
    if container:
        record["container-title"] = [container]
    record.update(extra)
    return record


def datacite_document(w: RealWork) -> dict[str, Any]:
    """The DataCite ``/dois/{doi}`` document of an arXiv paper (shape of the recorded one)."""
    assert w.arxiv is not None
    doi = f"10.48550/arxiv.{w.arxiv}"
    year = 2000 + int(w.arxiv[:2])  # arXiv's DataCite year: the first version's
    creators = [
        {
            "name": f"{p.family}, {p.given}" if p.given else p.family,
            "nameType": "Personal",
            "givenName": p.given,
            "familyName": p.family,
            "affiliation": [],
            "nameIdentifiers": [],
        }
        for p in w.authors
    ]
    return {
        "data": {
            "id": doi,
            "type": "dois",
            "attributes": {
                "doi": doi,
                "prefix": "10.48550",
                "suffix": f"arxiv.{w.arxiv}",
                "identifiers": [{"identifier": w.arxiv, "identifierType": "arXiv"}],
                "creators": creators,
                "titles": [{"title": w.title}],
                "publisher": "arXiv",
                "container": {},
                "publicationYear": year,
                "types": {
                    "ris": "GEN",
                    "bibtex": "misc",
                    "citeproc": "article",
                    "schemaOrg": "CreativeWork",
                    "resourceType": "Article",
                    "resourceTypeGeneral": "Preprint",
                },
                "url": f"https://arxiv.org/abs/{w.arxiv}",
                "state": "findable",
                "published": str(year),
                CONSTRUCTED: f"HALLMARK VALID {w.source_key}",
            },
            "relationships": {},
        },
        "included": [],
    }


# --- synthetic neighbours ---------------------------------------------------------------------


def _phrases(titles: Iterable[str]) -> list[str]:
    out: set[str] = set()
    for title in titles:
        tokens = re.split(r"[\s,:;()?!.\"—–]+", title)
        if is_english(title):
            out |= _chunks(tokens)
    return sorted(out)


def _people(
    rng: random.Random, real: Sequence[Person], avoid: Iterable[Person] = ()
) -> tuple[Person, ...]:
    """2-6 authors: common surnames, one or two surnames of ``real`` under other given names.

    No author is one of ``real`` or ``avoid`` (same surname and initial): they are other people.
    """
    n = rng.randint(2, 6)
    families = rng.sample(COMMON_SURNAMES, n)
    if real and rng.random() < 0.6:
        shared = rng.sample(list(real), min(len(real), rng.randint(1, 2)))
        for spot, p in zip(rng.sample(range(n), len(shared)), shared, strict=True):
            families[spot] = p.family
    taken = {norm(p.given)[:1] + norm(p.family) for p in (*real, *avoid)}
    out: list[Person] = []
    for family in families:
        given = rng.choice(GIVEN_NAMES)
        while norm(given)[:1] + norm(family) in taken:
            given = rng.choice(GIVEN_NAMES)
        out.append(Person(family, given))
    return tuple(out)


def _close_title(title: str, pool: Sequence[str], rng: random.Random) -> str | None:
    """A real title with one of its phrases replaced by another phrase of the field."""
    if not is_english(title):
        return None
    own = sorted(_chunks(re.split(r"[\s,:;()?!.\"—–]+", title)))
    rng.shuffle(own)
    for phrase in own:
        spot = re.search(re.escape(phrase), title, re.I)
        if spot is None:
            continue
        other = rng.choice(pool)
        if norm(other) == norm(phrase):
            continue
        if spot.start() == 0:
            other = other[:1].upper() + other[1:]
        return title[: spot.start()] + other + title[spot.end() :]
    return None


def _free_title(pool: Sequence[str], rng: random.Random, forms: Sequence[str]) -> str:
    a, b, c = rng.sample(list(pool), 3)
    text = rng.choice(forms).format(A=a, B=b, C=c)
    return text[:1].upper() + text[1:]


def _doi_like(doi: str, rng: random.Random, taken: set[str]) -> str:
    """A DOI in the pattern of a journal's real one (last run of digits redrawn), no record's."""
    runs = list(re.finditer(r"\d+", doi.split("/", 1)[1]))
    head = len(doi.split("/", 1)[0]) + 1
    for _ in range(200):
        if runs and len(runs[-1].group()) >= 3:
            last = runs[-1]
            width = len(last.group())
            digits = f"{rng.randrange(10 ** (width - 1), 10**width)}"
            candidate = doi[: head + last.start()] + digits + doi[head + last.end() :]
        else:
            candidate = f"{doi}.{rng.randrange(1000, 10**6)}"
        if candidate.lower() not in taken:
            taken.add(candidate.lower())
            return candidate
    raise RuntimeError(f"could not make a DOI like {doi}")


def _page_free(rng: random.Random, used: set[str], pages: str | None) -> str | None:
    """Pages like ``pages`` whose first page no real work of the volume starts on."""
    if not pages:
        return None
    m = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", pages)
    if m:
        for _ in range(50):
            first = rng.randint(1, max(60, int(m.group(1)) * 2))
            if str(first) not in used:
                used.add(str(first))
                return f"{first}-{first + rng.randint(4, 18)}"
        return None
    m = re.fullmatch(r"([A-Za-z]*)(\d+)", pages)
    if m:
        for _ in range(50):
            value = f"{m.group(1)}{rng.randint(1, max(99, int(m.group(2)) * 2))}"
            if value not in used:
                used.add(value)
                return value
    return None


_KEEP = (
    "type",
    "container-title",
    "short-container-title",
    "ISSN",
    "issn-type",
    "publisher",
    "prefix",
    "member",
    "language",
    "subject",
)


def neighbours(
    records: Sequence[Mapping[str, Any]], per_year: int, taken: set[str]
) -> list[dict[str, Any]]:
    """Synthetic works beside the real ones in every journal-year (see the module text)."""
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in records:
        titles = r.get("container-title") or []
        if r.get("type") == "journal-article" and titles and r.get("title") and record_year(r):
            groups[norm(str(titles[0]))].append(r)
    everything = _phrases(str((r.get("title") or [""])[0]) for r in records)
    out: list[dict[str, Any]] = []
    for journal in sorted(groups):
        members = groups[journal]
        titles = [clean(str(r["title"][0])) for r in members]
        pool = _phrases(titles)
        if len(pool) < 12:
            pool = sorted(set(pool) | set(_rng(journal).sample(everything, 40)))
        years: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
        for r in members:
            year = record_year(r)
            if year:
                years[year].append(r)
        # A journal that deposits in a year deposited the year before and after too (live
        # Crossref: hundreds of works each year); those years get half as many neighbours, made
        # after the recorded years' so that theirs stay as they were.
        plan = [(year, years[year], per_year, 0) for year in sorted(years)]
        plan += [
            (year + shift, years[year], per_year // 2, shift)
            for year in sorted(years)
            for shift in (-1, 1)
            if year + shift not in years
        ]
        made_years: set[int] = set()
        for year, anchors, count, shift in plan:
            if year in made_years:
                continue  # the year between two recorded ones: neighbours once
            made_years.add(year)
            rng = _rng(journal, year)
            used = {
                str(a.get("page") or a.get("article-number") or "").split("-")[0] for a in anchors
            }
            seen_titles = {norm(t) for t in titles}
            year_people = [
                Person(str(p.get("family", "")), str(p.get("given", "")))
                for a in anchors
                for p in a.get("author") or ()
                if isinstance(p, Mapping) and p.get("family")
            ]
            made = 0
            for i in range(count * 3):
                if made == count:
                    break
                anchor = anchors[i % len(anchors)]
                real_title = clean(str(anchor["title"][0]))
                # At most two close variants of one real title: live journals hold a few
                # near-namesakes of a paper, not dozens.
                close = i % 3 == 0 and i < 6 * len(anchors)
                title = _close_title(real_title, pool, rng) if close else None
                title = title or _free_title(pool, rng, _TITLE_FORMS)
                if norm(title) in seen_titles:
                    continue
                seen_titles.add(norm(title))
                made += 1
                real_people = [
                    Person(str(p.get("family", "")), str(p.get("given", "")))
                    for p in anchor.get("author") or ()
                    if isinstance(p, Mapping) and p.get("family")
                ]
                record: dict[str, Any] = {k: anchor[k] for k in _KEEP if k in anchor}
                doi = _doi_like(str(anchor["DOI"]), rng, taken)
                record.update(
                    {
                        "DOI": doi,
                        "URL": f"https://doi.org/{doi}",
                        "title": [title],
                        "author": _crossref_people(_people(rng, real_people, year_people)),
                        "issued": _date(year),
                        "published": _date(year),
                        SYNTHETIC: True,
                    }
                )
                for key in ("volume", "issue"):
                    if anchor.get(key) and not shift:
                        record[key] = anchor[key]
                volume = str(anchor.get("volume") or "")
                if shift and volume.isdigit() and int(volume) + shift > 0:
                    record["volume"] = str(int(volume) + shift)
                if anchor.get("page"):
                    page = _page_free(rng, used, str(anchor["page"]))
                    if page:
                        record["page"] = page
                elif anchor.get("article-number"):
                    number = _page_free(rng, used, str(anchor["article-number"]))
                    if number:
                        record["article-number"] = number
                out.append(record)
    return out


def preprint_neighbours(
    works: Sequence[RealWork], count: int, taken: set[str]
) -> list[dict[str, Any]]:
    """Crossref preprints (no journal name) on machine-learning topics, common surnames."""
    pool = _phrases(w.title.lower() for w in works)
    titles = [w.title for w in works]
    seen = {norm(t) for t in titles}
    rng = _rng("preprints")
    out: list[dict[str, Any]] = []
    for i in range(count):
        server, prefix, pattern, publisher = PREPRINT_SERVERS[i % len(PREPRINT_SERVERS)]
        base = rng.choice(works)
        title = (_close_title(base.title, pool, rng) if i % 2 == 0 else None) or _free_title(
            pool, rng, _ML_FORMS
        )
        if norm(title) in seen:
            continue
        seen.add(norm(title))
        year = rng.choice((2020, 2021, 2022, 2023, 2024, 2025, 2026))
        for _ in range(20):
            suffix = pattern.format(
                n8=rng.randrange(10**7, 10**8),
                n7=rng.randrange(10**6, 10**7),
                n4=f"{rng.randrange(1, 2000):04d}",
                ym=f"{year}{rng.randint(1, 12):02d}",
            )
            doi = f"{prefix}/{suffix}"
            if doi.lower() not in taken:
                taken.add(doi.lower())
                break
        out.append(
            {
                "DOI": doi,
                "URL": f"https://doi.org/{doi}",
                "type": "posted-content",
                "subtype": "preprint",
                "prefix": prefix,
                "publisher": publisher,
                "institution": [{"name": server}],
                "title": [title],
                "author": _crossref_people(_people(rng, base.authors)),
                "posted": _date(year),
                "issued": _date(year),
                "published": _date(year),
                SYNTHETIC: True,
            }
        )
    return out


# Notices that carry a work's title but are other works (the identity traps).
NOTICE_KINDS = ("Erratum: {}", "Reply to: {}", "Faculty Opinions recommendation of {}")
NOTICE_OF = "x-veribib-notice-of"  # on a synthetic notice: the DOI of the work it names
FACULTY_OPINIONS = "Faculty Opinions – Post-Publication Peer Review of the Biomedical Literature"


def notices(
    records: Sequence[Mapping[str, Any]], taken: set[str], share: int = 6
) -> tuple[list[dict[str, Any]], set[str]]:
    """Synthetic notices titled after one in ``share`` journal articles; and those articles' DOIs.

    An erratum in the same journal the next year (no authors, as errata often have), a reply by
    other people, a Faculty Opinions recommendation (its own container, DOI prefix 10.3410; the
    record type is the stand-in's choice).
    """
    out: list[dict[str, Any]] = []
    noticed: set[str] = set()
    for r in records:
        doi = str(r.get("DOI") or "")
        year = record_year(r)
        if r.get("type") != "journal-article" or not r.get("title") or not year or not doi:
            continue
        if split_key_hash(f"notice:{doi.lower()}") % share:
            continue
        noticed.add(doi.lower())
        rng = _rng("notice", doi)
        title = clean(str(r["title"][0]))
        real = [
            Person(str(p.get("family", "")), str(p.get("given", "")))
            for p in r.get("author") or ()
            if isinstance(p, Mapping) and p.get("family")
        ]
        for form in NOTICE_KINDS:
            record: dict[str, Any] = {k: r[k] for k in _KEEP if k in r}
            faculty = form.startswith("Faculty")
            new_doi = (
                _doi_like("10.3410/f.718047427.793489633", rng, taken)
                if faculty
                else _doi_like(doi, rng, taken)
            )
            record.update(
                {
                    "DOI": new_doi,
                    "URL": f"https://doi.org/{new_doi}",
                    "title": [form.format(title)],
                    "issued": _date(year + (0 if faculty else 1)),
                    "published": _date(year + (0 if faculty else 1)),
                    SYNTHETIC: True,
                    NOTICE_OF: doi,
                }
            )
            if form.startswith("Reply"):
                record["author"] = _crossref_people(_people(rng, real, real))
            if faculty:
                record.update(
                    {
                        "container-title": [FACULTY_OPINIONS],
                        "publisher": "H1 Connect",
                        "prefix": "10.3410",
                    }
                )
                record.pop("ISSN", None)
                record.pop("issn-type", None)
                record.pop("short-container-title", None)
                record["author"] = _crossref_people(_people(rng, (), real))
            out.append(record)
    return out, noticed


# --- the world --------------------------------------------------------------------------------


@dataclass
class World:
    """What the stand-in registries hold beyond the recordings, and what they hold back."""

    crossref: list[dict[str, Any]] = field(default_factory=list)  # constructed + synthetic
    datacite: list[dict[str, Any]] = field(default_factory=list)  # constructed documents
    real_works: list[RealWork] = field(default_factory=list)
    held_back: set[str] = field(default_factory=set)  # real works' keys not yet deposited
    noticed: set[str] = field(default_factory=set)  # recorded works with namesake notices
    late_venues: set[tuple[str, int]] = field(default_factory=set)

    def dois(self) -> set[str]:
        """Every DOI the world's registries hold (lower case)."""
        return {str(r["DOI"]).lower() for r in self.crossref} | {
            str(d["data"]["id"]).lower() for d in self.datacite
        }

    def titles(self) -> set[str]:
        """Every normalised title the world's registries hold (synthetic ones included)."""
        out = {norm(str((r.get("title") or [""])[0])) for r in self.crossref}
        out |= {norm(d["data"]["attributes"]["titles"][0]["title"]) for d in self.datacite}
        return out

    def registry_of(self, w: RealWork) -> str:
        """Where the world holds a real work: "crossref", "datacite" or "none"."""
        return "none" if w.key in self.held_back else w.registry


def late_proceedings(works: Sequence[RealWork]) -> set[tuple[str, int]]:
    """The latest year of each deposited proceedings: not yet deposited when cited."""
    latest: dict[str, int] = {}
    for w in works:
        if w.registry == "crossref" and w.venue in ("CVPR", "AAAI"):
            latest[w.venue] = max(latest.get(w.venue, 0), w.year)
    return set(latest.items())


@lru_cache(maxsize=4)
def _build(data_dir: str, per_year: int, preprints: int) -> World:
    data = Path(data_dir)
    recorded = read_jsonl(data / "crossref" / "works-2026-06.jsonl")
    works = load_real_works(data)
    taken = {str(r.get("DOI", "")).lower() for r in recorded}
    taken |= {str(r.get("DOI", "")).lower() for r in read_jsonl(data / "seed-works.jsonl")}
    taken |= {w.doi.lower() for w in works if w.doi}
    world = World(real_works=works, late_venues=late_proceedings(works))
    constructed: list[dict[str, Any]] = []
    for w in works:
        if w.venue_year in world.late_venues:
            world.held_back.add(w.key)
        elif w.registry == "crossref":
            constructed.append(crossref_record(w))
        elif w.registry == "datacite":
            world.datacite.append(datacite_document(w))
    world.crossref = constructed
    world.crossref += neighbours([*recorded, *constructed], per_year, taken)
    notes, world.noticed = notices(recorded, taken)
    world.crossref += notes
    world.crossref += preprint_neighbours([w for w in works if w.domain == "ml"], preprints, taken)
    return world


def build_world(
    data_dir: Path | None = None,
    per_year: int = NEIGHBOURS_PER_YEAR,
    preprints: int = ML_PREPRINT_NEIGHBOURS,
) -> World:
    """The evaluation world (cached: building it takes a few seconds)."""
    return _build(str(data_dir or shared_data_dir()), per_year, preprints)


def split_key_hash(key: str) -> int:
    """A stable number for a key (used to pick stand-in variants)."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big")


def write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> None:
    """Rows as JSON lines."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
