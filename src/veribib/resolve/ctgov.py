"""ClinicalTrials.gov API v2 client: registered trials by NCT number.

Many ids per request with ``/studies?filter.ids=NCT...,NCT...&pageSize=1000`` (the filter matches
ids and their aliases). Ids absent from that answer are asked one by one with ``/studies/{id}``
(a 301 for an alias id is followed to the canonical study); aliases are also read from
``derivedSection.miscInfoModule.nctIdAliases``.

Only the API's own answers say "no such study": absence from a successful ``filter.ids`` answer
(HTTP 200, JSON with a ``studies`` list), or a single-study 404 in JSON. A 404 in plain text or
HTML — what a proxy, a gateway or an outage page sends for every path — is an outage:
UNAVAILABLE and never cached (the API's own 404 body is not recorded anywhere we could check, so
only its JSON form is trusted). Pacing: at most 1 request per second (``Crawl-delay: 1``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from veribib.config import Settings
from veribib.model import Outcome, Status, Trial
from veribib.resolve.http import RegistryClient, Reply, Unavailable, gather_or_raise, lookup_many
from veribib.resolve.ratelimit import CTGOV_LIMITS
from veribib.resolve.records import trial_from_ctgov

SOURCE = "ctgov"
ID_BATCH = 100  # about 1.2 KB of ids per URL
MAX_PAGES = 20
_NCT = re.compile(r"^NCT\d{8}$")


def _is_study(data: Any) -> bool:
    return isinstance(data, Mapping) and isinstance(data.get("protocolSection"), Mapping)


def _is_study_list(data: Any) -> bool:
    return isinstance(data, Mapping) and isinstance(data.get("studies"), list)


def _api_says_absent(reply: Reply) -> bool:
    """A single-study 404/410 in the API's JSON form (a JSON object that is not a study)."""
    return (
        reply.status in (404, 410)
        and "json" in reply.content_type.lower()
        and isinstance(reply.data, Mapping)
        and not _is_study(reply.data)
    )


def _ids_of(study: Mapping[str, Any]) -> set[str]:
    """The NCT id of a study and all its aliases, upper-case."""
    trial = trial_from_ctgov(study)
    return {i for i in (trial.id, *trial.aliases) if i}


