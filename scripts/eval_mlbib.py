"""An ML paper's bibliography of real works, checked against what the registries hold for them.

``tests/data/mlbib/`` holds (built by ``--build`` from HALLMARK's VALID entries, see its NOTICE):

* ``references.bib``: 120 real ML-paper citations as real papers write them: Google Scholar's
  BibTeX (``journal = {arXiv preprint arXiv:…}``, ``booktitle = {Advances in Neural Information
  Processing Systems}``), arXiv's own export (``@misc`` with ``eprint``), OpenReview/PMLR
  (``The Tenth International Conference on Learning Representations``, ``Proceedings of the 39th
  International Conference on Machine Learning``), DBLP's short venues (``NeurIPS``);
* ``crossref.jsonl``: the Crossref records of the cited works Crossref holds (CVPR, ICCV, AAAI,
  Machine Learning), constructed from HALLMARK's DBLP metadata (``x-veribib-constructed``);
* ``datacite.jsonl``: DataCite's records of the arXiv papers (arXiv DOIs are DataCite's only);
* ``crossref-neighbours.jsonl``: synthetic Crossref preprints (TechRxiv, Research Square,
  Preprints.org, SSRN; ``x-veribib-synthetic``) with ML titles and common surnames: what a
  search for an arXiv paper finds in live Crossref. NeurIPS, ICLR, ICML, JMLR and TMLR papers
  have no DOI and are in no file.

Running the script checks ``references.bib`` with the whole pipeline against a stand-in serving
only those files, and prints how many real references were accused (the target is 0) and how
many were verified, with every accused one::

    python scripts/eval_mlbib.py [--build] [--data tests/data/mlbib] [--without-neighbours]
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_cases import norm
from eval_world import (
    RealWork,
    crossref_record,
    datacite_document,
    load_real_works,
    preprint_neighbours,
    write_jsonl,
)
from standin import StandIn, StandInOptions
from standin_corpus import Corpus, read_jsonl
from veribib.config import Settings
from veribib.export.interface import CheckedReference
from veribib.pipeline import check

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "mlbib"
TODAY = datetime.date(2026, 12, 6)
# How many works of each kind the bibliography cites (120 in all).
MIX = (
    ("arxiv", 30),
    ("NeurIPS", 24),
    ("ICLR", 16),
    ("ICML", 16),
    ("CVPR", 12),
    ("AAAI", 8),
    ("Mach. Learn.", 6),
    ("J. Mach. Learn. Res.", 5),
    ("Trans. Mach. Learn. Res.", 3),
)
_ORDINAL = {
    2019: "Seventh",
    2020: "Eighth",
    2021: "Ninth",
    2022: "Tenth",
    2023: "Eleventh",
    2024: "Twelfth",
}
_ICML = {2021: ("38th", "139"), 2022: ("39th", "162"), 2023: ("40th", "202")}
_NEURIPS_VOLUME = {2019: "32", 2020: "33", 2021: "34", 2022: "35", 2023: "36", 2024: "37"}


def _authors(w: RealWork) -> str:
    names = [f"{p.family}, {p.given}" if p.given else p.family for p in w.authors]
    return " and ".join(names + (["others"] if w.et_al else []))


def _key(w: RealWork, taken: set[str]) -> str:
    first = norm(w.authors[0].family).replace(" ", "") if w.authors else "anon"
    word = next((t for t in norm(w.title).split() if len(t) > 3), "work")
    key = f"{first}{w.year}{word}"
    while key in taken:
        key += "x"
    taken.add(key)
    return key


def bibtex(w: RealWork, key: str, rng: random.Random) -> str:
    """One entry as a real paper's .bib has it (Google Scholar, arXiv, OpenReview, PMLR, DBLP)."""
    fields: list[tuple[str, str]] = [("title", w.title), ("author", _authors(w))]
    kind = "inproceedings"
    if w.arxiv:
        year = str(2000 + int(w.arxiv[:2]))
        if rng.random() < 0.6:
            kind = "article"
            fields += [("journal", f"arXiv preprint arXiv:{w.arxiv}"), ("year", year)]
        else:
            kind = "misc"
            fields += [
                ("year", year),
                ("eprint", w.arxiv),
                ("archivePrefix", "arXiv"),
                ("url", f"https://arxiv.org/abs/{w.arxiv}"),
            ]
    elif w.venue == "NeurIPS":
        if rng.random() < 0.7:
            fields.append(("booktitle", "Advances in Neural Information Processing Systems"))
            if w.year in _NEURIPS_VOLUME:
                fields.append(("volume", _NEURIPS_VOLUME[w.year]))
        else:
            fields.append(("booktitle", "NeurIPS"))
        fields.append(("year", str(w.year)))
    elif w.venue == "ICLR":
        if rng.random() < 0.5 and w.year in _ORDINAL:
            fields.append(
                (
                    "booktitle",
                    f"The {_ORDINAL[w.year]} International Conference on Learning Representations",
                )
            )
            fields.append(("url", "https://openreview.net/forum"))
        else:
            fields.append(("booktitle", "International Conference on Learning Representations"))
        fields.append(("year", str(w.year)))
    elif w.venue == "ICML":
        if rng.random() < 0.5 and w.year in _ICML:
            nth, volume = _ICML[w.year]
            fields += [
                (
                    "booktitle",
                    f"Proceedings of the {nth} International Conference on Machine Learning",
                ),
                ("series", "Proceedings of Machine Learning Research"),
                ("volume", volume),
                ("publisher", "PMLR"),
            ]
        else:
            fields += [
                ("booktitle", "International Conference on Machine Learning"),
                ("organization", "PMLR"),
            ]
        fields.append(("year", str(w.year)))
    elif w.venue in ("CVPR", "ICCV"):
        long = (
            "Computer Vision and Pattern Recognition"
            if w.venue == "CVPR"
            else ("International Conference on Computer Vision")
        )
        fields += [
            (
                "booktitle",
                f"Proceedings of the IEEE/CVF Conference on {long}"
                if w.venue == "CVPR"
                else f"Proceedings of the IEEE/CVF {long}",
            ),
            ("year", str(w.year)),
        ]
        if w.doi and rng.random() < 0.5:
            fields.append(("doi", w.doi))
    elif w.venue == "AAAI":
        fields += [("booktitle", "Proceedings of the AAAI Conference on Artificial Intelligence")]
        m = re.search(r"aaai\.v(\d+)i(\d+)", (w.doi or "").lower())
        if m:
            fields += [("volume", m.group(1)), ("number", m.group(2))]
        fields.append(("year", str(w.year)))
        if w.doi and rng.random() < 0.5:
            fields.append(("doi", w.doi))
    else:
        kind = "article"
        journal = {
            "Mach. Learn.": "Machine Learning",
            "J. Mach. Learn. Res.": "Journal of Machine Learning Research",
            "Trans. Mach. Learn. Res.": "Transactions on Machine Learning Research",
        }.get(w.venue, w.venue)
        fields.append(("journal", journal))
        if w.venue == "J. Mach. Learn. Res.":
            fields.append(("volume", str(w.year - 1999)))
        fields += [("year", str(w.year)), ("publisher", "Springer" if w.doi else "JMLR.org")]
        if w.doi and rng.random() < 0.6:
            fields.append(("doi", w.doi.lower()))
    body = ",\n".join(f"  {name}={{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}"


def choose(works: Sequence[RealWork], seed: int = 11) -> list[RealWork]:
    """The bibliography's works: ``MIX`` of the ML VALID entries, deterministically."""
    rng = random.Random(seed)
    ml = [w for w in works if w.domain == "ml"]
    out: list[RealWork] = []
    for venue, n in MIX:
        pool = [
            w
            for w in ml
            if (w.arxiv is not None if venue == "arxiv" else (w.venue == venue and w.arxiv is None))
        ]
        out += rng.sample(pool, min(n, len(pool)))
    return out


NOTICE = """\
# ML bibliography: real works and the registry records that hold them

Built by `scripts/eval_mlbib.py --build`; used by `tests/evaluate/test_mlbib.py`.

## Source

HALLMARK, https://github.com/rpatrik96/hallmark, commit
46ddde856b2ef3a81ab3210b46b3cda060ddb039, files `data/v1.0/dev_public.jsonl` and
`data/v1.0/test_public.jsonl` (copied to the project's shared data, see its `PROVENANCE.tsv`):
the VALID entries, real papers whose metadata HALLMARK's authors scraped from DBLP and checked.

## What each file is

- `references.bib`: 120 of those works written as BibTeX the way papers cite them (Google
  Scholar, arXiv, OpenReview, PMLR and DBLP styles). Keys and styles are ours.
- `crossref.jsonl`, `datacite.jsonl`: records in Crossref's / DataCite's shape **constructed**
  from that metadata (field `x-veribib-constructed` names the HALLMARK entry). They are not
  recordings of the registries: pages, dates beyond the year and every other field are absent.
- `crossref-neighbours.jsonl`: **synthetic** Crossref preprint records (`x-veribib-synthetic:
  true`): titles recombined from the HALLMARK titles, invented author lists. They describe no
  real work; they stand for what a Crossref search for an arXiv paper finds.

## Licence

HALLMARK is released under the MIT License:

> MIT License
>
> Copyright (c) the HALLMARK authors (rpatrik96/hallmark)
>
> Permission is hereby granted, free of charge, to any person obtaining a copy of this software
> and associated documentation files (the "Software"), to deal in the Software without
> restriction, including without limitation the rights to use, copy, modify, merge, publish,
> distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
> Software is furnished to do so, subject to the following conditions:
>
> The above copyright notice and this permission notice shall be included in all copies or
> substantial portions of the Software.
>
> THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
> BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
> NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
> DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
> OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

The bibliographic facts themselves (titles, author names, venues, years, DOIs) come from DBLP
(CC0) and arXiv/DataCite metadata (CC0).
"""


def build(folder: Path) -> int:
    """Write the bibliography and its registry files; returns the number of entries."""
    works = choose(load_real_works())
    rng = random.Random(7)
    taken: set[str] = set()
    entries = [bibtex(w, _key(w, taken), rng) for w in works]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "references.bib").write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    write_jsonl(
        folder / "crossref.jsonl", [crossref_record(w) for w in works if w.registry == "crossref"]
    )
    write_jsonl(folder / "datacite.jsonl", [datacite_document(w) for w in works if w.arxiv])
    dois = {w.doi.lower() for w in works if w.doi}
    write_jsonl(folder / "crossref-neighbours.jsonl", preprint_neighbours(works, 200, dois))
    (folder / "NOTICE.md").write_text(NOTICE, encoding="utf-8")
    return len(entries)


