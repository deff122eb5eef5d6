"""The trained CRF tagger: loaded from the package lazily, once per process, offline."""

from __future__ import annotations

import threading
from collections.abc import Callable
from importlib import resources

import pycrfsuite

from veribib.reference.features import featurize
from veribib.reference.interface import ReferenceParseError

MODEL_NAME = "parser.crfsuite"

_lock = threading.Lock()
_tagger: pycrfsuite.Tagger | None = None
# crfsuite reads the model in place without copying it: the bytes must outlive the tagger.
_model_data: bytes | None = None


def model_bytes() -> bytes:
    """The shipped model file's bytes (raises ReferenceParseError when it is missing)."""
    try:
        return (resources.files("veribib.reference") / "model" / MODEL_NAME).read_bytes()
    except OSError as exc:
        raise ReferenceParseError(f"reference parser model {MODEL_NAME} is missing: {exc}") from exc


def _load() -> pycrfsuite.Tagger:
    """Open the model once; later calls reuse it."""
    global _tagger, _model_data
    if _tagger is None:
        tagger = pycrfsuite.Tagger()
        _model_data = model_bytes()
        try:
            tagger.open_inmemory(_model_data)
        except (OSError, ValueError) as exc:
            raise ReferenceParseError(f"reference parser model cannot be read: {exc}") from exc
        _tagger = tagger
    return _tagger


def load_tagger(path: str) -> Callable[[list[str]], list[str]]:
    """A tagging function for a model file other than the shipped one (evaluation, tests)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    lock = threading.Lock()

    def run(tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        features = featurize(tokens)
        with lock:
            labels: list[str] = tagger.tag(features)
        return labels

    return run


def tag(tokens: list[str]) -> list[str]:
    """One label per token (an empty list for no tokens)."""
    if not tokens:
        return []
    features = featurize(tokens)
    # A crfsuite tagger keeps the current sequence inside it, so one caller at a time.
    with _lock:
        labels: list[str] = _load().tag(features)
    return labels


__all__ = ["MODEL_NAME", "load_tagger", "model_bytes", "tag"]
