"""The judge stage: compare what is cited with what the registries say.

``judge(reference, resolution, today=None)`` gives the verdict with evidence, field
comparisons, the record matched and the suggested fix; ``needs_search(reference,
resolution)`` says which further lookups ("search", "locator", "venue") the pipeline should
make after the identifier lookups. ``compare_fields`` and ``match_score`` are the matcher,
reusable by other stages.
"""

from __future__ import annotations

from veribib.judge.compare import compare_fields
from veribib.judge.decide import judge
from veribib.judge.interface import JudgeError
from veribib.judge.match import match_score
from veribib.judge.plan import LOCATOR, SEARCH, VENUE, needs_search

__all__ = [
    "LOCATOR",
    "SEARCH",
    "VENUE",
    "JudgeError",
    "compare_fields",
    "judge",
    "match_score",
    "needs_search",
]
