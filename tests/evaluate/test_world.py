"""The hard evaluation world: crowded journal-years, registries that hold what they really hold,
cases whose labels stay true in that world, and the harness's new figures."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import pytest

import eval_world
import evaluate
from eval_cases import Case, clean, norm, read_jsonl, split_of
from eval_hard import HardCounts, build_hard_cases, incident_cited, incident_evidence
from eval_world import CONSTRUCTED, NOTICE_OF, SYNTHETIC, World, build_world
from standin_corpus import Corpus, record_year

from .conftest import shared_dir

SMALL = HardCounts(real_per_type=8, fabricated_per_type=5)


@pytest.fixture(scope="module")
def world() -> World:
    """The default world (cached by ``build_world``)."""
    return build_world()


@pytest.fixture(scope="module")
def recorded() -> list[dict[str, Any]]:
    """The 502 recorded Crossref works."""
    return read_jsonl(shared_dir() / "data" / "crossref" / "works-2026-06.jsonl")


@pytest.fixture(scope="module")
def hard_cases(world: World) -> list[Case]:
    """Both halves' hard-world cases at small counts."""
    return build_hard_cases("all", world, counts=SMALL)


def _first_page(record: dict[str, Any]) -> str:
    return str(record.get("page") or record.get("article-number") or "").split("-")[0]


def test_world_records_say_what_made_them(world: World, recorded: list[dict[str, Any]]) -> None:
    real_dois = {str(r["DOI"]).lower() for r in recorded}
    dois = [str(r["DOI"]).lower() for r in world.crossref]
    assert len(dois) == len(set(dois))
    assert not set(dois) & real_dois
    for record in world.crossref:
        assert (record.get(SYNTHETIC) is True) != (CONSTRUCTED in record), record["DOI"]
    assert all(CONSTRUCTED in d["data"]["attributes"] for d in world.datacite)
    again = eval_world.neighbours(recorded[:60], 5, set())
    assert again == eval_world.neighbours(recorded[:60], 5, set())


def test_every_recorded_journal_year_is_crowded_with_confusable_neighbours(
    world: World, recorded: list[dict[str, Any]]
) -> None:
    by_year: dict[tuple[str, int | None], list[dict[str, Any]]] = defaultdict(list)
    for r in [*recorded, *world.crossref]:
        if r.get("type") == "journal-article" and r.get("container-title"):
            by_year[(norm(r["container-title"][0]), record_year(r))].append(r)
    surnames: Counter[str] = Counter()
    shared = 0
    checked = 0
    for r in recorded:
        if r.get("type") != "journal-article" or not r.get("container-title") or not r.get("title"):
            continue
        group = by_year[(norm(r["container-title"][0]), record_year(r))]
        assert len(group) >= eval_world.NEIGHBOURS_PER_YEAR, r["DOI"]
        real = [g for g in group if not g.get(SYNTHETIC)]
        real_families = {norm(p.get("family", "")) for g in real for p in g.get("author") or ()}
        real_people = {
            (norm(p.get("family", "")), norm(p.get("given", ""))[:1])
            for g in real
            for p in g.get("author") or ()
        }
        starts = {(g.get("volume"), _first_page(g)) for g in real if _first_page(g)}
        for n in (g for g in group if g.get(SYNTHETIC) and NOTICE_OF not in g):
            checked += 1
            people = {(norm(p["family"]), norm(p.get("given", ""))[:1]) for p in n["author"]}
            assert not people & real_people, n["DOI"]  # a shared surname is another person
            shared += bool({f for f, _ in people} & real_families)
            surnames.update(p["family"] for p in n["author"])
            if _first_page(n):
                assert (n.get("volume"), _first_page(n)) not in starts, n["DOI"]
    assert checked > 5000
    assert shared / checked > 0.3
    assert {"Wang", "Chen", "Kim", "Lee", "Santos", "Zhang"} <= set(surnames)


def test_notices_carry_a_title_and_are_other_works(
    world: World, recorded: list[dict[str, Any]]
) -> None:
    by_doi = {str(r["DOI"]).lower(): r for r in recorded}
    notes = [r for r in world.crossref if NOTICE_OF in r]
    assert len(notes) == 3 * len(world.noticed) > 100
    for note in notes:
        article = by_doi[note[NOTICE_OF].lower()]
        assert note["title"][0].endswith(clean(str(article["title"][0])))
        assert note["title"][0] != article["title"][0]
        assert note["DOI"].lower() != article["DOI"].lower()
        if note["title"][0].startswith("Faculty Opinions"):
            assert note["container-title"] != article["container-title"]
            assert note["DOI"].startswith("10.3410/")


