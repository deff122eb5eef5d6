"""Cases of the hard evaluation world (``eval_world.py``): what real users cite, and LLM fakes.

Real works (never to be called fabricated):

* ``ml_crossref_work``: CVPR/ICCV/AAAI/ECCV/Machine Learning papers (Crossref holds them), cited
  as Google Scholar's BibTeX writes them, half with the DOI: ``verified``.
* ``arxiv_with_doi`` / ``arxiv_no_doi``: arXiv papers, ``journal = {arXiv preprint arXiv:ID}``;
  DataCite holds the DOI, Crossref never: ``verified`` with the DOI, ``unresolved`` (or
  ``verified``) without.
* ``published_version_of_preprint``: papers of those venues cited as published there (no DOI)
  while DataCite holds their arXiv preprint: ``unresolved`` (or ``verified``).
* ``ml_proceedings_no_doi``: NeurIPS, ICLR, ICML, JMLR, TMLR papers: no DOI, in no registry of
  the world (while Crossref preprints with similar titles are): ``unresolved``.
* ``proceedings_not_yet_deposited``: CVPR/AAAI papers of the year the world has not deposited
  yet (earlier years are there): ``unresolved``.
* ``biorxiv_preprint``, ``pubmed_journal_article``: HALLMARK's biomedical VALID works, held by
  Crossref: ``verified``.
* ``nondepositing_journal``: Walters & Wilder's real articles (human-checked) in journals the
  world's Crossref knows nothing of: ``unresolved``.
* ``book``, ``standard``, ``guideline``, ``web_page``: ``eval_offline.py``: ``unresolved``.
* ``correct_beside_notices``: a recorded article cited correctly (no DOI) while the world also
  holds an erratum, a reply and a Faculty Opinions recommendation titled after it: ``verified``,
  and the match must be the article itself.
* ``transliterated_author``: a recorded work cited with an author's name transliterated
  (Müller as Mueller): ``verified``.
* ``future_year_typo``: a recorded work cited with its DOI and a one-digit slip of the year into
  the future (2027 for 2007): ``inaccurate``, the fix is the real year (registry facts outrank
  the "future date" suspicion).

Fabrications, written as LLMs write them (HALLMARK types, GPTZero's NeurIPS 2025 findings, the
real-world incidents):

* ``common_name_fabrication``: an invented title in the field of a journal Crossref covers, by
  people with the commonest surnames (one shared with a real author of that journal-year), at
  that journal's year and volume: ``fabricated`` (the world holds 40 confusable neighbours there).
* ``ml_fabricated_arxiv_doi`` (an arXiv DOI DataCite does not hold), ``ml_impossible_arxiv_id``
  (an arXiv id whose month, or number, cannot exist), ``ml_fabricated_doi`` (an IEEE-shaped DOI
  that does not exist), ``ml_placeholder_authors`` ("John Doe and Jane Smith", or one "Author
  Name" among real names, on a real title),
  ``ml_swapped_authors``, ``ml_near_miss_title``, ``ml_chimeric_title`` (real Crossref-held
  titles): ``fabricated``.
* ``ml_invented_proceedings``: an invented paper "in" NeurIPS/ICLR/ICML (no DOI exists there):
  no positive evidence is possible in this world: ``unresolved`` (``fabricated`` accepted).
* ``real_incident``: the HALLMARK real-world and GPTZero entries themselves; ``fabricated`` when
  the world gives evidence (placeholder names, a DOI that does not exist, an impossible arXiv
  id), else ``unresolved`` (``fabricated`` accepted).
* ``biomed_<type>``: HALLMARK's cross-domain (bioRxiv/PubMed) fabrications of
  the types that are fabrications by veribib's contract too (near-miss title, swapped authors,
  chimeric title, hybrid, merged citation, placeholder names), most on the
  real DOI of a work the world holds: ``fabricated``.
* ``chatgpt_citation``: Walters & Wilder's fabricated ChatGPT citations in journals the world
  does not hold: ``unresolved`` (``fabricated`` accepted).
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_cases import (
    Case,
    Cited,
    Record,
    Vocabulary,
    _chunks,
    _fields_of,
    clean,
    halves,
    load_records,
    near_miss,
    norm,
    split_of,
)
from eval_offline import OFFLINE_WORKS
from eval_world import (
    COMMON_SURNAMES,
    GIVEN_NAMES,
    RealWork,
    World,
    _doi_like,
    _free_title,
    _phrases,
    people_of,
    untex,
)
from standin_corpus import read_jsonl, shared_data_dir
from veribib.model import Person

# Google Scholar's BibTeX venue for each HALLMARK venue: (Crossref-like kind, venue text).
GS_VENUES = {
    "NeurIPS": ("proceedings-article", "Advances in Neural Information Processing Systems"),
    "ICLR": ("proceedings-article", "International Conference on Learning Representations"),
    "ICML": ("proceedings-article", "International Conference on Machine Learning"),
    "CVPR": (
        "proceedings-article",
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
    ),
    "ICCV": (
        "proceedings-article",
        "Proceedings of the IEEE/CVF International Conference on Computer Vision",
    ),
    "ECCV": ("proceedings-article", "European Conference on Computer Vision"),
    "AAAI": (
        "proceedings-article",
        "Proceedings of the AAAI Conference on Artificial Intelligence",
    ),
    "J. Mach. Learn. Res.": ("journal-article", "Journal of Machine Learning Research"),
    "Trans. Mach. Learn. Res.": ("journal-article", "Transactions on Machine Learning Research"),
    "Mach. Learn.": ("journal-article", "Machine Learning"),
    "ACL": (
        "proceedings-article",
        "Proceedings of the Annual Meeting of the Association for Computational Linguistics",
    ),
    "NAACL": (
        "proceedings-article",
        "Proceedings of the Conference of the North American Chapter of the Association for "
        "Computational Linguistics",
    ),
}
_NEURIPS_VOLUME = {2019: "32", 2020: "33", 2021: "34", 2022: "35", 2023: "36", 2024: "37"}
ANONYMOUS_AUTHORS = (Person("Authors", "Anonymous"),)
PLACEHOLDER_NAMES = (
    (Person("Doe", "John"), Person("Smith", "Jane")),
    (Person("Smith", "John"), Person("Doe", "Jane")),
    ANONYMOUS_AUTHORS,
    (Person("Name", "Author"),),
    (Person("Example", "Alice"), Person("Example", "Bob")),
)
_PLACEHOLDER_KEYS = {
    "doe",
    "anonymous",
    "authors",
    "author",
    "unknown",
    "example",
    "lastname",
    "surname",
}
# HALLMARK's biomedical types that are fabrications by veribib's contract too. Not
# ``nonexistent_venue`` or ``fabricated_doi``: there a real work (its real title and authors) is
# cited with an invented venue or DOI, which the contract calls an inaccurate citation.
BIOMED_FABRICATIONS = (
    "near_miss_title",
    "swapped_authors",
    "chimeric_title",
    "hybrid_fabrication",
    "merged_citation",
    "placeholder_authors",
)
_ARXIV_IN = re.compile(r"arxiv[:\s.]*(\d{4}\.?[\dx]*)", re.I)


@dataclass(frozen=True)
class HardCounts:
    """How many cases of each hard-world type to build per half (at most what exists)."""

    real_per_type: int = 40
    fabricated_per_type: int = 20


@dataclass
class HardBuilder:
    """Builds one half's hard-world cases from that half's source works."""

    split: str
    world: World
    seed: int
    records: Sequence[Record]
    today_year: int = 2026
    cases: list[Case] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{self.seed}:{self.split}:hard")
        self.works = [w for w in self.world.real_works if split_of(w.key) == self.split]
        self.ml = [w for w in self.works if w.domain == "ml"]
        self.world_dois = self.world.dois()
        self.world_titles = self.world.titles()
        ml_titles = [w.title for w in self.world.real_works if w.domain == "ml"]
        people = [p for w in self.world.real_works if w.domain == "ml" for p in w.authors]
        self.vocab = Vocabulary(
            phrases=_phrases(t.lower() for t in ml_titles),
            words=sorted(
                {
                    t.lower()
                    for title in ml_titles
                    for t in re.findall(r"[A-Za-z]{5,}", title)
                    if t.lower() not in {"using", "towards", "learning"}
                }
            ),
            given=sorted({p.given.split()[0] for p in people if p.given and "." not in p.given}),
            family=sorted({p.family for p in people if re.fullmatch(r"[A-Z][a-z]{2,}", p.family)}),
            titles=ml_titles,
        )

    # --- helpers ------------------------------------------------------------------------------

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
        acceptable: Iterable[str] = (),
        note: str = "",
        own: Iterable[str] | None = None,
        fix: tuple[str, Any] | None = None,
    ) -> None:
        self.cases.append(
            Case(
                id=f"{self.split}-h{len(self.cases) + 1:04d}",
                type=type_,
                kind=kind,
                expected=expected,
                acceptable=frozenset({expected, *acceptable}),
                style=style or ("bibtex" if self.rng.random() < 0.75 else "numbered"),
                cited=cited,
                key=key,
                records=tuple(records),
                note=note,
                own=tuple(own) if own is not None else None,
                fix_field=fix[0] if fix else None,
                fix_value=fix[1] if fix else None,
            )
        )

    def _take(self, pool: Sequence[Any], n: int) -> list[Any]:
        items = list(pool)
        self.rng.shuffle(items)
        return items[:n]

    def _ml_people(self, avoid: Iterable[Person] = ()) -> tuple[Person, ...]:
        taken = {norm(p.family) for p in avoid}
        n = self.rng.randint(2, 6)
        others = [f for f in self.vocab.family if norm(f) not in taken]
        families = [*self.rng.sample(others, n - 1), self.rng.choice(COMMON_SURNAMES)]
        self.rng.shuffle(families)
        return tuple(Person(f, self.rng.choice(self.vocab.given)) for f in families)

    def _invented_ml_title(self) -> str:
        for _ in range(100):
            title = _free_title(self.vocab.phrases, self.rng, ("{A} for {B}", "{A} with {B}"))
            title = " ".join(w[:1].upper() + w[1:] if len(w) > 3 else w for w in title.split())
            if norm(title) not in self.world_titles:
                return title
        raise RuntimeError("could not invent an ML title")

    def _arxiv_id(self, year: int, *, impossible: bool = False) -> str:
        """A new-style arXiv id; ``impossible``: a month past 12, or (every other time) a number
        past what arXiv issues in a month (under 30,000 a month through 2024)."""
        yy = year % 100
        past_number = impossible and self.rng.random() < 0.5
        month = (
            self.rng.randint(13, 99) if impossible and not past_number else self.rng.randint(1, 12)
        )
        low, high = (40000, 10**5) if past_number else (10**4, 2 * 10**4)
        for _ in range(100):
            candidate = f"{yy:02d}{month:02d}.{self.rng.randrange(low, high):05d}"
            if f"10.48550/arxiv.{candidate}" not in self.world_dois:
                return candidate
        raise RuntimeError("could not make an arXiv id")

    def cite_ml(self, w: RealWork, *, with_doi: bool, arxiv_style: bool = False) -> Cited:
        """A real ML work as Google Scholar's BibTeX (or an IEEE list) writes it."""
        if arxiv_style and w.arxiv:
            return Cited(
                authors=w.authors,
                et_al=w.et_al,
                title=w.title,
                container=f"arXiv preprint arXiv:{w.arxiv}",
                year=2000 + int(w.arxiv[:2]),
                doi=w.doi if with_doi else None,
                kind="journal-article",
            )
        kind, venue = GS_VENUES.get(w.venue, ("journal-article", w.venue))
        volume = issue = None
        if w.venue == "NeurIPS":
            volume = _NEURIPS_VOLUME.get(w.year)
        elif w.venue == "J. Mach. Learn. Res.":
            volume = str(w.year - 1999)
        elif w.venue == "AAAI" and w.doi:
            m = re.search(r"aaai\.v(\d+)i(\d+)", w.doi.lower())
            if m:
                volume, issue = m.group(1), m.group(2)
        return Cited(
            authors=w.authors,
            et_al=w.et_al,
            title=w.title,
            container=venue,
            year=w.year,
            volume=volume,
            issue=issue,
            doi=w.doi if with_doi and w.registry == "crossref" else None,
            kind=kind,
        )

    # --- real works ---------------------------------------------------------------------------

    def real(self, counts: HardCounts) -> None:
        """Real works from the registries that hold them, and from none."""
        n = counts.real_per_type
        registry = self.world.registry_of
        held = [w for w in self.ml if registry(w) == "crossref"]
        for i, w in enumerate(self._take(held, n)):
            self._add(
                "ml_crossref_work",
                "correct",
                "verified",
                self.cite_ml(w, with_doi=i % 2 == 0),
                w.key,
                [w.key],
            )
        arxiv = [w for w in self.ml if registry(w) == "datacite"]
        for i, w in enumerate(self._take(arxiv, n)):
            with_doi = i % 2 == 0
            self._add(
                "arxiv_with_doi" if with_doi else "arxiv_no_doi",
                "correct" if with_doi else "unregistered",
                "verified" if with_doi else "unresolved",
                self.cite_ml(w, with_doi=with_doi, arxiv_style=True),
                w.key,
                [w.key],
                acceptable=() if with_doi else ("verified",),
                note="arXiv DOIs are DataCite's; Crossref holds none",
            )
        published = [w for w in arxiv if w.venue in GS_VENUES]
        for w in self._take(published, n):
            self._add(
                "published_version_of_preprint",
                "unregistered",
                "unresolved",
                self.cite_ml(w, with_doi=False),
                w.key,
                [w.key],
                acceptable=("verified",),
                note=f"cited as its {w.venue} version (no DOI); DataCite holds its arXiv preprint",
            )
        none = [w for w in self.ml if w.registry == "none"]
        for w in self._take(none, n):
            self._add(
                "ml_proceedings_no_doi",
                "unregistered",
                "unresolved",
                self.cite_ml(w, with_doi=False),
                w.key,
                [w.key],
                note=f"{w.venue} has no DOIs; no registry of the world holds it",
            )
        late = [w for w in self.works if w.key in self.world.held_back]
        for w in self._take(late, n):
            self._add(
                "proceedings_not_yet_deposited",
                "unregistered",
                "unresolved",
                self.cite_ml(w, with_doi=False),
                w.key,
                [w.key],
                note=f"{w.venue} {w.year} not deposited yet; {w.year - 1} is",
            )
        bio = [w for w in self.works if w.domain == "biomed" and registry(w) == "crossref"]
        for type_, pool in (
            ("biorxiv_preprint", [w for w in bio if w.venue == "bioRxiv"]),
            ("pubmed_journal_article", [w for w in bio if w.venue != "bioRxiv"]),
        ):
            for i, w in enumerate(self._take(pool, n)):
                cited = Cited(
                    authors=w.authors,
                    et_al=w.et_al,
                    title=w.title,
                    container=w.venue,
                    year=w.year,
                    doi=w.doi if i % 2 == 0 else None,
                    kind="journal-article",
                )
                self._add(
                    type_,
                    "correct",
                    "verified",
                    cited,
                    w.key,
                    [w.key],
                    style=self.rng.choice(("apa", "vancouver", "bibtex")),
                )
        self._nondepositing(n)
        self._offline()
        self._registry_facts(n)

    def citable_records(self) -> list[Record]:
        """This half's recorded journal articles with a title, authors and a year."""
        return [
            r
            for r in self.records
            if r.kind == "journal-article" and r.title and r.authors and r.work.fields.year
        ]

    def _registry_facts(self, n: int) -> None:
        """Real works whose registry record outranks a registry-free suspicion."""
        located = [
            r
            for r in self.records
            if r.source == "crossref"
            and r.kind == "journal-article"
            and r.work.fields.year
            and r.work.fields.container
        ]
        made = 0
        for r in self._take(located, 3 * n):
            real = r.work.fields.year or 0
            typo = future_typo(real, self.today_year)
            if made == n or typo is None or real > self.today_year - 2:
                continue
            cited = replace(_fields_of(r, with_doi=True), year=typo)
            self._add(
                "future_year_typo",
                "inaccurate",
                "inaccurate",
                cited,
                r.key,
                [r.key],
                style=self.rng.choice(("apa", "vancouver", "harvard", "numbered", "bibtex")),
                fix=("year", real),
                note=f"{typo} for {real}: a one-digit slip on a DOI that matches",
            )
            made += 1
        noticed = [r for r in self.citable_records() if r.key in self.world.noticed]
        for i, r in enumerate(self._take(noticed, n)):
            self._add(
                "correct_beside_notices",
                "correct",
                "verified",
                _fields_of(r, with_doi=False, locator=i % 2 == 0),
                r.key,
                [r.key],
                style=self.rng.choice(("apa", "vancouver", "harvard", "numbered", "bibtex")),
                note="the world also holds 'Erratum: X', 'Reply to: X', 'Faculty Opinions "
                "recommendation of X': none of them is X",
            )
        for i, r in enumerate(
            r
            for r in self.records
            if any(transliterate(p.family) != p.family for p in r.authors)
            and all(transliterate(p.family).isascii() for p in r.authors)
        ):
            people = tuple(Person(transliterate(p.family), p.given) for p in r.authors)
            cited = replace(_fields_of(r, with_doi=i % 2 == 0), authors=people)
            self._add(
                "transliterated_author",
                "correct",
                "verified",
                cited,
                r.key,
                [r.key],
                style=self.rng.choice(("apa", "vancouver", "harvard", "numbered", "bibtex")),
                note="Müller written Mueller: the same person",
            )

    def _nondepositing(self, n: int) -> None:
        containers = {
            norm(str(t)) for r in self.world.crossref for t in (r.get("container-title") or [])[:1]
        } | {norm(r.work.fields.container or "") for r in self.records}
        rows = read_jsonl(
            shared_data_dir() / "benchmarks" / "hallmark_walters_wilder_chatgpt_citations.jsonl"
        )
        pool = []
        for row in rows:
            f = row["fields"]
            key = f"ww:{row['bibtex_key']}"
            if row["label"] != "VALID" or split_of(key) != self.split:
                continue
            if norm(str(f.get("journal", ""))) in containers:
                continue
            pool.append((key, f))
        for key, f in self._take(pool, n):
            cited = Cited(
                authors=people_of(str(f["author"])),
                title=clean(str(f["title"])),
                container=clean(str(f["journal"])),
                year=int(f["year"]),
                kind="journal-article",
            )
            self._add(
                "nondepositing_journal",
                "unregistered",
                "unresolved",
                cited,
                key,
                [key],
                style=self.rng.choice(("apa", "harvard", "vancouver", "bibtex")),
                note="real article (Walters & Wilder, human-checked); its journal is in no "
                "registry of the world",
            )

    def _offline(self) -> None:
        for w in OFFLINE_WORKS:
            key = f"offline:{norm(w.title)}"
            if split_of(key) != self.split:
                continue
            kind = {"book": "book", "web page": "webpage"}.get(w.kind, "report")
            cited = Cited(
                authors=w.authors,
                title=w.title,
                year=w.year,
                publisher=w.publisher,
                url=w.url,
                kind=kind,
            )
            type_ = w.kind.replace(" ", "_")
            for style in self.rng.sample(("apa", "vancouver", "numbered", "bibtex"), 2):
                self._add(type_, "unregistered", "unresolved", cited, key, [key], style=style)

    # --- fabrications -------------------------------------------------------------------------

    def fabricated(self, counts: HardCounts) -> None:
        """LLM-style fabrications, in covered journals and in ML venues."""
        n = counts.fabricated_per_type
        self._common_name(n)
        registry = self.world.registry_of
        held = [w for w in self.ml if registry(w) == "crossref"]
        anchors = self._take(self.ml, 6 * n)
        for w in anchors[:n]:
            arxiv = self._arxiv_id(self.rng.choice((2021, 2022, 2023, 2024)))
            cited = Cited(
                authors=self._ml_people(),
                title=self._invented_ml_title(),
                container=f"arXiv preprint arXiv:{arxiv}",
                year=2000 + int(arxiv[:2]),
                doi=f"10.48550/arXiv.{arxiv}",
                kind="journal-article",
            )
            self._add(
                "ml_fabricated_arxiv_doi", "fabricated", "fabricated", cited, w.key, [w.key], own=()
            )
        for w in anchors[n : 2 * n]:
            year = self.rng.choice((2021, 2022, 2023, 2024))
            arxiv = self._arxiv_id(year, impossible=True)
            cited = Cited(
                authors=self._ml_people(),
                title=self._invented_ml_title(),
                container=f"arXiv preprint arXiv:{arxiv}",
                year=year,
                kind="journal-article",
            )
            self._add(
                "ml_impossible_arxiv_id",
                "fabricated",
                "fabricated",
                cited,
                w.key,
                [w.key],
                own=(),
                note=f"arXiv month {arxiv[2:4]} cannot exist",
            )
        for w in anchors[2 * n : 3 * n]:
            venue = self.rng.choice(("NeurIPS", "ICLR", "ICML"))
            kind, text = GS_VENUES[venue]
            cited = Cited(
                authors=self._ml_people(),
                title=self._invented_ml_title(),
                container=text,
                year=self.rng.choice((2021, 2022, 2023)),
                kind=kind,
            )
            self._add(
                "ml_invented_proceedings",
                "fabricated",
                "unresolved",
                cited,
                w.key,
                [w.key],
                acceptable=("fabricated",),
                own=(),
                note="no DOIs at this venue: no positive evidence is possible",
            )
        taken = set(self.world_dois)
        for w in self._take(held, n):
            fake = _doi_like(w.doi or "10.1109/CVPR52688.2022.00001", self.rng, taken)
            cited = Cited(
                authors=self._ml_people(avoid=w.authors),
                title=self._invented_ml_title(),
                container=GS_VENUES.get(w.venue, ("", w.venue))[1],
                year=w.year,
                doi=fake,
                kind="proceedings-article",
            )
            self._add(
                "ml_fabricated_doi",
                "fabricated",
                "fabricated",
                cited,
                w.key,
                [w.key],
                own=(),
                note="GPTZero fabricated_doi pattern (10.1109/CVPR.2022.001234)",
            )
        # "Anonymous Authors" alone is how a double-blind manuscript cites itself: by the
        # contract no evidence, so not a placeholder case.
        placeholder_sets = [p for p in PLACEHOLDER_NAMES if p != ANONYMOUS_AUTHORS]
        for i, w in enumerate(self._take(self.ml, n)):
            placeholders = placeholder_sets[i % len(placeholder_sets)]
            if i % 2 and len(w.authors) >= 2:  # one placeholder among the real names
                placeholders = (*w.authors[:-1], placeholders[-1])
            cited = replace(self.cite_ml(w, with_doi=False, arxiv_style=True), authors=placeholders)
            self._add(
                "ml_placeholder_authors",
                "fabricated",
                "fabricated",
                cited,
                w.key,
                [w.key],
                # BibTeX writes every name in full; a numbered style's "K. Agarwal et al."
                # hides the placeholder, leaving a correct citation.
                style="bibtex",
                note="real-world incident: WebVoyager cited to John Doe, Jane Smith",
            )
        for w in self._take(held, n):
            cited = replace(self.cite_ml(w, with_doi=False), authors=self._ml_people(w.authors))
            self._add("ml_swapped_authors", "fabricated", "fabricated", cited, w.key, [w.key])
        made = 0
        for w in self._take(held, 3 * n):
            title = near_miss(w.title, self.rng, self.vocab)
            if made == n or title is None or norm(title) in self.world_titles:
                continue
            cited = replace(self.cite_ml(w, with_doi=False), title=title)
            self._add("ml_near_miss_title", "fabricated", "fabricated", cited, w.key, [w.key])
            made += 1
        made = 0
        pool = self._take(held, 3 * n)
        for a, b in itertools.pairwise(pool):
            title = halves(a.title, b.title)
            if made == n or title is None or norm(title) in self.world_titles:
                continue
            cited = replace(self.cite_ml(a, with_doi=False), title=title)
            self._add("ml_chimeric_title", "fabricated", "fabricated", cited, a.key, [a.key, b.key])
            made += 1
        self._incidents(n)
        self._biomed(2 * n)

    def _common_name(self, n: int) -> None:
        """Invented works in covered journal-years, by people with the commonest surnames."""
        by_journal: dict[str, list[Record]] = {}
        for r in self.records:
            f = r.work.fields
            if r.source == "crossref" and r.kind == "journal-article" and f.container and f.year:
                by_journal.setdefault(norm(f.container), []).append(r)
        anchors = self._take([r for rs in by_journal.values() for r in rs], n)
        for r in anchors:
            f = r.work.fields
            siblings = by_journal[norm(f.container or "")]
            pool = sorted(
                {c for s in siblings for c in _chunks(re.split(r"[\s,:;()?!.\"—–]+", s.title))}
            )
            if len(pool) < 6:
                pool = sorted(
                    set(pool) | set(self.rng.sample(_phrases(s.title for s in self.records), 20))
                )
            title = ""
            for _ in range(50):
                title = _free_title(
                    pool,
                    self.rng,
                    (
                        "{A} of {B} in {C}",
                        "Effects of {A} on {B}",
                        "{A} and {B}: evidence from {C}",
                    ),
                )
                if norm(title) not in self.world_titles:
                    break
            people = [
                Person(self.rng.choice(COMMON_SURNAMES), self.rng.choice(GIVEN_NAMES))
                for _ in range(self.rng.randint(2, 5))
            ]
            if r.authors:
                real = self.rng.choice(r.authors)
                given = self.rng.choice([g for g in GIVEN_NAMES if g[:1] != real.given[:1]])
                people[self.rng.randrange(len(people))] = Person(real.family, given)
            pages = None
            if f.pages and re.fullmatch(r"\d+\s*[-–]\s*\d+", f.pages):
                first = self.rng.randint(1000, 1400)  # beyond any first page of the volume
                pages = f"{first}-{first + self.rng.randint(6, 14)}"
            cited = Cited(
                authors=tuple(people),
                title=title,
                container=clean(f.container or ""),
                container_short=r.short_container,
                year=f.year,
                volume=f.volume,
                issue=f.issue,
                pages=pages,
            )
            self._add(
                "common_name_fabrication",
                "fabricated",
                "fabricated",
                cited,
                r.key,
                [r.key],
                style=self.rng.choice(("apa", "vancouver", "harvard", "numbered", "bibtex")),
                own=(),
                note="invented work at a covered journal-year full of neighbours",
            )

    def _incidents(self, n: int) -> None:
        data = shared_data_dir() / "benchmarks"
        rows = read_jsonl(data / "hallmark_real_world_incidents.jsonl") + read_jsonl(
            data / "hallmark_gptzero_neurips2025.jsonl"
        )
        rows += [
            r
            for r in read_jsonl(data / "hallmark_walters_wilder_chatgpt_citations.jsonl")
            if r["label"] == "HALLUCINATED"
        ]
        containers = {norm(r.work.fields.container or "") for r in self.records}
        containers |= {
            norm(str(t)) for r in self.world.crossref for t in (r.get("container-title") or [])[:1]
        }
        chatgpt = 0
        for row in rows:
            if row["label"] != "HALLUCINATED":
                continue
            key = f"incident:{row['bibtex_key']}"
            if split_of(key) != self.split:
                continue
            cited = incident_cited(row["fields"])
            if cited is None:
                continue
            ww = str(row["bibtex_key"]).startswith("ww_")
            if ww and (norm(cited.container or "") in containers or chatgpt >= 2 * n):
                continue  # the world would have to hold that journal's works to judge it
            chatgpt += ww
            evidence = incident_evidence(cited, self.world_dois)
            self._add(
                "chatgpt_citation" if ww else "real_incident",
                "fabricated",
                "fabricated" if evidence else "unresolved",
                cited,
                key,
                [key],
                acceptable=() if evidence else ("fabricated",),
                own=(),
                style="apa" if ww else "bibtex",
                note=f"{row.get('hallucination_type')}: {evidence or 'no evidence in this world'}",
            )

    def _biomed(self, n: int) -> None:
        """HALLMARK's biomedical fabrications whose evidence this world holds (their DOIs)."""
        rows = read_jsonl(
            shared_data_dir() / "benchmarks" / "hallmark_test_crossdomain_matched_biomed.jsonl"
        )
        made = 0
        for row in rows:
            kind = row.get("hallucination_type")
            if row["label"] != "HALLUCINATED" or kind not in BIOMED_FABRICATIONS or made >= n:
                continue
            f = row["fields"]
            doi = str(f.get("doi") or "").strip()
            year = str(f.get("year", ""))
            if not doi or not year.isdigit() or not f.get("author"):
                continue
            key = doi.lower() if doi.lower() in self.world_dois else f"incident:{row['bibtex_key']}"
            if split_of(key) != self.split:
                continue
            title = untex(clean(str(f.get("title", ""))))
            if kind == "near_miss_title" and norm(title) in self.world_titles:
                continue  # "in vitro" for "in-vitro": the same title once normalised
            cited = Cited(
                authors=people_of(str(f["author"])),
                title=title,
                container=clean(str(f.get("journal") or "")) or None,
                year=int(year),
                doi=doi,
                kind="journal-article",
            )
            # Real title (or most of it) of the work at the DOI, or its real authors at its real
            # DOI (a chimeric title): a fix to that work is right. By #11's identity rule a DOI
            # and authors that agree make the record the cited work, cited with a wrong title.
            derived = kind in (
                "near_miss_title",
                "swapped_authors",
                "merged_citation",
                "placeholder_authors",
                "chimeric_title",
            )
            self._add(
                f"biomed_{kind}",
                "fabricated",
                "fabricated",
                cited,
                key,
                [key],
                style=self.rng.choice(("apa", "vancouver", "bibtex")),
                own=None if derived and key == doi.lower() else (),
                note=f"HALLMARK {kind}: {row.get('explanation', '')[:120]}",
            )
            made += 1

    def build(self, counts: HardCounts) -> list[Case]:
        """Every hard-world case of this half."""
        self.real(counts)
        self.fabricated(counts)
        return self.cases


