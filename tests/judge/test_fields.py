"""Field comparisons: journal abbreviations, pages, titles and authors as citations write them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from veribib.judge import compare_fields, match_score
from veribib.judge.authors import compare_authors
from veribib.judge.compare import compare_container, compare_pages, compare_title
from veribib.judge.normalise import compact_key, fold
from veribib.model import Fields, ReferenceType, Work

from .helpers import crossref_work, people, seed_by_title


def journal(name: str, short: tuple[str, ...] = (), kind: ReferenceType | None = None) -> Work:
    return Work(
        source="crossref",
        doi=None,
        fields=Fields(container=name, type=kind or ReferenceType.JOURNAL_ARTICLE),
        container_short=short,
    )


@pytest.mark.parametrize(
    ("cited", "recorded"),
    [
        ("Int J Mol Sci", "International Journal of Molecular Sciences"),
        ("J Orthop Surg Res", "Journal of Orthopaedic Surgery and Research"),
        (
            "Journal of Orthopedic Surgery and Research",
            "Journal of Orthopaedic Surgery and Research",
        ),
        ("JID", "Journal of Investigative Dermatology"),
        ("CCS", "Cell Communication and Signaling"),
        ("Cancers (Basel)", "Cancers"),
        (
            "Diabetes Res Clin Pract",
            "Diabetes Research and Clinical Practice (publisher Elsevier Ireland)",
        ),
        ("N. Engl. J. Med.", "New England Journal of Medicine"),
        ("The Lancet", "Lancet"),
        (
            "Am J Med Genet B Neuropsychiatr Genet",
            "American Journal of Medical Genetics Part B: Neuropsychiatric Genetics",
        ),
        (
            "PNAS",
            "Proceedings of the National Academy of Sciences of the United States of America",
        ),
        ("Stem Cell Res Ther", "Stem Cell Research & Therapy"),
        ("Front Cell Dev Biol", "Frontiers in Cell and Developmental Biology"),
        ("Transfus Apher Sci", "Transfusion and Apheresis Science"),
        ("Biomedicine & Pharmacotherapy", "Biomedicine and Pharmacotherapy"),
    ],
)
def test_journal_written_differently_agrees(cited: str, recorded: str) -> None:
    comparison = compare_container(Fields(container=cited), journal(recorded))
    assert comparison.agrees is True, (cited, recorded, comparison)


def test_journal_short_title_from_crossref_agrees() -> None:
    record = journal(
        "Proceedings of the National Academy of Sciences", ("Proc. Natl. Acad. Sci. U.S.A.",)
    )
    assert compare_container(Fields(container="Proc Natl Acad Sci U S A"), record).agrees is True
    dotted = journal("International Journal of Scientific Research and Management (IJSRM)",
                     ("int.jour.sci.res.mana",))  # fmt: skip
    assert compare_container(Fields(container="Intjoursciresmana"), dotted).agrees is True


@pytest.mark.parametrize(
    ("cited", "recorded"),
    [
        ("Aesthetic Surgery Journal", "Aesthetic Surgery Journal Open Forum"),
        ("Nature", "Nature Communications"),
        ("Lancet Oncol", "The Lancet"),
        ("Ecology Letters", "Theoretical Ecology"),
        ("EMNLP", "Journal of Clinical Pathology"),
    ],
)
def test_different_journal_disagrees(cited: str, recorded: str) -> None:
    assert compare_container(Fields(container=cited), journal(recorded)).agrees is False


def test_book_series_difference_is_unknown_not_a_mismatch() -> None:
    chapter = journal("Lecture Notes in Computer Science", kind=ReferenceType.BOOK_CHAPTER)
    comparison = compare_container(Fields(container="Computer Vision – ECCV 2020"), chapter)
    assert comparison.agrees is None


@pytest.mark.parametrize(
    ("cited", "recorded", "agrees"),
    [
        ("662-678.e8", "662-678", True),
        ("81–81", "81", True),
        ("1185-94", "1185-1194", True),
        ("pp. 49–59", "49-59", True),
        ("33693", "e33693", True),
        ("e0135414", "e0135414", True),
        ("1185", "1185-1193", True),
        ("1185-1194", "1185-1193", False),
        ("923-929", "923-928", False),
        ("101", "923-928", False),
        ("1-12", "e33693", None),  # PDF pages cited for a numbered article
    ],
)
def test_pages(cited: str, recorded: str, agrees: bool | None) -> None:
    record = Work(source="crossref", doi=None, fields=Fields(pages=recorded))
    assert compare_pages(Fields(pages=cited), record).agrees is agrees


def test_cited_article_number_against_record_article_number() -> None:
    record = Work(source="crossref", doi=None, fields=Fields(pages="1-9"), article_number="13043")
    assert compare_pages(Fields(pages="13043"), record).agrees is True


def test_missing_side_is_unknown_never_a_mismatch() -> None:
    record = seed_by_title("Mechanism and application of exosomes")  # no authors, year, volume
    cited = Fields(
        authors=people("Li, D.", "Wu, N."),
        year=2022,
        title="Mechanism and application of exosomes in the wound healing process in diabetes "
        "mellitus",
        container="Diabetes Res Clin Pract",
        volume="187",
        pages="109882",
    )
    by_field = {c.field: c for c in compare_fields(cited, record)}
    assert by_field["title"].agrees is True
    assert by_field["journal"].agrees is True
    for name in ("authors", "year", "volume", "pages", "issue"):
        assert by_field[name].agrees is None
        assert by_field[name].similarity is None


@pytest.mark.parametrize(
    ("cited", "recorded"),
    [
        ("Schr{\\\"o}dinger cats in {\\'e}tudes", "Schrödinger Cats in Études"),
        (
            "Mapping the endometrium <i>in vivo</i> and <i>in vitro</i>",
            "Mapping the endometrium in vivo and in vitro",
        ),
        ("α7 nicotinic receptors", "Alpha7 Nicotinic Receptors"),
        ("Haemoglobin levels in orthopaedic patients", "Hemoglobin levels in orthopedic patients"),
        ("COVID 19 and the heart.", "COVID-19 and the Heart"),
        (
            "Efficacy and Tolerability of Topical Platelet Exosomes for Skin Rejuvenation",
            "Efficacy and Tolerability of Topical Platelet Exosomes for Skin Rejuvenation: "
            "Six-Week Results",
        ),
        (
            "Plant-derived extracellular vesicles -a novel clinical anti-inflammatory drug",
            "Plant-derived extracellular vesicles - a novel clinical anti-inflammatory drug",
        ),
    ],
)
def test_title_written_differently_agrees(cited: str, recorded: str) -> None:
    record = Work(source="crossref", doi=None, fields=Fields(title=recorded))
    assert compare_title(Fields(title=cited), record).agrees is True


def test_title_with_subtitle_in_its_own_field_agrees() -> None:
    record = Work(
        source="crossref", doi=None, fields=Fields(title="Exosomes"), subtitle="a new star"
    )
    assert compare_title(Fields(title="Exosomes: A New Star"), record).agrees is True
    assert compare_title(Fields(title="Exosomes"), record).agrees is True


def test_one_word_changed_is_a_title_mismatch() -> None:
    record = Work(
        source="crossref",
        doi=None,
        fields=Fields(
            title="Directed brain connectivity identifies widespread functional "
            "network changes in Parkinson’s disease"
        ),
    )
    cited = Fields(
        title="Directed brain connectivity identifies widespread functional "
        "architecture changes in Parkinson's disease"
    )
    comparison = compare_title(cited, record)
    assert comparison.agrees is False
    assert comparison.similarity is not None and 0.85 < comparison.similarity < 1.0


def test_authors_partial_record_compares_only_the_names_it_lists() -> None:
    record = seed_by_title("Advances in Platelet Rich Plasma")  # first 3 of 6 authors
    cited = Fields(
        authors=people(
            "Anitua, E.",
            "Troya, M.",
            "Falcon-Pérez, J. M.",
            "López-Sarrio, S.",
            "González, E.",
            "Alkhraisat, M. H.",
        )
    )
    check = compare_authors(cited, record)
    assert check.comparison.agrees is True
    assert check.compared == 3


def test_authors_partial_record_still_catches_a_wrong_name_it_lists() -> None:
    record = seed_by_title("Advances in Platelet Rich Plasma")
    cited = Fields(authors=people("Anitua, E.", "Smith, M.", "Falcon-Pérez, J. M."))
    check = compare_authors(cited, record)
    assert check.comparison.agrees is False
    assert "Smith" in check.problems[0]


def test_author_name_forms() -> None:
    record = Work(
        source="crossref",
        doi=None,
        fields=Fields(
            authors=people("Dejean de la Bâtie, Gabrielle", "Zhang, Wei", "Müller, Lars")
        ),
    )
    cited = Fields(authors=people("de la Batie, G.", "Wei, Zhang", "Muller, L."))
    assert compare_authors(cited, record).comparison.agrees is True


def test_similar_short_surnames_are_different_people_not_misspellings() -> None:
    record = Work(source="crossref", doi=None, fields=Fields(authors=people("Cheng, L.")))
    check = compare_authors(Fields(authors=people("Chen, L.")), record)
    assert check.misspelt == ()
    assert check.contradict


def test_anonymous_is_no_author() -> None:
    record = Work(source="crossref", doi=None, fields=Fields(authors=people("Smith, J.")))
    assert compare_authors(Fields(authors=people("Anonymous")), record).comparison.agrees is None


def test_match_score_orders_right_perturbed_and_unrelated() -> None:
    work = crossref_work("10.1016/j.eng.2019.03.004")
    right = work.fields
    perturbed = replace(right, year=2017, pages="1-2")
    unrelated = crossref_work("10.1007/s12080-013-0192-6").fields
    assert match_score(right, work) > match_score(perturbed, work) > match_score(unrelated, work)
    assert 0.0 <= match_score(unrelated, work) < 0.5 < match_score(right, work) <= 1.0


def test_fold_and_compact_key() -> None:
    assert fold("Falcón-Pérez Ø Łódź ß") == "falcon-perez o lodz ss"
    assert compact_key("Plas-ma Derived") == compact_key("Plasma-derived")
