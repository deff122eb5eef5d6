"""Pandoc, Quarto and R Markdown manuscripts: the ``bibliography:`` files, ``[@key]`` citations.

The YAML front matter names the bibliography files (BibTeX, CSL-JSON, RIS …, read with their
own format, entries keeping their own file:line) and may hold ``references:`` items in CSL form.
Citations are Pandoc's ``[@key]``, ``[see @key, p. 3; @other]``, ``[-@key]`` and narrative
``@key``, outside code. A Markdown file with neither front-matter bibliography nor citation keys
is running text with its own reference list, and is read as such.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from veribib.model import Document, InTextCitation, Origin, RawReference, Warning_
from veribib.source.companions import read_companions
from veribib.source.csljson import reference_from_csl
from veribib.source.decode import decode_text
from veribib.source.interface import Source
from veribib.source.text import read_text

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Pandoc's key grammar: a letter, digit or _, then word characters, with : . # $ % & - + ? < > ~ /
# allowed inside (not at the end); or any text in braces.
_KEY = r"(?:\{(?P<braced>[^{}\n]+)\}|(?P<plain>\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*))"
_CITE = re.compile(rf"(?<![\w@.\\`])-?@{_KEY}")
_FENCE = re.compile(r"^(?P<f>`{3,}|~{3,})[^\n]*\n.*?^(?P=f)[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)[^`\n]*?\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BRACKETED = re.compile(r"\[[^\[\]\n]*(?<![\w@.])-?@\w[^\[\]\n]*\]")


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The YAML front matter as a dict (empty if none or not a mapping) and its length."""
    m = _FRONT.match(text)
    if m is None:
        return {}, 0
    import yaml  # loaded only for a document with front matter

    try:
        data = yaml.safe_load(m.group("yaml"))
    except yaml.YAMLError:
        return {}, 0
    return (dict(data) if isinstance(data, Mapping) else {}), m.end()


def _blank(m: re.Match[str]) -> str:
    """The match with everything but line breaks blanked (line numbers kept)."""
    return re.sub(r"[^\n]", " ", m.group(0))


def _code_blanked(text: str) -> str:
    for pattern in (_FENCE, _HTML_COMMENT, _INLINE_CODE):
        text = pattern.sub(_blank, text)
    return text


def citation_keys(text: str, path: str, start: int = 0) -> list[InTextCitation]:
    """Pandoc citations by key in ``text[start:]``, code and comments skipped, with their line."""
    body = _code_blanked(re.sub(r"[^\n]", " ", text[:start]) + text[start:])
    out: list[InTextCitation] = []
    for m in _CITE.finditer(body):
        key = m.group("braced") or m.group("plain")
        line = body.count("\n", 0, m.start()) + 1
        out.append(InTextCitation(f"@{key}", Origin(path, line, len(out)), key=key))
    return out


def _bibliography_files(path: str, meta: dict[str, Any]) -> list[tuple[Path, Origin]]:
    names = meta.get("bibliography") or []
    if isinstance(names, str):
        names = [names]
    base = Path(path).parent
    where = Origin(path, 1)
    return [(base / str(n), where) for n in names if isinstance(n, str | Path) and str(n).strip()]


def _inline_references(path: str, meta: dict[str, Any], first: int) -> list[RawReference]:
    items = meta.get("references") or []
    if not isinstance(items, list):
        return []
    return [
        reference_from_csl(item, Origin(path, 1, first + k))
        for k, item in enumerate(i for i in items if isinstance(i, Mapping))
    ]


class MarkdownSource(Source):
    """Pandoc / Quarto / R Markdown (``.md``, ``.qmd``, ``.Rmd``) and plain Markdown."""

    format = "markdown"
    extensions = (".md", ".markdown", ".qmd", ".rmd", ".pandoc")

    def read(self, path: str, data: bytes) -> Document:
        """Read the front matter's bibliography and the citation keys; else the text's own list."""
        text, decode_warnings = decode_text(path, data)
        meta, body_start = front_matter(text)
        files = _bibliography_files(path, meta)
        citations = citation_keys(text, path, body_start)
        # A bare "@name" in a blog post is a handle; Pandoc syntax needs a bracketed citation.
        pandoc = bool(files) or "references" in meta or _BRACKETED.search(_code_blanked(text))
        if not pandoc:
            result = read_text(text, path)
            return Document(
                path,
                self.format,
                result.references,
                result.citations,
                decode_warnings + result.warnings,
            )
        references, warnings, used = read_companions(files)
        references += _inline_references(path, meta, len(references))
        warnings = list(decode_warnings) + warnings
        if not files and "references" not in meta:
            warnings.append(
                Warning_(
                    Origin(path),
                    f"cites {len(citations)} keys but its front matter names no bibliography",
                )
            )
        elif not references:
            warnings.append(Warning_(Origin(path), "its bibliography files gave no references"))
        return Document(
            path, self.format, tuple(references), tuple(citations), tuple(warnings), includes=used
        )


__all__ = ["MarkdownSource", "citation_keys", "front_matter"]
