"""The library: works across documents (list, show), what changes over time (recheck, diff),
the cleaned export, and databases made before the work table existed."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
from typer.testing import Result

from veribib.store import SCHEMA_VERSION, Store

from .conftest import DATA, World

BOETTIGER = "10.1007/s12080-013-0192-6"  # cited by all three documents, in three styles
PERKINS = "10.1002/ece3.2314"  # refs.bib and vancouver.txt
LI = "10.1016/j.eng.2018.11.031"  # refs.bib and apa.txt
DING = "10.1016/j.eng.2020.07.020"  # apa.txt and vancouver.txt


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


def _works(world: World, *args: str) -> dict[str, dict[str, Any]]:
    result = world.run("library", "list", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return {w["doi"]: w for w in _json(result)["works"]}


def test_a_work_cited_in_three_styles_is_one_work_with_three_citations(
    world: World, checked: Callable[..., Result]
) -> None:
    checked()
    checked()  # a second run: one more verdict per citation, still one work each
    works = _works(world)
    assert set(works) == {BOETTIGER, PERKINS, LI, DING}
    assert works[BOETTIGER]["citations"] == 3
    assert set(works[BOETTIGER]["documents"]) == {world.doc(n) for n in DATA_NAMES}
    assert {w["citations"] for d, w in works.items() if d != BOETTIGER} == {2}
    assert all(w["verdict"] == "verified" for w in works.values())
    only_apa = _works(world, "--document", world.doc("apa.txt"))
    assert set(only_apa) == {BOETTIGER, LI, DING}

    shown = world.run("library", "show", BOETTIGER, "--format", "json")
    assert shown.exit_code == 0, shown.output
    (work,) = _json(shown)["works"]
    assert work["record"]["doi"] == BOETTIGER
    citations = {Path(c["document"]).name: c for c in work["citations"]}
    assert set(citations) == set(DATA_NAMES)
    assert citations["refs.bib"]["key"] == "boettiger2013early"
    assert citations["apa.txt"]["raw_text"].startswith("Boettiger, C., Ross, N., & Hastings, A.")
    assert citations["vancouver.txt"]["raw_text"].startswith("Boettiger C, Ross N, Hastings A.")
    for c in citations.values():
        assert [v["verdict"] for v in c["verdicts"]] == ["verified", "verified"]
        assert c["origin"].startswith(c["document"] + ":")
    assert [h["verdict"] for h in work["history"]] == ["verified", "verified"]
    assert all(h["evidence"] for h in work["history"])

    table = world.run("library", "show", "boettiger2013early")  # by its BibTeX key
    assert table.exit_code == 0, table.output
    assert "Citations (3)" in table.output and "History (2 checks)" in table.output


DATA_NAMES = ("refs.bib", "apa.txt", "vancouver.txt")


def _retracted(record: dict[str, Any]) -> dict[str, Any]:
    """The record as Crossref shows it once a retraction notice is attached.

    Shape of an ``updated-by`` entry as recorded in
    shared/data/crossref/habanero__work_10.1371_journal.pone.0033693.json (a correction);
    here with type ``retraction`` and source ``retraction-watch``, as Crossref marks notices
    taken from the Retraction Watch database.
    """
    changed = copy.deepcopy(record)
    changed["updated-by"] = [
        {
            "DOI": "10.1007/s12080-026-00001-x",
            "type": "retraction",
            "label": "Retraction",
            "source": "retraction-watch",
            "record-id": "61234",
            "updated": {
                "date-parts": [[2026, 11, 2]],
                "date-time": "2026-11-02T00:00:00Z",
                "timestamp": 1793577600000,
            },
        }
    ]
    return changed


def test_a_work_retracted_between_runs_is_reported_by_recheck_and_diff(
    world: World, checked: Callable[..., Result]
) -> None:
    checked()
    quiet = world.run("recheck", "--older-than", "0d", "--fail-on", "retracted")
    assert quiet.exit_code == 0, quiet.output  # nothing changed yet: nothing to report
    assert "rechecked 4 works" in quiet.output and "0 change(s)" in quiet.output

    world.server.amend_works([_retracted(world.server.corpus.works[BOETTIGER])])
    young = world.run("recheck", "--older-than", "30d", "--fail-on", "retracted")
    assert young.exit_code == 0 and "rechecked 0 works" in young.output  # facts are fresh

    result = world.run("recheck", "--older-than", "0d", "--fail-on", "retracted")
    assert result.exit_code == 1, result.output
    assert "retracted" in result.output and BOETTIGER in result.output
    news = _json(world.run("recheck", "--older-than", "0d", "--format", "json"))
    assert news["recheck"]["news"] == []  # reported once: now it is known
    assert set(_works(world, "--flag", "retracted")) == {BOETTIGER}

    diff = world.run("diff", world.doc("apa.txt"), "--fail-on", "retracted", "--format", "json")
    assert diff.exit_code == 1, diff.output
    (doc,) = _json(diff)["documents"]
    (entry,) = doc["entries"]
    assert entry["change"] == "flagged" and entry["work"] == "doi:" + BOETTIGER
    assert "retracted" in entry["flags_after"] and "retracted" not in entry["flags_before"]
    again = world.run("diff", world.doc("apa.txt"), "--fail-on", "retracted")
    assert again.exit_code == 0, again.output  # the baseline moved: no longer new

    shown = _json(world.run("library", "show", BOETTIGER, "--format", "json"))["works"][0]
    kinds = ["check", "recheck", "recheck", "recheck", "check", "check"]  # 2 diffs check anew
    assert [h["kind"] for h in shown["history"]] == kinds
    assert any("retracted" in c for h in shown["history"] for c in h["changes"])

    out = world.root / "library.bib"  # the cleaned library keeps it, marked
    assert world.run("library", "export", "-o", str(out)).exit_code == 0
    parsed = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    notes = {e.fields_dict["doi"].value: e.fields_dict.get("note") for e in parsed.entries}
    assert notes[BOETTIGER] is not None and notes[BOETTIGER].value == "Retracted"
    assert notes[DING] is None


VANCOUVER_EDITED = """Dispersal and early warnings

