"""veribib: check references against the registries where real works are recorded.

Library use::

    import veribib
    report = veribib.check(["paper.bib"])          # -> veribib.export.interface.Report
    for item in report.references:
        print(item.reference.origin, item.judgement.verdict.value, item.judgement.reason)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from veribib.config import Settings, load_settings
    from veribib.pipeline import check

__all__ = ["Settings", "__version__", "check", "load_settings"]


def __getattr__(name: str) -> Any:
    # Imported lazily so `import veribib` stays cheap and free of import cycles.
    if name == "check":
        from veribib.pipeline import check

        return check
    if name in ("Settings", "load_settings"):
        from veribib import config

        return getattr(config, name)
    raise AttributeError(f"module 'veribib' has no attribute {name!r}")
