"""Cited clinical-trial ids: is each well-formed, does it exist, and is it what the citation cites?

Per cited id, in this order:

1. A malformed id (wrong digit count) cannot be looked up: TRIAL_ID_MALFORMED, with the nearest
   well-formed reading when only leading zeros differ; a well-formed NCT number beyond those
   issued so far cannot exist: NOT_FOUND with the same code.
2. A registry without an open API (ChiCTR, EU CTR, ...): the id's format is valid, nothing more
   is known (TRIAL_NOT_CHECKABLE) — unless a ClinicalTrials.gov record the citation also cites
   lists it among its secondary ids, which links it (TRIAL_LINKED).
3. Not found by the registry itself (authoritatively) → NOT_FOUND; an outage, offline run or a
   snapshot's miss → UNKNOWN.
4. Found. Links between publication and registration decide first: the matched article's
   Crossref record names the trial (``clinical-trial-number``), or the trial's record lists the
   cited article (PMID or DOI) → OK (TRIAL_LINKED). Then the topic (``trialtopic``):
   - OK needs positive agreement: the trial's acronym named, its brief or official title written
     out, or cited words of weight at least ``AGREE`` that the record shares (its conditions,
     interventions, titles, keywords) among which something the trial tests;
   - TOPIC_MISMATCH on clear disagreement: the citation names another trial (a name, however
     written, that the record nowhere holds; for a record without an acronym, unless the
     citation writes out its title), or a drug the trial does not test while naming nothing it
     tests; or, unless it writes the trial's
     title, most of its substantive words are not the record's while it names nothing the trial
     tests (sharing the condition alone is not agreement), half of them when it names neither what
     the trial tests nor its condition (a therapy every arm receives is not what it tests); or
     at least ``MISMATCH_WORDS``
     informative words the record lacks, weighing at least ``DISAGREE`` and ``DISAGREE_RATIO``
     times the weight it shares, or most of four or more substantive cited words the record
     lacks while it shares no more than a common word; or it names the condition or what every
     arm receives (a background therapy, the comparator) but nothing the trial tests, and adds
     an aspect the record lacks ("aspirin resistance", "inhaler technique"; any word beside the
     comparator: "insulin glargine costs"); or, unless it names the trial or writes its title,
     it asks what the record nowhere mentions, outcomes and arms included (``_asks_other`` in
     ``trialtopic``): a behaviour, a therapy's use, supply or price, pharmacokinetics in other
     people, another disease ("retinopathy"), another kind of study ("a meta-analysis"), a
     comparison the trial never makes ("versus warfarin"), how a disease is found (imaging,
     staging, screening), a latent form (or acute where the record says chronic) or a cancer
     of another site; or people its eligibility excludes (``other_people``: "adults" on a
     trial of infants, "men" on one of women); or, for a registration cited as such whose
     title shares words with the record, what the record nowhere writes (``_lacked`` in
     ``trialtopic``: a rare word, another form of a word it qualifies, another dose, a
     country none of its sites is in);
   - otherwise UNKNOWN, showing the trial's title so a person can judge.
   A found article whose record names other trials and not this one, when the topic does not
   agree, gets TRIAL_WRONG_ID (a mismatch).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from veribib.judge import codes
from veribib.judge.trialtopic import TopicReading, read_topic
from veribib.judge.trialwords import weight
from veribib.model import (
    Evidence,
    Outcome,
    Reference,
    ReferenceType,
    Resolution,
    Status,
    Trial,
    TrialId,
    Work,
)
from veribib.reference.registries import (
    NCT,
    WITH_API,
    registry_name,
    registry_page,
    trial_id_problem,
)

# Weight of shared informative words that shows the citation is about the trial.
AGREE = 1.0
# A citation whose informative words the record lacks, weighing at least DISAGREE and at least
# DISAGREE_RATIO times what it shares (which is under AGREE), in MISMATCH_WORDS words or more,
# is about something else.
DISAGREE = 1.5
DISAGREE_RATIO = 3.0
MISMATCH_WORDS = 3
# Or: at least SPREAD_WORDS substantive cited words, SPREAD_SHARE of them not the trial's, while
# what it shares weighs under BARELY (a common word or two).
SPREAD_WORDS = 4
SPREAD_SHARE = 0.75
BARELY = 0.3
# Or: a trial is what it tests in whom. A citation naming only one of the two (the condition
# but nothing the trial tests, or something it tests but not its condition), in at least
# FOREIGN_WORDS substantive words, of which those beside the part it names are mostly (at least
# FOREIGN_UNSHARED) not the trial's, describes another study.
FOREIGN_WORDS = 3
FOREIGN_UNSHARED = 2
# Or: a citation naming the trial's condition (or words of its record) but nothing it tests,
# whose own subject is a word the record lacks weighing at least ASPECT ("Aspirin resistance",
# "inhaler technique", "fracture risk", "awareness"), studies that aspect, not the trial.
ASPECT = 0.15
# Extra fields of a structured source that may name or describe the trial.
_CONTEXT_FIELDS = ("note", "howpublished", "annote", "addendum", "subtitle", "titleaddon")


class TrialStatus(StrEnum):
    """What the registry said of one cited trial id."""

    OK = "ok"  # exists, and the citation agrees with it (or a publication link shows it)
    NOT_FOUND = "not_found"  # authoritative: no such trial (or a number not issued yet)
    TOPIC_MISMATCH = "topic_mismatch"  # exists, about something else (or another trial's id)
    MALFORMED = "malformed"  # cannot be a registration as written (wrong digit count)
    UNKNOWN = "unknown"  # unavailable, offline, no open API, a snapshot's miss, or unclear


@dataclass(frozen=True, slots=True)
class TrialFinding:
    """One cited trial id judged: status, evidence and the registry record if any."""

    id: str
    status: TrialStatus
    evidence: Evidence
    trial: Trial | None = None
    offline: bool = False


def _registry_of(reference: Reference, trial_id: str) -> TrialId:
    for t in reference.identifiers.trials:
        if t.id == trial_id:
            return t
    return TrialId(NCT if trial_id.upper().startswith("NCT") else "", trial_id)


def _cited_text(reference: Reference) -> tuple[str, str]:
    """(what the citation says the work is, text around it that may name the trial)."""
    extra = [v for k, v in reference.raw.extra if k in _CONTEXT_FIELDS]
    # a group as author may name the trial ("The ASPREE Trial Investigators")
    extra += [p.family for p in reference.fields.authors if not p.given and " " in p.family]
    title = reference.fields.title or ""
    raw = reference.raw.text
    if reference.fields.type is ReferenceType.CLINICAL_TRIAL or not title:
        return (title or raw), " ".join([raw, *extra])
    return title, " ".join(extra)


def _describe(trial: Trial) -> str:
    conditions = ", ".join(trial.conditions[:4]) or "none listed"
    return f"'{trial.brief_title}' (conditions: {conditions})"


def _link(reference: Reference, trial: Trial, found: Work | None) -> str | None:
    """A publication ↔ registration link between the citation and the trial, described."""
    if found is not None and trial.id in found.trial_numbers:
        return f"Crossref's record of {found.doi} names {trial.id}"
    dois = {d for d in (reference.identifiers.doi, found.doi if found else None) if d}
    listed = dois & set(trial.dois)
    if listed:
        return f"{trial.id}'s record lists {sorted(listed)[0]} among its results"
    if reference.identifiers.pmid and reference.identifiers.pmid in trial.pmids:
        return f"{trial.id}'s record lists PMID {reference.identifiers.pmid} among its results"
    return None


def _foreign(reading: TopicReading) -> bool:
    """The citation does not name both what the trial tests and in whom, and most of what it
    says beside the part it names is not in the record."""
    beside = reading.substantive - reading.agreed_words
    # naming neither, half its words foreign is enough: nothing in it claims the trial
    neither = not (reading.names_treatment or reading.names_condition)
    return (
        not (reading.names_treatment and reading.names_condition)
        and reading.substantive >= FOREIGN_WORDS
        and reading.unshared >= FOREIGN_UNSHARED
        and (2 * reading.unshared > beside or (neither and 2 * reading.unshared >= beside))
    )


def _aspect(reading: TopicReading) -> bool:
    """The citation names whom the trial studies, or what every arm receives, but not what it
    tests, and adds an activity or aspect the record lacks (any word, when what it names is
    the comparator: the trial tests something else against it)."""
    return (
        reading.tests_known
        and not reading.names_treatment
        and (reading.names_condition or reading.agree >= AGREE or reading.names_comparator)
        and any(weight(w) >= ASPECT or reading.names_comparator for w in reading.unshared_words)
    )


def _topic_status(reading: TopicReading) -> TrialStatus:
    if reading.acronym_agrees:
        return TrialStatus.OK
    # a record without an acronym may be known by a name it does not hold: its title decides
    if reading.other_drugs or (
        reading.other_acronym and (reading.has_acronym or not reading.title_agrees)
    ):
        return TrialStatus.TOPIC_MISMATCH
    if reading.title_agrees:
        return TrialStatus.OK
    # what the record nowhere mentions (outcomes included) that the citation studies — of
    # people (adherence), of a therapy's use or price, of the body in other people, another
    # disease, another kind of study or comparison — makes another study however well it names
    # the therapy
    if reading.asks_other:
        return TrialStatus.TOPIC_MISMATCH
    # people its eligibility excludes ("adults" on a trial of infants) are another study's
    if reading.other_people:
        return TrialStatus.TOPIC_MISMATCH
    # a registration's title as cited is the record's words: beside words it shares, rare
    # words it nowhere writes ("smouldering", "multiparous", a drug it never gives) are another
    # study's (sharing nothing, two such words are too few to tell: the rules below decide)
    if reading.unexplained and reading.agree > 0:
        return TrialStatus.TOPIC_MISMATCH
    if _foreign(reading):
        return TrialStatus.TOPIC_MISMATCH
    # shared words alone are no agreement on what the trial tests: the condition named with
    # other people or another activity ("screening in children") is another study of it
    if reading.agree >= AGREE and (reading.names_treatment or not reading.tests_known):
        return TrialStatus.OK
    if _aspect(reading):
        return TrialStatus.TOPIC_MISMATCH
    if (
        reading.disagree >= max(DISAGREE, DISAGREE_RATIO * reading.agree)
        and len(reading.lacking) >= MISMATCH_WORDS
    ):
        return TrialStatus.TOPIC_MISMATCH
    if (
        reading.agree < BARELY
        and reading.substantive >= SPREAD_WORDS
        and reading.unshared >= SPREAD_SHARE * reading.substantive
    ):
        return TrialStatus.TOPIC_MISMATCH
    return TrialStatus.UNKNOWN


def _why_mismatch(reading: TopicReading) -> str:
    if reading.other_acronym:
        return f"the citation names {reading.other_acronym}, another trial"
    if reading.other_drugs:
        return f"the citation names {', '.join(reading.other_drugs)}, which it does not test"
    if reading.asks_other:
        return f"which does not study {', '.join(reading.asks_other)}"
    if reading.other_people:
        return f"which does not enrol {', '.join(reading.other_people)}"
    if reading.unexplained:
        quoted = ", ".join(f"'{w}'" for w in reading.unexplained[:5])
        return f"which nowhere mentions the citation's {quoted}"
    said = reading.lacking or reading.unshared_words
    return f"which has nothing of the citation's {', '.join(said[:5])}"


def _found(
    reference: Reference, trial_id: TrialId, trial: Trial, found: Work | None
) -> TrialFinding:
    held = TrialId(trial.registry, trial.id)  # the record found (an EU number's CT.gov record)
    where, page = registry_name(held.registry), registry_page(held)
    if trial.id != trial_id.id:
        where = f"{trial_id.id} is listed by {where}, which"
    link = _link(reference, trial, found)
    if link is not None:
        return TrialFinding(
            trial_id.id,
            TrialStatus.OK,
            Evidence(codes.TRIAL_LINKED, f"{link}: {_describe(trial)} ({page})"),
            trial,
        )
    cited, context = _cited_text(reference)
    titled = reference.fields.type is ReferenceType.CLINICAL_TRIAL and bool(reference.fields.title)
    reading = read_topic(cited, context, trial, titled)
    status = _topic_status(reading)
    others = [n for n in (found.trial_numbers if found else ()) if n != trial.id]
    if others and status is not TrialStatus.OK:
        return TrialFinding(
            trial_id.id,
            TrialStatus.TOPIC_MISMATCH,
            Evidence(
                codes.TRIAL_WRONG_ID,
                f"Crossref's record of {found.doi if found else 'the article'} names "
                f"{', '.join(others)}, not {trial.id}, {_describe(trial)} ({page})",
            ),
            trial,
        )
    if status is TrialStatus.TOPIC_MISMATCH:
        message = f"{trial.id} is {_describe(trial)}, {_why_mismatch(reading)} ({page})"
        return TrialFinding(
            trial_id.id, status, Evidence(codes.TRIAL_TOPIC_MISMATCH, message), trial
        )
    if status is TrialStatus.OK:
        basis = (
            "its acronym"
            if reading.acronym_agrees
            else ", ".join(reading.shared[:5])
            if reading.agree >= AGREE
            else "its title"
        )
        message = f"{where} has {trial.id}: '{trial.brief_title}', agreeing on {basis} ({page})"
        return TrialFinding(trial_id.id, status, Evidence(codes.TRIAL_FOUND, message), trial)
    message = (
        f"{where} has {trial.id}: '{trial.brief_title}'; too little in the citation agrees "
        f"with it to tell whether it is the cited study ({page})"
    )
    return TrialFinding(trial_id.id, status, Evidence(codes.TRIAL_FOUND, message), trial)


def _not_asked(trial_id: TrialId, outcome: Outcome[Trial], linked_by: Trial | None) -> TrialFinding:
    """A registry without an open API: its format is all that could be checked."""
    name = registry_name(trial_id.registry)
    if linked_by is not None:
        return TrialFinding(
            trial_id.id,
            TrialStatus.OK,
            Evidence(
                codes.TRIAL_LINKED,
                f"{linked_by.id}'s ClinicalTrials.gov record lists {trial_id.id} ({name}) "
                "among its ids",
            ),
            linked_by,
        )
    detail = outcome.detail or f"{name} has no open API: format valid, not checked"
    return TrialFinding(
        trial_id.id,
        TrialStatus.UNKNOWN,
        Evidence(codes.TRIAL_NOT_CHECKABLE, f"{detail} ({registry_page(trial_id)})"),
    )


def _malformed(trial_id: TrialId, today: datetime.date | None) -> TrialFinding | None:
    problem = trial_id_problem(trial_id, today)
    if problem is None:
        return None
    hint = f" (did you mean {problem.nearest}?)" if problem.nearest else ""
    status = TrialStatus.NOT_FOUND if problem.impossible else TrialStatus.MALFORMED
    return TrialFinding(
        trial_id.id, status, Evidence(codes.TRIAL_ID_MALFORMED, f"{problem.reason}{hint}")
    )


def _unknown(trial_id: TrialId, outcome: Outcome[Trial]) -> TrialFinding:
    offline = outcome.status is Status.NOT_CHECKED
    code = codes.NOT_CHECKED_OFFLINE if offline else codes.REGISTRY_UNAVAILABLE
    if outcome.status is Status.NOT_FOUND:
        code, why = codes.NOT_IN_REGISTRY, "not in the local data (no evidence either way)"
    elif offline:
        why = "not checked (offline, no cached answer)"
    else:
        why = "could not be checked"
    detail = f": {outcome.detail}" if outcome.detail else ""
    name = registry_name(trial_id.registry)
    return TrialFinding(
        trial_id.id,
        TrialStatus.UNKNOWN,
        Evidence(code, f"{name} trial {trial_id.id} {why}{detail}"),
        offline=offline,
    )


def check_trials(
    reference: Reference,
    resolution: Resolution,
    found: Work | None = None,
    today: datetime.date | None = None,
) -> tuple[TrialFinding, ...]:
    """Judge every cited trial id; ``found`` is the cited article when a route found it."""
    records = [o.value for _, o in resolution.trials if o.found and o.value is not None]
    findings: list[TrialFinding] = []
    for raw_id, outcome in resolution.trials:
        trial_id = _registry_of(reference, raw_id)
        bad = _malformed(trial_id, today)
        if bad is not None:
            findings.append(bad)
        elif outcome.status is Status.FOUND and outcome.value is not None:
            findings.append(_found(reference, trial_id, outcome.value, found))
        elif trial_id.registry not in WITH_API:
            linked = next((t for t in records if trial_id.id in t.secondary_ids), None)
            findings.append(_not_asked(trial_id, outcome, linked))
        elif outcome.status is Status.NOT_FOUND and outcome.authoritative:
            name = registry_name(trial_id.registry)
            findings.append(
                TrialFinding(
                    raw_id,
                    TrialStatus.NOT_FOUND,
                    Evidence(
                        codes.TRIAL_NOT_FOUND,
                        f"{name} has no trial {raw_id} ({registry_page(trial_id)})",
                    ),
                )
            )
        else:
            findings.append(_unknown(trial_id, outcome))
    return tuple(findings)


__all__ = ["AGREE", "DISAGREE", "TrialFinding", "TrialStatus", "check_trials"]
