"""The source stage: read one input file and find its reference list.

A source turns bytes into a ``Document``: raw references with their origin (file, line),
in-text citations when the input is running text, and warnings for anything it could not use.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from veribib.errors import SourceError
from veribib.model import Document


class Source(ABC):
    """One input format (BibTeX, plain text, HTML, PDF, RIS, CSL-JSON, JATS)."""

    format: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """True when the first bytes of a file look like this format (extension aside)."""
        return False

    @classmethod
    def signature(cls, head: bytes) -> bool:
        """True when the file starts the way only this format starts (beats the extension)."""
        return False

    @abstractmethod
    def read(self, path: str, data: bytes) -> Document:
        """Read a whole file's bytes into a Document; raise SourceError only if none is usable."""


__all__ = ["Document", "Source", "SourceError"]
