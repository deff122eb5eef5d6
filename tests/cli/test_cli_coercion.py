"""The light coercion of option values gives typer's own results and errors, on every parameter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer._click import Context
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from veribib.cli import app
from veribib.cli_coercion import LIGHT, LightRuntimeParam

VALUES = [
    "json", "JSON", "Table", "markdown", "separate", "nope", "", " ", "-", ".", "./x", "a b",
    "~/x", "1", "01", "1.5", "2.", ".5", "-1", "+1", "1e3", " 2", "2 ", "inf", "nan", "1_0",
    "9" * 40, "0.1" + "0" * 30, "fabricated", "café", "\udcff", "a\x00b",
]  # fmt: skip


def _params() -> Iterator[tuple[str, Any, Context]]:
    """Every typer parameter of every command and group of the app, with a context."""

    def walk(command: Any, path: str) -> Iterator[tuple[str, Any, Context]]:
        ctx = Context(command)
        for param in command.get_params(ctx):
            if isinstance(param, _TyperParameter):
                yield f"{path} {param.name}", param, ctx
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    yield from walk(typer.main.get_command(app), "veribib")


def _outcome(runtime: Any, value: Any, param: Any, ctx: Context) -> tuple[str, Any]:
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:
        return "error", (type(exc).__name__, str(exc))
    return "value", (type(result).__name__, repr(result))  # repr: nan is not nan


def _samples(param: Any, tmp_path: Path) -> list[Any]:
    (tmp_path / "file.bib").write_text("@misc{a, title={A}}\n", encoding="utf-8")
    singles: list[Any] = [*VALUES, str(tmp_path), str(tmp_path / "file.bib"), None]
    if param.multiple or param.nargs == -1:
        return [(), *((v,) for v in singles if v is not None), ("a.bib", "1.5", "-"), None, "x"]
    return singles


pytestmark = pytest.mark.skipif(not LIGHT, reason="this typer coerces without Pydantic")


PARAMS = {name: (param, ctx) for name, param, ctx in _params()}


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_every_parameter_coerces_as_typer_does(name: str, tmp_path: Path) -> None:
    param, ctx = PARAMS[name]
    descriptor = param.type_descriptor
    light = LightRuntimeParam(
        parameter_info=descriptor.parameter_info,
        annotation=descriptor.annotation,
        descriptor=descriptor,
    )
    own = build_runtime_param(descriptor)
    for value in _samples(param, tmp_path):
        assert _outcome(light, value, param, ctx) == _outcome(own, value, param, ctx), (
            name,
            value,
        )


def test_the_common_values_need_no_pydantic_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    """A path, a choice, a string, a number and a list convert without typer's fallback."""

    def refuse(*_: object) -> None:
        raise AssertionError("typer's Pydantic coercion was asked")

    monkeypatch.setattr("veribib.cli_coercion.build_runtime_param", refuse)
    check = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    ctx = check.make_context(
        "check",
        ["a.bib", "b.md", "-f", "json", "-o", "out.json", "--db", "x.sqlite", "--mailto",
         "me@example.org", "--deadline", "30", "--fail-on", "inaccurate,retracted",
         "--snapshot", "works.jsonl", "-q"],
    )  # fmt: skip
    params = ctx.params
    assert params["paths"] == [Path("a.bib"), Path("b.md")]
    assert params["fmt"].value == "json"
    assert params["output"] == Path("out.json")
    assert params["db"] == "x.sqlite"
    assert params["deadline"] == 30.0 and isinstance(params["deadline"], float)
    assert params["fail_on"] == ["inaccurate,retracted"]
    assert params["snapshot"] == [Path("works.jsonl")]
