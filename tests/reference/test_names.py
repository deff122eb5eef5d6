"""Splitting author lists as written into Person values."""

from __future__ import annotations

import pytest

from veribib.model import Person
from veribib.reference.names import split_names


@pytest.mark.parametrize(
    ("text", "families", "et_al"),
    [
        (
            "Anitua, E., Troya, M. and Alkhraisat, M. H.",
            ["Anitua", "Troya", "Alkhraisat"],
            False,
        ),
        ("Harper, R., et al.", ["Harper"], True),
        ("Lee, K., & Wong, A.", ["Lee", "Wong"], False),
        ("Smith J, Jones AB", ["Smith", "Jones"], False),
        ("John Smith and Ann Lee", ["Smith", "Lee"], False),
        ("S. E. Han, G. Chen,", ["Han", "Chen"], False),
        ("Lee, L. L., W. E. Howard, and R. E. Marsh.", ["Lee", "Howard", "Marsh"], False),
        (
            "Pérez-Higueras JJ, de la Macorra JC, Peters OA.",
            ["Pérez-Higueras", "de la Macorra", "Peters"],
            False,
        ),
        ("D. H. van Hessem, C. W. Scherer", ["van Hessem", "Scherer"], False),
        ("Beetler, D. J., Di Florio, D. N., et al.", ["Beetler", "Di Florio"], True),
        ("Chen, C.-Y., Rao, S.-S.", ["Chen", "Rao"], False),
        ("Xu, Y., Ma, L., Wang, Y., and Shi, C.", ["Xu", "Ma", "Wang", "Shi"], False),
        ("Adams, Nicholson B.,", ["Adams"], False),
        ("ROUSSILLON, René. CHABERT, Catherine.", ["ROUSSILLON", "CHABERT"], False),
        ("AM Trinkoff, JA Lipscomb and BA Brady:", ["Trinkoff", "Lipscomb", "Brady"], False),
        ("Aha D.W. Kibler D. Albert M.K.", ["Aha", "Kibler", "Albert"], False),
        ("O. Ambacher, M. Mur- phy, and M. Stutzmann,", ["Ambacher", "Murphy", "Stutzmann"], False),
        ("Gurney, M. E. et al.", ["Gurney"], True),
        ("World Health Organization.", ["World Health Organization"], False),
        ("", [], False),
    ],
)
def test_split_names(text: str, families: list[str], et_al: bool) -> None:
    persons, flag = split_names(text)
    assert [p.family for p in persons] == families
    assert flag is et_al


def test_given_names_keep_their_initials() -> None:
    persons, _ = split_names("Alkhraisat, M. H., Hancock, R. E. W. and Smith JA")
    assert persons == (
        Person("Alkhraisat", "M. H."),
        Person("Hancock", "R. E. W."),
        Person("Smith", "JA"),
    )


def test_natural_order_given_names() -> None:
    persons, _ = split_names("John Smith and Ann Lee")
    assert persons == (Person("Smith", "John"), Person("Lee", "Ann"))


def test_editor_markers_are_dropped() -> None:
    persons, _ = split_names("In O. C. Ashenfelter and D. Card (Eds.),")
    assert [p.family for p in persons] == ["Ashenfelter", "Card"]


@pytest.mark.parametrize(
    ("text", "families"),
    [
        # Chicago and MLA invert the first author only.
        ("Boettiger, Carl, Noam Ross, and Alan Hastings.", ["Boettiger", "Ross", "Hastings"]),
        (
            "Tosatto, Laura, Alexander J. Dear, Tuomas P. J. Knowles, Mauro Dalla Serra",
            ["Tosatto", "Dear", "Knowles", "Dalla Serra"],
        ),
        ("Vander Wall, Allison C., Lisa M. Wingen", ["Vander Wall", "Wingen"]),
        ("Xiao, Yang, Sunny C. Jiang, and Yunkai Li.", ["Xiao", "Jiang", "Li"]),
        # Vancouver initials of four letters.
        ("Roos RAC, Bots GTAM, Hermans J.", ["Roos", "Bots", "Hermans"]),
        # ... and of five, particles included ("Eugenia Maria Mariano da Rocha").
        ("Fernandes FF, Barichello EMMDR, Rocha RESHD.", ["Fernandes", "Barichello", "Rocha"]),
        # Given names all initials: every word after them is the family name.
        ("C. P. Hemantha Rajapaksha, and A. Jákli", ["Hemantha Rajapaksha", "Jákli"]),
        # Initials repeated after a name that has them belong to no one.
        ("Nguyen, T. H., Lee, K., & M. Vale, M.", ["Nguyen", "Lee", "Vale"]),
        ("A. Smith, B. Jones, J.", ["Smith", "Jones"]),
    ],
)
def test_more_list_layouts(text: str, families: list[str]) -> None:
    persons, _ = split_names(text)
    assert [p.family for p in persons] == families
