"""Tests of the source stage (reading documents into raw references)."""
