"""Tests of the resolve stage (a package so its helpers import relatively)."""
