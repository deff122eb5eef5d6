"""Facts about the matched work shown beside any verdict: retracted, corrected, preprint...

``duplicate`` and ``uncited`` are about the document, not the work: the pipeline sets them.
"""

from __future__ import annotations

from veribib.judge import codes
from veribib.judge.compare import PUBLISHED_AS
from veribib.judge.describe import label
from veribib.judge.normalise import has_retracted_marker
from veribib.model import Evidence, Flag, ReferenceType, Work

_RETRACTION = frozenset(("retraction", "withdrawal", "removal", "partial_retraction"))
_CONCERN = frozenset(("expression_of_concern",))
_CORRECTION = frozenset(("correction", "erratum", "corrigendum", "addendum"))


def work_flags(work: Work) -> tuple[tuple[Flag, ...], tuple[Evidence, ...]]:
    """Flags for a record and one evidence line for each, naming the notice when known."""
    flags: list[Flag] = []
    evidence: list[Evidence] = []
    where = label(work)

    def notices(kinds: frozenset[str]) -> str:
        """The DOIs of the notices of these kinds, for the message."""
        dois = sorted({u.doi for u in work.updates if u.type in kinds and u.doi})
        return f" (notice {', '.join(dois)})" if dois else ""

    types = {u.type for u in work.updates}
    if types & _RETRACTION or has_retracted_marker(work.fields.title):
        flags.append(Flag.RETRACTED)
        evidence.append(
            Evidence(codes.RETRACTED, f"{where}: this work is retracted{notices(_RETRACTION)}")
        )
    if types & _CONCERN:
        flags.append(Flag.EXPRESSION_OF_CONCERN)
        evidence.append(
            Evidence(
                codes.EXPRESSION_OF_CONCERN,
                f"{where}: an expression of concern is attached{notices(_CONCERN)}",
            )
        )
    if types & _CORRECTION:
        flags.append(Flag.CORRECTED)
        evidence.append(
            Evidence(codes.CORRECTED, f"{where}: a correction is attached{notices(_CORRECTION)}")
        )
    published = [doi for kind, doi in work.relations if kind in PUBLISHED_AS]
    if published and (work.fields.type in (ReferenceType.PREPRINT, None)):
        flags.append(Flag.PREPRINT_HAS_PUBLISHED_VERSION)
        evidence.append(
            Evidence(
                codes.PREPRINT_PUBLISHED,
                f"{where}: this preprint was published as {', '.join(published)}",
            )
        )
    return tuple(flags), tuple(evidence)
