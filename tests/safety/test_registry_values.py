"""Registry values are validated and escaped before they reach a .bib: the cleaned file re-parses
(bibtexparser and pybtex) to the same entries, changed only where veribib meant to change them."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import bibtexparser
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse

from veribib.export import export_bibtex
from veribib.export.bibtex_values import latex_escape, safe_doi, safe_url
from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.model import FieldComparison

from ..export.builders import BIB, bib_document

INJECTED_DOI = "10.x}, note={inj}} @article{evil2, title={x"
HOSTILE_TITLE = (
    "Emerging role of {exosomes} in craniofacial} and dental \x1b]0;pwned\x07applications\x1b[2J"
)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _hostile_report(path: Path) -> Report:
    """The export tests' report with a registry that sends a brace-broken, ESC-laden title for
    xing2020emerging and an injection for every DOI."""
    doc = bib_document(path)
    refs = list(doc.references)
    xing = next(i for i, c in enumerate(refs) if c.reference.raw.key == "xing2020emerging")
    j = refs[xing].judgement
    assert j.suggestion is not None
    comparisons = tuple(
        FieldComparison("title", c.cited, HOSTILE_TITLE, 0.9, False) if c.field == "title" else c
        for c in j.comparisons
    )
    refs[xing] = CheckedReference(
        refs[xing].reference,
        replace(j, comparisons=comparisons, suggestion=replace(j.suggestion, title=HOSTILE_TITLE)),
    )
    refs = [
        CheckedReference(
            c.reference,
            replace(
                c.judgement,
                suggested_doi=INJECTED_DOI if c.judgement.suggested_doi else None,
                match=replace(c.judgement.match, doi=INJECTED_DOI) if c.judgement.match else None,
            ),
        )
        for c in refs
    ]
    return Report(run_id=1, documents=(CheckedDocument(doc.document, tuple(refs)),))


def _fields(text: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.raw[:80] for b in library.failed_blocks]
    return {e.key: {f.key.lower(): str(f.value) for f in e.fields} for e in library.entries}


def test_hostile_registry_values_leave_a_file_that_reparses_with_only_intended_changes(
    tmp_path: Path,
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_bytes(BIB.read_bytes())
    out = tmp_path / "out.bib"
    result = export_bibtex(_hostile_report(bib), bib, out)
    cleaned = out.read_text(encoding="utf-8")
    original = bib.read_text(encoding="utf-8")

    assert "evil2" not in cleaned and "inj" not in cleaned
    assert not CONTROL.search(cleaned.replace("\n", "").replace("\r", ""))
    before, after = _fields(original), _fields(cleaned)
    moved = {c.key for c in result.changes if c.action in ("move", "comment")}
    assert list(after) == [k for k in before if k not in moved]
    # pybtex (BibTeX's own brace rules) reads the same entries.
    assert list(pybtex_parse(cleaned, "bibtex").entries.keys()) == list(after)
    changed = {(c.key, c.field) for c in result.changes if c.action == "correct"}
    for key, fields in after.items():
        for name, value in fields.items():
            if (key, name) not in changed:
                assert value == before[key][name], (key, name)
    assert ("xing2020emerging", "title") in changed
    assert not any(c.field == "doi" for c in result.changes), "an injected DOI was written"
    assert any("not a valid DOI" in n for n in result.notes)


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_any_registry_text_becomes_one_balanced_control_free_value(text: str) -> None:
    value = latex_escape(text)
    assert not CONTROL.search(value)
    entry = "@misc{k,\n  title = {" + value + "},\n  note = {end}\n}\n"
    library = bibtexparser.parse_string(entry)
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ["k"]
    assert library.entries[0].fields_dict["note"].value == "end"
    assert list(pybtex_parse(entry, "bibtex").entries.keys()) == ["k"]


def test_dois_and_urls_must_match_their_grammar() -> None:
    assert safe_doi(INJECTED_DOI) is None
    assert safe_doi("10.1234/a b") is None
    assert safe_doi("10.1234/ok\x1b") is None
    assert safe_doi("10.3390/ijms241713043") == "10.3390/ijms241713043"
    assert safe_doi("10.1002/(SICI)1097-4636(199706)35:4<411::AID-JBM1>3.0.CO;2-D")
    assert safe_url("https://example.org/a}b") is None
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.org/x?y=1") == "https://example.org/x?y=1"
