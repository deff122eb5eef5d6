"""wordfreq's English Zipf frequencies, read without importing wordfreq for plain words.

The trial-topic rules ask how common a word is (``wordfreq.zipf_frequency(word, "en")``).
Importing wordfreq loads langcodes, ftfy and regex for its tokenizer (about 0.1 s) before its
word list is read (another 0.1 s): a fixed cost of every run that judges a trial, 0.4 ms a
reference in a 500-reference list. A word of lower-case ASCII letters and lone digits -- what
the rules ask about -- is its own single token to that tokenizer, so its frequency is the word
list's entry for it; this module reads the same list file (bisecting its sorted buckets for
the first few hundred words, as a run judging a few trials asks, before building wordfreq's
word-to-frequency dict) and repeats wordfreq's arithmetic on it. Anything else (runs of
digits, apostrophes, other scripts, another language) goes to wordfreq itself.
``tests/judge/test_zipf.py`` compares both over the list's words and others.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# Lower-case ASCII letters and lone digits ("her2", "p53" is not: wordfreq rewrites a run of
# digits and weighs it by its own estimate of such numbers).
_PLAIN = re.compile(r"(?:[a-z]|[0-9](?![0-9]))+")


@lru_cache(maxsize=1)
def _list() -> list[list[bytes]] | None:
    """wordfreq's English list: its words (UTF-8, undecoded: half the time to read, and in the
    same order) by bucket (minus centibels), each bucket sorted, or None when the list is not
    where this wordfreq keeps it."""
    import gzip

    import msgpack  # wordfreq's own dependency, for its list files

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), "data", "large_en.msgpack.gz")
    if not path.is_file():
        return None
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=True)
    header = data[0]
    if not isinstance(header, dict) or header.get(b"format") != b"cB":
        return None
    if header.get(b"version") != 1:
        return None
    buckets: list[list[bytes]] = data[1:]
    return buckets


@lru_cache(maxsize=1)
def _english() -> dict[bytes, int] | None:
    """Each word of the list and its bucket (the last holding it, as wordfreq's dict has)."""
    buckets = _list()
    if buckets is None:
        return None
    index_of: dict[bytes, int] = {}
    for index, bucket in enumerate(buckets):
        index_of.update(dict.fromkeys(bucket, index))
    return index_of


# Building the word -> bucket dict takes 0.05-0.1 s; a run judging a few trials asks about a
# few dozen words, each found by bisecting the ~800 sorted buckets (0.2 ms). Past this many
# words the dict is built.
_BISECT_WORDS = 200
_bisected: set[bytes] = set()


def _bucket(buckets: list[list[bytes]], text: str) -> int | None:
    """The bucket of ``text`` (ASCII) in the list, or None when it is not listed."""
    word = text.encode("ascii")
    if len(_bisected) >= _BISECT_WORDS or _english.cache_info().currsize:
        index_of = _english()
        return None if index_of is None else index_of.get(word)
    _bisected.add(word)
    for index in range(len(buckets) - 1, -1, -1):
        bucket = buckets[index]
        at = bisect_left(bucket, word)
        if at < len(bucket) and bucket[at] == word:
            return index
    return None


def zipf_frequency(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)`` (the "best" list, minimum 0)."""
    buckets = _list() if lang == "en" and _PLAIN.fullmatch(word) else None
    if buckets is None:
        import wordfreq

        return float(wordfreq.zipf_frequency(word, lang))
    # wordfreq's steps for one token, in its order: cB_to_freq, the 1/f sum, the minimum
    # (zipf_to_freq(0)), rounding to 3 significant digits, freq_to_zipf, rounding to 2.
    # A word not in the list is the minimum itself, unrounded.
    minimum = 10**0.0 / 1e9
    index = _bucket(buckets, word)
    if index is None:
        freq = minimum
    else:
        one_over = 0.0 + 1.0 / 10 ** (-index / 100)
        unrounded = max(1.0 / one_over, minimum)
        freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


__all__ = ["zipf_frequency"]
