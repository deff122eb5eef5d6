"""The offline snapshot: building, rebuilding, DOI lookups, search and locator, on real records."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from veribib.errors import InputError
from veribib.model import Fields, Person, Status
from veribib.resolve.snapshot import Snapshot, default_index_path

from .helpers import PROJECT, shared_dir


@pytest.fixture
def seed(seed_jsonl: Path, tmp_path: Path) -> Iterator[Snapshot]:
    snap = Snapshot.build(seed_jsonl, tmp_path / "seed.sqlite")
    yield snap
    snap.close()


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_builds_from_seed_file_and_indexes_every_record(seed: Snapshot, seed_jsonl: Path) -> None:
    assert seed.stats.rebuilt
    assert seed.stats.records == len(_lines(seed_jsonl)) == 28
    assert seed.stats.skipped == 0


def test_builds_from_recorded_crossref_works(works_jsonl: Path, tmp_path: Path) -> None:
    snap = Snapshot.build(works_jsonl, tmp_path / "works.sqlite")
    try:
        assert snap.stats.records == 502
        assert snap.lookup_dois(["10.1371/journal.pone.0033693"])  # a recorded work
    finally:
        snap.close()


async def test_doi_hit_is_found_and_miss_is_not_authoritative(seed: Snapshot) -> None:
    got = await seed.works_by_doi(["10.1093/asj/sjac149", "10.9999/not.there"])
    hit = got["10.1093/asj/sjac149"]
    assert hit.status is Status.FOUND and hit.source == "snapshot"
    assert hit.value is not None and hit.value.fields.volume == "42"
    assert hit.value.authors_incomplete  # x-provenance.author_list_truncated
    miss = got["10.9999/not.there"]
    assert miss.status is Status.NOT_FOUND
    assert miss.authoritative is False and not miss.is_fact


async def test_doi_lookup_ignores_case(seed: Snapshot) -> None:
    got = await seed.works_by_doi(["10.3390/IJMS241713043"])
    assert got["10.3390/IJMS241713043"].found


async def test_search_finds_anitua_from_its_fields(seed: Snapshot) -> None:
    fields = Fields(
        authors=(Person("Anitua", "E"), Person("Troya", "M")),
        year=2023,
        title="Advances in platelet rich plasma-derived extracellular vesicles for "
        "regenerative medicine: a systematic-narrative review",
        container="Int J Mol Sci",
    )
    got = await seed.search(fields, "", rows=5)
    assert got.found and got.value
    best = got.value[0]
    assert best.doi == "10.3390/ijms241713043"
    assert best.fields.title is not None
    assert best.fields.title.startswith(
        "Advances in Platelet Rich Plasma-Derived Extracellular Vesicles for Regenerative Medicine"
    )
    assert all(w.score is not None for w in got.value)
    scores = [w.score or 0.0 for w in got.value]
    assert scores == sorted(scores, reverse=True)
    assert len(scores) > 1 and scores[0] > 2 * scores[1]


async def test_search_with_nothing_in_common_is_a_non_authoritative_miss(seed: Snapshot) -> None:
    got = await seed.search(Fields(title="Quantum chromodynamics lattice gauge"), "", rows=5)
    assert got.status is Status.NOT_FOUND and not got.authoritative


async def test_locator_finds_proffer(seed: Snapshot) -> None:
    got = await seed.by_locator("Aesthetic Surgery Journal", "42", "1185", 2022)
    assert got.found and got.value
    assert [w.doi for w in got.value] == ["10.1093/asj/sjac149"]


async def test_locator_unknown_volume_does_not_exclude_ash(seed: Snapshot) -> None:
    # The record has no volume (not displayed where it was transcribed); the citation has 6.
    got = await seed.by_locator("Aesthetic Surgery Journal Open Forum", "6", "ojae017", 2024)
    assert got.found and got.value
    assert [w.doi for w in got.value] == ["10.1093/asjof/ojae017"]


@pytest.mark.parametrize(
    "container",
    ["Int J Mol Sci", "Int. J. Mol. Sci.", "International journal of molecular sciences"],
)
def test_locator_matches_journal_abbreviations(seed: Snapshot, container: str) -> None:
    assert [w.doi for w in seed.locate(container, "24", "13043", 2023)] == ["10.3390/ijms241713043"]


def test_locator_rejects_other_volume_and_other_journal(seed: Snapshot) -> None:
    assert seed.locate("Int J Mol Sci", "23", "13043", 2023) == ()
    assert seed.locate("Aesthetic Surgery Journal Open Forum", "42", "1185", 2022) == ()
    assert seed.locate("Aesthetic Surgery Journal", "6", "ojae017", 2024) == ()


def test_records_without_doi_are_searchable_and_locatable(seed: Snapshot) -> None:
    text = (
        "Arabpour M, Saghazadeh A, Rezaei N. Anti-inflammatory and M2 macrophage "
        "polarization-promoting effect of mesenchymal stem cell-derived exosomes. "
        "Int Immunopharmacol. 2021;97:107823."
    )
    found = seed.search_works(Fields(), text, rows=3)
    assert found and found[0].doi is None
    assert found[0].fields.authors[0].family == "Arabpour"
    # "Platelet-Rich Plasma for the Aesthetic Surgeon", Facial Plastic Surgery 33:437, no DOI.
    located = seed.locate("Facial Plast Surg", "33", "437", 2017)
    assert [w.fields.title for w in located] == ["Platelet-Rich Plasma for the Aesthetic Surgeon"]


def test_gzipped_input(seed_jsonl: Path, tmp_path: Path) -> None:
    gz = tmp_path / "seed.jsonl.gz"
    gz.write_bytes(gzip.compress(seed_jsonl.read_bytes()))
    snap = Snapshot.build(gz, tmp_path / "gz.sqlite")
    try:
        assert snap.stats.records == 28
        assert snap.lookup_dois(["10.1093/asj/sjac149"])
    finally:
        snap.close()


def test_whole_api_responses_are_accepted(tmp_path: Path) -> None:
    data = shared_crossref("habanero__work_10.1371_journal.pone.0033693.json")
    listing = shared_crossref("habanero__works_query_ecology_rows2.json")
    path = tmp_path / "responses.jsonl"
    path.write_text(
        json.dumps(json.loads(data)) + "\n" + json.dumps(json.loads(listing)) + "\n",
        encoding="utf-8",
    )
    snap = Snapshot.build(path, tmp_path / "r.sqlite")
    try:
        assert snap.stats.records == 3  # one work, plus a list of two
        assert snap.lookup_dois(["10.1371/journal.pone.0033693"])
    finally:
        snap.close()


def shared_crossref(name: str) -> str:
    return (shared_dir() / "data" / "crossref" / name).read_text(encoding="utf-8")


def test_malformed_lines_are_skipped_and_counted(seed_jsonl: Path, tmp_path: Path) -> None:
    lines = seed_jsonl.read_text(encoding="utf-8").splitlines()
    bad = [lines[0], "{not json", "[1, 2]", '{"type": "journal-article"}', "", lines[1], "\xff"]
    path = tmp_path / "bad.jsonl"
    path.write_bytes("\n".join(bad).encode("utf-8") + b"\n\xfe\xfd\n")
    snap = Snapshot.build(path, tmp_path / "bad.sqlite")
    try:
        assert snap.stats.records == 2
        assert snap.stats.skipped == 5  # bad JSON, array, no DOI nor title, "\xff", bytes
        assert any(":2: not a JSON line" in w for w in snap.stats.warnings)
    finally:
        snap.close()


def test_unchanged_file_reuses_index_and_changed_file_rebuilds(
    seed_jsonl: Path, tmp_path: Path
) -> None:
    path = tmp_path / "s.jsonl"
    shutil.copy(seed_jsonl, path)
    index = tmp_path / "s.sqlite"
    Snapshot.build(path, index).close()

    again = Snapshot.build(path, index)
    assert not again.stats.rebuilt and again.stats.records == 28
    again.close()

    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # touched, same content
    touched = Snapshot.build(path, index)
    assert not touched.stats.rebuilt
    touched.close()

    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"DOI": "10.5555/new", "title": ["A new one"]}) + "\n")
    changed = Snapshot.build(path, index)
    try:
        assert changed.stats.rebuilt and changed.stats.records == 29
        assert changed.lookup_dois(["10.5555/new"])
    finally:
        changed.close()


def test_same_size_different_content_rebuilds(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"DOI": "10.5555/aaaa", "title": ["T"]}) + "\n", encoding="utf-8")
    index = tmp_path / "s.sqlite"
    Snapshot.build(path, index).close()
    stat = path.stat()
    path.write_text(json.dumps({"DOI": "10.5555/bbbb", "title": ["T"]}) + "\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    snap = Snapshot.build(path, index)
    try:
        assert snap.stats.rebuilt
        assert snap.lookup_dois(["10.5555/bbbb"]) and not snap.lookup_dois(["10.5555/aaaa"])
    finally:
        snap.close()


def test_duplicate_dois_keep_the_first(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"DOI": "10.5555/x", "title": ["First"]})
        + "\n"
        + json.dumps({"DOI": "10.5555/X", "title": ["Second"]})
        + "\n",
        encoding="utf-8",
    )
    snap = Snapshot.build(path, tmp_path / "d.sqlite")
    try:
        assert snap.stats.duplicates == 1
        assert snap.lookup_dois(["10.5555/x"])["10.5555/x"].fields.title == "First"
    finally:
        snap.close()


def test_open_puts_index_in_cache_dir_not_next_to_input(seed_jsonl: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "seed.jsonl"
    shutil.copy(seed_jsonl, path)
    snap = Snapshot.open(path, cache_dir=tmp_path / "cache")
    try:
        assert snap.index_path == default_index_path(path, tmp_path / "cache")
        assert snap.index_path.is_file()
        assert snap.index_path.is_relative_to(tmp_path / "cache")
        assert sorted(p.name for p in data.iterdir()) == ["seed.jsonl"]
    finally:
        snap.close()


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.jsonl"):
        Snapshot.build(tmp_path / "nope.jsonl", tmp_path / "x.sqlite")


def test_bundled_snapshot_is_the_seed_file_with_its_notice(seed_jsonl: Path) -> None:
    bundled = PROJECT / "bib" / "snapshot"
    assert (bundled / "seed-works.jsonl").read_bytes() == seed_jsonl.read_bytes()
    notice = (bundled / "NOTICE.md").read_text(encoding="utf-8")
    assert "transcribed by hand" in notice and "not" in notice.lower()
