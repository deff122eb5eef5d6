"""Checked references kept on disk instead of in memory, for runs too large to hold whole.

A run of 100,000 references would otherwise keep every judgement (with the registry records it
was matched to) in memory until its report is written. A ``Spool`` pickles each item into an
anonymous temporary file (deleted by the operating system when the spool is closed or collected,
even after a crash) and keeps only its offset; reading one back gives an equal object, so a
report written from a spool is byte for byte the one written from the items themselves.

The file is private to the process and only ever read back by it: pickle is safe here.
"""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")

_READ_AHEAD = 1 << 20  # bytes read at once while iterating in order

# The model's frozen, slotted dataclasses pickle through dataclasses' own __setstate__, which
# looks up the fields of every object it restores: two thirds of the time a spool spent. Here
# each class gets a reducer once: a class whose fields are all arguments of its __init__ (and
# that has no __post_init__) is rebuilt by calling it, the fastest way; any other by setting
# its fields one by one. Other objects pickle as usual.
_FIELDS: dict[type, tuple[str, ...]] = {}
_REDUCERS: dict[type, Callable[[Any], Any] | None] = {}
_set = object.__setattr__


def _reducer(cls: type) -> Callable[[Any], Any] | None:
    """How to pickle an instance of ``cls``, or None for the usual way."""
    if not (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__):
        return None
    fields = dataclasses.fields(cls)
    names = _FIELDS[cls] = tuple(f.name for f in fields)

    def get(obj: Any) -> tuple[Any, ...]:
        return tuple(getattr(obj, n) for n in names)

    # attrgetter (C) gives a tuple only for two names or more
    state: Callable[[Any], tuple[Any, ...]] = attrgetter(*names) if len(names) > 1 else get
    if all(f.init for f in fields) and not hasattr(cls, "__post_init__"):
        return lambda obj: (cls, state(obj))
    return lambda obj: (_blank, (cls,), state(obj), None, None, _restore)


def _blank(cls: type) -> Any:
    return object.__new__(cls)


def _restore(obj: Any, state: tuple[Any, ...]) -> None:
    for name, value in zip(_FIELDS[type(obj)], state, strict=True):
        _set(obj, name, value)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        try:
            reduce = _REDUCERS[cls]
        except KeyError:
            reduce = _REDUCERS[cls] = _reducer(cls)
        return NotImplemented if reduce is None else reduce(obj)


def _dumps(item: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(item)
    return buffer.getvalue()


class _Indexed(Sequence[T], Generic[T]):
    """A sequence that reads one item at a time: slices and negative indices made once."""

    def _item(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"{type(self).__name__.lower()} index out of range")
        return self._item(index)


class Spool(_Indexed[T]):
    """An append-only sequence whose items live pickled in a temporary file."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        # Lives as long as the spool (closed by close() or when collected), not one block.
        self._file = tempfile.TemporaryFile(prefix="veribib-spool-")  # noqa: SIM115
        self._ends = array("q")  # end offset of each item; item i starts where i - 1 ends
        self._size = 0
        for item in items:
            self.append(item)

    def append(self, item: T) -> int:
        """Add ``item`` at the end; returns its index."""
        data = _dumps(item)
        os.pwrite(self._file.fileno(), data, self._size)
        self._size += len(data)
        self._ends.append(self._size)
        return len(self._ends) - 1

    def __len__(self) -> int:
        return len(self._ends)

    def _start(self, index: int) -> int:
        return self._ends[index - 1] if index else 0

    def _item(self, index: int) -> T:
        start = self._start(index)
        data = os.pread(self._file.fileno(), self._ends[index] - start, start)
        item: T = pickle.loads(data)
        return item

    def __iter__(self) -> Iterator[T]:
        # Read in blocks of about a megabyte (os.pread: a thread-safe read at an offset).
        fd, count, i = self._file.fileno(), len(self), 0
        while i < count:
            start = self._start(i)
            last = i
            while last + 1 < count and self._ends[last + 1] - start <= _READ_AHEAD:
                last += 1
            block = os.pread(fd, self._ends[last] - start, start)
            for j in range(i, last + 1):
                item: T = pickle.loads(block[self._start(j) - start : self._ends[j] - start])
                yield item
            i = last + 1

    def close(self) -> None:
        """Delete the file now (it goes anyway when the spool is collected)."""
        self._file.close()


class Chain(_Indexed[T]):
    """Several sequences read as one, without copying them into one tuple."""

    def __init__(self, parts: Sequence[Sequence[T]]) -> None:
        self._parts = tuple(parts)

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

    def _item(self, index: int) -> T:
        for part in self._parts:
            if index < len(part):
                return part[index]
            index -= len(part)
        raise IndexError("chain index out of range")

    def __iter__(self) -> Iterator[T]:
        return chain.from_iterable(self._parts)


class Picked(Sequence[T], Generic[T]):
    """The items of a sequence at the given positions, in that order, read when used."""

    def __init__(self, items: Sequence[T], positions: Sequence[int]) -> None:
        self._items = items
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self._items[i] for i in self._positions[index]]
        return self._items[self._positions[index]]

    def __iter__(self) -> Iterator[T]:
        return (self._items[i] for i in self._positions)


__all__ = ["Chain", "Picked", "Spool"]
