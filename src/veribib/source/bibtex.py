"""BibTeX files, read with bibtexparser v2: every entry kept, failed blocks reported by line.

``@string`` macros and ``#`` concatenation are expanded here (bibtexparser resolves only bare
macro names), LaTeX is decoded to Unicode for the fields, and ``extra`` keeps every field as
written (macros expanded, outer braces removed, LaTeX left alone) for identifier extraction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bibtexparser.entrypoint import parse_string
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    Entry,
    ParsingFailedBlock,
    String,
)

from veribib.errors import SourceError
from veribib.model import Document, Fields, Origin, RawReference, ReferenceType, Warning_
from veribib.source.decode import decode_text
from veribib.source.interface import Source, quiet_logger
from veribib.source.names import collapse, decode_latex, persons_from_bibtex
from veribib.source.render import render_reference

_MONTHS = {
    m: str(i)
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_TYPES = {
    "article": ReferenceType.JOURNAL_ARTICLE,
    "inproceedings": ReferenceType.PROCEEDINGS_ARTICLE,
    "conference": ReferenceType.PROCEEDINGS_ARTICLE,
    "proceedings": ReferenceType.BOOK,
    "book": ReferenceType.BOOK,
    "mvbook": ReferenceType.BOOK,
    "booklet": ReferenceType.BOOK,
    "inbook": ReferenceType.BOOK_CHAPTER,
    "incollection": ReferenceType.BOOK_CHAPTER,
    "phdthesis": ReferenceType.THESIS,
    "mastersthesis": ReferenceType.THESIS,
    "thesis": ReferenceType.THESIS,
    "techreport": ReferenceType.REPORT,
    "report": ReferenceType.REPORT,
    "online": ReferenceType.WEBPAGE,
    "electronic": ReferenceType.WEBPAGE,
    "www": ReferenceType.WEBPAGE,
    "dataset": ReferenceType.DATASET,
    "standard": ReferenceType.STANDARD,
    "unpublished": ReferenceType.OTHER,
    "manual": ReferenceType.OTHER,
    "misc": ReferenceType.OTHER,
}
_SNIFF = re.compile(rb"^[ \t]*@[a-zA-Z]+[ \t]*[{(]", re.MULTILINE)
_SIGNATURE = re.compile(rb"(?:\s*%[^\n]*\n)*\s*@[a-zA-Z]+[ \t]*[{(]")
_YEAR = re.compile(r"\d{4}")
_URL_ESCAPES = re.compile(r"\\([_%&#$~])")


# Entries one file may hold: ten times the largest bibliography benchmarked (scripts/bench_scale).
MAX_ENTRIES = 100_000
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]", re.MULTILINE)
# Entries handed to bibtexparser at once: its blocks take ~6 KB each, so a 100,000-entry file
# parsed whole held 600 MB before the first reference was checked.
PIECE_ENTRIES = 2000


def _pieces(text: str, size: int = PIECE_ENTRIES) -> Iterator[tuple[int, str]]:
    """The text as (line offset, piece) pieces of about ``size`` entries each.

    A piece ends only before an entry that starts at brace depth 0, so no field value is ever
    cut; a file of at most ``size`` entries is one piece.
    """
    starts = [m.start() for m in _ENTRY_START.finditer(text)]
    begin, line = 0, 0
    for i in range(size, len(starts), size):
        for cut in starts[i:]:
            piece = text[begin:cut]
            if piece.count("{") == piece.count("}"):
                break
        else:
            break  # no balanced cut ahead: the rest is one piece
        if cut <= begin:
            continue
        yield line, piece
        line += piece.count("\n")
        begin = cut
    yield line, text[begin:]


def _top_level_parts(raw: str) -> list[str]:
    """Split a raw BibTeX value on ``#`` outside braces and quotes."""
    if "#" not in raw:  # nearly every value: no need to walk it
        return [raw]
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for i, ch in enumerate(raw):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(raw[start:i])
            start = i + 1
    parts.append(raw[start:])
    return parts


def expand_value(raw: str, macros: dict[str, str]) -> tuple[str, list[str]]:
    """Expand a raw BibTeX value: strip delimiters, resolve ``@string`` macros, join ``#`` parts.

    Returns the value and the names of macros that were not defined (kept as written).
    """
    out: list[str] = []
    unknown: list[str] = []
    for part in _top_level_parts(raw):
        p = part.strip()
        if len(p) >= 2 and ((p[0] == "{" and p[-1] == "}") or (p[0] == '"' and p[-1] == '"')):
            out.append(p[1:-1])
        elif not p or p.isdigit():
            out.append(p)
        elif p.lower() in macros:
            out.append(macros[p.lower()])
        else:
            unknown.append(p)
            out.append(p)
    return "".join(out), unknown


def _reason(error: Exception) -> str:
    for attr in ("abort_reason", "message"):
        value = getattr(error, attr, None)
        if isinstance(value, str) and value.strip():
            return collapse(value)
    return collapse(str(error)) or type(error).__name__


def _unescape_url(value: str) -> str:
    return _URL_ESCAPES.sub(r"\1", value).replace("{", "").replace("}", "").strip()


def _first(values: dict[str, str], *names: str) -> str | None:
    for name in names:
        value = values.get(name)
        if value and value.strip():
            return value
    return None


def _year(values: dict[str, str]) -> int | None:
    for name in ("year", "date"):
        value = values.get(name)
        if value:
            m = _YEAR.search(value)
            if m:
                return int(m.group(0))
    return None


