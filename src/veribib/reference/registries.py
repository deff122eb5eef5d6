"""Clinical-trial registries: their names, id formats, public pages, and what is wrong with an id.

ClinicalTrials.gov numbers are ``NCT`` + 8 digits, issued in rising order from ``NCT00000102``
(the first digit is still 0); a number far above the highest issued so far cannot exist yet.
Registries other than ClinicalTrials.gov and ISRCTN have no open API: their ids are recognised
and their format checked, nothing more.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from veribib.model import TrialId

NCT = "clinicaltrials.gov"
ISRCTN = "isrctn"

# How each registry is named in messages.
REGISTRY_NAMES: dict[str, str] = {
    NCT: "ClinicalTrials.gov",
    ISRCTN: "ISRCTN",
    "eudract": "EU CTR (EudraCT)",
    "ctis": "EU CTIS",
    "anzctr": "ANZCTR",
    "chictr": "ChiCTR",
    "drks": "DRKS",
    "ctri": "CTRI",
    "jrct": "jRCT",
    "umin": "UMIN-CTR",
    "kct": "CRIS (KCT)",
}

# Registries a live run can ask; the others are recognised and format-checked only.
WITH_API = frozenset((NCT, ISRCTN))

# A study page per id where the registry has a stable one; the WHO ICTRP record otherwise
# (ICTRP imports every primary registry listed here).
_PAGES: dict[str, str] = {
    NCT: "https://clinicaltrials.gov/study/{id}",
    ISRCTN: "https://www.isrctn.com/{id}",
    "eudract": "https://www.clinicaltrialsregister.eu/ctr-search/search?query={id}",
    "ctis": "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT={id}",
    "drks": "https://drks.de/search/en/trial/{id}",
    "jrct": "https://jrct.niph.go.jp/en-latest-detail/{id}",
}
_ICTRP = "https://trialsearch.who.int/Trial2.aspx?TrialID={id}"

# The highest NCT number issued grows by about 46,000 a month (NCT06000000 in August 2023,
# NCT06323538 first posted on 2024-03-21). The ceiling runs ahead of that on purpose: a real
# id must never be called impossible, so only numbers well beyond it count.
_NCT_ANCHOR = (datetime.date(2024, 3, 1), 6_323_538)
_NCT_PER_MONTH = 70_000
_NCT_MARGIN = 300_000

_LOOSE: dict[str, re.Pattern[str]] = {
    NCT: re.compile(r"\bNCT[\s:-]?(\d{5,12})(?!\d)", re.IGNORECASE),
    ISRCTN: re.compile(r"\bISRCTN[\s:-]?(\d{5,12})(?!\d)", re.IGNORECASE),
}
_WIDTH = {NCT: 8, ISRCTN: 8}


def registry_name(registry: str) -> str:
    """The registry as named in messages ("ClinicalTrials.gov", "ChiCTR")."""
    return REGISTRY_NAMES.get(registry, registry or "the trial registry")


def registry_page(trial: TrialId) -> str:
    """The public page of a registration (the WHO ICTRP record where no stable page exists)."""
    return _PAGES.get(trial.registry, _ICTRP).format(id=trial.id)


def nct_ceiling(today: datetime.date | None = None) -> int:
    """A number above every NCT number issued by ``today`` (generous, see the module note)."""
    today = today or datetime.date.today()
    start, issued = _NCT_ANCHOR
    months = max(0, (today.year - start.year) * 12 + today.month - start.month)
    return issued + months * _NCT_PER_MONTH + _NCT_MARGIN


@dataclass(frozen=True, slots=True)
class IdProblem:
    """Why a cited trial id cannot be a registration, and its nearest well-formed reading."""

    reason: str
    nearest: str | None = None
    impossible: bool = False  # well-formed but beyond the numbers issued so far


def _padded(prefix: str, digits: str, width: int) -> str | None:
    """The well-formed id when only leading zeros are missing or extra, else None.

    ``NCT3036124`` reads as ``NCT03036124`` (as ClinicalTrials.gov itself reads it); a short
    number that already starts with 0 lost a digit somewhere, and which one is unknown.
    """
    core = digits.lstrip("0")
    if len(digits) < width and digits[0] == "0":
        return None
    if not core or len(core) > width:
        return None
    return prefix + core.zfill(width)


def trial_id_problem(trial: TrialId, today: datetime.date | None = None) -> IdProblem | None:
    """What is wrong with a cited trial id (digit count, a number not issued yet), or None."""
    width = _WIDTH.get(trial.registry)
    if width is None:
        return None
    prefix = trial.id.rstrip("0123456789")
    digits = trial.id[len(prefix) :]
    name = registry_name(trial.registry)
    if len(digits) != width:
        return IdProblem(
            f"{trial.id} has {len(digits)} digits; {name} numbers have {width}",
            _padded(prefix, digits, width),
        )
    if trial.registry == NCT and int(digits) > nct_ceiling(today):
        return IdProblem(
            f"{trial.id} is beyond the numbers {name} has issued so far", impossible=True
        )
    return None


def find_malformed_trial_ids(text: str) -> list[TrialId]:
    """NCT / ISRCTN numbers written with the wrong number of digits, in order of appearance."""
    hits: list[tuple[int, TrialId]] = []
    for registry, pattern in _LOOSE.items():
        prefix = "NCT" if registry == NCT else "ISRCTN"
        for m in pattern.finditer(text):
            if len(m.group(1)) != _WIDTH[registry]:
                hits.append((m.start(), TrialId(registry, prefix + m.group(1))))
    out: list[TrialId] = []
    for _, trial in sorted(hits, key=lambda h: h[0]):
        if trial not in out:
            out.append(trial)
    return out


def askable(trial: TrialId, today: datetime.date | None = None) -> bool:
    """True when a registry with an API could hold this id (well-formed and possible)."""
    return trial.registry in WITH_API and trial_id_problem(trial, today) is None


__all__ = [
    "ISRCTN",
    "NCT",
    "REGISTRY_NAMES",
    "WITH_API",
    "IdProblem",
    "askable",
    "find_malformed_trial_ids",
    "nct_ceiling",
    "registry_name",
    "registry_page",
    "trial_id_problem",
]
