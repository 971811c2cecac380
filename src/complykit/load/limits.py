"""Bounds that keep hostile or accidental input from exhausting memory or time."""

from __future__ import annotations

from complykit.core.frozen import frozen


@frozen
class LoadLimits:
    max_file_bytes: int = 5 * 1024 * 1024
    max_depth: int = 48
    max_documents: int = 10_000
    max_scalar_chars: int = 100_000
    max_record_values: int = 100_000
    """Values (scalars, lists and mappings, at any depth) in one document. Validating a record
    costs memory per problem: a 5 MB file of one list of 2.4 million wrong items held 3 GB
    for a minute. The largest real record, a Statement of Applicability of three frameworks,
    holds a few thousand."""
    max_problems_per_code: int = 100
    """A file's load problems listed per code; the rest are counted in one more finding.
    Every alias of a 2 MB file is a problem: 300,000 findings, 60 MB of JSON in a CI log."""


DEFAULT_LIMITS = LoadLimits()
