"""Tests of the registries beyond Crossref (arXiv, PubMed, OpenAlex, DBLP) and their stand-ins."""

import sys
from pathlib import Path

# The stand-in server lives in scripts/ (not a package): importable from every module here.
_SCRIPTS = str(Path(__file__).resolve().parents[2] / "scripts")
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)
