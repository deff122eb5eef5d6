"""Read AnyStyle-format tagged reference strings (``<dataset><sequence><author>...``).

Used by the training and evaluation scripts and the tests, not by the parser at run time.
Each child element of a ``<sequence>`` is one labelled span; its text is split on whitespace
into tokens that all carry the (normalised) label.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

from veribib.reference.labels import normalise_label


@dataclass(frozen=True, slots=True)
class TaggedReference:
    """One hand-tagged reference: its labelled spans in order and the whole string."""

    spans: tuple[tuple[str, str], ...]  # (label, text)

    @property
    def text(self) -> str:
        """The reference string: the spans' text joined by single spaces."""
        return " ".join(" ".join(text.split()) for _, text in self.spans if text.split())

    @property
    def tokens(self) -> list[str]:
        """Whitespace tokens of the whole string."""
        return [tok for _, text in self.spans for tok in text.split()]

    @property
    def labels(self) -> list[str]:
        """One label per token."""
        return [label for label, text in self.spans for _ in text.split()]


def read_dataset(path: Path) -> list[TaggedReference]:
    """All sequences in an AnyStyle XML file, with labels mapped by ``normalise_label``."""
    root = ElementTree.parse(str(path)).getroot()
    out: list[TaggedReference] = []
    for seq in root.iter("sequence"):
        spans = tuple(
            (normalise_label(child.tag), child.text or "")
            for child in seq
            if (child.text or "").strip()
        )
        if spans:
            out.append(TaggedReference(spans))
    return out


__all__ = ["TaggedReference", "read_dataset"]
