"""Where users work: Word, LaTeX, Pandoc Markdown, PubMed MEDLINE and EndNote XML inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from veribib.pipeline import parse_inputs, read_input
from veribib.source import detect_format, read_document
from veribib.source.citations import match_citations

DATA = Path(__file__).parent / "data"
MANUSCRIPT = DATA / "manuscript"


def _keys_report(path: Path) -> tuple[list[str], list[str]]:
    """(missing keys with the file:line citing them, uncited entries' file:line)."""
    item = read_input(str(path))
    assert item.error is None, item.error
    report = match_citations(item.document.citations, item.references)
    by_id = {r.id: r for r in item.references}
    missing = [f"{c.key} {c.origin}" for c in report.unmatched]
    uncited = [f"{by_id[i].raw.key} {by_id[i].origin}" for i in report.uncited]
    return missing, uncited


def test_latex_keys_missing_from_the_bib_and_entries_never_cited(tmp_path: Path) -> None:
    work = tmp_path / "paper"
    shutil.copytree(MANUSCRIPT, work)
    missing, uncited = _keys_report(work / "paper.tex")
    # \cite in a comment is not a citation; \input{methods} is followed.
    assert missing == [
        f"devlin2019bert {work / 'paper.tex'}:10",
        f"goodfellow2016book {work / 'methods.tex'}:2",
    ]
    assert uncited == [f"vaswani2017attention {work / 'refs.bib'}:22"]
    doc = read_document(work / "paper.tex")
    assert doc.format == "latex"
    assert doc.includes == (str(work / "refs.bib"), str(work / "methods.tex"))
    assert {c.text for c in doc.citations} >= {"\\citep{lecun2015deep}", "\\citet{he2016resnet}"}


def test_latex_missing_bib_file_is_named_at_the_line_naming_it(tmp_path: Path) -> None:
    tex = tmp_path / "paper.tex"
    tex.write_text(
        "\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{gone.bib}\n"
        "\\begin{document}\\autocite{x}\\end{document}\n",
        encoding="utf-8",
    )
    doc = read_document(tex)
    assert doc.references == ()
    assert any(str(w.origin) == f"{tex}:3" and "gone.bib" in w.message for w in doc.warnings)
    assert [c.key for c in doc.citations] == ["x"]


def test_thebibliography_inside_the_tex_is_read(tmp_path: Path) -> None:
    tex = tmp_path / "short.tex"
    tex.write_text(
        "\\documentclass{article}\\begin{document}\nAs shown \\cite{a1}.\n"
        "\\begin{thebibliography}{9}\n"
        "\\bibitem{a1} A.~Author. \\newblock A title.\n"
        "\\newblock \\emph{J. Things}, 2(3):4--5, 2001.\n"
        "\\bibitem{b2} B.~Other. \\newblock Another. 2002.\n"
        "\\end{thebibliography}\\end{document}\n",
        encoding="utf-8",
    )
    missing, uncited = _keys_report(tex)
    assert missing == [] and uncited == [f"b2 {tex}:6"]


def test_bbl_has_no_phantom_entries_from_providecommand() -> None:
    doc = read_document(MANUSCRIPT / "paper.bbl")
    assert doc.format == "bbl"
    assert [(r.key, r.origin.line) for r in doc.references] == [
        ("he2016resnet", 8),
        ("lecun2015deep", 15),
    ]
    assert "[1]" not in " ".join(r.text for r in doc.references)
    assert "penalty" not in doc.references[1].text and "436–444" in doc.references[1].text


def test_aux_gives_cited_keys_and_its_bibdata(tmp_path: Path) -> None:
    work = tmp_path / "paper"
    shutil.copytree(MANUSCRIPT, work)
    missing, uncited = _keys_report(work / "paper.aux")
    assert missing == [f"devlin2019bert {work / 'paper.aux'}:5"]
    assert uncited == [f"vaswani2017attention {work / 'refs.bib'}:22"]


def test_pandoc_markdown_keys_both_ways(tmp_path: Path) -> None:
    work = tmp_path / "paper"
    shutil.copytree(MANUSCRIPT, work)
    missing, uncited = _keys_report(work / "paper.md")
    # The e-mail address, inline code and the fenced code block hold no citation.
    assert missing == [f"missing2021 {work / 'paper.md'}:11"]
    assert uncited == [f"vaswani2017attention {work / 'refs.bib'}:22"]


def test_markdown_with_inline_csl_references(tmp_path: Path) -> None:
    md = tmp_path / "note.qmd"
    md.write_text(
        "---\ntitle: x\nreferences:\n  - id: doe2020\n    type: article-journal\n"
        "    title: A study of things\n    author:\n      - family: Doe\n        given: Jane\n"
        "    issued:\n      date-parts: [[2020]]\n---\n\nAs shown [@doe2020].\n",
        encoding="utf-8",
    )
    missing, uncited = _keys_report(md)
    assert missing == [] and uncited == []
    assert read_document(md).references[0].fields.title == "A study of things"


def test_plain_markdown_blog_post_is_read_as_text(tmp_path: Path) -> None:
    md = tmp_path / "post.md"
    md.write_text(
        "# Exosomes\n\nFollow @someone on social media. Results were clear (Smith, 2019).\n\n"
        "## References\n\n"
        "1. Smith J, Jones K. Exosome release in culture. J Cell Sci. 2019;132(4):jcs22.\n",
        encoding="utf-8",
    )
    doc = read_document(md)
    assert len(doc.references) == 1
    assert all(c.key is None for c in doc.citations)


def test_nbib_records_with_pmid_doi_and_group_author() -> None:
    doc = read_document(DATA / "pubmed.nbib")
    assert doc.format == "nbib" and len(doc.references) == 2
    first = read_input(str(DATA / "pubmed.nbib")).references[0]
    assert first.identifiers.pmid == "32109013"
    assert first.identifiers.doi == "10.1056/nejmoa2002032"
    assert first.identifiers.pmcid == "PMC7092819"
    f = first.fields
    assert f.title == "Clinical Characteristics of Coronavirus Disease 2019 in China"
    assert (f.year, f.volume, f.issue, f.pages) == (2020, "382", "18", "1708–1720")
    assert f.authors[0].family == "Guan" and f.authors[-1].family.startswith("China Medical")
    assert doc.references[1].origin.line == 38


def test_endnote_xml_records() -> None:
    path = DATA / "endnote.xml"
    assert detect_format(path, path.read_bytes()[:8192]) == "endnote"
    refs = read_input(str(path)).references
    assert [r.identifiers.doi for r in refs] == ["10.1038/nature14539", None]
    assert refs[0].fields.container == "Nature" and refs[0].fields.pages == "436-444"
    # An organisation stays one name.
    assert [a.family for a in refs[1].fields.authors] == ["World Health Organization"]


def _word_manuscript(path: Path, *, auto_numbers: bool) -> None:
    document = docx.Document()
    document.add_heading("Exosomes in regenerative medicine", level=1)
    document.add_paragraph(
        "Platelet-rich plasma releases growth factors [1], and exosomes carry them [2]."
    )
    document.add_paragraph("Earlier reviews disagree (Anitua et al., 2004).")
    document.add_heading("References", level=1)
    entries = [
        "Anitua E, Andia I, Ardanza B, Nurden P, Nurden AT. Autologous platelets as a source "
        "of proteins for healing and tissue regeneration. Thromb Haemost. 2004;91(1):4-15.",
        "Théry C, Witwer KW, Aikawa E, et al. Minimal information for studies of extracellular "
        "vesicles 2018 (MISEV2018). J Extracell Vesicles. 2018;7(1):1535750. "
        "doi:10.1080/20013078.2018.1535750",
    ]
    for n, entry in enumerate(entries, 1):
        if auto_numbers:
            document.add_paragraph(entry, style="List Number")
        else:
            document.add_paragraph(f"{n}. {entry}")
    document.save(str(path))


@pytest.mark.parametrize("auto_numbers", [False, True], ids=["typed-numbers", "word-numbering"])
def test_docx_reference_list_and_citations(tmp_path: Path, auto_numbers: bool) -> None:
    path = tmp_path / "manuscript.docx"
    _word_manuscript(path, auto_numbers=auto_numbers)
    item = read_input(str(path))
    assert item.error is None and item.document.format == "docx"
    refs = item.references
    assert [r.origin.line for r in refs] == [5, 6]  # paragraph numbers
    assert refs[1].identifiers.doi == "10.1080/20013078.2018.1535750"
    assert refs[0].fields.year == 2004
    report = match_citations(item.document.citations, refs)
    assert report.unmatched == () and report.uncited == ()
    assert {c.origin.line for c in report.citations} == {2, 3}


def test_docx_without_extension_is_still_word(tmp_path: Path) -> None:
    path = tmp_path / "manuscript.docx"
    _word_manuscript(path, auto_numbers=False)
    data = path.read_bytes()
    assert detect_format(tmp_path / "upload.bin", data[:8192]) == "docx"


def test_directory_scan_reads_a_manuscript_once_and_skips_dependencies(tmp_path: Path) -> None:
    work = tmp_path / "repo"
    shutil.copytree(MANUSCRIPT, work)
    (work / "paper.md").unlink()
    (work / "paper.aux").unlink()
    (work / "biber.bbl").unlink()
    (work / "node_modules" / "pkg").mkdir(parents=True)
    (work / "node_modules" / "pkg" / "refs.bib").write_text("@misc{x, title={X}}\n")
    (work / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n')
    (work / "build").mkdir()
    (work / "build" / "out.txt").write_text("ignored")
    (work / ".gitignore").write_text("drafts/\n*.old.bib\n")
    (work / "drafts").mkdir()
    (work / "drafts" / "d.bib").write_text("@misc{d, title={D}}\n")
    (work / "refs.old.bib").write_text("@misc{o, title={O}}\n")
    inputs = parse_inputs([work])
    # paper.bbl and refs.bib belong to paper.tex: its references are counted once.
    assert [Path(i.path).name for i in inputs] == ["paper.tex"]
    assert len(inputs[0].references) == 3


def test_biber_bbl_entries_are_structured_references() -> None:
    item = read_input(str(MANUSCRIPT / "biber.bbl"))
    refs = item.references
    assert [(r.raw.key, r.origin.line) for r in refs] == [
        ("he2016resnet", 16),
        ("lecun2015deep", 52),
    ]
    he, lecun = (r.fields for r in refs)
    assert [a.family for a in he.authors] == ["He", "Zhang", "Ren", "Sun"]
    assert he.pages == "770–778" and he.container.startswith("2016 IEEE Conference")
    assert (lecun.volume, lecun.issue, lecun.year, lecun.container) == (
        "521",
        "7553",
        2015,
        "Nature",
    )
    assert refs[1].identifiers.doi == "10.1038/nature14539"
