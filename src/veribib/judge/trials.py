"""Cited clinical-trial ids: does each exist, and is it about what the citation is about?

Topic check: the citation's content words (title, or the raw text when there is no title) are
compared, by 5-letter stems, with the trial's titles, acronym, conditions, interventions and
keywords. A trial sharing no stem at all with a citation of three or more content words has
"nothing to do with" it (TRIAL_TOPIC_MISMATCH); any shared stem is enough to let it stand,
since trial titles and article titles word the same study very differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from veribib.judge import codes
from veribib.judge.describe import outcome_name
from veribib.judge.normalise import STOPWORDS, words, wordset
from veribib.model import Evidence, Reference, Resolution, Status, Trial

# Stem length for topic words: long enough to keep topics apart, short enough to join
# "dermatology"/"dermatological", "exosome"/"exosomes".
TOPIC_STEM = 5
# A citation with fewer content words than this is too short to call off-topic.
TOPIC_MIN_WORDS = 3

# Words every trial or article title uses; they say nothing about the topic.
_GENERIC = wordset(
    "study trial trials clinical randomized randomised controlled phase patients patient "
    "effect effects efficacy safety evaluation evaluate evaluating investigating "
    "investigation analysis review systematic results outcomes treatment therapy open label "
    "double blind placebo versus single multicenter multicentre pilot cohort group adults "
    "adult healthy subjects participants use using based new novel role human"
)
_NCT = re.compile(r"\bNCT\d{8}\b", re.I)


class TrialStatus(StrEnum):
    """What the registry said of one cited trial id."""

    OK = "ok"  # exists and fits (or nothing to compare it with)
    NOT_FOUND = "not_found"  # authoritative: no such trial
    TOPIC_MISMATCH = "topic_mismatch"  # exists, about something else
    UNKNOWN = "unknown"  # registry unavailable, offline, a non-authoritative miss, or unclear


@dataclass(frozen=True, slots=True)
class TrialFinding:
    """One cited trial id judged: status, evidence and the registry record if any."""

    id: str
    status: TrialStatus
    evidence: Evidence
    trial: Trial | None = None
    offline: bool = False


def _stems(text: str) -> set[str]:
    return {
        w[:TOPIC_STEM]
        for w in words(text)
        if len(w) >= 3 and not w.isdigit() and w not in STOPWORDS and w not in _GENERIC
    }


def _topic_text(reference: Reference) -> str:
    title = reference.fields.title
    if title:
        return title
    return _NCT.sub(" ", reference.raw.text)


def _trial_text(trial: Trial) -> str:
    return " ".join(
        [
            trial.brief_title,
            trial.official_title or "",
            trial.acronym or "",
            *trial.conditions,
            *trial.interventions,
            *trial.keywords,
        ]
    )


def check_trials(reference: Reference, resolution: Resolution) -> tuple[TrialFinding, ...]:
    """Judge every cited trial id the resolver looked up."""
    findings: list[TrialFinding] = []
    for trial_id, outcome in resolution.trials:
        where = outcome_name(outcome, "ClinicalTrials.gov")
        if outcome.status is Status.FOUND and outcome.value is not None:
            trial = outcome.value
            cited = _stems(_topic_text(reference))
            shared = cited & _stems(_trial_text(trial))
            if len(cited) >= TOPIC_MIN_WORDS and not shared:
                findings.append(
                    TrialFinding(
                        trial_id,
                        TrialStatus.TOPIC_MISMATCH,
                        Evidence(
                            codes.TRIAL_TOPIC_MISMATCH,
                            f"{trial_id} is '{trial.brief_title}' "
                            f"(conditions: {', '.join(trial.conditions) or 'none listed'}), "
                            "which shares no topic with the citation",
                        ),
                        trial,
                    )
                )
            elif cited and not shared:
                # One or two topic words, none the trial's: too few to call it another
                # study, too many apart to call it this one.
                findings.append(
                    TrialFinding(
                        trial_id,
                        TrialStatus.UNKNOWN,
                        Evidence(
                            codes.TRIAL_FOUND,
                            f"{where} has {trial_id}: '{trial.brief_title}', which shares no "
                            "topic word with the citation (too few to tell whether it is the "
                            "cited study)",
                        ),
                        trial,
                    )
                )
            else:
                findings.append(
                    TrialFinding(
                        trial_id,
                        TrialStatus.OK,
                        Evidence(
                            codes.TRIAL_FOUND, f"{where} has {trial_id}: '{trial.brief_title}'"
                        ),
                        trial,
                    )
                )
        elif outcome.status is Status.NOT_FOUND and outcome.authoritative:
            findings.append(
                TrialFinding(
                    trial_id,
                    TrialStatus.NOT_FOUND,
                    Evidence(codes.TRIAL_NOT_FOUND, f"{where} has no trial {trial_id}"),
                )
            )
        else:
            offline = outcome.status is Status.NOT_CHECKED
            code = codes.NOT_CHECKED_OFFLINE if offline else codes.REGISTRY_UNAVAILABLE
            if outcome.status is Status.NOT_FOUND:
                code, why = codes.NOT_IN_REGISTRY, "not in the local data (no evidence either way)"
            elif offline:
                why = "not checked (offline, no cached answer)"
            else:
                why = "could not be checked"
            detail = f": {outcome.detail}" if outcome.detail else ""
            findings.append(
                TrialFinding(
                    trial_id,
                    TrialStatus.UNKNOWN,
                    Evidence(code, f"trial {trial_id} {why}{detail}"),
                    offline=offline,
                )
            )
    return tuple(findings)
