"""The baseline: references a team checked by hand and listed in ``ignore`` with a reason.

An ignored reference keeps its verdict in every report (marked as ignored, with the reason) but
never fails a run.
"""

from __future__ import annotations

from collections.abc import Sequence

from veribib.config import IgnoreRule
from veribib.export.interface import CheckedReference, Report


def rule_for(checked: CheckedReference, rules: Sequence[IgnoreRule]) -> IgnoreRule | None:
    """The first rule that matches the reference's citation key or DOI, if any."""
    ref = checked.reference
    doi = (ref.identifiers.doi or "").lower()
    for rule in rules:
        if rule.key is not None and rule.key == ref.raw.key:
            return rule
        if rule.doi is not None and rule.doi == doi:
            return rule
    return None


def ignored(report: Report, rules: Sequence[IgnoreRule]) -> dict[str, IgnoreRule]:
    """Reference id -> the rule that puts it in the baseline."""
    out: dict[str, IgnoreRule] = {}
    if not rules:
        return out
    for checked in report.references:
        rule = rule_for(checked, rules)
        if rule is not None:
            out[checked.reference.id] = rule
    return out


def without_ignored(report: Report, rules: Sequence[IgnoreRule]) -> Report:
    """The report with baseline references left out (what the exit code looks at)."""
    skip = ignored(report, rules)
    if not skip:
        return report
    from dataclasses import replace

    from veribib.export.spool import Picked

    def kept(refs: Sequence[CheckedReference]) -> Sequence[CheckedReference]:
        if isinstance(refs, tuple):
            return tuple(r for r in refs if r.reference.id not in skip)
        # References on disk (a large run) stay there: only the kept positions are listed.
        return Picked(refs, [i for i, r in enumerate(refs) if r.reference.id not in skip])

    return replace(
        report, documents=tuple(replace(d, references=kept(d.references)) for d in report.documents)
    )


__all__ = ["ignored", "rule_for", "without_ignored"]
