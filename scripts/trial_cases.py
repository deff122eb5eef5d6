"""The trial-citation corpus: registrations cited in every form veribib reads, and wrong ones.

Built from the three recorded ClinicalTrials.gov studies in ``../shared/data/ctgov`` and the
constructed records in ``tests/data/trials`` (see its NOTICE). Each case is one reference with
the class it belongs to and what veribib should say of it:

- ``real-text``: a registration cited in running text (sponsor-first with "First posted" and
  "Accessed", the National Library of Medicine style, acronym-first with a classic URL);
- ``real-bibtex``: the same in BibTeX, the id in each field people put it in (url of each
  ClinicalTrials.gov URL form, note, howpublished, number, eprint, title, an @article whose
  journal is ClinicalTrials.gov, a @techreport);
- ``real-ris`` and ``real-csljson``: RIS and CSL-JSON records of registrations;
- ``real-article``: the trial's result paper cited with its NCT id (text and BibTeX);
- ``wrong-acronym``: a trial's acronym cited with another trial's id of the same field, so the
  cited text and the trial share their condition's words;
- ``wrong-topic``: an unrelated study cited with a real id, sharing common words with it;
- ``wrong-id-article``: a result paper cited with another trial's id;
- ``malformed``, ``not-issued``, ``unknown-id``, ``other-registry``, ``isrctn``: the rest.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT / "tests" / "data" / "trials"

# Classes whose references name a real registration correctly: never to be called mismatched.
REAL = ("real-text", "real-bibtex", "real-ris", "real-csljson", "real-article")
WRONG = ("wrong-acronym", "wrong-topic", "wrong-id-article")


@dataclass(frozen=True)
class TrialCase:
    """One reference of the corpus: its class, input format, text and expected outcome."""

    id: str
    cls: str
    format: str  # "text", "bibtex", "ris", "csljson"
    body: str  # the reference as written in its format (a BibTeX entry, one RIS record, ...)
    nct: str  # the id cited
    expect: str  # "verified", "mismatch", "malformed", "fabricated", "unresolved"


def shared_data() -> Path:
    """``$VERIBIB_SHARED/data`` or ``<project>/../shared/data``."""
    root = os.environ.get("VERIBIB_SHARED")
    return (Path(root) if root else PROJECT.parent / "shared") / "data"


def studies() -> list[dict[str, Any]]:
    """The recorded studies, then the constructed ones."""
    out = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((shared_data() / "ctgov").glob("*.json"))
    ]
    return out + _jsonl("studies.jsonl")


def _jsonl(name: str) -> list[dict[str, Any]]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def constructed_studies() -> list[dict[str, Any]]:
    """The constructed studies only, every set (the stand-in holds the recorded ones already)."""
    return [r for name in STUDY_FILES for r in _jsonl(name)]


def articles() -> list[dict[str, Any]]:
    """The constructed Crossref records of the trials' result papers."""
    with (CORPUS / "articles.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def isrctn_trials() -> list[dict[str, Any]]:
    """The constructed ISRCTN registrations the stand-in serves."""
    data: list[dict[str, Any]] = json.loads((CORPUS / "isrctn.json").read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class _Study:
    nct: str
    brief: str
    official: str
    acronym: str | None
    sponsor: str
    conditions: tuple[str, ...]
    posted: str
    year: str
    interventions: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()


def _study(record: dict[str, Any]) -> _Study:
    p = record["protocolSection"]
    ident = p["identificationModule"]
    status = p.get("statusModule", {})
    posted = (status.get("studyFirstPostDateStruct") or {}).get("date") or ""
    start = (status.get("startDateStruct") or {}).get("date") or posted or "2024"
    return _Study(
        nct=ident["nctId"],
        brief=ident["briefTitle"],
        official=ident.get("officialTitle") or ident["briefTitle"],
        acronym=ident.get("acronym"),
        sponsor=p.get("sponsorCollaboratorsModule", {}).get("leadSponsor", {}).get("name", ""),
        conditions=tuple(p.get("conditionsModule", {}).get("conditions", [])),
        posted=posted,
        year=(posted or start)[:4],
        interventions=tuple(
            i["name"]
            for i in p.get("armsInterventionsModule", {}).get("interventions", [])
            if "placebo" not in i["name"].lower()
        ),
        secondary=tuple(i["id"] for i in ident.get("secondaryIdInfos", [])),
    )


def _bib_escape(text: str) -> str:
    return text.replace("&", r"\&").replace("%", r"\%").replace("_", r"\_")


def _text_forms(s: _Study) -> list[str]:
    posted = f" First posted {s.posted}." if s.posted else ""
    name = s.acronym or s.sponsor
    return [
        f"{s.sponsor}. {s.brief}. ClinicalTrials.gov identifier: {s.nct}.{posted} "
        f"Accessed March 3, 2024. https://clinicaltrials.gov/study/{s.nct}",
        "ClinicalTrials.gov [Internet]. Bethesda (MD): National Library of Medicine (US). "
        f"2000 -. Identifier {s.nct}, {s.official}; {s.year} [cited 2024 Mar 3]. Available from: "
        f"https://clinicaltrials.gov/ct2/show/{s.nct}",
        f"{name}. {s.brief}. {s.year}. https://classic.clinicaltrials.gov/ct2/show/{s.nct}"
        f"?term={s.nct}&draw=2&rank=1",
    ]


def _bibtex_forms(s: _Study, key: str) -> list[str]:
    brief, official = _bib_escape(s.brief), _bib_escape(s.official)
    sponsor = _bib_escape(s.sponsor)
    short = f"{s.acronym}: {brief}" if s.acronym else brief
    return [
        f"@misc{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  year = {{{s.year}}},\n  url = {{https://clinicaltrials.gov/study/{s.nct}}}\n}}",
        f"@misc{{{key}b,\n  title = {{{official}}},\n  year = {{{s.year}}},\n"
        f"  howpublished = {{\\url{{https://clinicaltrials.gov/ct2/show/{s.nct}?term=x&rank=1}}}}\n}}",
        f"@misc{{{key}c,\n  title = {{{brief}}},\n  note = {{ClinicalTrials.gov identifier: "
        f"{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@online{{{key}d,\n  title = {{{brief}}},\n  organization = {{{sponsor}}},\n"
        f"  url = {{https://classic.clinicaltrials.gov/ct2/show/{s.nct}}},\n"
        "  urldate = {2024-03-03}\n}",
        f"@misc{{{key}e,\n  title = {{{short}}},\n  number = {{{s.nct}}},\n"
        f"  publisher = {{ClinicalTrials.gov}},\n  year = {{{s.year}}}\n}}",
        f"@misc{{{key}f,\n  title = {{{brief}}},\n  eprint = {{{s.nct}}},\n"
        f"  archiveprefix = {{ClinicalTrials.gov}}\n}}",
        f"@misc{{{key}g,\n  title = {{{brief} ({s.nct})}},\n  author = {{{{{sponsor}}}}}\n}}",
        f"@article{{{key}h,\n  title = {{{brief}}},\n  journal = {{ClinicalTrials.gov}},\n"
        f"  year = {{{s.year}}},\n  note = {{{s.nct}}}\n}}",
        f"@techreport{{{key}i,\n  title = {{{official}}},\n  institution = {{{sponsor}}},\n"
        f"  number = {{{s.nct}}},\n  year = {{{s.year}}},\n"
        f"  url = {{https://clinicaltrials.gov/show/{s.nct}}}\n}}",
    ]


def _ris(s: _Study) -> str:
    return (
        f"TY  - ELEC\nAU  - {s.sponsor}\nTI  - {s.brief}\nPY  - {s.year}\n"
        f"UR  - https://clinicaltrials.gov/study/{s.nct}\n"
        f"N1  - ClinicalTrials.gov identifier: {s.nct}\nER  - \n"
    )


def _csl(s: _Study, key: str) -> str:
    item = {
        "id": key,
        "type": "webpage",
        "title": s.official,
        "author": [{"literal": s.sponsor}],
        "publisher": "ClinicalTrials.gov",
        "number": s.nct,
        "URL": f"https://clinicaltrials.gov/study/{s.nct}",
        "issued": {"date-parts": [[int(s.year)]]},
    }
    return json.dumps(item, ensure_ascii=False)


def _article_text(a: dict[str, Any], nct: str) -> str:
    names = [
        f"{p['family']} {p['given'].replace(' ', '')}" if "family" in p else p["name"]
        for p in a["author"]
    ]
    year = a["issued"]["date-parts"][0][0]
    return (
        f"{', '.join(names)}, et al. {a['title'][0]}. N Engl J Med. {year};{a['volume']}"
        f"({a['issue']}):{a['page']}. doi:{a['DOI']}. ClinicalTrials.gov number, {nct}."
    )


def _article_bibtex(a: dict[str, Any], nct: str, key: str) -> str:
    names = " and ".join(
        f"{p['family']}, {p['given']}" if "family" in p else "{" + p["name"] + "}"
        for p in a["author"]
    )
    year = a["issued"]["date-parts"][0][0]
    return (
        f"@article{{{key},\n  author = {{{names} and others}},\n  title = {{{a['title'][0]}}},\n"
        f"  journal = {{N Engl J Med}},\n  year = {{{year}}},\n  volume = {{{a['volume']}}},\n"
        f"  number = {{{a['issue']}}},\n  pages = {{{a['page'].replace('-', '--')}}},\n"
        f"  doi = {{{a['DOI']}}},\n  note = {{ClinicalTrials.gov number, {nct}}}\n}}"
    )


# Same field, another trial's acronym: (cited trial, id given).
WRONG_ACRONYM_PAIRS = (
    ("NCT03036124", "NCT03057977"),  # DAPA-HF with EMPEROR-Reduced's id
    ("NCT03057977", "NCT03036124"),
    ("NCT03057951", "NCT03619213"),  # EMPEROR-Preserved with DELIVER's
    ("NCT03619213", "NCT03057951"),
    ("NCT01035255", "NCT03036124"),  # PARADIGM-HF with DAPA-HF's
    ("NCT03548935", "NCT04184622"),  # STEP 1 with SURMOUNT-1's
    ("NCT04184622", "NCT03548935"),
    ("NCT01720446", "NCT01179048"),  # SUSTAIN-6 with LEADER's
    ("NCT01179048", "NCT01720446"),
    ("NCT01730534", "NCT01131676"),  # DECLARE-TIMI 58 with EMPA-REG OUTCOME's
    ("NCT01131676", "NCT01730534"),
    ("NCT04381936", "NCT04280705"),  # RECOVERY with ACTT-1's
    ("NCT04280705", "NCT04381936"),
    ("NCT02578680", "NCT01844505"),  # KEYNOTE-189 with CheckMate 067's
    ("NCT04052425", "NCT02277743"),  # TRuE-V1 with LIBERTY AD SOLO 1's
    ("NCT02277743", "NCT01365455"),  # LIBERTY AD SOLO 1 with ERASURE's
    ("NCT01365455", "NCT04052425"),  # ERASURE with TRuE-V1's
)

# An unrelated study cited with a real id, sharing common words with the trial.
WRONG_TOPIC = (
    ("Stem cell-derived exosomes for psoriasis: a randomized study", "NCT03745287"),
    ("Mesenchymal stem cell therapy for knee osteoarthritis", "NCT03036124"),
    ("Heart rate variability and melatonin in patients with chronic insomnia", "NCT03036124"),
    ("Vitamin D supplementation and bone loss in breast cancer survivors", "NCT07062965"),
    ("Blood pressure lowering with acupuncture in pregnancy", "NCT01206062"),
    ("Plant sterols and LDL cholesterol in healthy adults", "NCT06323538"),
    ("Investigating mesenchymal stem cell-derived exosomes for anti-ageing applications",
     "NCT03722472"),
    ("Healthy adult volunteers: probiotic yoghurt and gut microbiota diversity", "NCT03722472"),
    ("Dapagliflozin in Patients with Chronic Kidney Disease (DAPA-CKD)", "NCT03036124"),
    ("Tranexamic acid for postpartum haemorrhage: the WOMAN trial", "ISRCTN86750102"),
    ("Cognitive behavioural therapy for insomnia in adults with obesity", "NCT03548935"),
    ("Lung cancer screening with low-dose computed tomography in smokers", "NCT02578680"),
)  # fmt: skip


def _by_id(records: Sequence[dict[str, Any]]) -> dict[str, _Study]:
    return {s.nct: s for s in (_study(r) for r in records)}


def build(split: str = "dev") -> list[TrialCase]:
    """Every case of one split, in a fixed order.

    ``dev`` is the set the rules were developed on; ``holdout`` was written after they were
    fixed (other citation templates, other trial pairs, other off-topic studies) and is the
    set whose figures say how the rules carry over.
    """
    if split in SPLITS:
        return _held_out(SPLITS[split])
    records = studies()
    by_id = _by_id(records)
    cases: list[TrialCase] = []
    for n, s in enumerate(by_id.values()):
        for i, text in enumerate(_text_forms(s)):
            cases.append(
                TrialCase(f"text-{s.nct}-{i}", "real-text", "text", text, s.nct, "verified")
            )
        for i, entry in enumerate(_bibtex_forms(s, f"t{n}")):
            form = "bibtex"
            cases.append(
                TrialCase(f"bib-{s.nct}-{i}", "real-bibtex", form, entry, s.nct, "verified")
            )
        cases.append(TrialCase(f"ris-{s.nct}", "real-ris", "ris", _ris(s), s.nct, "verified"))
        cases.append(
            TrialCase(
                f"csl-{s.nct}", "real-csljson", "csljson", _csl(s, f"c{n}"), s.nct, "verified"
            )
        )
    arts = articles()
    for n, a in enumerate(arts):
        nct = a["clinical-trial-number"][0]["clinical-trial-number"].upper()
        cases.append(
            TrialCase(
                f"art-text-{nct}", "real-article", "text", _article_text(a, nct), nct, "verified"
            )
        )
        cases.append(
            TrialCase(f"art-bib-{nct}", "real-article", "bibtex", _article_bibtex(a, nct, f"a{n}"),
                      nct, "verified")
        )  # fmt: skip
        other = arts[(n + 5) % len(arts)]["clinical-trial-number"][0]["clinical-trial-number"]
        cases.append(
            TrialCase(f"art-wrong-{nct}", "wrong-id-article", "text",
                      _article_text(a, other.upper()), other.upper(), "mismatch")
        )  # fmt: skip
    for cited, given in WRONG_ACRONYM_PAIRS:
        s, b = by_id[cited], by_id[given]
        short = f"{s.acronym}: {b.conditions[0]}" if b.conditions else str(s.acronym)
        for i, title in enumerate((f"{s.brief} ({s.acronym})", short)):
            text = f"{s.sponsor}. {title}. ClinicalTrials.gov identifier: {given}. Accessed 2024."
            cases.append(TrialCase(f"acr-text-{cited}-{i}", "wrong-acronym", "text", text, given,
                                   "mismatch"))  # fmt: skip
            entry = (
                f"@misc{{w{cited}{i},\n  title = {{{_bib_escape(title)}}},\n"
                f"  url = {{https://clinicaltrials.gov/study/{given}}},\n  year = {{{s.year}}}\n}}"
            )
            cases.append(TrialCase(f"acr-bib-{cited}-{i}", "wrong-acronym", "bibtex", entry,
                                   given, "mismatch"))  # fmt: skip
    for i, (title, given) in enumerate(WRONG_TOPIC):
        text = f"Smith J, Brown K. {title}. ClinicalTrials.gov identifier: {given}. 2022."
        cases.append(TrialCase(f"topic-text-{i}", "wrong-topic", "text", text, given, "mismatch"))
        entry = f"@misc{{topic{i},\n  title = {{{title}}},\n  note = {{Registered as {given}}}\n}}"
        cases.append(TrialCase(f"topic-bib-{i}", "wrong-topic", "bibtex", entry, given, "mismatch"))
    cases += list(_id_cases())
    return cases


# Held out: pairs and off-topic studies not used while the rules were developed.
HOLDOUT_ACRONYM_PAIRS = (
    ("NCT03619213", "NCT03036124"),  # DELIVER with DAPA-HF's id (same drug)
    ("NCT03057951", "NCT03057977"),  # EMPEROR-Preserved with EMPEROR-Reduced's (same drug)
    ("NCT04184622", "NCT01720446"),  # SURMOUNT-1 with SUSTAIN-6's
    ("NCT03548935", "NCT01179048"),  # STEP 1 with LEADER's
    ("NCT01844505", "NCT02578680"),  # CheckMate 067 with KEYNOTE-189's
    ("NCT01365455", "NCT02277743"),  # ERASURE with LIBERTY AD SOLO 1's
    ("NCT01730534", "NCT03036124"),  # DECLARE-TIMI 58 with DAPA-HF's (same drug)
    ("NCT04470427", "NCT04280705"),  # COVE with ACTT-1's
)
HOLDOUT_TOPIC = (
    ("Cell phone use and sleep quality in adolescents", "NCT03745287"),
    ("Heart failure nurse-led telemonitoring programme", "NCT03036124"),
    ("Smoking cessation with varenicline in patients with COPD", "NCT02578680"),
    ("Obesity and knee osteoarthritis: a weight-loss diet and exercise trial", "NCT04184622"),
    ("Vaccine hesitancy among healthcare workers: a survey", "NCT04368728"),
    ("Type 2 diabetes remission through a low-calorie diet in primary care", "NCT01179048"),
    ("COVID-19 and mental health of university students", "NCT04381936"),
    ("Hypertension in pregnancy: aspirin for pre-eclampsia prevention", "NCT01206062"),
)


def _holdout_text(s: _Study) -> list[str]:
    digits = s.nct[3:]
    return [
        f"{s.sponsor}. ({s.year}). {s.brief} (ClinicalTrials.gov Identifier {s.nct}). U.S. "
        f"National Library of Medicine. https://clinicaltrials.gov/ct2/show/record/{s.nct}",
        f"{s.sponsor} ({s.year}) '{s.official}', ClinicalTrials.gov, {s.nct}. Available at: "
        f"www.clinicaltrials.gov/study/{s.nct} (Accessed: 3 March 2024).",
        f"{s.brief}. Registered at ClinicalTrials.gov (NCT {digits}); first posted {s.posted}.",
    ]


def _holdout_bibtex(s: _Study, key: str) -> list[str]:
    brief, official = _bib_escape(s.brief), _bib_escape(s.official)
    sponsor = _bib_escape(s.sponsor)
    return [
        f"@misc{{{key}p,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        f"  url = {{https://www.clinicaltrials.gov/study/{s.nct}?tab=results}}\n}}",
        f"@online{{{key}q,\n  title = {{{brief}}},\n  eprinttype = {{clinicaltrials}},\n"
        f"  eprint = {{{s.nct}}},\n  urldate = {{2024-03-03}}\n}}",
        f"@misc{{{key}r,\n  title = {{{brief}}},\n  howpublished = {{ClinicalTrials.gov, "
        f"{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@report{{{key}s,\n  title = {{{brief}}},\n  type = {{Clinical trial registration}},\n"
        f"  number = {{{s.nct}}},\n  institution = {{U.S. National Library of Medicine}}\n}}",
    ]


# The second held-out split: written before any rule was changed after the first holdout was
# looked at, over 18 studies used in neither dev nor holdout (``studies2.jsonl``), with citation
# templates of its own.
HOLDOUT2_ACRONYM_PAIRS = (
    ("NCT03036150", "NCT03036124"),  # DAPA-CKD with DAPA-HF's id (same drug and sponsor)
    ("NCT01764633", "NCT01492361"),  # FOURIER with REDUCE-IT's
    ("NCT01492361", "NCT01764633"),  # REDUCE-IT with FOURIER's
    ("NCT02142738", "NCT02296125"),  # KEYNOTE-024 with FLAURA's
    ("NCT02296125", "NCT02142738"),  # FLAURA with KEYNOTE-024's
    ("NCT03887455", "NCT04437511"),  # Clarity AD with TRAILBLAZER-ALZ 2's
    ("NCT04437511", "NCT03887455"),  # TRAILBLAZER-ALZ 2 with Clarity AD's
    ("NCT01474512", "NCT01365455"),  # UNCOVER-1 with ERASURE's
    ("NCT03574597", "NCT03548935"),  # SELECT with STEP 1's (same drug, sponsor, condition)
    ("NCT01038583", "NCT01169259"),  # ASPREE with VITAL's
    ("NCT01169259", "NCT01038583"),  # VITAL with ASPREE's
    ("NCT02929329", "NCT03057977"),  # GALACTIC-HF with EMPEROR-Reduced's
    ("NCT04505722", "NCT04470427"),  # ENSEMBLE with COVE's
    ("NCT01958021", "NCT07062965"),  # MONALEESA-2 with a recorded breast-cancer trial's
    ("NCT02675114", "NCT01471522"),  # PARTNER 3 with ISCHEMIA's
    ("NCT00017953", "NCT01720446"),  # Look AHEAD with SUSTAIN-6's
)
HOLDOUT2_TOPIC = (
    ("Mindfulness-based stress reduction for anxiety in atrial fibrillation", "NCT00412984"),
    ("Vitamin D status and hair loss in women", "NCT01169259"),
    ("Kidney stone recurrence and daily water intake", "NCT03036150"),
    ("Lung function after smoking cessation in young adults", "NCT02142738"),
    ("Early mobilisation after hip fracture surgery", "NCT03887455"),
    ("Breast milk composition in mothers of preterm infants", "NCT01958021"),
    ("Moderate exercise for severe menstrual pain", "NCT01474512"),
    ("Rheumatic heart valve disease in school children in Uganda", "NCT02675114"),
    ("Falls in the elderly: a home hazard reduction programme", "NCT01038583"),
    ("Stroke rehabilitation with virtual reality gaming", "NCT00412984"),
    ("Weight stigma in primary care consultations", "NCT03574597"),
    ("Heart rate recovery after sprint interval training in athletes", "NCT02929329"),
    ("Handwashing promotion to prevent diarrhoea in schools", "NCT04505722"),
    ("A triglyceride-lowering diet for children with fatty liver", "NCT01492361"),
    ("Cholesterol knowledge among pharmacy students", "NCT01764633"),
    ("Lifestyle and sleep duration in shift workers", "NCT00017953"),
    ("Invasive ventilation and prone positioning in COVID-19 pneumonia", "NCT01471522"),
    ("Yoga for fatigue in women with metastatic breast cancer", "NCT07062965"),
    ("Nintedanib plus docetaxel in previously treated non-small cell lung cancer", "NCT02142738"),
    ("Cognitive stimulation therapy for people with Alzheimer's disease in care homes",
     "NCT04437511"),
    ("Cell-free DNA screening for trisomy in twin pregnancies", "NCT02296125"),
    ("Chronic kidney disease awareness among adults with hypertension: a survey", "NCT03036150"),
    ("Dupilumab for chronic rhinosinusitis with nasal polyps", "NCT01474512"),
    ("Omega-3 fatty acids and dry eye disease", "NCT01169259"),
)  # fmt: skip


def _sentence_case(title: str) -> str:
    """A title as reference managers write it: first letter capital, words in capitals kept."""
    out = [w if (sum(c.isupper() for c in w) > 1 or any(c.isdigit() for c in w)) else w.lower()
           for w in title.split()]  # fmt: skip
    return " ".join(out)[:1].upper() + " ".join(out)[1:]


def _about(s: _Study) -> str:
    """A short description as authors write one: the first treatment in the first condition."""
    what = s.interventions[0] if s.interventions else "treatment"
    return f"{what} in {s.conditions[0]}" if s.conditions else what


def _holdout2_text(s: _Study) -> list[str]:
    name = s.acronym or s.sponsor
    return [
        f"{s.sponsor}. {s.brief} [Internet]. Bethesda (MD): U.S. National Library of Medicine; "
        f"{s.year} [updated 2023 Jan 5; cited 2024 Feb 1]. ClinicalTrials.gov ID: {s.nct}. "
        f"Available from: https://clinicaltrials.gov/study/{s.nct}",
        f"{s.sponsor}. ({s.year}). {s.official} (ClinicalTrials.gov registration no. {s.nct}). "
        f"https://clinicaltrials.gov/study/{s.nct}",
        f"{name} Investigators. ClinicalTrials.gov, {s.nct} ({s.year}).",
        f"{s.sponsor}. {_sentence_case(s.brief)}. In: ClinicalTrials.gov. {s.nct}. Last update "
        "posted 2023.",
    ]


def _holdout2_bibtex(s: _Study, key: str) -> list[str]:
    brief, official = _bib_escape(s.brief), _bib_escape(s.official)
    sponsor, about = _bib_escape(s.sponsor), _bib_escape(_about(s))
    name = s.acronym or s.sponsor
    return [
        f"@misc{{{key}w,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        f"  howpublished = {{ClinicalTrials.gov}},\n  note = {{Identifier: {s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@online{{{key}x,\n  title = {{{name}}},\n  subtitle = {{{brief}}},\n"
        f"  url = {{https://clinicaltrials.gov/ct2/show/study/{s.nct}}},\n"
        "  organization = {ClinicalTrials.gov}\n}",
        f"@misc{{{key}y,\n  title = {{{name}: {about}}},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@article{{{key}z,\n  title = {{{_bib_escape(_sentence_case(s.brief))}}},\n"
        f"  journal = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}},\n  year = {{{s.year}}}\n}}",
    ]


# The third held-out split: written after the holdout2 figures had been seen and rules revised,
# before any further rule change, over 19 studies used by no other split (``studies3.jsonl``),
# with citation templates of its own.
HOLDOUT3_ACRONYM_PAIRS = (
    ("NCT02065791", "NCT03036150"),  # CREDENCE with DAPA-CKD's id
    ("NCT00403767", "NCT00412984"),  # ROCKET AF with ARISTOTLE's
    ("NCT00262600", "NCT00403767"),  # RE-LY with ROCKET AF's
    ("NCT00239681", "NCT01764633"),  # JUPITER with FOURIER's
    ("NCT02125461", "NCT02142738"),  # PACIFIC with KEYNOTE-024's
    ("NCT01740427", "NCT01958021"),  # PALOMA-2 with MONALEESA-2's
    ("NCT02000622", "NCT00567190"),  # OlympiAD with CLEOPATRA's
    ("NCT00567190", "NCT01740427"),  # CLEOPATRA with PALOMA-2's
    ("NCT02477800", "NCT03887455"),  # ENGAGE with Clarity AD's
    ("NCT02207231", "NCT01474512"),  # VOYAGE 1 with UNCOVER-1's
    ("NCT00004992", "NCT00017953"),  # DPP with Look AHEAD's
    ("NCT00000620", "NCT01179048"),  # ACCORD with LEADER's
    ("NCT01920711", "NCT01035255"),  # PARAGON-HF with PARADIGM-HF's (same drug and sponsor)
    ("NCT02861534", "NCT02929329"),  # VICTORIA with GALACTIC-HF's
    ("NCT04611802", "NCT04505722"),  # PREVENT-19 with ENSEMBLE's
    ("NCT03399370", "NCT01764633"),  # ORION-10 with FOURIER's
    ("NCT02993406", "NCT00239681"),  # CLEAR Outcomes with JUPITER's
)
HOLDOUT3_TOPIC = (
    ("Patient portal use among adults with type 2 diabetes", "NCT00000620"),
    ("Music therapy during chemotherapy infusion for women with breast cancer", "NCT01740427"),
    ("Social media and body image in postmenopausal women", "NCT01740427"),
    ("Anticoagulation clinic waiting times: an audit", "NCT00262600"),
    ("Stroke survivors' return to work after discharge", "NCT00403767"),
    ("Cardiovascular events in marathon runners: a registry", "NCT00239681"),
    ("Stage III pressure ulcers in nursing home residents", "NCT02125461"),
    ("Genetic counselling uptake after BRCA testing in men", "NCT02000622"),
    ("Early retirement and cognitive decline", "NCT02477800"),
    ("Plaque removal with powered versus manual toothbrushes", "NCT02207231"),
    ("Diabetes prevention in pregnancy: counselling on gestational weight gain", "NCT00004992"),
    ("Action video games and attention in children", "NCT00000620"),
    ("Ejection fraction measurement with handheld ultrasound by nurses", "NCT02861534"),
    ("Heart failure readmissions after hospital discharge: a cohort of veterans", "NCT01920711"),
    ("Vaccine uptake among pregnant women in rural clinics", "NCT04611802"),
    ("Long COVID symptoms in adults after mild infection", "NCT04516746"),
    ("LDL cholesterol testing rates in community pharmacies", "NCT03399370"),
    ("Statin intolerance and muscle symptoms: a nocebo n-of-1 trial", "NCT02993406"),
    ("Aspirin desensitisation in asthma", "NCT02697916"),
    ("Nephropathy screening in children with type 1 diabetes", "NCT02065791"),
    ("Atrial fibrillation detection with smartwatch electrocardiograms", "NCT00262600"),
    ("Small cell carcinoma of the cervix: a case series", "NCT02125461"),
)  # fmt: skip


def _holdout3_text(s: _Study) -> list[str]:
    short = f"{s.acronym} trial ({_about(s)})" if s.acronym else f"{s.sponsor}: {s.brief}"
    return [
        f"{s.official}. ClinicalTrials.gov identifier: {s.nct}. Updated March 1, 2023. Accessed "
        f"May 5, 2024. https://clinicaltrials.gov/study/{s.nct}",
        f"{s.sponsor} ({s.year}) {s.brief}. Available at: https://clinicaltrials.gov/ct2/show/"
        f"{s.nct} (Accessed 5 May 2024).",
        f"{short}, {s.nct}.",
        f"{s.brief}. {s.sponsor}; {s.year}. Trial registration: ClinicalTrials.gov {s.nct}.",
    ]


def _holdout3_bibtex(s: _Study, key: str) -> list[str]:
    brief, official = _bib_escape(s.brief), _bib_escape(s.official)
    sponsor = _bib_escape(s.sponsor)
    name = _bib_escape(s.acronym) if s.acronym else brief
    return [
        f"@misc{{{key}m,\n  title = {{{{{brief}}}}},\n  author = {{{{{sponsor}}}}},\n"
        f"  howpublished = {{\\url{{https://clinicaltrials.gov/study/{s.nct}}}}},\n"
        "  note = {Accessed 2024-05-05}\n}",
        f"@online{{{key}n,\n  title = {{{official}}},\n"
        f"  url = {{https://classic.clinicaltrials.gov/ct2/show/{s.nct}}},\n"
        "  urldate = {2024-05-05}\n}",
        f"@misc{{{key}o,\n  title = {{{name}}},\n  note = {{{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@techreport{{{key}p,\n  title = {{{_bib_escape(_sentence_case(s.brief))}}},\n"
        f"  institution = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
    ]


# The fourth held-out split: written after the holdout3 figures had been seen, before the rules
# were changed again, over 20 studies used by no other split (``studies4.jsonl``), with citation
# templates of its own. Trial names are written as trials write them: mixed case with digits
# ("IMpower150", "DESTINY-Breast03"), with spaces ("ODYSSEY OUTCOMES", "PIONEER 6", "Clarity
# AD"), three letters ("WHI", "DPP"), and some given with the id of a record that has no acronym.
HOLDOUT4_ACRONYM_PAIRS = (
    ("NCT03594110", "NCT03036150"),  # EMPA-KIDNEY with DAPA-CKD's id
    ("NCT01663402", "NCT03399370"),  # ODYSSEY OUTCOMES with ORION-10's
    ("NCT00202878", "NCT01663402"),  # IMPROVE-IT with ODYSSEY OUTCOMES's
    ("NCT01776424", "NCT00403767"),  # COMPASS with ROCKET AF's (same drug)
    ("NCT01327846", "NCT00239681"),  # CANTOS with JUPITER's
    ("NCT03036488", "NCT02142738"),  # KEYNOTE-522 with KEYNOTE-024's (same drug and sponsor)
    ("NCT03529110", "NCT00567190"),  # DESTINY-Breast03 with CLEOPATRA's (trastuzumab in both)
    ("NCT02366143", "NCT02125461"),  # IMpower150 with PACIFIC's
    ("NCT02511106", "NCT02296125"),  # ADAURA with FLAURA's (same drug and sponsor)
    ("NCT02692716", "NCT01720446"),  # PIONEER 6 with SUSTAIN-6's (same drug and sponsor)
    ("NCT03987919", "NCT04184622"),  # SURPASS-2 with SURMOUNT-1's (same drug and sponsor)
    ("NCT04157751", "NCT03036124"),  # EMPULSE with DAPA-HF's
    ("NCT00094302", "NCT01920711"),  # TOPCAT with PARAGON-HF's
    ("NCT02414854", "NCT02277743"),  # LIBERTY ASTHMA QUEST with LIBERTY AD SOLO 1's (same drug)
    ("NCT01394952", "NCT01179048"),  # REWIND with LEADER's
    ("NCT00346216", "NCT02697916"),  # PRECISION with ADAPTABLE's
    ("NCT00000611", "NCT01038583"),  # WHI with ASPREE's
    ("NCT03887455", "NCT02477800"),  # Clarity AD with ENGAGE's
    ("NCT02000622", "NCT03036488"),  # OlympiAD with KEYNOTE-522's
    ("NCT00004992", "NCT01394952"),  # DPP with REWIND's
    ("NCT02993406", "NCT01327846"),  # CLEAR Outcomes with CANTOS's
    ("NCT04470427", "NCT04516746"),  # COVE with the AZD1222 trial's (no acronym recorded)
    ("NCT04505722", "NCT04368728"),  # ENSEMBLE with the BNT162b2 trial's (no acronym recorded)
)
HOLDOUT4_TOPIC = (
    ("Kidney function decline in long-distance cyclists", "NCT03594110"),
    ("Chronic kidney disease education classes for Hispanic adults", "NCT03594110"),
    ("Chest pain triage by emergency nurses in acute coronary syndrome", "NCT01663402"),
    ("Cholesterol-lowering margarine in children with familial hypercholesterolaemia",
     "NCT00202878"),
    ("Peripheral artery disease: supervised walking exercise", "NCT01776424"),
    ("Myocardial infarction survivors and return to driving", "NCT01327846"),
    ("Triple negative breast cancer survivorship care plans", "NCT03036488"),
    ("Breast cancer screening attendance among migrant women", "NCT03529110"),
    ("Lung cancer stigma among never-smokers", "NCT02366143"),
    ("Lung resection recovery with enhanced recovery after surgery pathways", "NCT02511106"),
    ("Oral health in adults with type 2 diabetes", "NCT02692716"),
    ("Metformin and vitamin B12 deficiency in type 2 diabetes", "NCT03987919"),
    ("Cardiomyopathy in endurance athletes: cardiac MRI findings", "NCT01994889"),
    ("Acute heart failure discharge education by pharmacists", "NCT04157751"),
    ("HIV self-testing kits distributed by peers to transgender women", "NCT02720094"),
    ("Lung cancer screening uptake after a mailed invitation", "NCT00047385"),
    ("Salt restriction in heart failure with preserved ejection fraction", "NCT00094302"),
    ("Asthma action plans in primary schools", "NCT02414854"),
    ("Weekly insulin icodec in type 2 diabetes", "NCT01394952"),
    ("Naproxen for acute gout flares", "NCT00346216"),
    ("Hormone therapy and sleep in perimenopausal women", "NCT00000611"),
    ("Semaglutide and alcohol use disorder", "NCT02692716"),
    ("Dupilumab for eosinophilic oesophagitis", "NCT02414854"),
    ("Atezolizumab-related thyroid dysfunction: a pharmacovigilance study", "NCT02366143"),
)  # fmt: skip


def _name(s: _Study) -> str:
    """What a trial is called: its acronym, else a name among its secondary ids ("HPTN 083")."""
    named = [i for i in s.secondary if any(c.isalpha() for c in i)]
    return s.acronym or (named[0] if named else _about(s))


def _holdout4_text(s: _Study) -> list[str]:
    bracket = f" [{s.acronym}]" if s.acronym else ""
    return [
        f"{s.acronym or s.sponsor} Investigators. {s.official}. NLM Identifier: {s.nct}. {s.year}.",
        f'{s.sponsor}. "{s.brief}." ClinicalTrials.gov. Record {s.nct}; first submitted '
        f"{s.posted}. https://clinicaltrials.gov/study/{s.nct}.",
        f"{s.brief}{bracket}. ClinicalTrials.gov ID {s.nct}; sponsor: {s.sponsor}.",
        f"The {_name(s)} trial. ClinicalTrials.gov: {s.nct}.",
    ]


def _holdout4_bibtex(s: _Study, key: str) -> list[str]:
    brief, official = _bib_escape(s.brief), _bib_escape(s.official)
    sponsor, name = _bib_escape(s.sponsor), _bib_escape(_name(s))
    short = _bib_escape(_sentence_case(s.brief))
    title = f"{_bib_escape(s.acronym)}: {short}" if s.acronym else short
    return [
        f"@misc{{{key}r,\n  author = {{{{{sponsor}}}}},\n  title = {{{title}}},\n"
        f"  howpublished = {{ClinicalTrials.gov identifier {s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@online{{{key}s,\n  title = {{{official}}},\n  eprint = {{{s.nct}}},\n"
        f"  eprinttype = {{ClinicalTrials.gov}},\n  organization = {{{sponsor}}}\n}}",
        f"@misc{{{key}t,\n  title = {{{brief}}},\n"
        f"  url = {{https://clinicaltrials.gov/ct2/show/record/{s.nct}?view=record}}\n}}",
        f"@report{{{key}u,\n  title = {{{name} study}},\n  institution = {{{sponsor}}},\n"
        f"  note = {{ClinicalTrials.gov: {s.nct}}}\n}}",
    ]


# The fifth held-out split: written after the holdout4 figures had been seen, before the rules
# were changed again, over 20 studies used by no other split (``studies5.jsonl``), with citation
# templates of its own. Each wrong name is written as authors write it ("Einstein DVT",
# "IMbrave 150", "KEYNOTE 426" for a record holding that name only among its secondary ids);
# off-topic titles name a drug the trial gives only as background, the trial's condition in
# other people or another activity, or an everyday word that is also the trial's name.
HOLDOUT5_ACRONYM_PAIRS = (
    ("NCT03315143", "NCT02540993", "SCORED"),  # with FIDELIO-DKD's id
    ("NCT02540993", "NCT02065791", "Fidelio-DKD"),  # with CREDENCE's
    ("NCT00391872", "NCT00991029", "PLATO"),  # with POINT's (clopidogrel in both)
    ("NCT00991029", "NCT00391872", "POINT"),  # with PLATO's
    ("NCT00440193", "NCT00403767", "Einstein DVT"),  # with ROCKET AF's (same drug)
    ("NCT01778335", "NCT02142283", "ESCAPE"),  # with DAWN's (thrombectomy in both)
    ("NCT02142283", "NCT01778335", "DAWN"),  # with ESCAPE's
    ("NCT02853331", "NCT03036488", "KEYNOTE 426"),  # with KEYNOTE-522's (same drug, sponsor)
    ("NCT03434379", "NCT02366143", "IMbrave 150"),  # with IMpower150's (same drugs, sponsor)
    ("NCT03155997", "NCT01958021", "monarchE"),  # with MONALEESA-2's
    ("NCT01844986", "NCT02000622", "SOLO1"),  # with OlympiAD's (same drug)
    ("NCT01946204", "NCT01844986", "SPARTAN"),  # with SOLO-1's
    ("NCT02164513", "NCT03347279", "IMPACT"),  # with NAVIGATOR's
    ("NCT03347279", "NCT02414854", "NAVIGATOR"),  # with LIBERTY ASTHMA QUEST's
    ("NCT01194570", "NCT02484547", "ORATORIO"),  # with EMERGE's
    ("NCT02484547", "NCT02477800", "EMERGE"),  # with ENGAGE's (its twin: same drug, sponsor)
    ("NCT03164564", "NCT02720094", "HPTN 084"),  # with HPTN 083's (no acronym in either)
    ("NCT02720094", "NCT03164564", "HPTN 083"),  # with HPTN 084's
    ("NCT04960202", "NCT04381936", "EPIC-HR"),  # with RECOVERY's
    ("NCT02092467", "NCT00346216", "ORAL Surveillance"),  # with PRECISION's (arthritis)
    ("NCT02104817", "NCT01492361", "STRENGTH"),  # with REDUCE-IT's (omega-3 in both)
    ("NCT01492361", "NCT02104817", "REDUCE-IT"),  # with STRENGTH's
    ("NCT03887455", "NCT02484547", "CLARITY-AD"),  # with EMERGE's
)
HOLDOUT5_TOPIC = (
    ("Aspirin resistance in patients with acute coronary syndrome", "NCT00391872"),
    ("Methotrexate-induced liver fibrosis in rheumatoid arthritis", "NCT02092467"),
    ("Androgen deprivation therapy and fracture risk in prostate cancer", "NCT01946204"),
    ("Adherence to adjuvant endocrine therapy in young women with breast cancer", "NCT03155997"),
    ("Carboplatin hypersensitivity reactions in ovarian cancer", "NCT01844986"),
    ("Inhaled corticosteroid technique in adolescents with asthma", "NCT03347279"),
    ("Intravenous alteplase door-to-needle times in rural hospitals", "NCT01778335"),
    ("Atorvastatin and muscle pain in hypertriglyceridemia", "NCT02104817"),
    ("Ritonavir drug interactions with tacrolimus in transplant recipients", "NCT04960202"),
    ("Aspirin for secondary prevention after minor stroke in primary care", "NCT00991029"),
    ("Deep-vein thrombosis in long-haul airline passengers", "NCT00440193"),
    ("Pulmonary embolism diagnosis with D-dimer in pregnancy", "NCT00440193"),
    ("Diabetic kidney disease screening in community pharmacies", "NCT02540993"),
    ("Renal cell carcinoma incidence among firefighters", "NCT02853331"),
    ("Hepatocellular carcinoma surveillance with ultrasound in hepatitis B carriers",
     "NCT03434379"),
    ("Chronic obstructive pulmonary disease and home pulmonary rehabilitation", "NCT02164513"),
    ("Fatigue and cooling garments in primary progressive multiple sclerosis", "NCT01194570"),
    ("Caregiver burden in early Alzheimer's disease", "NCT02484547"),
    ("HIV pre-exposure prophylaxis awareness among university women", "NCT03164564"),
    ("COVID-19 outbreaks in nursing homes: a surveillance study", "NCT04960202"),
    ("Wake-up stroke and obstructive sleep apnoea", "NCT02142283"),
    ("Type 2 diabetes self-management apps in moderate renal impairment", "NCT03315143"),
    ("Platelet donation motivation among blood donors", "NCT00391872"),
    ("Strength training and cardiovascular risk in older women", "NCT02104817"),
    ("Escape rooms for teaching stroke care to nursing students", "NCT01778335"),
    ("Dawn simulation light therapy for seasonal affective disorder", "NCT02142283"),
    ("Point-of-care ultrasound for transient ischemic attack triage", "NCT00991029"),
    ("Ovarian cancer symptom awareness: a community survey", "NCT01844986"),
    ("Navigating health insurance for families of children with severe asthma", "NCT03347279"),
    ("Oral hygiene and rheumatoid arthritis disease activity", "NCT02092467"),
)  # fmt: skip


def _holdout5_text(s: _Study) -> list[str]:
    return [
        f"{s.sponsor}. {s.brief} ({s.nct}). ClinicalTrials.gov. Updated {s.year}. Accessed "
        "June 1, 2024.",
        f"{s.acronym or s.sponsor}: {s.official}. Trial registration {s.nct}. "
        f"https://clinicaltrials.gov/study/{s.nct}",
        f"Registered trial {s.nct} ({s.sponsor}, {s.year}): {_sentence_case(s.brief)}.",
        f"{_name(s)} study group. ClinicalTrials.gov {s.nct}.",
    ]


def _holdout5_bibtex(s: _Study, key: str) -> list[str]:
    brief, official = _bib_escape(s.brief), _bib_escape(s.official)
    sponsor, name = _bib_escape(s.sponsor), _bib_escape(_name(s))
    return [
        f"@misc{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        "  publisher = {U.S. National Library of Medicine},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}?term={s.nct}\\&rank=1}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@online{{{key}b,\n  title = {{{official}}},\n"
        f"  url = {{http://www.clinicaltrials.gov/ct2/show/{s.nct}}},\n  date = {{{s.posted}}}\n}}",
        f"@misc{{{key}c,\n  title = {{{{{name}}}: {_bib_escape(_sentence_case(s.brief))}}},\n"
        f"  note = {{Trial registration: ClinicalTrials.gov {s.nct}}}\n}}",
        f"@unpublished{{{key}d,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  note = {{ClinicalTrials.gov registration number {s.nct}, first posted "
        f"{s.posted}}}\n}}",
        f"@misc{{{key}e,\n  title = {{{name}}},\n"
        f"  howpublished = {{ClinicalTrials.gov ({s.nct})}}\n}}",
    ]


# The sixth held-out split: written after the holdout5 figures had been seen, before the rules
# were changed again, over 20 studies used by no other split (``studies6.jsonl``), with citation
# templates of its own. Wrong names are written as authors write them ("Exscel", "ENGAGE AF",
# "Hokusai VTE", "CheckMate-214"), some with ids of trials testing the same drug; off-topic
# titles name a therapy every arm receives or the comparator, the trial's condition with an
# activity or aspect its record lacks, the tested drug in another disease, or an everyday word
# that is also the trial's name.
HOLDOUT6_ACRONYM_PAIRS = (
    ("NCT01032629", "NCT02065791", "CANVAS Program"),  # with CREDENCE's (same drug, sponsor)
    ("NCT01144338", "NCT01179048", "Exscel"),  # with LEADER's
    ("NCT02465515", "NCT01394952", "HARMONY OUTCOMES"),  # with REWIND's
    ("NCT00781391", "NCT00986154", "ENGAGE AF"),  # with Hokusai-VTE's (same drug, sponsor)
    ("NCT00986154", "NCT00440193", "Hokusai VTE"),  # with EINSTEIN-DVT's
    ("NCT01358877", "NCT01772472", "APHINITY"),  # with KATHERINE's (trastuzumab in both)
    ("NCT01772472", "NCT01358877", "KATHERINE"),  # with APHINITY's
    ("NCT02075840", "NCT02296125", "ALEX"),  # with FLAURA's
    ("NCT02231749", "NCT02853331", "CheckMate-214"),  # with KEYNOTE-426's (sunitinib in both)
    ("NCT02987543", "NCT01844986", "PROfound"),  # with SOLO-1's (same drug, sponsor)
    ("NCT02489318", "NCT01946204", "TITAN"),  # with SPARTAN's (same drug)
    ("NCT02200614", "NCT02489318", "ARAMIS"),  # with TITAN's
    ("NCT04401579", "NCT04280705", "ACTT-2"),  # with ACTT-1's
    ("NCT04575597", "NCT04960202", "MOVe-OUT"),  # with EPIC-HR's
    ("NCT01165177", "NCT04505722", "ZOE-50"),  # with ENSEMBLE's
    ("NCT01101035", "NCT00346216", "CARES"),  # with PRECISION's
    ("NCT00089791", "NCT00000611", "FREEDOM"),  # with WHI's
    ("NCT01288352", "NCT00412984", "EAST-AFNET 4"),  # with ARISTOTLE's
    ("NCT02465567", "NCT02164513", "ETHOS"),  # with IMPACT's (same class of inhaler)
    ("NCT00074581", "NCT02720094", "HPTN 052"),  # with HPTN 083's (no acronym in either)
    ("NCT03036124", "NCT01032629", "DAPA-HF"),  # with CANVAS's
    ("NCT02142738", "NCT02075840", "Keynote-024"),  # with ALEX's
    ("NCT01740427", "NCT01358877", "PALOMA-2"),  # with APHINITY's
)
# Off-topic: each title shares the trial's condition, a therapy, or an everyday word with it.
HOLDOUT6_TOPIC = (
    ("Metformin use and vitamin B12 levels in type 2 diabetes", "NCT01032629"),
    ("Canagliflozin and genital mycotic infections in routine practice", "NCT01032629"),
    ("Once-weekly exenatide pen usability among older adults", "NCT01144338"),
    ("Glucose lowering therapy costs for type 2 diabetes in Ghana", "NCT02465515"),
    ("Warfarin dosing by pharmacists in atrial fibrillation clinics", "NCT00781391"),
    ("Low molecular weight heparin self-injection training after pulmonary embolism",
     "NCT00986154"),
    ("Trastuzumab-associated cardiotoxicity monitoring in HER2-positive breast cancer",
     "NCT01358877"),
    ("Axillary lymph node dissection rates after preoperative therapy in breast cancer",
     "NCT01772472"),
    ("Crizotinib pharmacokinetics in children with anaplastic large cell lymphoma",
     "NCT02075840"),
    ("Smoking cessation counselling for non-small cell lung cancer survivors", "NCT02075840"),
    ("Sunitinib-induced hypothyroidism in renal cell carcinoma", "NCT02231749"),
    ("Survivorship care plans after metastatic renal cell carcinoma", "NCT02231749"),
    ("Abiraterone acetate adherence in metastatic castration-resistant prostate cancer",
     "NCT02987543"),
    ("Androgen deprivation therapy and cognitive decline in men with prostate cancer",
     "NCT02489318"),
    ("Exercise programmes for men receiving androgen deprivation therapy", "NCT02200614"),
    ("Remdesivir and bradycardia in hospitalized patients with COVID-19", "NCT04401579"),
    ("Baricitinib for alopecia areata", "NCT04401579"),
    ("COVID-19 vaccine hesitancy among non-hospitalized adults", "NCT04575597"),
    ("Herpes zoster vaccine awareness among adults aged 50 years and older", "NCT01165177"),
    ("Allopurinol hypersensitivity and HLA-B*58:01 screening in gout", "NCT01101035"),
    ("Gout flares during Ramadan fasting", "NCT01101035"),
    ("Calcium and vitamin D supplementation adherence in postmenopausal osteoporosis",
     "NCT00089791"),
    ("Freedom from falls: balance training for women with osteoporosis", "NCT00089791"),
    ("Catheter ablation training for electrophysiology fellows", "NCT01288352"),
    ("Atrial fibrillation screening with smartwatches in older adults", "NCT01288352"),
    ("Inhaler technique education in chronic obstructive pulmonary disease", "NCT02465567"),
    ("The ethos of nursing care in chronic obstructive pulmonary disease", "NCT02465567"),
    ("Glycopyrronium for drooling in children with cerebral palsy", "NCT02465567"),
    ("Antiretroviral therapy adherence among adolescents with HIV", "NCT00074581"),
    ("Serodiscordant couples' attitudes to fertility counselling", "NCT00074581"),
)  # fmt: skip


def _fragment(title: str) -> str:
    """A title as a reference cut short: up to its colon, else its first ten words and "..."."""
    head = title.split(":")[0]
    words = head.split()
    return head if len(words) <= 10 else " ".join(words[:10]) + " ..."


def _holdout6_text(s: _Study) -> list[str]:
    return [
        f"{s.sponsor} ({s.year}). {s.brief}. Retrieved from ClinicalTrials.gov (Identifier "
        f"{s.nct}).",
        f"{s.official}. ClinicalTrials.gov record {s.nct}, posted {s.posted}.",
        f"{_fragment(s.brief)} [Internet]. Bethesda (MD): National Library of Medicine (US). "
        f"Identifier: {s.nct}.",
        f"{_name(s)} ({s.nct}); sponsored by {s.sponsor}.",
    ]


def _holdout6_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor, name = map(_bib_escape, (s.brief, s.official, s.sponsor, _name(s)))
    return [
        f"@misc{{{key}p,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  howpublished = {{\\url{{https://classic.clinicaltrials.gov/ct2/show/{s.nct}}}}},\n"
        f"  year = {{{s.year}}},\n  urldate = {{2024-03-01}}\n}}",
        f"@manual{{{key}q,\n  title = {{{official}}},\n  organization = {{{sponsor}}},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}?tab=history}}\n}}",
        f"@misc{{{key}r,\n  title = {{{name}: {_bib_escape(_sentence_case(s.brief))}}},\n"
        f"  publisher = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}}\n}}",
        f"@techreport{{{key}s,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{_bib_escape(_sentence_case(s.official))}}},\n"
        f"  institution = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@misc{{{key}t,\n  title = {{The {name} trial}},\n"
        f"  url = {{https://clinicaltrials.gov/show/{s.nct}}}\n}}",
    ]


# The seventh held-out split: written after the holdout6 figures had been seen, before the rules
# were changed again, over 20 studies used by no other split (``studies7.jsonl``), with citation
# templates of its own. Wrong names are written as authors write them ("CheckMate-227",
# "Keynote 048", "Monarch-3", "IMpower 133"), many with ids of trials of the same disease or
# drug; off-topic titles name the tested drug or a comparator with an aspect the record lacks
# (adherence, awareness, costs, pharmacokinetics in other people), the condition with another
# activity, or an everyday word that is also the trial's name.
HOLDOUT7_ACRONYM_PAIRS = (
    ("NCT02477826", "NCT02763579", "CheckMate-227"),  # with IMpower133's (lung cancer in both)
    ("NCT02358031", "NCT02142738", "Keynote 048"),  # with KEYNOTE-024's (same drug, sponsor)
    ("NCT02246621", "NCT02437318", "Monarch-3"),  # with SOLAR-1's (breast cancer in both)
    ("NCT02437318", "NCT02246621", "SOLAR1"),  # with MONARCH 3's
    ("NCT02184195", "NCT02655016", "POLO"),  # with PRIMA's (PARP inhibitors in both)
    ("NCT02763579", "NCT02477826", "IMpower 133"),  # with CheckMate 227's
    ("NCT01986881", "NCT01243424", "VERTIS-CV"),  # with CAROLINA's (type 2 diabetes in both)
    ("NCT01243424", "NCT01959529", "Carolina"),  # with DEVOTE's
    ("NCT01959529", "NCT01986881", "DEVOTE"),  # with VERTIS CV's
    ("NCT01813422", "NCT01626079", "GLAGOV"),  # with COAPT's (cardiology in both)
    ("NCT01626079", "NCT04788511", "COAPT"),  # with STEP-HFpEF's (heart failure in both)
    ("NCT02415400", "NCT01813422", "AUGUSTUS"),  # with GLAGOV's
    ("NCT02954354", "NCT04994509", "CAPSTONE 1"),  # with PURPOSE 1's
    ("NCT03819153", "NCT04788511", "FLOW"),  # with STEP-HFpEF's (same drug, sponsor)
    ("NCT04788511", "NCT03819153", "STEP HFpEF"),  # with FLOW's
    ("NCT04994509", "NCT02954354", "PURPOSE-1"),  # with CAPSTONE-1's
    ("NCT00000542", "NCT02415400", "ALLHAT"),  # with AUGUSTUS's
    ("NCT03682536", "NCT02475681", "COMMANDS"),  # with ELEVATE-TN's (blood cancers in both)
    ("NCT02475681", "NCT03682536", "ELEVATE TN"),  # with COMMANDS's
    ("NCT02655016", "NCT02184195", "Prima"),  # with POLO's
    ("NCT02142738", "NCT02358031", "KEYNOTE-024"),  # with KEYNOTE-048's (same drug, sponsor)
    ("NCT01179048", "NCT01959529", "LEADER"),  # with DEVOTE's (same sponsor)
)  # fmt: skip
# Off-topic: each title shares the trial's condition, a therapy, or an everyday word with it.
HOLDOUT7_TOPIC = (
    ("Nivolumab-induced pneumonitis in routine practice", "NCT02477826"),
    ("Lung cancer screening uptake among former smokers", "NCT02477826"),
    ("Cetuximab infusion reactions in colorectal cancer", "NCT02358031"),
    ("Quality of life after transoral surgery for head and neck cancer", "NCT02358031"),
    ("Letrozole for ovulation induction in polycystic ovary syndrome", "NCT02246621"),
    ("Aromatase inhibitor adherence among postmenopausal breast cancer survivors", "NCT02246621"),
    ("Alpelisib for PIK3CA-related overgrowth spectrum", "NCT02437318"),
    ("Solar ultraviolet exposure and melanoma in outdoor workers", "NCT02437318"),
    ("Genetic counselling uptake among relatives of BRCA carriers", "NCT02184195"),
    ("Olaparib pharmacokinetics in patients with renal impairment", "NCT02184195"),
    ("Etoposide shortages and oncology pharmacy practice", "NCT02763579"),
    ("Ertugliflozin and urinary tract infections: a claims database study", "NCT01986881"),
    ("Glimepiride and hypoglycaemia among older adults with type 2 diabetes", "NCT01243424"),
    ("Insulin glargine biosimilar costs in type 2 diabetes", "NCT01959529"),
    ("Insulin pen injection technique knowledge among adults with type 2 diabetes",
     "NCT01959529"),
    ("Evolocumab access and prior authorization denials", "NCT01813422"),
    ("Patient perceptions of transcatheter mitral valve repair", "NCT01626079"),
    ("Aspirin for preeclampsia prevention in pregnancy", "NCT02415400"),
    ("Warfarin knowledge among patients with atrial fibrillation", "NCT02415400"),
    ("Oseltamivir prescribing for influenza in nursing homes", "NCT02954354"),
    ("Influenza vaccination attitudes among healthcare workers", "NCT02954354"),
    ("Semaglutide and diabetic retinopathy progression", "NCT03819153"),
    ("Blood flow restriction training for knee osteoarthritis", "NCT03819153"),
    ("Step count and mortality in older women", "NCT04788511"),
    ("HIV pre-exposure prophylaxis awareness among young women in South Africa", "NCT04994509"),
    ("Amlodipine-induced gingival overgrowth", "NCT00000542"),
    ("Epoetin alfa dosing in haemodialysis patients", "NCT03682536"),
    ("Obinutuzumab in lupus nephritis", "NCT02475681"),
    ("Prima facie evidence in medical malpractice litigation", "NCT02655016"),
)  # fmt: skip


def _holdout7_text(s: _Study) -> list[str]:
    return [
        f"{s.brief}. ClinicalTrials.gov identifier: {s.nct}. Sponsor: {s.sponsor}; {s.year}.",
        f"{s.sponsor}. {_sentence_case(s.official)}. ({_name(s)}). NLM Identifier: {s.nct}.",
        f"ClinicalTrials.gov. {s.nct}: {s.brief}. https://www.clinicaltrials.gov/study/{s.nct} "
        "(accessed 2024-05-02).",
        f"The {_name(s)} trial, registration {s.nct} ({s.sponsor}).",
    ]


def _holdout7_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor, name = map(_bib_escape, (s.brief, s.official, s.sponsor, _name(s)))
    return [
        f"@online{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{{{brief}}}}},\n"
        f"  url = {{https://www.clinicaltrials.gov/study/{s.nct}}},\n"
        f"  year = {{{s.year}}},\n  note = {{ClinicalTrials.gov Identifier: {s.nct}}}\n}}",
        f"@misc{{{key}b,\n  title = {{{official}}},\n  number = {{{s.nct}}},\n"
        f"  organization = {{{sponsor}}},\n  howpublished = {{ClinicalTrials.gov}}\n}}",
        f"@report{{{key}c,\n  title = {{{name}}},\n  type = {{Trial registration}},\n"
        f"  institution = {{{sponsor}}},\n  number = {{{s.nct}}}\n}}",
        f"@misc{{{key}d,\n  title = {{{_bib_escape(_sentence_case(s.brief))} ({{{name}}})}},\n"
        f"  url = {{https://clinicaltrials.gov/ct2/show/study/{s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
    ]


# The eighth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies8.jsonl``), with citation templates of its own.
# Wrong names are written as authors write them ("KEYNOTE 177", "CLL-14", "COV BARRIER",
# "Twilight", "DEFUSE-3"), most with the id of a trial of the same disease, drug or sponsor, and
# some earlier trials cited with a holdout8 trial's id. Off-topic titles share words with the
# trial and are another study all the same: the tested drug or the comparator in another disease,
# the condition with another treatment, another population (children, adults, pregnancy), an
# aspect the trial never measured (costs, coadministration, imaging for staging); each says why.
HOLDOUT8_ACRONYM_PAIRS = (
    ("NCT02551094", "NCT02270242", "COLCOT"),  # with TWILIGHT's (coronary disease in both)
    ("NCT02270242", "NCT00391872", "Twilight"),  # with PLATO's (ticagrelor, aspirin in both)
    ("NCT00911508", "NCT01288352", "CABANA"),  # with EAST-AFNET 4's (rhythm control of AF)
    ("NCT02563002", "NCT02358031", "KEYNOTE 177"),  # with KEYNOTE-048's (pembrolizumab,
    # cetuximab, fluorouracil, same sponsor)
    ("NCT03511664", "NCT02987543", "VISION"),  # with PROfound's (castration-resistant prostate
    # cancer in both)
    ("NCT02242942", "NCT02475681", "CLL-14"),  # with ELEVATE-TN's (obinutuzumab plus
    # chlorambucil in untreated CLL in both)
    ("NCT04510194", "NCT04421027", "COVID OUT"),  # with COV-BARRIER's (COVID-19 in both)
    ("NCT04421027", "NCT04401579", "COV BARRIER"),  # with ACTT-2's (baricitinib in COVID-19)
    ("NCT04886596", "NCT03979313", "AReSVi 006"),  # with MELODY's (RSV in both)
    ("NCT03979313", "NCT04886596", "Melody"),  # with AReSVi-006's
    ("NCT02586415", "NCT02142283", "DEFUSE-3"),  # with DAWN's (late thrombectomy in both)
    ("NCT02142283", "NCT02586415", "DAWN"),  # with DEFUSE 3's
    ("NCT02193074", "NCT03979313", "ENDEAR"),  # with MELODY's (infants in both)
    ("NCT00021528", "NCT00014001", "STAR*D"),  # with CATIE's (same sponsor, antidepressant
    # and antipsychotic drug lists)
    ("NCT00014001", "NCT00021528", "CATIE"),  # with STAR*D's
    ("NCT01205776", "NCT01471522", "EXCEL"),  # with ISCHEMIA's (coronary revascularization)
    ("NCT00329784", "NCT03979313", "LEAP"),  # with MELODY's (infants, prevention)
    ("NCT02800785", "NCT01205776", "CODA"),  # with EXCEL's (a procedure against an
    # alternative in both)
    ("NCT01072500", "NCT00017953", "LIFE Study"),  # with Look AHEAD's (lifestyle, physical
    # activity in both)
    ("NCT02410772", "NCT00074581", "TBTC Study 31"),  # with HPTN 052's (NIAID-funded
    # infectious disease in both)
    ("NCT00866619", "NCT04886596", "RTS,S/AS01"),  # with AReSVi-006's (GSK vaccines)
    ("NCT03036488", "NCT02563002", "KEYNOTE-522"),  # with KEYNOTE-177's (pembrolizumab plus
    # chemotherapy, same sponsor)
    ("NCT02475681", "NCT02242942", "ELEVATE-TN"),  # with CLL14's (same drugs, same disease)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT8_TOPIC = (
    # COLCOT tested colchicine against placebo in adults after myocardial infarction.
    ("Colchicine for recurrent pericarditis in children", "NCT02551094"),
    ("Colchicine and postoperative atrial fibrillation after cardiac surgery", "NCT02551094"),
    # TWILIGHT gave every patient ticagrelor and randomised aspirin or placebo: no clopidogrel.
    ("Ticagrelor versus clopidogrel in elderly patients with non-ST-elevation acute coronary "
     "syndrome", "NCT02270242"),
    # CABANA ablated atrial fibrillation, not ventricular arrhythmias.
    ("Catheter ablation of ventricular tachycardia after myocardial infarction", "NCT00911508"),
    # KEYNOTE-177 enrolled colorectal cancer only; endometrial cancer is another study.
    ("Pembrolizumab in microsatellite instability-high endometrial cancer", "NCT02563002"),
    # The control arm could add cetuximab to first-line chemotherapy; no rechallenge after it.
    ("Cetuximab rechallenge in RAS wild-type metastatic colorectal cancer", "NCT02563002"),
    # VISION treated with 177Lu-PSMA-617; PSMA imaging for staging recurrence it never studied.
    ("PSMA PET for staging biochemically recurrent prostate cancer", "NCT03511664"),
    # Another radioligand (DOTATATE, not PSMA-617) in another disease.
    ("177Lu-DOTATATE in midgut neuroendocrine tumours", "NCT03511664"),
    # CLL14 is chronic lymphocytic leukaemia; venetoclax with azacitidine in AML is VIALE-A.
    ("Venetoclax with azacitidine in older adults with acute myeloid leukaemia", "NCT02242942"),
    # Obinutuzumab with bendamustine in follicular lymphoma is another trial (GADOLIN).
    ("Obinutuzumab plus bendamustine in rituximab-refractory follicular lymphoma",
     "NCT02242942"),
    # COVID-OUT gave ivermectin to individuals with COVID-19, not to communities for worms.
    ("Ivermectin mass drug administration for onchocerciasis control", "NCT04510194"),
    # COVID-OUT was in adults with COVID-19, not adolescents with OCD.
    ("Fluvoxamine for obsessive-compulsive disorder in adolescents", "NCT04510194"),
    # COV-BARRIER studied baricitinib in COVID-19; alopecia areata is BRAVE-AA.
    ("Baricitinib in severe alopecia areata", "NCT04421027"),
    # Study 31 treated active pulmonary tuberculosis, not latent infection (that is 3HP).
    ("Weekly rifapentine plus isoniazid for latent tuberculosis infection", "NCT02410772"),
    # The RTS,S phase 3 trial vaccinated; seasonal chemoprevention is another intervention.
    ("Seasonal malaria chemoprevention with sulfadoxine-pyrimethamine plus amodiaquine in the "
     "Sahel", "NCT00866619"),
    # AReSVi-006 vaccinated adults aged 60 and over with GSK's vaccine, not pregnant women.
    ("RSV prefusion F vaccination during pregnancy to protect infants", "NCT04886596"),
    # AReSVi-006 gave the RSV vaccine alone; coadministration was studied in other trials.
    ("Coadministration of an adjuvanted RSV vaccine with seasonal influenza vaccine in older "
     "adults", "NCT04886596"),
    # MELODY enrolled healthy infants; those with heart or lung disease were in MEDLEY.
    ("Nirsevimab in infants with congenital heart disease or chronic lung disease",
     "NCT03979313"),
    # MELODY compared nirsevimab with placebo and measured no costs of palivizumab.
    ("Costs of palivizumab prophylaxis in preterm infants", "NCT03979313"),
    # DEFUSE 3 treated anterior-circulation occlusions, not the basilar artery.
    ("Endovascular thrombectomy for acute basilar artery occlusion", "NCT02586415"),
    # DEFUSE 3 compared thrombectomy with medical therapy, not one thrombolytic with another.
    ("Tenecteplase versus alteplase before thrombectomy for large vessel occlusion",
     "NCT02586415"),
    # ENDEAR treated infants with infantile-onset SMA, not adults with later-onset disease.
    ("Nusinersen in adults with later-onset spinal muscular atrophy", "NCT02193074"),
    # Gene therapy, not nusinersen: another treatment of the same disease (STR1VE).
    ("Onasemnogene abeparvovec gene therapy for spinal muscular atrophy type 1", "NCT02193074"),
    # STAR*D's steps held no esketamine.
    ("Esketamine nasal spray for treatment-resistant depression", "NCT00021528"),
    # STAR*D used bupropion for depression; smoking cessation in schizophrenia is elsewhere.
    ("Bupropion for smoking cessation in schizophrenia", "NCT00021528"),
    # CATIE treated chronic schizophrenia, not delirium in intensive care.
    ("Quetiapine for delirium in the intensive care unit", "NCT00014001"),
    # EXCEL compared XIENCE stents with surgery in left main disease: no bare-metal stents.
    ("Everolimus-eluting versus bare-metal stents in ST-elevation myocardial infarction",
     "NCT01205776"),
    # LEAP prevented allergy by eating peanut; it did not treat allergic children by patch.
    ("Epicutaneous immunotherapy for peanut allergy in children", "NCT00329784"),
    # LEAP introduced peanut only; egg introduction is another trial.
    ("Early egg introduction to prevent egg allergy in infants", "NCT00329784"),
    # CODA enrolled adults; non-operative care in children is another trial.
    ("Nonoperative management of uncomplicated appendicitis in children", "NCT02800785"),
    # LIFE enrolled sedentary older adults in the community, not after hip fracture surgery.
    ("Exercise rehabilitation after hip fracture surgery in older adults", "NCT01072500"),
    # CANTOS tested canakinumab, not colchicine, after myocardial infarction.
    ("Low-dose colchicine in chronic coronary disease", "NCT01327846"),
)  # fmt: skip


def _holdout8_text(s: _Study) -> list[str]:
    head = f"{s.acronym}: " if s.acronym else ""
    return [
        f"{s.brief} [Internet]. ClinicalTrials.gov. Bethesda (MD): U.S. National Library of "
        f"Medicine; {s.year} [cited 2025 Mar 14]. Identifier: {s.nct}. Available from: "
        f"https://clinicaltrials.gov/ct2/show/{s.nct}",
        f"{s.sponsor}. {_sentence_case(s.official)}. Registered at ClinicalTrials.gov under "
        f"{s.nct} on {s.posted}.",
        f"{s.sponsor}. ({s.year}). {head}{_sentence_case(s.brief)} (ClinicalTrials.gov "
        f"Identifier {s.nct}). https://clinicaltrials.gov/study/{s.nct}",
        f"This analysis uses data from the {_name(s)} trial, sponsored by {s.sponsor} "
        f"(ClinicalTrials.gov number, {s.nct}).",
    ]


def _holdout8_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym else ""
    return [
        f"@misc{{{key}m,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  year = {{{s.year}}},\n"
        f"  url = {{https://clinicaltrials.gov/ct2/show/{s.nct}?cond=&draw=1&rank=1}},\n"
        "  note = {Accessed 14 March 2025}\n}",
        f"@online{{{key}n,\n  organization = {{{sponsor}}},\n  title = {{{official}}},\n"
        f"  eprint = {{{s.nct}}},\n  eprinttype = {{ClinicalTrials.gov}},\n"
        f"  date = {{{s.posted}}},\n  urldate = {{2025-03-14}}\n}}",
        f"@techreport{{{key}o,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{head}{_bib_escape(_sentence_case(s.brief))}}},\n"
        "  institution = {U.S. National Library of Medicine},\n"
        f"  type = {{ClinicalTrials.gov record}},\n  number = {{{s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@misc{{{key}p,\n  title = {{{_bib_escape(_fragment(s.official))}}},\n"
        f"  howpublished = {{ClinicalTrials.gov, identifier {s.nct}}},\n"
        f"  note = {{Sponsored by {sponsor}. https://beta.clinicaltrials.gov/study/{s.nct}}}\n}}",
    ]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _long_date(date: str) -> str:
    """An ISO date as MLA writes one ("24 June 2010"); a bare year or month as it is."""
    parts = date.split("-")
    if len(parts) != 3:
        return date
    return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"


# The ninth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies9.jsonl``, whose records carry eligibility and
# outcome measures), with citation templates of its own. Wrong names are written as authors write
# them ("SCOT HEART", "Orbita", "LAAOS-III", "Keynote 054", "TAILOR-x"), most with the id of a
# trial of the same disease, drug class or setting, and some earlier trials cited with a holdout9
# trial's id. Off-topic titles share common and specific words with the trial and are another
# study all the same: the drug in another disease or cancer site, the disease with another
# treatment, a population the record's eligibility leaves out, another stage or form of the
# disease, a screening or diagnostic question, the comparator as the topic; each says why.
HOLDOUT9_ACRONYM_PAIRS = (
    ("NCT01149590", "NCT02062593", "SCOT HEART"),  # with ORBITA's (stable angina in both)
    ("NCT02062593", "NCT01471522", "Orbita"),  # with ISCHEMIA's (revascularisation for stable
    # coronary disease in both)
    ("NCT01561651", "NCT01288352", "LAAOS-III"),  # with EAST-AFNET 4's (atrial fibrillation,
    # stroke)
    ("NCT02362594", "NCT01844505", "Keynote 054"),  # with CheckMate 067's (melanoma,
    # anti-PD-1)
    ("NCT00310180", "NCT03155997", "TAILOR-x"),  # with monarchE's (adjuvant endocrine therapy
    # of early breast cancer)
    ("NCT00268476", "NCT02489318", "Stampede"),  # with TITAN's (androgen deprivation in
    # metastatic prostate cancer)
    ("NCT03391466", "NCT02242942", "ZUMA 7"),  # with CLL14's (B-cell malignancy)
    ("NCT03298451", "NCT03434379", "Himalaya"),  # with IMbrave150's (first-line unresectable
    # hepatocellular carcinoma against sorafenib)
    ("NCT03233191", "NCT00047385", "T-MIST"),  # with NLST's (NCI-funded imaging screening)
    ("NCT02344290", "NCT00239681", "Reprieve"),  # with JUPITER's (a statin for primary
    # prevention)
    ("NCT02333799", "NCT02410772", "NiX-TB"),  # with Study 31's (pulmonary tuberculosis)
    ("NCT04704830", "NCT00866619", "R21/Matrix-M"),  # with the RTS,S trial's (malaria vaccine
    # in African children against a rabies vaccine control)
    ("NCT02456740", "NCT01194570", "Strive"),  # with ORATORIO's (neurology, a monoclonal
    # antibody against placebo)
    ("NCT01960075", "NCT02586415", "E-SETT"),  # with DEFUSE 3's (emergency neurology, NINDS)
    ("NCT00006286", "NCT00021528", "TADS"),  # with STAR*D's (depression, NIMH, SSRIs and
    # cognitive therapy)
    ("NCT00233324", "NCT03979313", "SUPPORT trial"),  # with MELODY's (preterm infants)
    ("NCT00872469", "NCT00233324", "WOMAN"),  # with SUPPORT's (perinatal care)
    ("NCT02092090", "NCT00000542", "SSASS"),  # with ALLHAT's (hypertension and stroke)
    ("NCT00021528", "NCT00006286", "STAR-D"),  # STAR*D with TADS's id
    ("NCT03155997", "NCT00310180", "monarch-E"),  # monarchE with TAILORx's id
    ("NCT03434379", "NCT03298451", "IMbrave 150"),  # IMbrave150 with HIMALAYA's id
    ("NCT02489318", "NCT00268476", "Titan"),  # TITAN with STAMPEDE's id
    ("NCT01471522", "NCT02062593", "ISCHEMIA"),  # ISCHEMIA with ORBITA's id
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT9_TOPIC = (
    # SCOT-HEART imaged outpatients with suspected stable angina, not acute chest pain in the ED.
    ("Coronary CT angiography for acute chest pain in the emergency department", "NCT01149590"),
    # SCOT-HEART enrolled symptomatic patients; calcium scoring of asymptomatic adults is another.
    ("Coronary artery calcium scoring to guide statin therapy in asymptomatic adults",
     "NCT01149590"),
    # ORBITA's placebo procedure was PCI in stable angina; renal denervation is another trial.
    ("Sham-controlled renal denervation for uncontrolled hypertension", "NCT02062593"),
    # ORBITA excluded chronic total occlusions.
    ("Percutaneous coronary intervention of chronic total occlusions for refractory angina",
     "NCT02062593"),
    # LAAOS III occluded the appendage surgically; a percutaneous device is another trial.
    ("Percutaneous left atrial appendage closure versus warfarin in nonvalvular atrial "
     "fibrillation", "NCT01561651"),
    # Same population (cardiac surgery), another treatment and question.
    ("Prophylactic amiodarone for postoperative atrial fibrillation after cardiac surgery",
     "NCT01561651"),
    # KEYNOTE-054 gave pembrolizumab after resection; neoadjuvant use is another trial.
    ("Neoadjuvant pembrolizumab before surgery in resectable stage III melanoma", "NCT02362594"),
    # Another cancer site (KEYNOTE-564).
    ("Adjuvant pembrolizumab after nephrectomy in renal cell carcinoma", "NCT02362594"),
    # Advanced disease after ipilimumab, not resected stage III melanoma.
    ("Pembrolizumab in ipilimumab-refractory advanced melanoma", "NCT02362594"),
    # TAILORx enrolled node-negative disease; node-positive is RxPONDER.
    ("21-gene recurrence score to guide adjuvant chemotherapy in node-positive breast cancer",
     "NCT00310180"),
    # Extended endocrine therapy after five years of tamoxifen is another trial (MA.17).
    ("Extended adjuvant letrozole after five years of tamoxifen in postmenopausal breast cancer",
     "NCT00310180"),
    # Another form of the disease: DCIS, not invasive breast cancer.
    ("Recurrence score assay in ductal carcinoma in situ treated with breast-conserving surgery",
     "NCT00310180"),
    # STAMPEDE treated hormone-naive disease starting ADT, not castration-resistant disease.
    ("Docetaxel plus prednisone in metastatic castration-resistant prostate cancer",
     "NCT00268476"),
    # Localised low-risk disease under surveillance is another stage and question (ProtecT).
    ("Active surveillance versus radical prostatectomy for localised low-risk prostate cancer",
     "NCT00268476"),
    # STAMPEDE's metformin arm was in men with prostate cancer, not pregnancy.
    ("Metformin versus insulin for gestational diabetes", "NCT00268476"),
    # ZUMA-7 was second-line; first-line axi-cel is ZUMA-12.
    ("Axicabtagene ciloleucel as first-line therapy for high-risk large B-cell lymphoma",
     "NCT03391466"),
    # Another CAR T product, another disease, children (ZUMA-7 enrolled adults).
    ("Tisagenlecleucel in children and young adults with B-cell acute lymphoblastic leukaemia",
     "NCT03391466"),
    # HIMALAYA's durvalumab was in liver cancer; after chemoradiotherapy in lung cancer is PACIFIC.
    ("Durvalumab after chemoradiotherapy in stage III non-small-cell lung cancer",
     "NCT03298451"),
    # The comparator (sorafenib) in the adjuvant setting (STORM).
    ("Adjuvant sorafenib after resection or ablation of hepatocellular carcinoma", "NCT03298451"),
    # A screening question on the trial's disease; HIMALAYA treated unresectable HCC.
    ("Ultrasound surveillance for hepatocellular carcinoma in patients with cirrhosis",
     "NCT03298451"),
    # TMIST compared tomosynthesis with digital mammography; supplemental MRI is DENSE.
    ("Supplemental MRI screening in women with extremely dense breasts", "NCT03233191"),
    # TMIST enrolled women aged 45 to 74.
    ("Mammography screening in women aged 75 years and older", "NCT03233191"),
    # REPRIEVE enrolled people with HIV aged 40 to 75, not perinatally infected adolescents.
    ("Statin therapy in adolescents with perinatally acquired HIV", "NCT02344290"),
    # A head-to-head of statins in hypercholesterolaemia, without HIV.
    ("Pitavastatin versus atorvastatin in primary hypercholesterolaemia", "NCT02344290"),
    # Nix-TB treated drug-resistant disease; drug-susceptible TB is another trial (STAND).
    ("Pretomanid-containing regimens for drug-susceptible pulmonary tuberculosis",
     "NCT02333799"),
    # Preventive therapy for contacts (latent infection), not treatment of active disease.
    ("Preventive therapy for household contacts of patients with multidrug-resistant "
     "tuberculosis", "NCT02333799"),
    # Linezolid in another infection.
    ("Linezolid versus vancomycin for methicillin-resistant Staphylococcus aureus pneumonia",
     "NCT02333799"),
    # The rabies vaccine was the control arm, not the topic.
    ("Rabies pre-exposure prophylaxis schedules in children", "NCT04704830"),
    # Same disease, another intervention and population (pregnant women).
    ("Intermittent preventive treatment of malaria in pregnancy with dihydroartemisinin-"
     "piperaquine", "NCT04704830"),
    # STRIVE enrolled episodic migraine; chronic migraine was another erenumab trial.
    ("Erenumab for the prevention of chronic migraine", "NCT02456740"),
    # STRIVE enrolled adults aged 18 to 65.
    ("Erenumab for migraine prevention in children and adolescents", "NCT02456740"),
    # First-line benzodiazepine before hospital (RAMPART), not second-line therapy.
    ("Intramuscular midazolam versus intravenous lorazepam for prehospital status epilepticus",
     "NCT01960075"),
    # Same drugs, another indication.
    ("Levetiracetam versus phenytoin for seizure prophylaxis after traumatic brain injury",
     "NCT01960075"),
    # TADS enrolled adolescents aged 12 to 17.
    ("Fluoxetine and cognitive behavioural therapy for depression in older adults",
     "NCT00006286"),
    # Another disorder in the same age group (CAMS).
    ("Cognitive behavioural therapy and sertraline for anxiety disorders in adolescents",
     "NCT00006286"),
    # Psilocybin in another disease.
    ("Psilocybin-assisted therapy for alcohol use disorder", "NCT03775200"),
    # Same disease, other treatments (ELEKT-D).
    ("Electroconvulsive therapy versus ketamine for treatment-resistant major depression",
     "NCT03775200"),
    # SUPPORT's oxygen targets were in extremely preterm infants, not ventilated adults.
    ("Conservative versus liberal oxygen saturation targets in mechanically ventilated adults",
     "NCT00233324"),
    # Same population, another treatment.
    ("Caffeine citrate for apnoea of prematurity", "NCT00233324"),
    # Tranexamic acid in another condition (CRASH-3).
    ("Tranexamic acid in acute traumatic brain injury", "NCT00872469"),
    # Prevention at caesarean, not treatment of established haemorrhage (TRAAP2).
    ("Prophylactic tranexamic acid at caesarean delivery to prevent postpartum blood loss",
     "NCT00872469"),
    # Same condition, other drugs, prevention (CHAMPION).
    ("Heat-stable carbetocin versus oxytocin to prevent postpartum haemorrhage", "NCT00872469"),
    # SSaSS replaced household salt for adults with stroke or hypertension; not children.
    ("School-based salt reduction education for children and their families", "NCT02092090"),
    # Pregnant smokers were not the trial's population (and the trial was of employees).
    ("Financial incentives for smoking cessation in pregnancy", "NCT01526265"),
    # Same behaviour, another intervention.
    ("Electronic cigarettes versus nicotine replacement therapy for smoking cessation",
     "NCT01526265"),
    # Same intervention, another behaviour.
    ("Financial incentives to increase physical activity in overweight adults", "NCT01526265"),
)  # fmt: skip


def _holdout9_text(s: _Study) -> list[str]:
    label = (f"the {s.acronym} trial, \"{_sentence_case(s.brief)}\"" if s.acronym
             else f"the trial \"{_sentence_case(s.brief)}\"")  # fmt: skip
    return [
        f"{s.official} [Internet]. Bethesda (MD): National Library of Medicine (US); {s.year} "
        f"[cited 2025 Nov 20]. Available from: https://clinicaltrials.gov/study/{s.nct}. "
        f"ClinicalTrials.gov Identifier: {s.nct}.",
        f"{s.sponsor} ({s.year}) {s.brief}. Available at: "
        f"https://www.clinicaltrials.gov/ct2/show/{s.nct} (Accessed: 20 November 2025).",
        f"Participants were recruited into {label} (ClinicalTrials.gov registration number "
        f"{s.nct}), sponsored by {s.sponsor}.",
        f'{s.sponsor}. "{s.brief}." ClinicalTrials.gov, National Library of Medicine, '
        f"{_long_date(s.posted)}, clinicaltrials.gov/study/{s.nct}. Identifier {s.nct}.",
    ]


def _holdout9_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    short = _bib_escape(_sentence_case(s.brief))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym else ""
    return [
        f"@misc{{{key}q,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  howpublished = {{\\url{{https://clinicaltrials.gov/study/{s.nct}}}}},\n"
        f"  note = {{ClinicalTrials.gov Identifier {s.nct}. Accessed 2025-11-20}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@online{{{key}r,\n  title = {{{official}}},\n  organization = {{{sponsor}}},\n"
        f"  url = {{https://www.clinicaltrials.gov/study/{s.nct}?tab=table}},\n"
        f"  date = {{{s.posted}}},\n  urldate = {{2025-11-20}}\n}}",
        f"@manual{{{key}s,\n  title = {{{head}{short}}},\n"
        "  organization = {ClinicalTrials.gov},\n"
        f"  note = {{Identifier: {s.nct}; sponsor: {sponsor}}},\n  year = {{{s.year}}}\n}}",
        f"@dataset{{{key}t,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{_bib_escape(_fragment(s.official))}}},\n"
        "  publisher = {U.S. National Library of Medicine},\n"
        f"  url = {{https://classic.clinicaltrials.gov/ct2/show/record/{s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
    ]


# The tenth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies10.jsonl``, with eligibility and outcome measures as
# in ``studies9.jsonl``), with citation templates of its own. Wrong names are written as authors
# write them ("Figaro DKD", "Checkmate-816", "XBOT", "C.H.A.P."), most with the id of a trial of
# the same disease, drug or setting, some earlier trials cited with a holdout10 trial's id and
# some holdout10 trials with an earlier one's. Off-topic titles share the drug and/or disease
# words with the trial and are another study all the same: another stage, line or setting,
# another form of the disease, a population the record's eligibility leaves out, another
# comparator, purpose, site or procedure; each says why.
HOLDOUT10_ACRONYM_PAIRS = (
    ("NCT02545049", "NCT02540993", "Figaro DKD"),  # with FIDELIO-DKD's (finerenone in
    # diabetic kidney disease in both)
    ("NCT02540993", "NCT02545049", "FIDELIO"),  # FIDELIO-DKD with FIGARO-DKD's id
    ("NCT02998528", "NCT02125461", "Checkmate-816"),  # with PACIFIC's (immunotherapy in
    # non-metastatic non-small-cell lung cancer)
    ("NCT03734029", "NCT03529110", "Destiny Breast 04"),  # with DESTINY-Breast03's
    # (trastuzumab deruxtecan in metastatic breast cancer)
    ("NCT03529110", "NCT03734029", "DESTINY-Breast03"),  # DESTINY-Breast03 with 04's id
    ("NCT03701334", "NCT03155997", "Natalee"),  # with monarchE's (adjuvant CDK4/6 inhibitor
    # with endocrine therapy in early breast cancer)
    ("NCT03274492", "NCT03391466", "POLARIX study"),  # with ZUMA-7's (large B-cell lymphoma)
    ("NCT02252172", "NCT03274492", "Maia"),  # with POLARIX's (first-line haematological
    # malignancy, Roche against Janssen)
    ("NCT03354429", "NCT00991029", "THALES"),  # with POINT's (dual antiplatelet therapy
    # after minor stroke or TIA)
    ("NCT00991029", "NCT03354429", "POINT trial"),  # POINT with THALES's id
    ("NCT00716079", "NCT03354429", "INTERACT-2"),  # with THALES's (acute stroke)
    ("NCT01448109", "NCT04381936", "Adrenal"),  # with RECOVERY's (corticosteroids in
    # critically ill patients)
    ("NCT01990612", "NCT02299414", "ARRIVE trial"),  # with CHAP's (pregnancy, US networks)
    ("NCT02299414", "NCT01990612", "C.H.A.P."),  # CHAP with ARRIVE's id
    ("NCT02622321", "NCT03745287", "Haven-1"),  # with CLIMB SCD-121's (inherited blood
    # disorder)
    ("NCT00345176", "NCT01627249", "AREDS 2"),  # with Protocol T's (retina, NEI-funded)
    ("NCT02032433", "NCT01456936", "XBOT"),  # with EAGLES's (addiction pharmacotherapy)
    ("NCT01456936", "NCT01526265", "Eagles"),  # with the financial-incentive trial's
    # (smoking cessation)
    ("NCT02747927", "NCT04704830", "TIDES (DEN-301)"),  # with the R21/Matrix-M trial's
    # (vaccine efficacy in children in endemic countries)
    ("NCT03719586", "NCT04280705", "PALM"),  # with ACTT-1's (remdesivir, NIAID)
    ("NCT01646437", "NCT01038583", "TIPS 3"),  # with ASPREE's (aspirin for primary
    # prevention)
    ("NCT01038583", "NCT01646437", "Aspree"),  # ASPREE with TIPS-3's id
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT10_TOPIC = (
    # FIGARO-DKD enrolled type 2 diabetes; type 1 is another trial (FINE-ONE).
    ("Finerenone in chronic kidney disease associated with type 1 diabetes", "NCT02545049"),
    # Heart failure with preserved ejection fraction is another disease and trial (FINEARTS-HF).
    ("Finerenone in heart failure with mildly reduced or preserved ejection fraction",
     "NCT02545049"),
    # Another cancer site and the adjuvant setting (CheckMate 577).
    ("Adjuvant nivolumab after resection of oesophageal or gastro-oesophageal junction cancer",
     "NCT02998528"),
    # Metastatic first-line disease, not resectable early-stage (CheckMate 227).
    ("Nivolumab plus ipilimumab as first-line treatment for metastatic non-small-cell lung "
     "cancer", "NCT02998528"),
    # Another cancer (DESTINY-Lung01).
    ("Trastuzumab deruxtecan in HER2-mutant metastatic non-small-cell lung cancer",
     "NCT03734029"),
    # HER2-positive disease against T-DM1 is DESTINY-Breast03; DESTINY-Breast04 was HER2-low.
    ("Trastuzumab deruxtecan versus trastuzumab emtansine in HER2-positive metastatic breast "
     "cancer", "NCT03734029"),
    # Advanced first-line disease, not adjuvant treatment of early breast cancer (MONALEESA-2).
    ("Ribociclib plus letrozole as first-line therapy for HR-positive advanced breast cancer",
     "NCT03701334"),
    # Before surgery, not after it.
    ("Neoadjuvant ribociclib and letrozole before surgery in postmenopausal women with "
     "early breast cancer", "NCT03701334"),
    # Relapsed or refractory disease with bendamustine, not previously untreated with R-CHP.
    ("Polatuzumab vedotin with bendamustine and rituximab in relapsed or refractory diffuse "
     "large B-cell lymphoma", "NCT03274492"),
    # Transplant-eligible patients with another regimen (CASSIOPEIA); MAIA's were ineligible.
    ("Daratumumab with bortezomib, thalidomide and dexamethasone before autologous stem cell "
     "transplantation in newly diagnosed multiple myeloma", "NCT02252172"),
    # A precursor form of the disease (AQUILA), not active myeloma.
    ("Subcutaneous daratumumab in high-risk smouldering multiple myeloma", "NCT02252172"),
    # Another disease (PLATO).
    ("Ticagrelor versus clopidogrel in patients with acute coronary syndromes", "NCT03354429"),
    # Another comparator and population (CHANCE-2): THALES compared against aspirin alone.
    ("Ticagrelor-aspirin versus clopidogrel-aspirin in CYP2C19 loss-of-function carriers with "
     "minor stroke", "NCT03354429"),
    # Ischaemic stroke after thrombectomy, not intracerebral haemorrhage.
    ("Intensive blood pressure lowering after successful mechanical thrombectomy in acute "
     "ischaemic stroke", "NCT00716079"),
    # A surgical procedure for the same disease (MISTIE III).
    ("Minimally invasive surgery plus alteplase for evacuation of intracerebral haemorrhage",
     "NCT00716079"),
    # Newborns, another condition; ADRENAL enrolled ventilated adults in septic shock.
    ("Hydrocortisone to prevent bronchopulmonary dysplasia in extremely preterm infants",
     "NCT01448109"),
    # Another drug in the same condition (VANISH).
    ("Early vasopressin versus norepinephrine in patients with septic shock", "NCT01448109"),
    # How to induce (the method of cervical ripening), not whether to induce at 39 weeks.
    ("Outpatient balloon catheter versus inpatient prostaglandin for cervical ripening at term",
     "NCT01990612"),
    # Another gestational age, and ARRIVE enrolled nulliparous women only.
    ("Induction of labour at 41 weeks versus expectant management until 42 weeks in "
     "multiparous women", "NCT01990612"),
    # Another intervention and population (ASPRE).
    ("Low-dose aspirin for the prevention of preterm preeclampsia in women at high risk",
     "NCT02299414"),
    # Acute severe hypertension, which CHAP excluded.
    ("Oral nifedipine versus intravenous labetalol for severe hypertension in pregnancy",
     "NCT02299414"),
    # HAVEN 1 enrolled patients with inhibitors; without inhibitors is HAVEN 3.
    ("Emicizumab prophylaxis in persons with hemophilia A without factor VIII inhibitors",
     "NCT02622321"),
    # Another treatment for the disease (GENEr8-1).
    ("Valoctocogene roxaparvovec gene therapy for severe hemophilia A", "NCT02622321"),
    # The trial enrolled patients aged 12 and over.
    ("Elexacaftor-tezacaftor-ivacaftor in children aged 2 through 5 years with cystic fibrosis",
     "NCT03525444"),
    # Another disease (VIEW).
    ("Aflibercept versus ranibizumab in neovascular age-related macular degeneration",
     "NCT01627249"),
    # Proliferative retinopathy with laser as the topic (Protocol S), not macular oedema.
    ("Panretinal photocoagulation versus intravitreal ranibizumab for proliferative diabetic "
     "retinopathy", "NCT01627249"),
    # Omega-3 for another eye disease (DREAM).
    ("Omega-3 fatty acid supplementation for dry eye disease", "NCT00345176"),
    # Geographic atrophy treated with an injected complement inhibitor, not supplements.
    ("Intravitreal pegcetacoplan for geographic atrophy secondary to age-related macular "
     "degeneration", "NCT00345176"),
    # The same drug in another disorder.
    ("Extended-release naltrexone for alcohol dependence", "NCT02032433"),
    # EAGLES enrolled adults aged 18 to 75.
    ("Varenicline for smoking cessation in adolescents and young adults", "NCT01456936"),
    # Bupropion in another indication and combination.
    ("Naltrexone-bupropion extended release for chronic weight management in obesity",
     "NCT01456936"),
    # Another dengue vaccine (CYD-TDV, CYD14), not Takeda's TAK-003.
    ("CYD-TDV dengue vaccine in healthy children aged 2 to 14 years in Asia", "NCT02747927"),
    # Prevention by vaccination of contacts, not treatment of patients.
    ("Ring vaccination with rVSV-ZEBOV to prevent Ebola virus disease in contacts",
     "NCT03719586"),
    # Secondary prevention; TIPS-3 excluded known cardiovascular disease (SECURE).
    ("Polypill for secondary prevention after myocardial infarction in older patients",
     "NCT01646437"),
)  # fmt: skip


def _holdout10_text(s: _Study) -> list[str]:
    label = (f"the {s.acronym} trial ({_sentence_case(s.brief)})" if s.acronym
             else f"a trial titled \u201c{_sentence_case(s.brief)}\u201d")  # fmt: skip
    head = f"{s.acronym}: " if s.acronym else ""
    return [
        f"ClinicalTrials.gov. {s.brief}. Sponsor: {s.sponsor}. Registry entry {s.nct}, first "
        f"posted {_long_date(s.posted)}. https://clinicaltrials.gov/study/{s.nct} (accessed 3 "
        "December 2025).",
        f"{s.sponsor} ({s.year}). {s.official}. Trial registration {s.nct}, ClinicalTrials.gov. "
        f"Retrieved 3 December 2025 from https://clinicaltrials.gov/ct2/show/study/{s.nct}",
        f"The protocol of {label} was prospectively registered with ClinicalTrials.gov under "
        f"{s.nct} by {s.sponsor}.",
        f"{head}{_fragment(s.official)}. {s.sponsor}. ClinicalTrials.gov ID {s.nct}. Posted "
        f"{s.posted}. Accessed December 3, 2025. "
        f"https://clinicaltrials.gov/study/{s.nct}?term={s.nct}&rank=1",
    ]


def _holdout10_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym else ""
    return [
        f"@misc{{{key}a,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{head}{_bib_escape(_sentence_case(s.brief))}}},\n"
        "  howpublished = {ClinicalTrials.gov},\n"
        f"  note = {{NCT number {s.nct}, first posted {s.posted}}},\n  year = {{{s.year}}}\n}}",
        f"@online{{{key}b,\n  title = {{{{{official}}}}},\n  eprint = {{{s.nct}}},\n"
        "  eprinttype = {ClinicalTrials.gov},\n  urldate = {2025-12-03},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@techreport{{{key}c,\n  title = {{{brief}}},\n  institution = {{{sponsor}}},\n"
        f"  type = {{Trial registration}},\n  number = {{{s.nct}}},\n"
        f"  url = {{https://classic.clinicaltrials.gov/show/{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@misc{{{key}d,\n  title = {{{brief}}},\n"
        "  organization = {National Library of Medicine},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}#study-overview}},\n"
        f"  note = {{Registered by {sponsor}; accessed 3 December 2025}},\n"
        f"  year = {{{s.year}}}\n}}",
    ]


# The eleventh held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies11.jsonl``: cardiology, endocrinology, nephrology,
# respiratory medicine, gastroenterology and hepatology, infectious diseases, rheumatology and
# dermatology), with citation templates of its own. Wrong names are written as authors write
# them ("EXPLORER HCM", "ISAR-REACT5", "NEFIGARD", "TN10"), most with the id of a trial of the
# same disease, drug or sponsor; some are the sister trial's name cited with this trial's id
# ("INPULSIS-2", "MODIFY II", "TULIP-1", "ASTRAL-3": the sister is another registration), some
# earlier trials are cited with a holdout11 trial's id and some holdout11 trials with an earlier
# one's. Off-topic titles share the drug and/or disease words with the trial and are another
# study all the same: the other phenotype or stage of the disease, a population the record's
# eligibility leaves out, another route, comparator, timing or purpose, the sister drug, an
# extension, registry or cost study; each says why.
HOLDOUT11_ACRONYM_PAIRS = (
    ("NCT03470545", "NCT01994889", "EXPLORER HCM"),  # with ATTR-ACT's (a cardiomyopathy trial
    # of an oral small molecule against placebo)
    ("NCT04435626", "NCT02545049", "FINEARTS HF"),  # with FIGARO-DKD's (finerenone, Bayer)
    ("NCT03619213", "NCT04435626", "Deliver"),  # DELIVER with FINEARTS-HF's id (heart failure
    # with ejection fraction of 40 % or more in both)
    ("NCT01944800", "NCT00391872", "ISAR-REACT5"),  # with PLATO's (ticagrelor in acute coronary
    # syndromes)
    ("NCT00391872", "NCT01944800", "PLATO trial"),  # PLATO with ISAR-REACT 5's id
    ("NCT01938248", "NCT00412984", "Artesia"),  # with ARISTOTLE's (apixaban against a
    # comparator to prevent stroke in atrial fibrillation)
    ("NCT01575834", "NCT00089791", "the FRAME study"),  # with FREEDOM's (Amgen, vertebral
    # fractures in postmenopausal osteoporosis; denosumab in both)
    ("NCT00089791", "NCT01575834", "Freedom"),  # FREEDOM with FRAME's id
    ("NCT01030861", "NCT00004992", "TN10"),  # the teplizumab prevention trial with the DPP's
    # (NIDDK, preventing diabetes in people at risk)
    ("NCT03762850", "NCT03643965", "Protect"),  # with NefIgArd's (IgA nephropathy with
    # proteinuria despite RAS blockade)
    ("NCT03643965", "NCT03762850", "NEFIGARD"),  # NefIgArd with PROTECT's id
    ("NCT01335464", "NCT01335464", "INPULSIS-2"),  # the sister trial (NCT01335477) cited with
    # INPULSIS-1's id: same drug, disease, sponsor and design, another registration
    ("NCT03930732", "NCT02465567", "Boreas"),  # with ETHOS's (COPD exacerbations)
    ("NCT01928771", "NCT03347279", "SIROCCO"),  # with NAVIGATOR's (severe uncontrolled asthma,
    # an AstraZeneca biologic)
    ("NCT02497469", "NCT03536884", "VARSITY"),  # with BE RADIANT's (a head-to-head of two
    # biologics)
    ("NCT03900429", "NCT03548935", "MAESTRO NASH"),  # with STEP 1's (metabolic disease, a
    # once-daily or weekly drug against placebo)
    ("NCT02201940", "NCT02201940", "ASTRAL-3"),  # the genotype 3 sister trial (NCT02201953)
    # cited with ASTRAL-1's id
    ("NCT03005145", "NCT01448109", "BALANCE trial"),  # with ADRENAL's (bloodstream infection and
    # septic shock in intensive care)
    ("NCT01241552", "NCT01241552", "MODIFY II"),  # the sister trial (NCT01513239) cited with
    # MODIFY I's id
    ("NCT01791153", "NCT02446899", "GIACTA"),  # with TULIP-2's (a biologic against placebo in
    # a systemic autoimmune disease, steroid tapering)
    ("NCT02446899", "NCT02446899", "TULIP-1"),  # the sister trial (NCT02446912) cited with
    # TULIP-2's id
    ("NCT03536884", "NCT01365455", "BE-RADIANT"),  # with ERASURE's (secukinumab, BE RADIANT's
    # comparator, in plaque psoriasis)
    ("NCT03570749", "NCT04421027", "BRAVE AA1"),  # with COV-BARRIER's (baricitinib, Eli Lilly)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT11_TOPIC = (
    # EXPLORER-HCM enrolled obstructive disease (LVOT gradient of 50 mmHg or more); ODYSSEY-HCM.
    ("Mavacamten in symptomatic non-obstructive hypertrophic cardiomyopathy", "NCT03470545"),
    # Another question in the same disease (VALOR-HCM): whether patients can avoid septal
    # reduction, not functional capacity against placebo.
    ("Mavacamten in obstructive HCM patients eligible for septal reduction therapy",
     "NCT03470545"),
    # The open-label long-term extension (MAVA-LTE) is another registration.
    ("Long-term safety and efficacy of mavacamten: an open-label extension study",
     "NCT03470545"),
    # HFrEF after a worsening event is another population (FINALITY-HF); FINEARTS-HF enrolled an
    # ejection fraction of 40 % or more.
    ("Finerenone in patients with HFrEF intolerant of or ineligible for steroidal MRAs",
     "NCT04435626"),
    # Finerenone combined with an SGLT2 inhibitor in kidney disease (CONFIDENCE).
    ("Simultaneous initiation of finerenone and empagliflozin in CKD with type 2 diabetes",
     "NCT04435626"),
    # Timing of the P2Y12 inhibitor (ATLANTIC), not ticagrelor against prasugrel.
    ("Prehospital versus in-hospital administration of ticagrelor in STEMI", "NCT01944800"),
    # Another strategy after ACS: dropping aspirin (TICO), not choosing the P2Y12 inhibitor.
    ("Ticagrelor monotherapy after 3 months of DAPT in ACS patients treated with DES",
     "NCT01944800"),
    # Another drug in the same device-detected population (NOAH-AFNET 6).
    ("Edoxaban in patients with atrial high-rate episodes", "NCT01938248"),
    # A screening question: detecting AF with a loop recorder in people without a device (LOOP).
    ("Implantable loop recorder detection of atrial fibrillation to prevent stroke",
     "NCT01938248"),
    # Another comparator (ARCH): romosozumab against alendronate, not placebo.
    ("Romosozumab or alendronate for fracture prevention in women with osteoporosis",
     "NCT01575834"),
    # FRAME enrolled postmenopausal women (BRIDGE was in men).
    ("Romosozumab in men with osteoporosis: a placebo-controlled phase 3 study",
     "NCT01575834"),
    # An observational study in another country, not the randomised trial.
    ("Real-world persistence with romosozumab in Japanese patients: a registry analysis",
     "NCT01575834"),
    # New-onset clinical diabetes (the PROTECT teplizumab trial), not prevention in relatives.
    ("Teplizumab in children and adolescents with newly diagnosed type 1 diabetes",
     "NCT01030861"),
    # Another drug in the same at-risk relatives (TrialNet TN-07).
    ("Oral insulin for prevention of diabetes in relatives at risk for type 1 diabetes",
     "NCT01030861"),
    # The same two drugs in another glomerular disease (DUPLEX).
    ("Sparsentan versus irbesartan in primary focal segmental glomerulosclerosis",
     "NCT03762850"),
    # Another endothelin antagonist in IgA nephropathy (ALIGN).
    ("Atrasentan in patients with IgA nephropathy at risk of progressive loss of kidney "
     "function", "NCT03762850"),
    # A systemic steroid in the same disease (TESTING), not gut-targeted budesonide.
    ("Oral methylprednisolone in IgA nephropathy with proteinuria above 1 g/day",
     "NCT03643965"),
    # Nintedanib in fibrosing ILDs other than IPF (INBUILD); INPULSIS-1 enrolled IPF.
    ("Nintedanib in progressive fibrosing interstitial lung diseases", "NCT01335464"),
    # Another antifibrotic in the same disease (ASCEND).
    ("Pirfenidone in patients with idiopathic pulmonary fibrosis", "NCT01335464"),
    # Another biologic in eosinophilic COPD (MATINEE).
    ("Mepolizumab as add-on treatment in COPD with raised blood eosinophils", "NCT03930732"),
    # BOREAS enrolled adults aged 40 to 80 with COPD, and excluded asthma (VOYAGE, children).
    ("Dupilumab in children 6 to 11 years old with uncontrolled type 2 asthma",
     "NCT03930732"),
    # Another outcome and design (ZONDA): cutting maintenance oral steroids, not exacerbations on
    # high-dose ICS-LABA.
    ("Oral glucocorticoid-sparing effect of benralizumab in severe asthma", "NCT01928771"),
    # The same drug in another eosinophilic disease (MANDARA).
    ("Benralizumab versus mepolizumab for eosinophilic granulomatosis with polyangiitis",
     "NCT01928771"),
    # Another route and phase (VISIBLE 1): subcutaneous maintenance, not IV against adalimumab.
    ("Subcutaneous vedolizumab as maintenance therapy for ulcerative colitis", "NCT02497469"),
    # Another disease and comparator pair (SEAVUE).
    ("Ustekinumab versus adalimumab in biologic-naive Crohn's disease", "NCT02497469"),
    # Compensated cirrhosis (F4), which MAESTRO-NASH excluded (MAESTRO-NASH OUTCOMES).
    ("Resmetirom in patients with compensated NASH cirrhosis", "NCT03900429"),
    # Another drug in the same disease (ESSENCE).
    ("Semaglutide 2.4 mg in metabolic dysfunction-associated steatohepatitis", "NCT03900429"),
    # Decompensated cirrhosis with ribavirin (ASTRAL-4); ASTRAL-1 excluded decompensation.
    ("Sofosbuvir-velpatasvir with or without ribavirin in HCV with decompensated cirrhosis",
     "NCT02201940"),
    # A cost-effectiveness analysis in a population, not the efficacy trial.
    ("Cost-effectiveness of sofosbuvir/velpatasvir in people who inject drugs",
     "NCT02201940"),
    # S. aureus bacteraemia, which BALANCE excluded.
    ("Shortened antibiotic treatment of uncomplicated Staphylococcus aureus bacteraemia",
     "NCT03005145"),
    # Route, not duration: early switch to oral antibiotics.
    ("Early oral step-down antibiotic therapy for Gram-negative bloodstream infection",
     "NCT03005145"),
    # Another treatment for recurrent disease, not an antitoxin antibody given with antibiotics.
    ("Faecal microbiota transplantation for recurrent Clostridioides difficile infection",
     "NCT01241552"),
    # MODIFY I enrolled adults; the paediatric bezlotoxumab study (MODIFY III) is another.
    ("Bezlotoxumab in children aged 1 to <18 years receiving antibacterial drug treatment for "
     "C. difficile infection", "NCT01241552"),
    # The same drug in another disease (SEMAPHORE), not giant cell arteritis.
    ("Tocilizumab for glucocorticoid-dependent polymyalgia rheumatica", "NCT01791153"),
    # Another drug in giant cell arteritis (SELECT-GCA).
    ("Upadacitinib with a 26-week glucocorticoid taper in giant cell arteritis",
     "NCT01791153"),
    # Lupus nephritis, which TULIP-2 excluded when active and severe (TULIP-LN).
    ("Anifrolumab in active proliferative lupus nephritis", "NCT02446899"),
    # Another route (TULIP-SC): subcutaneous, not intravenous every 4 weeks.
    ("Subcutaneous anifrolumab in adults with systemic lupus erythematosus", "NCT02446899"),
    # Another comparator (BE SURE): adalimumab, not secukinumab.
    ("Bimekizumab versus adalimumab in plaque psoriasis", "NCT03536884"),
    # The same drug in another disease (BE OPTIMAL).
    ("Bimekizumab in biologic-naive patients with active psoriatic arthritis", "NCT03536884"),
    # Another JAK inhibitor in the same disease (ALLEGRO).
    ("Ritlecitinib in patients aged 12 years and older with alopecia areata", "NCT03570749"),
    # BRAVE-AA1 enrolled adults; adolescents are BRAVE-AA-PEDS.
    ("Baricitinib in paediatric patients with severe or very severe alopecia areata",
     "NCT03570749"),
)  # fmt: skip


def _apa_date(date: str) -> str:
    """An ISO date as APA writes one ("2018, March 20"); a bare year or month as it is."""
    parts = date.split("-")
    if len(parts) != 3:
        return date
    return f"{parts[0]}, {_MONTHS[int(parts[1]) - 1]} {int(parts[2])}"


def _clip(title: str, words: int = 12) -> str:
    """A long title cut short as reference lists print it: its first words and an ellipsis."""
    split = title.split()
    return title if len(split) <= words else " ".join(split[:words]).rstrip(",;:") + "\u2026"


def _holdout11_text(s: _Study) -> list[str]:
    head = f"{s.acronym}: " if s.acronym else ""
    dotted = ".".join(reversed(s.posted.split("-"))) if s.posted else s.year
    sponsor = s.sponsor.rstrip(".")  # "Inc." ends its own sentence
    clipped = _clip(s.official)
    clipped += "" if clipped.endswith("\u2026") else "."
    return [
        f"{sponsor}. ({_apa_date(s.posted)}). {s.brief} (ClinicalTrials.gov Identifier "
        f"{s.nct}). U.S. National Library of Medicine. https://clinicaltrials.gov/study/{s.nct}",
        f"{head}{_sentence_case(s.brief)}. ClinicalTrials.gov identifier: {s.nct}. Updated "
        f"2025. Accessed December 6, 2025. https://www.clinicaltrials.gov/ct2/show/{s.nct}",
        f"{s.sponsor} ({s.year}) {s.official}. ClinicalTrials.gov registration no. {s.nct}. "
        f"Available from: http://clinicaltrials.gov/show/{s.nct} [Accessed 06.12.2025].",
        f"ClinicalTrials.gov. {clipped} Sponsor: {sponsor}. NCT number {s.nct}, "
        f"registered {dotted}. https://clinicaltrials.gov/study/{s.nct}?tab=history",
    ]


def _holdout11_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym else ""
    return [
        f"@online{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  date = {{{s.posted}}},\n  organization = {{ClinicalTrials.gov}},\n"
        f"  url = {{https://ClinicalTrials.gov/show/{s.nct}}},\n  urldate = {{2025-12-06}}\n}}",
        f"@article{{{key}b,\n  title = {{{head}{official}}},\n"
        f"  journal = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@manual{{{key}c,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{_bib_escape(_sentence_case(s.brief))}}},\n"
        "  organization = {U.S. National Library of Medicine},\n"
        f"  note = {{ClinicalTrials.gov Identifier: {s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@misc{{{key}d,\n  title = {{{{{brief}}}}},\n"
        "  howpublished = {Registered at \\url{https://clinicaltrials.gov/}},\n"
        f"  note = {{Trial {s.nct}, first posted {_long_date(s.posted)}; sponsor {sponsor}}},\n"
        f"  year = {{{s.year}}}\n}}",
    ]


# The twelfth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies12.jsonl``: oncology, haematology, neurology,
# psychiatry, obstetrics, ophthalmology, surgery, anaesthesia, critical care, vaccines and
# public health), with citation templates of its own. Wrong names are written as authors write
# them ("Checkmate816", "OPERA 1", "TRANSFORM II", "M.O.M.S."), mostly with the id of a trial
# of the same disease, drug, sponsor or setting, some earlier trials cited with a holdout12
# trial's id and some holdout12 trials with an earlier one's. Off-topic titles are mostly other
# real studies sharing the trial's drug and/or disease words: another population, subtype or
# line of treatment, another comparator, dose or route, another purpose, another country's
# trial of the same question, an observational study; each says why.
HOLDOUT12_ACRONYM_PAIRS = (
    ("NCT02574455", "NCT03734029", "Ascent"),  # with DESTINY-Breast04's (antibody-drug
    # conjugate against physician's-choice chemotherapy in metastatic breast cancer)
    ("NCT02872116", "NCT02477826", "CheckMate-649"),  # with CheckMate 227's (first-line
    # nivolumab plus ipilimumab or chemotherapy, Bristol-Myers Squibb)
    ("NCT02998528", "NCT02872116", "Checkmate816"),  # CheckMate 816 with CheckMate 649's id
    ("NCT01682083", "NCT02362594", "COMBI AD"),  # with KEYNOTE-054's (adjuvant therapy of
    # resected stage III melanoma)
    ("NCT02362594", "NCT01682083", "KEYNOTE 054"),  # KEYNOTE-054 with COMBI-AD's id
    ("NCT00614211", "NCT01844986", "the LACC trial"),  # with SOLO-1's (gynaecological cancer)
    ("NCT02993523", "NCT02242942", "VIALE A"),  # with CLL14's (first-line venetoclax
    # combination in older or unfit patients, AbbVie and Genentech)
    ("NCT02242942", "NCT02993523", "CLL-14"),  # CLL14 with VIALE-A's id
    ("NCT03036813", "NCT03745287", "HOPE trial"),  # with CLIMB SCD-121's (sickle cell disease)
    ("NCT01247324", "NCT01194570", "OPERA 1"),  # with ORATORIO's (ocrelizumab against
    # multiple sclerosis, Roche)
    ("NCT01194570", "NCT01247324", "Oratorio"),  # ORATORIO with OPERA I's id
    ("NCT01402882", "NCT00716079", "CRASH 3"),  # with INTERACT2's (acute intracranial
    # bleeding)
    ("NCT00872469", "NCT01402882", "the WOMAN trial"),  # WOMAN with CRASH-3's id (tranexamic
    # acid against placebo, both run by the London School of Hygiene and Tropical Medicine)
    ("NCT02418585", "NCT00021528", "TRANSFORM II"),  # with STAR*D's (switching treatment
    # after an antidepressant failed in major depression)
    ("NCT03537014", "NCT03775200", "MAPP-1"),  # with the COMP360 psilocybin trial's
    # (psychedelic-assisted therapy)
    ("NCT01222247", "NCT01990612", "ALPS"),  # with ARRIVE's (late pregnancy, the NICHD
    # Maternal-Fetal Medicine Units Network)
    ("NCT00060606", "NCT01222247", "M.O.M.S."),  # MOMS with ALPS's id (same coordinating
    # centre, pregnancy)
    ("NCT03622580", "NCT01627249", "Yosemite"),  # with Protocol T's (aflibercept for diabetic
    # macular oedema)
    ("NCT02444988", "NCT01448109", "SMART"),  # with ADRENAL's (critically ill adults in
    # intensive care)
    ("NCT02908308", "NCT02444988", "TTM-2"),  # with SMART's (intensive care)
    ("NCT00744263", "NCT01165177", "CAPiTA"),  # with ZOE-50's (vaccine efficacy in older
    # adults)
    ("NCT04424316", "NCT03979313", "Matisse"),  # with MELODY's (preventing RSV disease in
    # infants)
    ("NCT04886596", "NCT04424316", "AReSVi 006"),  # AReSVi-006 with MATISSE's id (RSV
    # prefusion F vaccines)
    ("NCT01041989", "NCT01072500", "FINGER study"),  # with LIFE's (lifestyle intervention in
    # older adults at risk)
    ("NCT00883792", "NCT00047385", "NordICC"),  # with NLST's (population cancer screening)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT12_TOPIC = (
    # ASCENT enrolled triple-negative disease; HR-positive, HER2-negative is TROPiCS-02.
    ("Sacituzumab govitecan versus chemotherapy in pretreated hormone receptor-positive, "
     "HER2-negative metastatic breast cancer", "NCT02574455"),
    # First-line with pembrolizumab (ASCENT-04); ASCENT enrolled after two or more lines.
    ("First-line sacituzumab govitecan plus pembrolizumab for PD-L1-positive advanced "
     "triple-negative breast cancer", "NCT02574455"),
    # Squamous histology of the oesophagus (CheckMate 648); CheckMate 649 was adenocarcinoma.
    ("Nivolumab plus chemotherapy or ipilimumab in advanced oesophageal squamous cell "
     "carcinoma", "NCT02872116"),
    # HER2-positive disease, which CheckMate 649 excluded, and another antibody (KEYNOTE-811).
    ("Pembrolizumab plus trastuzumab and chemotherapy for HER2-positive gastric or "
     "gastro-oesophageal junction adenocarcinoma", "NCT02872116"),
    # Metastatic disease, and against dabrafenib alone (COMBI-d), not adjuvant versus placebo.
    ("Dabrafenib plus trametinib versus dabrafenib monotherapy in unresectable or metastatic "
     "BRAF V600E/K melanoma", "NCT01682083"),
    # Stage II, and encorafenib with binimetinib (COLUMBUS-AD); COMBI-AD was stage III.
    ("Adjuvant encorafenib plus binimetinib in resected stage IIB/C BRAF V600-mutant "
     "melanoma", "NCT01682083"),
    # The same comparison, but a retrospective database cohort, not the randomised trial.
    ("Minimally invasive versus abdominal radical hysterectomy for early-stage cervical cancer: "
     "a National Cancer Database cohort study", "NCT00614211"),
    # Another cancer (LACE).
    ("Total laparoscopic versus total abdominal hysterectomy for stage I endometrial cancer",
     "NCT00614211"),
    # Another partner drug (VIALE-C): low-dose cytarabine, not azacitidine.
    ("Venetoclax plus low-dose cytarabine for previously untreated acute myeloid leukaemia "
     "unfit for intensive chemotherapy", "NCT02993523"),
    # Another disease (VERONA).
    ("Venetoclax with azacitidine in newly diagnosed higher-risk myelodysplastic syndromes",
     "NCT02993523"),
    # Younger children (HOPE-KIDS 1); HOPE enrolled ages 12 to 65.
    ("Voxelotor in paediatric patients aged 4 to 11 years with sickle cell disease",
     "NCT03036813"),
    # Another drug and outcome (SUSTAIN): crises prevented by crizanlizumab, not haemoglobin.
    ("Crizanlizumab for the prevention of pain crises in sickle cell disease", "NCT03036813"),
    # A higher dose against the approved one (MUSETTE), not against interferon.
    ("Higher-dose ocrelizumab versus standard-dose ocrelizumab in relapsing multiple "
     "sclerosis", "NCT01247324"),
    # Pregnancy outcomes from a registry: observational, another population and purpose.
    ("Pregnancy and infant outcomes after ocrelizumab exposure: an international "
     "post-marketing registry", "NCT01247324"),
    # Prehospital dosing by paramedics in North America (the ROC TXA trial), another sponsor.
    ("Prehospital tranexamic acid for moderate or severe traumatic brain injury",
     "NCT01402882"),
    # Bleeding trauma patients (CRASH-2); CRASH-3 excluded significant extracranial bleeding.
    ("Tranexamic acid in adult trauma patients with, or at risk of, significant haemorrhage",
     "NCT01402882"),
    # Suicidal patients needing emergency care (ASPIRE I), another population and purpose.
    ("Esketamine nasal spray for rapid reduction of major depressive disorder symptoms in "
     "patients at imminent risk for suicide", "NCT02418585"),
    # Intravenous racemic ketamine against electroconvulsive therapy (ELEKT-D).
    ("Ketamine versus electroconvulsive therapy for nonpsychotic treatment-resistant major "
     "depression", "NCT02418585"),
    # Moderate PTSD in a second, more diverse sample (MAPP2); MAPP1 required severe PTSD.
    ("MDMA-assisted therapy for moderate to severe posttraumatic stress disorder in an "
     "ethnoracially diverse sample", "NCT03537014"),
    # MDMA-assisted therapy for another disorder.
    ("MDMA-assisted psychotherapy for social anxiety in autistic adults", "NCT03537014"),
    # At term before planned caesarean birth, not 34 to 36 weeks.
    ("Antenatal betamethasone before elective caesarean section at term to reduce neonatal "
     "respiratory morbidity", "NCT01222247"),
    # Dexamethasone below 34 weeks in low-resource countries (WHO ACTION-I).
    ("Antenatal dexamethasone for early preterm birth in low-resource countries",
     "NCT01222247"),
    # Fetoscopic against open fetal surgery, not prenatal against postnatal repair.
    ("Fetoscopic versus open-hysterotomy fetal repair of open spina bifida", "NCT00060606"),
    # Prevention of the defect before conception, not its repair.
    ("Periconceptional folic acid supplementation to prevent recurrence of neural tube "
     "defects", "NCT00060606"),
    # Another disease (TENAYA): neovascular AMD, not diabetic macular oedema.
    ("Faricimab up to every 16 weeks versus aflibercept in neovascular age-related macular "
     "degeneration", "NCT03622580"),
    # High-dose aflibercept against its standard dose (PHOTON); no faricimab.
    ("Aflibercept 8 mg versus 2 mg in diabetic macular edema", "NCT03622580"),
    # Another country's trial with delirium as its primary outcome (RAGA, China).
    ("Regional versus general anesthesia and postoperative delirium in older patients "
     "undergoing hip fracture surgery: a multicenter trial in China", "NCT02507505"),
    # A nerve block for pain, not the type of anaesthesia for surgery.
    ("Fascia iliaca compartment block for acute pain control in older adults with hip "
     "fracture in the emergency department", "NCT02507505"),
    # Non-critically ill adults in the emergency department (SALT-ED), not the ICU.
    ("Balanced crystalloids versus saline in noncritically ill adults treated in the "
     "emergency department", "NCT02444988"),
    # A blinded trial in Australia and New Zealand (PLUS), not the Vanderbilt cluster trial.
    ("Plasma-Lyte 148 versus 0.9% saline for fluid therapy in critically ill adults in "
     "Australia and New Zealand", "NCT02444988"),
    # 33 versus 36 degrees (TTM), not hypothermia versus normothermia with fever control.
    ("Targeted temperature management at 33 °C versus 36 °C after cardiac arrest",
     "NCT02908308"),
    # Newborns with encephalopathy in South Asia (HELIX), not adults after cardiac arrest.
    ("Whole-body hypothermia for neonatal encephalopathy in low- and middle-income countries",
     "NCT02908308"),
    # Immunogenicity of another vaccine in previously vaccinated older adults.
    ("Immunogenicity of 20-valent pneumococcal conjugate vaccine in adults 65 years of age or "
     "older previously vaccinated against pneumococcus", "NCT00744263"),
    # The polysaccharide vaccine, and a test-negative observational design.
    ("Effectiveness of 23-valent pneumococcal polysaccharide vaccine against pneumococcal "
     "pneumonia in older adults: a test-negative study", "NCT00744263"),
    # The same vaccine in older adults (RENOIR), not pregnant women and their infants.
    ("RSVpreF vaccine efficacy against RSV-associated lower respiratory tract illness in "
     "adults 60 years of age or older", "NCT04424316"),
    # Another vaccine given in pregnancy against another infection.
    ("Tdap vaccination during pregnancy and pertussis in infants younger than 3 months",
     "NCT04424316"),
    # The US replication (U.S. POINTER), another sponsor, country and trial.
    ("Structured multidomain lifestyle intervention to protect brain health in older US adults "
     "at risk for cognitive decline", "NCT01041989"),
    # Faecal immunochemical testing against colonoscopy (COLONPREV); NordICC had no FIT arm.
    ("Colonoscopy versus fecal immunochemical testing in colorectal-cancer screening",
     "NCT00883792"),
    # Another screening test (the UK Flexible Sigmoidoscopy Screening Trial).
    ("Once-only flexible sigmoidoscopy screening in prevention of colorectal cancer: a "
     "multicentre randomised controlled trial", "NCT00883792"),
)  # fmt: skip

_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date_as(date: str, style: str) -> str:
    """An ISO date written as ``style`` says: "ama" (Oct 14, 2015), "apa" (2015, October 14),
    "nlm" (2015 Oct 14) or "dots" (14.10.2015); a bare year or month as it is."""
    parts = date.split("-")
    if len(parts) != 3:
        return date
    y, m, d = parts[0], int(parts[1]), int(parts[2])
    return {"ama": f"{_MONTHS[m - 1]} {d}, {y}", "apa": f"{y}, {_MONTHS[m - 1]} {d}",
            "nlm": f"{y} {_MON[m - 1]} {d}", "dots": f"{d:02d}.{m:02d}.{y}"}[style]  # fmt: skip


def _holdout12_text(s: _Study) -> list[str]:
    name = f"{s.acronym} " if s.acronym else ""
    # The acronym goes before a title that does not already open with it.
    head = f"{s.acronym} \u2013 " if s.acronym and not s.official.startswith(s.acronym) else ""
    return [
        f"{s.sponsor}. ({_date_as(s.posted, 'apa')}). {s.brief} (Identifier {s.nct}). "
        f"ClinicalTrials.gov. https://clinicaltrials.gov/study/{s.nct}",
        f"{s.sponsor} ({s.year}) {s.official}. ClinicalTrials.gov [online], registration no. "
        f"{s.nct}. Available at: http://clinicaltrials.gov/show/{s.nct} [Accessed 28/11/2025].",
        f"ClinicalTrials.gov [{s.nct}]. {head}{_fragment(s.official)} Sponsor: {s.sponsor}; "
        f"first posted {_date_as(s.posted, 'nlm')}. "
        f"https://classic.clinicaltrials.gov/ct2/show/{s.nct}?term={s.nct}&draw=2&rank=1",
        f"Outcomes were analysed as prespecified in the {name}trial registration "
        f"(ClinicalTrials.gov {s.nct}, posted {_date_as(s.posted, 'dots')}; sponsor "
        f"{s.sponsor}): \u201c{s.brief}\u201d.",
    ]


def _holdout12_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    short = _bib_escape(_sentence_case(s.brief))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym and not s.brief.startswith(s.acronym) else ""
    named = _bib_escape(s.acronym) if s.acronym else short
    return [
        f"@online{{{key}e,\n  author = {{{{{sponsor}}}}},\n  title = {{{head}{short}}},\n"
        "  titleaddon = {ClinicalTrials.gov registration},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}?tab=history}},\n"
        f"  date = {{{s.posted}}},\n  urldate = {{2025-11-28}}\n}}",
        f"@dataset{{{key}f,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        "  publisher = {ClinicalTrials.gov},\n"
        f"  url = {{https://clinicaltrials.gov/api/v2/studies/{s.nct}}},\n"
        f"  note = {{Study record {s.nct}, retrieved 28 November 2025}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@article{{{key}g,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  journal = {{ClinicalTrials.gov}},\n  eid = {{{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@misc{{{key}h,\n  author = {{{{{sponsor}}}}},\n  title = {{{named}}},\n"
        f"  subtitle = {{{short if s.acronym else brief}}},\n"
        f"  howpublished = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}},\n"
        f"  date = {{{s.posted[:7]}}}\n}}",
    ]


# The thirteenth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies13.jsonl``: cardiology and vascular medicine,
# haematological cancers, infectious diseases and vaccines, neurology and stroke, kidney
# disease), with citation templates of its own. Wrong names are written as authors write them
# ("HELIOS B", "Murano", "KarMMa 3", "ASCLEPIOS-I", "TEMPO 3/4"), mostly with the id of a trial
# of the same disease, drug, sponsor or setting (ATTR-CM trials among themselves, BTK and BCL-2
# inhibitor trials in CLL, daratumumab in newly diagnosed myeloma, PrEP with F/TAF, RSV vaccines
# in older adults, blood pressure lowering in stroke from one sponsor), the sister trial's number
# ("ZOE-70" on ZOE-50's id and back), some earlier trials cited with a holdout13 trial's id and
# some holdout13 trials with an earlier one's. Off-topic titles are mostly other real studies
# sharing the trial's drug and/or disease words: the other phenotype of the disease, another
# line, stage or time window, another population the eligibility leaves out, the sister drug or
# another drug of the class, another organism, schedule or purpose, an extension, follow-up or
# registry study; each says why.
HOLDOUT13_ACRONYM_PAIRS = (
    ("NCT02504216", "NCT01776424", "VOYAGER-PAD"),  # with COMPASS's (rivaroxaban 2.5 mg twice
    # daily with aspirin in atherosclerotic disease, Bayer)
    ("NCT01732822", "NCT02504216", "EUCLID trial"),  # with VOYAGER PAD's (antithrombotic
    # therapy in peripheral artery disease)
    ("NCT04153149", "NCT03860935", "HELIOS B"),  # with ATTRibute-CM's (transthyretin amyloid
    # cardiomyopathy against placebo)
    ("NCT03860935", "NCT01994889", "ATTRIBUTE-CM"),  # with ATTR-ACT's (an oral TTR stabiliser
    # in ATTR cardiomyopathy)
    ("NCT03521934", "NCT03315143", "SOLOIST"),  # with SCORED's (sotagliflozin in type 2
    # diabetes, the sister outcome trial)
    ("NCT03315143", "NCT03521934", "the SCORED study"),  # SCORED with SOLOIST-WHF's id
    ("NCT02005471", "NCT02242942", "Murano"),  # with CLL14's (fixed-duration venetoclax with an
    # anti-CD20 antibody in CLL, Roche)
    ("NCT01578707", "NCT02475681", "Resonate"),  # with ELEVATE-TN's (a BTK inhibitor in CLL)
    ("NCT02475681", "NCT01578707", "ELEVATE TN"),  # ELEVATE-TN with RESONATE's id
    ("NCT02541383", "NCT02252172", "Cassiopeia"),  # with MAIA's (daratumumab in newly
    # diagnosed multiple myeloma, Janssen)
    ("NCT03651128", "NCT03391466", "KarMMa 3"),  # with ZUMA-7's (CAR T cells against standard
    # of care in a relapsed haematological cancer)
    ("NCT01165229", "NCT01165177", "ZOE-70"),  # with ZOE-50's (the same vaccine and sponsor;
    # the sister trial in adults 50 and over is another registration)
    ("NCT01165177", "NCT01165229", "ZOE 50"),  # ZOE-50 with ZOE-70's id
    ("NCT02842086", "NCT04994509", "DISCOVER"),  # with PURPOSE 1's (Gilead's HIV PrEP trial
    # with an F/TAF arm)
    ("NCT04994509", "NCT02842086", "PURPOSE-1"),  # PURPOSE 1 with DISCOVER's id
    ("NCT02176122", "NCT03005145", "MERINO trial"),  # with BALANCE's (Gram-negative
    # bloodstream infection)
    ("NCT05035212", "NCT04886596", "RENOIR"),  # with AReSVi-006's (an RSV prefusion F vaccine
    # in adults 60 and over)
    ("NCT00979589", "NCT00991029", "CHANCE"),  # with POINT's (clopidogrel with aspirin after
    # minor stroke or TIA)
    ("NCT02313909", "NCT00979589", "NAVIGATE-ESUS"),  # with CHANCE's (secondary prevention
    # of stroke against aspirin)
    ("NCT01422616", "NCT00716079", "ENCHANTED"),  # with INTERACT2's (intensive blood pressure
    # lowering in acute stroke, The George Institute)
    ("NCT00716079", "NCT01422616", "INTERACT 2"),  # INTERACT2 with ENCHANTED's id
    ("NCT02792218", "NCT01247324", "ASCLEPIOS-I"),  # with OPERA I's (an anti-CD20 antibody
    # against an active comparator in relapsing multiple sclerosis)
    ("NCT01858532", "NCT02540993", "SONAR study"),  # with FIDELIO-DKD's (a renal outcome trial
    # in type 2 diabetes with nephropathy)
    ("NCT00428948", "NCT01858532", "TEMPO 3/4"),  # with SONAR's (a kidney outcome trial
    # against placebo)
    ("NCT02879305", "NCT03682536", "ASCEND-D"),  # with COMMANDS's (anaemia treated against
    # epoetin alfa)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT13_TOPIC = (
    # Stable disease without recent revascularisation, and the coronary population (COMPASS).
    ("Low-dose rivaroxaban with aspirin in stable coronary or peripheral artery disease",
     "NCT02504216"),
    # Another antithrombotic regimen after another procedure (CASPAR).
    ("Clopidogrel plus aspirin versus aspirin alone after below-knee bypass grafting for "
     "peripheral arterial disease", "NCT02504216"),
    # Another disease and comparator (SOCRATES).
    ("Ticagrelor versus aspirin in acute ischaemic stroke or transient ischaemic attack",
     "NCT01732822"),
    # Coronary disease with diabetes, added to aspirin (THEMIS).
    ("Ticagrelor added to aspirin in patients with type 2 diabetes and stable coronary artery "
     "disease", "NCT01732822"),
    # The polyneuropathy phenotype of the disease against an external placebo (HELIOS-A).
    ("Vutrisiran in hereditary transthyretin-mediated amyloidosis with polyneuropathy",
     "NCT04153149"),
    # An observational registry of the marketed drug, not the randomised trial.
    ("Real-world experience with vutrisiran in transthyretin amyloid cardiomyopathy: a "
     "multicentre observational registry", "NCT04153149"),
    # The sister RNAi drug in the same disease (APOLLO-B).
    ("Patisiran in patients with transthyretin amyloidosis with cardiomyopathy",
     "NCT04153149"),
    # The open-label extension, another registration.
    ("Open-label extension study of acoramidis in subjects with transthyretin amyloid "
     "cardiomyopathy who completed the parent study", "NCT03860935"),
    # Prevention in asymptomatic variant carriers, not treatment of cardiomyopathy (ACT-EARLY).
    ("Acoramidis to prevent or delay transthyretin amyloidosis in asymptomatic carriers of "
     "pathogenic TTR variants", "NCT03860935"),
    # Another disease: type 1 diabetes, glycaemic control (inTandem).
    ("Sotagliflozin as an adjunct to insulin in adults with type 1 diabetes", "NCT03521934"),
    # Another drug of the class started in hospital for acute heart failure (DICTATE-AHF).
    ("Dapagliflozin started early during hospitalisation for acute decompensated heart "
     "failure", "NCT03521934"),
    # Retreatment at progression after the fixed course: a later question, registered apart.
    ("Venetoclax-rituximab retreatment at disease progression after fixed-duration therapy in "
     "chronic lymphocytic leukaemia", "NCT02005471"),
    # Single-agent venetoclax in the 17p-deleted population, single arm (M13-982).
    ("Venetoclax monotherapy in relapsed or refractory chronic lymphocytic leukemia with 17p "
     "deletion", "NCT02005471"),
    # First-line treatment of older patients against chlorambucil (RESONATE-2).
    ("Ibrutinib versus chlorambucil in treatment-naive patients aged 65 years or older with "
     "chronic lymphocytic leukaemia", "NCT01578707"),
    # Another lymphoma (RAY).
    ("Ibrutinib versus temsirolimus in relapsed or refractory mantle cell lymphoma",
     "NCT01578707"),
    # Another backbone: lenalidomide rather than thalidomide (PERSEUS).
    ("Daratumumab, bortezomib, lenalidomide and dexamethasone for transplant-eligible newly "
     "diagnosed multiple myeloma", "NCT02541383"),
    # An earlier trial of the same group comparing two induction regimens without
    # daratumumab (IFM 2013-04).
    ("Bortezomib, thalidomide and dexamethasone versus bortezomib, cyclophosphamide and "
     "dexamethasone as induction before autologous transplantation for myeloma",
     "NCT02541383"),
    # Another CAR T product in the same setting (CARTITUDE-4).
    ("Ciltacabtagene autoleucel versus standard care in lenalidomide-refractory multiple "
     "myeloma after one to three prior lines", "NCT03651128"),
    # Another setting: consolidation after transplant in newly diagnosed disease (KarMMa-9).
    ("Idecabtagene vicleucel plus lenalidomide maintenance versus lenalidomide maintenance in "
     "newly diagnosed myeloma with suboptimal response to transplant", "NCT03651128"),
    # Another population: transplant recipients aged 18 and over (ZOE-HSCT).
    ("Immunogenicity and safety of the adjuvanted recombinant zoster vaccine in adults after "
     "autologous haematopoietic stem cell transplantation", "NCT01165229"),
    # The long-term follow-up, another registration.
    ("Persistence of efficacy and immunogenicity up to ten years after recombinant zoster "
     "vaccination in older adults: a long-term follow-up study", "NCT01165229"),
    # Another vaccine, the live attenuated one (Shingles Prevention Study).
    ("Efficacy of live attenuated varicella-zoster vaccine against herpes zoster and "
     "postherpetic neuralgia in adults aged 60 and over", "NCT01165229"),
    # Cisgender women, whom DISCOVER did not enrol.
    ("Once-daily emtricitabine/tenofovir alafenamide pre-exposure prophylaxis in cisgender "
     "adolescent girls and young women", "NCT02842086"),
    # On-demand dosing against placebo (IPERGAY).
    ("On-demand pre-exposure prophylaxis with tenofovir disoproxil fumarate-emtricitabine in "
     "men who have sex with men", "NCT02842086"),
    # Other organisms: AmpC producers (MERINO-2).
    ("Piperacillin-tazobactam versus meropenem for bloodstream infection caused by "
     "AmpC-producing Enterobacter, Citrobacter, Morganella or Serratia", "NCT02176122"),
    # Another question: treatment duration.
    ("Seven versus fourteen days of antibiotics for uncomplicated Gram-negative bacteraemia",
     "NCT02176122"),
    # Another purpose: coadministration with influenza vaccine, immunogenicity only.
    ("Safety and immunogenicity of RSVpreF coadministered with seasonal inactivated influenza "
     "vaccine in adults 65 years of age and older", "NCT05035212"),
    # Another population: immunocompromised and younger high-risk adults (MONeT).
    ("RSVpreF vaccine in adults 18 to 59 years at high risk of RSV disease and in "
     "immunocompromised adults", "NCT05035212"),
    # Another time window: treatment started 24 to 72 hours after onset (INSPIRES).
    ("Clopidogrel with aspirin begun within 72 hours in acute mild ischaemic stroke or "
     "high-risk TIA of presumed atherosclerotic cause", "NCT00979589"),
    # Another drug and country (CSPS.com).
    ("Cilostazol-based dual antiplatelet therapy for secondary prevention in high-risk "
     "non-cardioembolic ischaemic stroke", "NCT00979589"),
    # Another anticoagulant in the same question (RE-SPECT ESUS).
    ("Dabigatran etexilate versus acetylsalicylic acid for secondary prevention after "
     "embolic stroke of undetermined source", "NCT02313909"),
    # Another drug in a narrower population selected by atrial cardiopathy (ARCADIA).
    ("Apixaban versus aspirin in cryptogenic ischaemic stroke with atrial cardiopathy",
     "NCT02313909"),
    # The same sponsor's blood pressure question after thrombectomy (ENCHANTED2/MT).
    ("Intensive blood pressure lowering after successful endovascular thrombectomy for "
     "acute ischaemic stroke", "NCT01422616"),
    # Another thrombolytic before thrombectomy (EXTEND-IA TNK).
    ("Tenecteplase versus alteplase before endovascular therapy for ischemic stroke",
     "NCT01422616"),
    # Children, another comparator and a second drug (NEOS).
    ("Ofatumumab and siponimod versus fingolimod in children and adolescents with "
     "multiple sclerosis", "NCT02792218"),
    # The drug in another disease (COMPLEMENT 1).
    ("Ofatumumab with chlorambucil in previously untreated chronic lymphocytic leukaemia",
     "NCT02792218"),
    # The drug in another kidney disease (ALIGN).
    ("Atrasentan in patients with IgA nephropathy at risk of progressive loss of kidney "
     "function", "NCT01858532"),
    # Later-stage disease the record's eligibility leaves out (REPRISE).
    ("Tolvaptan in later-stage autosomal dominant polycystic kidney disease", "NCT00428948"),
    # The drug for another condition (SALT).
    ("Oral tolvaptan for euvolaemic and hypervolaemic hyponatraemia", "NCT00428948"),
    # The sister trial in patients not on dialysis against darbepoetin (ASCEND-ND).
    ("Daprodustat for the treatment of anemia in patients not undergoing dialysis",
     "NCT02879305"),
    # Another purpose in dialysis anaemia: iron dosing strategy (PIVOTAL).
    ("Proactive high-dose versus reactive low-dose intravenous iron in haemodialysis",
     "NCT02879305"),
)  # fmt: skip


def _holdout13_text(s: _Study) -> list[str]:
    name = s.acronym or _sentence_case(s.brief)
    # The acronym goes before a cut official title that does not already open with it.
    head = f"{s.acronym}. " if s.acronym and not s.official.startswith(s.acronym) else ""
    return [
        f"{s.sponsor} ({s.year}) \u2018{s.brief}\u2019, ClinicalTrials.gov, {s.nct}. Available "
        f"at: https://www.clinicaltrials.gov/ct2/show/{s.nct} (Accessed: 6 December 2025).",
        f"{head}{_clip(s.official, 15)} ClinicalTrials.gov identifier: {s.nct}. First posted "
        f"{_date_as(s.posted, 'ama')}. Updated 2025. Accessed December 6, 2025. "
        f"https://clinicaltrials.gov/study/{s.nct}",
        f"ClinicalTrials.gov. {s.nct} \u2014 {s.brief} [{s.sponsor}; first received "
        f"{_date_as(s.posted, 'dots')}]. https://ClinicalTrials.gov/ct2/show/{s.nct}?view=record",
        f"Data came from {name} ({s.sponsor}; ClinicalTrials.gov, {s.nct}), registered as "
        f"\u201c{_sentence_case(s.official)}\u201d.",
    ]


def _holdout13_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym and not s.brief.startswith(s.acronym) else ""
    month = s.posted[5:7] if len(s.posted) >= 7 else ""
    return [
        f"@misc{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{{{head}{brief}}}}},\n"
        f"  howpublished = {{\\url{{https://clinicaltrials.gov/study/{s.nct}?tab=results}}}},\n"
        f"  year = {{{s.year}}},\n  month = {{{month}}}\n}}",
        f"@manual{{{key}b,\n  title = {{{official}}},\n  organization = {{{sponsor}}},\n"
        "  howpublished = {ClinicalTrials.gov (Bethesda, MD: National Library of Medicine)},\n"
        f"  note = {{ClinicalTrials.gov Identifier: {s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@techreport{{{key}c,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        "  institution = {U.S. National Library of Medicine},\n"
        f"  type = {{Clinical trial registration}},\n  number = {{{s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@online{{{key}d,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{head}{_bib_escape(_clip(s.official, 14))}}},\n"
        f"  url = {{https://classic.clinicaltrials.gov/ct2/show/record/{s.nct}}},\n"
        f"  date = {{{s.posted}}},\n  urldate = {{2025-12-06}}\n}}",
    ]


# The fourteenth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies14.jsonl``: endocrinology, diabetes and obesity,
# respiratory medicine and allergy, psychiatry, paediatrics and neonatology, obstetrics and
# women's health, dermatology, ophthalmology, anaesthesia and bariatric surgery, solid
# tumours), with citation templates of its own. Wrong names are written as authors write them
# ("SURPASS 1", "SKYLIGHT I", "MEASURE UP 1", "TODAY study"), mostly with the id of a trial
# of the same disease, drug or setting (a sister trial, the same comparison in another age
# group, two trials that share a name: STAMPEDE, OlympiA and OlympiAD), some earlier trials
# cited with a holdout14 trial's id and some holdout14 trials with an earlier one's. Off-topic
# titles are mostly other real studies sharing the trial's drug and/or disease words: another
# age group or population, another stage or line, another comparator, route or procedure,
# another purpose, another country's trial of the same question, an extension or follow-up
# cohort; each says why.
HOLDOUT14_ACRONYM_PAIRS = (
    ("NCT03954834", "NCT03987919", "SURPASS 1"),  # with SURPASS-2's (tirzepatide in type 2
    # diabetes, Lilly: the sister trial)
    ("NCT03987919", "NCT03954834", "Surpass-2"),  # SURPASS-2 with SURPASS-1's id
    ("NCT04102189", "NCT03548935", "STEP-TEENS"),  # with STEP 1's (semaglutide 2.4 mg for
    # obesity, Novo Nordisk)
    ("NCT00081328", "NCT04102189", "TODAY study"),  # with STEP TEENS's (adolescents with
    # obesity and its metabolic disease)
    ("NCT00432809", "NCT00268476", "STAMPEDE"),  # the bariatric STAMPEDE with the prostate
    # cancer STAMPEDE's id: the same name, another trial
    ("NCT00268476", "NCT00432809", "STAMPEDE"),  # and the prostate cancer one with the
    # bariatric one's id
    ("NCT02635776", "NCT00329784", "Palisade"),  # with LEAP's (peanut allergy in children)
    ("NCT01691521", "NCT01928771", "MENSA study"),  # with SIROCCO's (anti-IL-5 pathway
    # antibody added on in severe eosinophilic asthma)
    ("NCT00268216", "NCT02465567", "TORCH"),  # with ETHOS's (inhaled combination therapy
    # against exacerbations and death in COPD)
    ("NCT00052078", "NCT00006286", "CAMS"),  # with TADS's (SSRI, CBT and their combination
    # against placebo in youth, NIMH)
    ("NCT04659161", "NCT00014001", "EMERGENT 2"),  # with CATIE's (schizophrenia)
    ("NCT01702805", "NCT00233324", "TOP trial"),  # with SUPPORT's (extremely preterm infants,
    # NICHD Neonatal Research Network)
    ("NCT04003155", "NCT00000611", "SKYLIGHT I"),  # with WHI's (postmenopausal women,
    # treatment of menopause)
    ("NCT01788527", "NCT02299414", "CONCEPTT"),  # with CHAP's (pregnancy in women with a
    # chronic disease)
    ("NCT03569293", "NCT02277743", "MEASURE UP 1"),  # with LIBERTY AD SOLO 1's (monotherapy
    # for moderate-to-severe atopic dermatitis)
    ("NCT02277743", "NCT03569293", "SOLO 1"),  # LIBERTY AD SOLO 1 with Measure Up 1's id
    ("NCT03624127", "NCT01474512", "POETYK-PSO-1"),  # with UNCOVER-1's (moderate-to-severe
    # plaque psoriasis)
    ("NCT00593450", "NCT01627249", "CATT"),  # with Protocol T's (bevacizumab against
    # ranibizumab and aflibercept, NEI-funded comparative effectiveness)
    ("NCT00000125", "NCT00345176", "OHTS"),  # with AREDS2's (NEI eye disease prevention)
    ("NCT00756600", "NCT02507505", "GAS study"),  # with REGAIN's (regional against general
    # anaesthesia)
    ("NCT02819518", "NCT03036488", "KEYNOTE 355"),  # with KEYNOTE-522's (pembrolizumab plus
    # chemotherapy in triple-negative breast cancer)
    ("NCT02032823", "NCT02000622", "OlympiA"),  # with OlympiAD's (olaparib in germline BRCA
    # HER2-negative breast cancer, AstraZeneca)
    ("NCT02000622", "NCT02032823", "OLYMPIAD"),  # OlympiAD with OlympiA's id
    ("NCT01715285", "NCT02489318", "Latitude"),  # with TITAN's (androgen-receptor pathway
    # drug with ADT in metastatic castration-sensitive prostate cancer, Janssen)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT14_TOPIC = (
    # Another comparator and background therapy (SURPASS-3): basal insulin, on metformin.
    ("Tirzepatide versus insulin degludec in people with type 2 diabetes treated with "
     "metformin with or without SGLT2 inhibitors", "NCT03954834"),
    # Japan, against dulaglutide (SURPASS J-mono); SURPASS-1 was placebo-controlled.
    ("Efficacy and safety of tirzepatide monotherapy compared with dulaglutide in Japanese "
     "patients with type 2 diabetes", "NCT03954834"),
    # Younger children (STEP Young); STEP TEENS enrolled ages 12 to 17.
    ("Once-weekly semaglutide 2.4 mg in children aged 6 to <12 years living with obesity",
     "NCT04102189"),
    # The same population with another drug (SCALE Teens).
    ("Liraglutide 3.0 mg for weight management in adolescents with obesity", "NCT04102189"),
    # Impaired glucose tolerance and early insulin (RISE Pediatric), not established diabetes.
    ("Early insulin glargine followed by metformin versus metformin alone in youth with "
     "impaired glucose tolerance or recently diagnosed type 2 diabetes", "NCT00081328"),
    # An observational follow-up of the trial's cohort, registered separately (TODAY2).
    ("Complications in young adults with youth-onset type 2 diabetes: longitudinal "
     "observational follow-up of a randomized cohort", "NCT00081328"),
    # Two operations compared for weight loss (SM-BOSS), no medical-therapy arm, no diabetes.
    ("Laparoscopic sleeve gastrectomy versus Roux-en-Y gastric bypass for weight loss in "
     "patients with morbid obesity", "NCT00432809"),
    # Another procedure in another country (Dixon, Melbourne): gastric banding.
    ("Adjustable gastric banding and conventional therapy for type 2 diabetes in recently "
     "diagnosed obese adults", "NCT00432809"),
    # Another route (PEPITES): a skin patch, not oral immunotherapy.
    ("Epicutaneous immunotherapy with a 250 µg peanut patch in children aged 4 to 11 years "
     "with peanut allergy", "NCT02635776"),
    # Toddlers and remission after stopping (the IMPACT peanut OIT trial), not desensitization.
    ("Peanut oral immunotherapy in children aged 1 to 3 years: desensitisation and remission",
     "NCT02635776"),
    # Another disease (SYNAPSE).
    ("Mepolizumab for severe bilateral nasal polyps requiring surgery", "NCT01691521"),
    # Oral corticosteroid-dependent patients and a steroid-sparing outcome (SIRIUS).
    ("Glucocorticoid-sparing effect of mepolizumab in eosinophilic asthma dependent on oral "
     "prednisone", "NCT01691521"),
    # Another combination in moderate COPD with cardiovascular disease (SUMMIT).
    ("Fluticasone furoate/vilanterol and survival in moderate COPD with heightened "
     "cardiovascular risk", "NCT00268216"),
    # Salmeterol/fluticasone against tiotropium for exacerbations (INSPIRE), no placebo.
    ("Salmeterol/fluticasone propionate versus tiotropium in preventing exacerbations of "
     "severe COPD", "NCT00268216"),
    # Another disorder (POTS): OCD is not among CAMS's anxiety disorders.
    ("Sertraline, cognitive-behavior therapy, and their combination for pediatric "
     "obsessive-compulsive disorder", "NCT00052078"),
    # The naturalistic follow-up years later (CAMELS), another study.
    ("Anxiety outcomes of youth four years after cognitive behavioral therapy, sertraline, or "
     "combined treatment: naturalistic follow-up", "NCT00052078"),
    # Another population (ADEPT): psychosis of Alzheimer's disease, not schizophrenia.
    ("KarXT for psychosis associated with Alzheimer's disease", "NCT04659161"),
    # A long-term open-label extension, not the 5-week placebo-controlled inpatient trial.
    ("Long-term safety and tolerability of xanomeline-trospium in outpatients with "
     "schizophrenia: a 52-week open-label extension", "NCT04659161"),
    # Another country's trial of the same question (ETTNO, Germany), other weight limits.
    ("Effects of liberal versus restrictive transfusion thresholds on survival and "
     "neurocognitive outcomes in extremely low-birth-weight infants: a European trial",
     "NCT01702805"),
    # Erythropoiesis stimulation instead of transfusion policy.
    ("Darbepoetin alfa to reduce red blood cell transfusions in preterm infants",
     "NCT01702805"),
    # Another drug and population (OASIS 4): women on endocrine therapy for breast cancer.
    ("Elinzanetant for vasomotor symptoms caused by endocrine therapy for breast cancer",
     "NCT04003155"),
    # Women unsuitable for hormone therapy (DAYLIGHT), 24 weeks, 45 mg only.
    ("Fezolinetant for moderate to severe vasomotor symptoms in women considered unsuitable "
     "for hormone therapy", "NCT04003155"),
    # Another intervention (AiDAPT): automated insulin delivery, not glucose monitoring.
    ("Closed-loop insulin delivery in pregnant women with type 1 diabetes", "NCT01788527"),
    # Gestational diabetes is another disease.
    ("Continuous glucose monitoring versus self-monitoring in women with gestational "
     "diabetes mellitus", "NCT01788527"),
    # Combined with topical corticosteroids (AD Up), not monotherapy.
    ("Upadacitinib plus topical corticosteroids in adolescents and adults with "
     "moderate-to-severe atopic dermatitis", "NCT03569293"),
    # Head-to-head with dupilumab in adults (Heads Up), no placebo.
    ("Upadacitinib versus dupilumab in adults with moderate-to-severe atopic dermatitis",
     "NCT03569293"),
    # Another disease (POETYK PsA-1).
    ("Deucravacitinib in biologic-naive patients with active psoriatic arthritis",
     "NCT03624127"),
    # The open-label long-term extension (POETYK LTE), not the placebo- and apremilast-controlled
    # trial.
    ("Deucravacitinib long-term efficacy and safety in plaque psoriasis: 3-year results from "
     "the open-label extension", "NCT03624127"),
    # Another country's trial of the same drugs (IVAN, United Kingdom).
    ("Alternative treatments to inhibit VEGF in age-related choroidal neovascularisation: a "
     "UK multicentre randomised trial", "NCT00593450"),
    # Another disease (SCORE2): macular oedema after central retinal vein occlusion.
    ("Intravitreal bevacizumab versus aflibercept for macular edema due to central retinal "
     "or hemiretinal vein occlusion", "NCT00593450"),
    # Laser against drops (LiGHT), not medication against observation.
    ("Selective laser trabeculoplasty versus eye drops for first-line treatment of ocular "
     "hypertension and glaucoma", "NCT00000125"),
    # Early manifest glaucoma (EMGT), not ocular hypertension.
    ("Reduction of intraocular pressure and glaucoma progression in newly detected open-angle "
     "glaucoma", "NCT00000125"),
    # Another intervention in the same age group (TREX): dexmedetomidine-sparing anaesthesia.
    ("Dexmedetomidine with low-dose sevoflurane versus standard-dose sevoflurane anaesthesia "
     "in children under 2 years", "NCT00756600"),
    # An observational sibling-matched cohort (PANDA), not a randomised comparison.
    ("Neurocognitive outcomes after a single anesthetic exposure before age 36 months: a "
     "sibling-matched cohort study", "NCT00756600"),
    # Another drug (IMpassion130).
    ("Atezolizumab and nab-paclitaxel in untreated metastatic triple-negative breast cancer",
     "NCT02819518"),
    # Later line, monotherapy against chemotherapy (KEYNOTE-119).
    ("Pembrolizumab monotherapy versus single-agent chemotherapy for previously treated "
     "metastatic triple-negative breast cancer", "NCT02819518"),
    # Another PARP inhibitor and the metastatic setting (EMBRACA).
    ("Talazoparib in patients with advanced breast cancer and a germline BRCA mutation",
     "NCT02032823"),
    # Before surgery with chemotherapy, not after it alone (GeparOLA).
    ("Neoadjuvant paclitaxel and olaparib in HER2-negative early breast cancer with "
     "homologous recombination deficiency", "NCT02032823"),
    # Castration-resistant disease after docetaxel (COU-AA-301).
    ("Abiraterone and increased survival in metastatic prostate cancer progressing after "
     "chemotherapy", "NCT01715285"),
    # Another androgen-receptor drug in the same setting (ARCHES).
    ("Enzalutamide with androgen deprivation therapy in men with metastatic hormone-sensitive "
     "prostate cancer", "NCT01715285"),
)  # fmt: skip


def _holdout14_text(s: _Study) -> list[str]:
    # The acronym goes before a title that does not already carry it.
    head = f"{s.acronym}. " if s.acronym and s.acronym not in s.brief else ""
    clipped = _clip(s.official, 18)
    return [
        f"{s.sponsor}. {s.brief} [Internet]. Bethesda (MD): National Library of Medicine (US); "
        f"{_date_as(s.posted, 'nlm')} [updated 2025 Nov 30; cited 2025 Dec 6]. "
        f"ClinicalTrials.gov Identifier: {s.nct}. Available from: "
        f"https://clinicaltrials.gov/study/{s.nct}",
        f"{s.sponsor} ({s.year}) \u2018{clipped}\u2019, ClinicalTrials.gov record {s.nct}. "
        f"Available at: www.clinicaltrials.gov/ct2/show/{s.nct} (Accessed: 6 December 2025).",
        f"{head}{_sentence_case(s.brief)}. ClinicalTrials.gov. Published "
        f"{_date_as(s.posted, 'ama')}. Updated November 30, 2025. Accessed December 6, 2025. "
        f"https://beta.clinicaltrials.gov/study/{s.nct}",
        f"Trial registration \u2014 {s.nct} (ClinicalTrials.gov), \u201c{s.official}\u201d, "
        f"sponsored by {s.sponsor}; registered {_long_date(s.posted)}.",
    ]


def _holdout14_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    month = _MON[int(s.posted[5:7]) - 1].lower() if len(s.posted) >= 7 else "jan"
    short = f"  shorttitle = {{{_bib_escape(s.acronym)}}},\n" if s.acronym else ""
    return [
        f"@misc{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{{{brief}}}}},\n"
        f"  howpublished = {{\\url{{https://clinicaltrials.gov/study/{s.nct}}}}},\n"
        f"  note = {{ClinicalTrials.gov identifier: {s.nct}. Last updated 30 November 2025}},\n"
        f"  year = {{{s.year}}},\n  month = {month}\n}}",
        f"@online{{{key}b,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n{short}"
        "  organization = {U.S. National Library of Medicine},\n"
        f"  url = {{https://www.clinicaltrials.gov/study/{s.nct}?tab=table}},\n"
        f"  date = {{{s.posted}}},\n  urldate = {{2025-12-06}}\n}}",
        f"@article{{{key}c,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{_bib_escape(_sentence_case(s.brief))}}},\n"
        f"  journal = {{ClinicalTrials.gov}},\n  note = {{Registration number {s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@misc{{{key}d,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        f"  eprint = {{{s.nct}}},\n  archiveprefix = {{ClinicalTrials.gov}},\n"
        "  publisher = {National Library of Medicine (US)},\n  address = {Bethesda, MD},\n"
        f"  year = {{{s.year}}}\n}}",
    ]


# The fifteenth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies15.jsonl``: cardiology, heart failure and lipids;
# lung, breast and gastrointestinal cancers; HIV and malaria; inflammatory bowel disease;
# rheumatology; geriatrics; nutrition), with citation templates of its own. Wrong names are
# written as authors write them ("PARADISE MI", "ORION 11", "CodeBreaK200", "Bliss-52",
# "STRIDE study"), mostly with the id of a trial of the same disease, drug or setting (a sister
# trial, another drug for the same question, the same drug for another purpose, two trials of
# the same supplements), some earlier trials cited with a holdout15 trial's id and some
# holdout15 trials with an earlier one's. Off-topic titles are mostly other real studies
# sharing the trial's drug and/or disease words: another population, stage or line, route,
# schedule or comparator, another disease treated with the same drug, another drug for the same
# disease, a model, a registry or an implementation study; each says why.
HOLDOUT15_ACRONYM_PAIRS = (
    ("NCT04509674", "NCT02924727", "EMPACT-MI"),  # with PARADISE-MI's (preventing heart
    # failure after an acute myocardial infarction, patients without prior heart failure)
    ("NCT02924727", "NCT04509674", "PARADISE MI"),  # PARADISE-MI with EMPACT-MI's id
    ("NCT02642562", "NCT02937454", "IRONMAN trial"),  # with AFFIRM-AHF's (intravenous iron
    # for iron deficiency in heart failure with reduced ejection fraction)
    ("NCT03400800", "NCT03399370", "ORION 11"),  # with ORION-10's (the US sister trial:
    # inclisiran on LDL cholesterol in ASCVD)
    ("NCT03399370", "NCT03400800", "ORION-10"),  # ORION-10 with ORION-11's id
    ("NCT04023552", "NCT01764633", "Lp(a) HORIZON"),  # with FOURIER's (an injectable
    # lipid-lowering drug on major cardiovascular events in established cardiovascular disease)
    ("NCT03215706", "NCT02477826", "CheckMate-9LA"),  # with CheckMate 227's (first-line
    # nivolumab plus ipilimumab in stage IV or recurrent NSCLC, BMS)
    ("NCT04303780", "NCT03215706", "CodeBreaK200"),  # with CheckMate 9LA's (stage IV NSCLC)
    ("NCT02278120", "NCT01958021", "MONALEESA 7"),  # with MONALEESA-2's (ribociclib with
    # endocrine therapy in HR-positive, HER2-negative advanced breast cancer, Novartis)
    ("NCT01958021", "NCT02278120", "MONALEESA-2"),  # MONALEESA-2 with MONALEESA-7's id
    ("NCT02743494", "NCT02872116", "CheckMate-577"),  # with CheckMate 649's (nivolumab in
    # gastric, gastro-oesophageal junction and oesophageal adenocarcinoma)
    ("NCT02831673", "NCT03299049", "Gemini-1"),  # with ATLAS-2M's (ViiV's two-drug
    # regimens for HIV-1 in adults)
    ("NCT03299049", "NCT03164564", "ATLAS 2M"),  # with HPTN 084's (long-acting injectable
    # cabotegravir, here for prevention in women)
    ("NCT02842086", "NCT02831673", "DISCOVER"),  # the F/TAF PrEP trial with GEMINI 1's id
    # (emtricitabine/tenofovir and HIV-1)
    ("NCT01376167", "NCT00866619", "DETECTIVE"),  # with the RTS,S phase 3 trial's (malaria,
    # GSK)
    ("NCT02407236", "NCT02497469", "UNIFI"),  # with VARSITY's (a biologic in moderately to
    # severely active ulcerative colitis)
    ("NCT02435992", "NCT02407236", "TRUE NORTH"),  # with UNIFI's (induction and maintenance
    # in moderately to severely active ulcerative colitis)
    ("NCT02629159", "NCT02092467", "SELECT COMPARE"),  # with ORAL Surveillance's (a JAK
    # inhibitor against a TNF inhibitor in rheumatoid arthritis on methotrexate)
    ("NCT00424476", "NCT02446899", "Bliss-52"),  # with TULIP-2's (a biologic added to
    # standard therapy in active, autoantibody-positive SLE)
    ("NCT02446899", "NCT00424476", "TULIP 2"),  # TULIP-2 with BLISS-52's id
    ("NCT02475850", "NCT01072500", "STRIDE study"),  # with LIFE's (community-dwelling older
    # adults, preventing disability and injury, NIA)
    ("NCT01745263", "NCT01169259", "DO-HEALTH"),  # with VITAL's (vitamin D3 and omega-3
    # supplements, factorial design)
    ("NCT01169259", "NCT01745263", "VITAL"),  # VITAL with DO-HEALTH's id
    ("NCT00427193", "NCT00017953", "CALERIE 2"),  # with Look AHEAD's (reducing energy
    # intake, an intensive lifestyle intervention, NIH)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT15_TOPIC = (
    # Patients hospitalised for acute decompensated heart failure (PIONEER-HF), not after MI.
    ("Initiation of sacubitril-valsartan in haemodynamically stable patients hospitalised for "
     "acute decompensated heart failure", "NCT02924727"),
    # An imaging study of remodelling with another comparator (valsartan), not clinical events.
    ("Effect of angiotensin receptor-neprilysin inhibition compared with valsartan on left "
     "ventricular remodelling after anterior ST-elevation myocardial infarction: a cardiac "
     "MRI study", "NCT02924727"),
    # Another SGLT2 inhibitor in the same setting (DAPA-MI), a cardiometabolic win ratio.
    ("Dapagliflozin in patients with myocardial infarction without diabetes or previous "
     "heart failure", "NCT04509674"),
    # A biomarker trial in Austria (EMMY): NT-proBNP over 26 weeks, not heart failure events.
    ("Impact of empagliflozin on N-terminal pro-B-type natriuretic peptide after acute "
     "myocardial infarction: a 26-week multicentre trial", "NCT04509674"),
    # Preserved ejection fraction and exercise capacity (FAIR-HFpEF), another iron.
    ("Ferric carboxymaltose and exercise capacity in iron-deficient patients with heart "
     "failure with preserved ejection fraction", "NCT02642562"),
    # Oral iron (IRONOUT HF), peak oxygen uptake at 16 weeks.
    ("Does oral iron polysaccharide improve peak VO2 in iron-deficient patients with heart "
     "failure and reduced ejection fraction?", "NCT02642562"),
    # Ambulatory chronic heart failure and 6-minute walk (CONFIRM-HF), not acute admissions.
    ("One-year treatment with ferric carboxymaltose in stable symptomatic outpatients with "
     "chronic heart failure and iron deficiency", "NCT02937454"),
    # Another disease treated with the same iron (FERGIcor).
    ("Ferric carboxymaltose compared with iron sucrose for iron-deficiency anaemia in "
     "inflammatory bowel disease", "NCT02937454"),
    # Adolescents with heterozygous familial hypercholesterolaemia (ORION-16).
    ("Inclisiran in adolescents aged 12 to less than 18 years with heterozygous familial "
     "hypercholesterolaemia", "NCT03400800"),
    # The cardiovascular outcomes question (ORION-4), not LDL cholesterol at day 510.
    ("A randomised trial assessing the effects of inclisiran on clinical outcomes among people "
     "with atherosclerotic cardiovascular disease", "NCT03400800"),
    # A cost-effectiveness model, not a trial.
    ("Cost-utility of twice-yearly siRNA LDL-lowering therapy for secondary prevention in "
     "England: a Markov model", "NCT03400800"),
    # Another lipoprotein(a)-lowering drug, a dose-finding study (OCEAN(a)-DOSE).
    ("Olpasiran dose-finding in patients with atherosclerotic cardiovascular disease and "
     "elevated lipoprotein(a)", "NCT04023552"),
    # An observational cohort of the biomarker and valve disease, no treatment.
    ("Elevated lipoprotein(a) and incident calcific aortic valve stenosis: a population-based "
     "prospective cohort", "NCT04023552"),
    # Chemotherapy-free dual immunotherapy by tumour mutational burden (CheckMate 227 part 1).
    ("First-line nivolumab plus ipilimumab without chemotherapy in advanced NSCLC with a high "
     "tumour mutational burden", "NCT03215706"),
    # Resectable disease before surgery (CheckMate 816), not stage IV.
    ("Neoadjuvant nivolumab with platinum doublet chemotherapy in resectable stage IB to IIIA "
     "non-small-cell lung cancer", "NCT03215706"),
    # Another KRAS G12C inhibitor against the same comparator (KRYSTAL-12).
    ("Adagrasib versus docetaxel in previously treated patients with KRASG12C-mutated "
     "advanced NSCLC", "NCT04303780"),
    # Another cancer treated with the same drug and an EGFR antibody (CodeBreaK 300).
    ("Sotorasib plus panitumumab in refractory colorectal cancer with mutated KRAS G12C",
     "NCT04303780"),
    # Postmenopausal women with fulvestrant (MONALEESA-3).
    ("Ribociclib and fulvestrant in men and postmenopausal women with HR+/HER2- advanced "
     "breast cancer, first or second line", "NCT02278120"),
    # The same population, early disease, no CDK4/6 inhibitor (SOFT/TEXT).
    ("Adjuvant exemestane with ovarian suppression in premenopausal breast cancer",
     "NCT02278120"),
    # Another CDK4/6 inhibitor against capecitabine, in Korea (Young-PEARL).
    ("Palbociclib plus exemestane with GnRH agonist versus capecitabine in premenopausal women "
     "with hormone receptor-positive metastatic breast cancer: a Korean phase II trial",
     "NCT02278120"),
    # Perioperative chemotherapy against neoadjuvant chemoradiotherapy (ESOPEC), no nivolumab.
    ("Perioperative FLOT or neoadjuvant chemoradiation (CROSS) for resectable adenocarcinoma "
     "of the oesophagus", "NCT02743494"),
    # Second-line advanced squamous cell disease (ATTRACTION-3), not adjuvant.
    ("Nivolumab versus chemotherapy in advanced oesophageal squamous cell carcinoma refractory "
     "or intolerant to previous chemotherapy", "NCT02743494"),
    # A switch in suppressed adults (TANGO), not treatment-naive.
    ("Switching to fixed-dose dolutegravir/lamivudine from a tenofovir alafenamide-based "
     "regimen in virologically suppressed adults with HIV-1", "NCT02831673"),
    # Pregnant women starting treatment late in pregnancy (DolPHIN-2).
    ("Dolutegravir versus efavirenz when starting HIV therapy in late pregnancy",
     "NCT02831673"),
    # Prevention in HIV-negative men and transgender women (HPTN 083).
    ("Long-acting injectable cabotegravir for HIV prevention in cisgender men and transgender "
     "women who have sex with men", "NCT03299049"),
    # An implementation study of the regimen in US clinics (CUSTOMIZE).
    ("Implementing every-2-month cabotegravir plus rilpivirine injections in US HIV clinics: "
     "acceptability, appropriateness and feasibility", "NCT03299049"),
    # High-dose short-course primaquine (IMPROV), no tafenoquine.
    ("Short-course primaquine for the radical cure of Plasmodium vivax malaria: a multicentre "
     "randomised placebo-controlled trial", "NCT01376167"),
    # Chemoprophylaxis in travellers and soldiers, not radical cure of infection.
    ("Weekly tafenoquine for malaria chemoprophylaxis in non-immune soldiers deployed to East "
     "Timor", "NCT01376167"),
    # Point-of-care G6PD testing before tafenoquine, an implementation study in Brazil.
    ("Quantitative G6PD testing to guide tafenoquine radical cure of vivax malaria in the "
     "Brazilian Amazon", "NCT01376167"),
    # Another disease treated with the same drug (UNITI/IM-UNITI).
    ("Ustekinumab as induction and maintenance therapy for Crohn's disease", "NCT02407236"),
    # Another S1P receptor modulator (ELEVATE UC 52).
    ("Etrasimod once daily as induction and maintenance therapy for moderately to severely "
     "active ulcerative colitis", "NCT02435992"),
    # Another disease treated with the same drug (SUNBEAM).
    ("Ozanimod versus interferon beta-1a in relapsing multiple sclerosis", "NCT02435992"),
    # Monotherapy switch from methotrexate, no adalimumab (SELECT-MONOTHERAPY).
    ("Switching from methotrexate to upadacitinib monotherapy in rheumatoid arthritis",
     "NCT02629159"),
    # Another disease with the same comparator (SELECT-PsA 1).
    ("Upadacitinib versus placebo or adalimumab in psoriatic arthritis", "NCT02629159"),
    # Post-marketing surveillance, observational.
    ("Real-world persistence and safety of upadacitinib for rheumatoid arthritis: all-case "
     "post-marketing surveillance in Japan", "NCT02629159"),
    # Lupus nephritis (BLISS-LN).
    ("Two-year, randomized, controlled trial of belimumab in lupus nephritis", "NCT00424476"),
    # Children and adolescents (PLUTO).
    ("Intravenous belimumab in paediatric patients with childhood-onset systemic lupus "
     "erythematosus", "NCT00424476"),
    # Vitamin D doses for falls (STURDY), not a nurse-delivered multifactorial strategy.
    ("Effect of four doses of vitamin D3 on falls in older adults with low vitamin D levels",
     "NCT02475850"),
    # A community tai chi balance programme, another intervention.
    ("Tai Ji Quan: Moving for Better Balance versus multimodal exercise for preventing falls "
     "in older adults at high risk", "NCT02475850"),
    # Monthly high-dose vitamin D in Australia (D-Health), mortality and cancer.
    ("Monthly 60,000 IU vitamin D supplementation in older Australians: a population-based "
     "trial", "NCT01745263"),
    # Omega-3 and multidomain intervention in frail older adults (MAPT), cognition.
    ("Omega-3 polyunsaturated fatty acid supplementation, multidomain intervention, or both "
     "on cognitive decline in elderly adults with memory complaints", "NCT01745263"),
    # Intermittent fasting against daily restriction in adults with obesity.
    ("Alternate-day fasting compared with daily calorie restriction for weight loss and "
     "maintenance in metabolically healthy obese adults", "NCT00427193"),
    # Time-restricted eating, another regimen and outcome (TREAT).
    ("Effects of 16:8 time-restricted eating on weight loss in men and women with overweight "
     "and obesity", "NCT00427193"),
)  # fmt: skip


def _holdout15_text(s: _Study) -> list[str]:
    # The acronym opens a title that does not already carry it.
    head = f"{s.acronym}: " if s.acronym and s.acronym not in s.brief else ""
    named = f" ({s.acronym})" if s.acronym and s.acronym not in s.official else ""
    return [
        f"{s.sponsor}. {head}{s.brief}. ClinicalTrials.gov ID {s.nct}. Registered "
        f"{_date_as(s.posted, 'nlm')}. https://clinicaltrials.gov/ct2/show/record/{s.nct}",
        f"{s.sponsor}. ({_date_as(s.posted, 'apa')}). {_clip(s.official, 25)} (ClinicalTrials.gov "
        f"Identifier {s.nct}). U.S. National Library of Medicine. "
        f"https://clinicaltrials.gov/study/{s.nct}?rank=1",
        f"ClinicalTrials.gov. {s.nct} \u2013 {s.brief}. Sponsor: {s.sponsor}. Last verified "
        f"November 2025. Available: https://www.clinicaltrials.gov/ct2/show/study/{s.nct}",
        f"{s.sponsor}, {s.year}. {_sentence_case(s.official)}{named}. [online] "
        f"ClinicalTrials.gov. Identifier: {s.nct}. First posted {s.posted}. "
        f"URL: clinicaltrials.gov/study/{s.nct} [Accessed 2025-12-06].",
    ]


def _holdout15_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    named = f"{_bib_escape(s.acronym)}: " if s.acronym and s.acronym not in s.brief else ""
    month = _MON[int(s.posted[5:7]) - 1].lower() if len(s.posted) >= 7 else "jan"
    return [
        f"@manual{{{key}a,\n  title = {{{{{brief}}}}},\n  organization = {{{sponsor}}},\n"
        f"  howpublished = {{ClinicalTrials.gov, {s.nct}}},\n"
        f"  url = {{https://clinicaltrials.gov/ct2/show/{s.nct}?view=record}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@dataset{{{key}b,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        "  publisher = {U.S. National Library of Medicine},\n"
        f"  number = {{{s.nct}}},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}#study-overview}},\n"
        f"  date = {{{s.posted}}}\n}}",
        f"@techreport{{{key}c,\n  author = {{{{{sponsor}}}}},\n  title = {{{named}{brief}}},\n"
        "  institution = {ClinicalTrials.gov},\n  type = {Trial registration},\n"
        f"  number = {{{s.nct}}},\n  year = {{{s.year}}},\n  month = {month}\n}}",
        f"@misc{{{key}d,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{_bib_escape(_sentence_case(s.brief))}}},\n"
        f"  howpublished = {{ClinicalTrials.gov: {s.nct}}},\n"
        f"  addendum = {{First posted {_long_date(s.posted)}}},\n  date = {{{s.posted}}}\n}}",
    ]


# The sixteenth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies16.jsonl``: diabetes and obesity, kidney and
# intensive care, neurology, psychiatry and substance use, non-malignant haematology, lymphoma
# and leukaemia, urological cancers, melanoma, trauma and a paediatric vaccine), with citation
# templates of its own. Wrong names are written as authors write them ("STEP-1", "NICE SUGAR",
# "HAVEN-3", "Checkmate-067", "KEYNOTE 564", "the GRADE study"), mostly with the id of a trial
# of the same disease, drug, sponsor or setting (sister trials, the same drug in another stage,
# SUSTAIN-6 on crizanlizumab's SUSTAIN), some earlier trials cited with a holdout16 trial's id
# and some holdout16 trials with an earlier one's. Off-topic titles are mostly other real
# studies sharing the trial's drug and/or disease words: another syndrome, subtype, stage,
# line, age group or background therapy, another drug of the class or drug for the disease,
# another dose, schedule or formulation, another purpose or an observational study; each says
# why.
HOLDOUT16_ACRONYM_PAIRS = (
    ("NCT01272219", "NCT03548935", "SCALE Obesity and Prediabetes"),  # with STEP 1's
    # (once-weekly semaglutide for weight management, the same sponsor)
    ("NCT03548935", "NCT01272219", "STEP-1"),  # STEP 1 with SCALE's id (liraglutide 3.0 mg)
    ("NCT01794143", "NCT00081328", "the GRADE study"),  # with TODAY's (glucose-lowering
    # drugs added to metformin, NIDDK-funded)
    ("NCT01243424", "NCT01794143", "CAROLINA"),  # with GRADE's (a DPP-4 inhibitor and
    # glimepiride in type 2 diabetes)
    ("NCT02568722", "NCT02444988", "STARRT AKI"),  # with SMART's (kidney outcomes in
    # critically ill adults)
    ("NCT00220987", "NCT02568722", "NICE SUGAR"),  # with STARRT-AKI's (ICU trial of the
    # Canadian Critical Care Trials Group, 90-day mortality)
    ("NCT01448109", "NCT00220987", "ADRENAL trial"),  # with NICE-SUGAR's (George Institute
    # ICU trial, 90-day mortality)
    ("NCT03777059", "NCT02456740", "ADVANCE"),  # with STRIVE's (preventive treatment of
    # episodic migraine against CGRP)
    ("NCT01665144", "NCT01194570", "EXPAND"),  # with ORATORIO's (progressive multiple
    # sclerosis, time to confirmed disability progression)
    ("NCT01194570", "NCT01665144", "ORATORIO"),  # ORATORIO with EXPAND's id
    ("NCT04338321", "NCT02418585", "ESCAPE-TRD"),  # with TRANSFORM-2's (esketamine nasal
    # spray with an oral antidepressant in treatment-resistant depression, Janssen)
    ("NCT02418585", "NCT04338321", "TRANSFORM 2"),  # TRANSFORM-2 with ESCAPE-TRD's id
    ("NCT00006206", "NCT02032433", "COMBINE study"),  # with X:BOT's (naltrexone for an
    # addiction)
    ("NCT02847637", "NCT02622321", "HAVEN-3"),  # with HAVEN 1's (emicizumab prophylaxis:
    # the sister trial)
    ("NCT02622321", "NCT02847637", "HAVEN 1"),  # HAVEN 1 with HAVEN 3's id
    ("NCT01895361", "NCT03036813", "SUSTAIN"),  # with HOPE's (sickle cell disease)
    ("NCT01720446", "NCT01895361", "SUSTAIN 6"),  # SUSTAIN-6 (semaglutide) with
    # crizanlizumab's SUSTAIN id: the names share a word
    ("NCT01712490", "NCT03274492", "ECHELON-1"),  # with POLARIX's (an antibody-drug
    # conjugate in place of one drug of frontline lymphoma chemotherapy)
    ("NCT00651261", "NCT02993523", "RATIFY"),  # with VIALE-A's (newly diagnosed AML)
    ("NCT03142334", "NCT02231749", "KEYNOTE 564"),  # with CheckMate 214's (checkpoint
    # inhibitor in renal cell carcinoma)
    ("NCT02603432", "NCT02853331", "JAVELIN Bladder-100"),  # with KEYNOTE-426's (a PD-(L)1
    # antibody in a urological cancer)
    ("NCT02799602", "NCT02489318", "ARASENS"),  # with TITAN's (androgen-receptor inhibitor
    # with ADT in metastatic hormone-sensitive prostate cancer)
    ("NCT02200614", "NCT02799602", "ARAMIS"),  # darolutamide in nmCRPC with ARASENS's id
    # (the same drug and sponsor)
    ("NCT03470922", "NCT01844505", "RELATIVITY 047"),  # with CheckMate 067's (nivolumab
    # combination in untreated advanced melanoma, BMS)
    ("NCT01844505", "NCT03470922", "Checkmate-067"),  # CheckMate 067 with RELATIVITY-047's id
    ("NCT01545232", "NCT01402882", "PROPPR"),  # with CRASH-3's (bleeding after injury)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT16_TOPIC = (
    # People with type 2 diabetes (SCALE Diabetes); the registered trial excluded diabetes.
    ("Liraglutide 3.0 mg for weight management in overweight or obese adults with type 2 "
     "diabetes on metformin", "NCT01272219"),
    # Another background therapy (SCALE IBT): liraglutide with intensive behavioural therapy.
    ("Liraglutide 3.0 mg as an adjunct to intensive behavioural therapy for obesity in "
     "primary care", "NCT01272219"),
    # Another population: GRADE excluded an eGFR below 60.
    ("Adding sitagliptin or glimepiride to metformin in older adults with type 2 diabetes and "
     "stage 3 chronic kidney disease", "NCT01794143"),
    # Another population and a single centre (ELAIN-like): surgical patients, early vs late.
    ("Early versus late initiation of renal replacement therapy in critically ill surgical "
     "patients with acute kidney injury: a single-centre trial", "NCT02568722"),
    # Another question: the modality of dialysis, not its timing.
    ("Continuous versus intermittent renal replacement therapy for acute kidney injury in the "
     "intensive care unit", "NCT02568722"),
    # Chronic migraine (PROGRESS); ADVANCE enrolled episodic migraine only.
    ("Atogepant for the preventive treatment of chronic migraine", "NCT03777059"),
    # Acute treatment with another gepant (ACHIEVE I), not prevention.
    ("Ubrogepant for the acute treatment of a single migraine attack", "NCT03777059"),
    # Another syndrome (GWPCARE3).
    ("Cannabidiol in patients with seizures associated with Lennox-Gastaut syndrome",
     "NCT02091375"),
    # Another drug for the same syndrome.
    ("Fenfluramine hydrochloride for convulsive seizures in children and young adults with "
     "Dravet syndrome", "NCT02091375"),
    # Another stage and line (PRESTO, LARGO): adjunct to levodopa with motor fluctuations.
    ("Rasagiline as adjunct to levodopa in patients with Parkinson's disease and motor "
     "fluctuations", "NCT00256204"),
    # Another drug in the same delayed-start design (PROUD).
    ("Early versus delayed pramipexole treatment in Parkinson's disease: a delayed-start "
     "study", "NCT00256204"),
    # Another phenotype and phase (BOLD): dose finding in relapsing-remitting MS.
    ("Siponimod in relapsing-remitting multiple sclerosis: a dose-finding study",
     "NCT01665144"),
    # Another drug for the same disease (ASCEND).
    ("Natalizumab in secondary progressive multiple sclerosis: effect on disability "
     "progression", "NCT01665144"),
    # Another formulation (Vivitrex): monthly injectable naltrexone alone, no acamprosate arms.
    ("Extended-release injectable naltrexone for alcohol dependence: a six-month trial",
     "NCT00006206"),
    # Another population and purpose (ASPIRE): imminent suicide risk, rapid symptom reduction.
    ("Esketamine nasal spray for rapid reduction of depressive symptoms in patients at "
     "imminent risk for suicide", "NCT04338321"),
    # Another drug and comparator (ELEKT-D).
    ("Ketamine versus electroconvulsive therapy for nonpsychotic treatment-resistant major "
     "depression", "NCT04338321"),
    # Children with inhibitors (HAVEN 2); HAVEN 3 enrolled ages 12 and over without inhibitors.
    ("Emicizumab prophylaxis in children younger than 12 years with hemophilia A and factor "
     "VIII inhibitors", "NCT02847637"),
    # Another schedule (HAVEN 4).
    ("Emicizumab every 4 weeks in persons with hemophilia A with or without inhibitors",
     "NCT02847637"),
    # Another dose, the confirmatory trial (STAND).
    ("Crizanlizumab at 5.0 or 7.5 mg/kg in adolescents and adults with sickle cell disease and "
     "vaso-occlusive crises", "NCT01895361"),
    # Another lymphoma (ECHELON-2).
    ("Brentuximab vedotin with cyclophosphamide, doxorubicin and prednisone for CD30-positive "
     "peripheral T-cell lymphoma", "NCT01712490"),
    # Another line (AETHERA): consolidation after transplant.
    ("Brentuximab vedotin consolidation after autologous stem-cell transplantation in Hodgkin "
     "lymphoma at risk of relapse", "NCT01712490"),
    # Another age group (AMLSG 16-10): RATIFY enrolled adults under 60.
    ("Midostaurin with intensive chemotherapy in FLT3-mutated acute myeloid leukaemia in "
     "patients aged 61 to 70 years", "NCT00651261"),
    # Another disease treated with the same drug.
    ("Midostaurin in advanced systemic mastocytosis", "NCT00651261"),
    # Another drug (IMmotion010) in the same adjuvant setting.
    ("Adjuvant atezolizumab versus placebo after nephrectomy in renal cell carcinoma at "
     "increased risk of recurrence", "NCT03142334"),
    # Metastatic first-line therapy (KEYNOTE-426), not adjuvant.
    ("Pembrolizumab plus axitinib versus sunitinib as first-line therapy for advanced renal "
     "cell carcinoma", "NCT03142334"),
    # Another cancer with the same drug (JAVELIN Renal 101).
    ("Avelumab plus axitinib versus sunitinib for advanced renal-cell carcinoma",
     "NCT02603432"),
    # Another stage (POTOMAC): non-muscle-invasive disease with BCG.
    ("Durvalumab with BCG in BCG-naive high-risk non-muscle-invasive bladder cancer",
     "NCT02603432"),
    # Another background (ARANOTE): darolutamide and ADT without docetaxel.
    ("Darolutamide plus androgen-deprivation therapy without docetaxel in metastatic "
     "hormone-sensitive prostate cancer", "NCT02799602"),
    # Docetaxel with ADT alone by disease volume (CHAARTED), no darolutamide.
    ("Chemohormonal therapy with docetaxel in high-volume metastatic hormone-sensitive "
     "prostate cancer", "NCT02799602"),
    # Another setting (RELATIVITY-098): adjuvant after resection.
    ("Adjuvant relatlimab plus nivolumab versus nivolumab after complete resection of stage "
     "III-IV melanoma", "NCT03470922"),
    # Another setting: neoadjuvant therapy of resectable melanoma.
    ("Neoadjuvant relatlimab and nivolumab in resectable clinical stage III melanoma",
     "NCT03470922"),
    # Another setting (PAMPer): plasma before hospital, not the in-hospital ratio.
    ("Prehospital plasma during air medical transport in trauma patients at risk for "
     "hemorrhagic shock", "NCT01545232"),
    # Children (the Leuven paediatric ICU trial); NICE-SUGAR enrolled adults.
    ("Intensive insulin therapy for patients in paediatric intensive care: a prospective, "
     "randomised controlled study", "NCT00220987"),
    # Another vaccine (Rotarix) in another region.
    ("Efficacy of a monovalent human rotavirus vaccine against severe rotavirus "
     "gastroenteritis in Latin American infants", "NCT00090233"),
    # Another country's trial of the same vaccine in Africa.
    ("Pentavalent rotavirus vaccine against severe rotavirus gastroenteritis in infants in "
     "Ghana, Kenya and Mali", "NCT00090233"),
    # An observational post-licensure surveillance study.
    ("Risk of intussusception after rotavirus vaccination: post-licensure surveillance in the "
     "United States", "NCT00090233"),
)  # fmt: skip


def _holdout16_text(s: _Study) -> list[str]:
    # The acronym is named only where the brief title does not already carry it.
    named = f" ({s.acronym})" if s.acronym and s.acronym not in s.brief else ""
    lead = f"The {s.acronym} trial" if s.acronym else f"The trial sponsored by {s.sponsor}"
    cond = "+".join((s.conditions[0] if s.conditions else "").split())
    clipped = _clip(s.official, 16)
    clipped += "" if clipped.endswith("\u2026") else "."
    sponsor = s.sponsor.rstrip(".")  # "Inc." ends its own sentence
    return [
        f"{sponsor}. ({_date_as(s.posted, 'apa')}). {s.brief}{named} (ClinicalTrials.gov ID "
        f"{s.nct}). U.S. National Library of Medicine. Retrieved December 6, 2025, from "
        f"https://clinicaltrials.gov/study/{s.nct}",
        f"ClinicalTrials.gov. {s.nct}: {clipped} Bethesda (MD): National Library of Medicine "
        f"(US); {_date_as(s.posted, 'nlm')}. Sponsor: {sponsor}. "
        f"https://www.clinicaltrials.gov/ct2/show/study/{s.nct}",
        f"{lead} (ClinicalTrials.gov number, {s.nct}; sponsor {s.sponsor}; registered "
        f"{_long_date(s.posted)}): \u201c{s.brief}\u201d.",
        f"{s.sponsor} ({s.year}). {s.brief} [{s.nct}]. ClinicalTrials.gov. "
        f"https://clinicaltrials.gov/ct2/show/{s.nct}?cond={cond}&draw=2 (viewed 06/12/2025)",
    ]


def _holdout16_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym and s.acronym not in s.brief else ""
    month = _MON[int(s.posted[5:7]) - 1].lower() if len(s.posted) >= 7 else "jan"
    return [
        f"@manual{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        "  organization = {U.S. National Library of Medicine},\n"
        f"  note = {{ClinicalTrials.gov ID: {s.nct}}},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}?tab=results}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@techreport{{{key}b,\n  author = {{{{{sponsor}}}}},\n  title = {{{head}{brief}}},\n"
        "  institution = {ClinicalTrials.gov},\n  type = {Trial registration},\n"
        f"  number = {{{s.nct}}},\n  year = {{{s.year}}}\n}}",
        f"@misc{{{key}c,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{_bib_escape(_sentence_case(s.brief))}}},\n"
        "  howpublished = {ClinicalTrials.gov, "
        f"\\url{{https://classic.clinicaltrials.gov/ct2/show/record/{s.nct}}}}},\n"
        f"  year = {{{s.year}}},\n  month = {month}\n}}",
        f"@article{{{key}d,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        f"  journal = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}},\n"
        f"  note = {{First posted {_long_date(s.posted)}}},\n  year = {{{s.year}}}\n}}",
    ]


# The seventeenth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies17.jsonl``: cardiology and hypertension, lipids,
# diabetes drugs and a closed-loop device, stroke, solid tumours, infection, critical care and a
# health-services trial; the first records to carry sites), with citation templates of its own.
# Wrong names are written as authors write them ("ORION 9", "HOPE 3", "Keynote-671",
# "TROPICS-02", "STOP IT", "the FOURIER trial"), mostly with the id of a trial of the same drug,
# disease or setting (sister trials, the comparator's own outcome trial, another strategy for
# the same patients), and trials whose names clash (HOPE and HOPE-3; semaglutide's STEP 1 and
# the Chinese blood pressure trial STEP). Off-topic titles are mostly other real studies sharing
# the trial's drug and/or disease words: another age group, genotype, mutation, stage, line,
# dose, route, territory or country, another drug of the same class or for the
# same disease, another question about the same patients, an observational study; each says why.
HOLDOUT17_ACRONYM_PAIRS = (
    ("NCT03397121", "NCT03400800", "ORION 9"),  # with ORION-11's (inclisiran, the sister trial
    # in ASCVD and risk equivalents)
    ("NCT03399370", "NCT03397121", "ORION-10"),  # ORION-10 with ORION-9's id
    ("NCT03872401", "NCT01764633", "VESALIUS-CV"),  # with FOURIER's (evolocumab outcomes, Amgen)
    ("NCT01764633", "NCT03872401", "the FOURIER trial"),  # FOURIER with VESALIUS-CV's id
    ("NCT00468923", "NCT00239681", "HOPE 3"),  # with JUPITER's (rosuvastatin in people
    # without vascular disease)
    ("NCT03036813", "NCT00468923", "HOPE"),  # voxelotor's HOPE with HOPE-3's id: the names
    # differ by a number only
    ("NCT03015311", "NCT01206062", "STEP"),  # with SPRINT's (intensive systolic targets)
    ("NCT03548935", "NCT03015311", "STEP 1"),  # semaglutide STEP 1 with the blood pressure
    # STEP's id: the names share a word
    ("NCT04255433", "NCT03987919", "SURPASS CVOT"),  # with SURPASS-2's (tirzepatide, Lilly)
    ("NCT01394952", "NCT04255433", "REWIND"),  # dulaglutide's outcome trial with
    # SURPASS-CVOT's id (dulaglutide is its comparator)
    ("NCT03914326", "NCT02692716", "SOUL"),  # with PIONEER 6's (oral semaglutide, CV safety)
    ("NCT03563313", "NCT01788527", "iDCL"),  # with CONCEPTT's (CGM in type 1 diabetes)
    ("NCT03889249", "NCT01422616", "AcT trial"),  # with ENCHANTED's (alteplase in acute
    # ischaemic stroke)
    ("NCT03148457", "NCT01288352", "ELAN"),  # with EAST-AFNET 4's (atrial fibrillation and
    # stroke)
    ("NCT04551664", "NCT02586415", "ANGEL ASPECT"),  # with DEFUSE 3's (thrombectomy selected
    # by imaging)
    ("NCT03425643", "NCT02998528", "Keynote-671"),  # with CheckMate 816's (neoadjuvant
    # chemo-immunotherapy in resectable NSCLC)
    ("NCT04487080", "NCT02296125", "MARIPOSA"),  # with FLAURA's (first-line EGFR-mutated NSCLC,
    # osimertinib)
    ("NCT02296125", "NCT04487080", "FLAURA"),  # FLAURA with MARIPOSA's id
    ("NCT03901339", "NCT02574455", "TROPICS-02"),  # with ASCENT's (sacituzumab govitecan)
    ("NCT02477644", "NCT01844986", "PAOLA 1"),  # with SOLO-1's (first-line olaparib
    # maintenance in ovarian cancer)
    ("NCT04008030", "NCT02563002", "CheckMate-8HW"),  # with KEYNOTE-177's (first-line
    # immunotherapy in MSI-H colorectal cancer)
    ("NCT01375257", "NCT03005145", "POET"),  # with BALANCE's (antibiotic treatment of
    # bloodstream infection)
    ("NCT00657566", "NCT02176122", "STOP IT"),  # with MERINO's (antibiotics for a serious
    # bacterial infection)
    ("NCT03434028", "NCT03078712", "CLOVERS"),  # with ANDROMEDA-SHOCK's (early resuscitation
    # in septic shock)
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT17_TOPIC = (
    # Another genotype (ORION-5): homozygous, not heterozygous, familial hypercholesterolaemia.
    ("Inclisiran in patients with homozygous familial hypercholesterolaemia: a two-part phase 3 "
     "study", "NCT03397121"),
    # Another age group (ORION-16): adolescents; ORION-9 enrolled adults.
    ("Inclisiran in adolescents aged 12 to less than 18 years with heterozygous familial "
     "hypercholesterolaemia", "NCT03397121"),
    # Another population: the record excludes prior myocardial infarction.
    ("Early evolocumab after hospitalisation for acute myocardial infarction: effect on "
     "recurrent ischaemic events", "NCT03872401"),
    # Children (HAUSER-RCT).
    ("Evolocumab in paediatric patients with heterozygous familial hypercholesterolaemia",
     "NCT03872401"),
    # Another country's polypill trial with other drugs (TIPS).
    ("A polypill of simvastatin, ramipril, atenolol, hydrochlorothiazide and aspirin in "
     "middle-aged Indians without cardiovascular disease", "NCT00468923"),
    # The same statin in another disease (CORONA).
    ("Rosuvastatin in older patients with systolic heart failure", "NCT00468923"),
    # Another age group and drug (HYVET): 80 and over; STEP enrolled ages 60 to 80.
    ("Treatment of hypertension in patients 80 years of age or older with indapamide and "
     "perindopril", "NCT03015311"),
    # Another question in the same country (CRHCP): a care model, not a target.
    ("Village doctor-led intensive blood pressure intervention in rural China: a cluster "
     "randomised trial", "NCT03015311"),
    # Another population: survivors of stroke, whom STEP excluded.
    ("Intensive versus standard blood pressure lowering after ischaemic or haemorrhagic stroke "
     "in older Chinese adults", "NCT03015311"),
    # Another disease treated with the same drug (SUMMIT).
    ("Tirzepatide in heart failure with preserved ejection fraction and obesity",
     "NCT04255433"),
    # Another comparator and a glycaemic outcome (SURPASS-4).
    ("Tirzepatide versus insulin glargine in type 2 diabetes and increased cardiovascular risk",
     "NCT04255433"),
    # Another comparator and a glycaemic outcome (PIONEER 3).
    ("Oral semaglutide versus sitagliptin added to metformin with or without sulfonylurea: "
     "effect on HbA1c", "NCT03914326"),
    # Another population and dose (OASIS 1): obesity without diabetes.
    ("Oral semaglutide 50 mg once daily in adults with overweight or obesity",
     "NCT03914326"),
    # Another age group (the paediatric Control-IQ trial): 6 to 13 years.
    ("Closed-loop control with Control-IQ in children aged 6 to 13 years with type 1 diabetes",
     "NCT03563313"),
    # Pregnancy (AiDAPT), in another country.
    ("Hybrid closed-loop insulin delivery in pregnant women with type 1 diabetes",
     "NCT03563313"),
    # Another dose, in another country (NOR-TEST).
    ("Tenecteplase 0.4 mg/kg versus alteplase for acute ischaemic stroke: a Norwegian phase 3 "
     "trial", "NCT03889249"),
    # Another stroke type and question (SoSTART): haemorrhage, whether to start at all.
    ("Starting versus avoiding oral anticoagulation after intracranial haemorrhage in atrial "
     "fibrillation", "NCT03148457"),
    # Another intervention for the same patients.
    ("Left atrial appendage closure versus direct oral anticoagulants after ischaemic stroke "
     "with atrial fibrillation", "NCT03148457"),
    # Another country's trial (RESCUE-Japan LIMIT); ANGEL-ASPECT ran in China.
    ("Endovascular therapy for acute stroke with a large ischemic region in Japan",
     "NCT04551664"),
    # Another territory (ATTENTION): basilar, not anterior circulation.
    ("Endovascular treatment for acute basilar artery occlusion", "NCT04551664"),
    # Another setting (KEYNOTE-091): adjuvant only, after resection.
    ("Pembrolizumab versus placebo as adjuvant therapy for completely resected stage IB-IIIA "
     "non-small-cell lung cancer", "NCT03425643"),
    # Another mutation (PAPILLON): exon 20 insertions.
    ("Amivantamab plus chemotherapy in NSCLC with EGFR exon 20 insertions", "NCT04487080"),
    # Another line (MARIPOSA-2): after progression on osimertinib.
    ("Amivantamab and lazertinib plus chemotherapy after disease progression on osimertinib "
     "in EGFR-mutated advanced NSCLC", "NCT04487080"),
    # Another route (PALOMA-3).
    ("Subcutaneous versus intravenous amivantamab, both with lazertinib, in EGFR-mutated "
     "advanced non-small-cell lung cancer", "NCT04487080"),
    # Another subtype and line (ASCENT-03): untreated triple-negative disease.
    ("Sacituzumab govitecan in previously untreated PD-L1-negative advanced triple-negative "
     "breast cancer", "NCT03901339"),
    # Another drug for the same disease (TROPION-Breast01).
    ("Datopotamab deruxtecan versus investigator's choice chemotherapy in HR-positive/HER2-"
     "negative breast cancer", "NCT03901339"),
    # Another line (SOLO2): relapsed platinum-sensitive disease.
    ("Olaparib tablets as maintenance therapy in platinum-sensitive relapsed ovarian cancer "
     "and a BRCA1/2 mutation", "NCT02477644"),
    # Another question (ICON7): bevacizumab with chemotherapy, no PARP inhibitor.
    ("Bevacizumab added to carboplatin and paclitaxel in the first-line treatment of ovarian "
     "cancer", "NCT02477644"),
    # Another line and design (CheckMate 142): single-arm, previously treated.
    ("Nivolumab plus low-dose ipilimumab in previously treated DNA mismatch repair-deficient "
     "metastatic colorectal cancer: a phase 2 study", "NCT04008030"),
    # Another stage (NICHE-2): neoadjuvant in early colon cancer.
    ("Neoadjuvant nivolumab and ipilimumab in locally advanced mismatch repair-deficient colon "
     "cancer", "NCT04008030"),
    # Another infection (OVIVA).
    ("Oral versus intravenous antibiotics for bone and joint infection", "NCT01375257"),
    # Another question (EASE): timing of surgery, in Korea.
    ("Early surgery versus conventional treatment for infective endocarditis with large "
     "vegetations", "NCT01375257"),
    # Another population and durations (DURAPOP): postoperative peritonitis in the ICU.
    ("Eight versus fifteen days of antibiotic therapy for postoperative intra-abdominal "
     "infection in critically ill patients", "NCT00657566"),
    # Another setting (CLASSIC): ICU patients after initial resuscitation, in Europe.
    ("Restriction of intravenous fluid in ICU patients with septic shock", "NCT03434028"),
    # A follow-up trial (ANDROMEDA-SHOCK-2): personalised, not the original comparison.
    ("Personalized hemodynamic resuscitation targeting capillary refill time in early septic "
     "shock", "NCT03078712"),
    # Another programme in another city (IMPaCT).
    ("Community health worker support for disadvantaged patients with multiple chronic "
     "diseases", "NCT02090426"),
    # An observational study of the same patients.
    ("Persistence of high health care utilization among Medicaid superutilizers: a "
     "retrospective cohort study", "NCT02090426"),
)  # fmt: skip


def _holdout17_text(s: _Study) -> list[str]:
    # The acronym leads only where the brief title does not already carry it.
    named = s.acronym if s.acronym and s.acronym not in s.brief else None
    sponsor = s.sponsor.rstrip(".")  # "Inc." ends its own sentence
    first = f"{named} \u2014 {s.brief}" if named else f"{sponsor}. {s.brief}"
    return [
        f"{sponsor}. {_clip(s.official, 14)} [Internet]. Bethesda (MD): U.S. National Library "
        f"of Medicine; {_date_as(s.posted, 'nlm')} [updated 2025 Jan 9; cited 2025 Dec 6]. "
        f"ClinicalTrials.gov Identifier: {s.nct}. Available from: "
        f"https://clinicaltrials.gov/study/{s.nct}",
        f"{first}. ClinicalTrials.gov. Published {_date_as(s.posted, 'ama')}. Accessed "
        f"December 6, 2025. https://www.clinicaltrials.gov/study/{s.nct}?tab=overview",
        f"{sponsor} ({s.year}) {s.brief}. ClinicalTrials.gov registration no. {s.nct}. "
        f"Available at: https://ClinicalTrials.gov/ct2/show/{s.nct} (Accessed: 6 December "
        "2025).",
        f"ClinicalTrials.gov {s.nct} \u2013 {s.official} (first posted "
        f"{_date_as(s.posted, 'dots')}; lead sponsor: {sponsor}).",
    ]


def _holdout17_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    head = f"{_bib_escape(s.acronym)}: " if s.acronym and s.acronym not in s.brief else ""
    month = _MON[int(s.posted[5:7]) - 1].lower() if len(s.posted) >= 7 else "jan"
    return [
        f"@online{{{key}a,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  date = {{{s.posted or s.year}}},\n  eprint = {{{s.nct}}},\n"
        "  eprinttype = {clinicaltrials},\n  urldate = {2025-12-06}\n}",
        f"@dataset{{{key}b,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        "  publisher = {U.S. National Library of Medicine},\n"
        f"  url = {{https://clinicaltrials.gov/ct2/show/study/{s.nct}?show_locs=Y}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@misc{{{key}c,\n  title = {{{head}{brief}}},\n  howpublished = {{ClinicalTrials.gov}},\n"
        f"  note = {{NLM identifier {s.nct}}},\n  month = {month},\n  year = {{{s.year}}}\n}}",
        f"@article{{{key}d,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{_bib_escape(_sentence_case(s.brief))}}},\n"
        "  journaltitle = {ClinicalTrials.gov},\n"
        f"  url = {{http://clinicaltrials.gov/show/{s.nct}}},\n"
        f"  addendum = {{Registered {_long_date(s.posted)}}},\n  year = {{{s.year}}}\n}}",
    ]


# The eighteenth held-out split: written by a helper who had not read the topic rules, over 20
# studies used by no other split (``studies18.jsonl``, whose records also list sites: neurology,
# child psychiatry, COPD and scleroderma lung disease, rheumatology and vasculitis, dermatology,
# the retina and childhood myopia, myelofibrosis, leukaemia and thalassaemia, IgA nephropathy
# and fatty liver disease, neonatal encephalopathy, caesarean delivery, an HPV vaccine and
# perioperative medicine), with citation templates of its own. Wrong names are written as
# authors write them ("OPERA-I", "Cherish", "RA BEAM", "UltIMMa 1", "VIEW-1", "COMFORT I",
# "QUAZAR AML001", "POISE III"), mostly with the id of a trial of the same disease, drug or
# setting (sister trials, the same drug in another disease: ruxolitinib tablets for
# myelofibrosis on the ruxolitinib-cream vitiligo trial), some earlier trials cited with a
# holdout18 trial's id and some holdout18 trials with an earlier one's. Off-topic titles are
# mostly other real studies sharing the trial's drug and/or disease words: another age group,
# stage or subtype, another line, comparator, dose, device or schedule, another disease treated
# with the drug, another drug for the disease, another country's trial, prevention in place of
# treatment; each says why.
HOLDOUT18_ACRONYM_PAIRS = (
    ("NCT00289978", "NCT02792218", "FREEDOMS"),  # with ASCLEPIOS I's (relapsing multiple
    # sclerosis, Novartis)
    ("NCT01247324", "NCT00289978", "OPERA-I"),  # ocrelizumab's OPERA I with FREEDOMS's id
    # (relapsing MS, annualised relapse rate)
    ("NCT02292537", "NCT02193074", "Cherish"),  # with ENDEAR's (nusinersen: the sister trial in
    # infantile-onset SMA)
    ("NCT02193074", "NCT02292537", "ENDEAR study"),  # ENDEAR with CHERISH's id
    ("NCT00000388", "NCT00052078", "MTA"),  # with CAMS's (NIMH multisite child psychiatry
    # trial of medication, behavioural therapy and their combination)
    ("NCT00144339", "NCT00268216", "UPLIFT"),  # with TORCH's (long-term maintenance inhaler in
    # COPD, lung function and mortality)
    ("NCT02597933", "NCT01335464", "SENSCIS"),  # with INPULSIS-1's (nintedanib, the same
    # sponsor, FVC decline)
    ("NCT01710358", "NCT02629159", "RA BEAM"),  # with SELECT-COMPARE's (a JAK inhibitor against
    # adalimumab on methotrexate)
    ("NCT02629159", "NCT01710358", "SELECT COMPARE"),  # SELECT-COMPARE with RA-BEAM's id
    ("NCT02994927", "NCT01791153", "ADVOCATE trial"),  # with GiACTA's (a glucocorticoid-sparing
    # drug in a systemic vasculitis)
    ("NCT03349060", "NCT03569293", "JADE MONO-1"),  # with Measure Up 1's (an oral JAK1
    # inhibitor in atopic dermatitis from age 12)
    ("NCT02277743", "NCT03349060", "LIBERTY AD SOLO-1"),  # dupilumab's SOLO 1 with JADE
    # Mono-1's id (moderate-to-severe atopic dermatitis monotherapy)
    ("NCT02684370", "NCT02207231", "UltIMMa 1"),  # with VOYAGE 1's (an IL-23 antibody in plaque
    # psoriasis)
    ("NCT01474512", "NCT02684370", "UNCOVER 1"),  # ixekizumab's UNCOVER-1 with UltIMMa-1's id
    ("NCT00509795", "NCT00593450", "VIEW-1"),  # with CATT's (anti-VEGF injections in
    # neovascular AMD, ranibizumab arms)
    ("NCT00345176", "NCT00509795", "AREDS2"),  # AREDS2 with VIEW 1's id (age-related macular
    # degeneration)
    ("NCT00952289", "NCT04052425", "COMFORT I"),  # with TRuE-V1's (ruxolitinib, Incyte)
    ("NCT04052425", "NCT00952289", "TRuE V1"),  # TRuE-V1 with COMFORT-I's id
    ("NCT01757535", "NCT02993523", "QUAZAR AML001"),  # with VIALE-A's (azacitidine in acute
    # myeloid leukaemia in older adults)
    ("NCT02993523", "NCT01757535", "VIALE A"),  # VIALE-A with QUAZAR AML-001's id
    ("NCT02604433", "NCT03682536", "BELIEVE"),  # with COMMANDS's (luspatercept against
    # transfusion dependence, Celgene)
    ("NCT01560052", "NCT03643965", "TESTING"),  # with NefIgArd's (a corticosteroid in IgA
    # nephropathy at risk of progression)
    ("NCT03762850", "NCT01560052", "PROTECT"),  # sparsentan's PROTECT with TESTING's id
    ("NCT02548351", "NCT03900429", "REGENERATE"),  # with MAESTRO-NASH's (NASH with fibrosis,
    # biopsy end points)
    ("NCT02811263", "NCT00233324", "HEAL"),  # with SUPPORT's (NICHD-funded newborn trial,
    # death or neurodevelopmental impairment)
    ("NCT01235546", "NCT01990612", "C-SOAP"),  # with ARRIVE's (a US labour and delivery trial)
    ("NCT03505723", "NCT01402882", "POISE III"),  # with CRASH-3's (tranexamic acid against
    # bleeding)
    ("NCT00872469", "NCT03505723", "WOMAN trial"),  # WOMAN (tranexamic acid after birth) with
    # POISE-3's id
)  # fmt: skip
# Off-topic: (title, id given); the comment says why the title is not the registered trial.
HOLDOUT18_TOPIC = (
    # Another comparator and length (TRANSFORMS): interferon beta-1a, 12 months.
    ("Oral fingolimod or intramuscular interferon for relapsing multiple sclerosis over one "
     "year", "NCT00289978"),
    # Another age group (PARADIGMS): FREEDOMS enrolled adults 18 to 55.
    ("Fingolimod versus interferon beta-1a in children and adolescents with multiple "
     "sclerosis", "NCT00289978"),
    # Presymptomatic infants, open label (NURTURE); CHERISH enrolled symptomatic children 2-12.
    ("Nusinersen initiated in infants with genetically diagnosed and presymptomatic spinal "
     "muscular atrophy", "NCT02292537"),
    # Another dose (DEVOTE).
    ("Higher-dose nusinersen in spinal muscular atrophy: loading doses of 50 mg and "
     "maintenance of 28 mg", "NCT02292537"),
    # Preschool children (PATS); MTA enrolled 7 to 9.9-year-olds.
    ("Efficacy and safety of immediate-release methylphenidate in preschoolers with ADHD",
     "NCT00000388"),
    # Another disease and country (Tie-COPD): tiotropium in early COPD in China.
    ("Tiotropium in patients with mild chronic obstructive pulmonary disease: a multicentre "
     "trial in China", "NCT00144339"),
    # Another disease (PrimoTinA-asthma): tiotropium added to ICS/LABA in asthma.
    ("Tiotropium add-on in adults with asthma poorly controlled despite inhaled "
     "glucocorticoids and long-acting beta-agonists", "NCT00144339"),
    # Another population (INBUILD): fibrosing ILDs other than SSc-ILD, progressive phenotype.
    ("Nintedanib in progressive fibrosing interstitial lung diseases", "NCT02597933"),
    # Another drug for systemic sclerosis (focuSSced), skin score as primary end point.
    ("Subcutaneous tocilizumab in early diffuse cutaneous systemic sclerosis", "NCT02597933"),
    # Another line (RA-BEACON): after TNF inhibitors, no adalimumab comparator.
    ("Baricitinib for rheumatoid arthritis refractory to tumour necrosis factor inhibitors",
     "NCT01710358"),
    # Another disease for the same drug (BREEZE-AD7).
    ("Baricitinib combined with topical corticosteroids for moderate-to-severe atopic "
     "dermatitis", "NCT01710358"),
    # Another intervention for ANCA vasculitis (PEXIVAS).
    ("Plasma exchange and glucocorticoid dosing in the treatment of ANCA-associated vasculitis",
     "NCT02994927"),
    # Another comparator and background (JADE COMPARE): against dupilumab, with topicals.
    ("Abrocitinib versus placebo or dupilumab for atopic dermatitis in adults receiving "
     "topical therapy", "NCT03349060"),
    # Another population (JADE TEEN): adolescents only, on background topical therapy.
    ("Abrocitinib combined with topical therapy in adolescents with moderate-to-severe atopic "
     "dermatitis", "NCT03349060"),
    # Another comparator (IMMerge): secukinumab, not ustekinumab and placebo.
    ("Risankizumab versus secukinumab for patients with moderate to severe plaque psoriasis",
     "NCT02684370"),
    # Another disease for the same drug (KEEPsAKE 1).
    ("Risankizumab for active psoriatic arthritis after inadequate response to conventional "
     "synthetic DMARDs", "NCT02684370"),
    # Another country's sister trial (VIEW 2): Europe, Asia-Pacific, Japan, Latin America.
    ("Intravitreal aflibercept injection in wet age-related macular degeneration: the "
     "European, Asia-Pacific and Latin American trial", "NCT00509795"),
    # Another dose and schedule (PULSAR).
    ("Aflibercept 8 mg at 12- or 16-week intervals in neovascular age-related macular "
     "degeneration", "NCT00509795"),
    # Prevention of onset in non-myopic children (LAMP2), not slowing progression.
    ("Low-concentration atropine for the prevention of myopia onset in non-myopic children",
     "NCT02130167"),
    # Another country (CHAMP-like, United States), another concentration pair.
    ("Atropine 0.01% and 0.02% eye drops for slowing myopia progression in children in the "
     "United States and Europe", "NCT02130167"),
    # Another comparator and region (COMFORT-II): best available therapy, Europe.
    ("Ruxolitinib versus best available therapy for myelofibrosis: a European randomized "
     "study", "NCT00952289"),
    # Another myeloproliferative disease (RESPONSE).
    ("Ruxolitinib or standard therapy in polycythemia vera resistant to or intolerant of "
     "hydroxyurea", "NCT00952289"),
    # Another disease for the same drug (AZA-MDS-003).
    ("Oral azacitidine in lower-risk myelodysplastic syndromes with red-cell transfusion "
     "dependence and thrombocytopenia", "NCT01757535"),
    # Another drug and setting (SORMAIN): after allogeneic transplant, FLT3-ITD only.
    ("Sorafenib maintenance after allogeneic haematopoietic stem-cell transplantation for "
     "FLT3-ITD-positive AML", "NCT01757535"),
    # Another population (BEYOND): non-transfusion-dependent thalassaemia.
    ("Luspatercept in adults with non-transfusion-dependent beta-thalassaemia", "NCT02604433"),
    # Another treatment for the same disease (Northstar-2): gene therapy.
    ("Betibeglogene autotemcel gene therapy in transfusion-dependent beta-thalassemia without "
     "a beta0/beta0 genotype", "NCT02604433"),
    # Another subtype: TESTING excluded crescentic IgA nephropathy.
    ("Pulse methylprednisolone and cyclophosphamide in crescentic IgA nephropathy with rapidly "
     "declining kidney function", "NCT01560052"),
    # Another country's trial and question (STOP-IgAN): Germany, supportive care alone.
    ("Supportive care with or without immunosuppression in IgA nephropathy: a German "
     "multicentre study", "NCT01560052"),
    # Another stage (REVERSE): compensated cirrhosis, which REGENERATE excluded.
    ("Obeticholic acid for compensated cirrhosis due to nonalcoholic steatohepatitis",
     "NCT02548351"),
    # Another liver disease for the same drug (POISE).
    ("Obeticholic acid in primary biliary cholangitis with an inadequate response to "
     "ursodiol", "NCT02548351"),
    # Another intervention and countries (HELIX): cooling itself, in South Asia.
    ("Whole-body hypothermia for neonatal encephalopathy in India, Sri Lanka and Bangladesh",
     "NCT02811263"),
    # Another population (PENUT): extremely preterm infants, not term HIE.
    ("High-dose erythropoietin for neuroprotection in infants born at 24 to 27 weeks",
     "NCT02811263"),
    # Another mode of birth and setting (A-PLUS): planned vaginal birth, low-income countries.
    ("A single oral dose of azithromycin in labour to prevent maternal and neonatal sepsis",
     "NCT01235546"),
    # Another question: timing of a standard cephalosporin, not an added macrolide.
    ("Cefazolin before skin incision versus after cord clamping at caesarean section",
     "NCT01235546"),
    # Another age group (FUTURE III): women 24 to 45.
    ("Quadrivalent HPV vaccine efficacy in women aged 24 to 45 years", "NCT00092534"),
    # Another sex and end point: anal precancer in men.
    ("Quadrivalent human papillomavirus vaccine against anal intraepithelial neoplasia in men "
     "who have sex with men", "NCT00092534"),
    # Another surgery (ATACAS): coronary artery surgery, which POISE-3 excluded.
    ("Tranexamic acid in patients undergoing coronary-artery bypass grafting", "NCT03505723"),
    # Another drug for perioperative ischaemia (POISE-2).
    ("Perioperative aspirin and clonidine in noncardiac surgery", "NCT03505723"),
)  # fmt: skip


def _holdout18_text(s: _Study) -> list[str]:
    name = s.acronym or s.brief.split(":")[0]
    # The acronym goes before the brief title only where the title does not already carry it.
    head = f"{s.acronym}: " if s.acronym and s.acronym not in s.brief else ""
    sponsor = s.sponsor.rstrip(".")
    term = name.replace(" ", "+").replace("/", "%2F")
    clipped = _clip(s.official, 18)
    clipped += "" if clipped.endswith("\u2026") else "."
    return [
        f"ClinicalTrials.gov [Internet]. Bethesda (MD): National Library of Medicine (US). 2000 "
        f"Feb 29 - . Identifier {s.nct}, {s.brief}; {_date_as(s.posted, 'nlm')} [cited 2025 Dec "
        f"6]; [about 4 screens]. Available from: https://clinicaltrials.gov/study/{s.nct}",
        f"{sponsor} ({s.year}) {head}{s.brief}. ClinicalTrials.gov identifier: {s.nct}. "
        f"Available at: https://www.clinicaltrials.gov/ct2/show/{s.nct}?term={term}&rank=1 "
        "[Accessed 6 Dec. 2025].",
        f"{name} \u2014 {clipped} Sponsored by {sponsor}; NCT number {s.nct}, "
        f"first posted {_date_as(s.posted, 'dots')}.",
        f"{s.official}. ClinicalTrials.gov ID: {s.nct}. Posted {_date_as(s.posted, 'ama')}. "
        f"Accessed December 6, 2025. http://clinicaltrials.gov/show/{s.nct}",
    ]


def _holdout18_bibtex(s: _Study, key: str) -> list[str]:
    brief, official, sponsor = map(_bib_escape, (s.brief, s.official, s.sponsor))
    head = f"{{{_bib_escape(s.acronym)}}}: " if s.acronym and s.acronym not in s.brief else ""
    return [
        f"@online{{{key}a,\n  title = {{{head}{brief}}},\n  organization = {{{sponsor}}},\n"
        f"  date = {{{s.posted or s.year}}},\n"
        f"  url = {{https://clinicaltrials.gov/study/{s.nct}?tab=history}},\n"
        "  urldate = {2025-12-06}\n}",
        f"@dataset{{{key}b,\n  author = {{{{{sponsor}}}}},\n  title = {{{official}}},\n"
        f"  publisher = {{ClinicalTrials.gov}},\n  number = {{{s.nct}}},\n"
        f"  year = {{{s.year}}}\n}}",
        f"@misc{{{key}c,\n  author = {{{{{sponsor}}}}},\n  title = {{{brief}}},\n"
        f"  note = {{ClinicalTrials.gov registration no. {s.nct}, first posted "
        f"{_long_date(s.posted)}}},\n  year = {{{s.year}}}\n}}",
        f"@article{{{key}d,\n  author = {{{{{sponsor}}}}},\n"
        f"  title = {{{head}{_bib_escape(_sentence_case(s.brief))}}},\n"
        "  journal = {ClinicalTrials.gov Registry},\n  year = {" + s.year + "},\n"
        f"  url = {{https://www.clinicaltrials.gov/ct2/show/study/{s.nct}?view=record}}\n}}",
    ]


# Wrong-name and off-topic citations of each held-out split: (text, BibTeX) templates, filled
# with the name as written, the cited trial's sponsor and short description, the off-topic
# title, the id given and the BibTeX key (``_bib`` forms escaped for BibTeX).
_WRONG_FORMS = {
    "holdout": (
        "The {name} trial. {sponsor}; ClinicalTrials.gov {given}.",
        "@misc{{{key},\n  title = {{{name} trial}},\n  note = {{{given}}},\n"
        "  organization = {{{sponsor_bib}}}\n}}",
    ),
    "holdout2": (
        "{name} Investigators. {about}. ClinicalTrials.gov identifier {given}.",
        "@misc{{{key},\n  author = {{{{{sponsor_bib}}}}},\n  title = {{The {name} trial}},\n"
        "  note = {{ClinicalTrials.gov {given}}}\n}}",
    ),
    "holdout3": (
        "{sponsor}. {name}: {about}. Registered {given}.",
        "@misc{{{key},\n  title = {{{name} study}},\n  howpublished = {{ClinicalTrials.gov}},\n"
        "  note = {{{given}}}\n}}",
    ),
    "holdout4": (
        "{sponsor}. The {name} trial. ClinicalTrials.gov ID: {given}.",
        "@misc{{{key},\n  title = {{{about_bib} ({name})}},\n"
        "  url = {{https://clinicaltrials.gov/study/{given}}}\n}}",
    ),
    "holdout5": (
        "{name} Trial Group. {about}. {sponsor}; NCT: {given}.",
        "@misc{{{key},\n  title = {{{about_sentence_bib}: the {name} trial}},\n"
        "  howpublished = {{\\url{{https://clinicaltrials.gov/ct2/show/{given}}}}}\n}}",
    ),
    "holdout6": (
        "{name} Investigators; {sponsor}. {about}. Available from: "
        "https://clinicaltrials.gov/study/{given}",
        "@misc{{{key},\n  author = {{{{The {name} Investigators}}}},\n  title = {{{about_bib}}},\n"
        "  note = {{NCT number: {given}}}\n}}",
    ),
    "holdout7": (
        "{sponsor} ({name} investigators). {about}. Trial ID {given}.",
        "@misc{{{key},\n  title = {{{name}: {about_sentence_bib}}},\n"
        "  note = {{Registration: {given}}}\n}}",
    ),
    "holdout8": (
        "{sponsor}. {name}: {about} [Internet]. ClinicalTrials.gov; identifier {given}.",
        "@online{{{key},\n  title = {{The {name} study: {about_sentence_bib}}},\n"
        "  organization = {{{sponsor_bib}}},\n"
        "  url = {{https://www.clinicaltrials.gov/study/{given}}}\n}}",
    ),
    "holdout9": (
        "{name} trial ({sponsor}). {about}. ClinicalTrials.gov Identifier {given} [cited 2025 "
        "Nov 20].",
        "@manual{{{key},\n  title = {{{name}: {about_sentence_bib}}},\n"
        "  organization = {{ClinicalTrials.gov}},\n  note = {{Identifier: {given}}}\n}}",
    ),
    "holdout10": (
        "{sponsor}. {about} \u2014 the {name} study. ClinicalTrials.gov registration {given} "
        "(accessed 3 December 2025).",
        "@online{{{key},\n  author = {{{{The {name} Trial Investigators}}}},\n"
        "  title = {{{about_sentence_bib}}},\n  eprint = {{{given}}},\n"
        "  eprinttype = {{ClinicalTrials.gov}}\n}}",
    ),
    "holdout11": (
        "{name} \u2013 {about} ({sponsor}). Updated 2024. Accessed December 6, 2025. "
        "https://clinicaltrials.gov/ct2/show/{given}",
        "@article{{{key},\n  title = {{{name}: {about_sentence_bib}}},\n"
        "  journal = {{ClinicalTrials.gov}},\n  number = {{{given}}},\n  year = {{2024}}\n}}",
    ),
    "holdout12": (
        "Registered at ClinicalTrials.gov as {given}: {name} ({sponsor}), {about}.",
        "@article{{{key},\n  author = {{{{{sponsor_bib}}}}},\n"
        "  title = {{{name}: {about_sentence_bib}}},\n  journal = {{ClinicalTrials.gov}},\n"
        "  eid = {{{given}}}\n}}",
    ),
    "holdout13": (
        "{name} Steering Committee. {about}: protocol and registration. {sponsor}. "
        "ClinicalTrials.gov: {given} (cited 6 Dec 2025).",
        "@techreport{{{key},\n  title = {{{name}: {about_sentence_bib}}},\n"
        "  institution = {{{sponsor_bib}}},\n  type = {{ClinicalTrials.gov registration}},\n"
        "  number = {{{given}}}\n}}",
    ),
    "holdout14": (
        "{sponsor} (2024) \u2018{name} \u2014 {about}\u2019, ClinicalTrials.gov record {given}. "
        "Available at: www.clinicaltrials.gov/study/{given} (Accessed: 6 December 2025).",
        "@online{{{key},\n  author = {{{{{sponsor_bib}}}}},\n  title = {{{name}}},\n"
        "  titleaddon = {{{about_sentence_bib}}},\n  eprint = {{{given}}},\n"
        "  eprinttype = {{clinicaltrials}},\n  urldate = {{2025-12-06}}\n}}",
    ),
    "holdout15": (
        "{name} ({about}). {sponsor}. ClinicalTrials.gov ID {given}. "
        "https://clinicaltrials.gov/ct2/show/record/{given}",
        "@manual{{{key},\n  title = {{{name}: {about_sentence_bib}}},\n"
        "  organization = {{{sponsor_bib}}},\n  howpublished = {{ClinicalTrials.gov, {given}}},\n"
        "  year = {{2022}}\n}}",
    ),
    "holdout16": (
        "{name} investigators ({sponsor}). Trial of {about}. ClinicalTrials.gov registration "
        "{given}; accessed 6 Dec 2025. https://clinicaltrials.gov/ct2/show/record/{given}",
        "@techreport{{{key},\n  author = {{{{{sponsor_bib}}}}},\n"
        "  title = {{{name} trial: {about_sentence_bib}}},\n"
        "  institution = {{ClinicalTrials.gov}},\n  type = {{Registry record}},\n"
        "  number = {{{given}}},\n  year = {{2024}}\n}}",
    ),
    "holdout17": (
        "{sponsor}. {name}: {about}. In: ClinicalTrials.gov [Internet]. Bethesda (MD): National "
        "Library of Medicine (US). NLM Identifier: {given}. "
        "https://clinicaltrials.gov/study/{given}?tab=overview",
        "@online{{{key},\n  author = {{{{{sponsor_bib}}}}},\n"
        "  title = {{{name} -- {about_sentence_bib}}},\n"
        "  url = {{https://www.clinicaltrials.gov/study/{given}}},\n  date = {{2023-04}}\n}}",
    ),
    "holdout18": (
        "{sponsor}. {name}: {about}. ClinicalTrials.gov identifier: {given}. Cited 2025 Dec 6. "
        "Available from: https://clinicaltrials.gov/ct2/show/study/{given}",
        "@online{{{key},\n  author = {{{{{sponsor_bib}}}}},\n"
        "  title = {{{name}: {about_sentence_bib}}},\n  eprinttype = {{ClinicalTrials.gov}},\n"
        "  eprint = {{{given}}},\n  date = {{2023-06}}\n}}",
    ),
}
_TOPIC_FORMS = {
    "holdout": (
        "Garcia M, Lee H. {title}. ClinicalTrials.gov {given}; 2021.",
        "@misc{{{key},\n  title = {{{title}}},\n"
        "  url = {{https://clinicaltrials.gov/study/{given}}}\n}}",
    ),
    "holdout2": (
        "Okafor C, Lindqvist E. {title}. ClinicalTrials.gov identifier {given}; 2020.",
        "@misc{{{key},\n  title = {{{title_bib}}},\n  howpublished = {{ClinicalTrials.gov}},\n"
        "  number = {{{given}}}\n}}",
    ),
    "holdout3": (
        "Haddad R, Novak P, Sato Y. {title}. {given}. 2019.",
        "@online{{{key},\n  title = {{{title_bib}}},\n"
        "  url = {{https://clinicaltrials.gov/ct2/show/{given}}}\n}}",
    ),
    "holdout4": (
        "Mensah K, Ivanova L. {title}. ClinicalTrials.gov ID: {given} (2018).",
        "@misc{{{key},\n  title = {{{title_bib}}},\n  year = {{2018}},\n"
        "  note = {{ClinicalTrials.gov identifier {given}}}\n}}",
    ),
    "holdout5": (
        "Nakamura T, Oyelaran F, Costa B. {title} (NCT registration {given}). 2023.",
        "@unpublished{{{key},\n  author = {{Nakamura, T. and Costa, B.}},\n"
        "  title = {{{title_bib}}},\n  note = {{ClinicalTrials.gov: {given}}},\n"
        "  year = {{2023}}\n}}",
    ),
    "holdout6": (
        "Adeyemi O, Brandt S, Wu X. {title}. ClinicalTrials.gov, {given}; 2022.",
        "@misc{{{key},\n  author = {{Adeyemi, O. and Wu, X.}},\n  title = {{{title_bib}}},\n"
        "  howpublished = {{\\url{{https://clinicaltrials.gov/study/{given}}}}},\n"
        "  year = {{2022}}\n}}",
    ),
    "holdout7": (
        "Lindgren A, Mbeki T. {title}. Registered at ClinicalTrials.gov ({given}), 2021.",
        "@online{{{key},\n  author = {{Lindgren, A. and Mbeki, T.}},\n  title = {{{title_bib}}},\n"
        "  eprint = {{{given}}},\n  url = {{https://clinicaltrials.gov/study/{given}}}\n}}",
    ),
    "holdout8": (
        "Ferreira L, Kowalczyk J, Osei A. {title} [Internet]. ClinicalTrials.gov. Identifier: "
        "{given}. 2022.",
        "@techreport{{{key},\n  author = {{Ferreira, L. and Osei, A.}},\n"
        "  title = {{{title_bib}}},\n  institution = {{ClinicalTrials.gov}},\n"
        "  number = {{{given}}},\n  year = {{2022}}\n}}",
    ),
    "holdout9": (
        "Moreau C, Tanaka R, Abiodun F. {title}. ClinicalTrials.gov. Identifier {given}; 2024 "
        "[cited 2025 Nov 20]. Available from: https://clinicaltrials.gov/study/{given}",
        "@dataset{{{key},\n  author = {{Moreau, C. and Abiodun, F.}},\n  title = {{{title_bib}}},\n"
        "  publisher = {{ClinicalTrials.gov}},\n"
        "  url = {{https://clinicaltrials.gov/ct2/show/record/{given}}},\n  year = {{2024}}\n}}",
    ),
    "holdout10": (
        "Petrov D, Achterberg M, Silva J. {title}. Trial registration: ClinicalTrials.gov "
        "{given}. Updated 2023 Mar 14.",
        "@misc{{{key},\n  author = {{Petrov, D. and Silva, J.}},\n  title = {{{title_bib}}},\n"
        "  howpublished = {{ClinicalTrials.gov registry}},\n"
        "  note = {{Identifier {given}; updated 14 March 2023}},\n  year = {{2023}}\n}}",
    ),
    "holdout11": (
        "Okonkwo CE, Haugen I, Rahman S. {title}. ClinicalTrials.gov identifier {given}. Posted "
        "12 May 2021; accessed 6 Dec 2025.",
        "@manual{{{key},\n  author = {{Okonkwo, C. E. and Rahman, S.}},\n"
        "  title = {{{title_bib}}},\n  organization = {{U.S. National Library of Medicine}},\n"
        "  note = {{ClinicalTrials.gov ID {given}}},\n"
        "  url = {{https://ClinicalTrials.gov/show/{given}}},\n  year = {{2021}}\n}}",
    ),
    "holdout12": (
        "Brennan S, Oduya K, Halvorsen T, et al. {title}. ClinicalTrials.gov identifier: "
        "{given}. Updated June 2, 2024. Accessed November 28, 2025. "
        "https://www.clinicaltrials.gov/study/{given}",
        "@online{{{key},\n  author = {{Brennan, S. and Oduya, K. and Halvorsen, T.}},\n"
        "  title = {{{title_bib}}},\n  organization = {{ClinicalTrials.gov}},\n"
        "  url = {{https://clinicaltrials.gov/ct2/show/{given}?cond=&rank=1}},\n"
        "  urldate = {{2025-11-28}},\n  year = {{2024}}\n}}",
    ),
    "holdout13": (
        "Vasquez-Ruiz A, Lindholm E, Mwangi P. {title}. NLM identifier: {given}. "
        "ClinicalTrials.gov; 2022 (last update posted 2024 Feb 2).",
        "@online{{{key},\n  author = {{Vasquez-Ruiz, Ana and Mwangi, Peter}},\n"
        "  title = {{{title_bib}}},\n  organization = {{ClinicalTrials.gov}},\n"
        "  url = {{https://www.clinicaltrials.gov/study/{given}?tab=table}},\n"
        "  date = {{2022-05}}\n}}",
    ),
    "holdout14": (
        "Lindahl E, Mwangi P, Castellanos R, et al. {title}. ClinicalTrials.gov; 2023. Accessed "
        "December 6, 2025. https://beta.clinicaltrials.gov/study/{given}",
        "@misc{{{key},\n  author = {{Lindahl, Elin and Mwangi, Peter and Castellanos, Rosa}},\n"
        "  title = {{{title_bib}}},\n  howpublished = {{ClinicalTrials.gov}},\n"
        "  note = {{Registry record {given}, accessed 6 December 2025}},\n  year = {{2023}}\n}}",
    ),
    "holdout15": (
        "Okonkwo CA, Haugland T, Ribeiro-Santos L. {title}. ClinicalTrials.gov ID {given}. "
        "Updated 2024-03-11. https://clinicaltrials.gov/study/{given}?tab=history",
        "@dataset{{{key},\n  author = {{Okonkwo, Chiamaka A. and Haugland, Tor}},\n"
        "  title = {{{title_bib}}},\n  publisher = {{U.S. National Library of Medicine}},\n"
        "  number = {{{given}}},\n  url = {{https://clinicaltrials.gov/ct2/show/record/{given}}},\n"
        "  year = {{2023}}\n}}",
    ),
    "holdout16": (
        "Achebe N, S\u00f8rensen K, Iqbal F. {title} [registry entry]. ClinicalTrials.gov; "
        "{given}. Last updated 2024-09-17.",
        "@manual{{{key},\n  author = {{Achebe, Ngozi and Iqbal, Farhan}},\n"
        "  title = {{{title_bib}}},\n  organization = {{National Library of Medicine (US)}},\n"
        "  note = {{ClinicalTrials.gov: {given}}},\n"
        "  url = {{https://clinicaltrials.gov/study/{given}?term={given}}},\n  year = {{2024}}\n}}",
    ),
    "holdout17": (
        "Halvorsen IB, Nkemelu OA, de la Cruz M. {title}. ClinicalTrials.gov; NCT number "
        "{given}. First posted 3 Feb 2022.",
        "@misc{{{key},\n  author = {{Halvorsen, Ingrid B. and de la Cruz, Miguel}},\n"
        "  title = {{{title_bib}}},\n  howpublished = {{Registry entry, ClinicalTrials.gov}},\n"
        "  eprint = {{{given}}},\n  eprinttype = {{ClinicalTrials.gov}},\n  year = {{2022}}\n}}",
    ),
    "holdout18": (
        "Rautio K, Oyelowo B, Tanabe M, Fischer-Lund A. {title}. ClinicalTrials.gov registration "
        "no. {given}; first posted 2021-09-14. https://classic.clinicaltrials.gov/ct2/show/{given}",
        "@misc{{{key},\n  author = {{Rautio, Kaisa and Oyelowo, Bisi and Tanabe, Mei}},\n"
        "  title = {{{title_bib}}},\n  howpublished = {{ClinicalTrials.gov}},\n"
        "  url = {{https://clinicaltrials.gov/study/{given}?tab=results}},\n  year = {{2021}}\n}}",
    ),
}


@dataclass(frozen=True)
class _Split:
    """A held-out split: its studies, its citation templates, its wrong pairs and topics."""

    tag: str  # case ids and BibTeX keys of wrong citations start with it
    key: str  # BibTeX keys of real citations start with it
    studies: str  # the file of the split's own studies ("studies.jsonl" for holdout)
    text: Callable[[_Study], list[str]]
    bibtex: Callable[[_Study, str], list[str]]
    wrong: tuple[str, str]  # text and BibTeX templates of a wrong name (``_WRONG_FORMS``)
    topic: tuple[str, str]  # and of an off-topic title (``_TOPIC_FORMS``)
    pairs: Sequence[tuple[str, ...]]  # (cited, id given[, the name as written])
    topics: Sequence[tuple[str, str]]  # (off-topic title, id given)


_SPLIT_PARTS = {
    "holdout": ("h", "h", "studies.jsonl", _holdout_text, _holdout_bibtex,
                HOLDOUT_ACRONYM_PAIRS, HOLDOUT_TOPIC),
    "holdout2": ("h2", "k", "studies2.jsonl", _holdout2_text, _holdout2_bibtex,
                 HOLDOUT2_ACRONYM_PAIRS, HOLDOUT2_TOPIC),
    "holdout3": ("h3", "q", "studies3.jsonl", _holdout3_text, _holdout3_bibtex,
                 HOLDOUT3_ACRONYM_PAIRS, HOLDOUT3_TOPIC),
    "holdout4": ("h4", "v", "studies4.jsonl", _holdout4_text, _holdout4_bibtex,
                 HOLDOUT4_ACRONYM_PAIRS, HOLDOUT4_TOPIC),
    "holdout5": ("h5", "z", "studies5.jsonl", _holdout5_text, _holdout5_bibtex,
                 HOLDOUT5_ACRONYM_PAIRS, HOLDOUT5_TOPIC),
    "holdout6": ("h6", "w", "studies6.jsonl", _holdout6_text, _holdout6_bibtex,
                 HOLDOUT6_ACRONYM_PAIRS, HOLDOUT6_TOPIC),
    "holdout7": ("h7", "x", "studies7.jsonl", _holdout7_text, _holdout7_bibtex,
                 HOLDOUT7_ACRONYM_PAIRS, HOLDOUT7_TOPIC),
    "holdout8": ("h8", "y", "studies8.jsonl", _holdout8_text, _holdout8_bibtex,
                 HOLDOUT8_ACRONYM_PAIRS, HOLDOUT8_TOPIC),
    "holdout9": ("h9", "u", "studies9.jsonl", _holdout9_text, _holdout9_bibtex,
                 HOLDOUT9_ACRONYM_PAIRS, HOLDOUT9_TOPIC),
    "holdout10": ("h10", "j", "studies10.jsonl", _holdout10_text, _holdout10_bibtex,
                  HOLDOUT10_ACRONYM_PAIRS, HOLDOUT10_TOPIC),
    "holdout11": ("h11", "g", "studies11.jsonl", _holdout11_text, _holdout11_bibtex,
                  HOLDOUT11_ACRONYM_PAIRS, HOLDOUT11_TOPIC),
    "holdout12": ("h12", "f", "studies12.jsonl", _holdout12_text, _holdout12_bibtex,
                  HOLDOUT12_ACRONYM_PAIRS, HOLDOUT12_TOPIC),
    "holdout13": ("h13", "e", "studies13.jsonl", _holdout13_text, _holdout13_bibtex,
                  HOLDOUT13_ACRONYM_PAIRS, HOLDOUT13_TOPIC),
    "holdout14": ("h14", "b", "studies14.jsonl", _holdout14_text, _holdout14_bibtex,
                  HOLDOUT14_ACRONYM_PAIRS, HOLDOUT14_TOPIC),
    "holdout15": ("h15", "c", "studies15.jsonl", _holdout15_text, _holdout15_bibtex,
                  HOLDOUT15_ACRONYM_PAIRS, HOLDOUT15_TOPIC),
    "holdout16": ("h16", "a", "studies16.jsonl", _holdout16_text, _holdout16_bibtex,
                  HOLDOUT16_ACRONYM_PAIRS, HOLDOUT16_TOPIC),
    "holdout17": ("h17", "o", "studies17.jsonl", _holdout17_text, _holdout17_bibtex,
                  HOLDOUT17_ACRONYM_PAIRS, HOLDOUT17_TOPIC),
    "holdout18": ("h18", "p", "studies18.jsonl", _holdout18_text, _holdout18_bibtex,
                  HOLDOUT18_ACRONYM_PAIRS, HOLDOUT18_TOPIC),
}  # fmt: skip
SPLITS = {
    name: _Split(tag, key, file, text, bib, _WRONG_FORMS[name], _TOPIC_FORMS[name], pairs, topics)
    for name, (tag, key, file, text, bib, pairs, topics) in _SPLIT_PARTS.items()
}
# The files of constructed studies, in the order the splits were written.
STUDY_FILES = ("studies.jsonl", "studies2.jsonl", "studies3.jsonl", "studies4.jsonl",
               "studies5.jsonl", "studies6.jsonl", "studies7.jsonl", "studies8.jsonl",
               "studies9.jsonl", "studies10.jsonl", "studies11.jsonl",
               "studies12.jsonl", "studies13.jsonl", "studies14.jsonl",
               "studies15.jsonl", "studies16.jsonl", "studies17.jsonl",
               "studies18.jsonl")  # fmt: skip


def _held_out(split: _Split) -> list[TrialCase]:
    """Every case of one held-out split: its studies cited in its templates, then the wrong
    names and the off-topic titles, each in text and BibTeX."""
    own = studies() if split.studies == "studies.jsonl" else _jsonl(split.studies)
    new = _by_id(own)
    every = {**_by_id(studies()), **_by_id(constructed_studies())}
    t = split.tag
    cases: list[TrialCase] = []
    for n, s in enumerate(new.values()):
        for i, text in enumerate(split.text(s)):
            cases.append(TrialCase(f"{t}-text-{s.nct}-{i}", "real-text", "text", text, s.nct,
                                   "verified"))  # fmt: skip
        for i, entry in enumerate(split.bibtex(s, f"{split.key}{n}")):
            cases.append(TrialCase(f"{t}-bib-{s.nct}-{i}", "real-bibtex", "bibtex", entry, s.nct,
                                   "verified"))  # fmt: skip
    for cited, given, *how in split.pairs:
        a = every[cited]
        name = how[0] if how else str(a.acronym)
        about = _about(a)
        text, entry = (
            form.format(name=name, given=given, key=f"{t}{cited}", sponsor=a.sponsor,
                        sponsor_bib=_bib_escape(a.sponsor), about=about,
                        about_bib=_bib_escape(about),
                        about_sentence_bib=_bib_escape(_sentence_case(about)))
            for form in split.wrong
        )  # fmt: skip
        cases.append(TrialCase(f"{t}-acr-text-{cited}", "wrong-acronym", "text", text, given,
                               "mismatch"))  # fmt: skip
        cases.append(TrialCase(f"{t}-acr-bib-{cited}", "wrong-acronym", "bibtex", entry, given,
                               "mismatch"))  # fmt: skip
    for i, (title, given) in enumerate(split.topics):
        text, entry = (
            form.format(title=title, title_bib=_bib_escape(title), given=given, key=f"{t}t{i}")
            for form in split.topic
        )
        cases.append(TrialCase(f"{t}-topic-text-{i}", "wrong-topic", "text", text, given,
                               "mismatch"))  # fmt: skip
        cases.append(TrialCase(f"{t}-topic-bib-{i}", "wrong-topic", "bibtex", entry, given,
                               "mismatch"))  # fmt: skip
    return cases


def _id_cases() -> Iterator[TrialCase]:
    yield TrialCase(
        "malformed-short",
        "malformed",
        "text",
        "AstraZeneca. Dapagliflozin in heart failure (DAPA-HF). ClinicalTrials.gov identifier: "
        "NCT0303612. Accessed 2024.",
        "NCT0303612",
        "malformed",
    )
    yield TrialCase(
        "malformed-bib",
        "malformed",
        "bibtex",
        "@misc{m1,\n  title = {Semaglutide in obesity},\n  url = {https://clinicaltrials.gov/study/"
        "NCT035489351}\n}",
        "NCT035489351",
        "malformed",
    )
    yield TrialCase(
        "not-issued",
        "not-issued",
        "text",
        "Johnson L. Exosome serum for skin ageing. ClinicalTrials.gov identifier: NCT12345678.",
        "NCT12345678",
        "fabricated",
    )
    yield TrialCase(
        "unknown-id",
        "unknown-id",
        "bibtex",
        "@misc{u1,\n  title = {Exosome serum for skin ageing},\n  note = {ClinicalTrials.gov "
        "identifier: NCT05999999}\n}",
        "NCT05999999",
        "fabricated",
    )
    yield TrialCase(
        "chictr",
        "other-registry",
        "text",
        "Wang Y. Remdesivir in adults with severe COVID-19. Chinese Clinical Trial Registry: "
        "ChiCTR2000029308.",
        "ChiCTR2000029308",
        "unresolved",
    )
    yield TrialCase(
        "eudract-linked",
        "other-registry",
        "text",
        "AstraZeneca. Dapagliflozin in heart failure with reduced ejection fraction (DAPA-HF). "
        "EudraCT 2016-003290-34; ClinicalTrials.gov identifier: NCT03036124.",
        "2016-003290-34",
        "verified",
    )
    yield TrialCase(
        "eudract-only",
        "other-registry",
        "text",
        "Novo Nordisk A/S. Semaglutide 2.4 mg once weekly in adults with overweight or obesity "
        "(STEP 1). EU Clinical Trials Register, EudraCT Number 2017-003960-16.",
        "2017-003960-16",
        "verified",
    )
    yield TrialCase(
        "eudract-unlisted",
        "other-registry",
        "bibtex",
        "@misc{e2,\n  title = {Honey dressings for venous leg ulcers},\n  howpublished = {EU "
        "Clinical Trials Register},\n  note = {EudraCT 2011-004120-33}\n}",
        "2011-004120-33",
        "unresolved",
    )
    yield TrialCase(
        "isrctn-real",
        "isrctn",
        "bibtex",
        "@misc{i1,\n  title = {Clinical Randomisation of an Antifibrinolytic in Significant "
        "Haemorrhage (CRASH-2)},\n  url = {https://www.isrctn.com/ISRCTN86750102}\n}",
        "ISRCTN86750102",
        "verified",
    )
    yield TrialCase(
        "isrctn-unknown", "isrctn", "text",
        "Brown K. Honey dressings for leg ulcers. ISRCTN registry: ISRCTN12345678.",
        "ISRCTN12345678", "fabricated",
    )  # fmt: skip


def write_inputs(cases: Sequence[TrialCase], folder: Path) -> dict[str, Path]:
    """One input file per format; returns {format: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    by_format: dict[str, list[TrialCase]] = {}
    for case in cases:
        by_format.setdefault(case.format, []).append(case)
    for fmt, group in by_format.items():
        if fmt == "text":
            body = "References\n\n" + "\n".join(f"{i}. {c.body}" for i, c in enumerate(group, 1))
            path = folder / "trials.txt"
        elif fmt == "bibtex":
            body = "\n\n".join(c.body for c in group) + "\n"
            path = folder / "trials.bib"
        elif fmt == "ris":
            body = "\n".join(c.body for c in group)
            path = folder / "trials.ris"
        else:
            body = "[" + ",\n".join(c.body for c in group) + "]\n"
            path = folder / "trials.json"
        path.write_text(body + "\n", encoding="utf-8")
        out[fmt] = path
    return out


__all__ = [
    "REAL",
    "SPLITS",
    "WRONG",
    "TrialCase",
    "articles",
    "build",
    "constructed_studies",
    "isrctn_trials",
    "studies",
    "write_inputs",
]
