"""Print how fast the source stage reads large inputs (run by hand; belongs in scripts/).

python tests/source/bench_source.py
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from veribib.errors import InputError
from veribib.model import Document
from veribib.source import read_document
from veribib.source.text import TextResult, read_text

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
MB = 1024 * 1024


def _timed(label: str, func: Callable[[], Document | TextResult]) -> None:
    start = time.perf_counter()
    try:
        result = func()
        outcome = f"{len(result.references)} references, {len(result.citations)} citations"
    except InputError as exc:
        outcome = f"refused: {exc}"
    print(f"{label:<52} {time.perf_counter() - start:6.2f} s  {outcome}")


def _repeat_to(text: str, size: int) -> bytes:
    data = (text * (size // len(text.encode()) + 1)).encode()
    return data[:size]


def main() -> None:
    """Time a 10,000-entry list and 50 MB inputs of several kinds, and an oversized file."""
    whitepaper = (SEEDS / "003_da9473c98b5f57df.txt").read_text(encoding="utf-8")
    blog = (SEEDS / "000_eb9304c429739f31.txt").read_text(encoding="utf-8")
    lines = whitepaper.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "REFERENCES") + 1
    block = lines[start:524]
    refs: list[str] = []
    while len(refs) < 10_000 * len(block) / 37:
        refs.extend(block)
    doc = "\n".join(["Some running text about exosomes (Xing et al., 2020)."] * 200)
    doc += "\nREFERENCES\n" + "\n".join(refs)
    _timed("10,000-reference list (read_text)", lambda: read_text(doc, "big.txt"))

    for size in (10 * 10**6, 50 * MB):
        _bulk(size, blog, whitepaper)
    _timed("50 MB + 1 byte (over the limit)", lambda: read_document("d.txt", b"x" * (50 * MB + 1)))


def _bulk(size: int, blog: str, whitepaper: str) -> None:
    mb = f"{size / MB:.1f} MB"
    _timed(f"{mb}: blog text repeated", lambda: read_document("a.txt", _repeat_to(blog, size)))
    _timed(
        f"{mb}: whitepaper repeated (a list every 30 KB)",
        lambda: read_document("b.txt", _repeat_to(whitepaper, size)),
    )
    rng = random.Random(1)
    words = ["exosome", "skin", "(Smith", "et", "al.,", "2019)", "[12]", "wound", "healing"]
    noise = "\n".join(" ".join(rng.choice(words) for _ in range(10)) for _ in range(20_000))
    _timed(f"{mb}: citation-like noise", lambda: read_document("c.txt", _repeat_to(noise, size)))


if __name__ == "__main__":
    main()
