"""ISRCTN registry client: registered trials by ISRCTN number, through its public XML API.

``GET {isrctn_url}/query/format/default?q=ISRCTN12345678`` answers an ``<allTrials
totalCount="N">`` document in the namespace ``http://www.67bricks.com/isrctn``, one
``<fullTrial><trial>`` per hit: ``<isrctn>`` (the digits), ``<trialDescription>`` (``title``,
``scientificTitle``, ``acronym``), ``<externalRefs>`` (``eudraCTNumber``,
``clinicalTrialsGovNumber``, ``doi``), ``<conditions><condition><description>`` and
``<interventions><intervention>`` (``description``, ``drugNames``); sponsors are
``<fullTrial><sponsor><organisation>``. A well-formed answer without a trial of that number is
"no such trial"; anything else (HTML, another status, XML of another shape) is an outage.
No ISRCTN response was recorded for veribib: this follows the shape public clients of the API
parse (and the stand-in serves the same shape, built from that description).
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from veribib.model import Outcome, Status, Trial
from veribib.resolve.http import RegistryClient, Reply, Unavailable, gather_or_raise
from veribib.resolve.ratelimit import CTGOV_LIMITS
from veribib.resolve.records import clean_text

SOURCE = "isrctn"
_NS = "{http://www.67bricks.com/isrctn}"


def _parse(body: bytes) -> Element | None:
    """The ``allTrials`` root of an answer, or None when it is not one."""
    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return None
    return root if root.tag == f"{_NS}allTrials" else None


def _text(node: Element | None, path: str) -> str | None:
    found = node.find(path.replace("i:", _NS)) if node is not None else None
    return clean_text(found.text) if found is not None and found.text else None


def _texts(node: Element | None, path: str) -> tuple[str, ...]:
    if node is None:
        return ()
    out = [clean_text(e.text) for e in node.findall(path.replace("i:", _NS)) if e.text]
    return tuple(dict.fromkeys(t for t in out if t))


def trial_from_isrctn(full: Element) -> Trial | None:
    """One ``<fullTrial>`` as a Trial (None without an ISRCTN number)."""
    trial = full.find(f"{_NS}trial")
    number = _text(trial, "i:isrctn")
    if trial is None or not number:
        return None
    desc = trial.find(f"{_NS}trialDescription")
    refs = trial.find(f"{_NS}externalRefs")
    secondary = [_text(refs, "i:eudraCTNumber"), _text(refs, "i:clinicalTrialsGovNumber")]
    drugs = [d for v in _texts(trial, "i:interventions/i:intervention/i:drugNames") for d in
             v.split(",")]  # fmt: skip
    doi = _text(refs, "i:doi")
    return Trial(
        id="ISRCTN" + number.removeprefix("ISRCTN"),
        brief_title=_text(desc, "i:title") or "",
        official_title=_text(desc, "i:scientificTitle"),
        acronym=_text(desc, "i:acronym"),
        conditions=_texts(trial, "i:conditions/i:condition/i:description"),
        interventions=tuple(
            dict.fromkeys(
                [
                    *_texts(trial, "i:interventions/i:intervention/i:description"),
                    *(d.strip() for d in drugs if d.strip()),
                ]
            )
        ),
        sponsor=_text(full, "i:sponsor/i:organisation"),
        secondary_ids=tuple(s for s in secondary if s and s.lower() not in ("nil known", "n/a")),
        dois=(doi.lower(),) if doi and doi.startswith("10.") else (),
        registry="isrctn",
    )


class IsrctnClient(RegistryClient):
    """The ISRCTN registry over HTTP, implementing ``TrialRegistry``."""

    name = SOURCE

    url_setting = "isrctn_url"
    service_label = "ISRCTN"
    pool_specs = CTGOV_LIMITS
    concurrency = 1

    def _outcome(self, asked: str, result: Reply | Unavailable) -> Outcome[Trial]:
        if isinstance(result, Unavailable):
            return self._unavailable(result)
        root = _parse(result.body) if result.status == 200 else None
        if root is None:
            kind = "an HTML page" if result.body.lstrip()[:1] == b"<" else "another answer"
            return Outcome(
                status=Status.UNAVAILABLE,
                source=SOURCE,
                detail=f"ISRCTN answered HTTP {result.status} with {kind}",
                url=result.url,
            )
        for full in root.findall(f"{_NS}fullTrial"):
            trial = trial_from_isrctn(full)
            if trial is not None and trial.id == asked:
                return Outcome(status=Status.FOUND, value=trial, source=SOURCE, url=result.url)
        return self._not_found(result, f"ISRCTN has no trial {asked}")

    async def trial(self, isrctn: str) -> Outcome[Trial]:
        """One trial by its ISRCTN number."""
        asked = "ISRCTN" + isrctn.strip().upper().removeprefix("ISRCTN")
        result = await self.service.get(
            "/query/format/default", [("q", asked)], expect_json=False, use_cache=False
        )
        outcome = self._outcome(asked, result)
        if isinstance(result, Reply) and outcome.is_fact:
            self.service.remember(result.url, result.status, result.body, result.content_type)
        return outcome

    def _cached(self, asked: str) -> Outcome[Trial] | None:
        hit = self.service.cached(self.service.url("/query/format/default", [("q", asked)]))
        outcome = None if hit is None else self._outcome(asked, hit)
        return outcome if outcome is not None and outcome.is_fact else None

    async def trials(self, ids: Sequence[str]) -> dict[str, Outcome[Trial]]:
        """Many trials, one request each (the API has no id list); cached answers first."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, Outcome[Trial]] = {}
        todo: list[str] = []
        for i in wanted:
            hit = self._cached(i)
            if hit is None:
                todo.append(i)
            else:
                out[i] = hit
        answers = await gather_or_raise(*(self.trial(i) for i in todo))
        out.update(zip(todo, answers, strict=True))
        return out


__all__ = ["IsrctnClient", "trial_from_isrctn"]