class ClinicalTrialsClient(RegistryClient):
    """ClinicalTrials.gov over HTTP, implementing ``TrialRegistry``."""

    name = SOURCE

    url_setting = "ctgov_url"
    service_label = "ClinicalTrials.gov"
    pool_specs = CTGOV_LIMITS
    concurrency = 1
    default_batch = ID_BATCH

    def service_options(self, settings: Settings) -> dict[str, Any]:
        """Alias ids answer 301 to the canonical study: follow it."""
        return {"follow_redirects": True}

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
        if _api_says_absent(result):
            return Outcome(
                status=Status.NOT_FOUND,
                source=SOURCE,
                detail=f"ClinicalTrials.gov has no study {asked}",
                url=result.url,
            )
        kind = "an HTML page" if result.body.lstrip()[:1] == b"<" else "plain text"
        detail = f"ClinicalTrials.gov answered HTTP {result.status}"
        if result.status in (400, 404, 410):
            detail += f" with {kind}, not the API's answer (a proxy or an outage?)"
        return Outcome(status=Status.UNAVAILABLE, source=SOURCE, detail=detail, url=result.url)

    async def trial(self, nct: str) -> Outcome[Trial]:
        """One trial through ``/studies/{id}`` (aliases redirected to the canonical study)."""
        asked = nct.strip().upper()
        url = self._study_url(asked)
        hit = self.service.cached(url)
        if hit is not None and (cached := self._single_outcome(asked, hit)).is_fact:
            return cached
        result = await self.service.get(f"/studies/{asked}", validate=_is_study, use_cache=False)
        outcome = self._single_outcome(asked, result)
        if isinstance(result, Reply) and outcome.is_fact:
            # Only the API's own answers are kept: a proxy's 404 must not outlive the outage.
            self.service.remember(url, result.status, result.body, result.content_type)
        return outcome

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
        outcome = None if hit is None else self._single_outcome(nct, hit)
        return outcome if outcome is not None and outcome.is_fact else None

    async def _batch(self, ids: list[str]) -> dict[str, Outcome[Trial]]:
        """One ``filter.ids`` query (following pages).

        Ids absent from a successful answer are asked once more one by one (an alias the
        filter missed); if that finds nothing either, the batch's absence is the fact. When the
        batch itself was refused (HTTP 400/404: one odd id, or not the API at all), every id is
        asked one by one and judged on its own answer.
        """
        studies: dict[str, Mapping[str, Any]] = {}
        token: str | None = None
        result: Reply | Unavailable | None = None
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
        if result is None or isinstance(result, Unavailable):
            failed = result or Unavailable(self.service.url("/studies"), "not asked")
            return {i: self._unavailable(failed) for i in ids}
        answered = result.status == 200
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
            for nct, single in zip(absent, singles, strict=True):
                out[nct] = self._absent(nct, single, result.url) if answered else single
        return out

    async def by_secondary_ids(self, ids: Sequence[str]) -> dict[str, Outcome[Trial]]:
        """The studies whose records list these ids (EudraCT, CTIS, sponsor numbers).

        ``query.term=AREA[SecondaryId]"..."`` (Essie's area search, as the API documents it;
        not recorded). A record listing the id exactly is FOUND; none is NOT_CHECKED, never
        NOT_FOUND: most trials of other registries are simply not on ClinicalTrials.gov.
        """
        wanted = list(dict.fromkeys(ids))
        replies = await gather_or_raise(
            *(
                self.service.get(
                    "/studies",
                    [("query.term", f'AREA[SecondaryId]"{i}"'), ("pageSize", "10")],
                    validate=_is_study_list,
                )
                for i in wanted
            )
        )
        out: dict[str, Outcome[Trial]] = {}
        for asked, result in zip(wanted, replies, strict=True):
            if isinstance(result, Unavailable) or result.status != 200:
                detail = result.detail if isinstance(result, Unavailable) else ""
                out[asked] = Outcome(
                    Status.UNAVAILABLE, source=SOURCE, detail=detail or "search failed"
                )
                continue
            hits = [trial_from_ctgov(s) for s in result.data["studies"] if isinstance(s, Mapping)]
            match = next(
                (t for t in hits if asked.upper() in map(str.upper, t.secondary_ids)), None
            )
            if match is not None:
                out[asked] = Outcome(
                    Status.FOUND,
                    value=match,
                    source=SOURCE,
                    detail=f"listed by {match.id} as a secondary id",
                    url=result.url,
                )
            else:
                out[asked] = Outcome(
                    Status.NOT_CHECKED,
                    source=SOURCE,
                    detail="no ClinicalTrials.gov record lists it",
                    url=result.url,
                )
        return out

    def _absent(self, nct: str, single: Outcome[Trial], batch_url: str) -> Outcome[Trial]:
        """An id a successful ``filter.ids`` answer lacked: found by its own lookup, or absent."""
        if single.found or single.status is Status.NOT_FOUND:
            return single
        url = self._study_url(nct)
        # Kept as a JSON 404 whose body is veribib's own note naming the batch answer (not the
        # API's text), so a later run reads it as the fact it is.
        note = {"nctId": nct, "absentFrom": batch_url, "source": "veribib: filter.ids answer"}
        self.service.remember(url, 404, json.dumps(note).encode(), "application/json")
        return Outcome(
            status=Status.NOT_FOUND,
            source=SOURCE,
            detail=f"ClinicalTrials.gov has no study {nct} (absent from its filter.ids answer)",
            url=url,
        )


__all__ = ["ID_BATCH", "ClinicalTrialsClient"]
