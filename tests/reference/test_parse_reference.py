"""``parse_reference``: structured sources kept, identifiers merged, warnings, robustness."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from veribib.model import (
    Fields,
    Identifiers,
    Origin,
    Person,
    RawReference,
    Reference,
    ReferenceType,
    TrialId,
)
from veribib.reference import find_identifiers, parse_reference, parse_string

ORIGIN = Origin("refs.bib", 12, 3)


def test_structured_fields_are_kept_as_given() -> None:
    fields = Fields(
        authors=(Person("Smith", "J."),),
        year=2020,
        title="A title the parser would read differently",
        container="J Foo",
        type=ReferenceType.BOOK,
    )
    raw = RawReference(
        "Smith J. Something else entirely. Other Journal 1999;1:1-2.",
        ORIGIN,
        fields=fields,
        extra=(("doi", "https://doi.org/10.1234/ABC"), ("eprint", "2101.01234v2")),
    )
    ref = parse_reference(raw, "refs.bib#3")
    assert isinstance(ref, Reference)
    assert ref.fields == fields
    assert ref.identifiers.doi == "10.1234/abc"
    assert ref.identifiers.arxiv == "2101.01234"
    assert ref.id == "refs.bib#3" and ref.origin == ORIGIN and ref.raw is raw


def test_structured_fields_without_type_get_a_guess() -> None:
    raw = RawReference("", ORIGIN, fields=Fields(title="T", container="Nature", volume="1"))
    assert parse_reference(raw, "x").fields.type is ReferenceType.JOURNAL_ARTICLE


def test_source_identifiers_win_and_gaps_are_filled() -> None:
    raw = RawReference(
        "Doe A. Title. J Bar 2020. doi:10.5555/from.text PMID: 999 NCT01234567",
        ORIGIN,
        identifiers=Identifiers(
            doi="10.5555/FROM.SOURCE", trials=(TrialId("isrctn", "ISRCTN11111111"),)
        ),
        extra=(("pmid", "12345"),),
    )
    ids = parse_reference(raw, "x").identifiers
    assert ids.doi == "10.5555/from.source"
    assert ids.pmid == "12345"
    assert [t.id for t in ids.trials] == ["ISRCTN11111111", "NCT01234567"]


def test_free_text_is_parsed() -> None:
    text = (
        "Harper, R., et al. (2022). Clinical evaluation of platelet-derived exosome serum "
        "for cosmetic dermatology. Aesthetic Surgery Journal, 42(10), 1185-1194."
    )
    ref = parse_reference(RawReference(text, ORIGIN), "x")
    assert ref.fields == parse_string(text, ref.identifiers)
    assert ref.fields.type is ReferenceType.JOURNAL_ARTICLE
    assert ref.warnings == ()


def test_warnings() -> None:
    text = (
        "Smith J. 2098. doi:10.1000/abc and doi:10.2000/def. "
        "ISBN 978-0-306-40615-8. 10.1016/j. intimp.2021.1"
    )
    warnings = parse_reference(RawReference(text, ORIGIN), "x").warnings
    joined = " | ".join(warnings)
    assert "no title found" in joined
    assert "year 2098 lies in the future" in joined
    assert "several DOIs found, using 10.1000/abc: 10.2000/def, 10.1016/j.intimp.2021.1" in joined
    assert "ISBN with a wrong checksum" in joined
    assert "broken by a space (line break?) was joined back" in joined


def test_empty_reference_warns() -> None:
    assert parse_reference(RawReference("   ", ORIGIN), "x").warnings == ("empty reference",)


def test_caption_and_html_do_not_leak_into_fields() -> None:
    f = parse_string(
        "Reference: Fobert PR, Després C. 2005. Redox control of systemic acquired resistance."
        " <i>Current Opinion in Plant Biology</i> 8: 378-382."
    )
    assert [p.family for p in f.authors] == ["Fobert", "Després"]
    assert f.container == "Current Opinion in Plant Biology"
    assert (f.volume, f.pages) == ("8", "378-382")


def test_vancouver_reference() -> None:
    f = parse_string(
        "Bbosa N, Kaleebu P, Ssemwanga D. HIV subtype diversity worldwide. "
        "Curr Opin HIV AIDS. 2019;14(3):153-60."
    )
    assert [p.family for p in f.authors] == ["Bbosa", "Kaleebu", "Ssemwanga"]
    assert (f.year, f.title) == (2019, "HIV subtype diversity worldwide")
    assert f.container == "Curr Opin HIV AIDS"
    assert (f.volume, f.issue, f.pages) == ("14", "3", "153-60")


_pieces = st.sampled_from(
    [
        "Smith, J.,",
        "et al.",
        "(2020).",
        "2019;14(3):153-60.",
        "doi:",
        "10.1000/x(1",
        "NCT",
        "Trial ID:",
        "Reference:",
        "In:",
        "pp.",
        "–",
        "vol.",
        "ISBN",
        "978-0",
        "<i>",
        "</i>",
        "\x00",
        "\u2010",
        "“",
        "”",
        "arXiv:",
        "hep-th/99",
        "PMC",
        "&",
        "and",
        ".",
        ",",
        ";",
        ":",
        "(",
        ")",
        "[",
        "]",
        "-",
        "ojae017.",
        "Journal",
        "of",
        "Foo",
        "12,",
        "1185-1194.",
    ]
)
_reference_like = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        st.text(st.characters(codec=None, categories=None), max_size=50),
        _reference_like,
    )
)
def test_never_raises_on_arbitrary_text(text: str) -> None:
    fields = parse_string(text)
    assert isinstance(fields, Fields)
    assert isinstance(find_identifiers(text), Identifiers)
    ref = parse_reference(RawReference(text, ORIGIN), "x")
    assert ref.raw.text == text
    assert all(isinstance(w, str) for w in ref.warnings)


def test_undecodable_characters_do_not_break_the_tagger() -> None:
    fields = parse_string("Smith J. A \udcff title. J Foo. 2001;1:2-3.")
    assert fields.year == 2001


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=10), st.text(max_size=40)), max_size=6))
def test_never_raises_on_arbitrary_extra_fields(extra: list[tuple[str, str]]) -> None:
    ref = parse_reference(RawReference("x", ORIGIN, extra=tuple(extra)), "x")
    assert isinstance(ref.identifiers, Identifiers)


def test_model_loads_lazily_and_once() -> None:
    code = (
        "import veribib.reference as r, veribib.reference.crf as c\n"
        "assert c._tagger is None\n"
        "r.parse_string('Smith J. A title. J Foo 2001;1:2-3.')\n"
        "t = c._tagger\n"
        "assert t is not None\n"
        "r.parse_string('Another one. 1999.')\n"
        "assert c._tagger is t\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
