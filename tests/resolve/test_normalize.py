"""Matching keys: journal names in their many cited forms, pages and volumes."""

from __future__ import annotations

import pytest

from veribib.resolve.normalize import (
    container_matches,
    container_names,
    page_keys,
    search_terms,
    volume_key,
)

IJMS = container_names(["International Journal of Molecular Sciences"])
JID = container_names(["Journal of Investigative Dermatology", "J Invest Dermatol"])
PNAS = container_names(
    ["Proceedings of the National Academy of Sciences of the United States of America"]
)


@pytest.mark.parametrize(
    ("cited", "names"),
    [
        ("International Journal of Molecular Sciences", IJMS),
        ("international journal of molecular sciences", IJMS),
        ("Int J Mol Sci", IJMS),
        ("Int. J. Mol. Sci.", IJMS),
        ("IJMS", IJMS),
        ("JID", JID),
        ("J Invest Dermatol", JID),
        ("J. Investig. Dermatol.", JID),
        ("PNAS", PNAS),
        ("Proc Natl Acad Sci U S A", PNAS),
        ("Stem Cell Res Ther", container_names(["Stem Cell Research & Therapy"])),
        ("Stem Cell Research and Therapy", container_names(["Stem Cell Research &amp; Therapy"])),
        ("Lancet", container_names(["The Lancet"])),
        (
            "Diabetes Res Clin Pract",
            container_names(
                ["Diabetes Research and Clinical Practice (publisher Elsevier Ireland)"]
            ),
        ),
        (
            "Clinical Cancer Research",
            container_names(["Clinical Cancer Research: an official journal"]),
        ),
        ("Revista Española de Cardiología", container_names(["Revista Espanola de Cardiologia"])),
    ],
)
def test_cited_forms_match(cited: str, names: tuple[str, ...]) -> None:
    assert container_matches(cited, names)


@pytest.mark.parametrize(
    ("cited", "names"),
    [
        ("Aesthetic Surgery Journal", container_names(["Aesthetic Surgery Journal Open Forum"])),
        ("Aesthetic Surgery Journal Open Forum", container_names(["Aesthetic Surgery Journal"])),
        ("Int J Biol Macromol", IJMS),
        ("J Mol Sci", IJMS),
        ("ijms", IJMS),  # lower case is a word, not an acronym
        ("Nature", container_names(["Nature Communications"])),
        ("", IJMS),
    ],
)
def test_other_journals_do_not_match(cited: str, names: tuple[str, ...]) -> None:
    assert not container_matches(cited, names)


def test_issn_matches_only_the_records_issn() -> None:
    assert container_matches("1090-820X", (), ["1090-820X", "1527-330X"])
    assert container_matches("1090820x", (), ["1090-820X"])
    assert not container_matches("1090-8201", IJMS, ["1090-820X"])


def test_page_keys() -> None:
    assert page_keys("1185-1193") == ("1185",)
    assert page_keys("1185–93") == ("1185",)
    assert page_keys("ojae017") == ("ojae017", "17")
    assert page_keys("e33693") == ("e33693", "33693")
    assert page_keys("013043") == ("13043",)
    assert page_keys(None) == () and page_keys(" ") == ()


def test_volume_key() -> None:
    assert volume_key("042") == "42" and volume_key("42") == "42"
    assert volume_key("Suppl 2") == "suppl2"
    assert volume_key(None) is None and volume_key("") is None


def test_search_terms_drop_stopwords_and_repeats() -> None:
    assert search_terms(["The Role of the Cell", "role of cells"]) == ["role", "cell", "cells"]
    assert len(search_terms(["a b c " + " ".join(f"w{i}" for i in range(100))], limit=10)) == 10