# --- measuring ------------------------------------------------------------------------------


def corpus_of(folder: Path, neighbours: bool = True) -> Corpus:
    """A stand-in corpus holding only the bibliography's registry files."""
    corpus = Corpus()
    works = read_jsonl(folder / "crossref.jsonl")
    if neighbours:
        works += read_jsonl(folder / "crossref-neighbours.jsonl")
    corpus.add_works(works)
    for document in read_jsonl(folder / "datacite.jsonl"):
        corpus.datacite[str(document["data"]["id"]).lower()] = document
    return corpus


@dataclass
class Tally:
    """What the judge said of the bibliography."""

    total: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    accused: list[str] = field(default_factory=list)  # "key: reason" of each fabricated one
    wrong_work: list[str] = field(default_factory=list)  # matched a record of another work

    def lines(self) -> list[str]:
        """The figures as printed."""
        out = [
            f"ML bibliography: {self.total} real references",
            f"accused (fabricated)   {self.verdicts['fabricated']:4d}   target 0",
            f"verified               {self.verdicts['verified']:4d}",
            f"inaccurate             {self.verdicts['inaccurate']:4d}",
            f"unresolved             {self.verdicts['unresolved']:4d}",
            f"matched another work   {len(self.wrong_work):4d}   target 0",
        ]
        out += [f"  accused: {a}" for a in self.accused]
        out += [f"  other work: {w}" for w in self.wrong_work]
        return out


