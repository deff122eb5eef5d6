"""Settings: service base URLs, contact e-mail, database, limits.

Read in this order, later wins: built-in defaults, ``[tool.veribib]`` in ``pyproject.toml`` or a
``veribib.toml`` in the working directory, environment variables (``VERIBIB_*``), then explicit
arguments (the CLI's options).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from veribib.errors import ConfigError

DEFAULT_CROSSREF_URL = "https://api.crossref.org"
DEFAULT_DOI_URL = "https://doi.org"
DEFAULT_DATACITE_URL = "https://api.datacite.org"
DEFAULT_CTGOV_URL = "https://clinicaltrials.gov/api/v2"
DEFAULT_ARXIV_URL = "https://export.arxiv.org/api"
DEFAULT_PUBMED_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
DEFAULT_OPENALEX_URL = "https://api.openalex.org"
DEFAULT_DBLP_URL = "https://dblp.org"
# The services beyond Crossref (#13); each has a base URL setting.
REGISTRY_URLS = ("arxiv_url", "pubmed_url", "openalex_url", "dblp_url")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# setting name -> environment variable
_ENV = {
    "crossref_url": "VERIBIB_CROSSREF_URL",
    "doi_url": "VERIBIB_DOI_URL",
    "datacite_url": "VERIBIB_DATACITE_URL",
    "ctgov_url": "VERIBIB_CTGOV_URL",
    "mailto": "VERIBIB_MAILTO",
    "db": "VERIBIB_DB",
    "crossref_token": "VERIBIB_CROSSREF_TOKEN",
    "timeout": "VERIBIB_TIMEOUT",
    "max_attempts": "VERIBIB_MAX_ATTEMPTS",
    "cache_dir": "VERIBIB_CACHE_DIR",
    "arxiv_url": "VERIBIB_ARXIV_URL",
    "pubmed_url": "VERIBIB_PUBMED_URL",
    "openalex_url": "VERIBIB_OPENALEX_URL",
    "dblp_url": "VERIBIB_DBLP_URL",
    "ncbi_api_key": "VERIBIB_NCBI_API_KEY",
    "openalex_api_key": "VERIBIB_OPENALEX_API_KEY",
}


def default_cache_dir() -> Path:
    """Where the database and snapshot indexes live by default: ``./cache``."""
    return Path.cwd() / "cache"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with."""

    crossref_url: str = DEFAULT_CROSSREF_URL
    doi_url: str = DEFAULT_DOI_URL
    datacite_url: str = DEFAULT_DATACITE_URL
    ctgov_url: str = DEFAULT_CTGOV_URL
    mailto: str | None = None
    db: str | None = None  # path or SQLAlchemy URL; None = <cache_dir>/veribib.sqlite
    crossref_token: str | None = field(default=None, repr=False)  # Crossref Plus; secret
    timeout: float = 20.0
    max_attempts: int = 4
    cache_dir: str | None = None
    offline: bool = False
    refresh: bool = False
    snapshots: tuple[str, ...] = ()
    arxiv_url: str = DEFAULT_ARXIV_URL
    pubmed_url: str = DEFAULT_PUBMED_URL
    openalex_url: str = DEFAULT_OPENALEX_URL
    dblp_url: str = DEFAULT_DBLP_URL
    ncbi_api_key: str | None = field(default=None, repr=False)  # secret: NCBI only
    openalex_api_key: str | None = field(default=None, repr=False)  # secret: OpenAlex only

    def database_url(self) -> str:
        """The SQLAlchemy URL of the store (a plain path becomes a SQLite file URL)."""
        db = self.db or str(Path(self.cache_dir or default_cache_dir()) / "veribib.sqlite")
        if "://" in db:
            return db
        return f"sqlite:///{Path(db).expanduser().resolve()}"

    def validate(self) -> Settings:
        """Check URLs and the e-mail; raise ConfigError naming the bad setting."""
        for name in ("crossref_url", "doi_url", "datacite_url", "ctgov_url", *REGISTRY_URLS):
            url = getattr(self, name)
            if not re.match(r"^https?://[^\s/]+", url):
                raise ConfigError(f"{name} must be an http(s) URL, got {url!r}")
        if self.mailto is not None and not _EMAIL.match(self.mailto):
            raise ConfigError(f"mailto must be an e-mail address, got {self.mailto!r}")
        if self.timeout <= 0:
            raise ConfigError("timeout must be positive")
        if self.max_attempts < 1:
            raise ConfigError("max_attempts must be at least 1")
        return self


def _coerce(name: str, value: Any) -> Any:
    """Convert a value read from TOML or the environment to the setting's type."""
    try:
        if name == "timeout":
            return float(value)
        if name == "max_attempts":
            return int(value)
        if name in ("offline", "refresh"):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if name == "snapshots":
            return tuple(value) if isinstance(value, list | tuple) else (str(value),)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}: cannot use {value!r}: {exc}") from exc
    return str(value).rstrip("/") if name.endswith("_url") else str(value)


def _from_file(directory: Path) -> dict[str, Any]:
    """Settings from ``veribib.toml`` or ``[tool.veribib]`` in ``pyproject.toml``, if present."""
    known = {f.name for f in fields(Settings)}
    for name, table_path in (("veribib.toml", ()), ("pyproject.toml", ("tool", "veribib"))):
        path = directory / name
        if not path.is_file():
            continue
        try:
            table: Any = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        for key in table_path:
            table = table.get(key, {}) if isinstance(table, Mapping) else {}
        if not table:
            continue
        out: dict[str, Any] = {}
        for key, value in table.items():
            setting = key.replace("-", "_")
            if setting not in known:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            out[setting] = _coerce(setting, value)
        return out
    return {}


def load_settings(
    directory: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Settings for a run: defaults < config file < environment < explicit overrides (not None)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = _from_file(directory or Path.cwd())
    for name, var in _ENV.items():
        if env.get(var):
            values[name] = _coerce(name, env[var])
    for name, value in overrides.items():
        if value is not None:
            values[name] = _coerce(name, value) if not isinstance(value, bool) else value
    return replace(Settings(), **values).validate()
