"""What the store writes as JSON: the value ``as_jsonable`` gives, dataclasses and enums too."""

from __future__ import annotations

import datetime
import json

from veribib.judge import judge
from veribib.model import (
    Fields,
    Flag,
    Identifiers,
    Origin,
    Person,
    RawReference,
    Reference,
    ReferenceType,
    Resolution,
    as_jsonable,
)
from veribib.store.db import _dumps


def test_store_json_is_as_jsonable_json() -> None:
    fields = Fields(
        authors=(Person("Müller", "A."), Person("Lee", "B.")),
        year=2031,
        title="A title with “quotes”",
        container="Engineering",
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    reference = Reference(
        id="a.bib#1",
        raw=RawReference(text="Müller A, Lee B. A title. Engineering. 2031.", origin=Origin("a")),
        fields=fields,
        identifiers=Identifiers(doi="10.1/x"),
    )
    judgement = judge(reference, Resolution(), today=datetime.date(2026, 6, 30))
    assert judgement.evidence  # a future date: evidence, enums and nested dataclasses to write
    for value in (judgement, fields, reference.identifiers, (Flag.RETRACTED, Flag.DUPLICATE)):
        assert json.loads(_dumps(value)) == as_jsonable(value)
        assert _dumps(value) == _dumps(value)  # the same text each time: re-runs compare it
