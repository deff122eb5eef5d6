"""Print how fast the source stage reads large inputs (run by hand; belongs in scripts/).

    python tests/source/bench_source.py
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from veribib.errors import InputError
from veribib.source import read_document
from veribib.source.text import read_text

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "003_da9473c98b5f57df.txt"


def _timed(label: str, func: object) -> None:
    start = time.perf_counter()
    try:
        result = func()  # type: ignore[operator]
        outcome = f"{len(result.references)} references"
    except InputError as exc:
        outcome = f"refused: {exc}"
    print(f"{label:<48} {time.perf_counter() - start:6.2f} s  {outcome}")


def main() -> None:
    """Time a 10,000-entry list, a 50 MB running text, and a file over the size limit."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "REFERENCES") + 1
    block = lines[start:524]
    rng = random.Random(1)
    body = ["Some running text about exosomes (Xing et al., 2020)."] * 200
    refs: list[str] = []
    while len(refs) < 10_000 * len(block) / 37:
        refs.extend(block)
    doc = "\n".join([*body, "REFERENCES", *refs])
    _timed("10,000-reference text (read_text)", lambda: read_text(doc, "big.txt"))

    words = "exosome skin collagen vesicle (Smith et al., 2019) [12] wound healing".split()
    para = []
    size = 0
    while size < 50 * 1024 * 1024 - 200:
        line = " ".join(rng.choice(words) for _ in range(10))
        para.append(line)
        size += len(line) + 1
    data = "\n".join(para).encode()[: 50 * 1024 * 1024]
    _timed(f"{len(data) / 2**20:.0f} MB running text (read_document)", lambda: read_document("big.txt", data))
    over = data + b"x" * 1024
    _timed("50 MB + 1 KB (over the limit)", lambda: read_document("over.txt", over))


if __name__ == "__main__":
    main()
