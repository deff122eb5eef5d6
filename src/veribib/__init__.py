"""veribib: check references against the registries where real works are recorded.

Library use::

    import veribib
    report = veribib.check("paper.bib")             # one path, or a list of paths
    for item in report.references:
        print(item.reference.origin, item.judgement.verdict.value, item.judgement.reason)

    report = await veribib.acheck(["paper.tex"])    # in Jupyter or an async application
    report = veribib.check_text("1. Smith J. A title. J Things. 2020;1:2-3.")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from veribib.api import acheck, acheck_text, check, check_text
    from veribib.config import IgnoreRule, Settings, load_settings
    from veribib.export.interface import Report

__all__ = [
    "IgnoreRule",
    "Report",
    "Settings",
    "__version__",
    "acheck",
    "acheck_text",
    "check",
    "check_text",
    "load_settings",
]

_LIBRARY = ("check", "acheck", "check_text", "acheck_text")


def __getattr__(name: str) -> Any:
    # Imported lazily so `import veribib` stays cheap and free of import cycles.
    if name in _LIBRARY:
        from veribib import api

        return getattr(api, name)
    if name == "Report":
        from veribib.export.interface import Report

        return Report
    if name in ("Settings", "load_settings", "IgnoreRule"):
        from veribib import config

        return getattr(config, name)
    raise AttributeError(f"module 'veribib' has no attribute {name!r}")