def _entry_type(entry_type: str, values: dict[str, str]) -> ReferenceType:
    kind = entry_type.lower()
    if kind == "misc" and (
        "arxiv" in values.get("archiveprefix", "").lower() or "eprint" in values
    ):
        return ReferenceType.PREPRINT
    return _TYPES.get(kind, ReferenceType.OTHER)


def fields_from_bibtex(entry_type: str, values: dict[str, str]) -> Fields:
    """Map expanded BibTeX field values (lower-case names) to ``Fields``, decoding LaTeX."""

    def text(*names: str) -> str | None:
        value = _first(values, *names)
        if value is None:
            return None
        return decode_latex(value) or None

    authors, et_al = persons_from_bibtex(values.get("author", ""))
    editors, _ = persons_from_bibtex(values.get("editor", ""))
    kind = entry_type.lower()
    container_names = (
        ("booktitle", "journal", "journaltitle")
        if kind in {"inproceedings", "incollection", "inbook", "conference"}
        else ("journal", "journaltitle", "booktitle")
    )
    url = _first(values, "url")
    return Fields(
        authors=authors,
        et_al=et_al,
        year=_year(values),
        title=text("title"),
        container=text(*container_names),
        volume=text("volume"),
        issue=text("number", "issue"),
        pages=text("pages"),
        publisher=text("publisher", "institution", "school", "organization"),
        editors=editors,
        edition=text("edition"),
        url=_unescape_url(url) if url else None,
        type=_entry_type(kind, values),
    )


class BibtexSource(Source):
    """BibTeX (``.bib``) files."""

    format = "bibtex"
    extensions = (".bib", ".bibtex")

    sniff_pattern = _SNIFF
    signature_pattern = _SIGNATURE

    def read(self, path: str, data: bytes) -> Document:
        """Parse the file; unparseable blocks become warnings with their line."""
        text, warnings_ = decode_text(path, data)
        entries = len(_ENTRY_START.findall(text))
        if entries > MAX_ENTRIES:
            # Each entry costs about 3 KB in the report and a few milliseconds to check.
            raise SourceError(
                path,
                f"has {entries:,} BibTeX entries; veribib checks at most {MAX_ENTRIES:,} per "
                "file: split it into smaller files",
            )
        warnings = list(warnings_)
        macros = dict(_MONTHS)
        references: list[RawReference] = []
        keys: set[str] = set()
        for offset, piece in _pieces(text, PIECE_ENTRIES):
            with quiet_logger("bibtexparser"):
                library = parse_string(piece, parse_stack=[])
            for block in library.blocks:
                self._block(path, block, offset, macros, keys, references, warnings)
            del library
        if not references and not warnings:
            warnings.append(Warning_(Origin(path), "no BibTeX entries found"))
        return Document(path, self.format, tuple(references), warnings=tuple(warnings))

    def _block(
        self,
        path: str,
        block: Block,
        offset: int,
        macros: dict[str, str],
        keys: set[str],
        references: list[RawReference],
        warnings: list[Warning_],
    ) -> None:
        """One parsed block of a piece starting ``offset`` lines into the file."""
        line = block.start_line + 1 + offset if block.start_line is not None else None
        where = Origin(path, line)
        if isinstance(block, String):
            value, unknown = expand_value(str(block.value), macros)
            macros[block.key.lower()] = value
            warnings.extend(Warning_(where, f"undefined @string macro {u!r}") for u in unknown)
        elif isinstance(block, DuplicateBlockKeyBlock):
            warnings.append(Warning_(where, f"duplicate BibTeX key {block.key!r}"))
            dup = block.ignore_error_block
            if isinstance(dup, Entry):
                references.append(
                    self._reference(path, dup, macros, len(references), warnings, offset)
                )
        elif isinstance(block, ParsingFailedBlock):
            first = collapse((block.raw or "").split("\n", 1)[0])[:80]
            reason = _reason(block.error)
            warnings.append(
                Warning_(where, f"could not parse BibTeX block {first!r}, skipped: {reason}")
            )
        elif isinstance(block, Entry):
            if block.key in keys:  # a key of an earlier piece: what bibtexparser says within one
                warnings.append(Warning_(where, f"duplicate BibTeX key {block.key!r}"))
            keys.add(block.key)
            references.append(
                self._reference(path, block, macros, len(references), warnings, offset)
            )

    @staticmethod
    def _reference(
        path: str,
        entry: Entry,
        macros: dict[str, str],
        index: int,
        warnings: list[Warning_],
        offset: int = 0,
    ) -> RawReference:
        line = entry.start_line + 1 + offset if entry.start_line is not None else None
        extra: list[tuple[str, str]] = []
        for f in entry.fields:
            value, unknown = expand_value(str(f.value), macros)
            extra.append((f.key.lower(), collapse(value)))
            warnings.extend(
                Warning_(Origin(path, line), f"undefined @string macro {u!r} in field {f.key!r}")
                for u in unknown
            )
        values = dict(extra)
        fields = fields_from_bibtex(entry.entry_type, values)
        doi = values.get("doi")
        links = {"doi": _unescape_url(doi)} if doi else {}
        return RawReference(
            text=render_reference(fields, links),
            origin=Origin(path, line, index),
            fields=fields,
            key=entry.key,
            entry_type=entry.entry_type,
            extra=tuple(extra),
        )


__all__ = ["BibtexSource", "expand_value", "fields_from_bibtex"]
