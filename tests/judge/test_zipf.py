"""The judge's Zipf frequencies are wordfreq's, word for word."""

from __future__ import annotations

import random
import string

import wordfreq

from veribib.judge.zipf import _PLAIN, _english, zipf_frequency


def test_plain_words_of_the_list_and_others_match_wordfreq() -> None:
    listed = _english()
    assert listed is not None and len(listed) > 100_000  # read from wordfreq's own file
    plain = [w for w in listed if _PLAIN.fullmatch(w)]
    rng = random.Random(14)
    invented = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 14)))
        for _ in range(3000)
    ]
    invented += [f"{w[:2]}{rng.randint(0, 9)}{w[2:]}" for w in invented[:1000]]
    sample = plain[::25] + rng.sample(plain, 2000) + invented + ["psoriasis", "her2", "il6", "1"]
    wrong = [w for w in sample if zipf_frequency(w, "en") != wordfreq.zipf_frequency(w, "en")]
    assert wrong == []


def test_other_words_are_wordfreqs_own_answer() -> None:
    others = ["don't", "covid19", "p53", "2020", "café", "Heart", "x-ray", "", "αβ", "a b"]
    for word in others:
        assert zipf_frequency(word, "en") == wordfreq.zipf_frequency(word, "en"), word
    assert zipf_frequency("herz", "de") == wordfreq.zipf_frequency("herz", "de")
