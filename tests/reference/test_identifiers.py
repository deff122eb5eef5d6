"""Identifier finding and normalisation: DOI, trial ids, PMID, PMCID, arXiv, ISBN, ISSN."""

from __future__ import annotations

import pytest

from veribib.model import TrialId
from veribib.reference import find_identifiers, normalize_doi
from veribib.reference.identifiers import (
    doi_was_broken,
    find_arxiv_ids,
    find_dois,
    find_isbns,
    find_issns,
    find_pmcids,
    find_pmids,
    find_trial_ids,
    normalize_isbn,
    normalize_issn,
)


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.3390/ijms22073600", "10.3390/ijms22073600"),
        ("https://doi.org/10.1021/acsabm.4c00096", "10.1021/acsabm.4c00096"),
        ("doi: 10.1186/s13287-019-1253-6", "10.1186/s13287-019-1253-6"),
        ("DOI 10.1186/S13287-019-1253-6.", "10.1186/s13287-019-1253-6"),
        ("doi:10.1016/j.jid.2021.07.167.", "10.1016/j.jid.2021.07.167"),
        ("http://dx.doi.org/10.1016/j.watres.2011.04.036,", "10.1016/j.watres.2011.04.036"),
        ("https://doi.org/10.1000%2Fabc.def", "10.1000/abc.def"),
        ("10.1016/S0140-6736(20)30183-5", "10.1016/s0140-6736(20)30183-5"),
        ("(see 10.1016/S0140-6736(20)30183-5)", "10.1016/s0140-6736(20)30183-5"),
        ("(doi:10.1017/aog.2016.20)", "10.1017/aog.2016.20"),
        ("10.1000/a\\_b", "10.1000/a_b"),
        ("10.1000/a{\\_}b;", "10.1000/a_b"),
        ("info:doi/10.1234/XYZ", "10.1234/xyz"),
        (
            "10.1002/(SICI)1097-4636(199706)35:4<509::AID-JBM12>3.0.CO;2-B",
            "10.1002/(sici)1097-4636(199706)35:4<509::aid-jbm12>3.0.co;2-b",
        ),
    ],
)
def test_normalize_doi(text: str, doi: str) -> None:
    assert normalize_doi(text) == doi
    assert find_dois(f"Some ref. {text} more") == [doi]


@pytest.mark.parametrize("text", ["", "no doi here", "10.12/abc", "10.1234/", "doi:", "10.1016/j."])
def test_normalize_doi_rejects(text: str) -> None:
    assert normalize_doi(text) is None


def test_find_dois_keeps_order_and_drops_duplicates() -> None:
    text = "https://doi.org/10.2000/BB then 10.1000/XYZ.1 again 10.2000/bb."
    assert find_dois(text) == ["10.2000/bb", "10.1000/xyz.1"]
    assert find_dois("a 10.5555/one b 10.5555/two") == ["10.5555/one", "10.5555/two"]


def test_doi_broken_after_a_full_stop_is_joined() -> None:
    text = "Int Immunopharmacol 97, 107823. doi: 10.1016/j. intimp.2021.107823"
    assert find_dois(text) == ["10.1016/j.intimp.2021.107823"]
    assert doi_was_broken(text)
    # a DOI that ends a sentence is not glued to the next one
    assert find_dois("doi:10.1000/abc.def. Accessed 2020.") == ["10.1000/abc.def"]
    assert not doi_was_broken("doi:10.1000/abc.def. accessed 2020")


def test_unicode_hyphen_in_doi_becomes_ascii() -> None:
    assert normalize_doi("10.1016/S0140\u20106736(20)30183-5") == "10.1016/s0140-6736(20)30183-5"


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        ("Trial ID: NCT04567834.", TrialId("clinicaltrials.gov", "NCT04567834")),
        ("nct 04567834", TrialId("clinicaltrials.gov", "NCT04567834")),
        ("ISRCTN12345678", TrialId("isrctn", "ISRCTN12345678")),
        ("EudraCT 2004-000123-45", TrialId("eudract", "2004-000123-45")),
        ("EU CT 2022-500123-45-00", TrialId("ctis", "2022-500123-45-00")),
        ("ACTRN12612000123456", TrialId("anzctr", "ACTRN12612000123456")),
        ("ChiCTR2000029308", TrialId("chictr", "ChiCTR2000029308")),
        ("ChiCTR-IOR-17013456", TrialId("chictr", "ChiCTR-IOR-17013456")),
        ("DRKS00012345", TrialId("drks", "DRKS00012345")),
        ("CTRI/2020/05/025123", TrialId("ctri", "CTRI/2020/05/025123")),
        ("jRCTs031180000", TrialId("jrct", "jRCTs031180000")),
        ("UMIN000012345", TrialId("umin", "UMIN000012345")),
        ("KCT0001234", TrialId("kct", "KCT0001234")),
    ],
)
def test_trial_ids(text: str, trial: TrialId) -> None:
    assert find_trial_ids(f"Registered as {text}") == [trial]


