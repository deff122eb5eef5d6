"""veribib: check references against the registries where real works are recorded."""

from __future__ import annotations

__version__ = "0.1.0"
