"""The judge's memo caches, emptied between chunks of a large run.

Many judge helpers keep an ``lru_cache`` of tens of thousands of entries, some keyed by registry
records; over a run of 100,000 references they fill and hold hundreds of megabytes of records
alive long after the references they served. A large run empties them between chunks, so its
memory stays that of one chunk. Single-entry caches (loaded data, compiled models) are kept.
"""

from __future__ import annotations

import sys
from typing import Any


def _memo_caches() -> list[Any]:
    """Every bounded ``lru_cache`` larger than one entry in the loaded judge modules."""
    found: dict[int, Any] = {}  # by id: a module imports another's cached functions
    for name, module in list(sys.modules.items()):
        if not name.startswith("veribib.judge") or module is None:
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if callable(info) and hasattr(value, "cache_clear"):
                size = info().maxsize
                if size is None or size > 1:
                    found[id(value)] = value
    return list(found.values())


def clear_caches() -> int:
    """Empty the judge's memo caches (not its loaded data); returns how many were emptied."""
    caches = _memo_caches()
    for cache in caches:
        cache.cache_clear()
    return len(caches)


__all__ = ["clear_caches"]
