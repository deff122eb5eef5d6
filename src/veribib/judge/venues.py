"""What kind of venue a citation names: a journal, a preprint server, or a conference.

The kind decides what absence from Crossref can mean. Crossref holds nearly every journal
article a depositing journal publishes, so a journal's covered years make absence evidence.
Preprint servers are not Crossref venues (arXiv's DOIs are DataCite's; OpenReview and Zenodo
are not Crossref's either), and proceedings are deposited late, partly or never (NeurIPS,
ICLR, ICML have no Crossref DOIs; ACL's arrive after the event): absence from Crossref says
nothing about a preprint or a conference paper.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from veribib.judge.normalise import words, wordset
from veribib.model import Fields, ReferenceType, Work


class VenueKind(StrEnum):
    """The kind of venue a name denotes."""

    JOURNAL = "journal"
    PREPRINT_SERVER = "preprint-server"
    PROCEEDINGS = "proceedings"
    UNKNOWN = "unknown"


# Preprint servers and repositories by the words their names are written with; the value is
# the server's canonical name (several spellings name one server: "CoRR" is arXiv's listing).
_SERVERS: dict[str, str] = {
    "arxiv": "arxiv",
    "corr": "arxiv",
    "biorxiv": "biorxiv",
    "medrxiv": "medrxiv",
    "chemrxiv": "chemrxiv",
    "psyarxiv": "osf",
    "socarxiv": "osf",
    "engrxiv": "osf",
    "eartharxiv": "eartharxiv",
    "techrxiv": "techrxiv",
    "ssrn": "ssrn",
    "researchsquare": "researchsquare",
    "authorea": "authorea",
    "osf": "osf",
    "zenodo": "zenodo",
    "figshare": "figshare",
    "openreview": "openreview",
    "hal": "hal",
    "preprints": "preprints.org",
    "preprint": "",  # a preprint of an unnamed server
}
# Two-word server names written with a space.
_SERVER_PHRASES = {"research square": "researchsquare", "social science research": "ssrn"}

# DOI prefixes of preprint servers, for a record that names no server.
_SERVER_PREFIXES = {
    "10.48550": "arxiv",
    "10.21203": "researchsquare",
    "10.36227": "techrxiv",
    "10.2139": "ssrn",
    "10.20944": "preprints.org",
    "10.31219": "osf",
    "10.31234": "osf",
    "10.31235": "osf",
    "10.26434": "chemrxiv",
    "10.22541": "authorea",
    "10.5281": "zenodo",
    "10.6084": "figshare",
}
# bioRxiv and medRxiv share Cold Spring Harbor's prefix: either name fits its records.
_CSHL = ("biorxiv", "medrxiv")

# Words that make a venue name a meeting's: the proceedings of a conference, workshop, ...
_EVENT_WORDS = wordset(
    "proceedings proc conference conf symposium symp workshop workshops meeting congress "
    "colloquium summit"
)
# Conferences, mostly of computer science and machine learning, cited by acronym or by a name
# without an event word ("Advances in Neural Information Processing Systems"); their papers
# are deposited with Crossref late, partly or not at all.
_CONFERENCE_ACRONYMS = wordset(
    "neurips nips iclr icml aaai ijcai cvpr iccv eccv wacv bmvc acl emnlp naacl eacl coling "
    "conll lrec interspeech icassp kdd sigkdd www sigir cikm wsdm recsys uai aistats colt corl "
    "rss icra iros miccai isbi chi uist cscw icse fse ase pldi popl oopsla sosp osdi nsdi "
    "sigcomm sigmod vldb icde focs stoc soda crypto eurocrypt usenix ndss ccs"
)
_CONFERENCE_PHRASES = (
    "neural information processing systems",
    "learning representations",
    "machine learning research",  # PMLR: Proceedings of Machine Learning Research
    "findings of the association for computational linguistics",
)


@lru_cache(maxsize=16384)
def server_of_name(name: str) -> str | None:
    """The preprint server a venue name denotes ("" for an unnamed one), None if not a server."""
    ws = words(name)
    joined = " ".join(ws)
    for phrase, server in _SERVER_PHRASES.items():
        if phrase in joined:
            return server
    for w in ws:
        if w in _SERVERS:
            return _SERVERS[w]
    return None


def server_of_record(work: Work) -> tuple[str, ...]:
    """The preprint servers a record may be on, from its DOI prefix or publisher (may be empty)."""
    if work.doi:
        prefix = work.doi.split("/", 1)[0]
        if prefix in _SERVER_PREFIXES:
            return (_SERVER_PREFIXES[prefix],)
        if prefix == "10.1101":
            return _CSHL
    for name in (work.fields.publisher, work.fields.container):
        if name:
            server = server_of_name(name)
            if server:
                return (server,)
    return ()


@lru_cache(maxsize=16384)
def venue_kind(name: str) -> VenueKind:
    """The kind of venue a cited container name denotes."""
    if server_of_name(name) is not None:
        return VenueKind.PREPRINT_SERVER
    ws = words(name)
    if not ws:
        return VenueKind.UNKNOWN
    joined = " ".join(ws)
    if (
        set(ws) & _EVENT_WORDS
        or set(ws) & _CONFERENCE_ACRONYMS
        or any(p in joined for p in _CONFERENCE_PHRASES)
    ):
        return VenueKind.PROCEEDINGS
    return VenueKind.JOURNAL


def cited_venue_kind(cited: Fields) -> VenueKind:
    """The kind of venue a citation claims, from its type first, then its container's name."""
    if cited.type is ReferenceType.PREPRINT:
        return VenueKind.PREPRINT_SERVER
    kind = venue_kind(cited.container) if cited.container else VenueKind.UNKNOWN
    if kind is not VenueKind.JOURNAL:
        return kind
    if cited.type is ReferenceType.PROCEEDINGS_ARTICLE:
        return VenueKind.PROCEEDINGS
    return kind
