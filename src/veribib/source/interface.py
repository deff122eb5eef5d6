"""The source stage: read one input file and find its reference list.

A source turns bytes into a ``Document``: raw references with their origin (file, line),
in-text citations when the input is running text, and warnings for anything it could not use.
"""

from __future__ import annotations

import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

from veribib.errors import SourceError
from veribib.model import Document


class Source(ABC):
    """One input format (BibTeX, plain text, HTML, PDF, RIS, CSL-JSON, JATS)."""

    format: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()
    sniff_pattern: ClassVar[re.Pattern[bytes] | None] = None  # searched anywhere in the head
    signature_pattern: ClassVar[re.Pattern[bytes] | None] = None  # matched at the very start

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """True when the first bytes of a file look like this format (extension aside)."""
        return cls.sniff_pattern is not None and cls.sniff_pattern.search(head) is not None

    @classmethod
    def signature(cls, head: bytes) -> bool:
        """True when the file starts the way only this format starts (beats the extension)."""
        return cls.signature_pattern is not None and cls.signature_pattern.match(head) is not None

    @abstractmethod
    def read(self, path: str, data: bytes) -> Document:
        """Read a whole file's bytes into a Document; raise SourceError only if none is usable."""


@contextmanager
def quiet_logger(name: str) -> Iterator[None]:
    """Silence a library's logger for a while: what it would log is reported as warnings."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


__all__ = ["Document", "Source", "SourceError", "quiet_logger"]
