"""PubMed MEDLINE files (``.nbib``, "Send to: Citation manager"): ``PMID- `` records.

Each record is a run of ``TAG - value`` lines (tags of up to four letters, padded to four), a
value continuing on lines indented by six spaces, records separated by blank lines. The format
is documented at https://www.nlm.nih.gov/bsd/mms/medlineelements.html.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from veribib.model import Document, Fields, Origin, Person, RawReference, ReferenceType, Warning_
from veribib.source.decode import decode_text
from veribib.source.interface import Source
from veribib.source.names import collapse, person_from_string
from veribib.source.render import structured_reference

_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- (.*)$")
_SNIFF = re.compile(rb"^PMID- ", re.MULTILINE)
_SIGNATURE = re.compile(rb"\s*PMID- ")
_YEAR = re.compile(r"\d{4}")
_ID_KIND = re.compile(r"^(.*?)\s*\[(\w+)\]\s*$")
_TYPES = {
    "journal article": ReferenceType.JOURNAL_ARTICLE,
    "review": ReferenceType.JOURNAL_ARTICLE,
    "preprint": ReferenceType.PREPRINT,
    "clinical trial protocol": ReferenceType.JOURNAL_ARTICLE,
    "book": ReferenceType.BOOK,
    "dataset": ReferenceType.DATASET,
}


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

    def all(self, name: str) -> list[str]:
        return [value for tag, value in self.tags if tag == name and value]

    def ids(self, kind: str) -> str | None:
        """The ``AID``/``LID`` value marked ``[kind]`` (``10.1000/x [doi]``)."""
        for tag, value in self.tags:
            m = _ID_KIND.match(value) if tag in ("AID", "LID") else None
            if m and m.group(2).lower() == kind:
                return m.group(1)
        return None


def _authors(rec: _Record) -> tuple[Person, ...]:
    # FAU gives "Smith, John A"; AU only "Smith JA". Corporate authors come as CN.
    names = rec.all("FAU") or rec.all("AU")
    people = [p for p in (person_from_string(n) for n in names) if p is not None]
    people += [Person(collapse(cn)) for cn in rec.all("CN")]
    return tuple(people)


def _type(rec: _Record) -> ReferenceType:
    for kind in rec.all("PT"):
        found = _TYPES.get(kind.lower())
        if found is not None:
            return found
    return ReferenceType.JOURNAL_ARTICLE if rec.first("JT", "TA") else ReferenceType.OTHER


def _fields(rec: _Record) -> Fields:
    m = _YEAR.search(rec.first("DP", "DEP", "EDAT") or "")
    pages = rec.first("PG")
    if pages is None:
        loc = rec.first("LID")
        pages = loc.split(" [", 1)[0] if loc and loc.endswith("[pii]") else None
    return Fields(
        authors=_authors(rec),
        year=int(m.group(0)) if m else None,
        title=(rec.first("TI", "BTI") or "").rstrip(".") or None,
        container=rec.first("JT", "TA"),
        volume=rec.first("VI"),
        issue=rec.first("IP"),
        pages=pages.replace("-", "–") if pages else None,
        publisher=rec.first("PB"),
        type=_type(rec),
    )


def _records(path: str, text: str, warnings: list[Warning_]) -> list[_Record]:
    records: list[_Record] = []
    cur: _Record | None = None
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("      ") and cur is not None and cur.tags:
            tag, value = cur.tags[-1]
            cur.tags[-1] = (tag, collapse(f"{value} {line}"))
            continue
        m = _TAG.match(line)
        if m is None:
            warnings.append(Warning_(Origin(path, n), "text outside a MEDLINE record, skipped"))
            continue
        tag, value = m.group(1), collapse(m.group(2))
        if tag == "PMID":
            cur = _Record(n)
            records.append(cur)
        elif cur is None:
            warnings.append(Warning_(Origin(path, n), f"MEDLINE tag {tag} before any PMID line"))
            continue
        cur.tags.append((tag, value))
    return records


class NbibSource(Source):
    """PubMed MEDLINE / ``.nbib`` files."""

    format = "nbib"
    extensions = (".nbib", ".medline")

    sniff_pattern = _SNIFF
    signature_pattern = _SIGNATURE

    def read(self, path: str, data: bytes) -> Document:
        """Read each PMID record into a reference carrying its PMID, DOI and PMCID."""
        text, decode_warnings = decode_text(path, data)
        warnings = list(decode_warnings)
        references: list[RawReference] = []
        for index, rec in enumerate(_records(path, text, warnings)):
            fields = _fields(rec)
            doi = rec.ids("doi")
            extra = [("pmid", rec.first("PMID") or "")]
            extra += [("doi", doi)] if doi else []
            pmcid = rec.first("PMC")
            extra += [("pmcid", pmcid)] if pmcid else []
            references.append(
                structured_reference(
                    fields,
                    Origin(path, rec.line, index),
                    doi=doi,
                    key=rec.first("PMID"),
                    entry_type=rec.first("PT"),
                    extra=tuple(extra),
                )
            )
        if not references:
            warnings.append(Warning_(Origin(path), "no MEDLINE (PMID- ) records found"))
        return Document(path, self.format, tuple(references), warnings=tuple(warnings))


__all__ = ["NbibSource"]
