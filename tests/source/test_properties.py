"""Property tests: the text reader survives any input and keeps its origins consistent."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veribib.errors import InputError
from veribib.source.html import HtmlSource
from veribib.source.text import TextSource, read_text

# Fragments that steer the reader into its corners: headings, markers, authors, hyphens at
# line ends, identifiers, footers, lost ligatures, page furniture.
FRAGMENTS = [
    "References", "REFERENCES", "Bibliography", "Sources", "Reference:", "Appendix A",
    "[1]", "[2]", "1.", "2.", "3)", "(4)", "12", "Page 3 of 9", "Smith, J.", "Chen, C.-Y.,",
    "Lee K,", "et al.", "2020.", "(2021)", "n.d.", "and", "&", "doi:", "doi: 10.1000/ab-",
    "10.3390/i-", "https://doi.org/10.1/x", "www.example.com", "info@example.com",
    "+27 12 809 2856", "Copyright ©", "e\ufffdcacy", "\ufffd", "Plas-", "-", "\u2010", "\f",
    "(Smith et al., 2019)", "Smith and Jones (2020)", "[3, 5–7]", "(", ")", "[", "]",
    "\u00ad", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1" * 40, "A" * 40,
]  # fmt: skip

documents = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)),
    max_size=80,
).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", "\n", "\n\n", ""]), min_size=len(parts), max_size=len(parts)
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True)))
)

# A per-example deadline catches a regular expression gone exponential; it is no benchmark.
guard = settings(
    max_examples=300,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(text: str) -> None:
    result = read_text(text, "p.txt")
    n_lines = text.count("\n") + 1
    for i, ref in enumerate(result.references):
        assert ref.origin.index == i
        assert ref.origin.line is not None and 1 <= ref.origin.line <= n_lines
        assert ref.text and "\n" not in ref.text
    for i, c in enumerate(result.citations):
        assert c.origin.index == i
        assert c.origin.line is not None and 1 <= c.origin.line <= n_lines


@guard
@given(st.text())
def test_any_string(text: str) -> None:
    _check(text)


@guard
@given(documents)
def test_reference_like_documents(text: str) -> None:
    _check(text)


@guard
@given(st.binary(max_size=2000))
def test_any_bytes_through_text_and_html_readers(data: bytes) -> None:
    for source in (TextSource(), HtmlSource()):
        # Binary junk is refused by name (InputError); nothing else may escape.
        with contextlib.suppress(InputError):
            source.read("p.txt", data)
