"""The words a trial's record and a citation are compared by, and what each word weighs.

A word common in general English weighs almost nothing (weights from its Zipf frequency in
``wordfreq``'s English list: "cell", "heart", "patients" say little; "psoriasis", "vitiligo",
"dapagliflozin" a lot), and trial boilerplate ("study", "randomized", "placebo") and citation
boilerplate ("ClinicalTrials.gov identifier", "accessed", "first posted") nothing at all. Words
are compared by their Snowball stems, and a stem may stand for a longer one ("diet" / "dietary").
The word lists here are data: the rules that use them are in ``trialtopic`` and ``trials``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from veribib.judge.normalise import STOPWORDS, words, wordset

# Zipf frequency (log10 per billion words) at and above which a word weighs nothing; each
# step of SPAN below it adds one unit of weight, up to MAX_WEIGHT.
COMMON_ZIPF = 5.0
SPAN = 2.0
MAX_WEIGHT = 1.5
# An acronym whose word is at least this frequent (Zipf) is an English word too.
WORD_ZIPF = 3.0
# A cited word weighing less than this is not counted as a word the trial lacks.
INFORMATIVE = 0.3

# Words every trial title or registration citation uses; they say nothing about the topic.
GENERIC = wordset(
    "study studies trial trials clinical clinically randomized randomised randomization "
    "controlled control phase patients patient participants subjects people persons "
    "volunteers effect effects efficacy effectiveness safety tolerability immunogenicity "
    "pharmacokinetics evaluation evaluate evaluating investigate investigating investigation "
    "assess assessing assessment compare comparing comparison analysis review systematic "
    "results outcome outcomes treatment treatments treated therapy therapies open label "
    "double blind blinded masked placebo versus single multicenter multicentre multi center "
    "international pilot cohort group groups adults adult healthy use using based new novel "
    "role human humans prospective retrospective observational interventional feasibility "
    "dose doses dosing regimen administered administration intravenous oral subcutaneous "
    "intramuscularly combination standard care added addition prior line after before "
    "learn called medicine medicines works well how people suffering research investigators"
)
# Citation boilerplate around a registration ("ClinicalTrials.gov [Internet]. Bethesda (MD):
# National Library of Medicine (US). Identifier NCT0..., first posted ...; accessed ...").
BOILERPLATE = wordset(
    "clinicaltrials gov identifier accessed access first posted last updated update available "
    "online internet bethesda md national library medicine us registry registered registration "
    "number http https www org com retrieved cited record show ct2 classic january february "
    "march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec isrctn eudract ctis anzctr chictr drks ctri jrct umin "
    "kct identifier nct id sponsor sponsors sponsored"
)
# What a study asks of people rather than of a therapy: a citation whose subject is one of these
# and whose trial record never mentions it ("vaccine awareness", "therapy adherence") is
# another study of the trial's therapy, however well it names it.
BEHAVIOUR = wordset(
    "awareness adherence nonadherence compliance attitudes attitude knowledge perceptions "
    "perception beliefs hesitancy acceptability acceptance uptake literacy preferences "
    "misconceptions"
    # and of a therapy's use, supply or price rather than its effect ("prescribing patterns",
    # "shortages", "cost-effectiveness", "drug interactions", "biosimilar")
    " cost costs costly price prices pricing reimbursement insurance affordability expenditure"
    " expenditures spending sales marketing shortage shortages prescribing prescription"
    " prescriptions prescribers dispensing formulary formularies utilization utilisation"
    " interaction interactions misuse diversion counterfeit biosimilar biosimilars"
)
# What a citation may say it is that no registered trial of a therapy in people is: a study
# of trials (meta-analysis, review), of records (claims, registry data), of opinions (survey,
# interviews), of posts (social media), of one patient (case report), of animals or cells.
OTHER_DESIGNS = re.compile(
    r"\b(?:meta-?analys[ie]s|(?:systematic|scoping|narrative|literature)\s+review|"
    r"umbrella\s+review|surveys?|case\s+(?:reports?|series)|claims\s+(?:database|data)|"
    r"real-world|qualitative|interviews|focus\s+groups?|cross-sectional|case-control|"
    r"pharmacovigilance|chart\s+review|social\s+media|twitter|reddit|facebook|youtube|"
    r"in\s+vitro|in\s+silico|mouse|mice|murine|rats?|rodents?|dogs?|canine|porcine|pigs?|"
    r"zebrafish|primates|animal\s+models?|cell\s+lines?|preclinical|xenografts?"
    # a trial's extension or long-term follow-up is registered on its own
    r"|(?:open-label|long-term)\s+extension|extension\s+(?:study|trial|phase))\b",
    re.IGNORECASE,
)
# Whom a citation says it studies, by age in years (from, to): a trial whose eligible ages
# nowhere meet these enrolled other people ("adults" on a trial of infants). "Older" counts
# only before people ("older adults"); "adult-onset" and "childhood-onset" name a disease's
# form, "Children's Hospital" a place: neither is whom a study enrols.
AGE_GROUPS: dict[str, tuple[float, float]] = {
    **dict.fromkeys(("neonates", "neonate", "neonatal", "newborns", "newborn"), (0.0, 0.1)),
    **dict.fromkeys(("infants", "infant", "infancy"), (0.0, 2.0)),
    **dict.fromkeys(("toddlers", "preschoolers", "preschool"), (1.0, 6.0)),
    **dict.fromkeys(("children", "child", "paediatric", "pediatric", "kids"), (0.0, 18.0)),
    **dict.fromkeys(("adolescents", "adolescent", "teenagers", "teens"), (12.0, 18.0)),
    **dict.fromkeys(("adults", "adult"), (18.0, 200.0)),
    **dict.fromkeys(("elderly", "older"), (65.0, 200.0)),
}
AGE_WORDS = re.compile(
    r"\b(?:neonat(?:es?|al)|newborns?|infan(?:ts?|cy)|toddlers|preschool(?:ers)?|children|child"
    r"|p(?:a)?ediatric|kids|adolescents?|teen(?:ager)?s|adults?|elderly"
    r"|older(?=\s+(?:adults|people|persons|patients|women|men|individuals|population)))\b"
    r"(?![-\s]onset|['\u2019]s)",
    re.IGNORECASE,
)
# Ages a citation writes out: a range ("aged 2 through 5 years", "6-11 years old", "18 to 65
# years of age"), a floor ("aged 65 years or older") or a ceiling ("under 5 years"). A bare
# span of years ("for 2 to 5 years") is a duration, not an age.
_NUM = r"(\d{1,3}(?:\.\d)?)"
_UNIT = r"(years?|yrs?|months?|weeks?)"
AGE_RANGE = re.compile(
    rf"\bage[sd]?\s+{_NUM}\s*(?:-|\u2013|to|through|and)\s*[<\u2264]?\s*{_NUM}\s*{_UNIT}?"
    rf"|\b{_NUM}\s*(?:-|\u2013|to|through)\s*{_NUM}[-\s]{_UNIT}[-\s](?:old|of\s+age)\b",
    re.IGNORECASE,
)
AGE_FLOOR = re.compile(
    rf"\bage[sd]?\s+(?:over\s+|above\s+|\u2265\s*|>=\s*)?{_NUM}\s*{_UNIT}?\s*(?:of\s+age\s+)?"
    r"(?:and|or)\s+(?:older|over|above)\b",
    re.IGNORECASE,
)
AGE_CEILING = re.compile(
    rf"\b(?:aged?\s+)?(?:under|younger\s+than|below|less\s+than)\s+{_NUM}\s*{_UNIT}",
    re.IGNORECASE,
)
# A numbered form of a disease ("type 1 diabetes", "stage III", "grade 2"), or a range of them
# ("stage II-IV"): another number than every one its record writes is another disease.
NUMBERED = re.compile(
    r"\b(type|stage|grade)\s+(\d{1,2}|iv|v?i{1,3}|v)[a-c]?"
    r"(?:\s*(?:-|\u2013|to|or|and|/)\s*(?:type\s+|stage\s+|grade\s+)?(\d{1,2}|iv|v?i{1,3}|v)[a-c]?)?\b",
    re.IGNORECASE,
)
# Countries a citation may name ("in Japan", "Japanese patients"): how ClinicalTrials.gov writes
# each among a record's sites (small letters), then the words that name it.
_COUNTRY_TEXT = """
united states: United States, USA, US, U.S., America, American, Americans
canada: Canada, Canadian, Canadians
united kingdom: United Kingdom, UK, U.K., Britain, British, England, English, Scotland, Scottish,
  Wales, Welsh
