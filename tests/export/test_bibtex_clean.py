"""Cleaned BibTeX: only the entries that need it change, exactly as listed; nothing else moves."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest

from veribib.errors import ExportError
from veribib.export import export_bibtex
from veribib.export.bibtex_clean import clean_bibtex_text
from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.model import Document, Origin

from .builders import BIB, bib_document

ANITUA_CLEAN = "\n".join(
    [
        "@article{anitua2023advances,",
        "  author  = {Anitua, Eduardo and Troya, Mar{\\'\\i}a and Falcon-P{\\'e}rez, Juan M.},",
        "  title   = {Advances in Platelet Rich Plasma-Derived Extracellular Vesicles for "
        "Regenerative Medicine: A Systematic-Narrative Review},",
        "  journal = ijms,",
        "  year    = 2023,",
        "  volume  = {24},",
        "  number  = {17},",
        "  pages   = {13043},",
        "  doi     = {10.3390/ijms241713043}",
        "}",
    ]
)

XING_CLEAN = """@Article{xing2020emerging,
    title = "Emerging role of exosomes in craniofacial and dental applications",
    author = "Xing, Xin and Han, Shuyan and Li, Zhonghan",
    journal = "Theranostics",
    year = 2020,
    volume = "10",
    number = "19",
    pages = "8648--8664",
    keywords = "exosomes; dentistry",
    file = "xing2020.pdf",
    doi = "10.7150/thno.48291",
}"""

EXPECTED_CHANGES = [
    ("anitua2023advances", "add", "doi", None, "10.3390/ijms241713043"),
    ("xing2020emerging", "correct", "year", "2021", "2020"),
    ("xing2020emerging", "correct", "pages", "8648--8660", "8648--8664"),
    ("xing2020emerging", "add", "doi", None, "10.7150/thno.48291"),
    ("smith2021microneedle", "move", None, None, "out.fabricated.bib"),
]


def _entry_raw(text: str, key: str) -> str:
    """An entry's text as bibtexparser delimits it."""
    lib = bibtexparser.parse_string(text, parse_stack=[])
    (entry,) = [e for e in lib.entries if e.key == key]
    raw: str = entry.raw
    return raw


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    shutil.copyfile(BIB, path)
    return path


def _report(path: Path) -> Report:
    return Report(run_id=1, documents=(bib_document(path),))


def test_only_changed_entries_differ_byte_for_byte(bib: Path, tmp_path: Path) -> None:
    original = bib.read_bytes().decode("utf-8")
    out = tmp_path / "out.bib"
    export_bibtex(_report(bib), bib, out)
    expected = (
        original.replace(_entry_raw(original, "anitua2023advances"), ANITUA_CLEAN)
        .replace(_entry_raw(original, "xing2020emerging"), XING_CLEAN)
        .replace(
            _entry_raw(original, "smith2021microneedle"),
            "% veribib: entry smith2021microneedle moved to out.fabricated.bib: "
            "doi.org: DOI 10.1093/asj/sjab999 does not exist",
        )
    )
    assert expected != original
    assert out.read_bytes().decode("utf-8") == expected


