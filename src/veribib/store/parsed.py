"""Parsed inputs kept for the next run: a file read again byte for byte is not parsed again.

The key is the file's path (it is in every reference id) and bytes, the year (the parser flags
years after next year) and a digest of the code that reads and parses (veribib's version, the
sources of ``source`` and ``reference``, the parser model and the installed BibTeX and LaTeX
libraries). Only formats whose reading depends on the file's bytes alone are kept: a LaTeX or
Markdown manuscript also reads the bibliography files it names, which may change without it.
One version is kept per path.

A cache table beside the versioned schema (SQLite files only; made when first used): deleting
it loses nothing but time.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from datetime import date

import orjson

from veribib.model import Document, Reference
from veribib.store.db import dumps
from veribib.store.jsonload import load
from veribib.store.reuse import package_digest

# Formats read from the file's own bytes only (no companion files).
CACHED_FORMATS = frozenset(("bibtex", "ris", "csljson", "nbib", "endnote", "text"))
_SOURCES = (
    "source",
    "reference",
    "model.py",
    "errors.py",
    "__init__.py",
    "store/parsed.py",
    "store/db.py",
    "store/jsonload.py",
)
_PACKAGES = ("bibtexparser", "pylatexenc", "pycrfsuite", "rapidfuzz")
PARSED_VERSION = 2

_CREATE: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS parsed (key TEXT NOT NULL PRIMARY KEY, path TEXT NOT NULL, "
    "document TEXT NOT NULL, refs TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_parsed_path ON parsed (path)",
)


class ParsedInputs:
    """The parsed inputs of one SQLite file, for this code and year."""

    def __init__(self, db: sqlite3.Connection, today: date | None = None) -> None:
        self.db = db
        year = (today or date.today()).year
        digest = package_digest(_SOURCES, _PACKAGES, f"parsed {PARSED_VERSION}")
        self._context = f"{digest}\0{year}\0".encode()
        # A database that cannot take the table (read-only, full) just keeps nothing: the
        # run's own writes report what is wrong with it.
        self.usable = _try(db, *_CREATE)

    def _key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self._context)
        h.update(path.encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, path: str, data: bytes) -> tuple[Document, tuple[Reference, ...]] | None:
        """The document and references this path's bytes were parsed into, if kept."""
        if not self.usable:
            return None
        try:
            row = self.db.execute(
                "SELECT document, refs FROM parsed WHERE key = ?", (self._key(path, data),)
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        document = load(Document, orjson.loads(row[0]))
        refs = tuple(_unpacked(r) for r in orjson.loads(row[1]))
        if not document.references and refs:
            document = replace(document, references=tuple(r.raw for r in refs))
        return document, refs

    def put(self, path: str, data: bytes, document: Document, refs: tuple[Reference, ...]) -> None:
        """Keep a parse of a format read from its own bytes (the path's only kept version)."""
        if not self.usable or document.format not in CACHED_FORMATS or document.includes:
            return
        self.usable = _try(
            self.db,
            ("DELETE FROM parsed WHERE path = ?", path),
            (
                "INSERT OR REPLACE INTO parsed (key, path, document, refs) VALUES (?, ?, ?, ?)",
                self._key(path, data),
                path,
                dumps(_packed_document(document, refs)),
                dumps([_packed(r) for r in refs]),
            ),
        )


# What is stored once instead of twice (decoding is most of a warm run's reading): a
# document's raw references are its references' own, and a structured source's raw fields
# and identifiers are often the parsed ones.
def _packed_document(document: Document, refs: tuple[Reference, ...]) -> Document:
    """The document without its raw references when they are the references' own."""
    if len(refs) == len(document.references) and all(
        r.raw == raw for r, raw in zip(refs, document.references, strict=True)
    ):
        return replace(document, references=())
    return document


def _packed(ref: Reference) -> dict[str, object]:
    """A reference, its raw fields and identifiers left out where they equal the parsed ones."""
    same_fields = ref.raw.fields is not None and ref.raw.fields == ref.fields
    same_ids = ref.raw.identifiers is not None and ref.raw.identifiers == ref.identifiers
    raw = replace(
        ref.raw,
        fields=None if same_fields else ref.raw.fields,
        identifiers=None if same_ids else ref.raw.identifiers,
    )
    return {"ref": replace(ref, raw=raw), "fields": same_fields, "ids": same_ids}


def _unpacked(data: dict[str, object]) -> Reference:
    """A reference from ``_packed``."""
    ref = load(Reference, data["ref"])
    if data["fields"] or data["ids"]:
        raw = replace(
            ref.raw,
            fields=ref.fields if data["fields"] else ref.raw.fields,
            identifiers=ref.identifiers if data["ids"] else ref.raw.identifiers,
        )
        ref = replace(ref, raw=raw)
    return ref


def _try(db: sqlite3.Connection, *statements: str | tuple[object, ...]) -> bool:
    """Run statements (SQL, or SQL and its parameters) in one transaction; False if it failed."""
    try:
        with db:
            for statement in statements:
                if isinstance(statement, str):
                    db.execute(statement)
                else:
                    db.execute(str(statement[0]), statement[1:])
    except sqlite3.Error:
        return False
    return True


__all__ = ["CACHED_FORMATS", "PARSED_VERSION", "ParsedInputs"]
