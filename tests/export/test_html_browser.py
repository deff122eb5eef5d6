"""The HTML report in a real (headless) browser: it renders, its script runs under its own CSP,
and nothing logs an error. Skipped when no chromium is installed."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from veribib.export import OutputFormat, render
from veribib.export.interface import Report

from .builders import XSS

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found"),
]

# Console messages chromium logs with --enable-logging=stderr that mean the page is broken.
BAD = (
    "Uncaught",
    "violates the following Content Security Policy",
    "Failed to load",
    "ERR_",
    "SyntaxError",
    "TypeError",
)


def _chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        url,
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def _console_problems(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if "CONSOLE" in line and any(b in line for b in BAD)
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
