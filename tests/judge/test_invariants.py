"""Properties that hold for any reference: faults never accuse, and every verdict says why."""

from __future__ import annotations

import datetime

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from veribib.judge import judge, needs_search
from veribib.judge.sanity import placeholder_authors
from veribib.model import (
    Fields,
    Identifiers,
    Origin,
    Outcome,
    Person,
    RawReference,
    Reference,
    Resolution,
    Status,
    TrialId,
    Verdict,
)

TODAY = datetime.date(2026, 6, 30)
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)
_people = st.lists(st.builds(Person, family=_text, given=_text), max_size=6).map(tuple)
_fields = st.builds(
    Fields,
    authors=_people,
    et_al=st.booleans(),
    year=st.one_of(st.none(), st.integers(1800, TODAY.year)),
    title=st.one_of(st.none(), _text),
    container=st.one_of(st.none(), _text),
    volume=st.one_of(st.none(), _text),
    pages=st.one_of(st.none(), _text),
)
_fault = st.sampled_from(
    [
        None,
        Outcome(Status.UNAVAILABLE, source="crossref", detail="HTTP 503"),
        Outcome(Status.NOT_CHECKED, source="crossref", detail="offline"),
        Outcome(Status.NOT_FOUND, source="snapshot", authoritative=False),
    ]
)


def _reference(fields: Fields, doi: str | None, trial: bool) -> Reference:
    trials = (TrialId("clinicaltrials.gov", "NCT04567834"),) if trial else ()
    return Reference(
        id="x#1",
        raw=RawReference(text=fields.title or "", origin=Origin("x")),
        fields=fields,
        identifiers=Identifiers(doi=doi, trials=trials),
    )


@settings(max_examples=150, deadline=None)
@given(
    fields=_fields,
    doi=st.one_of(st.none(), st.just("10.1000/xyz")),
    trial=st.booleans(),
    doi_outcome=_fault,
    registration=_fault,
    search=_fault,
    locator=_fault,
    venue=_fault,
    trial_outcome=_fault,
)
def test_faults_and_absences_never_accuse(
    fields: Fields,
    doi: str | None,
    trial: bool,
    doi_outcome: Outcome[object] | None,
    registration: Outcome[object] | None,
    search: Outcome[object] | None,
    locator: Outcome[object] | None,
    venue: Outcome[object] | None,
    trial_outcome: Outcome[object] | None,
) -> None:
    assume(placeholder_authors(fields) is None)
    reference = _reference(fields, doi, trial)
    resolution = Resolution(
        doi=doi_outcome,  # type: ignore[arg-type]
        doi_registration=registration,  # type: ignore[arg-type]
        search=search,  # type: ignore[arg-type]
        locator=locator,  # type: ignore[arg-type]
        venue=venue,  # type: ignore[arg-type]
        trials=(("NCT04567834", trial_outcome),) if trial and trial_outcome else (),  # type: ignore[arg-type]
    )
    judgement = judge(reference, resolution, TODAY)
    assert judgement.verdict is Verdict.UNRESOLVED
    assert judgement.evidence and all(e.code and e.message for e in judgement.evidence)
    assert needs_search(reference, resolution) <= {"search", "locator", "venue"}


@settings(max_examples=100, deadline=None)
@given(fields=_fields)
def test_any_reference_without_lookups_gets_a_reason(fields: Fields) -> None:
    judgement = judge(_reference(fields, None, False), Resolution(), TODAY)
    assert judgement.evidence
    assert judgement.verdict in (Verdict.UNRESOLVED, Verdict.FABRICATED)
    if judgement.verdict is Verdict.FABRICATED:
        assert judgement.evidence[0].code == "PLACEHOLDER_AUTHORS"
