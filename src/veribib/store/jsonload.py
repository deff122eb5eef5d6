"""Stored JSON back into the model's dataclasses, generically (no ORM needed).

The store keeps fields, identifiers, judgements and records as JSON (``as_jsonable``, or the
store's orjson form, which is the same). Reading them back is generic over the dataclasses in
``veribib.model``, so a field another version added is ignored and one it lacks takes its default.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


Converter = Callable[[Any], Any]


def _none_or(convert: Converter) -> Converter:
    """``convert`` that passes None through (every level of the stored JSON may be null)."""
    return lambda value: None if value is None else convert(value)


def _enum(kind: type[Enum]) -> Converter:
    def convert(value: Any) -> Any:
        try:
            return kind(value)
        except ValueError:
            return None  # a value another version added

    return _none_or(convert)


@functools.cache
def _converter(kind: Any) -> Converter | None:
    """How plain JSON becomes the type ``kind`` names (None: it is already that), worked out
    once per type: a warm run decodes hundreds of stored judgements."""
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is None:
                return _none_or(tuple)
            each = item
            return _none_or(lambda value: tuple([each(v) for v in value]))
        parts = [_converter(a) or _identity for a in args]
        return _none_or(lambda value: tuple(c(v) for c, v in zip(parts, value, strict=False)))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _enum(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _none_or(functools.partial(load, kind))
    return None


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _plan(cls: Any) -> tuple[tuple[str, Converter | None], ...]:
    """Each field of a dataclass and its converter."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def load(cls: type[T], data: Any) -> T:
    """A dataclass of ``veribib.model`` from its ``as_jsonable`` form (unknown keys ignored)."""
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    values = {
        name: data[name] if convert is None else convert(data[name])
        for name, convert in _plan(cls)  # type: ignore[arg-type]  # classes are hashable
        if name in data
    }
    return cls(**values)


__all__ = ["load"]
