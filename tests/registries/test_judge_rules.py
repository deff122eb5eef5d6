"""The judge's rules for the registries beyond Crossref, on hand-built resolutions: each
accuses only on facts, and any outage or unanswered registry leaves the verdict unresolved."""

from __future__ import annotations

from dataclasses import replace

import pytest

from veribib.judge import judge
from veribib.model import (
    Fields,
    Identifiers,
    Origin,
    Outcome,
    Person,
    RawReference,
    Reference,
    ReferenceType,
    Resolution,
    Status,
    VenueFact,
    Verdict,
    Work,
)

CITED = Fields(
    authors=(Person("Lindqvist", "P"), Person("Oduya", "MA")),
    year=2019,
    title="Serum ferritin trajectories after bariatric surgery: a multicentre cohort",
    container="J Transl Cardiorenal Metab Sci",
    volume="12",
    pages="45-52",
    type=ReferenceType.JOURNAL_ARTICLE,
)
OTHER = Work(
    "crossref",
    "10.1000/other",
    Fields(authors=(Person("Smith", "J"),), year=2015, title="Unrelated work on soil carbon"),
)


def _ref(fields: Fields = CITED, ids: Identifiers | None = None) -> Reference:
    raw = RawReference(text="a reference", origin=Origin("refs.txt", 1))
    return Reference("refs.txt#1", raw, fields, ids or Identifiers())


def _searched(*registries: tuple[str, Status]) -> Resolution:
    """Crossref answered with an unrelated work; each registry answered as given."""
    return Resolution(
        search=Outcome(Status.FOUND, (OTHER,), source="crossref"),
        registries=tuple((name, Outcome(status, source=name)) for name, status in registries),
    )


def _venue(registry: str, known: bool, status: Status = Status.FOUND) -> Outcome[VenueFact]:
    fact = VenueFact(registry, CITED.container or "", known, year=2019)
    return Outcome(status, fact if status is Status.FOUND else None, source=registry)


def test_a_venue_no_registry_knows_is_fabricated() -> None:
    res = replace(
        _searched(("pubmed", Status.NOT_FOUND), ("openalex", Status.NOT_FOUND)),
        venues=(_venue("openalex", False), _venue("nlm-catalog", False)),
    )
    j = judge(_ref(), res)
    assert j.verdict is Verdict.FABRICATED
    assert j.evidence[0].code == "VENUE_UNKNOWN"


@pytest.mark.parametrize(
    "res",
    [
        # one journal registry knows it: a real journal
        replace(
            _searched(("openalex", Status.NOT_FOUND)),
            venues=(_venue("openalex", False), _venue("nlm-catalog", True)),
        ),
        # one journal registry did not answer
        replace(
            _searched(("openalex", Status.NOT_FOUND)),
            venues=(_venue("openalex", False), _venue("nlm-catalog", False, Status.UNAVAILABLE)),
        ),
        # a title search was down: the title may exist there
        replace(
            _searched(("openalex", Status.UNAVAILABLE)),
            venues=(_venue("openalex", False), _venue("nlm-catalog", False)),
        ),
        # no journal registry asked
        _searched(("openalex", Status.NOT_FOUND)),
    ],
)
def test_a_venue_is_no_evidence_without_every_fact(res: Resolution) -> None:
    j = judge(_ref(), res)
    assert j.verdict is Verdict.UNRESOLVED, j.evidence


def test_an_arxiv_id_that_does_not_exist_on_a_found_work_is_a_wrong_id() -> None:
    record = Work("dblp", None, replace(CITED, container=None, volume=None, pages=None))
    res = Resolution(
        search=Outcome(Status.FOUND, (record,), source="dblp"),
        arxiv=Outcome(Status.NOT_FOUND, source="arxiv", detail="arXiv has no paper with this id"),
    )
    cited = replace(CITED, container=None, volume=None, pages=None, type=None)
    j = judge(_ref(cited, Identifiers(arxiv="2106.99871")), res)
    assert j.verdict is Verdict.INACCURATE
    assert j.evidence[0].code == "ARXIV_NOT_FOUND"


