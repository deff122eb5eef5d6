"""The judge stage: compare what is cited with what the registries say.

``judge(reference, resolution)`` returns a ``Judgement`` (verdict, flags, evidence, field
comparisons, match, suggested fix). ``needs_search(reference, resolution)`` tells the pipeline
whether identifier lookups were enough or a bibliographic/locator search is needed too.
"""

from __future__ import annotations

from veribib.errors import VeribibError


class JudgeError(VeribibError):
    """The judge was given something it cannot judge (a programming error, not bad input)."""