ireland: Ireland, Irish
france: France, French
germany: Germany, German
italy: Italy, Italian
spain: Spain, Spanish
portugal: Portugal, Portuguese
netherlands: Netherlands, Dutch
belgium: Belgium, Belgian
switzerland: Switzerland, Swiss
austria: Austria, Austrian
sweden: Sweden, Swedish
norway: Norway, Norwegian
denmark: Denmark, Danish
finland: Finland, Finnish
poland: Poland, Polish
greece: Greece, Greek
russia: Russia, Russian
turkey: Turkey, Turkish, Türkiye
israel: Israel, Israeli
iran: Iran, Iranian
egypt: Egypt, Egyptian
china: China, Chinese
japan: Japan, Japanese
korea: Korea, Korean
taiwan: Taiwan, Taiwanese
india: India, Indian
pakistan: Pakistan, Pakistani
bangladesh: Bangladesh, Bangladeshi
thailand: Thailand, Thai
viet nam: Vietnam, Viet Nam, Vietnamese
singapore: Singapore, Singaporean
malaysia: Malaysia, Malaysian
indonesia: Indonesia, Indonesian
philippines: Philippines, Filipino
australia: Australia, Australian, Australians
new zealand: New Zealand
brazil: Brazil, Brazilian
mexico: Mexico, Mexican
argentina: Argentina, Argentinian, Argentine
chile: Chile, Chilean
colombia: Colombia, Colombian
south africa: South Africa, South African
nigeria: Nigeria, Nigerian
kenya: Kenya, Kenyan
uganda: Uganda, Ugandan
"""
# Regions: the words that name one, and the countries above it takes in.
_REGION_TEXT = """
Europe, European: united kingdom, ireland, france, germany, italy, spain, portugal, netherlands,
  belgium, switzerland, austria, sweden, norway, denmark, finland, poland, greece, russia, czechia,
  hungary, romania, bulgaria, croatia, slovakia, slovenia, serbia, estonia, latvia, lithuania,
  luxembourg, iceland, ukraine
