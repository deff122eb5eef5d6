"""DataCite REST API client: work records for DOIs DataCite registered (``/dois/{doi}``).

Asked only for DOIs doi.org attributes to DataCite, so one request per DOI is cheap enough;
the pool limiter keeps them at a conservative pace. A 404 (JSON:API ``errors``) is NOT_FOUND.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from veribib.config import Settings
from veribib.model import Fields, Outcome, Status, Work
from veribib.resolve.crossref import doi_path
from veribib.resolve.http import RegistryClient, Unavailable, gather_or_raise
from veribib.resolve.ratelimit import CONSERVATIVE_CONCURRENCY, DATACITE_LIMITS
from veribib.resolve.records import datacite_schema_problem, work_from_datacite

SOURCE = "datacite"


def _is_error_document(data: Any) -> bool:
    """DataCite's own JSON:API error shape (``{"errors": [...]}``): only that is a "not found"."""
    return isinstance(data, Mapping) and isinstance(data.get("errors"), list)


def _is_doi_document(data: Any) -> bool:
    """A DOI document whose record has the schema's types (else it is garbled)."""
    return (
        isinstance(data, Mapping)
        and isinstance(data.get("data"), Mapping)
        and datacite_schema_problem(data["data"]) is None
    )


class DataCiteClient(RegistryClient):
    """DataCite over HTTP, implementing ``WorkRegistry`` (lookups by DOI only)."""

    name = SOURCE
    authoritative = True

    url_setting = "datacite_url"
    service_label = "DataCite"
    pool_specs = DATACITE_LIMITS
    concurrency = CONSERVATIVE_CONCURRENCY

    def service_options(self, settings: Settings) -> dict[str, Any]:
        """DataCite's own error document is its "no such DOI"."""
        return {"is_miss": lambda reply: _is_error_document(reply.data)}

    async def work(self, doi: str) -> Outcome[Work]:
        """One DOI through ``/dois/{doi}``."""
        result = await self.service.get(f"/dois/{doi_path(doi)}", validate=_is_doi_document)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        data = result.data.get("data") if isinstance(result.data, Mapping) else None
        if result.status == 200 and isinstance(data, Mapping):
            return Outcome(
                status=Status.FOUND,
                value=work_from_datacite(data),
                source=SOURCE,
                detail="from cache" if result.from_cache else "",
                url=result.url,
            )
        if result.status in (400, 404, 410) and _is_error_document(result.data):
            return self._not_found(result, "DataCite has no record of this DOI")
        return self._unexpected(result)

    async def works_by_doi(self, dois: Sequence[str]) -> dict[str, Outcome[Work]]:
        """Many DOIs, one request each, paced by the pool limiter."""
        unique = list(dict.fromkeys(d.strip().lower() for d in dois))
        outcomes = await gather_or_raise(*(self.work(d) for d in unique))
        found = dict(zip(unique, outcomes, strict=True))
        return {doi: found[doi.strip().lower()] for doi in dois}

    async def search(self, fields: Fields, text: str, rows: int = 5) -> Outcome[tuple[Work, ...]]:
        """Not offered: veribib searches Crossref; DataCite is asked by DOI only."""
        return Outcome(status=Status.NOT_CHECKED, source=SOURCE, detail="DataCite is not searched")

    async def by_locator(
        self, container: str, volume: str | None, first_page: str, year: int | None
    ) -> Outcome[tuple[Work, ...]]:
        """Not offered: journal locators are Crossref's domain."""
        return Outcome(status=Status.NOT_CHECKED, source=SOURCE, detail="DataCite is not searched")


__all__ = ["DataCiteClient"]