# German and Nordic letters, and how they are written without them (Müller as Mueller).
_TRANSLIT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "ø": "oe",
        "Ø": "Oe",
        "å": "aa",
        "Å": "Aa",
        "æ": "ae",
    }
)


def transliterate(name: str) -> str:
    """A name as typed without its letters: Müller -> Mueller, Øster -> Oester."""
    return name.translate(_TRANSLIT)


def future_typo(year: int, today_year: int) -> int | None:
    """The year with one digit slipped into the future (2007 -> 2027), or None."""
    text = str(year)
    options = []
    for pos in (2, 3):
        for digit in "0123456789":
            candidate = int(text[:pos] + digit + text[pos + 1 :])
            if today_year < candidate <= today_year + 15:
                options.append(candidate)
    return min(options) if options else None


def _incident_people(text: str) -> tuple[tuple[Person, ...], bool]:
    """GPTZero's "A B, C D, and E F" author text as people, and whether it ends in "et al"."""
    parts = [x.strip() for x in re.split(r",\s*and\s+|\s+and\s+|,\s+", text) if x.strip()]
    etal = re.compile(r"(?i)(et\.?\s*al\.?|others|al)")
    people = tuple(
        Person(*reversed(p.rsplit(" ", 1))) if " " in p else Person(p)
        for p in parts
        if not etal.fullmatch(p)
    )
    return people, any(etal.fullmatch(p) for p in parts)


