"""Biomedical references that only PubMed holds (old papers, journals depositing no DOIs),
invented titles at PubMed-indexed locations, and invented journals — end to end.

The PubMed records are the real ones recorded in ``../shared/data/pubmed`` (efetch bodies):
none of these works has a DOI, and none is in the Crossref stand-in.
"""

from __future__ import annotations

from typing import Any

import pytest

from veribib.model import Verdict

from .support import Corpus, ServicesData, StandIn, StandInOptions, pubmed_record

# Vancouver citations of real PubMed records without DOIs (as a reference list is written).
PUBMED_ONLY = {
    "ackerly": "Ackerly DD, Reich PB. Convergence and correlations among leaf size and function "
    "in seed plants: a comparative test using independent contrasts. Am J Bot. "
    "1999;86(9):1272-81.",
    "strekas": "Strekas TC. Magnetic studies of Chromatium flavocytochrome C552. A mechanism for "
    "heme-flavin interaction. Biochim Biophys Acta. 1976;446(1):179-91.",
    "olivero": "Olivero JM. The treatment of AIDS behind the walls of correctional facilities. "
    "Soc Justice. 1990;17(1):113-25.",
    "grissom": "Grissom FE, Kahn JS. Glyceraldehyde-3-phosphate dehydrogenases from Euglena "
    "gracilis. Purification and physical and chemical characterization. Arch Biochem Biophys. "
    "1975;171(2):444-58.",
    "pringle": "Pringle JR. Methods for avoiding proteolytic artefacts in studies of enzymes and "
    "other proteins from yeasts. Methods Cell Biol. 1975;12:149-84.",
    "gmaj": "Gmaj P, Hoppe A, Angielski S, Rogulski J, Metler M. Effects of maleate on renal "
    "reabsorption of bicarbonate. Curr Probl Clin Biochem. 1975;4:101-5.",
    "regional": "Haddad FS, Barakat RN. Outcomes of early mobilisation after hip fracture "
    "surgery in a regional hospital. Leban Med J. 2004;52(3):141-6.",
}
# A record built for the stand-in in PubMed's own format: a regional MEDLINE journal.
REGIONAL = pubmed_record(
    "15881694",
    "Outcomes of early mobilisation after hip fracture surgery in a regional hospital.",
    [("Haddad", "FS"), ("Barakat", "RN")],
    "Le Journal medical libanais. The Lebanese medical journal",
    "Leban Med J",
    2004,
    "52",
    "141-6",
    issue="3",
)
INVENTED_AT_LOCATOR = (
    "Marlow KT, Ibsen HV. Root hydraulic conductance predicts drought survival in temperate "
    "oak seedlings. Am J Bot. 1999;86(9):1272-81."
)
INVENTED_JOURNAL = (
    "Lindqvist P, Oduya MA. Serum ferritin trajectories after bariatric surgery: a "
    "multicentre cohort. J Transl Cardiorenal Metab Sci. 2019;12(3):45-52."
)
# A real journal that deposits no DOIs, a work no registry asked holds: never an accusation.
REAL_JOURNAL_UNKNOWN_WORK = (
    "Ramirez L, Cohen D. Prison health education and community reentry programs. "
    "Soc Justice. 1991;18(2):40-58."
)


@pytest.fixture(scope="module")
def biomed(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The references as a numbered text list, checked once."""
    lines = [
        *PUBMED_ONLY.values(),
        INVENTED_AT_LOCATOR,
        INVENTED_JOURNAL,
        REAL_JOURNAL_UNKNOWN_WORK,
    ]
    keys = [*PUBMED_ONLY, "invented_at_locator", "invented_journal", "real_journal"]
    text = "References\n\n" + "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
    options = StandInOptions(services=ServicesData(pubmed=[REGIONAL]))
    tmp = tmp_path_factory.mktemp("biomed")
    path = tmp / "refs.txt"
    path.write_text(text + "\n", encoding="utf-8")
    with StandIn(options, corpus=corpus) as server:
        from veribib import check

        from .support import settings_for

        report = check([path], settings_for(server, tmp))
        throttled = dict(server.service_gate.throttled)
        pubmed_requests = len(server.requests_to("pubmed"))
    judged = [c.judgement for c in report.references]
    assert len(judged) == len(keys)
    return {
        "judged": dict(zip(keys, judged, strict=True)),
        "throttled": throttled,
        "pubmed_requests": pubmed_requests,
    }


@pytest.mark.parametrize("key", list(PUBMED_ONLY))
def test_pubmed_only_works_are_verified_through_pubmed(biomed: dict[str, Any], key: str) -> None:
    judgement = biomed["judged"][key]
    assert judgement.verdict is Verdict.VERIFIED, judgement.evidence
    assert judgement.match is not None and judgement.match.source == "pubmed"
    assert judgement.match.doi is None


def test_an_invented_title_at_a_pubmed_indexed_locator_names_what_is_there(
    biomed: dict[str, Any],
) -> None:
    judgement = biomed["judged"]["invented_at_locator"]
    assert judgement.verdict is Verdict.FABRICATED, judgement.evidence
    assert judgement.evidence[0].code == "LOCATOR_OTHER_WORK"
    assert "Convergence and correlations among leaf size" in judgement.evidence[0].message
    assert judgement.likely_source is not None and judgement.likely_source.source == "pubmed"


def test_an_invented_journal_is_fabricated_as_unknown_venue(biomed: dict[str, Any]) -> None:
    judgement = biomed["judged"]["invented_journal"]
    assert judgement.verdict is Verdict.FABRICATED, judgement.evidence
    assert judgement.evidence[0].code == "VENUE_UNKNOWN"
    assert "OpenAlex" in judgement.evidence[0].message
    assert "NLM Catalog" in judgement.evidence[0].message


def test_a_real_non_depositing_journal_is_never_an_accusation(biomed: dict[str, Any]) -> None:
    judgement = biomed["judged"]["real_journal"]
    assert judgement.verdict is Verdict.UNRESOLVED, judgement.evidence
    assert "VENUE_UNKNOWN" not in {e.code for e in judgement.evidence}


def test_pubmed_stayed_within_three_requests_a_second(biomed: dict[str, Any]) -> None:
    assert biomed["throttled"]["pubmed"] == 0
    assert biomed["pubmed_requests"] > 0
