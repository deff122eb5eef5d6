"""What a run over many references keeps on disk while it goes (see ``export.spool``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from veribib.export.interface import CheckedReference
from veribib.export.spool import Spool
from veribib.model import Judgement, Reference


class SpooledJudgements:
    """Judgements by reference id: in memory, or for a large run pickled to a temporary file
    as soon as they are made, so a run's memory does not grow with its judgements."""

    def __init__(self, spooled: bool) -> None:
        self._memory: dict[str, Judgement] = {}
        self._spool: Spool[Judgement] | None = Spool() if spooled else None
        self._index: dict[str, int] = {}

    def __setitem__(self, ref_id: str, judgement: Judgement) -> None:
        if self._spool is None:
            self._memory[ref_id] = judgement
        else:
            self._index[ref_id] = self._spool.append(judgement)

    def __getitem__(self, ref_id: str) -> Judgement:
        if self._spool is None:
            return self._memory[ref_id]
        return self._spool[self._index[ref_id]]

    def __len__(self) -> int:
        return len(self._memory) + len(self._index)

    def close(self) -> None:
        """Let the judgements go (the spool's file is deleted)."""
        self._memory.clear()
        self._index.clear()
        if self._spool is not None:
            self._spool.close()


class Pairs(Sequence[tuple[Reference, Judgement]]):
    """(reference, judgement) of checked references, made as they are read (for save_works)."""

    def __init__(self, checked: Sequence[CheckedReference]) -> None:
        self._checked = checked

    def __len__(self) -> int:
        return len(self._checked)

    @overload
    def __getitem__(self, index: int) -> tuple[Reference, Judgement]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Reference, Judgement]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[Reference, Judgement] | Sequence[tuple[Reference, Judgement]]:
        if isinstance(index, slice):
            return [(c.reference, c.judgement) for c in self._checked[index]]
        c = self._checked[index]
        return (c.reference, c.judgement)

    def __iter__(self) -> Iterator[tuple[Reference, Judgement]]:
        return ((c.reference, c.judgement) for c in self._checked)


__all__ = ["Pairs", "SpooledJudgements"]
