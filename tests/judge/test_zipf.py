"""The judge's Zipf frequencies are wordfreq's, word for word."""

from __future__ import annotations

import random
import string

import wordfreq

from veribib.judge.zipf import _english, zipf_frequency


def test_plain_words_of_the_list_and_others_match_wordfreq() -> None:
    listed = _english()
    assert listed is not None and len(listed) > 100_000  # read from wordfreq's own file
    plain = [w for w in listed if w.isascii() and w.isalpha() and w.islower()]
    rng = random.Random(14)
    invented = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 14)))
        for _ in range(3000)
    ]
    sample = plain[::25] + rng.sample(plain, 2000) + invented + ["psoriasis", "recovery", "the"]
    wrong = [w for w in sample if zipf_frequency(w, "en") != wordfreq.zipf_frequency(w, "en")]
    assert wrong == []


def test_other_words_are_wordfreqs_own_answer() -> None:
    for word in ["don't", "covid19", "café", "Heart", "x-ray", "", "2020", "αβ", "heart attack"]:
        assert zipf_frequency(word, "en") == wordfreq.zipf_frequency(word, "en"), word
    assert zipf_frequency("herz", "de") == wordfreq.zipf_frequency("herz", "de")
