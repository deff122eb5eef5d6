"""Registry JSON → model types, on real recorded responses."""

from __future__ import annotations

import json
import os
from pathlib import Path

from veribib.model import ReferenceType
from veribib.resolve.records import (
    clean_text,
    trial_from_ctgov,
    work_from_crossref,
    work_from_datacite,
)

SHARED = Path(
    os.environ.get("VERIBIB_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared")
)
DATA = SHARED / "data"


def _message(name: str) -> dict[str, object]:
    return json.loads((DATA / "crossref" / name).read_text(encoding="utf-8"))["message"]


def test_crossref_work_fields() -> None:
    work = work_from_crossref(_message("habanero__work_10.1136_esmoopen-2020-000776.json"))
    assert work.doi == "10.1136/esmoopen-2020-000776"
    assert work.fields.authors[0].family == "Iwasa" and work.fields.authors[0].given == "Satoru"
    assert work.fields.year == 2020
    assert work.fields.pages == "e000776" and work.article_number == "e000776"
    assert work.container_short == ("ESMO Open",)
    assert work.trial_numbers == ("NCT03797326", "NCT04008797")
    assert work.fields.type is ReferenceType.JOURNAL_ARTICLE


def test_crossref_updates_become_updates() -> None:
    work = work_from_crossref(_message("habanero__work_10.1371_journal.pone.0033693.json"))
    assert [u.type for u in work.updates] == ["correction"]
    assert work.updates[0].doi and work.updates[0].doi.startswith("10.1371/annotation/")


def test_every_recorded_work_normalises() -> None:
    lines = (DATA / "crossref" / "works-2026-06.jsonl").read_text(encoding="utf-8").splitlines()
    works = [work_from_crossref(json.loads(line)) for line in lines]
    assert len(works) == 502
    assert all(w.doi for w in works)
    assert sum(1 for w in works if w.fields.title) == 484  # 18 records carry no title
    assert all(w.fields.year is None or 1000 <= w.fields.year <= 9999 for w in works)


def test_seed_records_keep_their_provenance() -> None:
    rows = [
        json.loads(x) for x in (DATA / "seed-works.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    works = [work_from_crossref(r, source="snapshot") for r in rows]
    no_doi = [w for w in works if w.doi is None]
    assert no_doi and all(w.fields.title for w in no_doi)
    proffer = next(w for w in works if w.doi == "10.1093/asj/sjac149")
    assert proffer.authors_incomplete and proffer.fields.first_page == "1185"


def test_datacite_record() -> None:
    raw = json.loads(
        (DATA / "crossref" / "commonmeta__datacite_dois_10.48550_arxiv.1902.02534.json").read_text()
    )
    work = work_from_datacite(raw["data"])
    assert work.source == "datacite" and work.doi == "10.48550/arxiv.1902.02534"
    assert work.fields.year == 2019 and work.fields.type is ReferenceType.PREPRINT
    assert work.fields.authors[0].family == "Heibi"


def test_ctgov_study() -> None:
    trial = trial_from_ctgov(json.loads((DATA / "ctgov" / "nct06323538.json").read_text()))
    assert trial.id == "NCT06323538"
    assert trial.acronym == "COPLANT"
    assert trial.brief_title.startswith("Cohort Study on Plant-based Diets")
    # what else it studies: outcome measures, arm groups and its summary
    assert "Incidence of diabetes type 2" in trial.described
    assert "Vitamin B12" in trial.described and "vegans" in trial.described


def test_clean_text_strips_markup() -> None:
    assert clean_text("<jats:italic>E. coli</jats:italic>  &amp; friends") == "E. coli & friends"
    assert clean_text("   ") is None and clean_text(3) is None