Early warnings have limits [1]; so do facades [2] and cement [3].

References

1. Boettiger C, Ross N, Hastings A. Early warning signals: the charted and uncharted territories. Theor Ecol. 2013;6(3):255-64.
2. Ding F, Kareem A. Tall buildings with dynamic facade under winds. Engineering. 2020;6(12):1443-75.
3. Li VC. High-performance and multifunctional cement-based composite material. Engineering. 2019;5(2):250-60.
"""  # noqa: E501


def test_diff_after_editing_lists_exactly_what_was_added_removed_and_changed(
    world: World, checked: Callable[..., Result]
) -> None:
    checked("vancouver.txt")
    path = world.root / "vancouver.txt"
    path.write_text(VANCOUVER_EDITED, encoding="utf-8")
    result = world.run("diff", str(path), "--format", "json", "--fail-on", "inaccurate")
    (doc,) = _json(result)["documents"]
    changes = {(e["change"], e["work"]): e for e in doc["entries"]}
    assert set(changes) == {
        ("added", "doi:" + LI),
        ("removed", "doi:" + PERKINS),
        ("changed", "doi:" + DING),
    }
    ding = changes[("changed", "doi:" + DING)]
    assert (ding["before"], ding["after"]) == ("verified", "inaccurate")
    assert ding["origin"] == f"{path}:8"
    assert result.exit_code == 1  # the inaccurate page range is a new problem
    table = world.run("diff", "--since", str(doc["baseline_run"]))
    assert "added" in table.output and "removed" in table.output and "changed" in table.output


def test_export_reparses_to_the_librarys_works(
    world: World, checked: Callable[..., Result]
) -> None:
    checked()
    bib, csl = world.root / "library.bib", world.root / "library.json"
    for target in (bib, csl):
        result = world.run("library", "export", "-o", str(target))
        assert result.exit_code == 0, result.output
    dois = set(_works(world, "--verdict", "verified"))
    parsed = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    assert not parsed.failed_blocks
    assert {e.fields_dict["doi"].value.lower() for e in parsed.entries} == dois
    items = json.loads(csl.read_text(encoding="utf-8"))
    schema = json.loads((DATA / "csl" / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, schema)
    assert {i["DOI"].lower() for i in items} == dois
    by_doi = {i["DOI"].lower(): i for i in items}
    title = "Early warning signals: the charted and uncharted territories"
    assert by_doi[BOETTIGER]["title"] == title
    assert [a["family"] for a in by_doi[BOETTIGER]["author"]] == ["Boettiger", "Ross", "Hastings"]
    assert not list(world.root.glob(".library.*"))  # no temporary file left behind


def test_an_invalid_schema_item_is_caught() -> None:
    """The schema check can fail: an item without its required ``type`` is refused."""
    schema = json.loads((DATA / "csl" / "csl-data.json").read_text(encoding="utf-8"))
    try:
        jsonschema.validate([{"id": "x", "title": "T"}], schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an item without a type passed the CSL-JSON schema")


def test_a_database_made_before_the_work_table_is_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    Store(url).close()
    con = sqlite3.connect(tmp_path / "old.sqlite")  # back to schema 1, with a run in it
    con.executescript(
        """
        DROP INDEX ix_reference_work_id;
        CREATE TABLE reference_v1 AS SELECT id, run_id, document_id, ref_id, raw_text,
            origin_file, origin_line, key, fields, identifiers FROM reference;
        DROP TABLE reference;
        ALTER TABLE reference_v1 RENAME TO reference;
        DROP TABLE work_check;
        DROP TABLE work;
        """
    )
    con.execute("DELETE FROM schema_version WHERE version > 1")
    con.execute("INSERT INTO run (key, started_at, status, options, veribib_version) "
                "VALUES ('k', '2026-01-01T00:00:00+00:00', 'done', '{}', '0.1.0')")  # fmt: skip
    con.commit()
    con.close()
    store = Store(url)
    assert store.schema_version() == SCHEMA_VERSION == 3
    columns = [r[1] for r in sqlite3.connect(tmp_path / "old.sqlite").execute(
        "PRAGMA table_info(reference)")]  # fmt: skip
    assert "work_id" in columns and "verdict_id" in columns
    assert len(store.runs()) == 1  # the old run is kept


def test_unknown_work_and_bad_options_are_one_line_errors(
    world: World, checked: Callable[..., Result]
) -> None:
    checked("refs.bib")
    for args, needle in (
        (("library", "show", "10.9999/nothing"), "no such work"),
        (("library", "list", "--verdict", "great"), "--verdict 'great'"),
        (("recheck", "--older-than", "soon"), "--older-than 'soon'"),
        (("diff", "--since", "yesterday"), "--since 'yesterday'"),
        (("library", "export", "-o", str(world.root / "x.txt")), "give a .bib or .json"),
    ):
        result = world.run(*args)
        assert result.exit_code == 2, result.output
        assert needle in result.output
        assert "Traceback" not in result.output


PREPRINT = "10.1101/2020.12.01.406702"  # a bioRxiv record (posted-content) in the corpus
NEW_DOI = "10.1016/j.coastaleng.2026.104500"  # not registered at first
CHANGES_BIB = """@misc{joyce2020identification,
  author = {Joyce, Luke R. and Manzer, Haider S. and Mendonça, Jéssica da C. and Villarreal,
            Ricardo and Nagao, Prescilla E. and Doran, Kelly S. and Palmer, Kelli L. and
            Guan, Ziqiang},
  title = {Identification of a novel cationic glycolipid in Streptococcus agalactiae that
           contributes to brain entry and meningitis},
  year = {2020},
  howpublished = {bioRxiv},
  doi = {10.1101/2020.12.01.406702},
}

