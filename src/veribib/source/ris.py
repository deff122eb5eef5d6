"""RIS files (``TY  - JOUR`` ... ``ER  -``), as exported by reference managers and publishers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from veribib.model import Document, Fields, Origin, Person, ReferenceType, Warning_
from veribib.source.decode import decode_text
from veribib.source.interface import Source
from veribib.source.names import collapse, person_from_string
from veribib.source.render import structured_reference

_TAG = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?: (.*)|\s*)$")
_SNIFF = re.compile(rb"^TY\s{1,2}- ", re.MULTILINE)
_SIGNATURE = re.compile(rb"\s*TY\s{1,2}- ")
_YEAR = re.compile(r"\d{4}")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_TYPES = {
    "JOUR": ReferenceType.JOURNAL_ARTICLE,
    "JFULL": ReferenceType.JOURNAL_ARTICLE,
    "EJOUR": ReferenceType.JOURNAL_ARTICLE,
    "MGZN": ReferenceType.JOURNAL_ARTICLE,
    "CONF": ReferenceType.PROCEEDINGS_ARTICLE,
    "CPAPER": ReferenceType.PROCEEDINGS_ARTICLE,
    "BOOK": ReferenceType.BOOK,
    "EBOOK": ReferenceType.BOOK,
    "EDBOOK": ReferenceType.BOOK,
    "CHAP": ReferenceType.BOOK_CHAPTER,
    "ECHAP": ReferenceType.BOOK_CHAPTER,
    "THES": ReferenceType.THESIS,
    "RPRT": ReferenceType.REPORT,
    "GOVDOC": ReferenceType.REPORT,
    "DATA": ReferenceType.DATASET,
    "DBASE": ReferenceType.DATASET,
    "STAND": ReferenceType.STANDARD,
    "ELEC": ReferenceType.WEBPAGE,
    "WEB": ReferenceType.WEBPAGE,
    "BLOG": ReferenceType.WEBPAGE,
}
# RIS tags mapped to the lower-case names BibTeX uses, so later stages read one vocabulary.
_EXTRA_NAMES = {
    "DO": "doi",
    "UR": "url",
    "L1": "url",
    "L2": "url",
    "LK": "url",
    "N1": "note",
    "AN": "accession",
    "ID": "id",
    "M3": "type",
    "CY": "address",
    "ET": "edition",
    "PB": "publisher",
    "KW": "keywords",
    "LA": "language",
    "AB": "abstract",
    "N2": "abstract",
}
_AUTHORS = ("AU", "A1")
_EDITORS = ("A2", "ED", "A3")
_TITLES = ("TI", "T1", "CT")
_CONTAINERS = ("T2", "JO", "JF", "JA", "J2", "BT", "T3")


@dataclass(slots=True)
class _Record:
    line: int
    tags: list[tuple[str, str]] = field(default_factory=list)

    def first(self, *names: str) -> str | None:
        for name in names:
            for tag, value in self.tags:
                if tag == name and value:
                    return value
        return None

    def all(self, *names: str) -> list[str]:
        return [value for tag, value in self.tags if tag in names and value]


def _persons(values: list[str]) -> tuple[Person, ...]:
    people = (person_from_string(v) for v in values)
    return tuple(p for p in people if p is not None)


def _fields(rec: _Record) -> Fields:
    year_text = rec.first("PY", "Y1", "DA") or ""
    m = _YEAR.search(year_text)
    start, end = rec.first("SP"), rec.first("EP")
    pages = f"{start}–{end}" if start and end and end != start else start
    return Fields(
        authors=_persons(rec.all(*_AUTHORS)),
        year=int(m.group(0)) if m else None,
        title=rec.first(*_TITLES),
        container=rec.first(*_CONTAINERS) if rec.first("TY") != "BOOK" else None,
        volume=rec.first("VL"),
        issue=rec.first("IS"),
        pages=pages,
        publisher=rec.first("PB"),
        editors=_persons(rec.all(*_EDITORS)),
        edition=rec.first("ET"),
        url=rec.first("UR"),
        type=_TYPES.get((rec.first("TY") or "").upper(), ReferenceType.OTHER),
    )


def _extra(rec: _Record) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for tag, value in rec.tags:
        if tag == "SN":
            name = "issn" if _ISSN.match(value.strip()) else "isbn"
        else:
            name = _EXTRA_NAMES.get(tag, tag.lower())
        out.append((name, value))
    return tuple(out)


class RisSource(Source):
    """RIS (``.ris``) files."""

    format = "ris"
    extensions = (".ris",)

    sniff_pattern = _SNIFF
    signature_pattern = _SIGNATURE

    def read(self, path: str, data: bytes) -> Document:
        """Read each TY…ER record; stray tags and unterminated records give warnings."""
        text, decode_warnings = decode_text(path, data)
        warnings = list(decode_warnings)
        records: list[_Record] = []
        cur: _Record | None = None
        for n, raw in enumerate(text.split("\n"), start=1):
            line = raw.rstrip()
            if not line.strip():
                continue
            m = _TAG.match(line)
            if m is None:
                if cur is not None and cur.tags:
                    tag, value = cur.tags[-1]
                    cur.tags[-1] = (tag, collapse(f"{value} {line}"))
                else:
                    warnings.append(Warning_(Origin(path, n), "text outside a RIS record, skipped"))
                continue
            tag, value = m.group(1), collapse(m.group(2) or "")
            if tag == "TY":
                if cur is not None:
                    warnings.append(Warning_(Origin(path, cur.line), "RIS record without ER line"))
                    records.append(cur)
                cur = _Record(n, [(tag, value)])
            elif tag == "ER":
                if cur is not None:
                    records.append(cur)
                cur = None
            elif cur is None:
                warnings.append(
                    Warning_(Origin(path, n), f"RIS tag {tag} outside a record, skipped")
                )
            else:
                cur.tags.append((tag, value))
        if cur is not None:
            warnings.append(Warning_(Origin(path, cur.line), "RIS record without ER line"))
            records.append(cur)
        references = []
        for index, rec in enumerate(records):
            fields = _fields(rec)
            doi = rec.first("DO")
            references.append(
                structured_reference(
                    fields,
                    Origin(path, rec.line, index),
                    doi=doi,
                    key=rec.first("ID"),
                    entry_type=rec.first("TY"),
                    extra=_extra(rec),
                )
            )
        if not references:
            warnings.append(Warning_(Origin(path), "no RIS records found"))
        return Document(path, self.format, tuple(references), warnings=tuple(warnings))


__all__ = ["RisSource"]
