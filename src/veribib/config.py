"""Settings: service base URLs, contact e-mail, database, limits.

Read in this order, later wins: built-in defaults, ``[tool.veribib]`` in ``pyproject.toml`` or a
``veribib.toml`` — the nearest one in the working directory or above it up to the repository root,
else ``veribib.toml`` in the user config directory — environment variables (``VERIBIB_*``), then
explicit arguments (the CLI's options).
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
DEFAULT_ISRCTN_URL = "https://www.isrctn.com/api"
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
    "isrctn_url": "VERIBIB_ISRCTN_URL",
    "mailto": "VERIBIB_MAILTO",
    "db": "VERIBIB_DB",
    "crossref_token": "VERIBIB_CROSSREF_TOKEN",
    "timeout": "VERIBIB_TIMEOUT",
    "max_attempts": "VERIBIB_MAX_ATTEMPTS",
    "cache_dir": "VERIBIB_CACHE_DIR",
    "deadline": "VERIBIB_DEADLINE",
    "arxiv_url": "VERIBIB_ARXIV_URL",
    "pubmed_url": "VERIBIB_PUBMED_URL",
    "openalex_url": "VERIBIB_OPENALEX_URL",
    "dblp_url": "VERIBIB_DBLP_URL",
    "ncbi_api_key": "VERIBIB_NCBI_API_KEY",
    "openalex_api_key": "VERIBIB_OPENALEX_API_KEY",
}


def default_cache_dir() -> Path:
    """Where the database and snapshot indexes live by default: the user cache directory."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("veribib"))


def user_config_file() -> Path:
    """The per-user config file (``veribib.toml`` in the user config directory)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("veribib")) / "veribib.toml"


@dataclass(frozen=True)
class IgnoreRule:
    """A reference a team has checked by hand: matched by citation key or DOI, with a reason."""

    reason: str
    key: str | None = None
    doi: str | None = None

    def __str__(self) -> str:
        what = f"key {self.key}" if self.key else f"doi {self.doi}"
        return f"{what}: {self.reason}"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with."""

    crossref_url: str = DEFAULT_CROSSREF_URL
    doi_url: str = DEFAULT_DOI_URL
    datacite_url: str = DEFAULT_DATACITE_URL
    ctgov_url: str = DEFAULT_CTGOV_URL
    isrctn_url: str = DEFAULT_ISRCTN_URL
    mailto: str | None = None
    db: str | None = None  # path or SQLAlchemy URL; None = <cache_dir>/veribib.sqlite
    crossref_token: str | None = field(default=None, repr=False)  # Crossref Plus; secret
    timeout: float = 20.0
    max_attempts: int = 4
    cache_dir: str | None = None
    offline: bool = False
    refresh: bool = False
    snapshots: tuple[str, ...] = ()
    fail_on: tuple[str, ...] = ()  # verdicts/flags that fail a CLI run (config file: fail-on)
    ignore: tuple[IgnoreRule, ...] = ()  # the baseline: references not to fail on
    config_file: str | None = None  # where the file settings came from (for messages)

    deadline: float | None = None  # seconds the run may spend asking registries; None: no limit
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
        for name in (
            "crossref_url",
            "doi_url",
            "datacite_url",
            "ctgov_url",
            "isrctn_url",
            *REGISTRY_URLS,
        ):
            url = getattr(self, name)
            if not re.match(r"^https?://[^\s/]+", url):
                raise ConfigError(f"{name} must be an http(s) URL, got {url!r}")
        if self.mailto is not None and not _EMAIL.match(self.mailto):
            raise ConfigError(f"mailto must be an e-mail address, got {self.mailto!r}")
        if self.timeout <= 0:
            raise ConfigError("timeout must be positive")
        if self.max_attempts < 1:
            raise ConfigError("max_attempts must be at least 1")
        token = self.crossref_token
        if token is not None and not re.fullmatch(r"[\x21-\x7e]+", token):
            # Never echo it: the value is a secret, and it is malformed anyway.
            raise ConfigError(
                "crossref_token (VERIBIB_CROSSREF_TOKEN) contains white space, control or "
                "non-ASCII characters; fix the value (it is not shown here)"
            )
        if self.deadline is not None and not self.deadline > 0:
            raise ConfigError("deadline must be a positive number of seconds")
        return self


def _coerce(name: str, value: Any) -> Any:
    """Convert a value read from TOML or the environment to the setting's type."""
    try:
        if name in ("timeout", "deadline"):
            return float(value)
        if name == "max_attempts":
            return int(value)
        if name in ("offline", "refresh"):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if name == "snapshots":
            return tuple(value) if isinstance(value, list | tuple) else (str(value),)
        if name == "fail_on":
            items = value if isinstance(value, list | tuple) else [value]
            return tuple(p.strip() for v in items for p in str(v).split(",") if p.strip())
        if name == "ignore":
            return _ignore_rules(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}: cannot use {value!r}: {exc}") from exc
    return str(value).rstrip("/") if name.endswith("_url") else str(value)


def _ignore_rules(value: Any) -> tuple[IgnoreRule, ...]:
    if not isinstance(value, list | tuple):
        raise ValueError("ignore must be a list of {key = ..., reason = ...} tables")
    rules: list[IgnoreRule] = []
    for item in value:
        if isinstance(item, IgnoreRule):
            rules.append(item)
            continue
        if not isinstance(item, Mapping) or not (item.get("key") or item.get("doi")):
            raise ValueError(f"each ignore entry needs a key or a doi: {item!r}")
        if not str(item.get("reason", "")).strip():
            raise ValueError(f"each ignore entry needs a reason: {item!r}")
        doi = str(item["doi"]).strip().lower() if item.get("doi") else None
        if doi:
            doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", doi)
        key = str(item["key"]).strip() if item.get("key") else None
        rules.append(IgnoreRule(str(item["reason"]).strip(), key, doi))
    return tuple(rules)


def config_candidates(directory: Path) -> list[Path]:
    """Directories whose config files count, nearest first: up to the repository root."""
    out: list[Path] = []
    for d in (directory.resolve(), *directory.resolve().parents):
        out.append(d)
        if (d / ".git").exists():
            break
    return out


def _from_file(directory: Path) -> dict[str, Any]:
    """Settings from the nearest config file (see the module docstring), if any."""
    for d in config_candidates(directory):
        found = _from_directory(d)
        if found:
            return found
    user = user_config_file()
    return _from_directory(user.parent, only_own=True) if user.is_file() else {}


def _from_directory(directory: Path, only_own: bool = False) -> dict[str, Any]:
    """Settings from ``veribib.toml`` or ``[tool.veribib]`` in ``pyproject.toml``, if present."""
    known = {f.name for f in fields(Settings)} - {"config_file"}
    files = (("veribib.toml", ()), ("pyproject.toml", ("tool", "veribib")))
    for name, table_path in files[:1] if only_own else files:
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
        out["config_file"] = str(path)
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