def test_output_parses_and_keeps_every_block(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.bib"
    export_bibtex(_report(bib), bib, out)
    before = bibtexparser.parse_file(str(bib))
    after = bibtexparser.parse_file(str(out))
    assert after.failed_blocks == []
    assert [e.key for e in after.entries] == [
        "anitua2023advances",
        "xing2020emerging",
        "petrik2016immunomodulatory",
        "veribib2026",
    ]
    assert after.entries[-1].entry_type == "software"  # unknown entry type kept
    assert [s.key for s in after.strings] == ["ijms"]
    assert len(after.preambles) == 1
    assert after.entries_dict["anitua2023advances"]["journal"] == (
        "International Journal of Molecular Sciences"  # @string reference kept
    )
    xing = after.entries_dict["xing2020emerging"]
    assert (xing["year"], xing["pages"], xing["doi"]) == (
        "2020",
        "8648--8664",
        "10.7150/thno.48291",
    )
    assert (xing["keywords"], xing["file"]) == ("exosomes; dentistry", "xing2020.pdf")
    untouched = ("petrik2016immunomodulatory", "veribib2026")
    for key in untouched:
        assert after.entries_dict[key].raw == before.entries_dict[key].raw
    comments = [c.comment for c in after.comments if hasattr(c, "comment")]
    assert "Entries below still need checking against the PDFs." in comments


def test_change_list_lists_exactly_the_changes(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.bib"
    result = export_bibtex(_report(bib), bib, out)
    made = [(c.key, c.action, c.field, c.old, c.new) for c in result.changes]
    assert made == EXPECTED_CHANGES
    text = (tmp_path / "out.bib.changes.txt").read_text("utf-8")
    section = text.split("Changes (", 1)[1].split("\n\n", 1)[0]
    listed = [line.strip() for line in section.splitlines()[1:]]
    assert len(listed) == len(EXPECTED_CHANGES)
    assert listed[0].startswith("anitua2023advances: doi (none) → 10.3390/ijms241713043 (")
    assert listed[1].startswith("xing2020emerging: year 2021 → 2020 (inaccurate: ")
    assert listed[2].startswith("xing2020emerging: pages 8648--8660 → 8648--8664 (")
    assert listed[3].startswith("xing2020emerging: doi (none) → 10.7150/thno.48291 (")
    assert listed[4].startswith("smith2021microneedle: moved to out.fabricated.bib (doi.org: DOI")
    # the unified diff has one +/- line per changed line and nothing for untouched entries
    diff = text.split("Unified diff:", 1)[1]
    minus = [ln for ln in diff.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    plus = [ln for ln in diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert "-    year = 2021," in minus and "+    year = 2020," in plus
    assert not any("petrik" in ln or "veribib2026" in ln for ln in minus + plus)
    assert "petrik2016immunomodulatory: unresolved" in text  # listed as left alone


def test_fabricated_moved_to_separate_file(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.bib"
    result = export_bibtex(_report(bib), bib, out)
    fab = tmp_path / "out.fabricated.bib"
    assert result.fabricated_file == fab
    lib = bibtexparser.parse_file(str(fab))
    assert lib.failed_blocks == []
    assert [e.key for e in lib.entries] == ["smith2021microneedle"]
    assert lib.entries[0].raw == _entry_raw(BIB.read_text("utf-8"), "smith2021microneedle")
    assert "likely source: Proffer et al. 2022" in fab.read_text("utf-8")


def test_fabricated_commented_out(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.bib"
    result = export_bibtex(_report(bib), bib, out, fabricated="comment")
    assert result.fabricated_file is None
    assert not (tmp_path / "out.fabricated.bib").exists()
    text = out.read_text("utf-8")
    lib = bibtexparser.parse_string(text)
    assert lib.failed_blocks == []
    assert "smith2021microneedle" not in lib.entries_dict
    assert "% veribib: fabricated: doi.org: DOI 10.1093/asj/sjab999 does not exist" in text
    assert "% article{smith2021microneedle," in text
    # no "@" survives in the commented lines (BibTeX would read an entry from it)
    commented = [ln for ln in text.splitlines() if ln.startswith("%")]
    assert not any("@" in ln for ln in commented)
    assert [(c.key, c.action) for c in result.changes][-1] == ("smith2021microneedle", "comment")


def test_input_is_never_overwritten_without_in_place(bib: Path, tmp_path: Path) -> None:
    original = bib.read_bytes()
    with pytest.raises(ExportError, match="in_place"):
        export_bibtex(_report(bib), bib, bib)
    assert bib.read_bytes() == original
    export_bibtex(_report(bib), bib, tmp_path / "out.bib")
    assert bib.read_bytes() == original
    assert not list(tmp_path.glob("*.bak*"))


def test_in_place_keeps_a_backup(bib: Path, tmp_path: Path) -> None:
    original = bib.read_bytes()
    report = _report(bib)
    result = export_bibtex(report, bib, tmp_path / "ignored.bib", in_place=True)
    assert result.output == bib and result.backup == tmp_path / "refs.bib.bak"
    assert (tmp_path / "refs.bib.bak").read_bytes() == original
    cleaned = bib.read_bytes()
    assert cleaned != original and b"doi     = {10.3390/ijms241713043}" in cleaned
    assert not (tmp_path / "ignored.bib").exists()
    # A second run keeps the first backup, makes a new one and changes nothing more:
    # the DOIs are there now and the corrected fields already agree with the record.
    again = export_bibtex(report, bib, tmp_path / "ignored.bib", in_place=True)
    assert again.backup == tmp_path / "refs.bib.bak.1"
    assert (tmp_path / "refs.bib.bak").read_bytes() == original
    assert (tmp_path / "refs.bib.bak.1").read_bytes() == cleaned
    assert bib.read_bytes() == cleaned
    assert again.changes == ()


def test_crlf_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(BIB.read_bytes().replace(b"\n", b"\r\n"))
    out = tmp_path / "out.bib"
    export_bibtex(_report(path), path, out)
    data = out.read_bytes()
    assert b"\r\n" in data and re.search(rb"(?<!\r)\n", data) is None
    assert b"  pages   = {13043},\r\n  doi     = {10.3390/ijms241713043}\r\n}" in data


def _single(text: str, key: str, judged_like: CheckedReference) -> CheckedDocument:
    """A document whose only reference is ``judged_like`` moved to ``key`` at line 1."""
    raw = replace(judged_like.reference.raw, key=key, origin=Origin("x.bib", 1))
    ref = replace(judged_like.reference, raw=raw)
    return CheckedDocument(
        Document("x.bib", "bibtex", (raw,)), (CheckedReference(ref, judged_like.judgement),)
    )


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("@misc{k, title={q}}", "@misc{k, title={q}, doi={10.3390/ijms241713043}}"),
        (
            "@misc{k,\n\tTITLE = {q},\n}",
            "@misc{k,\n\tTITLE = {q},\n\tDOI = {10.3390/ijms241713043},\n}",
        ),
        ('@misc{k,\n  title="q"\n}', '@misc{k,\n  title="q",\n  doi="10.3390/ijms241713043"\n}'),
        ("@article(k,\n  year=2020)", "@article(k,\n  year=2020,\n  doi={10.3390/ijms241713043})"),
        ("@misc{k}", "@misc{k,\n  doi = {10.3390/ijms241713043}\n}"),
        ("@misc{k,\ntitle={q}\n}", "@misc{k,\ntitle={q},\ndoi={10.3390/ijms241713043}\n}"),
    ],
)
def test_added_field_follows_the_entry_style(entry: str, expected: str) -> None:
    verified = bib_document().references[0]
    cleaned = clean_bibtex_text(entry, _single(entry, "k", verified), "separate", "x.fab.bib")
    assert cleaned.text == expected


def test_an_entry_already_correct_is_left_alone() -> None:
    inaccurate = bib_document().references[1]
    entry = (
        "@article{k,\n  year = {2020},\n  pages = {8648--8664},\n"
        "  doi = {https://doi.org/10.7150/thno.48291}\n}\n"
    )
    cleaned = clean_bibtex_text(entry, _single(entry, "k", inaccurate), "separate", "f.bib")
    assert cleaned.text == entry and cleaned.changes == []


def test_non_ascii_file_gets_unicode_and_ascii_file_gets_latex(tmp_path: Path) -> None:
    inaccurate = bib_document().references[1]
    record = inaccurate.judgement.match
    assert record is not None
    fields = replace(record.fields, title="Émergence of exosomes")
    judged = replace(
        inaccurate,
        judgement=replace(
            inaccurate.judgement,
            suggestion=fields,
            comparisons=(
                replace(inaccurate.judgement.comparisons[0], agrees=False, similarity=0.5),
            ),
        ),
    )
    entry = "@article{k,\n  title = {Emerging role of exosomes},\n}\n"
    cleaned = clean_bibtex_text(entry, _single(entry, "k", judged), "separate", "f.bib")
    assert "title = {{\\'E}mergence of exosomes}" in cleaned.text
    utf8 = "% café\n" + entry
    cleaned = clean_bibtex_text(utf8, _single(utf8, "k", judged), "separate", "f.bib")
    assert "title = {Émergence of exosomes}" in cleaned.text


def test_report_without_the_input_is_an_error(bib: Path, tmp_path: Path) -> None:
    report = Report(run_id=1, documents=(bib_document(bib), bib_document(bib, name="b.bib")))
    with pytest.raises(ExportError, match="not among the inputs"):
        export_bibtex(report, tmp_path / "other.bib", tmp_path / "out.bib")


def test_biblatex_date_with_the_wrong_year_is_corrected(bib: Path, tmp_path: Path) -> None:
    text = bib.read_text(encoding="utf-8")
    assert "year = 2021," in text
    bib.write_text(text.replace("year = 2021,", 'date = "2021-09",', 1), encoding="utf-8")
    out = tmp_path / "out.bib"
    result = export_bibtex(_report(bib), bib, out)
    raw = _entry_raw(out.read_text(encoding="utf-8"), "xing2020emerging")
    assert 'date = "2020-09",' in raw  # the delimiters and month as written
    assert ("xing2020emerging", "correct", "date", "2021-09", "2020-09") in [
        (c.key, c.action, c.field, c.old, c.new) for c in result.changes
    ]
