"""Coverage-guided fuzzing of the readers and the reference parser with atheris (not in the suite).

Feeds bytes to ``veribib.source.read_document`` under a file name whose extension the first byte
picks (.bib .txt .ris .json .nxml .html .pdf), then parses every reference found with
``veribib.reference.parse_reference``. Only ``InputError`` may escape; anything else is a crash
atheris reports with the input that caused it (written as ``crash-<sha1>`` in the working
directory).

    pip install atheris
    python scripts/fuzz_atheris.py -max_total_time=120 [-max_len=4096] [corpus_dir]

The seed corpus (when a directory is given and empty) is filled with the shared documents and
a BibTeX/RIS/CSL-JSON/text sample, so the fuzzer starts from real shapes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris  # type: ignore[import-not-found]

with atheris.instrument_imports(include=["veribib", "bibtexparser", "pylatexenc"]):
    from veribib.errors import InputError
    from veribib.reference import parse_reference
    from veribib.source import read_document

NAMES = ("a.bib", "a.txt", "a.ris", "a.json", "a.nxml", "a.html", "a.pdf")
SEEDS = {
    "bib": b"@article{k, author={Smith, J. and Doe, B.}, title={A {T}itle}, journal={Nature},"
    b" year={2020}, doi={10.1000/xyz}, note={NCT01234567}}\n",
    "ris": b"TY  - JOUR\nAU  - Smith, J\nTI  - A title\nJO  - Nature\nPY  - 2020\n"
    b"DO  - 10.1000/xyz\nER  - \n",
    "json": b'[{"id":"a","type":"article-journal","title":"A title","author":[{"family":"Smith",'
    b'"given":"J"}],"issued":{"date-parts":[[2020]]},"DOI":"10.1000/xyz"}]',
    "txt": b"References\n1. Smith J, Doe B. A title. Nature. 2020;12(3):45-67. doi:10.1000/xyz\n",
}


def one_input(data: bytes) -> None:
    """One fuzz case: the first byte picks the format, the rest is the file."""
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        document = read_document(name, data=data[1:])
    except InputError:
        return
    for i, raw in enumerate(document.references):
        parse_reference(raw, f"{name}#{i + 1}")


def _seed(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    for kind, body in SEEDS.items():
        (corpus / f"seed-{kind}").write_bytes(bytes([NAMES.index(f"a.{kind}")]) + body)
    documents = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "documents"
    for path in sorted(documents.glob("*.nxml")):
        (corpus / f"seed-{path.stem}").write_bytes(
            bytes([NAMES.index("a.nxml")]) + path.read_bytes()
        )


def main() -> None:
    """Run atheris with the command-line options it understands (libFuzzer's)."""
    for arg in sys.argv[1:]:
        if not arg.startswith("-"):
            _seed(Path(arg))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
