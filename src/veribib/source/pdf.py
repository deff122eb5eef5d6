"""PDF documents: text extracted page by page with pypdf, then the plain-text pipeline.

Damaged, truncated and encrypted files give a clear ``SourceError`` or a partial result with
warnings. Page count and extracted text are capped so a decompression bomb cannot exhaust
memory (pypdf also caps each decoded stream).
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from veribib.errors import SourceError
from veribib.model import Document, Origin, RawReference, Warning_
from veribib.source.interface import Source, quiet_logger
from veribib.source.text import MAX_TEXT_CHARS, read_text

if TYPE_CHECKING:
    from pypdf import PdfReader

MAX_PAGES = 2000
# Extracted text is cut a little below the text reader's limit (page breaks add lines).
MAX_PDF_TEXT_CHARS = MAX_TEXT_CHARS * 9 // 10
_MB = MAX_PDF_TEXT_CHARS // 1_000_000
_OBJECT = re.compile(rb"(?<!\d)(\d{1,10})\s+(\d{1,5})\s+obj\b")
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")


def rebuild_xref(data: bytes) -> bytes | None:
    """Append a fresh cross-reference table for the complete objects of a truncated PDF.

    pypdf repairs a wrong table but not a missing one (a file cut short loses its end);
    with a table of the objects that survived, the pages before the cut can still be read.
    """
    offsets: dict[int, tuple[int, int]] = {}
    root = None
    for m in _OBJECT.finditer(data):
        end = data.find(b"endobj", m.end())
        if end == -1:
            break
        number = int(m.group(1))
        offsets[number] = (m.start(), int(m.group(2)))
        if _CATALOG.search(data, m.end(), end):
            root = number
    if root is None:
        return None
    size = max(offsets) + 1
    rows = [
        f"{offsets[n][0]:010d} {offsets[n][1]:05d} n \n"
        if n in offsets
        else "0000000000 65535 f \n"
        for n in range(size)
    ]
    start = len(data) + 1
    tail = (
        f"\nxref\n0 {size}\n{''.join(rows)}trailer\n<< /Size {size} /Root {root} 0 R >>\n"
        f"startxref\n{start}\n%%EOF\n"
    )
    return data + tail.encode("ascii")


def _pdf_errors() -> tuple[type[BaseException], ...]:
    """What pypdf raises on a damaged file (pypdf is imported only when a PDF is read)."""
    from pypdf.errors import PyPdfError

    return (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError)


def _open(path: str, data: bytes, warnings: list[Warning_]) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    pdf_errors = _pdf_errors()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except pdf_errors as exc:
        repaired = rebuild_xref(data)
        if repaired is None:
            raise SourceError(path, f"not a readable PDF (truncated or damaged?): {exc}") from None
        try:
            reader = PdfReader(io.BytesIO(repaired), strict=False)
        except pdf_errors:
            raise SourceError(path, f"not a readable PDF (truncated or damaged?): {exc}") from None
        warnings.append(
            Warning_(Origin(path), f"damaged or truncated PDF ({exc}); read what survived")
        )
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except (DependencyError, NotImplementedError) as exc:
            raise SourceError(path, f"encrypted PDF that cannot be opened here: {exc}") from None
        except PyPdfError as exc:
            raise SourceError(path, f"encrypted PDF: {exc}") from None
        if not ok:
            raise SourceError(path, "encrypted PDF that needs a password")
    return reader


@dataclass(slots=True)
class _Pages:
    """Extracted page texts, the problems met, and whether a size cap cut the reading short."""

    texts: list[str]
    warnings: list[Warning_]
    capped: bool = False


def extract_pages(path: str, data: bytes) -> tuple[list[str], list[Warning_]]:
    """The text of each page (up to ``MAX_PAGES`` and ``MAX_PDF_TEXT_CHARS``) and any problems."""
    got = _extract(path, data)
    return got.texts, got.warnings


def _extract(path: str, data: bytes) -> _Pages:
    from pypdf.errors import FileNotDecryptedError, LimitReachedError

    pdf_errors = _pdf_errors()
    warnings: list[Warning_] = []
    capped = False
    with quiet_logger("pypdf"):
        reader = _open(path, data, warnings)
        try:
            count = len(reader.pages)
        except pdf_errors as exc:
            raise SourceError(path, f"PDF page tree unreadable (truncated?): {exc}") from None
        if count > MAX_PAGES:
            warnings.append(
                Warning_(Origin(path), f"{count} pages; only the first {MAX_PAGES} read")
            )
        pages: list[str] = []
        total = 0
        for n in range(min(count, MAX_PAGES)):
            try:
                page_text = reader.pages[n].extract_text() or ""
            except FileNotDecryptedError as exc:
                raise SourceError(path, f"encrypted PDF: {exc}") from None
            except LimitReachedError as exc:
                # A stream inflating past pypdf's cap is a size limit, not damage: say so.
                capped = True
                warnings.append(
                    Warning_(Origin(path), f"page {n + 1}: not read, over the size limit ({exc})")
                )
                page_text = ""
            except Exception as exc:  # pypdf raises many types on damaged content streams
                warnings.append(Warning_(Origin(path), f"page {n + 1}: no text extracted ({exc})"))
                page_text = ""
            total += len(page_text)
            if total > MAX_PDF_TEXT_CHARS:
                capped = True
                warnings.append(
                    Warning_(
                        Origin(path),
                        f"PDF text larger than the {_MB} MB limit; only the first {n} "
                        f"page(s) were read",
                    )
                )
                break
            pages.append(page_text)
    return _Pages(pages, warnings, capped)


class PdfSource(Source):
    """PDF documents; references keep the line in the extracted text and their page."""

    format = "pdf"
    extensions = (".pdf",)

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """True when ``%PDF-`` appears in the first kilobyte (as readers accept)."""
        return b"%PDF-" in head[:1024]

    @classmethod
    def signature(cls, head: bytes) -> bool:
        """Same as ``sniff``: the PDF header is the signature."""
        return cls.sniff(head)

    def read(self, path: str, data: bytes) -> Document:
        """Extract the text and read it like a text file; the page goes into ``extra``."""
        got = _extract(path, data)
        pages, warnings = got.texts, got.warnings
        if not any(p.strip() for p in pages):
            if got.capped:
                raise SourceError(
                    path,
                    "PDF content larger than the size limit (a decompression bomb?); "
                    "no page text within the limit, refused",
                )
            if warnings:
                raise SourceError(path, "damaged or truncated PDF: no page text survived")
            raise SourceError(path, "PDF has no extractable text (scanned images need OCR first)")
        starts: list[int] = []
        lines: list[str] = []
        for page in pages:
            starts.append(len(lines) + 1)
            lines.extend(page.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
            lines.append("")  # a page break reads as a blank line
        result = read_text("\n".join(lines), path)
        references = tuple(
            RawReference(
                text=r.text,
                origin=r.origin,
                key=r.key,
                extra=(("page", str(bisect_right(starts, r.origin.line or 1))),),
            )
            for r in result.references
        )
        return Document(
            path, self.format, references, result.citations, tuple(warnings) + result.warnings
        )


__all__ = ["MAX_PAGES", "MAX_PDF_TEXT_CHARS", "PdfSource", "extract_pages", "rebuild_xref"]
