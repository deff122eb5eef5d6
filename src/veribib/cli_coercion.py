"""typer's coercion of option values, without loading Pydantic for the plain ones.

typer 0.29 converts every non-flag option and argument through a Pydantic ``TypeAdapter`` it
builds when a command runs (``typer._coercion.build_runtime_param``): importing Pydantic and its
plugin loader for that is about 65 ms of a warm ``veribib check``'s 0.19 s of imports (README,
"Measured"), and typer has no setting to turn it off (``parser=`` builds an adapter too).
``LightCommand`` and ``LightGroup`` give their parameters a coercion that converts the values
veribib's commands take -- strings, paths, decimal numbers, choices, and lists of them -- with
typer's own functions, as typer's adapters do; any other value, and every value that would
fail, goes to typer's own Pydantic coercion, so results, error messages and exit codes stay typer's
(``tests/cli/test_cli_coercion.py`` compares both on every parameter of the app). With a typer
that lacks these internals (older ones coerce through click and never load Pydantic) the
commands are plain typer commands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer.core import TyperCommand, TyperGroup

try:
    from typer._click import Context, Parameter
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
    from typer._typing import is_literal_type, literal_values
except ImportError:  # pragma: no cover - another typer: its coercion stays as it is
    LIGHT = False
else:
    LIGHT = True

# Plain decimals only: Python and Pydantic read them to the same number; any other spelling
# (exponents, signs, spaces, underscores, inf) is left to typer's coercion.
_INT = re.compile(r"[0-9]{1,18}")
_FLOAT = re.compile(r"[0-9]{1,18}(?:\.[0-9]{1,18})?")


class _Unhandled(Exception):
    """The value is not one the light coercion converts: typer's own coercion decides."""


def _text(value: Any) -> str:
    """A command-line string that Pydantic takes as it is (no lone surrogates, no NUL)."""
    if type(value) is not str or "\x00" in value:
        raise _Unhandled
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Unhandled from None
    return value


def _leaf(descriptor: TypeDescriptor, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
    """One value converted as typer's leaf adapter converts it, or ``_Unhandled``."""
    info = descriptor.parameter_info
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices: tuple[Any, ...] = tuple(annotation)
        return coerce_cli_choice(
            _text(value), choices=choices, case_sensitive=info.case_sensitive, ctx=ctx
        )
    if is_literal_type(annotation):
        return coerce_cli_choice(
            _text(value),
            choices=literal_values(annotation),
            case_sensitive=info.case_sensitive,
            ctx=ctx,
        )
    if annotation is str:
        return _text(value)
    if annotation in (int, float) and info.min is None and info.max is None:
        pattern = _INT if annotation is int else _FLOAT
        if not pattern.fullmatch(_text(value)):
            raise _Unhandled
        return annotation(value)
    if routes_to_path(annotation, info):
        path_type: Any = info.path_type
        if path_type is None and isinstance(annotation, type) and issubclass(annotation, Path):
            path_type = annotation
        if not (isinstance(path_type, type) and issubclass(path_type, Path)):
            raise _Unhandled
        # typer's adapter makes the Path first (Pydantic's Path(value)), then checks it.
        return coerce_cli_path(
            path_type(_text(value)), info, path_type=path_type, param=param, ctx=ctx
        )
    raise _Unhandled


if LIGHT:

    @dataclass(frozen=True)
    class LightRuntimeParam(RuntimeParam):
        """typer's runtime coercion, converting plain values without a Pydantic adapter."""

        descriptor: TypeDescriptor

        def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
            try:
                return self._light(value, param, ctx)
            except Exception:  # typer's own coercion gives the result or the exact error
                typer_own = build_runtime_param(self.descriptor)
                return typer_own._coerce_value(value, param=param, ctx=ctx)

        def _light(self, value: Any, param: Any, ctx: Context) -> Any:
            info = self.descriptor.parameter_info
            if self.descriptor.file_annotation is not None or info.parser is not None:
                raise _Unhandled
            annotation: Any = self.annotation
            if get_origin(annotation) is list:
                (item,) = get_args(annotation)
                if not isinstance(value, list | tuple):
                    raise _Unhandled
                return [_leaf(self.descriptor, item, v, param, ctx) for v in value]
            return _leaf(self.descriptor, annotation, value, param, ctx)

    def _lighten(param: Parameter) -> None:
        """Give a typer parameter the light coercion, unless it already has one."""
        if getattr(param, "_runtime_param", False) is not None:
            return
        descriptor = getattr(param, "type_descriptor", None)
        if isinstance(descriptor, TypeDescriptor):
            param._runtime_param = LightRuntimeParam(  # type: ignore[attr-defined]
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                descriptor=descriptor,
            )


def _lighten_all(command: TyperCommand | TyperGroup, ctx: Any) -> None:
    """The light coercion on every typer parameter of ``command`` (its help option too)."""
    if LIGHT:
        for param in command.get_params(ctx):
            _lighten(param)


class LightCommand(TyperCommand):
    """A typer command whose plain option values are converted without Pydantic."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse as typer does, with the light coercion."""
        _lighten_all(self, ctx)
        return super().parse_args(ctx, args)


class LightGroup(TyperGroup):
    """A typer group whose own options (``--version``, ``--help``, ...) are converted without
    Pydantic."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse as typer does, with the light coercion."""
        _lighten_all(self, ctx)
        return super().parse_args(ctx, args)
