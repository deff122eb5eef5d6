"""Fresh BibTeX for a non-BibTeX input: records for found works, cited fields otherwise,
fabricated left out, keys like ``anitua2023advances``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest

from veribib.errors import ExportError
from veribib.export import export_bibtex
from veribib.export.bibtex_values import bib_pages, latex_escape, make_key
from veribib.export.interface import CheckedDocument, Report
from veribib.model import Document, Fields, Person

from .builders import bib_document, text_document


@pytest.fixture
def manuscript(tmp_path: Path) -> tuple[Path, Report]:
    """manuscript.txt's references, plus the .bib document's ones as if found in the text."""
    path = tmp_path / "manuscript.txt"
    path.write_text("The manuscript itself is not read again by the exporter.\n", "utf-8")
    text_doc = text_document()
    extra = bib_document(name="manuscript.txt").references  # anitua, xing, petrik, smith
    refs = (*text_doc.references, *extra, extra[0])  # anitua twice: keys must not clash
    doc = CheckedDocument(
        Document(str(path), "text", tuple(c.reference.raw for c in refs)),
        refs,
    )
    return path, Report(run_id=3, documents=(doc,))


def test_writes_one_entry_per_real_work(manuscript: tuple[Path, Report], tmp_path: Path) -> None:
    path, report = manuscript
    out = tmp_path / "refs.bib"
    result = export_bibtex(report, path, out)
    lib = bibtexparser.parse_file(str(out))
    assert lib.failed_blocks == []
    keys = [e.key for e in lib.entries]
    assert keys == [
        "sadasivan2012methylphenidate",
        "kim2021recent",
        "mallory2020script",
        "anitua2023advances",
        "xing2020emerging",
        "petrik2016immunomodulatory",
        "anitua2023advancesb",
    ]
    assert "smith2021" not in out.read_text("utf-8").lower().replace("% ", "")
    assert result.entries == 7
    omitted = [c for c in result.changes if c.action == "omit"]
    assert [c.key for c in omitted] == ["manuscript.txt#4"]
    assert "fabricated" in omitted[0].reason


def test_fields_come_from_the_record_when_found(
    manuscript: tuple[Path, Report], tmp_path: Path
) -> None:
    path, report = manuscript
    out = tmp_path / "refs.bib"
    export_bibtex(report, path, out)
    entries = bibtexparser.parse_file(str(out)).entries_dict
    xing = entries["xing2020emerging"]  # inaccurate: the record's year and pages, and its DOI
    assert (xing["year"], xing["pages"], xing["doi"]) == (
        "2020",
        "8648--8664",
        "10.7150/thno.48291",
    )
    assert xing.entry_type == "article" and xing["journal"] == "Theranostics"
    # the record's author list is partial (3 of more); the citation's own list is as long, so
    # it is kept rather than shortened
    assert xing["author"] == "Xing, Xin and Han, Shuyan and Li, Zhonghan"
    petrik = entries["petrik2016immunomodulatory"]  # unresolved: as cited, nothing invented
    assert (
        petrik["title"] == "Immunomodulatory effects of exosomes produced by virus-infected cells"
    )
    assert "doi" not in petrik.fields_dict
    mallory = entries["mallory2020script"]  # untrusted text is escaped for LaTeX
    assert "\\&" in mallory["title"]


def test_change_list_and_summary(manuscript: tuple[Path, Report], tmp_path: Path) -> None:
    path, report = manuscript
    out = tmp_path / "refs.bib"
    result = export_bibtex(report, path, out)
    text = (tmp_path / "refs.bib.changes.txt").read_text("utf-8")
    assert "xing2020emerging: written from the snapshot record 10.7150/thno.48291" in text
    assert "petrik2016immunomodulatory: written from the fields as cited" in text
    assert "manuscript.txt#4: left out (fabricated" in text
    assert "Unified diff" not in text
    assert "7 entries" in str(result) and "1 fabricated left out" in str(result)


def test_never_overwrites_the_document(manuscript: tuple[Path, Report]) -> None:
    path, report = manuscript
    before = path.read_bytes()
    with pytest.raises(ExportError):
        export_bibtex(report, path, path)
    with pytest.raises(ExportError, match="not BibTeX"):
        export_bibtex(report, path, path.with_suffix(".bib"), in_place=True)
    assert path.read_bytes() == before


def test_keys() -> None:
    taken: set[str] = set()
    f = Fields(
        authors=(Person("Falcon-Pérez", "J."),), year=2023, title="The role of vesicles: a review"
    )
    assert make_key(f, taken) == "falconperez2023role"
    assert make_key(f, taken) == "falconperez2023roleb"
    assert make_key(f, taken) == "falconperez2023rolec"
    assert make_key(Fields(), taken) == "anon"
    assert make_key(replace(f, authors=()), taken) == "anon2023role"


def test_value_helpers() -> None:
    assert bib_pages("1185-1193") == "1185--1193"
    assert bib_pages("1185 – 1193") == "1185--1193"
    assert bib_pages("e33693") == "e33693"
    assert latex_escape("50% of R&D_x {y}") == r"50\% of R\&D\_x \{y\}"
    assert latex_escape("Pérez", ascii_only=True) == "P{\\'e}rez"
