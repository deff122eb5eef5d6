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
from veribib.source.render import structured_reference

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


_ENTRY = re.compile(r"\\entry\s*\{([^}]*)\}\s*\{([^}]*)\}")
_FIELD = re.compile(r"\\(field|list|name)\s*\{([^}]*)\}")  # \range is a page count
_VERB = re.compile(r"\\verb\s*\{([^}]*)\}\s*\n\s*\\verb\s+(.*?)\s*\n\s*\\endverb", re.S)
_NAME_PART = re.compile(r"\b(family|given|prefix|suffix)=\{((?:[^{}]|\{[^{}]*\})*)\}")
_BIBLATEX_MACROS = re.compile(r"\\bib(?:rangedash|datedash)\b\s*")


def _group(text: str, start: int) -> tuple[str, int]:
    """The balanced ``{…}`` group at or after ``start``: its inside and the index after it."""
    i = text.index("{", start)
    depth = 0
    for k in range(i, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return text[i + 1 : k], k + 1
    return text[i + 1 :], len(text)


def _names(body: str) -> str:
    """A biblatex ``\\name`` list as BibTeX names ("Family, Given and …")."""
    out = []
    for person in re.split(r"\}\s*\}\s*%?\s*\{\s*\{", body):
        parts = dict(_NAME_PART.findall(person))
        family = " ".join(x for x in (parts.get("prefix"), parts.get("family")) if x)
        if family:
            given = parts.get("given", "")
            out.append(f"{{{family}}}, {given}" if given else f"{{{family}}}")
    return " and ".join(out)


def read_biblatex_entries(path: str, text: str) -> list[RawReference]:
    """The ``\\entry`` records of a biblatex/biber ``.bbl``, as structured references."""
    from veribib.source.bibtex import fields_from_bibtex

    references: list[RawReference] = []
    for m in _ENTRY.finditer(text):
        end = text.find("\\endentry", m.end())
        body = text[m.end() : end if end != -1 else len(text)]
        values: dict[str, str] = {}
        for f in _FIELD.finditer(body):
            kind, name = f.group(1), f.group(2).lower()
            if kind == "name" or kind == "list":
                _count, after = _group(body, f.end())
                _opts, after = _group(body, after)
                inner, _ = _group(body, after)
                values[name] = (
                    _names(inner)
                    if kind == "name"
                    else " and ".join(
                        x.strip("{} ") for x in re.findall(r"\{((?:[^{}]|\{[^{}]*\})*)\}", inner)
                    )
                )
            else:
                inner, _ = _group(body, f.end())
                values[name] = _BIBLATEX_MACROS.sub("--", inner).strip()
        for v in _VERB.finditer(body):
            values[v.group(1).lower()] = v.group(2).strip()
        fields = fields_from_bibtex(m.group(2), values)
        doi = values.get("doi")
        references.append(
            structured_reference(
                fields,
                Origin(path, text.count("\n", 0, m.start()) + 1, len(references)),
                doi=doi,
                key=m.group(1).strip() or None,
                entry_type=m.group(2),
                extra=tuple(values.items()),
            )
        )
    return references


class BblSource(Source):
    """``.bbl`` files written by BibTeX from a ``.bib`` and a bibliography style."""

    format = "bbl"
    extensions = (".bbl",)

    sniff_pattern = _SNIFF

    def read(self, path: str, data: bytes) -> Document:
        """Read the ``\\bibitem`` entries, or biber's structured ``\\entry`` records."""
        text, decode_warnings = decode_text(path, data)
        if _BIBLATEX.search(text):
            references = read_biblatex_entries(path, text)
            warnings: list[Warning_] = []
        else:
            references, warnings = read_bibitems(path, text)
        if not references:
            warnings.append(Warning_(Origin(path), "no \\bibitem or \\entry records found"))
        return Document(
            path, self.format, tuple(references), warnings=decode_warnings + tuple(warnings)
        )


__all__ = ["BblSource", "read_bibitems"]
