"""Bounds that keep hostile or accidental input from exhausting memory or time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoadLimits:
    max_file_bytes: int = 5 * 1024 * 1024
    max_depth: int = 48
    max_documents: int = 10_000
    max_scalar_chars: int = 100_000
    max_problems_per_code: int = 100
    """A file's load problems listed per code; the rest are counted in one more finding.
    Every alias of a 2 MB file is a problem: 300,000 findings, 60 MB of JSON in a CI log."""


DEFAULT_LIMITS = LoadLimits()
