"""The library: check() with a str or a list, await acheck() in a running loop, check_text(),
and docs/api.md kept in step with the docstrings."""

from __future__ import annotations

import asyncio
import importlib.util
import shutil
from pathlib import Path

import pytest

import veribib

PROJECT = Path(__file__).resolve().parents[2]
MANUSCRIPT = PROJECT / "tests" / "source" / "data" / "manuscript"


@pytest.fixture
def settings(tmp_path: Path) -> veribib.Settings:
    return veribib.load_settings(
        tmp_path,
        environ={},
        offline=True,
        db=str(tmp_path / "db.sqlite"),
        cache_dir=str(tmp_path / "cache"),
    )


def test_a_plain_string_is_one_path_not_the_current_directory(
    tmp_path: Path, settings: veribib.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(MANUSCRIPT / "refs.bib", tmp_path / "refs.bib")
    (tmp_path / "other.bib").write_text("@article{x, title={Other}, year={2001}}\n")
    monkeypatch.chdir(tmp_path)
    report = veribib.check("refs.bib", settings)
    assert [d.document.path for d in report.documents] == ["refs.bib"]
    assert len(report.references) == 3
    assert len(veribib.check(["refs.bib", "other.bib"], settings).references) == 4
    assert len(veribib.check(tmp_path / "other.bib", settings).references) == 1


def test_acheck_and_check_inside_a_running_event_loop(
    tmp_path: Path, settings: veribib.Settings
) -> None:
    bib = str(MANUSCRIPT / "refs.bib")

    async def notebook_cell() -> tuple[int, int]:
        awaited = await veribib.acheck(bib, settings)
        # What a notebook user types without await: must not fail with "loop already running".
        blocking = veribib.check(bib, settings)
        return len(awaited.references), len(blocking.references)

    assert asyncio.run(notebook_cell()) == (3, 3)


def test_check_text_reads_a_pasted_reference_list(settings: veribib.Settings) -> None:
    text = (
        "References\n"
        "1. LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521(7553):436-444. "
        "doi:10.1038/nature14539\n"
        "2. He K, Zhang X, Ren S, Sun J. Deep residual learning for image recognition. "
        "In: Proc CVPR; 2016. p. 770-778.\n"
    )
    report = veribib.check_text(text, settings)
    refs = report.references
    assert len(refs) == 2
    assert refs[0].reference.identifiers.doi == "10.1038/nature14539"
    assert str(refs[0].reference.origin) == "<text>:2"
    bib = veribib.check_text((MANUSCRIPT / "refs.bib").read_text(), settings, name="refs.bib")
    assert bib.documents[0].document.format == "bibtex" and len(bib.references) == 3


def test_api_reference_is_in_step_with_the_docstrings() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_api_docs", PROJECT / "scripts" / "gen_api_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (PROJECT / "docs" / "api.md").read_text(encoding="utf-8")
    assert module.build() == current, "docs/api.md is stale: run python scripts/gen_api_docs.py"
    for name in ("veribib.check(", "async veribib.acheck(", "veribib.check_text("):
        assert name in current


def test_same_work_with_and_without_doi_and_in_two_styles_is_a_duplicate(
    settings: veribib.Settings,
) -> None:
    text = (
        "References\n\n"
        "1. Théry C, Witwer KW, Aikawa E, et al. Minimal information for studies of "
        "extracellular vesicles 2018 (MISEV2018). J Extracell Vesicles. 2018;7(1):1535750. "
        "doi:10.1080/20013078.2018.1535750\n"
        "2. Thery, C., Witwer, K. W., & Aikawa, E. (2018). Minimal information for studies of "
        "extracellular vesicles 2018 (MISEV2018). Journal of Extracellular Vesicles, 7(1), "
        "1535750.\n"
        "3. Théry C, Amigorena S, Raposo G, Clayton A. Isolation and characterization of "
        "exosomes from cell culture supernatants and biological fluids. Curr Protoc Cell Biol. "
        "2006;Chapter 3:Unit 3.22.\n"
    )
    report = veribib.check_text(text, settings)
    flags = [[f.value for f in r.judgement.flags] for r in report.references]
    assert len(flags) == 3
    assert "duplicate" not in flags[0] and "duplicate" in flags[1]
    assert "duplicate" not in flags[2]  # same first author, another work