def test_registries_hold_what_they_really_hold(world: World) -> None:
    crossref_dois = {str(r["DOI"]).lower() for r in world.crossref}
    crossref_titles = {norm(str(r["title"][0])) for r in world.crossref}
    datacite_dois = {str(d["data"]["id"]).lower() for d in world.datacite}
    assert datacite_dois and all(d.startswith("10.48550/arxiv.") for d in datacite_dois)
    assert not any(d.startswith("10.48550/") for d in crossref_dois)
    assert world.late_venues == {("CVPR", 2023), ("AAAI", 2023)}
    for w in world.real_works:
        registry = world.registry_of(w)
        if registry == "none":
            assert norm(w.title) not in crossref_titles, w.title
            assert not w.doi or w.doi.lower() not in crossref_dois | datacite_dois
        elif registry == "crossref":
            assert w.doi is not None and w.doi.lower() in crossref_dois
        else:
            assert w.doi is not None and w.doi.lower() in datacite_dois
    assert {w.venue for w in world.real_works if w.registry == "none"} >= {
        "NeurIPS",
        "ICLR",
        "ICML",
    }


def test_search_ranks_the_real_record_above_its_neighbours(
    world: World, recorded: list[dict[str, Any]]
) -> None:
    corpus = Corpus()
    corpus.add_works([*recorded, *world.crossref])
    articles = [
        r
        for r in recorded
        if r.get("type") == "journal-article" and r.get("title") and r.get("author")
    ]
    for r in articles[::10]:
        first = r["author"][0].get("family", "")
        query = f"{first} {r['title'][0]} {r['container-title'][0]} {record_year(r)}"
        scores = corpus.indexes["bibliographic"].scores(query)
        best = max(scores, key=lambda d: scores[d])
        assert best == str(r["DOI"]).lower(), (r["DOI"], best)


def test_hard_cases_keep_their_halves_and_their_labels(
    hard_cases: list[Case], world: World
) -> None:
    titles = world.titles()
    dois = world.dois()
    assert {c.type for c in hard_cases} >= {
        "ml_crossref_work",
        "arxiv_with_doi",
        "arxiv_no_doi",
        "ml_proceedings_no_doi",
        "proceedings_not_yet_deposited",
        "biorxiv_preprint",
        "nondepositing_journal",
        "book",
        "common_name_fabrication",
        "ml_impossible_arxiv_id",
        "ml_placeholder_authors",
        "real_incident",
        "correct_beside_notices",
        "transliterated_author",
        "future_year_typo",
        "published_version_of_preprint",
        "biomed_near_miss_title",
        "biomed_hybrid_fabrication",
    }
    tune = {k for c in hard_cases if c.id.startswith("tune-") for k in c.records}
    report = {k for c in hard_cases if c.id.startswith("report-") for k in c.records}
    assert tune and report and not tune & report
    for c in hard_cases:
        assert split_of(c.key) == c.id.split("-")[0]
        assert c.expected in c.acceptable
        if c.kind == "unregistered":
            assert c.expected == "unresolved" and "fabricated" not in c.acceptable
        if c.own == ():  # invented works: nothing of them is in any registry
            assert norm(c.cited.title) not in titles, c
            if c.cited.doi and not c.type.startswith("biomed_"):  # HALLMARK's hybrids
                assert c.cited.doi.lower() not in dois, c  # carry real DOIs
        if c.type == "ml_impossible_arxiv_id":
            m = re.search(r"arXiv:\d\d(\d\d)\.(\d{5})", c.cited.container or "")
            assert m is not None and (int(m.group(1)) > 12 or int(m.group(2)) >= 40000)
        if c.type == "future_year_typo":
            assert c.cited.year is not None and c.cited.year > 2026 and c.fix_field == "year"
            assert (
                sum(a != b for a, b in zip(str(c.cited.year), str(c.fix_value), strict=True)) == 1
            )
        if c.type == "transliterated_author":
            assert all(p.family.isascii() for p in c.cited.authors)
        if c.type == "proceedings_not_yet_deposited":
            assert c.key in world.held_back and c.cited.doi is None


