"""Small pure parts of the clients: the memory cache, User-Agent, locator checks."""

from __future__ import annotations

import pytest

from veribib.model import Fields, Work
from veribib.resolve.crossref import at_locator, bibliographic_query, container_matches, doi_path
from veribib.resolve.http import DAY, MemoryCache, user_agent
from veribib.resolve.interface import CachedResponse


def test_user_agent_names_project_and_contact() -> None:
    assert user_agent("me@example.org") == (
        "veribib/0.1.0 (+https://github.com/veribib/veribib; mailto:me@example.org)"
    )
    assert "mailto" not in user_agent(None)


def test_memory_cache_ages_by_status() -> None:
    now = [1_000_000.0]
    cache = MemoryCache(clock=lambda: now[0])
    cache.put(CachedResponse("u200", 200, b"{}", "application/json", fetched_at=now[0]))
    cache.put(CachedResponse("u404", 404, b"Resource not found.", "text/plain", fetched_at=now[0]))
    now[0] += 2 * DAY
    assert cache.get("u200", 30 * DAY, DAY) is not None
    assert cache.get("u404", 30 * DAY, DAY) is None
    now[0] += 29 * DAY
    assert cache.get("u200", 30 * DAY, DAY) is None


@pytest.mark.parametrize("status", [429, 500, 503])
def test_memory_cache_refuses_failures(status: int) -> None:
    with pytest.raises(ValueError):
        MemoryCache().put(CachedResponse("u", status, b"", "text/plain", fetched_at=0.0))


@pytest.mark.parametrize(
    ("cited", "title", "expected"),
    [
        ("J Biol Chem", "Journal of Biological Chemistry", True),
        ("PLoS ONE", "PLoS ONE", True),
        ("Nature", "Nature Communications", True),
        ("Sci Rep", "Scientific Reports", True),
        ("J Biol Chem", "Journal of Chemical Physics", False),
        ("Lancet", "Nature", False),
        ("", "Nature", False),
    ],
)
def test_container_matches(cited: str, title: str, expected: bool) -> None:
    assert container_matches(cited, [title]) is expected


def _work(volume: str | None, pages: str | None, article: str | None = None) -> Work:
    return Work(
        source="crossref",
        doi="10.1/x",
        fields=Fields(container="PLoS ONE", volume=volume, pages=pages),
        article_number=article,
    )


def test_at_locator_needs_volume_and_first_page() -> None:
    assert at_locator(_work("7", "e33693"), "PLoS ONE", "7", "e33693")
    assert at_locator(_work("7", "e33693"), "PLoS ONE", "7", "33693")  # e-locator prefix
    assert at_locator(_work("12", None, "e0033693"), "PLoS One", "12", "e0033693")
    assert at_locator(_work("156", "923-928"), "PLoS ONE", "156", "923")
    assert not at_locator(_work("156", "923-928"), "PLoS ONE", "155", "923")
    assert not at_locator(_work("156", "923-928"), "PLoS ONE", "156", "924")
    assert not at_locator(_work("156", "923-928"), "Lancet", "156", "923")
    assert not at_locator(_work(None, "923-928"), "PLoS ONE", "156", "923")


def test_query_from_fields_and_doi_paths() -> None:
    query = bibliographic_query(Fields(title="A title", container="Nature", year=2020))
    assert query == "A title Nature 2020"
    assert doi_path("10.1002/(SICI)1097-0258;2-X") == "10.1002/(SICI)1097-0258%3B2-X"
    assert doi_path("10.1000/a#b?c") == "10.1000/a%23b%3Fc"