def test_trial_id_too_short_or_in_a_page_range_is_not_a_trial() -> None:
    assert find_trial_ids("NCT0456783 and pages 1185-1194, 2004-000123") == []


def test_several_trials_in_order() -> None:
    ids = find_trial_ids("NCT00000001; ISRCTN87654321; NCT00000001")
    assert [t.id for t in ids] == ["NCT00000001", "ISRCTN87654321"]


def test_pmid_and_pmcid() -> None:
    assert find_pmids("Nature. 2001. PMID: 11237011") == ["11237011"]
    assert find_pmids("https://pubmed.ncbi.nlm.nih.gov/33301246/") == ["33301246"]
    assert find_pmids("2001;409:860-921") == []
    assert find_pmcids("PMCID: PMC1234567") == ["PMC1234567"]
    assert find_pmcids("pmc 7654321") == ["PMC7654321"]


@pytest.mark.parametrize(
    ("text", "arxiv"),
    [
        ("arXiv:2101.01234v2", "2101.01234"),
        ("arXiv preprint arXiv:1507.01624 [math.AT]", "1507.01624"),
        ("https://arxiv.org/abs/1902.02534", "1902.02534"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("arXiv:math.AG/0309136", "math.ag/0309136"),
        ("preprint 2101.01234v3", "2101.01234"),
        ("10.48550/arXiv.2301.00001", "2301.00001"),
    ],
)
def test_arxiv(text: str, arxiv: str) -> None:
    assert find_arxiv_ids(text) == [arxiv]


def test_bare_new_style_number_needs_arxiv_context() -> None:
    assert find_arxiv_ids("Proc. 1234.5678 pages") == []
    assert find_arxiv_ids("arXiv preprint, 2005.14165") == ["2005.14165"]


def test_arxiv_doi_fills_arxiv_id() -> None:
    ids = find_identifiers("Foo. https://doi.org/10.48550/arXiv.1902.02534")
    assert ids.doi == "10.48550/arxiv.1902.02534"
    assert ids.arxiv == "1902.02534"


def test_isbn_checksums() -> None:
    assert normalize_isbn("978-0-306-40615-7") == "9780306406157"
    assert normalize_isbn("0-306-40615-2") == "0306406152"
    assert normalize_isbn("0-8044-2957-X") == "080442957X"
    # the same numbers with one digit changed fail their checksum
    assert normalize_isbn("978-0-306-40615-8") is None
    assert normalize_isbn("0-306-40615-3") is None
    assert find_isbns("Springer, New York. ISBN: 0-387-95457-0") == ["0387954570"]
    assert find_isbns("ISBN 978-0-306-40615-8") == []


def test_issn_checksums() -> None:
    assert normalize_issn("0378-5955") == "0378-5955"
    assert normalize_issn("2049-3630") == "2049-3630"
    assert normalize_issn("0378-5956") is None
    assert find_issns("ISSN 1476-4687 (online)") == ["1476-4687"]
    # a bare number pair is a page range, not an ISSN
    assert find_issns("pp. 1185-1194") == []


def test_find_identifiers_combines_text_and_extra() -> None:
    text = "Johnson (2023). Trial ID: NCT04567834. PMID: 123456. doi:10.1/abcd.ef"
    ids = find_identifiers(text)
    assert ids.doi is None  # 10.1 has too short a registrant code to be a DOI
    assert [t.id for t in ids.trials] == ["NCT04567834"]
    assert ids.pmid == "123456"
    extra = {"DOI": "https://doi.org/10.1234/FROM.FIELD", "eprint": "2101.01234", "isbn": "x"}
    ids = find_identifiers("text with 10.9999/other", extra)
    assert ids.doi == "10.1234/from.field"
    assert ids.arxiv == "2101.01234"
    assert ids.isbn is None


def test_find_identifiers_empty() -> None:
    assert find_identifiers("Smith J. A title. J Foo 1999;1:2-3.").is_empty()
