"""In-text citations: finding them in running text and matching them to the list."""

from __future__ import annotations

from veribib.model import (
    Fields,
    Identifiers,
    InTextCitation,
    Origin,
    Person,
    RawReference,
    Reference,
)
from veribib.source.citations import find_citations, match_citations


def found(text: str) -> list[tuple[tuple[str, ...], str | None, int | None]]:
    return [(c.authors, c.year, c.number) for c in find_citations(text, "doc.txt")]


def test_parenthetical_author_year() -> None:
    assert found("as shown (Xing et al., 2020) and (Kim et al., 2021).") == [
        (("Xing",), "2020", None),
        (("Kim",), "2021", None),
    ]


def test_several_works_in_one_parenthesis() -> None:
    cites = find_citations("Known (Smith and Jones, 2019; Lee, 2020a; see Park & Cho 2018).", "d")
    assert [(c.authors, c.year) for c in cites] == [
        (("Smith", "Jones"), "2019"),
        (("Lee",), "2020a"),
        (("Park", "Cho"), "2018"),
    ]
    assert cites[1].text == "(Lee, 2020a)"


def test_one_author_several_years_and_letter_suffixes() -> None:
    assert found("(Smith, 2019, 2020) and (Lee 2020a, b)") == [
        (("Smith",), "2019", None),
        (("Smith",), "2020", None),
        (("Lee",), "2020a", None),
        (("Lee",), "2020b", None),
    ]


def test_narrative_citations() -> None:
    assert found("As Smith and Jones (2019) showed, and Lee et al. (2020) confirmed.") == [
        (("Smith", "Jones"), "2019", None),
        (("Lee",), "2020", None),
    ]
    assert found("In Smith (2019) we read") == [(("Smith",), "2019", None)]


def test_citation_wrapped_over_a_line_break_keeps_its_first_line() -> None:
    cites = find_citations(
        "line one\nregulating (Zhang\net al., 2023). More\n(Moeinabadi-\nBidgoli et al., 2023)", "d"
    )
    assert [(c.authors, c.origin.line) for c in cites] == [
        (("Zhang",), 2),
        (("Moeinabadi-Bidgoli",), 4),
    ]
    assert cites[0].text == "(Zhang et al., 2023)"


def test_numbered_citations_with_lists_and_ranges() -> None:
    cites = find_citations("Shown [12] and [3, 5–7] and [9-10].", "d")
    assert [c.number for c in cites] == [12, 3, 5, 6, 7, 9, 10]
    assert cites[1].text == "[3, 5–7]"


def test_not_citations() -> None:
    assert found("In 2020 (a good year) the EU (EC) No 1223/2009 [2020] said (January 2020).") == []
    assert found("(n = 30, p < 0.05)") == []


def test_origins_are_numbered_in_reading_order() -> None:
    cites = find_citations("[2] first\nSmith (2019) second\n(Lee, 2020) third", "d")
    assert [(c.origin.line, c.origin.index) for c in cites] == [(1, 0), (2, 1), (3, 2)]


def _ref(
    n: int, family: str | None, year: int | None, text: str = "", key: str | None = None
) -> Reference:
    fields = Fields(authors=(Person(family),) if family else (), year=year)
    raw = RawReference(text=text or f"{family}, X. {year}. Title.", origin=Origin("d", n), key=key)
    return Reference(id=f"d#{n}", raw=raw, fields=fields, identifiers=Identifiers())


def _cite(
    authors: tuple[str, ...] = (), year: str | None = None, number: int | None = None
) -> InTextCitation:
    return InTextCitation("c", Origin("d", 1), authors, year, number)


def test_match_by_author_and_year() -> None:
    refs = [_ref(0, "Xing", 2020), _ref(1, "Kim", 2021), _ref(2, "Müller", 2019)]
    report = match_citations(
        [_cite(("Xing",), "2020"), _cite(("Zhang",), "2023"), _cite(("Muller",), "2019")], refs
    )
    assert [c.reference_ids for c in report.citations] == [("d#0",), (), ("d#2",)]
    assert [c.authors for c in report.unmatched] == [("Zhang",)]
    assert report.uncited == ("d#1",)


def test_letter_suffix_picks_the_entry_in_list_order() -> None:
    refs = [_ref(0, "Lee", 2020), _ref(1, "Lee", 2020), _ref(2, "Lee", 2021)]
    report = match_citations([_cite(("Lee",), "2020b"), _cite(("Lee",), "2020")], refs)
    assert report.citations[0].reference_ids == ("d#1",)
    assert report.citations[1].reference_ids == ("d#0", "d#1")  # ambiguous: both
    assert report.uncited == ("d#2",)


def test_second_author_narrows_candidates() -> None:
    refs = [
        Reference(
            "d#0",
            RawReference("t", Origin("d", 1)),
            Fields((Person("Smith"), Person("Lee")), year=2019),
            Identifiers(),
        ),
        Reference(
            "d#1",
            RawReference("t", Origin("d", 2)),
            Fields((Person("Smith"), Person("Jones")), year=2019),
            Identifiers(),
        ),
    ]
    report = match_citations([_cite(("Smith", "Jones"), "2019")], refs)
    assert report.citations[0].reference_ids == ("d#1",)


def test_match_by_number_key_or_position() -> None:
    refs = [
        _ref(0, "A", 2001, key="1"),
        _ref(1, "B", 2002, key="2"),
        _ref(2, "C", 2003, key="smith2003"),
    ]
    report = match_citations([_cite(number=2), _cite(number=3), _cite(number=7)], refs)
    assert [c.reference_ids for c in report.citations] == [("d#1",), ("d#2",), ()]
    assert [c.number for c in report.unmatched] == [7]
    assert report.uncited == ("d#0",)


def test_match_falls_back_to_raw_text_when_fields_are_empty() -> None:
    refs = [_ref(0, None, None, text="Harper, R., et al. (2022). Clinical evaluation.")]
    report = match_citations([_cite(("Harper",), "2022")], refs)
    assert report.citations[0].reference_ids == ("d#0",)
    assert report.uncited == ()
