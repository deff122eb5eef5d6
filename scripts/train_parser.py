"""Train the reference-string tagger on AnyStyle's core set and write it into the package.

    python scripts/train_parser.py [--data PATH] [--out PATH] [--c1 0.1] [--c2 0.01]

The training data is ``parsing/anystyle_core.xml`` from the shared data folder
(``$VERIBIB_SHARED``, default ``<project>/../shared``); the model goes to
``src/veribib/reference/model/parser.crfsuite``.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from veribib.reference.dataset import read_dataset
from veribib.reference.training import DEFAULT_PARAMS, train_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERIBIB_SHARED", ROOT.parent / "shared"))


def main() -> None:
    """Train and save the model, printing its size and the time taken."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data/parsing/anystyle_core.xml")
    ap.add_argument(
        "--out", type=Path, default=ROOT / "src/veribib/reference/model/parser.crfsuite"
    )
    ap.add_argument("--c1", type=float, default=DEFAULT_PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULT_PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=DEFAULT_PARAMS["max_iterations"])
    args = ap.parse_args()

    refs = read_dataset(args.data)
    start = time.perf_counter()
    train_model(
        refs, args.out, {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    )
    took = time.perf_counter() - start
    size = args.out.stat().st_size
    print(f"trained on {len(refs)} references in {took:.1f} s -> {args.out} ({size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
