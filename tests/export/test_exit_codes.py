"""exit_code: 0 when nothing is at or above --fail-on, 1 otherwise; verdicts are ordered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from veribib.errors import ConfigError
from veribib.export.exit_codes import ExitCode, exit_code, fail_on_choices
from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.model import Flag, Verdict

from .builders import bib_document


def _only(verdict: Verdict, *flags: Flag) -> Report:
    """A one-reference report whose reference has ``verdict`` and ``flags``."""
    doc = bib_document(name="refs.bib")
    first = doc.references[0]
    judged = CheckedReference(
        first.reference, replace(first.judgement, verdict=verdict, flags=flags)
    )
    return Report(run_id=None, documents=(CheckedDocument(doc.document, (judged,)),))


def test_codes_are_the_documented_numbers() -> None:
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 4, 130]
    assert ExitCode.OK == 0 and ExitCode.PROBLEMS == 1
    assert ExitCode.USAGE == 2 and ExitCode.UNEXPECTED == 3
    assert ExitCode.UNREACHABLE == 4


@pytest.mark.parametrize(
    ("verdict", "fail_on", "expected"),
    [
        (Verdict.FABRICATED, ["fabricated"], 1),
        (Verdict.INACCURATE, ["fabricated"], 0),
        (Verdict.INACCURATE, ["inaccurate"], 1),
        (Verdict.FABRICATED, ["inaccurate"], 1),  # "inaccurate or worse"
        (Verdict.UNRESOLVED, ["inaccurate"], 0),
        (Verdict.UNRESOLVED, ["unresolved"], 1),
        (Verdict.INACCURATE, ["unresolved"], 1),
        (Verdict.VERIFIED, ["unresolved"], 0),
        (Verdict.UNRESOLVED, ["fabricated", "unresolved"], 1),  # the lowest listed counts
    ],
)
def test_verdict_or_worse(verdict: Verdict, fail_on: list[str], expected: int) -> None:
    assert exit_code(_only(verdict), fail_on) == expected


def test_flags_fail_whatever_the_verdict() -> None:
    retracted = _only(Verdict.VERIFIED, Flag.RETRACTED)
    assert exit_code(retracted, ["fabricated"]) == ExitCode.OK
    assert exit_code(retracted, ["retracted"]) == ExitCode.PROBLEMS
    assert exit_code(retracted, ["expression_of_concern"]) == ExitCode.OK
    assert exit_code(retracted, ["fabricated", "retracted"]) == ExitCode.PROBLEMS


def test_sample_report(report: Report) -> None:
    assert exit_code(report, ["fabricated"]) == ExitCode.PROBLEMS
    assert exit_code(report, ["duplicate"]) == ExitCode.OK
    assert exit_code(report, ["corrected"]) == ExitCode.PROBLEMS


def test_empty_report_and_empty_fail_on_pass(report: Report) -> None:
    assert exit_code(Report(run_id=None, documents=()), ["unresolved"]) == ExitCode.OK
    assert exit_code(report, []) == ExitCode.OK


def test_unknown_name_is_a_config_error(report: Report) -> None:
    with pytest.raises(ConfigError, match="choose from"):
        exit_code(report, ["bogus"])
    with pytest.raises(ConfigError):
        exit_code(report, ["verified"])


def test_choices_cover_verdicts_and_flags() -> None:
    choices = fail_on_choices()
    assert "verified" not in choices
    assert {"unresolved", "inaccurate", "fabricated"} <= set(choices)
    assert {f.value for f in Flag} <= set(choices)
