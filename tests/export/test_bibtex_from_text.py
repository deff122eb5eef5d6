"""BibTeX written from a text reference list: organisations braced whole, Vancouver initials
spelled out, trial registrations as registry records (never ``journal = {Accessed}``)."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

import veribib
from veribib.export.bibtex_fresh import fresh_bibtex
from veribib.export.bibtex_values import bib_given

TEXT = """References

1. Smith SL, Jones AB. Platelet-rich plasma in chronic tendinopathy: a randomized trial. J Orthop Res. 2020;38(4):812-820.
2. World Health Organization. Global tuberculosis report 2023. Geneva: World Health Organization; 2023.
3. National Institute for Health and Care Excellence. Osteoarthritis in over 16s: diagnosis and management. NICE guideline NG226. London: NICE; 2022.
4. Exosome therapy for knee osteoarthritis. ClinicalTrials.gov identifier: NCT04567834. Updated March 2, 2021. Accessed May 5, 2022. https://clinicaltrials.gov/ct2/show/NCT04567834
5. National Cancer Institute. Pembrolizumab in advanced melanoma. ClinicalTrials.gov. NCT02142738. Accessed June 1, 2023.
"""  # noqa: E501 - reference lines are one line each, as pasted


@pytest.fixture(scope="module")
def entries(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    tmp: Path = tmp_path_factory.mktemp("fresh")
    settings = veribib.load_settings(
        tmp, environ={}, offline=True, db=str(tmp / "db.sqlite"), cache_dir=str(tmp)
    )
    report = veribib.check_text(TEXT, settings, name="refs.txt")
    text, _changes, written = fresh_bibtex(report.documents[0])
    assert written == 5
    lib = bibtexparser.parse_string(text)
    return [{f.key: f.value for f in e.fields} | {"_type": e.entry_type} for e in lib.entries]


def test_run_together_initials_are_spelled_out(entries: list[dict[str, str]]) -> None:
    assert entries[0]["author"] == "Smith, S. L. and Jones, A. B."
    assert bib_given("SL") == "S. L." and bib_given("Jean-Luc") == "Jean-Luc"


def test_organisations_are_braced_whole(entries: list[dict[str, str]]) -> None:
    assert entries[1]["author"] == "{World Health Organization}"
    assert entries[2]["author"] == "{National Institute for Health and Care Excellence}"


def test_trial_registrations_are_registry_records(entries: list[dict[str, str]]) -> None:
    for entry in entries[3:]:
        assert entry["_type"] == "misc"
        assert "journal" not in entry
        assert entry["howpublished"] == "ClinicalTrials.gov"
        assert "clinicaltrials.gov NCT" in entry["note"]
    assert entries[4]["url"] == "https://clinicaltrials.gov/study/NCT02142738"
