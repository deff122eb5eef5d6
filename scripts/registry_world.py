"""Bibliographies of real works and the registry records that really hold them.

Real works come from the VALID entries of the HALLMARK benchmark (``../shared/data/benchmarks``,
real citations checked by its authors). Each becomes a record of the registries that hold such
a work in reality, in that registry's own format: arXiv preprints → arXiv API entries; Machine
Learning (Springer) articles → Crossref records; NeurIPS / ICML / ICLR papers (no DOIs) →
DBLP entries and OpenAlex works; JMLR / TMLR articles (no DOIs) → OpenAlex works. No
Crossref record is made for what Crossref does not hold. The biomedical world uses the real
PubMed records recorded in ``../shared/data/pubmed`` (served as recorded).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from standin_corpus import shared_data_dir
from standin_services import (
    ServicesData,
    arxiv_record,
    dblp_record,
    openalex_record,
    pubmed_record,
)


def _valid_entries() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in ("hallmark_dev_public.jsonl", "hallmark_test_public.jsonl"):
        path = shared_data_dir() / "benchmarks" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if entry.get("label") == "VALID":
                out.append(entry["fields"])
    return out


def names(author: str) -> list[str]:
    """BibTeX ``A and B`` as a list of names."""
    return [a.strip() for a in re.split(r"\s+and\s+", author) if a.strip() and a != "others"]


def _bib_value(text: str) -> str:
    return text.replace("{", "").replace("}", "")


@dataclass
class World:
    """A bibliography, the records that hold its works, and what each entry should get."""

    entries: list[str] = field(default_factory=list)
    data: ServicesData = field(default_factory=ServicesData)
    crossref: list[dict[str, Any]] = field(default_factory=list)
    real: set[str] = field(default_factory=set)
    invented: dict[str, str] = field(default_factory=dict)  # key -> expected evidence code
    erroneous: set[str] = field(default_factory=set)  # real works cited with one error

    def bibtex(self) -> str:
        """The bibliography as one BibTeX file."""
        return "\n\n".join(self.entries) + "\n"

    def add(self, key: str, kind: str, values: dict[str, str], *, real: bool = True) -> None:
        """One BibTeX entry."""
        body = ",\n".join(f"  {k} = {{{_bib_value(v)}}}" for k, v in values.items() if v)
        self.entries.append(f"@{kind}{{{key},\n{body}\n}}")
        if real:
            self.real.add(key)


def _crossref_record(f: dict[str, str]) -> dict[str, Any]:
    """A Crossref work message for a Machine Learning article."""
    people = []
    for i, name in enumerate(names(f["author"])):
        given, _, family = name.rpartition(" ")
        people.append(
            {"given": given, "family": family, "sequence": "first" if i == 0 else "additional"}
        )
    return {
        "DOI": f["doi"].lower(),
        "title": [f["title"].rstrip(".")],
        "author": people,
        "container-title": ["Machine Learning"],
        "short-container-title": ["Mach Learn"],
        "publisher": "Springer Science and Business Media LLC",
        "type": "journal-article",
        "issued": {"date-parts": [[int(f["year"])]]},
        "ISSN": ["0885-6125", "1573-0565"],
    }


def ml_world(per_kind: dict[str, int] | None = None) -> World:
    """About 100 real ML citations plus invented arXiv ids and invented titles at ML venues."""
    want = per_kind or {
        "arxiv": 35,
        "mlj": 15,
        "NeurIPS": 15,
        "ICML": 10,
        "ICLR": 10,
        "J. Mach. Learn. Res.": 8,
        "Trans. Mach. Learn. Res.": 7,
    }
    taken = dict.fromkeys(want, 0)
    world = World()
    seen_titles: set[str] = set()
    for n, f in enumerate(_valid_entries()):
        venue = f.get("booktitle") or f.get("journal") or ""
        doi = f.get("doi", "")
        title, author, year = f.get("title", ""), f.get("author", ""), f.get("year", "")
        if not (title and author and year.isdigit()) or title.lower() in seen_titles:
            continue
        if "arxiv" in doi.lower():
            kind = "arxiv"
        elif venue == "Mach. Learn." and doi:
            kind = "mlj"
        elif venue in want and not doi:
            kind = venue
        else:
            continue
        if taken[kind] >= want[kind]:
            continue
        taken[kind] += 1
        seen_titles.add(title.lower())
        key = f"ml{n}"
        people = names(author)
        if kind == "arxiv":
            arxiv_id = re.sub(r"v\d+$", "", doi.split("arXiv.", 1)[1])
            world.data.arxiv.append(arxiv_record(arxiv_id, title, people, f"{year}-01-15"))
            world.add(
                key,
                "misc",
                {
                    "title": title,
                    "author": author,
                    "year": year,
                    "eprint": arxiv_id,
                    "archivePrefix": "arXiv",
                    "primaryClass": "cs.LG",
                },
            )
        elif kind == "mlj":
            world.crossref.append(_crossref_record(f))
            world.add(
                key,
                "article",
                {"title": title, "author": author, "journal": venue, "year": year, "doi": doi},
            )
        elif kind in ("NeurIPS", "ICML", "ICLR"):
            world.data.dblp.append(dblp_record(title, people, kind, int(year)))
            # OpenAlex indexes these proceedings too (from the conferences' own sites).
            world.data.openalex.append(
                openalex_record(title, people, int(year), kind, kind="article", number=n)
            )
            world.add(
                key,
                "inproceedings",
                {"title": title, "author": author, "booktitle": venue, "year": year},
            )
        else:
            full = {
                "J. Mach. Learn. Res.": "Journal of Machine Learning Research",
                "Trans. Mach. Learn. Res.": "Transactions on Machine Learning Research",
            }[kind]
            world.data.openalex.append(openalex_record(title, people, int(year), full, number=n))
            world.add(
                key, "article", {"title": title, "author": author, "journal": venue, "year": year}
            )
    short = {k: want[k] - taken[k] for k in want if taken[k] < want[k]}
    assert not short, f"HALLMARK has too few valid entries of {short}"
    _invented_ml(world)
    _erroneous_ml(world)
    return world


def _erroneous_ml(world: World) -> None:
    """Real works of the world cited with one error each: never to be called fabricated."""
    by_kind: dict[str, str] = {}
    for entry in world.entries:
        kind = "arxiv" if "eprint" in entry else entry.split("{", 1)[0]
        venue = re.search(r"(?:booktitle|journal) = \{([^}]*)\}", entry)
        by_kind.setdefault(f"{kind}:{venue.group(1) if venue else ''}", entry)
    changes = (
        (
            "@inproceedings:NeurIPS",
            "typo",
            lambda e: re.sub(r"(title = \{\w*?)([a-z])([a-z])([a-z]+)", r"\1\2\4", e, count=1),
        ),
        (
            "@inproceedings:ICML",
            "year",
            lambda e: re.sub(r"year = \{(\d+)\}", lambda m: f"year = {{{int(m.group(1)) - 1}}}", e),
        ),
        (
            "@article:J. Mach. Learn. Res.",
            "author",
            lambda e: re.sub(r"(author = \{[^}]*? )([A-Z][a-z]+)([a-z])\b", r"\1\2", e, count=1),
        ),
    )
    for i, (where, what, change) in enumerate(changes):
        entry = by_kind[where]
        key = re.match(r"@\w+\{([^,]+),", entry)
        assert key is not None
        changed = change(entry).replace(key.group(1), f"err_{what}_{i}", 1)
        assert changed != entry.replace(key.group(1), f"err_{what}_{i}", 1), what
        world.entries.append(changed)
        world.erroneous.add(f"err_{what}_{i}")


def _invented_ml(world: World) -> None:
    """Invented arXiv ids and invented titles at real ML venues (with real-sounding authors)."""
    world.add(
        "fake_arxiv_month",
        "misc",
        {
            "title": "Sparse Mixture Routing for Continual Token Pruning",
            "author": "Wei Zhang and Laura Fischer",
            "year": "2022",
            "eprint": "2213.04567",
            "archivePrefix": "arXiv",
        },
        real=False,
    )
    world.invented["fake_arxiv_month"] = "ARXIV_NOT_FOUND"
    world.add(
        "fake_arxiv_missing",
        "misc",
        {
            "title": "Contrastive Gradient Alignment Improves Long-Horizon Offline Planning",
            "author": "Daniel Okafor and Mei Lin and Tomasz Nowak",
            "year": "2021",
            "eprint": "2106.99871",
            "archivePrefix": "arXiv",
        },
        real=False,
    )
    world.invented["fake_arxiv_missing"] = "ARXIV_NOT_FOUND"
    for key, venue, year, title, author in (
        (
            "fake_neurips",
            "NeurIPS",
            "2022",
            "Hierarchical Diffusion Critics for Sample-Efficient Policy Distillation",
            "Anna Kowalski and Rahul Mehta",
        ),
        (
            "fake_icml",
            "ICML",
            "2021",
            "Provably Calibrated Ensembles via Spectral Weight Averaging",
            "James Porter and Yuki Tanaka",
        ),
        (
            "fake_iclr",
            "ICLR",
            "2023",
            "Self-Supervised Graph Tokenizers for Molecular Property Transfer",
            "Elena Rossi and Kwame Mensah",
        ),
    ):
        world.add(
            key,
            "inproceedings",
            {"title": title, "author": author, "booktitle": venue, "year": year},
            real=False,
        )
        world.invented[key] = "NO_MATCH_IN_INDEXED_VENUE"


# Vancouver citations of real PubMed records without DOIs (as a reference list is written).
PUBMED_ONLY = {
    "ackerly": "Ackerly DD, Reich PB. Convergence and correlations among leaf size and function "
    "in seed plants: a comparative test using independent contrasts. Am J Bot. "
    "1999;86(9):1272-81.",
    "strekas": "Strekas TC. Magnetic studies of Chromatium flavocytochrome C552. A mechanism for "
    "heme-flavin interaction. Biochim Biophys Acta. 1976;446(1):179-91.",
    "olivero": "Olivero JM. The treatment of AIDS behind the walls of correctional facilities. "
    "Soc Justice. 1990;17(1):113-25.",
    "grissom": "Grissom FE, Kahn JS. Glyceraldehyde-3-phosphate dehydrogenases from Euglena "
    "gracilis. Purification and physical and chemical characterization. Arch Biochem Biophys. "
    "1975;171(2):444-58.",
    "pringle": "Pringle JR. Methods for avoiding proteolytic artefacts in studies of enzymes and "
    "other proteins from yeasts. Methods Cell Biol. 1975;12:149-84.",
    "gmaj": "Gmaj P, Hoppe A, Angielski S, Rogulski J, Metler M. Effects of maleate on renal "
    "reabsorption of bicarbonate. Curr Probl Clin Biochem. 1975;4:101-5.",
    "regional": "Haddad FS, Barakat RN. Outcomes of early mobilisation after hip fracture "
    "surgery in a regional hospital. Leban Med J. 2004;52(3):141-6.",
}
# A record built for the stand-in in PubMed's own format: a regional MEDLINE journal.
REGIONAL = pubmed_record(
    "15881694",
    "Outcomes of early mobilisation after hip fracture surgery in a regional hospital.",
    [("Haddad", "FS"), ("Barakat", "RN")],
    "Le Journal medical libanais. The Lebanese medical journal",
    "Leban Med J",
    2004,
    "52",
    "141-6",
    issue="3",
)
INVENTED_AT_LOCATOR = (
    "Marlow KT, Ibsen HV. Root hydraulic conductance predicts drought survival in temperate "
    "oak seedlings. Am J Bot. 1999;86(9):1272-81."
)
INVENTED_JOURNAL = (
    "Lindqvist P, Oduya MA. Serum ferritin trajectories after bariatric surgery: a "
    "multicentre cohort. J Transl Cardiorenal Metab Sci. 2019;12(3):45-52."
)
# A real journal that deposits no DOIs, a work no registry asked holds: never an accusation.
REAL_JOURNAL_UNKNOWN_WORK = (
    "Ramirez L, Cohen D. Prison health education and community reentry programs. "
    "Soc Justice. 1991;18(2):40-58."
)


def biomedical_lines() -> tuple[list[str], list[str]]:
    """The biomedical reference list (keys, Vancouver lines): PubMed-only works, an invented
    title at a real location, an invented journal, a real journal's unknown work."""
    keys = [*PUBMED_ONLY, "invented_at_locator", "invented_journal", "real_journal"]
    lines = [
        *PUBMED_ONLY.values(),
        INVENTED_AT_LOCATOR,
        INVENTED_JOURNAL,
        REAL_JOURNAL_UNKNOWN_WORK,
    ]
    return keys, lines


__all__ = [
    "INVENTED_AT_LOCATOR",
    "INVENTED_JOURNAL",
    "PUBMED_ONLY",
    "REAL_JOURNAL_UNKNOWN_WORK",
    "REGIONAL",
    "World",
    "biomedical_lines",
    "ml_world",
    "names",
]
