"""Parse a free-text reference string into ``Fields`` with the CRF tagger and a few repairs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from veribib.model import Fields, Identifiers
from veribib.reference import crf
from veribib.reference.features import tokenize
from veribib.reference.kinds import guess_type
from veribib.reference.repairs import repair
from veribib.reference.spans import fields_from_spans, group_spans


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, split on whitespace."""
    return frozenset(text.split())


Tagger = Callable[[list[str]], list[str]]  # tokens -> one label each

MAX_TOKENS = 300  # longer "references" are mis-split text; tag the start only

_DOI_TOKEN = re.compile(r"(?:^|doi\.org/|doi:)10\.\d{4,9}/\S+", re.IGNORECASE)
_URL_TOKEN = re.compile(r"^(?:<?https?://|<?www\.)\S+", re.IGNORECASE)
_DOI_WORD = re.compile(r"^\(?(?:doi|DOI)\s*:?\)?$")
# Registry numbers that can stand alone, and the words that introduce an id.
_ID_TOKEN = re.compile(
    r"^\(?(?:PMC\d{4,9}|NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-\w]{8,14}|DRKS\d{8}|"
    r"UMIN\d{9}|KCT\d{7}|jRCT\w\d{9}|CTRI/[\d/]+)\)?[.,;]?$",
    re.IGNORECASE,
)
_ID_NUMBER = re.compile(r"^[\w/-]*\d[\w/-]*[.,;]?$")
# Not ``no.``/``number``: ``vol. 6, no. 18`` is an issue, not an identifier.
_ID_WORDS = _words(
    "pmid pmid: pmcid pmcid: trial trial: id id: identifier identifier: registration "
    "registration: clinicaltrials.gov clinicaltrials.gov: isbn isbn: issn issn: arxiv arxiv: "
    "eudract eudract:"
)
_CAPTION = re.compile(r"^(?:references?|ref|refs|citation|cited|source|bibliography):$", re.I)
_HTML_TAG = re.compile(
    r"</?(?:i|b|em|strong|sup|sub|span|font|u|a|small|sc|italic|bold)(?:\s[^<>]*)?/?>", re.I
)
_GLUED = re.compile(r"(?<=[a-z0-9)\]]{2})[.;](?=[A-Z][a-z]{2})|;(?=[A-Za-z])")
_PAREN_YEAR = re.compile(r"\((1[5-9]\d\d|20\d\d)[a-z]?\)")
_BARE_YEAR = re.compile(r"^\(?(1[5-9]\d\d|20\d\d)[a-z]?\)?[.,;:]?$")


def certain_labels(tokens: list[str]) -> list[str | None]:
    """Labels that need no model: DOIs, URLs and registry numbers, with the words that
    introduce them (``doi:``, ``Trial ID:``, ``PMID:``); None for every other token."""
    out: list[str | None] = [None] * len(tokens)
    for i, tok in enumerate(tokens):
        if _DOI_TOKEN.search(tok):
            out[i] = "doi"
            if i > 0 and _DOI_WORD.match(tokens[i - 1]):
                out[i - 1] = "doi"
        elif _URL_TOKEN.match(tok):
            out[i] = "url"
        elif _ID_TOKEN.match(tok) or (
            _ID_NUMBER.match(tok) and i > 0 and tokens[i - 1].lower() in _ID_WORDS
        ):
            out[i] = "note"
            j = i - 1
            while j >= 0 and tokens[j].lower() in _ID_WORDS:
                out[j] = "note"
                j -= 1
    return out


def _fallback_year(tokens: list[str], labels: list[str]) -> int | None:
    """A year outside title and container when the tagger marked no date."""
    for tok, label in zip(tokens, labels, strict=True):
        if label in ("title", "journal", "container-title"):
            continue
        m = _BARE_YEAR.match(tok) or _PAREN_YEAR.search(tok)
        if m:
            return int(m.group(1))
    return None


def _unglue(token: str) -> str:
    """``1969.Vacancies`` → ``1969. Vacancies``: a missing space after a full stop or
    semicolon (URLs, DOIs and e-mail addresses are left alone)."""
    if "/" in token or "@" in token or token.lower().startswith("www"):
        return token
    return _GLUED.sub(lambda m: m.group(0) + " ", token)


def prepare(text: str) -> str:
    """Clean a reference string before tagging: inline HTML tags, NULs, glued sentences."""
    # Lone surrogates (undecodable bytes kept by ``surrogateescape``) cannot go to CRFsuite.
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = _HTML_TAG.sub("", text.replace("\x00", " "))
    return " ".join(_unglue(t.text) for t in tokenize(text))


def tag_string(text: str, tagger: Tagger | None = None) -> tuple[list[str], list[str]]:
    """Tokens of ``text`` (after ``prepare``) and the label of each (after repairs).

    Registry numbers with their lead-in words (``Trial ID: NCT...``) and a leading
    ``Reference:`` caption are left out of tagging: the training data hardly has them, and
    they throw the model off. DOIs and URLs are common in it, so they stay in and are only
    relabelled afterwards.
    """
    tokens = [t.text for t in tokenize(prepare(text))][:MAX_TOKENS]
    fixed = certain_labels(tokens)
    if tokens and _CAPTION.match(tokens[0]):
        fixed[0] = "note"
    shown = [i for i, label in enumerate(fixed) if label != "note"]
    labels = ["note"] * len(tokens)
    for i, label in zip(shown, (tagger or crf.tag)([tokens[i] for i in shown]), strict=True):
        labels[i] = fixed[i] or label
    return tokens, repair(tokens, labels)


def parse_string(
    text: str, identifiers: Identifiers | None = None, *, tagger: Tagger | None = None
) -> Fields:
    """Parse one reference string into fields (authors, year, title, container, ...).

    ``identifiers`` found elsewhere sharpen the type guess; ``tagger`` replaces the shipped
    model (the evaluation uses it to test a model trained on other data).
    """
    tokens, labels = tag_string(text, tagger)
    if not tokens:
        return Fields()
    fields = fields_from_spans(group_spans(tokens, labels))
    if fields.year is None:
        fields = replace(fields, year=_fallback_year(tokens, labels))
    return replace(fields, type=guess_type(text, fields, set(labels), identifiers))


__all__ = ["MAX_TOKENS", "Tagger", "certain_labels", "parse_string", "prepare", "tag_string"]
