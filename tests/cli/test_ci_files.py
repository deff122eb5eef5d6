"""The CI integrations: the pre-commit hook runs on a sample repository, the Action and the
README's CI recipes are linted and validated against their published schemas."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MANUSCRIPT = PROJECT / "tests" / "source" / "data" / "manuscript"


def _tool(
    name: str, *args: str, cwd: Path = PROJECT, **env: str
) -> subprocess.CompletedProcess[str]:
    exe = BIN / name
    if not exe.exists():
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        env={**os.environ, **env},
    )


def test_action_and_hook_yaml_pass_yamllint() -> None:
    result = _tool(
        "yamllint", "--strict", "-c", ".yamllint.yaml", "action.yml", ".pre-commit-hooks.yaml"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_action_matches_the_github_action_schema() -> None:
    result = _tool("check-jsonschema", "--builtin-schema", "vendor.github-actions", "action.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    action = yaml.safe_load((PROJECT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "format"} <= set(action["inputs"])
    script = next(s["run"] for s in action["runs"]["steps"] if s.get("id") == "check")
    assert "${{" not in script  # inputs reach the script only through the environment


def test_hook_manifest_is_valid() -> None:
    result = _tool("pre-commit", "validate-manifest", ".pre-commit-hooks.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def _readme_blocks(lang: str) -> list[str]:
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


@pytest.mark.parametrize(
    ("marker", "schema"),
    [("on:", "vendor.github-workflows"), ("stages:", "vendor.gitlab-ci")],
    ids=["github-actions", "gitlab-ci"],
)
def test_readme_ci_recipes_are_valid(tmp_path: Path, marker: str, schema: str) -> None:
    blocks = [b for b in _readme_blocks("yaml") if re.search(rf"^{marker}", b, re.M)]
    assert blocks, f"README has no CI recipe with {marker!r}"
    for n, block in enumerate(blocks):
        path = tmp_path / f"recipe{n}.yml"
        path.write_text(block, encoding="utf-8")
        result = _tool("check-jsonschema", "--builtin-schema", schema, str(path))
        assert result.returncode == 0, block + result.stdout + result.stderr


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.org", "-c", "user.name=ci", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_pre_commit_try_repo_runs_the_hook_on_a_sample_repository(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "thesis"
    repo.mkdir()
    for name in ("paper.tex", "methods.tex", "refs.bib"):
        shutil.copy(MANUSCRIPT / name, repo / name)
    (repo / "veribib.toml").write_text(
        f'offline = true\ncache-dir = "{tmp_path / "cache"}"\nfail-on = "unresolved"\n',
        encoding="utf-8",
    )
    _git("init", "-q", cwd=repo)
    _git("add", ".", cwd=repo)
    _git("commit", "-qm", "thesis", cwd=repo)
    # try-repo installs this checkout (committed or staged files) into a fresh environment.
    result = _tool(
        "pre-commit",
        "try-repo",
        str(PROJECT),
        "veribib",
        "--all-files",
        cwd=repo,
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
    )
    out = result.stdout + result.stderr
    # Offline, nothing can be verified: "fail-on = unresolved" from the repository's config
    # fails the hook, and the report names each reference by file:line.
    assert result.returncode == 1, out
    assert "veribib (check references)" in out and "Failed" in out
    assert "refs.bib:2" in out and "devlin2019bert" in out
