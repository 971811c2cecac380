"""Checks: every rule family module, imported by name so that each registers itself."""

from __future__ import annotations

from complykit.checks import (
    ai_act,
    dpia,
    evidence,
    gdpr,
    incidents,
    references,
    risks,
    soa,
    soa_scope,
    suppliers,
    tasks,
)
from complykit.checks.registry import REGISTRY, Check

__all__ = [
    "REGISTRY",
    "Check",
    "ai_act",
    "dpia",
    "evidence",
    "gdpr",
    "incidents",
    "references",
    "risks",
    "soa",
    "soa_scope",
    "suppliers",
    "tasks",
]
