"""Parser failures found by the end-to-end evaluation, each with the strings that showed it."""

from __future__ import annotations

import pytest

from veribib.model import Origin, RawReference, ReferenceType
from veribib.reference import parse_reference
from veribib.reference.parser import parse_string


@pytest.mark.parametrize(
    ("text", "journal"),
    [
        ("Smith, J. (2020) 'Title of the work', PeerJ.", "PeerJ"),
        ("Smith, J. (2020). Title of the work. PeerJ.", "PeerJ"),
        ("Ahmed, K. and Brown, L. (2021) Soil microbial diversity under drought. eLife.", "eLife"),
    ],
)
def test_journal_without_volume_is_a_journal_article(text: str, journal: str) -> None:
    f = parse_string(text)
    assert (f.container, f.publisher, f.type) == (journal, None, ReferenceType.JOURNAL_ARTICLE)


@pytest.mark.parametrize(
    ("text", "title", "journal"),
    [
        (
            "Iqbal, T. H., & Tsim, K. W. K. (2023). Feeding habits of four-finger threadfin fish "
            "in the coastal waters of Thailand. Frontiers of Analysis and Widget Art Gallery.",
            "Feeding habits of four-finger threadfin fish in the coastal waters of Thailand",
            "Frontiers of Analysis and Widget Art Gallery",
        ),
        (
            "Okafor, C. (2019). Drought tolerance of sorghum landraces under field conditions. "
            "Journal of Arid Land Agriculture Research.",
            "Drought tolerance of sorghum landraces under field conditions",
            "Journal of Arid Land Agriculture Research",
        ),
    ],
)
def test_a_title_case_journal_after_a_sentence_case_title_is_the_journal(
    text: str, title: str, journal: str
) -> None:
    """APA: an unfamiliar journal cited without volume or pages was read into the title."""
    f = parse_string(text)
    assert (f.title, f.container) == (title, journal)


def test_a_sentence_after_the_title_in_its_own_case_stays_title() -> None:
    f = parse_string("Lee, K. (2019). Learning to see the world again. a study in vision.")
    assert f.container is None


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (
            "Ahmed, K. (2021). Soil microbial diversity. Oxford University Press.",
            "Oxford University Press",
        ),
        ("Ahmed, K. (2021). Soil microbial diversity. Springer.", "Springer"),
        ("Ahmed, K. (2021). Soil microbial diversity (2nd ed.). Springer.", "Springer"),
    ],
)
def test_a_publisher_still_makes_a_book(text: str, publisher: str) -> None:
    f = parse_string(text)
    assert (f.container, f.publisher, f.type) == (None, publisher, ReferenceType.BOOK)


@pytest.mark.parametrize(
    "text",
    [
        "Lee J, Park S. Outcomes after surgery. Aesthet Surg J Open Forum. 2025:ojae017.",
        "Lee J, Park S, Kim H, et al. Outcomes. Aesthet Surg J Open Forum. 2025:ojae017.",
        "Lee J, Park S. Outcomes after surgery. Aesthet Surg J Open Forum. 2025: ojae017.",
        "Lee J, Park S. Outcomes after surgery. Aesthet Surg J Open Forum 2025:ojae017.",
    ],
)
def test_vancouver_year_then_article_number(text: str) -> None:
    f = parse_string(text)
    assert (f.year, f.volume, f.pages) == (2025, None, "ojae017")
    assert f.container == "Aesthet Surg J Open Forum"


_NAMES = ("Adams", "Brown", "Clark", "Evans", "Fox", "Green", "Hall", "King")
_MIDDLE = ", ".join(f"{name}, {name[0]}." for name in _NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "Smith, J., Lee, K., Young, T., . . . Zhu, Q. (2020). Title. Journal, 3(2), 1–10.",
        "Smith, J., Lee, K., Young, T., … Zhu, Q. (2020). Title of it. Journal, 3(2), 1–10.",
        f"Smith, J., {_MIDDLE}, Lewis, L., Moore, M., Nash, N., Owen, O., Price, P., Quinn, R., "
        "Reed, S., Young, T., . . . Zhu, Q. (2020). Title of the paper. Journal, 3(2), 1–10.",
    ],
)
def test_last_author_after_an_ellipsis_is_an_author(text: str) -> None:
    f = parse_string(text)
    assert f.authors[0].family == "Smith"
    assert (f.authors[-1].family, f.authors[-1].given) == ("Zhu", "Q.")
    assert all("." not in p.family for p in f.authors)
    assert f.et_al
    assert (f.year, f.container, f.volume, f.issue, f.pages) == (2020, "Journal", "3", "2", "1-10")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Smith, J. (2019). Managing Natura 2000 sites. Journal of Ecology, 3, 1–10.",
            "Managing Natura 2000 sites",
        ),
        (
            "Smith, J. Natura 2000 and the habitats directive. Journal of Ecology, 3 (2019), 1–10.",
            "Natura 2000 and the habitats directive",
        ),
    ],
)
def test_year_like_number_in_a_title_is_not_the_year(text: str, title: str) -> None:
    f = parse_string(text)
    assert (f.year, f.title, f.container) == (2019, title, "Journal of Ecology")
    assert [p.family for p in f.authors] == ["Smith"]


def test_a_trial_id_cited_with_its_registry_as_container_is_a_trial() -> None:
    text = (
        "Access to Advanced Health Institute (AAHI), “Phase 1 Clinical Trial of Single-Vial "
        "ID93 + GLA-SE in Healthy Adults,” ClinicalTrials.gov, NCT03722472, 2018."
    )
    reference = parse_reference(RawReference(text=text, origin=Origin(file="x.txt")), "x#1")
    assert reference.fields.type is ReferenceType.CLINICAL_TRIAL
    assert reference.identifiers.trials[0].id == "NCT03722472"