def incident_cited(f: dict[str, Any]) -> Cited | None:
    """A HALLMARK incident's BibTeX fields as a citation; None when its fields are garbled."""
    title = clean(str(f.get("title", "")))
    author = clean(str(f.get("author", "")))
    year = str(f.get("year", ""))
    if len(title.split()) < 4 or not author or not year.isdigit() or " et al" in title:
        return None
    venue = clean(str(f.get("journal") or f.get("booktitle") or ""))
    if len(venue) > 120 or norm(title) in norm(venue):
        venue = ""
    arxiv_note = clean(str(f.get("note", ""))) or None
    people, et_al = _incident_people(author.replace(" et al", " and et al"))
    if not people or any(len(p.family) < 2 for p in people):
        return None
    is_arxiv = venue.lower() == "arxiv" or bool(arxiv_note and "arxiv" in arxiv_note.lower())
    return Cited(
        authors=people,
        et_al=et_al,
        title=title,
        container=venue or None,
        year=int(year),
        volume=clean(str(f.get("volume", ""))) or None,
        issue=clean(str(f.get("number", ""))) or None,
        pages=clean(str(f.get("pages", ""))).replace("--", "-") or None,
        doi=clean(str(f.get("doi", ""))) or None,
        kind="proceedings-article" if f.get("booktitle") and not is_arxiv else "journal-article",
        note=arxiv_note,
    )


