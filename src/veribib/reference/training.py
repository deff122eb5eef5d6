"""Train the reference tagger (used by ``scripts/train_parser.py`` and the evaluation)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from veribib.reference.dataset import TaggedReference
from veribib.reference.features import featurize

DEFAULT_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 300,
    "feature.possible_transitions": True,
}


def train_model(
    references: Iterable[TaggedReference],
    out: Path,
    params: dict[str, float | int | bool] | None = None,
) -> Path:
    """Fit a CRF (L-BFGS, elastic net) on tagged references and write it to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for ref in references:
        tokens = ref.tokens
        if tokens:
            trainer.append(featurize(tokens), ref.labels)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


__all__ = ["DEFAULT_PARAMS", "train_model"]
