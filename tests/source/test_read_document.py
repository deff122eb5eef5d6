"""read_document: format detection, stdin, and the inputs that are refused with InputError."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from veribib.errors import InputError, SourceError
from veribib.source import DEFAULT_MAX_BYTES, detect_format, read_document
from veribib.source.text import MAX_TEXT_CHARS

from .pdfmaker import make_pdf


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("paper.pdf", b"%PDF-1.7\n...", "pdf"),
        ("paper.txt", b"%PDF-1.4\n", "pdf"),  # content beats a wrong extension
        ("refs.bib", b"% comment\n@article{a, title={x}}", "bibtex"),
        ("refs.txt", b"@article{a, title={x}}", "bibtex"),
        ("refs.bib", b"% only comments so far\n", "bibtex"),
        ("refs.ris", b"TY  - JOUR\nER  - \n", "ris"),
        ("refs", b"TY  - JOUR\nER  - \n", "ris"),
        ("refs.json", b'[{"id": "a"}]', "csljson"),
        ("refs.json", b'{"indexed": {}, "abstract": "<jats:p>x</jats:p>"}', "csljson"),
        ("article.nxml", b'<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "x">', "jats"),
        ("article.xml", b"<article><front/></article>", "jats"),
        ("page", b"<!DOCTYPE html><html><body>", "html"),
        ("page.txt", b"  <html><body>", "html"),
        ("notes.txt", b"Some text with a <p> tag in it", "text"),
        ("notes", b"Plain words.", "text"),
        ("page.htm", b"<div>fragment</div>", "html"),
        ("utf16.txt", "\ufeffReferences\n".encode("utf-16"), "text"),
        ("utf16", "\ufeff@article{a,}".encode("utf-16"), "bibtex"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_binary_junk_is_refused_by_name() -> None:
    junk = bytes(range(256)) * 8
    with pytest.raises(InputError, match=r"^junk\.bin: binary data"):
        read_document("junk.bin", junk)
    with pytest.raises(InputError, match="binary data"):
        detect_format("x.txt", b"\x00\x01\x02\x03garbage")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_document(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.bib"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.bib: file is empty$"):
        read_document(path)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    with pytest.raises(InputError, match=r"big\.txt: file is 50\.0 MB, over the 50\.0 MB limit"):
        read_document(path)
    with pytest.raises(InputError, match=r"over the 0\.0 MB limit"):
        read_document("small.txt", b"References\n", max_bytes=4)


def test_text_over_the_character_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("veribib.source.text.MAX_TEXT_CHARS", 100)
    with pytest.raises(SourceError, match=r"^long\.txt: .*characters of text, over"):
        read_document("long.txt", b"word " * 100)
    assert MAX_TEXT_CHARS == 10_000_000


def test_reads_a_real_file_and_keeps_its_path(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text("References\nSmith, J. 2020. Paper. Journal 1, 2-3.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.path == os.fspath(path)
    assert str(doc.references[0].origin) == f"{path}:2"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"@article{a, title={From stdin}, year=2020}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = read_document("-")
    assert doc.path == "<stdin>" and doc.format == "bibtex"
    assert doc.references[0].origin.file == "<stdin>"


def test_windows_1252_text_is_read_with_a_warning() -> None:
    doc = read_document(
        "old.txt", "References\nM\u00fcller, J. 2020. Paper. Journal 1, 2-3.\n".encode("cp1252")
    )
    assert doc.references[0].text.startswith("Müller, J.")
    assert any("Windows-1252" in w.message for w in doc.warnings)


def test_pdf_named_txt_is_read_as_pdf() -> None:
    doc = read_document(
        "paper.txt", make_pdf([["References", "Smith, J. 2020. Paper. Journal 1, 2-3."]])
    )
    assert doc.format == "pdf" and len(doc.references) == 1


def test_unexpected_reader_failure_becomes_a_source_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: object, path: str, data: bytes) -> None:
        raise KeyError("bug")

    monkeypatch.setattr("veribib.source.text.TextSource.read", boom)
    with pytest.raises(SourceError, match=r"^x\.txt: could not be read as text \(KeyError"):
        read_document("x.txt", b"hello")