Scandinavia, Scandinavian, Nordic: sweden, norway, denmark, finland, iceland
Asia, Asian: china, japan, korea, taiwan, india, pakistan, bangladesh, thailand, viet nam,
  singapore, malaysia, indonesia, philippines, hong kong
Africa, African: south africa, nigeria, kenya, uganda, egypt, ghana, tanzania, malawi, zambia,
  zimbabwe, ethiopia, rwanda, mozambique, botswana, cameroon, senegal, mali, burkina faso
Latin America, Latin American, South America, South American: brazil, mexico, argentina, chile,
  colombia, peru, venezuela, ecuador, guatemala, costa rica, uruguay, panama
"""


def _places() -> dict[str, frozenset[str]]:
    """Each word naming a place, and the countries (as records write them) it takes in."""
    out: dict[str, frozenset[str]] = {}
    for line in re.sub(r"\n\s+", " ", _COUNTRY_TEXT).strip().splitlines():
        country, names = line.split(":")
        for name in names.split(","):
            out[name.strip()] = frozenset((country.strip(),))
    for line in re.sub(r"\n\s+", " ", _REGION_TEXT).strip().splitlines():
        names, countries = line.split(":")
        taken = frozenset(c.strip() for c in countries.split(","))
        for name in names.split(","):
            out[name.strip()] = taken
    return out


PLACES = _places()
_PLACE_NAMES = "|".join(re.escape(n) for n in sorted(PLACES, key=len, reverse=True))
# A place as a study's: a country or region after "in", "from", "among", "across" (and a second
# after "and": "in Australia and New Zealand"), or a people's word before whom or what is
# studied ("Japanese patients", "a European trial"); never inside a disease's name ("Japanese
# encephalitis").
CITED_PLACE = re.compile(
    rf"\b(?:in|from|among|across)\s+(?:the\s+)?({_PLACE_NAMES})(?![\w-])"
    rf"(?:\s+and\s+(?:the\s+)?({_PLACE_NAMES})(?![\w-]))?"
    rf"|\b({_PLACE_NAMES})\s+(?=(?:patients|adults|children|women|men|people|population|"
    r"participants|subjects|infants|adolescents|veterans|cohort|trial|study|centres|centers|"
    r"hospitals|registry|multicent(?:er|re))\b)"
)

# A citation naming people of one sex, for a trial enrolling only the other ("transgender
# women" were born male: no claim of sex either way).
SEX_WORDS = re.compile(
    r"(?<!transgender\s)(?<!trans\s)\b(?:(women|woman|females?|girls|mothers|pregnant"
    r"|postmenopausal|premenopausal)|(men|man|males?|boys|fathers))\b",
    re.IGNORECASE,
)
# What asks how a disease is found rather than treated: a citation studying imaging, staging,
# screening or a test's accuracy that its trial's record nowhere mentions is another study
# ("PSMA PET for staging" on a radioligand therapy trial).
DIAGNOSTIC = wordset(
    "imaging scan scans scanning staging screening diagnostic detection biopsy pet mri "
    "ultrasound ultrasonography tomography radiography mammography colonoscopy endoscopy "
    "sensitivity specificity accuracy"
)
# Where a cancer grows, as the word before "cancer", "carcinoma", "tumour", "leukaemia",
# "lymphoma": a site its trial's record nowhere names (nor a synonym in its group) is another
# disease. Each group's words name one site.
SITES: tuple[frozenset[str], ...] = tuple(
    wordset(g)
    for g in (
        "colorectal colon rectal bowel",
        "renal kidney",
        "liver hepatocellular hepatic",
        "gastric stomach gastroesophageal",
        "oesophageal esophageal gastroesophageal",
        "endometrial uterine",
        "bladder urothelial",
        "head neck oropharyngeal laryngeal oral",
        "skin cutaneous melanoma",
        "brain glioma",
        "breast",
        "lung",
        "prostate",
        "pancreatic",
        "ovarian",
        "cervical",
        "thyroid",
        "testicular",
        "anal",
        "biliary",
        "nasopharyngeal",
    )
)
CANCER_SITE = re.compile(
    r"\b([A-Za-z]+)\s+(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|neoplasms?)\b",
    re.IGNORECASE,
)
# A disease's form a record contradicts: "latent" infection is no disease a record never
# calling it latent treats; "acute" and "chronic" each contradict the other.
LATENT = wordset("latent")
OPPOSITE_FORMS = {"acute": "chronic", "chronic": "acute"}


def _either(*phrases: str) -> re.Pattern[str]:
    """One of ``phrases`` (regular expressions) as words, in small letters."""
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b")


# Qualifiers of whom or when a trial treats, in groups whose words contradict the other group's:
# a citation writing one group's word where its record writes only the other's studies another
# disease stage, line, setting or form ("first-line" on a trial of relapsed disease, "adjuvant"
# on one of advanced disease, "drug-susceptible" on one of drug-resistant disease). Each pair
# reads both ways; a record writing both groups contradicts neither.
_NEOADJUVANT = _either(
    "neoadjuvant",
    "neo-adjuvant",
    "preoperative",
    "pre-operative",
    "before surgery",
    "prior to surgery",
)
_ADJUVANT = _either(
    "(?<!neo)(?<!neo-)adjuvant",
    "postoperative",
    "post-operative",
    "after (?:complete |surgical )?resection",
    "resected",
    "after surgery",
)
_ADVANCED = _either("advanced", "metastatic", "unresectable", "inoperable")
_EARLY = _either("early[- ]stage", r"early (?:\w+ )?cancer", "operable", "localized", "localised")
_FIRST_LINE = _either(
    "first[- ]line",
    "frontline",
    "front-line",
    "previously untreated",
    "treatment[- ]na[iï]ve",
    "newly diagnosed",
)
_LATER_LINE = _either(
    "relapsed",
    "refractory",
    "previously treated",
    "second[- ]line",
    "recurrent",
    "pretreated",
    "pre-treated",
)
_SUSCEPTIBLE = _either("susceptible", "sensitive", "na[iï]ve")
_RESISTANT = _either("resistant", "refractory", "multidrug-resistant")
_IN_SITU = _either("in situ")
# how severe a disease is, and how a drug is given
_SEVERE = _either("severe", "severely")
_MILD = _either("mild", "mild[- ]to[- ]moderate", "moderate", "moderately")
_SUBCUTANEOUS = _either("subcutaneous", "subcutaneously")
# how often: on demand ("event-driven") where the record gives a drug daily, or the other way
_ON_DEMAND = _either("on[- ]demand", "event[- ]driven", "intermittent", "as[- ]needed")
_DAILY = _either("daily", "once[- ]daily", "twice[- ]daily", "every day")
_INTRAVENOUS = _either("intravenous", "intravenously")
_INVASIVE = _either("(?<!non-)(?<!non )(?<!minimally )invasive")
OPPOSITE_QUALIFIERS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (_NEOADJUVANT, _ADJUVANT),
    (_ADJUVANT, _NEOADJUVANT),
    (_ADJUVANT, _ADVANCED),
    (_ADVANCED, _ADJUVANT),
    (_EARLY, _ADVANCED),
    (_ADVANCED, _EARLY),
    (_FIRST_LINE, _LATER_LINE),
    (_LATER_LINE, _FIRST_LINE),
    (_SUSCEPTIBLE, _RESISTANT),
    (_RESISTANT, _SUSCEPTIBLE),
    (_IN_SITU, _INVASIVE),
    (_INVASIVE, _IN_SITU),
    (_SEVERE, _MILD),
    (_MILD, _SEVERE),
    (_ON_DEMAND, _DAILY),
    (_DAILY, _ON_DEMAND),
    (_SUBCUTANEOUS, _INTRAVENOUS),
    (_INTRAVENOUS, _SUBCUTANEOUS),
    # prevention where the record treats what has happened (not the other way: "treatment" is
    # any trial's word)
    (
        _either("prophylactic", "prophylaxis", "prevent", "preventing", "prevention", "preventive"),
        _either("treatment of", "treating", "to treat"),
    ),
)
# A condition a citation names in its people that a record of another disease never writes
# nor anything near it: pregnancy ("smoking cessation in pregnancy") ...
PREGNANCY = re.compile(
    r"\b(?:in|during)\s+pregnancy\b|\bpregnant\s+(?:women|people|patients|smokers|adolescents)\b",
    re.IGNORECASE,
)
PREGNANCY_SAID = re.compile(
    r"\b(?:pregnan|gestation|antenatal|prenatal|perinatal|obstetric|maternal|mother|postpartum"
    r"|caesarean|cesarean|childbirth|labou?r\b|birth|fetal|foetal)"
)
# ... and a disease's resistance to a therapy ("castration-resistant", "ipilimumab-refractory")
# where the record nowhere writes resistance, relapse or failure of an earlier therapy.
RESISTANCE = re.compile(r"\b[a-z0-9]+-(?:resistant|refractory)\b", re.IGNORECASE)
RESISTANCE_SAID = re.compile(
    r"\b(?:resist|refract|relaps|intoleran|unrespons|non-?respon|inadequate\w* respon|failed"
    r"|previously treated|pretreated|pre-treated)"
)
# A marker's state ("node-negative", "HER2-positive"): the other state of the same marker
# where the record writes only that one contradicts it.
POLAR = re.compile(r"\b([a-z0-9]+)[- ](negative|positive)\b")
# How a body handles a drug: another study when the record never mentions it and the citation
# also names people or a disease the record lacks ("pharmacokinetics in children").
DISPOSITION = wordset("pharmacokinetics pharmacokinetic pharmacodynamics bioavailability")
# How medicine names a disease or complication: "retinopathy", "pneumonitis", "osteoporosis",
# "hypoglycaemia", "melanoma", "neuralgia", "proteinuria", "neutropenia", "hepatomegaly". A
# citation naming one its trial's record nowhere mentions studies another disease.
_DISEASE = re.compile(
    r"(?:pathy|pathies|itis|osis|ae?mia|oma|omas|algia|uria|plegia|trophy|penia|rrhoea|rrhea|"
    r"ectasis|megaly|iasis)$"
)
# Diseases named otherwise, in one word that records write the same way (no word with a common
# synonym or abbreviation a record may use instead: not "eczema" for atopic dermatitis,
# "dementia" for Alzheimer disease, "sepsis" for septic shock, "COPD", "stroke", "obesity").
DISEASES = wordset(
    "asthma epilepsy malaria migraine migraines alzheimer parkinson gout lupus acne "
    "schizophrenia bipolar cataract cataracts influenza anemia hemophilia thalassemia sickle "
    "vitiligo alopecia rosacea urticaria hidradenitis scleroderma myasthenia narcolepsy "
    "insomnia anxiety autism anorexia bulimia delirium appendicitis hernia hemorrhoids "
    "celiac crohn "
    "preeclampsia eclampsia glaucoma keratoconus tinnitus vertigo scabies cellulitis impetigo "
    "glioblastoma mesothelioma emphysema hypothyroidism hyperthyroidism dengue ebola zika "
    "cholera typhoid measles mumps rubella rabies leprosy syphilis gonorrhea chlamydia "
    "varicella pertussis diphtheria tetanus polio"
)
# Words of that shape that are no disease (or, "carcinoma", another name of any cancer).
NO_DISEASE = wordset(
    "diagnosis diagnoses prognosis hypnosis osmosis symbiosis academia nostalgia diploma "
    "diplomas aroma stoma trophy carcinoma carcinomas"
)
# Field labels a citation or registry page writes before a colon ("Sponsor: ...",
# "Conditions: ..."): no trial's name.
LABELS = wordset(
    "sponsor sponsors collaborator collaborators funding funder funders investigator "
    "investigators condition conditions intervention interventions keywords summary abstract "
    "background methods objective objectives purpose design title source publisher location "
    "locations status note notes citation version contact contacts eligibility criteria"
)
# Abbreviations that are not trial names, even written in capitals.
NOT_ACRONYMS = wordset(
    "COVID HIV AIDS HER2 HR RNA DNA MRNA USA UK EU FDA NIH NIAID WHO BMI LDL HDL HFREF HFPEF "
    "CKD COPD ICU MRI PET SARS MERS TNF ICD NSCLC SCLC BCG TB AAHI CAR CART PD PDL1 EGFR ALK "
    "KRAS BRCA MS ALS RA SLE IBD UC CD CVD CAD MI ACS PCI CABG AF HF T2D T2DM T1D NASH MASH "
    "NAFLD HCV HBV HPV RSV GLP SGLT2 DPP4 ACE ARB ARNI LVEF EF NYHA QOL PRO AE SAE ITT CI HR "
    "OR RR NEJM JAMA BMJ PLOS USA LTD INC LLC GMBH AG SA AB NV PLC MD NLM"
)

# WHO International Nonproprietary Name stems that end a drug's name (a selection).
_DRUG = re.compile(
    r"(?:mab|tinib|ciclib|parib|rafenib|lisib|gliflozin|gliptin|glutide|glinide|sartan|pril|"
    r"olol|statin|navir|previr|buvir|asvir|fovir|ciclovir|amivir|azole|oxacin|cillin|cycline|"
    r"mycin|parin|xaban|gatran|lukast|setron|tidine|prazole|dronate|platin|taxel|rubicin|cept|"
    r"kinra|dipine|afil|triptan|zepam|zolam|oxetine|apine|peridol|profen|coxib|caine|"
    r"estrant|relin|semide|thiazide|formin|lutamide|trozole|olimus|asone|olone|isone|(?<!s)terol|"
    r"tropium|zepatide|glutide|parin|fungin|conazole|vudine|citabine|fluridine|imus|limus)$"
)
# A code name: a few letters then digits ("id93", "ly3298176", "bnt162b2").
CODE = re.compile(r"^[a-z]{1,5}\d{2,}[a-z0-9]*$")
# Words that say when or how a therapy is given, not which therapy ("Standard Adjuvant
# Endocrine Therapy", "Maintenance Monotherapy"): never what a trial tests on their own.
SETTING = wordset(
    "adjuvant neoadjuvant preoperative postoperative perioperative maintenance monotherapy "
    "first second third line immediate delayed early late usual practice management "
    "background concomitant optimal optimized best supportive alone plus"
)
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# Registry ids, also written with a space ("NCT 03036124").
IDS = re.compile(
    r"\b(?:NCT|ISRCTN|ACTRN|ChiCTR|DRKS|jRCT|UMIN|KCT)(?:\s(?=\d))?[-\w/]*\d\w*", re.IGNORECASE
)

_MIN_PREFIX = 4


@lru_cache(maxsize=65536)
def weight(word: str) -> float:
    """What a (folded) cited word tells about a topic: 0 for common words, up to MAX_WEIGHT."""
    if word in GENERIC or word in BOILERPLATE or word in STOPWORDS:
        return 0.0
    if is_drug(word):
        return MAX_WEIGHT
    from veribib.judge.zipf import zipf_frequency  # loaded only when a trial is judged

    zipf = zipf_frequency(word, "en")
    return max(0.0, min(MAX_WEIGHT, (COMMON_ZIPF - zipf) / SPAN))


def is_disease(word: str) -> bool:
    """True when a folded word is shaped like a disease's or complication's name."""
    if american(word) in DISEASES:
        return True
    return (
        len(word) >= 7
        and word not in NO_DISEASE
        and _DISEASE.search(word) is not None
        and weight(word) >= INFORMATIVE
    )


def american(word: str) -> str:
    """A folded word in American spelling ("haemorrhage", "oedema" → "hemorrhage", "edema")."""
    return word.replace("ae", "e").replace("oe", "e")


def is_drug(word: str) -> bool:
    """True when a folded word looks like a drug's name (an INN stem) or a code name (not a
    disease's abbreviation and number: "covid19")."""
    if len(word) >= 6 and _DRUG.search(word) is not None:
        return True
    return CODE.match(word) is not None and word.rstrip("0123456789").upper() not in NOT_ACRONYMS


