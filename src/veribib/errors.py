"""One exception tree for veribib; library errors are mapped to these at one boundary.

    VeribibError                     anything veribib raises on purpose
    ├── ConfigError                  bad configuration (unknown key, bad URL, bad e-mail)
    ├── InputError                   input that cannot be read at all (names the file)
    │   └── SourceError              a source could not make sense of a file (source/)
    ├── ResolveError                 a registry refused us for good, e.g. HTTP 403 (resolve/)
    ├── StoreError                   the database could not be opened or migrated (store/)
    └── ExportError                  a report or BibTeX file could not be written (export/)

Expected outcomes are values, not exceptions: a DOI that Crossref does not know is a
``NOT_FOUND`` outcome, a timeout an ``UNAVAILABLE`` one (see ``veribib.model.Outcome``).
"""

from __future__ import annotations


class VeribibError(Exception):
    """Base of every error veribib raises on purpose."""


class ConfigError(VeribibError):
    """Configuration is invalid."""


class InputError(VeribibError):
    """An input file cannot be read; the message names the file."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class SourceError(InputError):
    """A source could not make sense of a file."""


class ResolveError(VeribibError):
    """A registry refused service for good (e.g. HTTP 403); retrying will not help."""


class StoreError(VeribibError):
    """The database could not be opened, written or migrated."""


class ExportError(VeribibError):
    """A report or BibTeX file could not be written."""
