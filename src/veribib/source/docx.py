"""Word documents (``.docx``), read with python-docx: the reference list and in-text citations.

The body's paragraphs (tables included, in document order) become one line each, so a
reference's origin line is its paragraph number (``paper.docx:57`` = the 57th paragraph); the
text is then read like any running text. Word's automatic list numbering is not part of a
paragraph's text, so numbered paragraphs get their number written back in ("12. …"), which
keeps "[12]" citations pointing at the right entry.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from veribib.errors import SourceError
from veribib.model import Document
from veribib.source.interface import Source
from veribib.source.text import read_text

_ZIP = b"PK\x03\x04"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = re.compile(r"[ \t\u00a0]+")


def _num_id(paragraph: Any) -> str | None:
    """The numbering list a paragraph belongs to (directly or through its style), if any."""
    for holder in (paragraph._p.pPr, getattr(paragraph.style, "element", None)):
        ppr = holder if holder is None or holder.tag == f"{_W}pPr" else holder.pPr
        if ppr is None:
            continue
        num = ppr.find(f"{_W}numPr")
        if num is not None:
            num_id = num.find(f"{_W}numId")
            value = num_id.get(f"{_W}val") if num_id is not None else None
            if value and value != "0":
                return str(value)
    return None


def _paragraphs(document: Any) -> Iterator[Any]:
    """Body paragraphs in document order, those inside table cells included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.element.body.iterchildren():
        if block.tag == f"{_W}p":
            yield Paragraph(block, document)
        elif block.tag == f"{_W}tbl":
            for row in Table(block, document).rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def docx_lines(data: bytes) -> list[str]:
    """One line of text per body paragraph, automatic list numbers written in."""
    import docx

    document = docx.Document(io.BytesIO(data))
    counters: dict[str, int] = {}
    lines: list[str] = []
    for paragraph in _paragraphs(document):
        text = _SPACE.sub(" ", paragraph.text.replace("\n", " ").replace("\v", " ")).strip()
        num_id = _num_id(paragraph)
        if num_id is not None and text:
            counters[num_id] = counters.get(num_id, 0) + 1
            text = f"{counters[num_id]}. {text}"
        lines.append(text)
    return lines


class DocxSource(Source):
    """Word documents (``.docx``)."""

    format = "docx"
    extensions = (".docx",)

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """A zip whose first entries are a Word document's."""
        return head.startswith(_ZIP) and b"word/" in head

    def read(self, path: str, data: bytes) -> Document:
        """Read the paragraphs and run the text pipeline; origin lines are paragraph numbers."""
        try:
            lines = docx_lines(data)
        except (KeyError, ValueError) as exc:
            raise SourceError(path, f"not a readable Word document ({exc})") from None
        except Exception as exc:  # python-docx raises its own PackageNotFoundError and zip errors
            raise SourceError(
                path, f"not a readable Word document ({type(exc).__name__})"
            ) from None
        result = read_text("\n".join(lines), path)
        return Document(path, self.format, result.references, result.citations, result.warnings)


__all__ = ["DocxSource", "docx_lines"]
