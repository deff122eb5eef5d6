"""Train the reference-string tagger and write it into the package.

    python scripts/train_parser.py [--data PATH] [--crossref PATH] [--synthetic 2] [--out PATH]

Training data: AnyStyle's hand-tagged ``parsing/anystyle_core.xml`` plus, for layouts the
core set hardly has (Vancouver, Cite Them Right Harvard, IEEE, Chicago, MLA, chapters, no
locators, article numbers, organisations as authors), strings rendered by
``veribib.reference.styles`` from the real Crossref records in ``crossref/works-2026-06.jsonl``
(``--synthetic N`` renderings per record; 0 = none). Only records of the TUNE half (the hash
split of ``eval_cases.split_of``) are rendered: the REPORT half is what
``scripts/eval_parser.py`` and ``scripts/evaluate.py`` measure on. Both files come from the
shared data folder (``$VERIBIB_SHARED``, default ``<project>/../shared``). The model goes to
``src/veribib/reference/model/parser.crfsuite``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_cases import split_of
from veribib.reference.dataset import TaggedReference, read_dataset
from veribib.reference.synthetic import organisations, read_crossref_jsonl, synthetic_references
from veribib.reference.training import DEFAULT_PARAMS, train_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERIBIB_SHARED", ROOT.parent / "shared"))
CORE = SHARED / "data/parsing/anystyle_core.xml"
CROSSREF = SHARED / "data/crossref/works-2026-06.jsonl"
MODEL = ROOT / "src/veribib/reference/model/parser.crfsuite"
SYNTHETIC_PER_RECORD = 6
MEASURED_HALF = "report"  # never rendered for training


def training_set(
    core: list[TaggedReference], crossref: Path = CROSSREF, per_record: int = SYNTHETIC_PER_RECORD
) -> list[TaggedReference]:
    """The hand-tagged references plus strings rendered from the TUNE half's Crossref records."""
    if per_record <= 0:
        return list(core)
    records = [
        r
        for r in read_crossref_jsonl(crossref)
        if split_of(str(r.get("DOI") or "")) != MEASURED_HALF
    ]
    return list(core) + synthetic_references(records, per_record, orgs=organisations(records))


def main() -> None:
    """Train and save the model, printing its size and the time taken."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=CORE)
    ap.add_argument("--crossref", type=Path, default=CROSSREF)
    ap.add_argument("--synthetic", type=int, default=SYNTHETIC_PER_RECORD)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--c1", type=float, default=DEFAULT_PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULT_PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=DEFAULT_PARAMS["max_iterations"])
    args = ap.parse_args()

    core = read_dataset(args.data)
    refs = training_set(core, args.crossref, args.synthetic)
    start = time.perf_counter()
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    train_model(refs, args.out, params)
    took = time.perf_counter() - start
    size = args.out.stat().st_size / 1e6
    print(
        f"trained on {len(core)} tagged + {len(refs) - len(core)} synthetic references "
        f"in {took:.1f} s -> {args.out} ({size:.2f} MB)"
    )


if __name__ == "__main__":
    main()
