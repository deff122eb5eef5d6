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
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(kind: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``kind`` names."""
    if value is None:
        return None
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(value)
        except ValueError:
            return None
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return load(kind, value)
    return value


def load(cls: type[T], data: Any) -> T:
    """A dataclass of ``veribib.model`` from its ``as_jsonable`` form (unknown keys ignored)."""
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    hints = _hints(cls)  # type: ignore[arg-type]  # classes are hashable
    values = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**values)


__all__ = ["load"]
