"""The HTML report in a real (headless) browser: it renders, its script runs under its own CSP,
and nothing logs an error. Skipped when no chromium is installed."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.browser import CHROMIUM
from tests.browser import console_problems as _console_problems
from tests.browser import run_chromium as _chromium
from veribib.export import OutputFormat, render
from veribib.export.interface import Report

from .builders import XSS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found"),
]


def test_renders_without_console_errors(report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(report, OutputFormat.HTML), "utf-8")
    shot = tmp_path / "report.png"
    result = _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,2000")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console_problems(result.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 2000)
    assert len(data) > 20_000  # a blank page compresses to a few kB


def test_dom_has_every_card_and_no_injected_script(report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(report, OutputFormat.HTML), "utf-8")
    result = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert dom.count('class="card c-') == len(report.references)
    assert dom.count("<script") == 1
    assert XSS not in dom and "&lt;script&gt;" in dom
    assert _console_problems(result.stderr) == []


def test_the_console_check_can_fail(tmp_path: Path) -> None:
    """A page whose script throws must be caught by the same check (so it is not vacuous)."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>throw new Error('boom')</script>", "utf-8")
    result = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert _console_problems(result.stderr) != []
