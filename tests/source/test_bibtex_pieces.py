"""A long BibTeX file is parsed a piece at a time, with the same result as parsed whole."""

from __future__ import annotations

import pytest

from veribib.source import bibtex
from veribib.source.bibtex import BibtexSource, _pieces

from .test_bibtex import BIB

# Entries of several pieces: a macro defined in the first piece and used in the last, a key
# repeated across pieces, and an abstract with a line that looks like an entry start.
BROKEN = "@book{broken,\n  title = {Unbalanced {brace,\n  year = 2019\n}\n"
assert BROKEN in BIB
LONG = (
    BIB.replace(BROKEN, "")
    + "\n".join(
        f"@article{{k{i},\n  title = {{Work {i}}},\n  journal = rev,\n  year = {2000 + i}}}\n"
        for i in range(7)
    )
    + "@misc{k1, title = {Again}}\n"
    + "@article{abs,\n  title = {Abstracted},\n  abstract = {First line\n@article{not, an entry}\n"
    + "  last}, year = 2001}\n"
    + "@article{tail, title = {Tail}, journal = nat, year = 2002}\n"
)


def _read(text: str = LONG) -> tuple[list[tuple[object, ...]], list[str]]:
    doc = BibtexSource().read("long.bib", text.encode())
    refs = [(r.key, r.origin, r.fields, r.text) for r in doc.references]
    return refs, [f"{w.origin} {w.message}" for w in doc.warnings]


def test_pieces_cut_only_between_entries_at_brace_depth_zero() -> None:
    pieces = list(_pieces(LONG, 3))
    assert len(pieces) > 3
    assert "".join(p for _, p in pieces) == LONG
    for _, piece in pieces:
        assert piece.count("{") == piece.count("}")
    assert any("abstract = {First line\n@article{not" in p for _, p in pieces)
    for offset, piece in pieces:
        assert LONG.count("\n", 0, LONG.index(piece)) == offset


def test_a_file_read_in_pieces_reads_as_when_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _read()
    monkeypatch.setattr(bibtex, "PIECE_ENTRIES", 2)
    assert _read() == whole
    refs, warnings = whole
    assert ("tail", "Nature") in [(k, f.container) for k, _, f, _ in refs]  # type: ignore[attr-defined]
    assert sum("duplicate BibTeX key 'k1'" in w for w in warnings) == 1


def test_after_an_unbalanced_entry_the_rest_is_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = LONG + BROKEN + "@misc{after, title = {After}}\n"
    assert len(list(_pieces(broken, 2))) > 1
    whole = _read(broken)
    monkeypatch.setattr(bibtex, "PIECE_ENTRIES", 2)
    assert _read(broken) == whole
    assert any("could not parse BibTeX block" in w for w in whole[1])