def is_class(word: str) -> bool:
    """True when a drug-like word is a class's stem alone ("statin"), no one drug's name."""
    m = _DRUG.search(word)
    return m is not None and m.start() == 0


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    """The English Snowball stemmer (the package loads all 36 languages: only when needed)."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a folded word."""
    return str(_stemmer().stemWord(word))


# A code name written in two parts ("PF-07321332", "MK-3475", "AMG 145"): one word, as it is
# written in one part elsewhere ("LY3298176"). Three digits or more, so "COVID-19" and "Type 2"
# stay words and numbers; a space only after capitals, so "in 2020" stays two words.
_SPLIT_CODE = re.compile(r"\b([A-Za-z]{1,5}-|[A-Z]{1,5}\s)(\d{3,}[A-Za-z0-9]*)\b")


# A word an ellipsis cuts to three letters or fewer ("... to Prevent Hea..."): no word at all
# (a longer one still agrees with the word it begins: stems match by prefix).
_CUT = re.compile(r"\b\w{1,3}(?:\.\.\.|…)")


def joined_codes(text: str) -> str:
    """``text`` with code names written in two parts joined ("JNJ-56021927" → "JNJ56021927")."""
    return _SPLIT_CODE.sub(lambda m: m.group(1)[:-1] + m.group(2), text)


