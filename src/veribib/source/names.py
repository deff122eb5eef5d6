"""Person names and LaTeX text from structured sources (BibTeX, RIS, CSL-JSON)."""

from __future__ import annotations

import re
from functools import lru_cache

from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexWalker, get_default_latex_context_db

from veribib.model import Person

_PLAIN_LATEX = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"), ("~", " "))
_SPACE = re.compile(r"\s+")
_VANCOUVER_INITIALS = re.compile(r"[A-Z]{1,3}")


@lru_cache(maxsize=1)
def _decoder() -> tuple[LatexNodes2Text, object]:
    # One parsing context for all strings: building it per call is most of pylatexenc's cost.
    return LatexNodes2Text(math_mode="text"), get_default_latex_context_db()


@lru_cache(maxsize=8192)
def _decode_macros(text: str) -> str:
    decoder, context = _decoder()
    walker = LatexWalker(text, latex_context=context, tolerant_parsing=True)
    nodes, _, _ = walker.get_latex_nodes()
    return collapse(decoder.nodelist_to_text(nodes))


def collapse(text: str) -> str:
    """Collapse runs of whitespace (non-breaking spaces too) to one space and trim."""
    if "  " not in text and text.isprintable():  # its only white space is single spaces
        return text.strip()
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


def decode_latex(text: str) -> str:
    """LaTeX to plain Unicode (``Heged{\\H u}s`` → ``Hegedűs``); plain text passes unchanged."""
    if "\\" not in text and "$" not in text:
        # Braces, dashes, quotes and ties only: no need for the (slow) LaTeX parser.
        for latex, plain in _PLAIN_LATEX:
            text = text.replace(latex, plain)
        return collapse(text.replace("{", "").replace("}", ""))
    try:
        return _decode_macros(text)
    except Exception:  # pylatexenc raises assorted errors on malformed input; keep the raw text
        return collapse(text.replace("{", "").replace("}", ""))


def _is_others(name: str) -> bool:
    return name.strip().lower() in {"others", "et al", "et al.", "et. al."}


def person_from_bibtex(name: str) -> Person | None:
    """One BibTeX name (``Last, First``, ``First Last``, ``{Org}``); None for ``others``."""
    if _is_others(name):
        return None
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except (InvalidNameError, ValueError, IndexError):
        return Person(decode_latex(name)) if name.strip() else None
    family = decode_latex(" ".join(parts.von + parts.last))
    given = decode_latex(" ".join(parts.first))
    if parts.jr:
        given = (
            f"{given}, {decode_latex(' '.join(parts.jr))}"
            if given
            else decode_latex(" ".join(parts.jr))
        )
    if not family:
        family, given = given, ""
    return Person(family, given) if family else None


def persons_from_bibtex(value: str) -> tuple[tuple[Person, ...], bool]:
    """The persons of a BibTeX ``author``/``editor`` field; True if it ends in ``and others``."""
    persons: list[Person] = []
    et_al = False
    for name in split_multiple_persons_names(value):
        person = person_from_bibtex(name)
        if person is None:
            et_al = et_al or _is_others(name)
        else:
            persons.append(person)
    return tuple(persons), et_al


def person_from_string(name: str) -> Person | None:
    """One name as RIS or CSL literals give it: ``Smith, John``, ``John Smith``, ``Smith JA``."""
    name = collapse(name)
    if not name:
        return None
    if "," not in name:
        head, _, last = name.rpartition(" ")
        if head and _VANCOUVER_INITIALS.fullmatch(last):
            return Person(head, last)
    return person_from_bibtex(name)


__all__ = [
    "collapse",
    "decode_latex",
    "person_from_bibtex",
    "person_from_string",
    "persons_from_bibtex",
]
