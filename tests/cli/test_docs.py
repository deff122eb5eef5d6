"""The docs stay honest: every command has help text and appears in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main
from typer.testing import CliRunner

from veribib.cli import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, object]:
    group = typer.main.get_group(app)
    return dict(group.commands)


def test_there_are_commands() -> None:
    assert {"check", "parse", "export"} <= set(_commands())


def test_every_command_has_help_and_is_in_the_readme() -> None:
    runner = CliRunner()
    for name, command in _commands().items():
        assert getattr(command, "help", None), f"{name} has no help text"
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert f"veribib {name}" in README, f"README does not show `veribib {name}`"


def test_every_check_option_is_in_the_readme() -> None:
    check = _commands()["check"]
    for param in getattr(check, "params", []):
        for opt in param.opts:
            if opt.startswith("--"):
                assert opt in README, f"README does not mention {opt}"


def test_readme_set_up_commands_exist_and_ci_runs_the_test_one() -> None:
    assert "bash scripts/demo" in README and "bash scripts/test" in README
    assert (ROOT / "scripts" / "demo").is_file() and (ROOT / "scripts" / "test").is_file()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test" in ci
