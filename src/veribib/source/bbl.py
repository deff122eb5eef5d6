"""BibTeX-processed bibliographies (``.bbl``) and ``thebibliography`` environments in ``.tex``.

Each ``\\bibitem[label]{key}`` starts an entry that runs to the next ``\\bibitem`` or
``\\end{thebibliography}``; the entry's LaTeX is decoded to text for the reference parser.
Lines before ``\\begin{thebibliography}`` (``\\providecommand{\\url}[1]{…}`` and the like) are
macro definitions, never references.
"""

from __future__ import annotations

import re

from veribib.model import Document, Origin, RawReference, Warning_
from veribib.source.decode import decode_text
from veribib.source.interface import Source
from veribib.source.names import collapse, decode_latex

_BEGIN = re.compile(r"\\begin\s*\{thebibliography\}\s*\{[^}]*\}")
_END = re.compile(r"\\end\s*\{thebibliography\}")
_BIBITEM = re.compile(r"\\bibitem\s*(?:\[(?:[^\[\]]|\[[^\]]*\])*\])?\s*\{([^}]*)\}")
_NEWBLOCK = re.compile(r"\\newblock\b")
_DOI_MACRO = re.compile(r"\\(?:doi|url|href)\s*\{([^}]*)\}")
_BIBLATEX = re.compile(r"\\entry\s*\{")
_SNIFF = re.compile(rb"\\begin\s*\{thebibliography\}")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_SPACING = re.compile(r"\\(?:penalty|hskip|kern)\s*-?[\d.]+\s*(?:pt|em|ex)?\s*|\\(?:natexlab)\b")


def _entry_text(body: str) -> str:
    """The entry's LaTeX as plain text: blocks joined, DOIs and URLs kept as text."""
    body = _SPACING.sub(" ", _NEWBLOCK.sub(" ", _COMMENT.sub("", body)))
    body = _DOI_MACRO.sub(lambda m: " " + m.group(1).replace("\\_", "_") + " ", body)
    return collapse(decode_latex(body))


def read_bibitems(path: str, text: str) -> tuple[list[RawReference], list[Warning_]]:
    """The ``\\bibitem`` entries of every ``thebibliography`` environment in ``text``."""
    references: list[RawReference] = []
    warnings: list[Warning_] = []
    for begin in _BEGIN.finditer(text):
        end = _END.search(text, begin.end())
        stop = end.start() if end else len(text)
        if end is None:
            line = text.count("\n", 0, begin.start()) + 1
            warnings.append(Warning_(Origin(path, line), "thebibliography never ended"))
        items = list(_BIBITEM.finditer(text, begin.end(), stop))
        for k, item in enumerate(items):
            body_end = items[k + 1].start() if k + 1 < len(items) else stop
            entry = _entry_text(text[item.end() : body_end])
            line = text.count("\n", 0, item.start()) + 1
            if not entry:
                warnings.append(Warning_(Origin(path, line), f"empty \\bibitem {item.group(1)!r}"))
                continue
            key = item.group(1).strip()
            references.append(
                RawReference(entry, Origin(path, line, len(references)), key=key or None)
            )
    return references, warnings


class BblSource(Source):
    """``.bbl`` files written by BibTeX from a ``.bib`` and a bibliography style."""

    format = "bbl"
    extensions = (".bbl",)

    sniff_pattern = _SNIFF

    def read(self, path: str, data: bytes) -> Document:
        """Read the ``\\bibitem`` entries; biblatex's ``\\entry`` form points at the .bib."""
        text, decode_warnings = decode_text(path, data)
        references, warnings = read_bibitems(path, text)
        if not references:
            why = (
                "a biblatex/biber .bbl: check the .bib or the .tex instead"
                if _BIBLATEX.search(text)
                else "no \\bibitem entries found"
            )
            warnings.append(Warning_(Origin(path), why))
        return Document(
            path, self.format, tuple(references), warnings=decode_warnings + tuple(warnings)
        )


__all__ = ["BblSource", "read_bibitems"]
