"""Converting labelled spans into Fields: volume/issue/pages patterns, years, cleaning."""

from __future__ import annotations

import pytest

from veribib.reference.spans import (
    clean_container,
    clean_text,
    fields_from_spans,
    group_spans,
    parse_pages,
    parse_volume,
    parse_year,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42(10),", ("42", "10", None, None)),
        ("6(2),", ("6", "2", None, None)),
        ("24,", ("24", None, None, None)),
        ("Vol. 9,", ("9", None, None, None)),
        ("vol.36, no. 9, Supplement.", ("36", "9", None, None)),
        ("(Vol. 3, Part A,", ("3", None, None, None)),
        ("n° 5,", (None, "5", None, None)),
        ("2009;108(2):", ("108", "2", None, "2009")),
        ("2019;14(3):153-60.", ("14", "3", "153-60", "2019")),
        ("2014;21:", ("21", None, None, "2014")),
        ("52:344–354", ("52", None, "344-354", None)),
        ("v. 24,", ("24", None, None, None)),
        # A volume written with a number word, as some journals number their issues.
        ("n° 95(2),", ("95", "2", None, None)),
        ("vol. n° 95, no. 2,", ("95", "2", None, None)),
        ("2024;n° 95(2):1-235.", ("95", "2", "1-235", "2024")),
        ("no. 4, vol. 7", ("7", "4", None, None)),
        # Vancouver with no volume: the year, a colon, the pages.
        ("2000:107-26.", (None, None, "107-26", "2000")),
    ],
)
def test_parse_volume(text: str, expected: tuple[str | None, ...]) -> None:
    assert parse_volume(text) == expected


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("pp. 1477-81.", "1477-81"),
        ("1185-1194.", "1185-1194"),
        ("4894–4899.", "4894-4899"),
        ("662-678.e8.", "662-678.e8"),
        ("ojae017.", "ojae017"),
        ("p. A65.", "A65"),
        ("165?168", "165-168"),
        ("S4 - S21", "S4-S21"),
        ("Art. no. e16864,", "e16864"),
        ("Article e16864.", "e16864"),
    ],
)
def test_parse_pages(text: str, pages: str) -> None:
    assert parse_pages(text) == pages


def test_parse_year() -> None:
    assert parse_year("(2022).") == 2022
    assert parse_year("(1991a).") == 1991
    assert parse_year("septembre 2014,") == 2014
    assert parse_year("n.d.") is None


def test_clean_text_and_container() -> None:
    assert clean_text("“A Spanish Romanticist Parodies Himself,”") == (
        "A Spanish Romanticist Parodies Himself"
    )
    assert clean_text("shock pressure het- erogeneity") == "shock pressure heterogeneity"
    assert clean_text("pre- and post-operative care.") == "pre- and post-operative care"
    assert clean_container("In Theorizing Documentary,") == "Theorizing Documentary"
    assert clean_container("Cancers (Basel)") == "Cancers (Basel)"


def test_fields_from_spans() -> None:
    tokens = [
        "Lee,",
        "K.,",
        "&",
        "Wong,",
        "A.",
        "(2024).",
        "A",
        "review.",
        "Aesthet",
        "Surg",
        "J,",
        "6(2),",
        "ojae017.",
    ]
    labels = ["author"] * 5 + ["date"] + ["title"] * 2 + ["journal"] * 3 + ["volume", "pages"]
    f = fields_from_spans(group_spans(tokens, labels))
    assert [p.family for p in f.authors] == ["Lee", "Wong"]
    assert (f.year, f.title, f.container) == (2024, "A review", "Aesthet Surg J")
    assert (f.volume, f.issue, f.pages) == ("6", "2", "ojae017")


def test_vancouver_volume_gives_year_when_no_date() -> None:
    tokens = [
        "Bbosa",
        "N.",
        "HIV",
        "subtypes.",
        "Curr",
        "Opin",
        "HIV",
        "AIDS.",
        "2019;14(3):153-60.",
    ]
    labels = ["author"] * 2 + ["title"] * 2 + ["journal"] * 4 + ["volume"]
    f = fields_from_spans(group_spans(tokens, labels))
    assert (f.year, f.volume, f.issue, f.pages) == (2019, "14", "3", "153-60")
