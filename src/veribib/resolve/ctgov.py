"""ClinicalTrials.gov API v2 client: registered trials by NCT number.

Many ids per request with ``/studies?filter.ids=NCT...,NCT...&pageSize=1000`` (the filter matches
ids and their aliases). Ids absent from that answer are asked one by one with
``/studies/{id}``: a 404 there is NOT_FOUND (a fact), a 301 for an alias id is followed to the
canonical study. Aliases are also read from ``derivedSection.miscInfoModule.nctIdAliases``.
Pacing: at most 1 request per second (the site's ``Crawl-delay: 1``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from veribib.config import Settings
from veribib.model import Outcome, Status, Trial
from veribib.resolve.http import RegistryClient, Reply, Unavailable, gather_or_raise, lookup_many
from veribib.resolve.interface import ResponseCache
from veribib.resolve.ratelimit import CTGOV_LIMITS, make_pools
from veribib.resolve.records import trial_from_ctgov
from veribib.resolve.retry import RetryPolicy

SOURCE = "ctgov"
ID_BATCH = 100  # about 1.2 KB of ids per URL
MAX_PAGES = 20
_NCT = re.compile(r"^NCT\d{8}$")


def _is_study(data: Any) -> bool:
    return isinstance(data, Mapping) and isinstance(data.get("protocolSection"), Mapping)


def _is_study_list(data: Any) -> bool:
    return isinstance(data, Mapping) and isinstance(data.get("studies"), list)


def _ids_of(study: Mapping[str, Any]) -> set[str]:
    """The NCT id of a study and all its aliases, upper-case."""
    trial = trial_from_ctgov(study)
    return {i for i in (trial.id, *trial.aliases) if i}


class ClinicalTrialsClient(RegistryClient):
    """ClinicalTrials.gov over HTTP, implementing ``TrialRegistry``."""

    name = SOURCE

    def __init__(
        self,
        settings: Settings,
        cache: ResponseCache | None = None,
        *,
        batch_size: int = ID_BATCH,
        policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.batch_size = max(1, batch_size)
        super().__init__(
            settings,
            settings.ctgov_url,
            make_pools(CTGOV_LIMITS, 1),
            cache=cache,
            policy=policy,
            transport=transport,
            label="ClinicalTrials.gov",
            follow_redirects=True,  # alias ids answer 301 to the canonical study
        )

    def _study_url(self, nct: str) -> str:
        return self.service.url(f"/studies/{nct}")

    @staticmethod
    def _found(asked: str, study: Mapping[str, Any], url: str, cached: bool) -> Outcome[Trial]:
        trial = trial_from_ctgov(study)
        notes = []
        if trial.id and trial.id != asked:
            notes.append(f"{asked} is an alias of {trial.id}")
        if cached:
            notes.append("from cache")
        return Outcome(
            status=Status.FOUND, value=trial, source=SOURCE, detail="; ".join(notes), url=url
        )

    def _single_outcome(self, asked: str, result: Reply | Unavailable) -> Outcome[Trial]:
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        if result.status == 200 and _is_study(result.data):
            return self._found(asked, result.data, result.url, result.from_cache)
        if result.status in (400, 404, 410):
            what = "no such study" if result.status != 400 else "not a valid study id"
            return Outcome(
                status=Status.NOT_FOUND,
                source=SOURCE,
                detail=f"ClinicalTrials.gov: {what} ({result.text(120) or result.status})",
                url=result.url,
            )
        return Outcome(
            status=Status.UNAVAILABLE,
            source=SOURCE,
            detail=f"ClinicalTrials.gov answered HTTP {result.status}",
            url=result.url,
        )

    async def trial(self, nct: str) -> Outcome[Trial]:
        """One trial through ``/studies/{id}`` (aliases redirected to the canonical study)."""
        asked = nct.strip().upper()
        result = await self.service.get(f"/studies/{asked}", validate=_is_study)
        return self._single_outcome(asked, result)

    async def trials(self, ids: Sequence[str]) -> dict[str, Outcome[Trial]]:
        """Many trials: cached ones, then ``batch_size`` ids per ``filter.ids`` request."""
        return await lookup_many(
            ids,
            key=lambda nct: nct.strip().upper(),
            cached=self._cached_trial,
            listable=lambda nct: _NCT.match(nct) is not None,
            batch=self._batch,
            single=self.trial,
            batch_size=self.batch_size,
        )

    def _cached_trial(self, nct: str) -> Outcome[Trial] | None:
        hit = self.service.cached(self._study_url(nct))
        return None if hit is None else self._single_outcome(nct, hit)

    async def _batch(self, ids: list[str]) -> dict[str, Outcome[Trial]]:
        """One ``filter.ids`` query (following pages); absent ids are asked one by one."""
        studies: dict[str, Mapping[str, Any]] = {}
        token: str | None = None
        for _ in range(MAX_PAGES):
            params = [("filter.ids", ",".join(ids)), ("pageSize", "1000")]
            if token:
                params.append(("pageToken", token))
            result = await self.service.get(
                "/studies", params, validate=_is_study_list, use_cache=False
            )
            if isinstance(result, Unavailable) or result.status != 200:
                break
            for study in result.data["studies"]:
                if isinstance(study, Mapping):
                    for nct in _ids_of(study):
                        studies[nct] = study
            next_token = result.data.get("nextPageToken")
            token = next_token if isinstance(next_token, str) and next_token else None
            if token is None:
                break
        else:
            result = Unavailable(self.service.url("/studies"), "too many pages")
        if isinstance(result, Unavailable):
            return {i: self._unavailable(result) for i in ids}
        out: dict[str, Outcome[Trial]] = {}
        absent: list[str] = []
        for nct in ids:
            study = studies.get(nct)
            if study is None:
                absent.append(nct)
                continue
            url = self._study_url(nct)
            self.service.remember(url, 200, json.dumps(study).encode(), "application/json")
            out[nct] = self._found(nct, study, url, cached=False)
        if absent:
            singles = await gather_or_raise(*(self.trial(i) for i in absent))
            out.update(zip(absent, singles, strict=True))
        return out


__all__ = ["ID_BATCH", "ClinicalTrialsClient"]