def tally(checked: Sequence[CheckedReference], own_dois: dict[str, set[str]]) -> Tally:
    """Count the verdicts; ``own_dois``: BibTeX key -> DOIs of the cited work (arXiv + venue)."""
    result = Tally(total=len(checked))
    for item in checked:
        j = item.judgement
        key = item.reference.raw.key or item.reference.raw.text[:60]
        result.verdicts[j.verdict.value] += 1
        if j.verdict.value == "fabricated":
            result.accused.append(f"{key}: {j.reason}")
        matched = j.suggested_doi or (j.match.doi if j.match else None)
        if j.verdict.value in ("verified", "inaccurate") and (
            matched is None or matched.lower() not in own_dois.get(key, set())
        ):
            result.wrong_work.append(f"{key}: {j.verdict.value} as {matched}")
    return result


def own_dois(folder: Path) -> dict[str, set[str]]:
    """BibTeX key -> DOIs the registries hold for the cited work (by title)."""
    by_title: dict[str, set[str]] = {}
    for record in read_jsonl(folder / "crossref.jsonl"):
        by_title.setdefault(norm(record["title"][0]), set()).add(str(record["DOI"]).lower())
    for document in read_jsonl(folder / "datacite.jsonl"):
        title = document["data"]["attributes"]["titles"][0]["title"]
        by_title.setdefault(norm(title), set()).add(str(document["data"]["id"]).lower())
    out: dict[str, set[str]] = {}
    text = (folder / "references.bib").read_text(encoding="utf-8")
    for key, title in re.findall(r"@\w+\{([^,]+),\s*title=\{([^}]*)\}", text):
        out[key] = by_title.get(norm(title), set())
    return out


