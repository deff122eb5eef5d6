"""Many inputs in one run: a bad file does not stop the good ones; shared works are asked once."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl

from veribib.pipeline import check

from .support import StandIn, cli_env, run_cli, settings_for, write_bibliography


def _doi_filters(server: StandIn) -> list[str]:
    """Every DOI the stand-in was asked about, by batch filter or single-work path."""
    asked: list[str] = []
    for r in server.requests_to("crossref"):
        if r.path == "/works" and "filter=" in r.query:
            flt = dict(parse_qsl(r.query)).get("filter", "")
            asked += [p[4:].lower() for p in flt.split(",") if p.startswith("doi:")]
        elif r.path.startswith("/works/") and not r.path.endswith("/agency"):
            asked.append(r.path[len("/works/") :].lower())
    return asked


def test_bad_file_among_good_ones_names_it_and_keeps_the_others(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    server = standin()
    bib, txt = write_bibliography(tmp_path / "in", 12)
    folder = tmp_path / "in" / "dir"
    folder.mkdir()
    shutil.copy(bib, folder / "copy.bib")
    bad = tmp_path / "in" / "broken.bib"
    bad.write_bytes(bytes(range(256)) * 40)  # binary: unreadable as any format
    result = run_cli(
        ["check", str(bib), str(bad), str(txt), str(folder), "--format", "json", "-q"],
        cli_env(server, tmp_path / "db.sqlite"),
        cwd=tmp_path,
    )
    assert result.returncode == 2, result.stderr  # unreadable input, per the CLI contract
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr
    report = json.loads(result.stdout)
    inputs = {i["file"]: i for i in report["run"]["inputs"]}
    assert inputs[str(bad)]["error"]
    assert inputs[str(bad)]["references"] == 0
    for good in (bib, txt, folder / "copy.bib"):
        assert inputs[str(good)]["error"] is None
        assert inputs[str(good)]["references"] == 12
    files = Counter(r["origin"]["file"] for r in report["references"])
    assert files == {str(bib): 12, str(txt): 12, str(folder / "copy.bib"): 12}
    assert all(r["verdict"] for r in report["references"])


def test_every_input_unreadable_exits_2_naming_the_first(tmp_path: Path) -> None:
    bad = tmp_path / "a.bib"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    empty = tmp_path / "b.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = run_cli(
        ["check", str(bad), str(empty), "--offline", "-q"],
        cli_env(None, tmp_path / "db.sqlite"),
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_works_shared_by_several_files_are_looked_up_once(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    server = standin()
    bib, txt = write_bibliography(tmp_path, 30)
    twin = tmp_path / "twin.bib"
    shutil.copy(bib, twin)
    settings = settings_for(server, tmp_path / "db.sqlite")
    report = check([bib, twin, txt], settings)
    assert len(report.references) == 90
    asked = _doi_filters(server)
    assert asked, "the bibliography cites DOIs"
    assert len(asked) == len(set(asked)), Counter(asked).most_common(3)

    searches = [
        r.query
        for r in server.requests_to("crossref")
        if r.path == "/works" and "query." in r.query
    ]
    assert searches, "the bibliography has references without DOI"
    assert len(searches) == len(set(searches)), "an identical search was asked twice"


def test_a_second_copy_of_a_file_adds_no_request(
    tmp_path: Path, standin: Callable[..., StandIn]
) -> None:
    bib, _ = write_bibliography(tmp_path, 30)
    twin = tmp_path / "twin.bib"
    shutil.copy(bib, twin)
    solo, both = standin(), standin()
    check([bib], settings_for(solo, tmp_path / "solo.sqlite"))
    report = check([bib, twin], settings_for(both, tmp_path / "both.sqlite"))
    assert len(report.references) == 60
    assert solo.counters.total > 0
    assert both.counters.total == solo.counters.total
    assert Counter(_doi_filters(both)) == Counter(_doi_filters(solo))
