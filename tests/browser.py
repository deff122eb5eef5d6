"""Headless chromium for tests that look at the HTML report in a real browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)


# Console messages chromium logs with --enable-logging=stderr that mean the page is broken.
BAD = (
    "Uncaught",
    "violates the following Content Security Policy",
    "Failed to load",
    "ERR_",
    "SyntaxError",
    "TypeError",
)


def run_chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run headless chromium on a URL with a fresh profile and console logging on stderr."""
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


def console_problems(stderr: str) -> list[str]:
    """Console lines chromium logged that mean the page is broken."""
    return [
        line for line in stderr.splitlines() if "CONSOLE" in line and any(b in line for b in BAD)
    ]
