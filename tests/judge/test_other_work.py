"""Borrowed records: other people's names on a real title, real names on a near-miss title.

Each fabrication case has a real-citation counterpart that must NOT be accused: misspelt,
truncated, reordered or partly overlapping author lists; typos, dropped subtitles, "&",
British spelling, Greek letters and hyphenation in titles; a parser's misreading.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from veribib.judge import codes, judge
from veribib.model import (
    Fields,
    Identifiers,
    Origin,
    Person,
    RawReference,
    Reference,
    ReferenceType,
    Resolution,
    Verdict,
    Work,
)

from .helpers import (
    cited_from,
    crossref_search,
    crossref_work,
    found,
    people,
    seed_works,
    snapshot_found,
)

DEEP_CARBON = "10.1016/j.eng.2019.03.004"  # Schiffries, Mangum, Mays, Hoon-Starr, Hazen 2019
ACCELERATORS = "10.1016/j.eng.2020.01.007"  # Chen et al. 2020, Engineering
BOETTIGER = "10.1007/s12080-013-0192-6"  # Boettiger, Ross, Hastings 2013, Theor Ecol
BEETLES = "10.7717/peerj.4632"  # Colville, Picker, Cowling 2018, PeerJ; title with "(...)"
WAVES = "10.1016/j.coastaleng.2014.05.004"  # "Non-hydrostatic modeling of wave interactions..."
CHO_CELLS = "10.1016/j.ymben.2025.04.005"  # "... complexed using methyl-β-cyclodextrin"
GOUT = "10.1016/b978-0-323-48253-0.00151-3"  # Orós 2019, "Gout", a book chapter


def _judge(reference: Reference, *candidates: Work, **kw: object) -> object:
    resolution = Resolution(search=crossref_search(list(candidates)), **kw)  # type: ignore[arg-type]
    return judge(reference, resolution, datetime.date(2026, 6, 30))


def _codes(judgement: object) -> list[str]:
    return [e.code for e in judgement.evidence]  # type: ignore[attr-defined]


def _verdict(judgement: object) -> Verdict:
    return judgement.verdict  # type: ignore[attr-defined, no-any-return]


# --- other authors -----------------------------------------------------------------------


def test_real_title_by_other_authors_is_fabricated_naming_the_real_work() -> None:
    title_from, authors_from = crossref_work(DEEP_CARBON), crossref_work(ACCELERATORS)
    reference = cited_from(title_from, authors=authors_from.fields.authors, doi=None)
    judgement = _judge(reference, authors_from, title_from)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert _codes(judgement)[0] == codes.AUTHORS_OTHER_WORK
    assert "Schiffries" in judgement.evidence[0].message  # type: ignore[attr-defined]
    assert judgement.likely_source.doi == DEEP_CARBON  # type: ignore[attr-defined]


def test_other_authors_with_the_real_doi_and_a_search_are_fabricated() -> None:
    title_from, authors_from = crossref_work(DEEP_CARBON), crossref_work(ACCELERATORS)
    reference = cited_from(title_from, authors=authors_from.fields.authors)
    judgement = _judge(reference, title_from, doi=found(title_from))
    assert _verdict(judgement) is Verdict.FABRICATED
    assert _codes(judgement)[0] == codes.AUTHORS_OTHER_WORK


def test_merged_citation_title_of_one_authors_of_another_venue_of_a_third() -> None:
    title_from = crossref_work(BEETLES)
    reference = cited_from(
        title_from,
        title="Feeding ecology and sexual dimorphism in a speciose flower beetle clade",
        authors=crossref_work(DEEP_CARBON).fields.authors,
        container="Engineering Structures",
        volume=None,
        issue=None,
        pages=None,
        doi=None,
    )
    judgement = _judge(reference, crossref_work(ACCELERATORS), title_from)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert _codes(judgement)[0] == codes.AUTHORS_OTHER_WORK
    assert judgement.likely_source.doi == BEETLES  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "change",
    ["misspelt", "truncated", "reordered", "partial", "one_known"],
)
def test_real_author_lists_with_errors_stay_inaccurate(change: str) -> None:
    work = crossref_work(DEEP_CARBON)  # Schiffries, Mangum, Mays, Hoon-Starr, Hazen
    names = list(work.fields.authors)
    if change == "misspelt":
        names[0] = Person("Shiffries", names[0].given)
    elif change == "truncated":
        names = names[:2]
    elif change == "reordered":
        names = names[::-1]
    elif change == "partial":
        names = [names[0], Person("Okonkwo", "A."), Person("Lindqvist", "B.")]
    else:
        names = [Person("Okonkwo", "A."), names[3]]
    judgement = _judge(cited_from(work, authors=tuple(names), doi=None), work)
    assert _verdict(judgement) is Verdict.INACCURATE, judgement.evidence  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "cited",
    [
        [Person("Schiffris", "C.")],  # a single name, badly misspelt: doubt acquits
        [Person("Deep Carbon Observatory Consortium")],  # an organisation
        [Person("WHO")],  # an organisation's acronym
    ],
    ids=["misspelt-single", "organisation", "acronym"],
)
def test_doubtful_names_are_never_other_authors(cited: list[Person]) -> None:
    work = crossref_work(DEEP_CARBON)
    judgement = _judge(cited_from(work, authors=tuple(cited), doi=None), work)
    assert _verdict(judgement) is not Verdict.FABRICATED


def test_names_in_another_script_are_never_other_authors() -> None:
    work = crossref_work(DEEP_CARBON)
    cyrillic = (Person("Шиффрис", "К."), Person("Мангум", "А."))
    record = replace(work, fields=replace(work.fields, authors=cyrillic))
    judgement = _judge(cited_from(work, doi=None), record)
    assert _verdict(judgement) is not Verdict.FABRICATED


def test_a_record_showing_the_first_authors_names_the_head_of_the_list() -> None:
    partial = next(w for w in seed_works() if w.authors_incomplete and w.fields.title)
    record = replace(partial, source="crossref")
    others = cited_from(partial, authors=people("Okonkwo, A.", "Lindqvist, B."), doi=None)
    judgement = _judge(others, record)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.AUTHORS_OTHER_WORK
    # The record's first author, then names it does not show: unknown, never other people.
    first = partial.fields.authors[0]
    longer = cited_from(partial, authors=(first, *people("Okonkwo, A.", "Lindqvist, B.")), doi=None)
    assert _verdict(_judge(longer, record)) is not Verdict.FABRICATED


def test_a_partial_record_whose_order_is_not_known_proves_nothing() -> None:
    partial = next(w for w in seed_works() if w.authors_incomplete and w.fields.title)
    record = replace(partial, source="crossref", missing_fields=("author order",))
    reference = cited_from(partial, authors=people("Okonkwo, A.", "Lindqvist, B."), doi=None)
    assert _verdict(_judge(reference, record)) is not Verdict.FABRICATED


def test_a_misspelt_short_family_name_in_its_place_is_not_another_author() -> None:
    work = crossref_work(DEEP_CARBON)

    def judged(cited: str, *recorded: str) -> Verdict:
        names = tuple(Person(n, "G.") for n in recorded)
        record = replace(work, fields=replace(work.fields, authors=names))
        reference = cited_from(work, authors=people(cited), doi=None)
        reference = replace(reference, fields=replace(reference.fields, et_al=True))
        return _verdict(_judge(reference, record))

    assert judged("Watg, G.", "Wang", "Xie") is not Verdict.FABRICATED
    assert judged("Xieo, G.", "Xie", "Wang") is not Verdict.FABRICATED
    # Another place in the list, or a name that differs more: other people.
    assert judged("Ting, F.", "Edelman", "Tong") is Verdict.FABRICATED
    assert judged("Yang, G.", "Wang", "Xie") is Verdict.FABRICATED
    assert judged("Li, Q.", "Lin", "Xie") is Verdict.FABRICATED


def test_other_authors_need_a_live_search() -> None:
    title_from, authors_from = crossref_work(DEEP_CARBON), crossref_work(ACCELERATORS)
    reference = cited_from(title_from, authors=authors_from.fields.authors, doi=None)
    resolution = Resolution(search=snapshot_found([title_from]))
    judgement = judge(reference, resolution, datetime.date(2026, 6, 30))
    assert judgement.verdict is not Verdict.FABRICATED


# --- other titles ------------------------------------------------------------------------


def test_near_miss_title_under_the_real_authors_is_fabricated() -> None:
    work = crossref_work(DEEP_CARBON)
    title = "The Deep Carbon Observatory: A Ten-Year Mission to Map Carbon in Earth"
    judgement = _judge(cited_from(work, title=title, doi=None), work)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert _codes(judgement)[0] == codes.TITLE_OTHER_WORK
    message = judgement.evidence[0].message  # type: ignore[attr-defined]
    assert "mission, map" in message and "quest, study" in message
    assert judgement.likely_source.doi == DEEP_CARBON  # type: ignore[attr-defined]


def test_one_word_changed_in_a_long_title_is_a_near_miss() -> None:
    work = crossref_work(DEEP_CARBON)
    title = "The Deep Carbon Observatory: A Ten-Year Journey to Study Carbon in Earth"
    judgement = _judge(cited_from(work, title=title, doi=None), work)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert _codes(judgement)[0] == codes.TITLE_OTHER_WORK
    assert "(quest) with others (journey)" in judgement.evidence[0].message  # type: ignore[attr-defined]
    # A word the record's title has twice is replaced once: one cited "carbon" is not two.
    title = "The Deep Carbon Observatory: A Ten-Year Quest to Study Diamonds in Earth"
    judgement = _judge(cited_from(work, title=title, doi=None), work)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert "(carbon) with others (diamonds)" in judgement.evidence[0].message  # type: ignore[attr-defined]


def test_chimeric_title_under_the_real_authors_is_fabricated() -> None:
    work, other = crossref_work(BOETTIGER), crossref_work(DEEP_CARBON)
    title = "Early warning signals: a ten-year quest to study carbon in Earth"
    judgement = _judge(cited_from(work, title=title, doi=None), other, work)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert _codes(judgement)[0] == codes.TITLE_OTHER_WORK
    assert judgement.likely_source.doi == BOETTIGER  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("doi", "title", "verdict"),
    [
        (DEEP_CARBON, "The Deep Carbon Observatory", Verdict.VERIFIED),  # subtitle dropped
        (DEEP_CARBON, "The deep carbon observatory: a ten year quest to study carbon in Earth",
         Verdict.VERIFIED),  # hyphen dropped, case
        (BOETTIGER, "Early warning signals: the charted & uncharted territories",
         Verdict.VERIFIED),  # "&"
        (WAVES, "Non-hydrostatic modelling of wave interactions with porous structures",
         Verdict.VERIFIED),  # British spelling
        (CHO_CELLS, "Modulating fatty acid metabolism and composition of CHO cells by feeding "
         "high levels of fatty acids complexed using methyl-beta-cyclodextrin",
         Verdict.VERIFIED),  # Greek letter spelt out
        (WAVES, "Nonhydrostatic modeling of wave interactions with porous structures",
         Verdict.VERIFIED),  # hyphenation
        (DEEP_CARBON, "The Deep Carbon Observatory: A Ten-Year Qeust to Study Carbon in Earth",
         Verdict.INACCURATE),  # a typo
        (DEEP_CARBON, "The Dep Carbon Observatory: A Ten-Year Quest to Study Carbon in Earth",
         Verdict.INACCURATE),  # a typo in a short word
        (BEETLES, "Feeding ecology and sexual dimorphism in a speciose flower beetle clade",
         Verdict.VERIFIED),  # bracketed part dropped
    ],
)  # fmt: skip
def test_real_title_habits_are_never_fabricated(doi: str, title: str, verdict: Verdict) -> None:
    work = crossref_work(doi)
    judgement = _judge(cited_from(work, title=title, doi=None), work)
    assert _verdict(judgement) in (verdict, Verdict.INACCURATE), judgement.evidence  # type: ignore[attr-defined]
    assert _verdict(judgement) is not Verdict.FABRICATED


def test_translated_title_is_not_a_near_miss() -> None:
    work = crossref_work(DEEP_CARBON)
    title = "El Observatorio del Carbono Profundo: una búsqueda de diez años del carbono"
    judgement = _judge(cited_from(work, title=title, doi=None), work)
    assert _verdict(judgement) is not Verdict.FABRICATED


# --- the parser's misreading -------------------------------------------------------------


def _misread_gout() -> Reference:
    text = (
        "Orós J. Gout. In: Mader's Reptile and Amphibian Medicine and Surgery. Elsevier; 2019. "
        "p. 1308-1309.e1. doi:10.1016/b978-0-323-48253-0.00151-3"
    )
    fields = Fields(
        authors=(Person("Orós J. Gout"),),
        title="In: Mader's Reptile and Amphibian Medicine and Surgery",
        year=2019,
        pages="1308-1309.e1",
        type=ReferenceType.BOOK,
    )
    return Reference(
        id="doc.txt#7",
        raw=RawReference(text=text, origin=Origin("doc.txt", 7)),
        fields=fields,
        identifiers=Identifiers(doi=GOUT),
    )


def test_misread_reference_naming_its_doi_record_is_not_fabricated() -> None:
    record = crossref_work(GOUT)
    judgement = _judge(_misread_gout(), crossref_work(DEEP_CARBON), doi=found(record))
    assert _verdict(judgement) in (Verdict.VERIFIED, Verdict.INACCURATE)
    assert codes.PARSE_UNCERTAIN in _codes(judgement)
    assert judgement.match.doi == GOUT  # type: ignore[attr-defined]


def test_near_miss_written_in_the_text_is_still_fabricated() -> None:
    work = crossref_work(DEEP_CARBON)
    title = "The Deep Carbon Observatory: A Ten-Year Mission to Map Carbon in Earth"
    reference = cited_from(work, title=title, doi=None)
    text = f"Schiffries CM, Mangum A, Mays J, Hoon-Starr M, Hazen RM. {title}. Engineering. 2019."
    reference = replace(reference, raw=replace(reference.raw, text=text))
    judgement = _judge(reference, work)
    assert _verdict(judgement) is Verdict.FABRICATED
    assert _codes(judgement)[0] == codes.TITLE_OTHER_WORK


def test_truncated_list_with_a_repeated_family_name_stays_inaccurate() -> None:
    # Sharma, Grover, Sharma, Srivastava, Mittal: "Sharma" written once covers one of them.
    work = crossref_work("10.1155/2014/861942")
    reference = cited_from(work, authors=work.fields.authors[:2])
    text = f"S. Sharma and S. Grover, “{work.fields.title},” Case Reports in Dentistry, 2014."
    reference = replace(reference, raw=replace(reference.raw, text=text))
    judgement = _judge(reference, work, doi=found(work))
    assert _verdict(judgement) is Verdict.INACCURATE
    assert codes.AUTHORS_MISSING in _codes(judgement)
    assert codes.PARSE_UNCERTAIN not in _codes(judgement)
