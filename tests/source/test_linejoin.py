"""Joining wrapped lines: hyphenation inside words and identifiers, and lost ligatures."""

from __future__ import annotations

import pytest

from veribib.source.linejoin import Vocabulary, join_lines, keeps_hyphen, repair_ligatures


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Platelet Rich Plas-", "ma-Derived Vesicles", "Platelet Rich Plasma-Derived Vesicles"),
        ("doi: 10.3390/i-", "jms22073600", "doi: 10.3390/ijms22073600"),
        ("doi: 10.1001/jama-", "dermatol.2022.6647", "doi: 10.1001/jamadermatol.2022.6647"),
        ("Falcon-", "Pérez, J. M.", "Falcon-Pérez, J. M."),
        ("doi: 10.1186/s13287-", "019-1253-6", "doi: 10.1186/s13287-019-1253-6"),
        ("Chen, C.-", "Y., Rao", "Chen, C.-Y., Rao"),
        ("13043. doi: ", "10.3390/ijms241713043", "13043. doi: 10.3390/ijms241713043"),
        ("pp. 49–", "59.", "pp. 49–59."),
        ("https://doi.org/10.1016/j.", "biopha.2023.115904", "https://doi.org/10.1016/j.biopha.2023.115904"),
        ("https://doi.org/", "10.1016/x", "https://doi.org/10.1016/x"),
        ("see https://example.org/a", "for details", "see https://example.org/a for details"),
        ("http://www.awmf.org/up", "loads/x_S3.pdf", "http://www.awmf.org/uploads/x_S3.pdf"),
        ("In Proceedings of WWW.", "1511--1520.", "In Proceedings of WWW. 1511--1520."),
        ("a dash - ", "here", "a dash - here"),
        ("soft\u00ad", "ware", "software"),
    ],
)  # fmt: skip
def test_join_two_lines(first: str, second: str, joined: str) -> None:
    assert join_lines([first, second]) == joined


def test_blank_and_padded_lines_are_ignored() -> None:
    assert join_lines(["  one ", "", "   two", "  "]) == "one two"
    assert join_lines([]) == ""


def test_document_evidence_decides_a_hyphen() -> None:
    # "cell-derived" written elsewhere in the document keeps the hyphen ...
    vocab = Vocabulary("exosomes are cell-derived vesicles; cell-derived again")
    assert join_lines(["stem cell-", "derived exosomes"], vocab) == "stem cell-derived exosomes"
    # ... and a word the document writes joined is joined, even against a compound tail.
    vocab = Vocabulary("the wellbased approach; wellbased")
    assert not keeps_hyphen("the well", "based approach", vocab)


def test_compound_tail_keeps_the_hyphen_without_evidence() -> None:
    assert keeps_hyphen("dose", "dependent effect")
    assert not keeps_hyphen("immunocompe", "tent diabetic mice")


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("e\ufffdcacy", "efficacy"),
        ("O\ufffdce Park", "Office Park"),
        ("di\ufffderent", "different"),
        ("a\ufffdnity", "affinity"),
        ("insu\ufffdcient", "insufficient"),
        ("in\ufffdammation", "inflammation"),
        ("\ufffdrst", "first"),
        ("sta\ufffd", "staff"),
        ("insu\ufffdciently", "insufficiently"),  # not listed: found by its listed part
    ],
)
def test_ligatures_are_repaired_by_dictionary(broken: str, repaired: str) -> None:
    assert repair_ligatures(broken) == repaired


def test_ligature_repair_leaves_what_is_not_a_ligature() -> None:
    assert (
        repair_ligatures("5\ufffdC and \ufffd alone, \ufffdA")
        == "5\ufffdC and \ufffd alone, \ufffdA"
    )
    assert repair_ligatures("Gelbk\ufffdrper") == "Gelbk\ufffdrper"  # a lost umlaut: no word fits
    assert repair_ligatures("plain text") == "plain text"


def test_the_document_spelling_decides_a_ligature() -> None:
    # "zoffin" is no English word: without the document nothing fits and nothing changes.
    assert repair_ligatures("zo\ufffdin") == "zo\ufffdin"
    assert repair_ligatures("zo\ufffdin", Vocabulary("the zoffin and the zoffin")) == "zoffin"
    assert repair_ligatures("a zoffin, then a zo\ufffdin") == "a zoffin, then a zoffin"
