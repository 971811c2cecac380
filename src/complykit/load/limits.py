"""Bounds that keep hostile or accidental input from exhausting memory or time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoadLimits:
    max_file_bytes: int = 5 * 1024 * 1024
    max_depth: int = 48
    max_documents: int = 10_000
    max_scalar_chars: int = 100_000


DEFAULT_LIMITS = LoadLimits()
