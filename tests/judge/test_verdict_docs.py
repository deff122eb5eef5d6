"""The decision table, docs/verdicts.md and the README's verdict rules say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

from veribib.judge import codes
from veribib.judge.decide import ROWS

PROJECT = Path(__file__).resolve().parents[2]
DOC = (PROJECT / "docs" / "verdicts.md").read_text(encoding="utf-8")
README = (PROJECT / "README.md").read_text(encoding="utf-8")
RULES = README[README.index("## How verdicts are decided") :]
RULES = RULES[: RULES.index("\n## ", 10)]
ALL_CODES = {v for k, v in vars(codes).items() if k.isupper() and isinstance(v, str)}


def _doc_rows() -> list[tuple[str, str, set[str]]]:
    out = []
    for line in DOC.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            out.append((cells[1], cells[2], set(re.findall(r"`([A-Z_]+)`", cells[3]))))
    return out


def test_docs_table_is_the_decision_table_in_order() -> None:
    assert [(name, verdict) for name, verdict, _ in _doc_rows()] == [
        (row.name, row.verdict.value) for row in ROWS
    ]


def test_every_code_the_docs_name_exists() -> None:
    named = set().union(*(c for _, _, c in _doc_rows()))
    assert named <= ALL_CODES, named - ALL_CODES


def test_readme_lists_every_row_in_order_with_its_verdict() -> None:
    found = re.findall(r"^\s*(\d+)\. (.+?) → \*\*(\w+)\*\*", RULES, re.M | re.S)
    rows = [(name.replace("\n", " "), verdict) for _, name, verdict in found]
    assert [name for name, _ in rows] == [row.name for row in ROWS]
    assert [verdict for _, verdict in rows] == [row.verdict.value for row in ROWS]


def test_every_accusing_code_is_in_the_readme_rules() -> None:
    accusing = set().union(*(c for _, verdict, c in _doc_rows() if verdict == "fabricated"))
    missing = {c for c in accusing if f"`{c}`" not in RULES}
    assert not missing, missing
