"""LaTeX manuscripts (``.tex``) and their ``.aux`` files: the .bib files they name, their keys.

A ``.tex`` is read with the files it pulls in: ``\\input``/``\\include`` chapters, the ``.bib``
files of ``\\bibliography{…}`` / ``\\addbibresource{…}`` (read as BibTeX, each entry keeping its
own file:line) and any ``thebibliography`` environment. Every ``\\cite``-like command
(``\\cite``, ``\\citep``, ``\\citet``, ``\\autocite``, ``\\parencite``, ``\\textcite``,
``\\footcite``, ``\\nocite`` …) becomes a citation by key, so keys missing from the .bib and
entries never cited are both reported with file:line. An ``.aux`` gives the same from
``\\citation{…}`` and ``\\bibdata{…}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from veribib.model import Document, InTextCitation, Origin, RawReference, Warning_
from veribib.source.bbl import read_bibitems
from veribib.source.companions import read_companions
from veribib.source.decode import decode_text
from veribib.source.interface import Source

_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_CITE = re.compile(
    r"\\(?P<cmd>[A-Za-z]*cite[A-Za-z]*|citation)\*?\s*"
    r"(?:\[[^\]]*\]\s*){0,2}\{(?P<keys>[^{}]*)\}"
)
_BIBLIOGRAPHY = re.compile(
    r"\\(?P<cmd>bibliography|addbibresource|addglobalbib|bibdata)\s*"
    r"(?:\[(?P<opts>[^\]]*)\]\s*)?\{(?P<files>[^{}]*)\}"
)
_INPUT = re.compile(r"\\(?:input|include|subfile)\s*\{(?P<file>[^{}]+)\}")
_BIBLATEX_AUX_CITE = re.compile(r"\\abx@aux@cite\s*\{[^{}]*\}\s*\{(?P<keys>[^{}]*)\}")
_SNIFF = re.compile(rb"\\documentclass|\\begin\s*\{document\}")
_NOT_CITATION_COMMANDS = frozenset({"bibcite", "citestyle", "citeindextrue", "citeindexfalse"})
MAX_INCLUDED_FILES = 200


def strip_comments(text: str) -> str:
    """LaTeX with ``%`` comments removed, line breaks (so line numbers) kept."""
    return _COMMENT.sub("", text)


@dataclass(slots=True)
class _Reading:
    root: Path
    citations: list[InTextCitation] = field(default_factory=list)
    bib_files: list[tuple[Path, Origin]] = field(default_factory=list)
    references: list[RawReference] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    seen: set[Path] = field(default_factory=set)
    cite_all: bool = False

    def add_citations(self, path: str, text: str, pattern: re.Pattern[str]) -> None:
        for m in pattern.finditer(text):
            cmd = m.groupdict().get("cmd") or "citation"
            if cmd in _NOT_CITATION_COMMANDS:
                continue
            line = text.count("\n", 0, m.start()) + 1
            for key in (k.strip() for k in m.group("keys").split(",")):
                if key == "*":
                    self.cite_all = True
                elif key:
                    label = f"\\{cmd}{{{key}}}"
                    self.citations.append(
                        InTextCitation(label, Origin(path, line, len(self.citations)), key=key)
                    )

    def add_bibliographies(self, path: str, text: str) -> None:
        base = Path(path).parent
        for m in _BIBLIOGRAPHY.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            if "remote" in (m.group("opts") or ""):
                self.warnings.append(
                    Warning_(Origin(path, line), "remote bibliography resource not fetched")
                )
                continue
            for name in (n.strip() for n in m.group("files").split(",")):
                if not name:
                    continue
                file = base / name
                if m.group("cmd") in ("bibliography", "bibdata") and file.suffix != ".bib":
                    file = file.with_name(file.name + ".bib")
                self.bib_files.append((file, Origin(path, line)))


def _read_tex(reading: _Reading, path: Path, text: str, depth: int = 0) -> None:
    text = strip_comments(text)
    name = str(path)
    reading.add_citations(name, text, _CITE)
    reading.add_bibliographies(name, text)
    refs, warnings = read_bibitems(name, text)
    reading.references.extend(refs)
    reading.warnings.extend(warnings)
    for m in _INPUT.finditer(text):
        child = path.parent / m.group("file").strip()
        if not child.suffix:
            child = child.with_name(child.name + ".tex")
        line = text.count("\n", 0, m.start()) + 1
        if child in reading.seen or len(reading.seen) >= MAX_INCLUDED_FILES or depth > 20:
            continue
        reading.seen.add(child)
        try:
            data = child.read_bytes()
        except OSError:
            reading.warnings.append(Warning_(Origin(name, line), f"{child} not found, not read"))
            continue
        child_text, decode_warnings = decode_text(str(child), data)
        reading.warnings.extend(decode_warnings)
        _read_tex(reading, child, child_text, depth + 1)


def _read_bibs(reading: _Reading) -> tuple[str, ...]:
    refs, warnings, used = read_companions(reading.bib_files, len(reading.references))
    reading.references.extend(refs)
    reading.warnings.extend(warnings)
    return used


def _document(path: str, fmt: str, reading: _Reading, includes: tuple[str, ...]) -> Document:
    citations = reading.citations
    if reading.cite_all:  # \nocite{*}: every entry counts as cited
        citations = citations + [
            InTextCitation("\\nocite{*}", Origin(path, None, len(citations) + k), key=r.key)
            for k, r in enumerate(reading.references)
            if r.key
        ]
    if not reading.references:
        if reading.bib_files:
            why = "its bibliography files gave no references"
        elif citations:
            why = f"cites {len(citations)} keys but names no bibliography file"
        else:
            why = "no \\bibliography, \\addbibresource or thebibliography found"
        reading.warnings.append(Warning_(Origin(path), why))
    return Document(
        path,
        fmt,
        tuple(reading.references),
        tuple(citations),
        tuple(reading.warnings),
        includes=includes,
    )


class LatexSource(Source):
    """LaTeX manuscripts (``.tex``) with the bibliography files they name."""

    format = "latex"
    extensions = (".tex", ".ltx")

    sniff_pattern = _SNIFF

    def read(self, path: str, data: bytes) -> Document:
        """Read the manuscript, its included chapters and its .bib files; citations by key."""
        text, decode_warnings = decode_text(path, data)
        reading = _Reading(Path(path).parent, warnings=list(decode_warnings))
        reading.seen.add(Path(path))
        _read_tex(reading, Path(path), text)
        includes = _read_bibs(reading)
        chapters = tuple(sorted(str(p) for p in reading.seen if p != Path(path) and p.is_file()))
        return _document(path, self.format, reading, includes + chapters)


class AuxSource(Source):
    """LaTeX ``.aux`` files: ``\\citation{…}`` keys and the ``\\bibdata{…}`` .bib files."""

    format = "aux"
    extensions = (".aux",)

    def read(self, path: str, data: bytes) -> Document:
        """Read the cited keys and the named .bib files (relative to the .aux)."""
        text, decode_warnings = decode_text(path, data)
        reading = _Reading(Path(path).parent, warnings=list(decode_warnings))
        reading.add_citations(path, text, _CITE)
        reading.add_citations(path, text, _BIBLATEX_AUX_CITE)
        reading.add_bibliographies(path, text)
        includes = _read_bibs(reading)
        return _document(path, self.format, reading, includes)


__all__ = ["AuxSource", "LatexSource", "strip_comments"]
