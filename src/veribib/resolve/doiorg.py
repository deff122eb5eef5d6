"""doi.org client: does a DOI exist at all, and which registration agency holds it.

Used for DOIs Crossref has no record of. ``/ra/{doi},{doi},...`` answers many DOIs per request
(an array in input order); ``{"status": "DOI does not exist"}`` is a fact (NOT_FOUND). DOIs the
``/ra`` answer does not settle (an unknown status, a mismatched array, a DOI with a comma that
cannot be listed) go to ``/api/handles/{doi}``: responseCode 1 or 200 = exists, 404 with
responseCode 100 = does not exist, responseCode 2 = server error (retried, then UNAVAILABLE).
When ``/ra`` itself stays unavailable after its retries the DOIs are UNAVAILABLE: the handle API
is the same host, and an outage must never become "does not exist".
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from veribib.model import DoiRegistration, Outcome, Status
from veribib.resolve.crossref import doi_path
from veribib.resolve.http import RegistryClient, Reply, Unavailable, gather_or_raise, lookup_many
from veribib.resolve.ratelimit import CONSERVATIVE_CONCURRENCY, DOIORG_LIMITS

SOURCE = "doi.org"
RA_BATCH = 50
_DOES_NOT_EXIST = "doi does not exist"
_INVALID = "invalid doi"


def _is_ra_list(data: Any) -> bool:
    return isinstance(data, list) and all(isinstance(x, Mapping) for x in data)


def _is_handle(data: Any) -> bool:
    # responseCode 2 is the handle server's own error: treat it like a 5xx and retry.
    return (
        isinstance(data, Mapping)
        and isinstance(data.get("responseCode"), int)
        and data["responseCode"] != 2
    )


class DoiOrgClient(RegistryClient):
    """doi.org over HTTP, implementing ``DoiRegistry``."""

    name = SOURCE

    url_setting = "doi_url"
    service_label = "doi.org"
    pool_specs = DOIORG_LIMITS
    concurrency = CONSERVATIVE_CONCURRENCY
    default_batch = RA_BATCH

    def _ra_url(self, doi: str) -> str:
        return self.service.url(f"/ra/{doi_path(doi)}")

    def _handle_url(self, doi: str) -> str:
        return self.service.url(f"/api/handles/{doi_path(doi)}")

    @staticmethod
    def _from_ra(doi: str, entry: Mapping[str, Any], url: str) -> Outcome[DoiRegistration] | None:
        """One ``/ra`` array element as an Outcome; None when it does not settle the question."""
        agency = entry.get("RA")
        if isinstance(agency, str) and agency:
            return Outcome(
                status=Status.FOUND,
                value=DoiRegistration(doi=doi, exists=True, agency=agency),
                source=SOURCE,
                url=url,
            )
        status = str(entry.get("status", "")).strip().lower()
        if status in (_DOES_NOT_EXIST, _INVALID):
            detail = (
                "doi.org: DOI does not exist"
                if status == _DOES_NOT_EXIST
                else "doi.org: not a valid DOI"
            )
            return Outcome(
                status=Status.NOT_FOUND,
                value=DoiRegistration(doi=doi, exists=False),
                source=SOURCE,
                detail=detail,
                url=url,
            )
        return None

    async def registrations(self, dois: Sequence[str]) -> dict[str, Outcome[DoiRegistration]]:
        """Whether each DOI exists and at which agency: cache, batched ``/ra``, then handles."""
        return await lookup_many(
            dois,
            key=lambda doi: doi.strip().lower(),
            cached=self._cached_registration,
            listable=lambda doi: "," not in doi,
            batch=self._ra_batch,
            single=self.handle,
            batch_size=self.batch_size,
        )

    def _cached_registration(self, doi: str) -> Outcome[DoiRegistration] | None:
        """A settled answer from the cache: the ``/ra`` one, else the handle API's."""
        hit = self.service.cached(self._ra_url(doi))
        if hit is not None and hit.status == 200 and _is_ra_list(hit.data) and hit.data:
            settled = self._from_ra(doi, hit.data[0], hit.url)
            if settled is not None:
                return settled
        handled = self.service.cached(self._handle_url(doi))
        return None if handled is None else self._from_handle(doi, handled)

    async def _ra_batch(self, dois: list[str]) -> dict[str, Outcome[DoiRegistration]]:
        """One ``/ra`` request for several DOIs; unsettled ones go to the handle API."""
        path = "/ra/" + ",".join(doi_path(d) for d in dois)
        result = await self.service.get(path, validate=_is_ra_list, use_cache=False)
        if isinstance(result, Unavailable):
            return {d: self._unavailable(result) for d in dois}
        entries = result.data if result.status == 200 and isinstance(result.data, list) else []
        aligned = len(entries) == len(dois)
        out: dict[str, Outcome[DoiRegistration]] = {}
        unsettled: list[str] = []
        for position, doi in enumerate(dois):
            entry = entries[position] if aligned else None
            same = isinstance(entry, Mapping) and str(entry.get("DOI", "")).lower() == doi
            outcome = self._from_ra(doi, entry, self._ra_url(doi)) if same and entry else None
            if outcome is None or entry is None:
                unsettled.append(doi)
                continue
            self.service.remember(
                self._ra_url(doi), 200, json.dumps([dict(entry)]).encode(), "application/json"
            )
            out[doi] = outcome
        if unsettled:
            handled = await gather_or_raise(*(self.handle(d) for d in unsettled))
            out.update(zip(unsettled, handled, strict=True))
        return out

    async def handle(self, doi: str) -> Outcome[DoiRegistration]:
        """Whether a DOI exists, from the handle API ``/api/handles/{doi}`` (agency unknown)."""
        result = await self.service.get(f"/api/handles/{doi_path(doi)}", validate=_is_handle)
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        return self._from_handle(doi, result)

    def _from_handle(self, doi: str, result: Reply) -> Outcome[DoiRegistration]:
        code = result.data.get("responseCode") if isinstance(result.data, Mapping) else None
        if result.status == 200 and code in (1, 200):
            return Outcome(
                status=Status.FOUND,
                value=DoiRegistration(doi=doi, exists=True),
                source=SOURCE,
                url=result.url,
            )
        if result.status == 404 and code == 100:
            return Outcome(
                status=Status.NOT_FOUND,
                value=DoiRegistration(doi=doi, exists=False),
                source=SOURCE,
                detail="doi.org: DOI does not exist",
                url=result.url,
            )
        return Outcome(
            status=Status.UNAVAILABLE,
            source=SOURCE,
            detail=f"doi.org handle API answered HTTP {result.status}, responseCode {code}",
            url=result.url,
        )


__all__ = ["RA_BATCH", "DoiOrgClient"]
