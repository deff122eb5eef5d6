"""Settings: defaults < config file < environment < explicit options."""

from __future__ import annotations

from pathlib import Path

import pytest

from veribib.config import DEFAULT_CROSSREF_URL, load_settings
from veribib.errors import ConfigError


def test_defaults_point_at_the_live_services(tmp_path: Path) -> None:
    s = load_settings(tmp_path, environ={})
    assert s.crossref_url == DEFAULT_CROSSREF_URL
    assert s.ctgov_url == "https://clinicaltrials.gov/api/v2"
    # The cache lives in the user cache directory, not in whatever directory veribib runs from.
    import platformdirs

    user_cache = str(Path(platformdirs.user_cache_dir("veribib")).resolve())
    assert s.database_url() == f"sqlite:///{user_cache}/veribib.sqlite"
    assert str(tmp_path) not in s.database_url()


def test_every_base_url_comes_from_the_environment(tmp_path: Path) -> None:
    env = {
        "VERIBIB_CROSSREF_URL": "http://127.0.0.1:1/crossref/",
        "VERIBIB_DOI_URL": "http://127.0.0.1:1/doi",
        "VERIBIB_DATACITE_URL": "http://127.0.0.1:1/datacite",
        "VERIBIB_CTGOV_URL": "http://127.0.0.1:1/ctgov/api/v2",
        "VERIBIB_MAILTO": "me@example.org",
        "VERIBIB_DB": "sqlite:///:memory:",
    }
    s = load_settings(tmp_path, environ=env)
    assert s.crossref_url == "http://127.0.0.1:1/crossref"
    assert s.doi_url.endswith("/doi") and s.datacite_url.endswith("/datacite")
    assert s.ctgov_url.endswith("/ctgov/api/v2")
    assert s.mailto == "me@example.org"
    assert s.database_url() == "sqlite:///:memory:"


def test_pyproject_table_then_env_then_options(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.veribib]\nmailto = "file@example.org"\ntimeout = 5\n', encoding="utf-8"
    )
    assert load_settings(tmp_path, environ={}).mailto == "file@example.org"
    assert load_settings(tmp_path, environ={}).timeout == 5.0
    env = {"VERIBIB_MAILTO": "env@example.org"}
    assert load_settings(tmp_path, environ=env).mailto == "env@example.org"
    assert (
        load_settings(tmp_path, environ=env, mailto="opt@example.org").mailto == "opt@example.org"
    )


def test_veribib_toml_is_read(tmp_path: Path) -> None:
    (tmp_path / "veribib.toml").write_text(
        'crossref-url = "http://localhost:9"\n', encoding="utf-8"
    )
    assert load_settings(tmp_path, environ={}).crossref_url == "http://localhost:9"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('colour = "red"\n', "unknown setting"),
        ('mailto = "not-an-email"\n', "mailto"),
        ('crossref-url = "ftp://x"\n', "crossref_url"),
        ("mailto = \n", "veribib.toml"),
    ],
)
def test_bad_configuration_is_named(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "veribib.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path, environ={})


def test_token_is_not_in_repr(tmp_path: Path) -> None:
    s = load_settings(tmp_path, environ={"VERIBIB_CROSSREF_TOKEN": "sekrit-token"})
    assert s.crossref_token == "sekrit-token"
    assert "sekrit" not in repr(s)


def test_the_isrctn_url_setting(tmp_path: Path) -> None:
    assert load_settings(tmp_path, environ={}).isrctn_url == "https://www.isrctn.com/api"
    env = {"VERIBIB_ISRCTN_URL": "http://127.0.0.1:1/isrctn/api/"}
    assert load_settings(tmp_path, environ=env).isrctn_url == "http://127.0.0.1:1/isrctn/api"
    (tmp_path / "veribib.toml").write_text('isrctn-url = "gopher://x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="isrctn_url"):
        load_settings(tmp_path, environ={})


def test_config_found_upwards_to_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.veribib]\nfail-on = "inaccurate,retracted"\n'
        'ignore = [{key = "smith2020", reason = "checked by hand: a book chapter"},'
        ' {doi = "https://doi.org/10.1000/X1", reason = "erratum cited on purpose"}]\n',
        encoding="utf-8",
    )
    deep = tmp_path / "paper" / "chapters"
    deep.mkdir(parents=True)
    s = load_settings(deep, environ={})
    assert s.fail_on == ("inaccurate", "retracted")
    assert [(r.key, r.doi) for r in s.ignore] == [("smith2020", None), (None, "10.1000/x1")]
    assert s.config_file == str((tmp_path / "pyproject.toml").resolve())


def test_config_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "veribib.toml").write_text('mailto = "outer@example.org"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert load_settings(repo, environ={}).mailto != "outer@example.org"


def test_ignore_entry_without_reason_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "veribib.toml").write_text('ignore = [{key = "x"}]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="reason"):
        load_settings(tmp_path, environ={})


def test_user_config_dir_is_the_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    (tmp_path / "xdg" / "veribib").mkdir(parents=True)
    (tmp_path / "xdg" / "veribib" / "veribib.toml").write_text(
        'mailto = "me@example.org"\n', encoding="utf-8"
    )
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert load_settings(repo, environ={}).mailto == "me@example.org"
    (repo / "veribib.toml").write_text('mailto = "repo@example.org"\n', encoding="utf-8")
    assert load_settings(repo, environ={}).mailto == "repo@example.org"
