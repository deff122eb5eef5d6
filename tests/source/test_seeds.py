"""The two real seed documents: a blog with inline references, a whitepaper from a PDF."""

from __future__ import annotations

import re

import pytest

from veribib.model import Document, Fields, Identifiers, Person, RawReference, Reference
from veribib.source import match_citations, read_document

from .conftest import BLOG, WHITEPAPER, need

WHITEPAPER_FIRST_AUTHORS = [
    "Anitua", "Arabpour", "Baquir", "Beetler", "Benecke", "Cao", "Chen", "Chen", "Chen",
    "Choragudi", "Dilsiz", "Golchin", "Hou", "Jurek", "Kaur", "Kim", "Li", "Mohammadi",
    "Moeinabadi‐Bidgoli", "Nallakumarasamy", "Petrik", "Prasai", "Rezaie", "Sand", "Shao",
    "Thakur", "Tienda-Vázquez", "Troha", "Wan", "Wang", "Wang", "Wu", "Xing", "Xu", "Yang",
    "Zhao", "Zhuo",
]  # fmt: skip


@pytest.fixture(scope="module")
def whitepaper() -> Document:
    return read_document(need(WHITEPAPER))


@pytest.fixture(scope="module")
def blog() -> Document:
    return read_document(need(BLOG))


def test_blog_has_exactly_the_three_reference_lines(blog: Document) -> None:
    assert blog.format == "text"
    assert [r.origin.line for r in blog.references] == [19, 31, 43]
    texts = [r.text for r in blog.references]
    assert texts[0].startswith("Harper, R., et al. (2022). Clinical evaluation")
    assert "Trial ID: NCT04567834" in texts[1]
    assert texts[2].endswith("6(2), ojae017.")
    assert not any(t.startswith("Reference:") for t in texts)
    assert blog.warnings == ()


def test_whitepaper_has_exactly_37_references_in_order(whitepaper: Document) -> None:
    refs = whitepaper.references
    assert len(refs) == 37
    assert [r.text.split(",", 1)[0] for r in refs] == WHITEPAPER_FIRST_AUTHORS
    assert refs[0].origin.line == 374
    assert refs[-1].origin.line == 521
    assert [r.origin.index for r in refs] == list(range(37))


def test_whitepaper_entries_are_whole_and_end_with_their_doi(whitepaper: Document) -> None:
    for ref in whitepaper.references:
        assert "\n" not in ref.text
        assert re.search(r"(?:doi: |https://doi\.org/)10\.\d{4,5}/\S+$", ref.text), ref.text


def test_whitepaper_dois_broken_at_line_ends_are_joined(whitepaper: Document) -> None:
    text = " ".join(r.text for r in whitepaper.references)
    assert "doi: 10.3390/ijms22073600" in text
    assert "doi: 10.1001/jamadermatol.2022.6647" in text
    assert "doi: 10.3390/ijms241713043" in text  # "doi: " then a line break
    assert "10.3390/i-" not in text and "jama-" not in text


def test_whitepaper_real_hyphens_survive_and_soft_ones_go(whitepaper: Document) -> None:
    text = " ".join(r.text for r in whitepaper.references)
    for kept in ("Falcon-Pérez", "s13287-019-1253-6", "Chen, C.-Y.", "Sarkhosh-Inanlou"):
        assert kept in text
    for joined in ("Plasma-Derived", "Anti-inflammatory", "mesenchymal", "Immunomodulatory"):
        assert joined in text
    assert "Plas-" not in text and "inflamma-" not in text


def test_whitepaper_footer_is_not_a_reference(whitepaper: Document) -> None:
    last = whitepaper.references[-1].text
    assert last.endswith("doi: 10.14245/ns.2244988.494")
    text = " ".join(r.text for r in whitepaper.references)
    for footer in ("Willows", "Pretoria", "809 2856", "info@", "www.biomedical"):
        assert footer not in text


def test_whitepaper_page_breaks_inside_the_list_neither_split_nor_end_it(
    whitepaper: Document,
) -> None:
    by_line = {r.origin.line: r.text for r in whitepaper.references}
    # blank lines 409-411, 447-449 and 487-489 sit between entries
    assert by_line[406].endswith("doi: 10.3389/fcell.2021.751079")
    assert by_line[412].startswith("Choragudi, S. and Yosipovitch, G. 2023.")
    assert by_line[450].startswith("Moeinabadi‐Bidgoli, K.")
    assert by_line[490].startswith("Wan, R.")


def test_whitepaper_in_text_citations(whitepaper: Document) -> None:
    cited = [(c.authors[0], c.year, c.origin.line) for c in whitepaper.citations]
    assert cited == [
        ("Xing", "2020", 89),
        ("Thakur", "2023", 96),
        ("Thakur", "2023", 147),  # "(Thakur \net al., 2023)"
        ("Thakur", "2023", 191),  # "(Thakur et \nal., 2023)"
        ("Zhang", "2023", 217),
        ("Moeinabadi-Bidgoli", "2023", 240),
        ("Kim", "2021", 299),
    ]


def _parsed(raw: RawReference, n: int) -> Reference:
    """A hand-made parse: first author and year as the reference stage would give them."""
    m = re.match(r"(\S+?),.*?\b((?:19|20)\d\d)\.", raw.text)
    assert m, raw.text
    fields = Fields(authors=(Person(m.group(1)),), year=int(m.group(2)))
    return Reference(id=f"wp#{n}", raw=raw, fields=fields, identifiers=Identifiers())


def test_whitepaper_citation_report(whitepaper: Document) -> None:
    refs = [_parsed(r, n) for n, r in enumerate(whitepaper.references)]
    report = match_citations(whitepaper.citations, refs)
    assert [(c.authors[0], c.year) for c in report.unmatched] == [("Zhang", "2023")]
    matched = {c.authors[0]: c.reference_ids for c in report.citations if c.reference_ids}
    assert matched["Xing"] == ("wp#32",)
    assert matched["Thakur"] == ("wp#25",)
    assert matched["Moeinabadi-Bidgoli"] == ("wp#18",)  # ASCII hyphen vs U+2010 in the list
    assert matched["Kim"] == ("wp#15",)
    cited = {"wp#32", "wp#25", "wp#18", "wp#15"}
    assert report.uncited == tuple(f"wp#{n}" for n in range(37) if f"wp#{n}" not in cited)
    assert len(report.uncited) == 33