def test_an_arxiv_outage_is_never_an_accusation() -> None:
    cited = replace(CITED, container=None, volume=None, pages=None, type=None)
    res = replace(
        _searched(("openalex", Status.NOT_FOUND)),
        arxiv=Outcome(Status.UNAVAILABLE, source="arxiv", detail="HTTP 503 after 4 attempts"),
    )
    j = judge(_ref(cited, Identifiers(arxiv="2106.99871")), res)
    assert j.verdict is Verdict.UNRESOLVED
    assert "ARXIV_NOT_FOUND" not in {e.code for e in j.evidence}


def test_an_indexed_cs_venue_needs_dblp_and_openalex_answering() -> None:
    cited = replace(
        CITED, container="NeurIPS", volume=None, pages=None, type=ReferenceType.PROCEEDINGS_ARTICLE
    )
    dblp_fact = Outcome(
        Status.FOUND, VenueFact("dblp", "NeurIPS", True, year=2019, works_in_year=1400), "dblp"
    )
    oa_fact = Outcome(Status.FOUND, VenueFact("openalex", "NeurIPS", True, year=2019), "openalex")
    both = replace(
        _searched(("dblp", Status.NOT_FOUND), ("openalex", Status.NOT_FOUND)),
        venues=(oa_fact, dblp_fact),
    )
    assert judge(_ref(cited), both).evidence[0].code == "NO_MATCH_IN_INDEXED_VENUE"
    dblp_only = replace(_searched(("dblp", Status.NOT_FOUND)), venues=(oa_fact, dblp_fact))
    assert judge(_ref(cited), dblp_only).verdict is Verdict.UNRESOLVED


def test_the_registry_settings_come_from_the_environment_and_keys_stay_hidden() -> None:
    from veribib.config import load_settings

    settings = load_settings(
        environ={
            "VERIBIB_ARXIV_URL": "http://127.0.0.1:1/arxiv/api/",
            "VERIBIB_PUBMED_URL": "http://127.0.0.1:1/eutils",
            "VERIBIB_OPENALEX_URL": "http://127.0.0.1:1/openalex",
            "VERIBIB_DBLP_URL": "http://127.0.0.1:1/dblp",
            "VERIBIB_NCBI_API_KEY": "ncbi-secret",
            "VERIBIB_OPENALEX_API_KEY": "oa-secret",
        }
    )
    assert settings.arxiv_url == "http://127.0.0.1:1/arxiv/api"
    assert (settings.pubmed_url, settings.dblp_url) == (
        "http://127.0.0.1:1/eutils",
        "http://127.0.0.1:1/dblp",
    )
    assert settings.ncbi_api_key == "ncbi-secret" and settings.openalex_api_key == "oa-secret"
    assert "secret" not in repr(settings)


@pytest.mark.parametrize(
    ("title", "container", "kind"),
    [
        ("Artificial Intelligence: A Modern Approach", "Pearson", None),
        ("Hypertension in adults: diagnosis and management", "NICE", ReferenceType.JOURNAL_ARTICLE),
        ("Understanding LSTM Networks", "colah's blog", None),
        ("Adult Obesity Facts", "CDC", ReferenceType.JOURNAL_ARTICLE),
    ],
)
def test_a_publisher_body_or_blog_read_as_a_journal_is_no_unknown_venue(
    title: str, container: str, kind: ReferenceType | None
) -> None:
    # Books, guidelines and web pages name a publisher, a body or a site where a journal
    # would stand, with no volume, issue or pages: unknown to journal registries, never invented.
    cited = Fields(authors=CITED.authors, year=2019, title=title, container=container, type=kind)
    res = replace(
        _searched(("pubmed", Status.NOT_FOUND), ("openalex", Status.NOT_FOUND)),
        venues=(_venue("openalex", False), _venue("nlm-catalog", False)),
    )
    assert judge(_ref(cited), res).verdict is Verdict.UNRESOLVED
