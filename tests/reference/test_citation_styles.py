"""The parser on the citation styles reference lists use: Harvard, Vancouver, IEEE, Chicago.

Strings are written the way each style writes a real work; each case names the mistake it
guards against (a Harvard title running into the journal, an IEEE article number, a
Vancouver chapter, an organisation as author, ...).
"""

from __future__ import annotations

import pytest

from veribib.model import ReferenceType
from veribib.reference import parse_string

# text, first author's family name, year, title, container, volume, issue, pages
CASES = [
    pytest.param(
        "Surname, A. (2019) 'Title of work', Journal Name.",
        "Surname",
        2019,
        "Title of work",
        "Journal Name",
        None,
        None,
        None,
        id="harvard-no-locator",
    ),
    pytest.param(
        "Boettiger, C., Ross, N. and Hastings, A. (2013) 'Early warning signals: the charted "
        "and uncharted territories', Theoretical Ecology. Available at: "
        "https://doi.org/10.1007/s12080-013-0192-6 (Accessed: 3 May 2024).",
        "Boettiger",
        2013,
        "Early warning signals: the charted and uncharted territories",
        "Theoretical Ecology",
        None,
        None,
        None,
        id="harvard-available-at",
    ),
    pytest.param(
        "Amin, S.N. et al. (2024) 'Evaluating cognitive and affective abilities among medical "
        "students', PeerJ, 12, p. e16864.",
        "Amin",
        2024,
        "Evaluating cognitive and affective abilities among medical students",
        "PeerJ",
        "12",
        None,
        "e16864",
        id="harvard-article-number",
    ),
    pytest.param(
        "S. N. Amin et al., “Evaluating cognitive and affective abilities among medical "
        "students,” PeerJ, vol. 12, Art. no. e16864, 2024, doi: 10.7717/peerj.16864.",
        "Amin",
        2024,
        "Evaluating cognitive and affective abilities among medical students",
        "PeerJ",
        "12",
        None,
        "e16864",
        id="ieee-art-no",
    ),
    pytest.param(
        "Campos CRJD. Approaches to infer wind field from airborne Doppler radar data. CeN. "
        "2000:107-26.",
        "Campos",
        2000,
        "Approaches to infer wind field from airborne Doppler radar data",
        "CeN",
        None,
        None,
        "107-26",
        id="vancouver-no-volume",
    ),
    pytest.param(
        "Baniwa, D. (2024). Icônes et images. Multitudes, n° 95(2), 1–235.",
        "Baniwa",
        2024,
        "Icônes et images",
        "Multitudes",
        "95",
        "2",
        "1-235",
        id="apa-volume-n°",
    ),
    pytest.param(
        "D. Baniwa, “Icônes et images,” Multitudes, vol. n° 95, no. 2, pp. 1–235, 2024.",
        "Baniwa",
        2024,
        "Icônes et images",
        "Multitudes",
        "95",
        "2",
        "1-235",
        id="ieee-volume-vol-n°",
    ),
    pytest.param(
        "Orós J. Gout. In: Mader's Reptile and Amphibian Medicine and Surgery. 3rd ed. "
        "Elsevier; 2019. p. 1308-1309.e1. doi:10.1016/b978-0-323-48253-0.00151-3",
        "Orós",
        2019,
        "Gout",
        "Mader's Reptile and Amphibian Medicine and Surgery",
        None,
        None,
        "1308-1309.e1",
        id="vancouver-chapter",
    ),
    pytest.param(
        '[12] A. Author, B. Writer, "Title of the paper," Journal of Things, vol. 3, no. 2, '
        "pp. 1–10, 2020.",
        "Author",
        2020,
        "Title of the paper",
        "Journal of Things",
        "3",
        "2",
        "1-10",
        id="ieee-numbered",
    ),
    pytest.param(
        'Author, First. 2020. "Title of the paper." Journal of Things 3 (2): 1–10.',
        "Author",
        2020,
        "Title of the paper",
        "Journal of Things",
        "3",
        "2",
        "1-10",
        id="chicago-author-date",
    ),
    pytest.param(
        "World Health Organization. (2020). Global tuberculosis report. WHO.",
        "World Health Organization",
        2020,
        "Global tuberculosis report",
        None,
        None,
        None,
        None,
        id="organisation-author",
    ),
    pytest.param(
        "Zhuang, J., Gill, T., Löffler, F. E., Jin, M., & Sayler, G. S. (2023). Can "
        "Food–Energy–Water Nexus Research Keep Pace with Agricultural Innovation? Engineering, "
        "23, 24–28. https://doi.org/10.1016/j.eng.2022.08.014",
        "Zhuang",
        2023,
        "Can Food–Energy–Water Nexus Research Keep Pace with Agricultural Innovation?",
        "Engineering",
        "23",
        None,
        "24-28",
        id="apa-question-title-doi",
    ),
]


@pytest.mark.parametrize(
    ("text", "family", "year", "title", "container", "volume", "issue", "pages"), CASES
)
def test_style(
    text: str,
    family: str,
    year: int,
    title: str,
    container: str | None,
    volume: str | None,
    issue: str | None,
    pages: str | None,
) -> None:
    f = parse_string(text)
    assert f.authors and f.authors[0].family == family
    assert (f.year, f.title, f.container) == (year, title, container)
    assert (f.volume, f.issue, f.pages) == (volume, issue, pages)


def test_report_title_with_semicolon_stays_whole() -> None:
    f = parse_string(
        "Willard C, Plaster K, Castillo J. Snake River Sockeye Salmon Captive Broodstock "
        "Program; Research Element, 2003 Annual Report. Office of Scientific and Technical "
        "Information (OSTI); 2005."
    )
    assert [p.family for p in f.authors] == ["Willard", "Plaster", "Castillo"]
    assert f.title == (
        "Snake River Sockeye Salmon Captive Broodstock Program; Research Element, "
        "2003 Annual Report"
    )
    assert f.year == 2005


def test_vancouver_chapter_is_a_chapter() -> None:
    f = parse_string(
        "Orós J. Gout. In: Mader's Reptile and Amphibian Medicine and Surgery. 3rd ed. "
        "Elsevier; 2019. p. 1308-1309.e1."
    )
    assert f.type is ReferenceType.BOOK_CHAPTER
    assert f.authors[0].given == "J."


def test_chicago_author_list() -> None:
    f = parse_string(
        "Boettiger, Carl, Noam Ross, and Alan Hastings. 2013. “Early warning signals: the "
        "charted and uncharted territories.” Theoretical Ecology 6 (3): 255–264."
    )
    assert [p.family for p in f.authors] == ["Boettiger", "Ross", "Hastings"]
    assert (f.container, f.volume, f.issue, f.pages) == ("Theoretical Ecology", "6", "3", "255-264")
