"""The export stage: turn checked references into something people and programs can act on.

Every formatter renders one ``Report``; the cleaned-BibTeX writer lives beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from veribib.errors import ExportError
from veribib.model import CitationReport, Document, Judgement, Reference, Verdict


class OutputFormat(StrEnum):
    """Report formats the CLI offers."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"
    JUNIT = "junit"


@dataclass(frozen=True, slots=True)
class CheckedReference:
    """A reference with its verdict, as reports show it."""

    reference: Reference
    judgement: Judgement


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """One input file after checking: its references with verdicts and its citation report.

    ``references`` is a tuple, or for a large run a ``Spool`` (read from disk as it is used).
    """

    document: Document
    references: Sequence[CheckedReference]
    citations: CitationReport = field(default_factory=CitationReport)
    error: str | None = None  # set when the file could not be read at all


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one run over one or more inputs."""

    run_id: int | None
    documents: tuple[CheckedDocument, ...]
    offline: bool = False
    failed_lookups: int = 0  # lookups that ended UNAVAILABLE (outage, timeout, garbled answer)
    unreachable: tuple[str, ...] = ()  # registries asked that never answered, "name (base URL)"
    reached: tuple[str, ...] = ()  # registries that answered at least once (found or not)
    started_at: str = ""
    finished_at: str = ""

    @property
    def references(self) -> Sequence[CheckedReference]:
        """All checked references across documents, in input order.

        A tuple; for a large run whose references are spooled to disk, a sequence read from
        there as it is iterated (never all in memory at once).
        """
        if all(isinstance(d.references, tuple) for d in self.documents):
            return tuple(r for d in self.documents for r in d.references)
        from veribib.export.spool import Chain

        return Chain([d.references for d in self.documents])

    def counts(self) -> dict[str, int]:
        """How many references got each verdict (every verdict present, zero or not)."""
        counts = {v.value: 0 for v in Verdict}
        for r in self.references:
            counts[r.judgement.verdict.value] += 1
        return counts


__all__ = ["CheckedDocument", "CheckedReference", "ExportError", "OutputFormat", "Report"]
