"""The reference library: every work the checked documents cite, across documents and over time.

Each check records its documents, references and verdicts in the store, and links every judged
reference to the *work* it cites (one row per real work: a DOI, PMID, arXiv id or a matched
registry record; works no registry matched are known by how they are cited). These functions
read that back; the `veribib library`, `veribib diff` and `veribib recheck` commands are a thin
layer over them.

- ``list_works(store, verdicts=…, flags=…, document=…, since=…)`` → ``WorkSummary`` per work:
  latest verdict, flags, how many citations, which documents, when last checked.
- ``show_work(store, "10.1234/x" | "12345678" | "bibkey")`` → ``WorkDetail``: the record, every
  citation (document, file:line, text, verdict per run) and the history of checks.
- ``export_library(store, Path("library.bib" | "library.json"))`` → the cleaned library as
  BibTeX or CSL-JSON, fabricated works listed apart.
- ``diff_documents(store, path, since=RUN|DATE)`` → ``DocumentDiff`` per document: references
  added, removed, with another verdict, newly flagged.
- ``recheck(store, settings, older_than=timedelta(days=30), document=…)`` → ``RecheckReport``:
  the registries asked again past the cache; retracted, corrected, now found, ...

```python
from veribib.store import Store
from veribib import library

store = Store(settings.database_url())
for work in library.list_works(store, flags=["retracted"]):
    print(work.title, work.documents)
```
"""

from __future__ import annotations

from veribib.library.diff import Change, DiffEntry, DocumentDiff, diff_documents
from veribib.library.export import LibraryExport, export_library
from veribib.library.failing import FailOn
from veribib.library.listing import WorkSummary, list_works
from veribib.library.recheck import RecheckReport, WhatChanged, WorkNews, parse_age, recheck
from veribib.library.show import CheckEntry, CitationHistory, RunVerdict, WorkDetail, show_work

__all__ = [
    "Change",
    "CheckEntry",
    "CitationHistory",
    "DiffEntry",
    "DocumentDiff",
    "FailOn",
    "LibraryExport",
    "RecheckReport",
    "RunVerdict",
    "WhatChanged",
    "WorkDetail",
    "WorkNews",
    "WorkSummary",
    "diff_documents",
    "export_library",
    "list_works",
    "parse_age",
    "recheck",
    "show_work",
]
