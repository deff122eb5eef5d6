"""PDF: text extraction with pypdf, then the text pipeline; damaged and encrypted files."""

from __future__ import annotations

import io
import zlib

import pytest
from pypdf import PdfReader, PdfWriter

from veribib.errors import SourceError
from veribib.source import pdf, read_document
from veribib.source.pdf import MAX_PAGES, extract_pages

from .conftest import WHITEPAPER, need
from .pdfmaker import make_pdf


@pytest.fixture(scope="module")
def whitepaper_pdf() -> bytes:
    """The whitepaper's last pages as a three-page PDF (U+2010 written as "-": WinAnsi lacks it)."""
    lines = need(WHITEPAPER).read_text(encoding="utf-8").replace("\u2010", "-").split("\n")
    return make_pdf([lines[290:420], lines[420:480], lines[480:535]])


def test_pdf_reads_the_reference_list_across_pages(whitepaper_pdf: bytes) -> None:
    doc = read_document("paper.pdf", whitepaper_pdf)
    assert doc.format == "pdf"
    assert len(doc.references) == 37
    assert doc.warnings == ()
    text = " ".join(r.text for r in doc.references)
    assert "10.3390/ijms22073600" in text and "10.1001/jamadermatol.2022.6647" in text
    pages = [dict(r.extra)["page"] for r in doc.references]
    assert pages[0] == "1" and pages[-1] == "3" and pages == sorted(pages)
    assert "Willows" not in text
    assert [c.authors[0] for c in doc.citations] == ["Kim"]  # the one caption on these pages


def test_truncated_pdf_gives_the_pages_that_survived(whitepaper_pdf: bytes) -> None:
    cut = whitepaper_pdf[: whitepaper_pdf.index(b"7 0 obj") + 100]  # page 2's content cut short
    doc = read_document("cut.pdf", cut)
    assert 5 <= len(doc.references) < 37
    assert doc.references[0].text.startswith("Anitua, E.")
    assert any("truncated" in w.message for w in doc.warnings)


def test_pdf_cut_before_any_page_is_refused_clearly(whitepaper_pdf: bytes) -> None:
    with pytest.raises(SourceError, match=r"^cut\.pdf: .*(truncated|damaged)"):
        read_document("cut.pdf", whitepaper_pdf[:40])


def _encrypted(user_password: str) -> bytes:
    base = make_pdf([["References", "Smith, J. 2020. Paper one. Journal 1, 2-3."]])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(base)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_pdf_needing_a_password_is_refused_clearly() -> None:
    with pytest.raises(SourceError, match=r"^locked\.pdf: encrypted PDF that needs a password"):
        read_document("locked.pdf", _encrypted("secret"))


def test_encrypted_pdf_with_empty_user_password_is_read() -> None:
    doc = read_document("open.pdf", _encrypted(""))
    assert [r.text for r in doc.references] == ["Smith, J. 2020. Paper one. Journal 1, 2-3."]


def test_pdf_without_text_is_refused_with_a_hint() -> None:
    with pytest.raises(SourceError, match="no extractable text"):
        read_document("scan.pdf", make_pdf([[]]))


def test_page_cap_guards_against_huge_page_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("veribib.source.pdf.MAX_PAGES", 2)
    pages, warnings = extract_pages("many.pdf", make_pdf([["a 2020."], ["b"], ["c"], ["d"]]))
    assert len(pages) == 2
    assert warnings[0].message == "4 pages; only the first 2 read"
    assert MAX_PAGES == 2000


def test_decompression_bomb_is_capped_by_pypdf() -> None:
    """A content stream inflating to ~100 MB of zeros is refused, not decoded into memory."""
    bomb = zlib.compress(b"0" * 100_000_000, 9)
    pdf = make_pdf([["References"]])
    stream_at = pdf.index(b"5 0 obj")
    head = pdf[:stream_at]
    body = (
        b"5 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
        + bomb
        + b"\nendstream\nendobj\n"
    )
    doc_bytes = head + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    pages, warnings = extract_pages("bomb.pdf", doc_bytes)
    assert pages == [""]
    assert any("Limit reached while decompressing" in w.message for w in warnings)
    # The cap stopped reading, not damage: the refusal says so.
    with pytest.raises(SourceError, match=r"^bomb\.pdf: PDF content larger than the size limit"):
        read_document("bomb.pdf", doc_bytes)


def test_text_over_the_cap_keeps_the_first_pages_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "MAX_PDF_TEXT_CHARS", 80)
    pages = [
        ["References", "1. Smith J. A study of things. J Things. 2020;12:1-10."],
        ["2. Lee A. Another study of many things. Nature. 2019;500:1-10."],
    ]
    doc = read_document("big.pdf", make_pdf(pages))
    assert [r.key for r in doc.references] == ["1"]
    assert [w.message for w in doc.warnings] == [
        f"PDF text larger than the {pdf._MB} MB limit; only the first 1 page(s) were read"
    ]
    assert "damaged" not in " ".join(w.message for w in doc.warnings)
