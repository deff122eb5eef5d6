"""The shipped tagger: packaged with its notice, small, and still accurate on held-out gold."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from veribib.model import Fields
from veribib.reference import parse_string
from veribib.reference.crf import model_bytes
from veribib.reference.dataset import read_dataset
from veribib.reference.spans import fields_from_spans, group_spans

MODEL_DIR = Path(__file__).resolve().parents[2] / "src" / "veribib" / "reference" / "model"


def test_model_ships_with_notice_and_is_small() -> None:
    data = model_bytes()
    assert 10_000 < len(data) < 5_000_000
    notice = (MODEL_DIR / "NOTICE.md").read_text(encoding="utf-8")
    assert "AnyStyle" in notice and "BSD-2-Clause" in notice


def _norm(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"</?[A-Za-z][\w-]*[^<>]*>", " ", s)
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", s).lower()).strip() or None


def _values(f: Fields) -> list[str | None]:
    authors = " | ".join(_norm(p.family) or "" for p in f.authors) or None
    return [
        authors,
        _norm(f.title),
        _norm(f.container),
        str(f.year) if f.year else None,
        _norm(f.volume),
        _norm(f.pages),
    ]


def test_held_out_gold_field_f1(shared: Path) -> None:
    """Micro-F1 over six fields on gold strings not in the training set (as in
    ``scripts/eval_parser.py``, on the first 400 of them); measured 0.986 on all."""
    parsing = shared / "data" / "parsing"
    key = lambda text: re.sub(r"\W+", "", text.lower())  # noqa: E731
    core = {key(r.text) for r in read_dataset(parsing / "anystyle_core.xml")}
    gold = [r for r in read_dataset(parsing / "anystyle_gold.xml") if key(r.text) not in core]
    tp = fp = fn = 0
    for ref in gold[:400]:
        want = _values(fields_from_spans(group_spans(ref.tokens, ref.labels)))
        got = _values(parse_string(ref.text))
        for w, g in zip(want, got, strict=True):
            if w and g:
                tp, fp, fn = (tp + 1, fp, fn) if w == g else (tp, fp + 1, fn + 1)
            elif w:
                fn += 1
            elif g:
                fp += 1
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.95
