"""The judge's Zipf frequencies are wordfreq's, word for word."""

from __future__ import annotations

import random
import string

import wordfreq

from veribib.judge import zipf
from veribib.judge.zipf import _PLAIN, zipf_frequency


def test_plain_words_of_the_list_and_others_match_wordfreq() -> None:
    buckets = zipf._list()
    assert buckets is not None and sum(map(len, buckets)) > 100_000  # wordfreq's own file
    listed = [w.decode("utf-8") for bucket in buckets for w in bucket]
    plain = [w for w in listed if _PLAIN.fullmatch(w)]
    rng = random.Random(14)
    invented = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 14)))
        for _ in range(3000)
    ]
    invented += [f"{w[:2]}{rng.randint(0, 9)}{w[2:]}" for w in invented[:1000]]
    sample = plain[::25] + rng.sample(plain, 2000) + invented + ["psoriasis", "her2", "il6", "1"]
    # The first words are found by bisecting the buckets, the rest in the dict built after.
    zipf._english.cache_clear()
    zipf._bisected.clear()
    first = rng.sample(plain, 50) + invented[:50]
    assert [zipf_frequency(w, "en") for w in first] == [
        wordfreq.zipf_frequency(w, "en") for w in first
    ]
    assert zipf._english.cache_info().currsize == 0
    wrong = [w for w in sample if zipf_frequency(w, "en") != wordfreq.zipf_frequency(w, "en")]
    assert wrong == []
    assert zipf._english.cache_info().currsize == 1


def test_other_words_are_wordfreqs_own_answer() -> None:
    others = ["don't", "covid19", "p53", "2020", "café", "Heart", "x-ray", "", "αβ", "a b"]
    for word in others:
        assert zipf_frequency(word, "en") == wordfreq.zipf_frequency(word, "en"), word
    assert zipf_frequency("herz", "de") == wordfreq.zipf_frequency("herz", "de")
