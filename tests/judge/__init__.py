"""Tests of the judge stage (a package so its helpers import relatively)."""
