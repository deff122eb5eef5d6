"""--format json: valid against the shipped schema, complete, and the schema has teeth."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest

from veribib import __version__
from veribib.export import OutputFormat, load_schema, render
from veribib.export.interface import Report

from .builders import PROJECT, XSS

Validator = jsonschema.Draft202012Validator


@pytest.fixture(scope="module")
def doc(report: Report) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(render(report, OutputFormat.JSON))
    return parsed


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Validator.check_schema(schema)


def test_output_validates(doc: dict[str, Any]) -> None:
    errors = list(Validator(load_schema()).iter_errors(doc))
    assert errors == []


def test_header_and_summary(doc: dict[str, Any], report: Report) -> None:
    assert doc["schema"] == 1
    assert doc["veribib"] == __version__
    assert doc["run"]["id"] == 7
    assert doc["run"]["offline"] is False
    assert [i["file"] for i in doc["run"]["inputs"]] == ["refs.bib", "manuscript.txt"]
    s = doc["summary"]
    assert (s["total"], s["verified"], s["inaccurate"], s["unresolved"], s["fabricated"]) == (
        7,
        3,
        1,
        2,
        1,
    )
    assert s["flags"]["retracted"] == 1 and s["flags"]["corrected"] == 1
    assert s["flags"]["uncited"] == 1 and s["flags"]["duplicate"] == 0
    assert s["failed_lookups"] == 2


def test_every_reference_in_input_order(doc: dict[str, Any], report: Report) -> None:
    assert [r["id"] for r in doc["references"]] == [c.reference.id for c in report.references]


def test_reference_details(doc: dict[str, Any]) -> None:
    by_key = {r["key"]: r for r in doc["references"]}
    xing = by_key["xing2020emerging"]
    assert xing["verdict"] == "inaccurate"
    assert xing["origin"] == {"file": "refs.bib", "line": 18}
    assert xing["match"]["doi"] == "10.7150/thno.48291"
    assert xing["suggested_doi"] == "10.7150/thno.48291"
    assert {c["field"]: c["agrees"] for c in xing["comparisons"]}["year"] is False
    assert xing["fix"]["corrections"] == [
        {"field": "year", "cited": "2021", "found": "2020"},
        {"field": "pages", "cited": "8648-8660", "found": "8648-8664"},
    ]
    assert xing["fix"]["add_doi"] == "10.7150/thno.48291"
    smith = by_key["smith2021microneedle"]
    assert smith["verdict"] == "fabricated"
    assert smith["evidence"][0] == {
        "code": "DOI_NOT_FOUND",
        "message": "doi.org: DOI 10.1093/asj/sjab999 does not exist",
    }
    assert smith["reason"] == smith["evidence"][0]["message"]
    assert smith["match"] is None
    assert smith["likely_source"]["doi"] == "10.1093/asj/sjac149"
    assert by_key["2"]["flags"] == ["retracted"]


def test_citations_and_untrusted_text(doc: dict[str, Any]) -> None:
    cites = doc["citations"]["manuscript.txt"]
    assert [c["text"] for c in cites["unmatched"]] == ["[4]"]
    assert cites["unmatched"][0]["origin"] == {"file": "manuscript.txt", "line": 17}
    assert cites["uncited"] == ["manuscript.txt#3"]
    assert doc["citations"]["refs.bib"] == {"found": 0, "unmatched": [], "uncited": []}
    # JSON carries text as data: the markup is kept verbatim, not mangled.
    assert any(XSS in r["raw"] for r in doc["references"])


def _invalid(doc: dict[str, Any]) -> list[str]:
    return [e.message for e in Validator(load_schema()).iter_errors(doc)]


def test_schema_rejects_broken_documents(doc: dict[str, Any]) -> None:
    bad_verdict = copy.deepcopy(doc)
    bad_verdict["references"][0]["verdict"] = "probably fine"
    assert _invalid(bad_verdict)

    missing = copy.deepcopy(doc)
    del missing["summary"]["fabricated"]
    assert _invalid(missing)

    wrong_version = copy.deepcopy(doc)
    wrong_version["schema"] = 2
    assert _invalid(wrong_version)

    stray = copy.deepcopy(doc)
    stray["references"][1]["comparisons"][0]["similarity"] = 1.5
    assert _invalid(stray)

    unknown_flag = copy.deepcopy(doc)
    unknown_flag["references"][0]["flags"] = ["suspicious"]
    assert _invalid(unknown_flag)


def test_schema_doc_names_every_top_level_and_reference_key() -> None:
    """docs/json-schema.md documents every key the schema defines (keeps the docs honest)."""
    text = (PROJECT / "docs" / "json-schema.md").read_text("utf-8")
    schema = load_schema()
    keys = set(schema["properties"]) | set(schema["$defs"]["reference"]["properties"])
    keys |= set(schema["properties"]["summary"]["properties"])
    missing = sorted(k for k in keys if f"`{k}`" not in text)
    assert missing == []


def test_schema_ships_inside_the_package() -> None:
    from importlib import resources

    assert resources.files("veribib.export").joinpath("schema.json").is_file()
