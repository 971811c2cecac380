"""Checks: every rule family module, imported by name so that each registers itself."""

from __future__ import annotations

from complykit.checks import evidence, references, risks, soa, soa_scope, tasks
from complykit.checks.registry import REGISTRY, Check

__all__ = ["REGISTRY", "Check", "evidence", "references", "risks", "soa", "soa_scope", "tasks"]
