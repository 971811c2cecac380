"""Checks: every rule family module, imported by name so that each registers itself."""

from __future__ import annotations

from complykit.checks import (
    ai_act,
    ai_act_duties,
    dpia,
    evidence,
    gdpr,
    gdpr_decisions,
    gdpr_dpo,
    gdpr_lawfulness,
    gdpr_transfers,
    incident_deadlines,
    incidents,
    references,
    risk_treatment,
    risks,
    soa,
    soa_reasons,
    soa_scope,
    suppliers,
    tasks,
)
from complykit.checks.registry import REGISTRY, Check

__all__ = [
    "REGISTRY",
    "Check",
    "ai_act",
    "ai_act_duties",
    "dpia",
    "evidence",
    "gdpr",
    "gdpr_decisions",
    "gdpr_dpo",
    "gdpr_lawfulness",
    "gdpr_transfers",
    "incident_deadlines",
    "incidents",
    "references",
    "risk_treatment",
    "risks",
    "soa",
    "soa_reasons",
    "soa_scope",
    "suppliers",
    "tasks",
]
