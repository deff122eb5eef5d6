"""BibTeX: accents, @string macros, every entry type, failed blocks as warnings with lines."""

from __future__ import annotations

from veribib.model import Person, ReferenceType
from veribib.source import read_document

from .conftest import CROSSREF, need

BIB = r"""% a comment line
@string{nat = "Nature"}
@STRING{rev = nat # " Reviews"}

@Article{heg2020,
  author = {Heged{\H u}s, P{\'e}ter and M\"uller, J. and {World Health Organization} and others},
  title = {{On the $\alpha$} of \emph{things} \& {DNA}},
  journal = rev,
  year = 2020, month = jan,
  volume = {4}, number = "2", pages = {10--20},
  doi = {10.1000/a\_b},
  url = {https://example.org/~x\_y},
}

@book{broken,
  title = {Unbalanced {brace,
  year = 2019
}

@misc{arxiv21,
  author = "Smith, John and van Beethoven, Ludwig",
  title = "Second",
  year = {2021}, eprint = {2101.00001}, archiveprefix = {arXiv}
}

@online{web, title = {A page}, url = {https://example.org/page}, urldate = {2024-01-01}}
@software{tool, author = {Doe, J.}, title = {Tool}, date = {2022-05-01}}
@article{arxiv21, title = {Duplicate key}, journal = undefinedmacro}
"""


def read(text: str = BIB):  # type: ignore[no-untyped-def]
    return read_document("refs.bib", text.encode())


def test_entries_of_every_type_are_kept_in_order_with_their_lines() -> None:
    doc = read()
    assert doc.format == "bibtex"
    assert [(r.key, r.entry_type, r.origin.line) for r in doc.references] == [
        ("heg2020", "article", 5),  # bibtexparser lower-cases entry types
        ("arxiv21", "misc", 20),
        ("web", "online", 26),
        ("tool", "software", 27),
        ("arxiv21", "article", 28),
    ]
    assert [r.origin.index for r in doc.references] == [0, 1, 2, 3, 4]


def test_latex_is_decoded_and_macros_expanded() -> None:
    ref = read().references[0]
    assert ref.fields is not None
    assert ref.fields.authors == (
        Person("Hegedűs", "Péter"),
        Person("Müller", "J."),
        Person("World Health Organization"),
    )
    assert ref.fields.et_al is True
    assert ref.fields.title == "On the α of things & DNA"
    assert ref.fields.container == "Nature Reviews"
    assert (ref.fields.year, ref.fields.volume, ref.fields.issue, ref.fields.pages) == (
        2020,
        "4",
        "2",
        "10–20",
    )
    assert ref.fields.url == "https://example.org/~x_y"
    assert ref.fields.type is ReferenceType.JOURNAL_ARTICLE
    assert ref.identifiers is None
    assert ref.text == (
        "Hegedűs, Péter; Müller, J.; World Health Organization et al. (2020). "
        "On the α of things & DNA. Nature Reviews, 4(2), 10–20. doi:10.1000/a_b"
    )


def test_extra_keeps_every_field_as_written_in_order() -> None:
    extra = read().references[0].extra
    assert [k for k, _ in extra] == [
        "author",
        "title",
        "journal",
        "year",
        "month",
        "volume",
        "number",
        "pages",
        "doi",
        "url",
    ]
    values = dict(extra)
    assert values["doi"] == r"10.1000/a\_b"  # LaTeX left for the identifier stage
    assert values["journal"] == "Nature Reviews"  # macros expanded
    assert values["month"] == "1"


def test_failed_block_is_a_warning_with_its_line_and_the_rest_survives() -> None:
    doc = read()
    messages = {(w.origin.line, w.message.split(":")[0]) for w in doc.warnings}
    assert (15, "could not parse BibTeX block '@book{broken,', skipped") in messages
    assert any(
        w.origin.line == 28 and "duplicate BibTeX key 'arxiv21'" in w.message for w in doc.warnings
    )
    assert any(w.origin.line == 28 and "undefinedmacro" in w.message for w in doc.warnings)
    assert "broken" not in [r.key for r in doc.references]


def test_names_particles_types_and_dates() -> None:
    refs = read().references
    misc, web, tool = refs[1], refs[2], refs[3]
    assert misc.fields is not None and web.fields is not None and tool.fields is not None
    assert misc.fields.authors == (Person("Smith", "John"), Person("van Beethoven", "Ludwig"))
    assert misc.fields.type is ReferenceType.PREPRINT
    assert ("eprint", "2101.00001") in misc.extra
    assert web.fields.type is ReferenceType.WEBPAGE and web.fields.url == "https://example.org/page"
    assert tool.fields.year == 2022 and tool.fields.type is ReferenceType.OTHER


def test_unbalanced_last_entry_gives_partial_result() -> None:
    doc = read("@article{a, title={Fine}, year=2020}\n@article{b, title={Never closed, year=2021\n")
    assert [r.key for r in doc.references] == ["a"]
    assert len(doc.warnings) == 1 and doc.warnings[0].origin.line == 2


def test_recorded_doi_org_bibtex() -> None:
    path = need(CROSSREF / "habanero__cn_bibtex_10.1126_science.169.3946.635.bib")
    doc = read_document(path)
    assert len(doc.references) == 1
    ref = doc.references[0]
    assert ref.fields is not None and ref.fields.year == 1970
    assert ref.fields.authors[0].family == "Frank"
    assert ("doi", "10.1126/science.169.3946.635") in ref.extra
