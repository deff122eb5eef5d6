"""JUnit XML for CI test panels: one test suite per input, one test case per reference.

A reference at or above ``--fail-on`` is a failure (its reason and fix as the message, its
file:line in the text); baseline references are skipped with their reason; a citation key
missing from the bibliography is a failed case at the citing line.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from veribib.config import IgnoreRule
from veribib.export.baseline import ignored
from veribib.export.common import fix_text, short_label, summary_line
from veribib.export.exit_codes import fails
from veribib.export.interface import Report


def render_junit(
    report: Report, fail_on: Sequence[str] = ("fabricated",), rules: Sequence[IgnoreRule] = ()
) -> str:
    """The report as JUnit XML text."""
    baseline = ignored(report, rules)
    suites = ET.Element("testsuites", name="veribib")
    total_tests = total_failures = total_skipped = 0
    for doc in report.documents:
        suite = ET.SubElement(suites, "testsuite", name=doc.document.path)
        tests = failures = skipped = 0
        if doc.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=doc.document.path)
            ET.SubElement(case, "error", message=doc.error)
            failures += 1
            tests += 1
        for checked in doc.references:
            tests += 1
            j = checked.judgement
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{checked.reference.origin} {short_label(checked)}",
                classname=doc.document.path,
            )
            rule = baseline.get(checked.reference.id)
            if rule is not None:
                ET.SubElement(case, "skipped", message=f"in the baseline: {rule.reason}")
                skipped += 1
            elif fails(checked, fail_on):
                fix = fix_text(checked)
                failure = ET.SubElement(
                    case, "failure", message=f"{j.verdict.value}: {j.reason}", type=j.verdict.value
                )
                failure.text = "\n".join(
                    x
                    for x in (
                        f"at {checked.reference.origin}",
                        checked.reference.raw.text,
                        f"flags: {', '.join(f.value for f in j.flags)}" if j.flags else "",
                        f"fix: {fix}" if fix else "",
                    )
                    if x
                )
                failures += 1
        for c in doc.citations.unmatched:
            tests += 1
            case = ET.SubElement(
                suite, "testcase", name=f"{c.origin} {c.text}", classname=doc.document.path
            )
            ET.SubElement(
                case, "failure", message=f"{c.text} is not in the bibliography", type="missing-key"
            )
            failures += 1
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        total_tests += tests
        total_failures += failures
        total_skipped += skipped
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("skipped", str(total_skipped))
    ET.indent(suites)
    summary = summary_line(report).replace("--", "- -")  # "--" may not appear in a comment
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + f"<!-- veribib: {summary} -->\n"
        + ET.tostring(suites, encoding="unicode")
    )


__all__ = ["render_junit"]
