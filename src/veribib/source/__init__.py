"""The source stage of veribib: read one input file and find its references.

``read_document(path)`` picks the format by content and extension and returns a ``Document``
of raw references (each with its file:line origin), in-text citations and warnings.
A file that cannot be read at all raises ``InputError`` naming the file.

The readers live in ``veribib.source.read`` and are imported on first use of these names: the
directory scan, and a warm run whose inputs were parsed before, load none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from veribib.source.read import (
        DEFAULT_MAX_BYTES,
        SOURCES,
        AuxSource,
        BblSource,
        BibtexSource,
        CslJsonSource,
        DocxSource,
        EndnoteSource,
        HtmlSource,
        JatsSource,
        LatexSource,
        MarkdownSource,
        NbibSource,
        PdfSource,
        RisSource,
        Source,
        SourceError,
        TextSource,
        detect_format,
        find_citations,
        match_citations,
        read_bytes,
        read_document,
    )

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


def __getattr__(name: str) -> Any:
    """The names above, from ``veribib.source.read`` (imported on first use)."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from veribib.source import read

    return getattr(read, name)
