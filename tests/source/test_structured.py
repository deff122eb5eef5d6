"""RIS, CSL-JSON and JATS XML readers."""

from __future__ import annotations

import json

import pytest

from veribib.errors import SourceError
from veribib.model import Person, ReferenceType
from veribib.source import read_document

from .conftest import CROSSREF, DOCUMENTS, need

RIS = b"""TY  - JOUR
ID  - smith2020
AU  - Smith, John A.
AU  - Lee, K.
TI  - A title that
  continues here
JO  - Journal of Things
PY  - 2020/05/01
VL  - 12
IS  - 3
SP  - 100
EP  - 110
DO  - 10.1000/xyz
SN  - 1234-5678
ER  -

stray line
TY  - BOOK
AU  - Doe J
TI  - A Book
PY  - 2019
PB  - Penguin
SN  - 978-3-16-148410-0
"""


def test_ris_records_fields_and_extra() -> None:
    doc = read_document("x.ris", RIS)
    assert doc.format == "ris"
    first, book = doc.references
    assert first.origin.line == 1 and book.origin.line == 18
    assert first.key == "smith2020" and first.entry_type == "JOUR"
    assert first.fields is not None and book.fields is not None
    assert first.fields.authors == (Person("Smith", "John A."), Person("Lee", "K."))
    assert first.fields.title == "A title that continues here"
    assert (first.fields.container, first.fields.year, first.fields.pages) == (
        "Journal of Things",
        2020,
        "100–110",
    )
    assert first.fields.type is ReferenceType.JOURNAL_ARTICLE
    assert ("doi", "10.1000/xyz") in first.extra and ("issn", "1234-5678") in first.extra
    assert first.text.endswith("doi:10.1000/xyz")
    assert book.fields.authors == (Person("Doe", "J"),)
    assert book.fields.type is ReferenceType.BOOK and book.fields.publisher == "Penguin"
    assert ("isbn", "978-3-16-148410-0") in book.extra
    messages = [(w.origin.line, w.message) for w in doc.warnings]
    assert (17, "text outside a RIS record, skipped") in messages
    assert (18, "RIS record without ER line") in messages


CSL = [
    {
        "id": "item1",
        "type": "article-journal",
        "title": "Exosomes in skin",
        "container-title": "Cosmetics",
        "author": [
            {"family": "Thakur", "given": "A."},
            {"family": "Berg", "given": "J.", "non-dropping-particle": "van den"},
            {"literal": "WHO Study Group"},
        ],
        "issued": {"date-parts": [[2023, 2]]},
        "volume": "10",
        "page": "65",
        "DOI": "10.3390/cosmetics10020065",
        "PMID": "123456",
    },
    {
        "id": 2,
        "type": "book",
        "title": "A Book",
        "issued": {"raw": "2019-05"},
        "ISBN": ["978-1", "978-2"],
    },
]


def test_csl_json_array_with_lines_and_types() -> None:
    data = json.dumps(CSL, indent=2).encode()
    doc = read_document("refs.json", data)
    assert doc.format == "csljson"
    a, b = doc.references
    assert a.origin.line == 2 and b.origin.line > a.origin.line
    assert a.key == "item1" and b.key == "2"
    assert a.fields is not None and b.fields is not None
    assert a.fields.authors == (
        Person("Thakur", "A."),
        Person("van den Berg", "J."),
        Person("WHO Study Group"),
    )
    assert (a.fields.year, a.fields.container, a.fields.type) == (
        2023,
        "Cosmetics",
        ReferenceType.JOURNAL_ARTICLE,
    )
    assert ("doi", "10.3390/cosmetics10020065") in a.extra and ("pmid", "123456") in a.extra
    assert b.fields.year == 2019 and b.fields.type is ReferenceType.BOOK
    assert ("isbn", "978-1 978-2") in b.extra


def test_csl_json_single_object_and_broken_tail() -> None:
    one = read_document("one.json", json.dumps(CSL[0]).encode())
    assert len(one.references) == 1
    broken = b'[\n{"id": "a", "title": "Fine", "type": "book"},\n{"id": "b", "title": \n'
    doc = read_document("broken.json", broken)
    assert [r.key for r in doc.references] == ["a"]
    assert doc.warnings and doc.warnings[0].origin.line == 3


