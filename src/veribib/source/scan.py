"""Which files a directory argument stands for: the inputs veribib reads, nothing else.

Hidden entries, dependency and build folders (``node_modules``, ``.venv``, ``__pycache__`` …)
and whatever the ``.gitignore`` files on the way ignore are skipped; package manifests
(``package.json``, ``composer.json`` …) are code, not bibliographies.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pathspec


INPUT_SUFFIXES = (
    ".bib",
    ".bibtex",
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".qmd",
    ".rmd",
    ".html",
    ".htm",
    ".pdf",
    ".ris",
    ".json",
    ".xml",
    ".nxml",
    ".nbib",
    ".tex",
    ".bbl",
    ".docx",
)
SKIPPED_DIRS = frozenset(
    {
        "node_modules",
        "bower_components",
        "vendor",
        "venv",
        "env",
        "site-packages",
        "__pycache__",
        "_build",
        "build",
        "dist",
        "target",
        "_site",
        "_freeze",
        "renv",
        "packrat",
    }
)
SKIPPED_FILES = frozenset(
    {
        "package.json",
        "package-lock.json",
        "composer.json",
        "composer.lock",
        "tsconfig.json",
        "jsconfig.json",
        "manifest.json",
        "renv.lock",
        "pyrightconfig.json",
        "license.txt",
        "requirements.txt",
        "cmakelists.txt",
        "readme.md",
        "changelog.md",
        "contributing.md",
        "code_of_conduct.md",
        "license.md",
        "security.md",
        "notice.md",
        "notice.txt",
        "authors.md",
        "history.md",
        "news.md",
        "todo.md",
        "support.md",
        "pull_request_template.md",
    }
)


def _gitignore(directory: Path) -> pathspec.PathSpec[Any] | None:
    try:
        lines = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    import pathspec  # only a directory scan with a .gitignore needs it

    return pathspec.GitIgnoreSpec.from_lines(lines.splitlines())


def _ignored(rel: str, specs: list[tuple[str, pathspec.PathSpec[Any]]], is_dir: bool) -> bool:
    for base, spec in specs:
        if base and not rel.startswith(base + "/"):
            continue
        sub = rel[len(base) + 1 :] if base else rel
        if spec.match_file(sub + "/" if is_dir else sub):
            return True
    return False


def _join(base: str, name: str) -> str:
    return f"{base}/{name}" if base else name


def scan_directory(root: Path) -> list[str]:
    """The supported input files under ``root``, sorted, with ignored places skipped."""
    found: list[str] = []
    specs: list[tuple[str, pathspec.PathSpec[Any]]] = []
    for current, dirs, files in os.walk(root):
        here = Path(current)
        rel_here = here.relative_to(root).as_posix()
        rel_here = "" if rel_here == "." else rel_here
        spec = _gitignore(here)
        if spec is not None:
            specs.append((rel_here, spec))

        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d.lower() not in SKIPPED_DIRS
            and not _ignored(_join(rel_here, d), specs, is_dir=True)
        )
        for name in files:
            if (
                name.startswith(".")
                or Path(name).suffix.lower() not in INPUT_SUFFIXES
                or name.lower() in SKIPPED_FILES
                or name.startswith("~$")  # Word's lock file beside an open .docx
                or _ignored(_join(rel_here, name), specs, is_dir=False)
            ):
                continue
            found.append(str(here / name))
    return sorted(found)


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Input paths with directories expanded to the supported files inside them."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir():
            out.extend(scan_directory(path))
        else:
            out.append(str(p))
    return out


def skipped_in(directory: Path) -> list[str]:
    """Files directly in or under ``directory`` that the scan passed over (for messages)."""
    kept = set(scan_directory(directory))
    out: list[str] = []
    for current, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d.lower() not in SKIPPED_DIRS]
        out.extend(
            str(Path(current) / f)
            for f in files
            if not f.startswith(".") and str(Path(current) / f) not in kept
        )
        if len(out) > 1000:
            break
    return sorted(out)


__all__ = ["INPUT_SUFFIXES", "SKIPPED_DIRS", "expand_inputs", "scan_directory", "skipped_in"]
