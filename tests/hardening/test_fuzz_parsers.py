"""Fuzzed input never crashes the readers or the reference parser: a Document or an InputError.

Examples are derandomised so the suite is stable; ``HARDENING_FUZZ_EXAMPLES`` raises their
number for a longer hunt (``HARDENING_FUZZ_EXAMPLES=3000 pytest tests/hardening -k fuzz``).
The deadline is a bound against hangs, not a speed target.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veribib.errors import InputError
from veribib.model import Origin, RawReference
from veribib.reference import parse_reference
from veribib.source import read_document

EXAMPLES = int(os.environ.get("HARDENING_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=10),
    derandomize=os.environ.get("HARDENING_FUZZ_RANDOM") is None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

BIBTEX_TOKENS = [
    "@article{",
    "@book(",
    "@string{",
    "@comment{",
    "@preamble{",
    "@misc{key,",
    "{",
    "}",
    "(",
    ")",
    ",",
    "=",
    '"',
    "#",
    "\n",
    "author = ",
    "title = ",
    "doi = ",
    "year = {2020}",
    "pages = {1--2}",
    "note = {NCT01234567}",
    " and ",
    "and others",
    "\\",
    "{\\'e}",
    "\\url{",
    "$x^2$",
    "%",
    "@",
    "10.1000/xyz",
    "https://doi.org/10.1000/a_b",
    "jan",
    "{{",
    "}}",
    "\\\\",
    "~",
    "\t",
    "\r\n",
]
RIS_TAGS = ["TY", "ER", "AU", "A1", "TI", "T1", "JO", "T2", "PY", "Y1", "DO", "VL", "IS", "SP"]
RIS_TAGS += ["EP", "UR", "N1", "AB", "ID", "SN", "PB", "KW", "XX", "", "T", "TY  "]
TEXT_TOKENS = [
    "References",
    "Bibliography",
    "\n",
    "\n\n",
    "1. ",
    "[2] ",
    "Smith J, ",
    "Smith, J. A., & Doe, B. ",
    "et al. ",
    "(2020). ",
    "2020;12(3):45-67. ",
    "doi:10.1000/abc.123 ",
    "https://doi.org/10.1000/ ",
    "NCT01234567 ",
    "ISRCTN12345678 ",
    "PMID: 12345678 ",
    "arXiv:2101.00001 ",
    "ISBN 978-3-16-148410-0 ",
    "Nature. ",
    "In: ",
    "pp. ",
    "“",
    "”",
    "-\n",
    "\u00ad",
    "\ufb01",
    "\x0c",
    "\u200b",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
CSL_KEYS = ["id", "type", "title", "author", "editor", "issued", "container-title", "DOI"]
CSL_KEYS += ["volume", "issue", "page", "URL", "note", "publisher", "family", "given", "literal"]
csl_items = st.dictionaries(st.sampled_from(CSL_KEYS), json_values, max_size=8)


def _joined(tokens: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from(tokens) | st.text(max_size=12)
    return st.lists(piece, max_size=60).map("".join)


def _ris_line() -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(RIS_TAGS),
        st.sampled_from(["  - ", " - ", "  -", "-"]),
        st.text(max_size=30),
    ).map("".join)


def _read(name: str, data: bytes) -> None:
    """Read and parse every reference; only InputError may escape."""
    try:
        document = read_document(name, data=data)
    except InputError:
        return
    for i, raw in enumerate(document.references):
        parse_reference(raw, f"{name}#{i + 1}")


@FUZZ
@given(_joined(BIBTEX_TOKENS))
def test_fuzz_bibtex(text: str) -> None:
    _read("fuzz.bib", text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(_joined(TEXT_TOKENS))
def test_fuzz_plain_text(text: str) -> None:
    _read("fuzz.txt", text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(_ris_line(), max_size=30).map("\n".join))
def test_fuzz_ris(text: str) -> None:
    _read("fuzz.ris", ("TY  - JOUR\n" + text).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.one_of(st.lists(csl_items, max_size=5), json_values, csl_items))
def test_fuzz_csl_json(value: Any) -> None:
    _read("fuzz.json", json.dumps(value).encode())


@FUZZ
@given(st.binary(max_size=400), st.sampled_from(["a.bib", "a.txt", "a.ris", "a.json", "a.xml"]))
def test_fuzz_bytes_any_extension(data: bytes, name: str) -> None:
    _read(name, data)


@FUZZ
@given(_joined(TEXT_TOKENS + BIBTEX_TOKENS))
def test_fuzz_parse_reference(text: str) -> None:
    ref = parse_reference(RawReference(text, Origin("fuzz.txt", 1)), "fuzz.txt#1")
    assert ref.raw.text == text


MARKUP_TOKENS = [
    "<article>",
    "</article>",
    "<back><ref-list>",
    "</ref-list></back>",
    "<ref id='r1'>",
    "</ref>",
    "<mixed-citation>",
    "</mixed-citation>",
    "<element-citation publication-type='journal'>",
    "</element-citation>",
    "<person-group><name><surname>Smith</surname><given-names>J</given-names></name>",
    "</person-group>",
    "<article-title>",
    "</article-title>",
    "<year>2020</year>",
    "<pub-id pub-id-type='doi'>10.1000/x</pub-id>",
    "<!DOCTYPE article>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&undefined;",
    "<html><body>",
    "<h2>References</h2>",
    "<ol>",
    "<li>",
    "</li>",
    "<script>",
    "<br>",
    "<",
    ">",
]


@FUZZ
@given(_joined(MARKUP_TOKENS + TEXT_TOKENS), st.sampled_from(["a.nxml", "a.xml", "a.html"]))
def test_fuzz_jats_and_html(text: str, name: str) -> None:
    _read(name, text.encode("utf-8", "surrogatepass"))