def test_csl_json_that_is_not_json_is_refused_with_file_and_line() -> None:
    with pytest.raises(SourceError, match=r"^bad\.json:1: not valid JSON"):
        read_document("bad.json", b'{"id": "x", "title": }')


def test_recorded_doi_org_csl_json() -> None:
    path = need(CROSSREF / "habanero__cn_csljson_10.1126_science.169.3946.635.json")
    ref = read_document(path).references[0]
    assert ref.fields is not None and ref.fields.authors == (Person("Frank", "Henry S."),)
    assert ref.fields.type is ReferenceType.JOURNAL_ARTICLE
    assert ("doi", "10.1126/science.169.3946.635") in ref.extra


def test_jats_plos_one_reference_list_and_citations() -> None:
    doc = read_document(need(DOCUMENTS / "pmc_plosone_0046493.nxml"))
    assert doc.format == "jats"
    assert len(doc.references) == 58
    first = doc.references[0]
    assert first.key == "pone.0046493-Chakroborty1" and first.entry_type == "journal"
    assert first.fields is not None
    assert first.fields.authors == (Person("Chakroborty", "A"),)
    assert (first.fields.year, first.fields.container, first.fields.pages) == (
        2011,
        "Inflammopharmacology",
        "131–137",
    )
    assert ("label", "1") in first.extra and ("pmid", "21127999") in first.extra
    third = doc.references[2]
    assert third.fields is not None and third.fields.et_al is True
    # every [n] in the text points at an entry by position
    assert doc.citations and all(1 <= c.number <= 58 for c in doc.citations if c.number)
    assert doc.citations[0].text == "[1]" and doc.citations[0].number == 1


def test_jats_bmc_reference_list_with_dois_and_ranges() -> None:
    doc = read_document(need(DOCUMENTS / "pmc_bmc_microbiology_1471-2180-11-174.nxml"))
    assert len(doc.references) == 64
    first = doc.references[0]
    assert first.text.startswith("Avery, SV (2006). Microbial cell individuality")
    assert ("doi", "10.1038/nrmicro1460") in first.extra
    numbers = [c.number for c in doc.citations]
    assert numbers[:9] == [1, 2, 3, 4, 5, 6, 7, 8, 9]  # "<xref>1</xref>-<xref>9</xref>"


def test_jats_entities_are_not_expanded_and_nothing_is_fetched() -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE article [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY ext SYSTEM "file:///etc/passwd">
]>
<article><back><ref-list><ref id="r1">
<mixed-citation>Smith J. &lol2; &ext; A title. 2020.</mixed-citation>
</ref></ref-list></back></article>
"""
    doc = read_document("bomb.xml", bomb)
    (ref,) = doc.references
    assert "lollol" not in ref.text and "root:" not in ref.text
    assert ref.fields is None  # free text: left for the reference parser


def test_jats_element_citation_with_editors_and_collab() -> None:
    xml = b"""<article><back><ref-list>
<ref id="B1"><label>1</label><element-citation publication-type="book">
<person-group person-group-type="author"><collab>WHO</collab></person-group>
<person-group person-group-type="editor">
<name><surname>Roe</surname><given-names>R</given-names></name></person-group>
<source>Guidelines</source><year>2021</year><publisher-name>WHO Press</publisher-name>
<pub-id pub-id-type="doi">10.1000/who</pub-id></element-citation></ref>
</ref-list></back></article>"""
    (ref,) = read_document("a.xml", xml).references
    assert ref.fields is not None
    assert ref.fields.authors == (Person("WHO"),) and ref.fields.editors == (Person("Roe", "R"),)
    assert (ref.fields.title, ref.fields.container, ref.fields.type) == (
        "Guidelines",
        None,
        ReferenceType.BOOK,
    )
    assert ref.origin.line == 2


def test_malformed_xml_is_recovered_or_refused() -> None:
    doc = read_document(
        "junk.xml", b"<article><ref-list><ref id='a'><mixed-citation>Smith J. A. 2020.<<<"
    )
    assert len(doc.references) == 1
    assert any("XML error recovered from" in w.message for w in doc.warnings)
    with pytest.raises(SourceError, match=r"^junk\.xml: not well-formed XML"):
        read_document("junk.xml", b"<<<")
