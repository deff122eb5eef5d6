"""Hand-built Reports for the export tests, on real records from /work/shared/data.

The registry side (``match``, ``likely_source``) is always a real record normalised by
``work_from_crossref``; the cited side is what a source would read from ``data/refs.bib`` or a
text document. Verdicts, evidence and comparisons are what the judge would say about them.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from veribib.export.interface import CheckedDocument, CheckedReference, Report
from veribib.model import (
    CitationReport,
    Document,
    Evidence,
    FieldComparison,
    Fields,
    Flag,
    Identifiers,
    InTextCitation,
    Judgement,
    Origin,
    Person,
    RawReference,
    Reference,
    ReferenceType,
    Verdict,
    Work,
)
from veribib.resolve.records import work_from_crossref

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
BIB = HERE / "data" / "refs.bib"


def shared_dir() -> Path:
    """The shared read-only data: $VERIBIB_SHARED, else <project root>/../shared."""
    env = os.environ.get("VERIBIB_SHARED")
    return Path(env) if env else PROJECT.parent / "shared"


@lru_cache(maxsize=1)
def _records() -> dict[str, dict[str, Any]]:
    data = shared_dir() / "data"
    out: dict[str, dict[str, Any]] = {}
    for line in (data / "crossref" / "works-2026-06.jsonl").read_text("utf-8").splitlines():
        msg = json.loads(line)
        out[msg["DOI"].lower()] = msg
    for line in (data / "seed-works.jsonl").read_text("utf-8").splitlines():
        msg = json.loads(line)
        if msg.get("DOI"):
            out[msg["DOI"].lower()] = {**msg, "x-source": "snapshot"}
    return out


def record(doi: str) -> Work:
    """The real record of ``doi`` (seed snapshot or recorded Crossref work) as a Work."""
    msg = _records()[doi.lower()]
    return work_from_crossref(msg, source=msg.get("x-source", "crossref"))


def lines_of_keys(text: str) -> dict[str, int]:
    """1-based line of each ``@type{key,`` in a BibTeX text (what a source puts in Origin)."""
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*@\w+\s*\{\s*([^,\s]+)\s*,", line)
        if m:
            out[m.group(1)] = n
    return out


def _ref(
    rid: str,
    origin: Origin,
    text: str,
    fields: Fields,
    *,
    key: str | None = None,
    doi: str | None = None,
    entry_type: str | None = None,
) -> Reference:
    raw = RawReference(
        text=text,
        origin=origin,
        key=key,
        entry_type=entry_type,
        fields=fields,
        identifiers=Identifiers(doi=doi),
    )
    return Reference(id=rid, raw=raw, fields=fields, identifiers=Identifiers(doi=doi))


def _agree(name: str, cited: str, found: str, sim: float = 1.0) -> FieldComparison:
    return FieldComparison(name, cited, found, sim, True)


def _differ(name: str, cited: str, found: str, sim: float) -> FieldComparison:
    return FieldComparison(name, cited, found, sim, False)


def bib_document(path: Path = BIB, name: str | None = None) -> CheckedDocument:
    """The checked references of ``data/refs.bib`` (a copy at ``path`` keeps the same lines)."""
    text = path.read_text("utf-8")
    lines = lines_of_keys(text)
    file = name or str(path)

    def origin(key: str, index: int) -> Origin:
        return Origin(file, lines[key], index)

    anitua_rec = record("10.3390/ijms241713043")
    anitua_cited = Fields(
        authors=(
            Person("Anitua", "Eduardo"),
            Person("Troya", "María"),
            Person("Falcon-Pérez", "Juan M."),
        ),
        year=2023,
        title="Advances in Platelet Rich Plasma-Derived Extracellular Vesicles for Regenerative "
        "Medicine: A Systematic-Narrative Review",
        container="International Journal of Molecular Sciences",
        volume="24",
        issue="17",
        pages="13043",
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    anitua = CheckedReference(
        _ref(
            f"{file}#1",
            origin("anitua2023advances", 0),
            "Anitua E, Troya M, Falcon-Pérez JM. Advances in Platelet Rich Plasma-Derived "
            "Extracellular Vesicles for Regenerative Medicine. Int J Mol Sci. 2023;24(17):13043.",
            anitua_cited,
            key="anitua2023advances",
            entry_type="article",
        ),
        Judgement(
            f"{file}#1",
            Verdict.VERIFIED,
            evidence=(
                Evidence(
                    "SEARCH_MATCH",
                    "Crossref search: title, first author, year, "
                    "volume and page agree with 10.3390/ijms241713043",
                ),
            ),
            comparisons=(
                _agree("title", anitua_cited.title or "", anitua_rec.fields.title or ""),
                _agree("authors", "Anitua; Troya; Falcon-Pérez", "Anitua; Troya; Falcon-Pérez"),
                _agree("year", "2023", "2023"),
                _agree("volume", "24", "24"),
                _agree("pages", "13043", "13043"),
            ),
            match=anitua_rec,
            suggested_doi="10.3390/ijms241713043",
        ),
    )
    xing_rec = record("10.7150/thno.48291")
    xing_cited = Fields(
        authors=(Person("Xing", "Xin"), Person("Han", "Shuyan"), Person("Li", "Zhonghan")),
        year=2021,
        title="Emerging role of exosomes in craniofacial and dental applications",
        container="Theranostics",
        volume="10",
        issue="19",
        pages="8648-8660",
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    xing = CheckedReference(
        _ref(
            f"{file}#2",
            origin("xing2020emerging", 1),
            "Xing X, Han S, Li Z. Emerging role of exosomes in craniofacial and dental "
            "applications. Theranostics. 2021;10(19):8648-8660.",
            xing_cited,
            key="xing2020emerging",
            entry_type="Article",
        ),
        Judgement(
            f"{file}#2",
            Verdict.INACCURATE,
            evidence=(
                Evidence(
                    "YEAR_MISMATCH",
                    "Year 2021 is not the record's 2020 (Crossref 10.7150/thno.48291)",
                ),
                Evidence(
                    "PAGES_MISMATCH",
                    "Pages 8648-8660 are not the record's 8648-8664 (Crossref 10.7150/thno.48291)",
                ),
            ),
            comparisons=(
                _agree("title", xing_cited.title or "", xing_rec.fields.title or "", 0.98),
                _agree("authors", "Xing, Xin; Han, Shuyan; Li, Zhonghan", "Xing; Han; Li", 0.9),
                _differ("year", "2021", "2020", 0.0),
                _agree("journal", "Theranostics", xing_rec.fields.container or ""),
                _agree("volume", "10", "10"),
                _differ("pages", "8648-8660", "8648-8664", 0.8),
            ),
            match=xing_rec,
            # as the judge makes it: the citation with each disagreeing field from the record
            suggestion=replace(xing_cited, year=2020, pages="8648-8664"),
            suggested_doi="10.7150/thno.48291",
        ),
    )
    petrik_cited = Fields(
        authors=(Person("Petrik", "Juraj"),),
        year=2016,
        title="Immunomodulatory effects of exosomes produced by virus-infected cells",
        container="Transfusion and Apheresis Science",
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    petrik = CheckedReference(
        _ref(
            f"{file}#3",
            origin("petrik2016immunomodulatory", 2),
            "Petrik J. Immunomodulatory effects of exosomes produced by virus-infected cells. "
            "Transfus Apher Sci. 2016.",
            petrik_cited,
            key="petrik2016immunomodulatory",
            entry_type="article",
        ),
        Judgement(
            f"{file}#3",
            Verdict.UNRESOLVED,
            evidence=(
                Evidence(
                    "REGISTRY_UNAVAILABLE",
                    "Crossref search failed: HTTP 503 after 4 attempts; no DOI to look up",
                ),
            ),
        ),
    )
    proffer_rec = record("10.1093/asj/sjac149")
    smith_cited = Fields(
        authors=(Person("Smith", "Jane"), Person("Doe", "John")),
        year=2021,
        title="Exosome-loaded microneedles reverse photoaging: a randomized controlled trial",
        container="Aesthetic Surgery Journal",
        volume="41",
        pages="1020-1031",
        type=ReferenceType.JOURNAL_ARTICLE,
    )
    smith = CheckedReference(
        _ref(
            f"{file}#4",
            origin("smith2021microneedle", 3),
            "Smith J, Doe J. Exosome-loaded microneedles reverse photoaging: a randomized "
            "controlled trial. Aesthet Surg J. 2021;41:1020-1031. doi:10.1093/asj/sjab999",
            smith_cited,
            key="smith2021microneedle",
            doi="10.1093/asj/sjab999",
            entry_type="article",
        ),
        Judgement(
            f"{file}#4",
            Verdict.FABRICATED,
            evidence=(
                Evidence("DOI_NOT_FOUND", "doi.org: DOI 10.1093/asj/sjab999 does not exist"),
                Evidence(
                    "NO_MATCHING_RECORD",
                    "No work with this title in Crossref; Aesthetic "
                    "Surgery Journal volume 41 has no article at page 1020 by Smith",
                ),
            ),
            comparisons=(
                _differ("title", smith_cited.title or "", proffer_rec.fields.title or "", 0.41),
                _differ("authors", "Smith; Doe", "Proffer; Paradise; DeGrazia", 0.1),
                _differ("year", "2021", "2022", 0.0),
            ),
            likely_source=proffer_rec,
        ),
    )
    document = Document(
        path=file,
        format="bibtex",
        references=tuple(c.reference.raw for c in (anitua, xing, petrik, smith)),
    )
    return CheckedDocument(document, (anitua, xing, petrik, smith))


XSS = '<script>alert("xss")</script>'


def text_document() -> CheckedDocument:
    """A plain-text manuscript's list: a corrected work, a retracted one, untrusted markup,
    a citation with no entry and an entry never cited."""
    file = "manuscript.txt"
    pone = record("10.1371/journal.pone.0033693")
    pone_cited = pone.fields
    first = pone.fields.authors[0].family
    r1 = CheckedReference(
        _ref(
            f"{file}#1",
            Origin(file, 40, 0),
            f"{first} et al. {pone.fields.title}. PLoS ONE. {pone.fields.year}. "
            "doi:10.1371/journal.pone.0033693",
            pone_cited,
            doi="10.1371/journal.pone.0033693",
            key="1",
        ),
        Judgement(
            f"{file}#1",
            Verdict.VERIFIED,
            evidence=(
                Evidence(
                    "DOI_CONFIRMED",
                    "Crossref has 10.1371/journal.pone.0033693 and the citation agrees with it",
                ),
                Evidence("CORRECTED", "A correction was published for this work"),
            ),
            flags=(Flag.CORRECTED,),
            match=pone,
            suggested_doi="10.1371/journal.pone.0033693",
        ),
    )
    kim = record("10.3390/cancers13174435")
    r2 = CheckedReference(
        _ref(
            f"{file}#2",
            Origin(file, 41, 1),
            "Kim H, Jang H, Cho H, et al. Recent Advances in Exosome-Based Drug Delivery for "
            "Cancer Therapy. Cancers. 2021;13(17):4435.",
            kim.fields,
            key="2",
        ),
        Judgement(
            f"{file}#2",
            Verdict.VERIFIED,
            evidence=(
                Evidence("SEARCH_MATCH", "Crossref search: agrees with 10.3390/cancers13174435"),
                Evidence("RETRACTED", "Crossref lists a retraction notice for this work"),
            ),
            # Constructed case: the flag is set by hand to exercise how retractions show.
            flags=(Flag.RETRACTED,),
            match=kim,
            suggested_doi="10.3390/cancers13174435",
        ),
    )
    r3 = CheckedReference(
        _ref(
            f"{file}#3",
            Origin(file, 42, 2),
            f"Mallory M. {XSS} & other <b>tricks</b> | in | a [title](javascript:alert(1)). "
            "J Hypothet Res. 2020;1:1-2.",
            Fields(
                authors=(Person("Mallory", "M."),),
                year=2020,
                title=f"{XSS} & other <b>tricks</b>",
                container="J Hypothet Res",
            ),
            key="3",
        ),
        Judgement(
            f"{file}#3",
            Verdict.UNRESOLVED,
            evidence=(
                Evidence(
                    "NO_IDENTIFIER_NO_MATCH", f"Crossref search found nothing close to '{XSS}'"
                ),
            ),
            flags=(Flag.UNCITED,),
        ),
    )
    citations = CitationReport(
        citations=(
            InTextCitation("[1]", Origin(file, 5), number=1, reference_ids=(f"{file}#1",)),
            InTextCitation("[2]", Origin(file, 9), number=2, reference_ids=(f"{file}#2",)),
            InTextCitation("[4]", Origin(file, 17), number=4),
        ),
        unmatched=(InTextCitation("[4]", Origin(file, 17), number=4),),
        uncited=(f"{file}#3",),
    )
    document = Document(
        path=file,
        format="text",
        references=tuple(c.reference.raw for c in (r1, r2, r3)),
        citations=citations.citations,
    )
    return CheckedDocument(document, (r1, r2, r3), citations)


def sample_report() -> Report:
    """Both documents in one run: every verdict, several flags, 2 failed lookups."""
    return Report(
        run_id=7,
        documents=(bib_document(name="refs.bib"), text_document()),
        failed_lookups=2,
        started_at="2026-06-14T09:30:00+00:00",
        finished_at="2026-06-14T09:30:41+00:00",
    )
