"""The parser on the real reference strings of the two seed documents.

``fixtures/whitepaper_references.txt`` holds the 37 references after "REFERENCES" in
``seeds/003_da9473c98b5f57df.txt``, each joined onto one line by hand with line-end
hyphenation repaired (``Plas-`` + ``ma`` → ``Plasma``, ``10.3390/i-`` + ``jms22073600`` →
``ijms22073600``). The expected values in ``fixtures/whitepaper_expected.tsv`` were read off
the text by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from veribib.model import Origin, RawReference, ReferenceType
from veribib.reference import find_identifiers, parse_reference, parse_string

from .conftest import FIXTURES

# first author's family name, year, title, container, volume, issue, pages, DOI (empty: none)
EXPECTED = FIXTURES / "whitepaper_expected.tsv"


def _expected() -> list[list[str | None]]:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()[1:]
    return [[cell or None for cell in line.split("\t")] for line in lines]


WHITEPAPER = _expected()


def _whitepaper_lines() -> list[str]:
    return (FIXTURES / "whitepaper_references.txt").read_text(encoding="utf-8").splitlines()


def test_fixture_matches_the_seed_document(shared: Path) -> None:
    """Every fixture line is a reference of the seed, with only line breaks undone."""
    seed = (shared / "seeds" / "003_da9473c98b5f57df.txt").read_text(encoding="utf-8")
    flat = " ".join(seed.split("REFERENCES", 1)[1].split()).replace("- ", "")
    lines = _whitepaper_lines()
    assert len(lines) == len(WHITEPAPER) == 37
    for line in lines:
        assert line in flat


@pytest.mark.parametrize(("line_no", "expected"), list(enumerate(WHITEPAPER)))
def test_whitepaper_reference(line_no: int, expected: list[str | None]) -> None:
    line = _whitepaper_lines()[line_no]
    family, year, title, container, volume, issue, pages, doi = expected
    f = parse_string(line)
    assert f.authors and f.authors[0].family == family
    assert str(f.year) == year
    assert f.title == title
    assert f.container == container
    assert (f.volume, f.issue, f.pages) == (volume, issue, pages)
    assert find_identifiers(line).doi == doi
    assert f.type is ReferenceType.JOURNAL_ARTICLE


def test_whitepaper_author_lists() -> None:
    lines = _whitepaper_lines()
    anitua = parse_string(lines[0])
    assert [p.family for p in anitua.authors] == [
        "Anitua",
        "Troya",
        "Falcon-Pérez",
        "López-Sarrio",
        "González",
        "Alkhraisat",
    ]
    assert anitua.authors[-1].given == "M. H."
    assert not anitua.et_al
    beetler = parse_string(lines[3])
    assert [p.family for p in beetler.authors][:2] == ["Beetler", "Di Florio"]
    assert len(beetler.authors) == 6 and beetler.et_al
    hou = parse_string(lines[12])
    assert [p.family for p in hou.authors][-2:] == ["Li", "Gao"]


def _apa_lines(shared: Path) -> list[str]:
    text = (shared / "seeds" / "000_eb9304c429739f31.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("Reference: ")]


@pytest.mark.parametrize("caption", [True, False])
def test_apa_references(shared: Path, caption: bool) -> None:
    lines = _apa_lines(shared)
    assert len(lines) == 3
    if not caption:
        lines = [line.removeprefix("Reference: ") for line in lines]
    harper, johnson, lee = (parse_string(line) for line in lines)

    assert [p.family for p in harper.authors] == ["Harper"] and harper.et_al
    assert harper.authors[0].given == "R."
    assert harper.year == 2022
    assert harper.title == (
        "Clinical evaluation of platelet-derived exosome serum for cosmetic dermatology"
    )
    assert harper.container == "Aesthetic Surgery Journal"
    assert (harper.volume, harper.issue, harper.pages) == ("42", "10", "1185-1194")

    assert [p.family for p in johnson.authors] == ["Johnson"] and johnson.et_al
    assert johnson.year == 2023
    assert johnson.title == (
        "Investigating mesenchymal stem cell-derived exosomes for anti-ageing applications"
    )
    assert johnson.container == "Clinical Trials in Dermatology"
    assert johnson.pages is None

    assert [p.family for p in lee.authors] == ["Lee", "Wong"] and not lee.et_al
    assert lee.year == 2024
    assert lee.title == "A systematic review of topical exosome therapies in dermatology"
    assert lee.container == "Aesthetic Surgery Journal Open Forum"
    assert (lee.volume, lee.issue, lee.pages) == ("6", "2", "ojae017")
    assert lee.first_page == "ojae017"


def test_apa_trial_reference_through_parse_reference(shared: Path) -> None:
    line = _apa_lines(shared)[1]
    ref = parse_reference(RawReference(line, Origin("000.txt", 31)), "000.txt#1")
    assert [t.id for t in ref.identifiers.trials] == ["NCT04567834"]
    assert ref.identifiers.trials[0].registry == "clinicaltrials.gov"
    assert ref.fields.container == "Clinical Trials in Dermatology"
    assert ref.origin == Origin("000.txt", 31)
