"""Label repairs applied after the tagger: each rule on a hand-labelled token list."""

from __future__ import annotations

from veribib.reference.repairs import repair


def _labels(spec: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    tokens = [tok for _, text in spec for tok in text.split()]
    labels = [label for label, text in spec for _ in text.split()]
    return tokens, labels


def _spans(tokens: list[str], labels: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for tok, lab in zip(tokens, labels, strict=True):
        if out and out[-1][0] == lab:
            out[-1] = (lab, out[-1][1] + " " + tok)
        else:
            out.append((lab, tok))
    return out


def test_quoted_title_ends_at_its_closing_quote() -> None:
    tokens, labels = _labels(
        [("author", "Surname, A."), ("date", "(2019)"), ("title", "'Title of work', Journal Name.")]
    )
    assert _spans(tokens, repair(tokens, labels))[-2:] == [
        ("title", "'Title of work',"),
        ("journal", "Journal Name."),
    ]


def test_quoted_title_then_in_is_a_book() -> None:
    tokens, labels = _labels(
        [("author", "Zonta, D."), ("date", "(2022)"), ("title", "'Sensor data', in Sensor Book.")]
    )
    assert _spans(tokens, repair(tokens, labels))[-1] == ("container-title", "in Sensor Book.")


def test_quote_inside_a_title_is_not_its_end() -> None:
    tokens, labels = _labels(
        [
            ("author", "Lawton, D.,"),
            ("title", "“‘Le Trouvère’: Verdi’s Revision,”"),
            ("journal", "Studi Verdiani,"),
        ]
    )
    assert repair(tokens, labels) == labels


def test_vancouver_initials_close_the_author_list() -> None:
    tokens, labels = _labels(
        [
            ("author", "Veysey Powell JS, Babbitt KJ. Despite Buffers,"),
            ("title", "Experimental Clearcuts."),
            ("journal", "PLoS ONE."),
        ]
    )
    assert _spans(tokens, repair(tokens, labels))[:2] == [
        ("author", "Veysey Powell JS, Babbitt KJ."),
        ("title", "Despite Buffers, Experimental Clearcuts."),
    ]


def test_natural_order_name_is_left_whole() -> None:
    tokens, labels = _labels([("author", "John A. Smith."), ("title", "A title.")])
    assert repair(tokens, labels) == labels


def test_in_starts_the_book_and_the_title_comes_out_of_the_authors() -> None:
    tokens, labels = _labels(
        [
            ("author", "Orós J. Gout."),
            ("title", "In: Mader's Reptile Medicine."),
            ("publisher", "Elsevier;"),
            ("date", "2019."),
        ]
    )
    assert _spans(tokens, repair(tokens, labels))[:3] == [
        ("author", "Orós J."),
        ("title", "Gout."),
        ("container-title", "In: Mader's Reptile Medicine."),
    ]


def test_title_starting_with_in_is_kept_when_a_container_exists() -> None:
    tokens, labels = _labels(
        [
            ("author", "Lee, K."),
            ("date", "(2020)."),
            ("title", "In vitro tests."),
            ("journal", "Cells,"),
            ("volume", "3,"),
            ("pages", "1-9."),
        ]
    )
    assert repair(tokens, labels) == labels


def test_month_word_after_the_date_starts_the_title() -> None:
    tokens, labels = _labels(
        [("author", "Voosen, P."), ("date", "(2025). Mars"), ("title", "rover detects carbon.")]
    )
    assert _spans(tokens, repair(tokens, labels))[2] == ("title", "Mars rover detects carbon.")


def test_year_between_parts_of_a_title() -> None:
    tokens, labels = _labels(
        [
            ("author", "Willard C."),
            ("title", "Program; Research Element,"),
            ("date", "2003"),
            ("title", "Annual Report."),
            ("publisher", "OSTI;"),
            ("date", "2005."),
        ]
    )
    assert _spans(tokens, repair(tokens, labels))[1] == (
        "title",
        "Program; Research Element, 2003 Annual Report.",
    )


def test_second_year_before_pages_is_the_volume() -> None:
    tokens, labels = _labels(
        [
            ("author", "Sharma, S."),
            ("date", "(2014)"),
            ("title", "'Endodontic care',"),
            ("journal", "Case Reports in Dentistry,"),
            ("date", "2014,"),
            ("pages", "pp. 1-7."),
        ]
    )
    assert repair(tokens, labels)[-3] == "volume"


def test_rising_range_alone_in_the_volume_is_pages() -> None:
    tokens, labels = _labels(
        [
            ("author", "Golchin, A."),
            ("date", "(2022)."),
            ("title", "Therapy."),
            ("journal", "Stem Cell Reviews,"),
            ("volume", "1892–1911."),
        ]
    )
    assert repair(tokens, labels)[-1] == "pages"
    tokens[-1] = "12(3)."
    assert repair(tokens, labels)[-1] == "volume"


def test_a_dates_annotation_read_as_the_journal_is_a_note() -> None:
    for annotation, date in (
        ("Updated", [("date", "2023 Mar"), ("volume", "14.")]),
        ("Accessed", [("date", "January 5,"), ("date", "2024.")]),
        ("Last", [("date", "updated June 3, 2022.")]),
    ):
        tokens, labels = _labels(
            [
                ("author", "Petrov D."),
                ("title", "Finerenone in kidney disease."),
                ("note", "ClinicalTrials.gov NCT02545049."),
                ("journal", annotation),
                *date,
            ]
        )
        repaired = repair(tokens, labels)
        assert "journal" not in repaired and "volume" not in repaired, annotation
        assert repaired[-1] == "note"
    # a journal named like a word of its own stays the journal
    tokens, labels = _labels(
        [("title", "Tea."), ("journal", "Nutrition Reviews."), ("volume", "2019;77(3):1-10.")]
    )
    assert repair(tokens, labels) == labels