def run_check(
    folder: Path, workdir: Path, today: datetime.date = TODAY, neighbours: bool = True
) -> tuple[CheckedReference, ...]:
    """Check ``references.bib`` against a stand-in serving the folder's registry files."""
    corpus = corpus_of(folder, neighbours)
    with StandIn(StandInOptions(enforce_limits=False), corpus=corpus) as server:
        settings = Settings(
            **server.service_urls(),
            mailto="mlbib@example.org",
            crossref_token="mlbib-token",  # the plus pool: no client-side 3/s search pacing
            db=str(workdir / "veribib.sqlite"),
            cache_dir=str(workdir),
            timeout=10.0,
        ).validate()
        report = check([folder / "references.bib"], settings, today=today)
    return tuple(report.references)


def measure(
    folder: Path, workdir: Path, today: datetime.date = TODAY, neighbours: bool = True
) -> Tally:
    """The bibliography checked through the whole pipeline, counted."""
    return tally(run_check(folder, workdir, today, neighbours), own_dois(folder))


def main(argv: list[str] | None = None) -> int:
    """Build (``--build``) or measure the ML bibliography and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--build", action="store_true", help="(re)write the data folder first")
    parser.add_argument(
        "--without-neighbours",
        action="store_true",
        help="serve only the cited works' records (no synthetic Crossref preprints)",
    )
    args = parser.parse_args(argv)
    if args.build:
        print(f"wrote {build(args.data)} entries to {args.data}")
    with tempfile.TemporaryDirectory(prefix="veribib-mlbib-") as tmp:
        result = measure(args.data, Path(tmp), neighbours=not args.without_neighbours)
        print("\n".join(result.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
