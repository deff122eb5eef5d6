"""Read one input file and find its references (``veribib.source`` offers these names).

``read_document(path)`` picks the format by content and extension and returns a ``Document``
of raw references (each with its file:line origin), in-text citations and warnings.
A file that cannot be read at all raises ``InputError`` naming the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veribib.errors import InputError, SourceError
from veribib.model import Document
from veribib.source.bbl import BblSource
from veribib.source.bibtex import BibtexSource
from veribib.source.csljson import CslJsonSource
from veribib.source.decode import bom_encoding, looks_binary
from veribib.source.docx import DocxSource
from veribib.source.endnote import EndnoteSource
from veribib.source.files import DEFAULT_MAX_BYTES, STDIN, STDIN_NAME, mb, read_bytes
from veribib.source.html import HtmlSource
from veribib.source.interface import Source
from veribib.source.jats import JatsSource
from veribib.source.latex import AuxSource, LatexSource
from veribib.source.markdown import MarkdownSource
from veribib.source.nbib import NbibSource
from veribib.source.pdf import PdfSource
from veribib.source.ris import RisSource
from veribib.source.text import TextSource

if TYPE_CHECKING:
    from veribib.source.citations import find_citations, match_citations

HEAD_BYTES = 8192

# Sniffing order: the most specific formats first; plain text is the fallback.
SOURCES: dict[str, type[Source]] = {
    cls.format: cls
    for cls in (
        PdfSource,
        DocxSource,
        EndnoteSource,
        JatsSource,
        HtmlSource,
        CslJsonSource,
        RisSource,
        NbibSource,
        BibtexSource,
        BblSource,
        LatexSource,
        AuxSource,
        MarkdownSource,
        TextSource,
    )
}


def __getattr__(name: str) -> Any:
    """``find_citations`` and ``match_citations``, imported on first use (a BibTeX file needs
    neither, and their patterns take ~15 ms to compile)."""
    if name in ("find_citations", "match_citations"):
        from veribib.source import citations

        return getattr(citations, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _extension_format(path: str) -> str | None:
    suffix = Path(path).suffix.lower()
    for name, cls in SOURCES.items():
        if suffix in cls.extensions:
            return name
    return None


def detect_format(path: str | os.PathLike[str], head: bytes) -> str:
    """The format name (a key of ``SOURCES``) for a file, from its first bytes and extension.

    A file that starts with a format's signature (``%PDF-``, ``<!DOCTYPE html``, ``@article{``,
    ``TY  -``, a JSON object ...) is that format; otherwise the extension decides, and without
    a known extension, a format seen in the head, else plain text. Raises ``InputError`` for
    binary data that is no known format.
    """
    name = os.fspath(path)
    if PdfSource.sniff(head):
        return PdfSource.format
    if DocxSource.sniff(head) or (
        head.startswith(b"PK\x03\x04") and _extension_format(name) == DocxSource.format
    ):
        return DocxSource.format
    if looks_binary(head):
        raise InputError(
            name,
            "binary data, not a format veribib reads (text, BibTeX, RIS, CSL-JSON, "
            "MEDLINE, EndNote XML, JATS XML, LaTeX, Markdown, HTML, PDF or Word .docx)",
        )
    head = _as_utf8(head)
    by_extension = _extension_format(name)
    signed = [fmt for fmt, cls in SOURCES.items() if cls.signature(head)]
    if signed:
        return by_extension if by_extension in signed else signed[0]
    if by_extension is not None:
        return by_extension
    sniffed = [fmt for fmt, cls in SOURCES.items() if fmt != "text" and cls.sniff(head)]
    return sniffed[0] if sniffed else TextSource.format


def _as_utf8(head: bytes) -> bytes:
    """The head as UTF-8 without a byte-order mark, for the format signatures."""
    encoding = bom_encoding(head)
    if encoding is None:
        return head
    return head.decode(encoding, errors="ignore").lstrip("\ufeff").encode("utf-8")


def read_document(
    path: str | os.PathLike[str],
    data: bytes | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one input (``"-"`` is stdin) into a Document of raw references, citations, warnings.

    ``data`` gives the bytes directly (``path`` then only names them). Raises ``InputError``
    for a missing, unreadable, empty, oversized or binary file; anything less is a warning.
    """
    name = os.fspath(path)
    if data is None:
        data = read_bytes(name, max_bytes)
    elif len(data) > max_bytes:
        raise InputError(name, f"input is {mb(len(data))}, over the {mb(max_bytes)} limit")
    label = STDIN_NAME if name == STDIN else name
    if not data.strip():
        raise InputError(label, "file is empty")
    fmt = detect_format(label if name != STDIN else "", data[:HEAD_BYTES])
    try:
        return SOURCES[fmt]().read(label, data)
    except InputError:
        raise
    except RecursionError:
        raise SourceError(label, f"too deeply nested to read as {fmt}") from None
    except Exception as exc:  # the one boundary: no reader failure may reach the user raw
        raise SourceError(
            label, f"could not be read as {fmt} ({type(exc).__name__}: {exc})"
        ) from exc


__all__ = [
    "DEFAULT_MAX_BYTES",
    "SOURCES",
    "AuxSource",
    "BblSource",
    "BibtexSource",
    "CslJsonSource",
    "DocxSource",
    "EndnoteSource",
    "HtmlSource",
    "JatsSource",
    "LatexSource",
    "MarkdownSource",
    "NbibSource",
    "PdfSource",
    "RisSource",
    "Source",
    "SourceError",
    "TextSource",
    "detect_format",
    "find_citations",
    "match_citations",
    "read_bytes",
    "read_document",
]