@article{ting2026nearbed,
  author = {Ting, Francis C. K.},
  title = {Near-bed turbulence under plunging breakers, revisited},
  journal = {Coastal Engineering},
  year = {2026},
  volume = {205},
  pages = {104500},
  doi = {10.1016/j.coastaleng.2026.104500},
}
"""


def test_recheck_reports_a_preprint_now_published_and_a_doi_now_resolving(
    world: World,
) -> None:
    path = world.root / "changes.bib"
    path.write_text(CHANGES_BIB, encoding="utf-8")
    assert world.run("check", str(path), "-q").exit_code == 1  # the unregistered DOI
    works = world.server.corpus.works
    published = copy.deepcopy(works[PREPRINT])
    # Crossref's relation shape (id, id-type, asserted-by), as on recorded preprints.
    published["relation"] = {
        "is-preprint-of": [
            {"id": "10.1371/journal.ppat.1009999", "id-type": "doi", "asserted-by": "subject"}
        ]
    }
    registered = copy.deepcopy(works["10.1016/j.coastaleng.2013.02.014"])  # Ting's, renewed
    registered.update(
        DOI=NEW_DOI,
        title=["Near-bed turbulence under plunging breakers, revisited"],
        volume="205",
        page="104500",
        issued={"date-parts": [[2026, 3, 1]]},
        published={"date-parts": [[2026, 3, 1]]},
    )
    registered.pop("published-print", None)
    registered.pop("published-online", None)
    registered.pop("issue", None)
    world.server.amend_works([published, registered])

    result = world.run("recheck", "--older-than", "0d", "--format", "json")
    assert result.exit_code == 0, result.output  # neither is a problem at --fail-on fabricated
    news = {n["kind"]: n for n in _json(result)["recheck"]["news"]}
    assert set(news) == {"preprint_now_published", "doi_now_resolving"}
    assert news["doi_now_resolving"]["before"] == "fabricated"
    assert news["doi_now_resolving"]["after"] == "verified"
    assert "preprint_has_published_version" in news["preprint_now_published"]["flags_after"]