def incident_evidence(cited: Cited, world_dois: set[str]) -> str:
    """The positive evidence this world offers against a fabricated citation ("" if none)."""
    for p in cited.authors:
        # "John Smith" alone is a real name many people have; "Jane Smith" beside "John Doe" is not.
        if norm(p.family) in _PLACEHOLDER_KEYS or norm(f"{p.given} {p.family}") == "jane smith":
            return "placeholder author"
    if cited.doi and cited.doi.lower() not in world_dois:
        return "DOI that does not exist"
    m = _ARXIV_IN.search(f"{cited.note or ''} {cited.container or ''}")
    if m:
        ident = m.group(1)
        if not re.fullmatch(r"\d{4}\.\d{4,5}", ident) or not 1 <= int(ident[2:4]) <= 12:
            return "arXiv id that cannot exist"
    return ""


def build_hard_cases(
    split: str,
    world: World,
    seed: int = 20260601,
    counts: HardCounts | None = None,
    data_dir: Path | None = None,
    today_year: int = 2026,
) -> list[Case]:
    """The hard-world cases of one half ("tune" or "report"), or of both ("all")."""
    records = load_records(data_dir)
    out: list[Case] = []
    for name in ("tune", "report") if split == "all" else (split,):
        mine = [r for r in records if split_of(r.key) == name]
        out += HardBuilder(name, world, seed, mine, today_year).build(counts or HardCounts())
    return out
