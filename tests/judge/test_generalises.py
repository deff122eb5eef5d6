"""Defect classes seen on references nobody here generated (issue #11), each tested as a class.

Each test runs over every record of the class found in the shared Crossref corpus (or over
the class's forms, parametrised), never over one tuned string.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from veribib.judge import codes, judge
from veribib.judge.authors import COMMON_SURNAMES
from veribib.judge.normalise import person_key
from veribib.model import (
    Fields,
    Person,
    Reference,
    ReferenceType,
    Resolution,
    Verdict,
    Work,
)

from .helpers import cited_from, crossref_messages, crossref_search, crossref_work, found, ref


def _codes(judgement: object) -> set[str]:
    return {e.code for e in judgement.evidence}  # type: ignore[attr-defined]


def _articles(pred: object, limit: int = 80) -> list[Work]:
    out = []
    for doi, msg in crossref_messages().items():
        if msg.get("type") != "journal-article" or not msg.get("volume") or not msg.get("page"):
            continue
        work = crossref_work(doi)
        if pred(work):  # type: ignore[operator]
            out.append(work)
        if len(out) >= limit:
            break
    return out


def _common(p: Person) -> bool:
    return person_key(p.family) in COMMON_SURNAMES


# --- identity: same journal, volume and year is not the same work ------------------------------

COMMON_NAMED = _articles(
    lambda w: len(w.fields.authors) >= 3 and sum(_common(p) for p in w.fields.authors) >= 2
)


def test_the_corpus_holds_the_classes() -> None:
    assert len(COMMON_NAMED) >= 40 and len(COMMON_FIRST) >= 20 and len(GIVEN_NAMED) >= 40
    assert len(SPLICES) >= 15 and len(SHORT_TITLED) >= 20


@pytest.mark.parametrize("work", COMMON_NAMED, ids=lambda w: w.doi)
def test_a_neighbour_sharing_common_surnames_is_another_work(
    work: Work, today: datetime.date
) -> None:
    # An invented citation in the record's journal, volume and year, under an invented first
    # author and two of the record's common surnames, on other pages: the record is a
    # neighbour, never the cited work, and never the "fix".
    shared = [p for p in work.fields.authors if _common(p)][:2]
    first = work.fields.first_page or ""
    pages = "901-912" if first.startswith("1") else "101-112"
    reference = ref(
        title="Adaptive sparse attention for forecasting sediment transport in estuaries",
        authors=["Okonkwo, B.", *(f"{p.family}, {p.given}" for p in shared)],
        year=work.fields.year,
        container=work.fields.container,
        volume=work.fields.volume,
        pages=pages,
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    resolution = Resolution(search=crossref_search([work]), locator=crossref_search([work]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict not in (Verdict.VERIFIED, Verdict.INACCURATE)
    assert judgement.suggested_doi != work.doi
    assert judgement.suggestion is None or judgement.suggestion.title != work.fields.title


# --- identity: another given name is another person --------------------------------------------

GIVEN_NAMED = _articles(
    lambda w: (
        len(w.fields.authors) >= 2
        and all(len(p.given) >= 2 and p.given[0].isalpha() for p in w.fields.authors[:2])
    )
)


@pytest.mark.parametrize("work", GIVEN_NAMED[:40], ids=lambda w: w.doi)
def test_another_given_initial_is_an_author_mismatch(work: Work, today: datetime.date) -> None:
    second = work.fields.authors[1]
    other = "Q" if second.given[0].upper() not in "QIJY" else "M"
    authors = list(work.fields.authors)
    authors[1] = Person(second.family, f"{other}.")
    reference = cited_from(work, authors=tuple(authors))
    judgement = judge(reference, Resolution(doi=found(work)), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert codes.AUTHOR_MISMATCH in _codes(judgement)
    assert "another given name" in " ".join(e.message for e in judgement.evidence)


@pytest.mark.parametrize("work", GIVEN_NAMED[:20], ids=lambda w: w.doi)
def test_initials_for_full_given_names_still_agree(work: Work, today: datetime.date) -> None:
    authors = tuple(Person(p.family, p.given[0] + ".") for p in work.fields.authors)
    judgement = judge(cited_from(work, authors=authors), Resolution(doi=found(work)), today)
    assert judgement.verdict is Verdict.VERIFIED


# --- transliterations agree ---------------------------------------------------------------------

UMLAUTS = [
    ("Müller", "Mueller"),
    ("Gödel", "Goedel"),
    ("Øster", "Oester"),
    ("Schäfer", "Schaefer"),
    ("Köhler", "Koehler"),
    ("Hårdhammar", "Haardhammar"),
]


@pytest.mark.parametrize(("recorded", "cited"), UMLAUTS)
@pytest.mark.parametrize("work", COMMON_NAMED[:6], ids=lambda w: w.doi)
def test_umlauts_written_either_way_are_one_name(
    recorded: str, cited: str, work: Work, today: datetime.date
) -> None:
    first = work.fields.authors[0]
    record = replace(
        work,
        fields=replace(
            work.fields, authors=(Person(recorded, first.given), *work.fields.authors[1:])
        ),
    )
    reference = cited_from(record, authors=(Person(cited, first.given), *work.fields.authors[1:]))
    judgement = judge(reference, Resolution(doi=found(record)), today)
    assert judgement.verdict is Verdict.VERIFIED


# --- records about a work are not the work ------------------------------------------------------

LEAD_INS = [
    "Faculty Opinions recommendation of",
    "Evaluation of",
    "Reply to",
    "Erratum:",
    "Comment on",
]
TITLED = _articles(lambda w: len((w.fields.title or "").split()) >= 6, limit=10)


@pytest.mark.parametrize("lead", LEAD_INS)
@pytest.mark.parametrize("work", TITLED, ids=lambda w: w.doi)
def test_a_record_about_the_cited_work_is_not_it(
    lead: str, work: Work, today: datetime.date
) -> None:
    about = Work(
        source="crossref",
        doi="10.3410/f.000000001.793000001",
        fields=Fields(
            # Such records name no author, or the evaluator: nothing to tell them apart by.
            authors=(),
            year=work.fields.year,
            title=f"{lead} {work.fields.title}",
            container="Faculty Opinions",
            type=ReferenceType.JOURNAL_ARTICLE,
        ),
    )
    reference = cited_from(work, doi=None)
    judgement = judge(reference, Resolution(search=crossref_search([about])), today)
    assert judgement.verdict not in (Verdict.VERIFIED, Verdict.INACCURATE)
    assert judgement.suggested_doi != about.doi


# --- distinctive names in titles need exact tokens ---------------------------------------------

NAMED_TITLES = [
    ("ABCD-Pro: a benchmark for multimodal scientific reasoning", "ABCD-Pro", "ABED-Pro"),
    ("GPT-4 passes the bar exam in a controlled evaluation", "GPT-4", "GPT-3"),
    ("Serum IL-6 predicts mortality in septic shock patients", "IL-6", "IL-17"),
    ("ResNet-50 features for histopathology slide retrieval", "ResNet-50", "ResNet-101"),
]


@pytest.mark.parametrize(("title", "name", "other"), NAMED_TITLES)
def test_a_title_naming_another_thing_is_another_title(
    title: str, name: str, other: str, today: datetime.date
) -> None:
    base = crossref_work("10.1016/j.eng.2020.01.007")
    record = replace(base, fields=replace(base.fields, title=title))
    cited = title.replace(name, other, 1)
    reference = cited_from(record, title=cited, doi=None, pages=None, volume=None)
    judgement = judge(reference, Resolution(search=crossref_search([record])), today)
    assert judgement.verdict not in (Verdict.VERIFIED, Verdict.INACCURATE)


# --- preprint servers and proceedings are not covered venues -----------------------------------


def _preprint(doi: str, title: str, year: int, publisher: str) -> Work:
    return Work(
        source="crossref",
        doi=doi,
        fields=Fields(
            authors=(Person("Ramos", "L."),),
            year=year,
            title=title,
            publisher=publisher,
            type=ReferenceType.PREPRINT,
        ),
        years=(year,),
    )


CROSSREF_PREPRINTS = [
    _preprint("10.36227/techrxiv.19234567.v1", "Edge inference for drones", 2022, "IEEE"),
    _preprint(
        "10.21203/rs.3.rs-1234567/v1",
        "Soil microbiome shifts after wildfire",
        2022,
        "Research Square Platform LLC",
    ),
    _preprint(
        "10.1101/2022.03.01.482345",
        "Single-cell atlas of the zebrafish fin",
        2022,
        "Cold Spring Harbor Laboratory",
    ),
    _preprint("10.20944/preprints202203.0001.v1", "A note on tariffs", 2021, "MDPI AG"),
]
PREPRINT_VENUES = [
    "arXiv preprint arXiv:2203.01234",
    "CoRR",
    "OpenReview",
    "Zenodo",
    "medRxiv",
]


@pytest.mark.parametrize("venue", PREPRINT_VENUES)
def test_absence_of_a_preprint_from_crossref_is_no_evidence(
    venue: str, today: datetime.date
) -> None:
    reference = ref(
        title="Scaling laws for sparse mixture-of-experts language models",
        authors=["Okafor, N.", "Lindqvist, E."],
        year=2022,
        container=venue,
        volume="abs/2203.01234" if venue == "CoRR" else None,
    )
    judgement = judge(reference, Resolution(search=crossref_search(CROSSREF_PREPRINTS)), today)
    assert judgement.verdict is Verdict.UNRESOLVED


PROCEEDINGS = [
    ("Advances in Neural Information Processing Systems", "35", "1877-1901"),
    ("International Conference on Learning Representations", None, None),
    (
        "Proceedings of the 60th Annual Meeting of the Association for Computational Linguistics",
        "1",
        "4414-4426",
    ),
    ("ICML", None, "1120-1130"),
    ("CVPR", None, "770-778"),
    ("Findings of the Association for Computational Linguistics: EMNLP 2022", None, "12-24"),
]


@pytest.mark.parametrize(("venue", "volume", "pages"), PROCEEDINGS)
def test_absence_of_a_conference_paper_from_crossref_is_no_evidence(
    venue: str, volume: str | None, pages: str | None, today: datetime.date
) -> None:
    # Crossref holds other papers of the same proceedings from that year and the year before;
    # proceedings are deposited late or partly, so the cited paper's absence proves nothing.
    neighbours = [
        Work(
            source="crossref",
            doi=f"10.18653/v1/2022.acl-long.{n}",
            fields=Fields(
                authors=(Person("Kim", "J."),),
                year=year,
                title=f"Neighbouring paper number {n} on parsing",
                container=venue,
                volume=volume,
                pages=f"{n}-{n + 9}",
                type=ReferenceType.PROCEEDINGS_ARTICLE,
            ),
            years=(year,),
        )
        for n, year in ((10, 2022), (30, 2021), (50, 2022))
    ]
    reference = ref(
        title="Contrastive decoding improves factuality in long-form generation",
        authors=["Haddad, R.", "Novak, P."],
        year=2022,
        container=venue,
        volume=volume,
        pages=pages,
    )
    judgement = judge(reference, Resolution(search=crossref_search(neighbours)), today)
    assert judgement.verdict is Verdict.UNRESOLVED


def test_a_preprint_of_another_server_does_not_agree_with_the_cited_one(
    today: datetime.date,
) -> None:
    from veribib.judge.compare import compare_container

    cited = Fields(title="x", container="arXiv")
    for work in CROSSREF_PREPRINTS:
        assert compare_container(cited, work).agrees is not True


# --- placeholders: one written out in full is enough ------------------------------------------


@pytest.mark.parametrize("name", ["Doe, John", "Smith, Jane", "Example, Alice", "Name, Author"])
def test_one_full_placeholder_among_real_names_is_fabricated(
    name: str, today: datetime.date
) -> None:
    reference = ref(
        title="Mitochondrial dynamics in ageing skeletal muscle",
        authors=["Okafor, N.", name, "Lindqvist, E."],
        year=2021,
        container="Journal of Physiology",
    )
    judgement = judge(reference, Resolution(search=crossref_search([])), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.PLACEHOLDER_AUTHORS


# --- a shared surname with another given name is another person ------------------------------


@pytest.mark.parametrize("work", GIVEN_NAMED[:30], ids=lambda w: w.doi)
def test_a_real_title_under_namesakes_of_its_authors_is_borrowed(
    work: Work, today: datetime.date
) -> None:
    # The record's own title under invented people, one of whom shares a family name of the
    # record's list with another given name: other people, not the record's authors.
    shared = work.fields.authors[1]
    other = "Q" if shared.given[0].upper() not in "QIJY" else "M"
    authors = (Person("Okonkwo", "B."), Person(shared.family, f"{other}."), Person("Varga", "L."))
    reference = cited_from(work, authors=authors, doi=None)
    judgement = judge(reference, Resolution(search=crossref_search([work])), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.AUTHORS_OTHER_WORK


def test_the_template_pair_of_placeholders_is_fabricated(today: datetime.date) -> None:
    reference = ref(
        title="Towards rigorous interpretations: a formalisation of feature attribution",
        authors=["Doe, J.", "Smith, J."],
        year=2021,
        container="International Conference on Machine Learning",
    )
    judgement = judge(reference, Resolution(search=crossref_search([])), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.PLACEHOLDER_AUTHORS


# --- common names do not make a neighbour a possible match --------------------------------------


COMMON_FIRST = [w for w in COMMON_NAMED if _common(w.fields.authors[0])]


@pytest.mark.parametrize("work", COMMON_FIRST, ids=lambda w: w.doi)
def test_a_neighbour_under_common_first_names_leaves_absence_evidence(
    work: Work, today: datetime.date
) -> None:
    # An invented title in a covered journal-year under the neighbour's first two (common)
    # names: "same authors, other title" needs more than two shared common surnames.
    common = [p for p in work.fields.authors if _common(p)][:2]
    reference = ref(
        title="Adaptive sparse attention for forecasting sediment transport in estuaries",
        authors=[f"{p.family}, {p.given}" for p in common],
        year=work.fields.year,
        container=work.fields.container,
        volume=work.fields.volume,
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    judgement = judge(reference, Resolution(search=crossref_search([work])), today)
    assert codes.POSSIBLE_MATCH not in _codes(judgement)
    assert judgement.verdict is Verdict.FABRICATED
    assert judgement.evidence[0].code == codes.NO_MATCH_IN_COVERED_VENUE


def test_anonymous_authors_beside_named_people_is_a_placeholder(today: datetime.date) -> None:
    reference = ref(
        title="Adaptive verifiable training using pairwise class similarity",
        authors=["Wang, S.", "Eykholt, K.", "Authors, Anonymous"],
        year=2021,
        container="Proceedings of the AAAI Conference on Artificial Intelligence",
    )
    judgement = judge(reference, Resolution(search=crossref_search([])), today)
    assert judgement.verdict is Verdict.FABRICATED
    # Alone, it is a double-blind self-citation: no accusation.
    alone = ref(title=reference.fields.title, authors=["Authors, Anonymous"], year=2021)
    assert judge(alone, Resolution(search=crossref_search([])), today).verdict is not (
        Verdict.FABRICATED
    )


@pytest.mark.parametrize("work", GIVEN_NAMED[:10], ids=lambda w: w.doi)
def test_a_doubled_letter_is_a_misspelling_not_a_transliteration(
    work: Work, today: datetime.date
) -> None:
    # "Haastings" for "Hastings": "aa" stands for "å" only against a name written with "å".
    first = work.fields.authors[0]
    record = replace(
        work,
        fields=replace(
            work.fields, authors=(Person("Hastings", first.given), *work.fields.authors[1:])
        ),
    )
    reference = cited_from(
        record, authors=(Person("Haastings", first.given), *work.fields.authors[1:])
    )
    judgement = judge(reference, Resolution(doi=found(record)), today)
    assert judgement.verdict is Verdict.INACCURATE
    assert codes.AUTHOR_MISMATCH in _codes(judgement)


# --- a cited arXiv id or PMID is a hard locator, like a DOI ------------------------------------

SHORT_TITLED = _articles(lambda w: len((w.fields.title or "").split()) >= 6, limit=30)


def _at_identifier(work: Work, words: int) -> tuple[Work, Reference]:
    """The record of a cited arXiv id whose title is short (its first ``words`` words)."""
    title = " ".join((work.fields.title or "").split()[:words])
    record = replace(
        work,
        source="arxiv",
        doi="10.48550/arxiv.2301.00001",
        fields=replace(work.fields, title=title, type=ReferenceType.PREPRINT, container=None),
    )
    reference = cited_from(record, authors=(Person("Authors", "Anonymous"),), doi=None)
    reference = replace(reference, identifiers=replace(reference.identifiers, arxiv="2301.00001"))
    return record, reference


@pytest.mark.parametrize("words", [2, 3, 4])
@pytest.mark.parametrize("work", SHORT_TITLED, ids=lambda w: w.doi)
def test_the_record_at_a_cited_arxiv_id_with_its_title_is_the_work(
    work: Work, words: int, today: datetime.date
) -> None:
    # A short title names many works, but at the cited identifier it names this one, whoever
    # the citation names as authors ("Anonymous Authors": a double-blind self-citation).
    record, reference = _at_identifier(work, words)
    resolution = Resolution(arxiv=found(record, source="arxiv"), search=crossref_search([record]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict in (Verdict.VERIFIED, Verdict.INACCURATE)
    assert judgement.match is not None and judgement.match.doi == record.doi


@pytest.mark.parametrize("work", SHORT_TITLED[:10], ids=lambda w: w.doi)
def test_the_record_at_a_cited_arxiv_id_with_another_title_is_not_the_work(
    work: Work, today: datetime.date
) -> None:
    record, reference = _at_identifier(work, 3)
    reference = replace(
        reference, fields=replace(reference.fields, title="Categorical flow maps revisited")
    )
    resolution = Resolution(arxiv=found(record, source="arxiv"), search=crossref_search([]))
    judgement = judge(reference, resolution, today)
    assert judgement.verdict not in (Verdict.VERIFIED, Verdict.INACCURATE)


# --- a title spliced from two records' titles ---------------------------------------------------

LONG_TITLED = _articles(
    lambda w: len((w.fields.title or "").split()) >= 8 and len(w.fields.authors) >= 2, limit=40
)
SPLICES = [
    (a, b)
    for a, b in zip(LONG_TITLED[::2], LONG_TITLED[1::2], strict=False)
    # another team's record: no family name in common
    if not {person_key(p.family) for p in a.fields.authors}
    & {person_key(p.family) for p in b.fields.authors}
]


def _spliced(a: Work, b: Work) -> str:
    """The first half of A's title followed by the second half of B's."""
    wa, wb = (a.fields.title or "").split(), (b.fields.title or "").split()
    return " ".join(wa[: len(wa) // 2] + wb[len(wb) // 2 :])


@pytest.mark.parametrize(("a", "b"), SPLICES, ids=lambda w: w.doi)
def test_a_title_spliced_from_two_records_is_fabricated(
    a: Work, b: Work, today: datetime.date
) -> None:
    # A's authors and year, the first half of A's title and the second half of B's, without
    # the venue that would show A's journal covers the year: a chimera (HALLMARK
    # chimeric_title), shown by the two records the halves come from.
    reference = cited_from(
        a, title=_spliced(a, b), doi=None, container=None, volume=None, pages=None
    )
    judgement = judge(reference, Resolution(search=crossref_search([a, b])), today)
    assert judgement.verdict is Verdict.FABRICATED
    assert codes.TITLE_OTHER_WORK in _codes(judgement)


@pytest.mark.parametrize(("a", "b"), SPLICES, ids=lambda w: w.doi)
def test_a_splice_needs_the_other_half_in_another_teams_record(
    a: Work, b: Work, today: datetime.date
) -> None:
    # The same team's other paper sharing an opening with A: the rest of its title is in no
    # record, or in one of the same team's own records: never evidence of a splice.
    from veribib.judge.match import assess
    from veribib.judge.otherwork import chimeric_title

    own_b = replace(b, fields=replace(b.fields, authors=a.fields.authors))
    cited = cited_from(a, title=_spliced(a, b)).fields
    assert chimeric_title(cited, assess(cited, a), [assess(cited, own_b)]) is None
    head = " ".join((a.fields.title or "").split()[:4])
    invented = cited_from(a, title=f"{head} under shifting tidal regimes offshore").fields
    assert chimeric_title(invented, assess(invented, a), [assess(invented, b)]) is None
    # The last three words of a long title end many titles a search returns: no splice.
    tail = " ".join((b.fields.title or "").split()[-3:])
    generic = cited_from(a, title=f"{head} {tail}").fields
    assert chimeric_title(generic, assess(generic, a), [assess(generic, b)]) is None


# --- a conference named with and without its proceedings frame ---------------------------------

CONFERENCES = [
    ("IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR"),
    ("IEEE/CVF International Conference on Computer Vision", "ICCV"),
    ("AAAI Conference on Artificial Intelligence", "AAAI"),
    ("IEEE International Conference on Robotics and Automation", "ICRA"),
    ("ACM SIGKDD Conference on Knowledge Discovery and Data Mining", "KDD"),
]


@pytest.mark.parametrize(("name", "acronym"), CONFERENCES)
def test_proceedings_of_a_conference_is_that_conference(name: str, acronym: str) -> None:
    from veribib.judge.compare import compare_container

    record = Work(
        source="crossref",
        doi="10.1109/x.2022.00001",
        fields=Fields(
            title="A paper",
            container=f"2022 {name} ({acronym})",
            year=2022,
            type=ReferenceType.PROCEEDINGS_ARTICLE,
        ),
    )
    for cited in (f"Proceedings of the {name}", f"Proc. {name}", f"2022 {name}"):
        assert compare_container(Fields(container=cited), record).agrees is True
    assert compare_container(Fields(container="Proceedings"), record).agrees is not True