def test_incident_evidence_is_only_what_the_world_can_show() -> None:
    doe = incident_cited(
        {
            "author": "John Doe and Jane Smith",
            "title": "Webvoyager: building an end-to-end web agent",
            "year": "2024",
            "journal": "arXiv",
            "note": "arXiv:2401.00001",
        }
    )
    smith = incident_cited(
        {
            "author": "Franz Aichberger, Lily Chen, and John Smith",
            "title": "Semantically diverse language generation",
            "year": "2025",
        }
    )
    partial = incident_cited(
        {
            "author": "Sheng Shi et al.",
            "title": "Maskgpt: uniform denoising diffusion for language",
            "year": "2024",
            "journal": "arXiv",
            "note": "arXiv:2401.",
        }
    )
    assert doe is not None and smith is not None and partial is not None
    assert incident_evidence(doe, set()) == "placeholder author"
    assert incident_evidence(smith, set()) == ""  # John Smith alone is a real name
    assert partial.et_al and [p.family for p in partial.authors] == ["Shi"]
    assert incident_evidence(partial, set()) == "arXiv id that cannot exist"


def _case(kind: str, key: str, own: tuple[str, ...] | None = None) -> Case:
    from eval_cases import Cited

    expected = {"correct": "verified", "fabricated": "fabricated"}.get(kind, "unresolved")
    return Case(
        f"report-{key}",
        "t",
        kind,
        expected,
        frozenset({expected}),
        "bibtex",
        Cited(title="x"),
        key,
        (key, "10.1/other") if kind == "fabricated" else (key,),
        own=own,
    )


def test_wrong_work_and_deciding_codes_are_counted() -> None:
    real = _case("correct", "10.1/a")
    invented = _case("fabricated", "10.1/b", own=())
    derived = _case("fabricated", "10.1/c")
    offline = _case("unregistered", "offline:x")
    outcomes = [
        evaluate.Outcome(real, "", "verified", ("SEARCH_MATCH",), matched="10.1/A"),
        evaluate.Outcome(real, "", "inaccurate", ("TITLE_MISMATCH",), matched="10.1/z"),
        evaluate.Outcome(invented, "", "inaccurate", ("TITLE_MISMATCH",), matched="10.1/b"),
        evaluate.Outcome(derived, "", "inaccurate", ("AUTHOR_MISMATCH",), matched="10.1/other"),
        evaluate.Outcome(offline, "", "fabricated", ("NO_MATCH_IN_COVERED_VENUE",)),
        evaluate.Outcome(offline, "", "unresolved", ("NO_IDENTIFIER_NO_MATCH",)),
    ]
    assert [o.wrong_work for o in outcomes] == [False, True, True, False, False, False]
    lines = evaluate.headline(outcomes)
    assert "25.0%  (1/4)" in lines[1]  # real works: two of `real`, two offline, one accused
    assert "pointing to another work          2" in lines[4]
    assert "unregistered 1/2 accused" in lines[5]
    table = {
        line.split()[0] + " " + line.split()[1]: line.split()[2:]
        for line in evaluate.code_table(outcomes)[2:]
    }
    assert table["TITLE_MISMATCH inaccurate"] == ["2", "2", "100.0%"]
    assert table["SEARCH_MATCH verified"] == ["1", "0", "0.0%"]
    assert table["NO_MATCH_IN_COVERED_VENUE fabricated"] == ["1", "1", "100.0%"]


def test_a_resembling_fake_may_be_fixed_to_its_work_and_no_other() -> None:
    near = Case(
        "report-n",
        "near_miss_title",
        "fabricated",
        "fabricated",
        frozenset({"fabricated"}),
        "apa",
        __import__("eval_cases").Cited(title="x"),
        "10.1/a",
        ("10.1/a",),
    )
    invented = _case("fabricated", "10.1/b", own=())
    fixed_to_it = evaluate.Outcome(near, "", "inaccurate", ("TITLE_MISMATCH",), matched="10.1/a")
    fixed_away = evaluate.Outcome(near, "", "inaccurate", ("TITLE_MISMATCH",), matched="10.1/z")
    other_class = evaluate.Outcome(
        invented, "", "inaccurate", ("TITLE_MISMATCH",), matched="10.1/b"
    )
    assert fixed_to_it.right and fixed_to_it.resembled
    assert not fixed_away.right and fixed_away.wrong_work
    assert not other_class.right
    lines = evaluate.headline([fixed_to_it, fixed_away, other_class])
    assert "33.3%  (1/3)" in lines[0] and "(1 inaccurate, fixed to the work" in lines[0]