def content_words(text: str) -> list[str]:
    """The folded words of ``text`` worth comparing: no URLs, trial ids, numbers, boilerplate or
    word cut short."""
    return content(words(IDS.sub(" ", joined_codes(_CUT.sub(" ", URL.sub(" ", text))))))


def content(folded: Iterable[str]) -> list[str]:
    return [
        w
        for w in folded
        if (len(w) >= 3 or CODE.match(w))
        and not w.isdigit()
        and w not in STOPWORDS
        and w not in BOILERPLATE
    ]


def matches(word: str, stems: frozenset[str]) -> bool:
    s = stem(word)
    if s in stems:
        return True
    if len(s) < _MIN_PREFIX:
        return False
    return any(len(t) >= _MIN_PREFIX and (t.startswith(s) or s.startswith(t)) for t in stems)


__all__ = [
    "AGE_CEILING",
    "AGE_FLOOR",
    "AGE_GROUPS",
    "AGE_RANGE",
    "AGE_WORDS",
    "BEHAVIOUR",
    "BOILERPLATE",
    "CANCER_SITE",
    "CITED_PLACE",
    "CODE",
    "DIAGNOSTIC",
    "DISEASES",
    "DISPOSITION",
    "GENERIC",
    "IDS",
    "INFORMATIVE",
    "LABELS",
    "LATENT",
    "NOT_ACRONYMS",
    "NUMBERED",
    "OPPOSITE_FORMS",
    "OPPOSITE_QUALIFIERS",
    "OTHER_DESIGNS",
    "PLACES",
    "POLAR",
    "PREGNANCY",
    "PREGNANCY_SAID",
    "RESISTANCE",
    "RESISTANCE_SAID",
    "SETTING",
    "SEX_WORDS",
    "SITES",
    "URL",
    "WORD_ZIPF",
    "american",
    "content",
    "content_words",
    "is_class",
    "is_disease",
    "is_drug",
    "joined_codes",
    "matches",
    "stem",
    "weight",
]
