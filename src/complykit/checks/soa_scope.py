"""SOA: Statements of Applicability agree with each other and with the registers."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from complykit.catalog.catalogset import CatalogSet
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.soa_index import (
    ALL_SOA_CLAUSES,
    soa_clause,
    soa_views,
    view_for,
    views_by_framework,
)
from complykit.facts.soa_scope_rules import SCOPE_RULES
from complykit.model.ai_system import AiSystem
from complykit.model.empty import EMPTY
from complykit.model.enums import ProcessingRole
from complykit.model.processing import ProcessingActivity
from complykit.model.risk import Risk
from complykit.workspace.repository import Repository

_CONTROLLER = (ProcessingRole.CONTROLLER, ProcessingRole.JOINT_CONTROLLER)
_ACTIVITY_FACTS = (
    "processing-activities",
    "controller-transfers",
    "processor-transfers",
    "dpia-required",
    "controller-processors",
    "automated-decisions",
    "processor-subprocessors",
)


def _activity_facts(activity: ProcessingActivity, catalogs: CatalogSet) -> list[str]:
    """What one activity shows of the register: its role, and which of the facts the scope
    rules ask about it makes true. Read from the activity alone, so the cache keeps it for
    unchanged files (``Repository.summaries``) and an edit builds no other activity."""
    controller = activity.role in _CONTROLLER
    processor = activity.role is ProcessingRole.PROCESSOR
    countries = catalogs.countries
    out = any(not countries.in_eea(t.country) for t in activity.transfers)
    screening, decisions = activity.dpia_screening, activity.automated_decisions
    holds = {
        "processing-activities": True,
        "controller-transfers": controller and out,
        "processor-transfers": processor and out,
        "dpia-required": screening is not None and screening.conclusion == "dpia-required",
        "controller-processors": controller and bool(activity.processors),
        "automated-decisions": bool(decisions and decisions.used),
        "processor-subprocessors": processor and bool(activity.processors),
    }
    return [f"role:{activity.role.value}", *(fact for fact, true in holds.items() if true)]


def _register(repo: Repository) -> set[str]:
    """The roles and facts that at least one processing activity shows."""
    return {fact for facts in repo.summaries(ProcessingActivity, _activity_facts) for fact in facts}


def _shown(fact: str) -> Callable[[Repository], bool]:
    return lambda repo: fact in _register(repo)


def _has_role(repo: Repository, *roles: ProcessingRole) -> bool:
    return any(f"role:{role.value}" in _register(repo) for role in roles)


FACTS: dict[str, Callable[[Repository], bool]] = {
    **{fact: _shown(fact) for fact in _ACTIVITY_FACTS},
    "suppliers": lambda r: bool(r.of_kind("supplier")),
    "incidents": lambda r: bool(r.of_kind("incident")),
    "ai-systems": lambda r: bool(r.of_kind("ai-system")),
    "ai-vendors": lambda r: any(s.vendor for _, s in r.records(AiSystem)),
}


@check(
    code="SOA009",
    reads=("statement-of-applicability",),
    name="soa-duplicate",
    severity=Severity.ERROR,
    needs=("statement-of-applicability",),
    hint="Keep one Statement of Applicability per framework.",
)
def soa_duplicate(repo: Repository) -> Iterator[Problem]:
    """Two Statements of Applicability cover the same framework.

    PASS: one SoA for iso27001-2022.
    FAIL: two SoAs for iso27001-2022.
    """
    seen: set[str] = set()
    for view in soa_views(repo):
        if view.framework in seen:
            yield Problem(
                view.where,
                ("framework",),
                f"a second Statement of Applicability for {view.framework}",
            )
        seen.add(view.framework)


@check(
    code="SOA010",
    reads=("risk", "statement-of-applicability"),
    name="soa-excluded-but-relied-on",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.ERROR,
    hint="Include the control, or change the risk's treatment to rely on other controls.",
)
def soa_excluded_but_relied_on(repo: Repository) -> Iterator[Problem]:
    """A risk treatment relies on a control that the SoA excludes.

    PASS: risk ``controls: {iso27001-2022: [A.8.13]}`` and A.8.13 applicable.
    FAIL: risk ``controls: {iso27001-2022: [A.8.13]}`` and A.8.13 excluded.
    """
    views = views_by_framework(repo)
    if not views:
        return  # no SoA excludes anything: no risk needs reading
    relied = repo.summaries(Risk, _relied_on)
    for entry, texts in zip(repo.of_kind("risk"), relied, strict=True):
        controls: dict[str, list[str]] = json.loads(texts[0]) if texts else {}
        for framework, ids in controls.items():
            catalog = repo.catalogs.framework(framework)
            view = views.get(catalog.id) if catalog else None
            for index, control in enumerate(ids):
                if view is not None and view.excluded(control):
                    yield Problem(
                        entry,
                        ("controls", framework, index),
                        f"the risk relies on {control}, which the {view.framework} SoA excludes",
                        citation=soa_clause(view.framework),
                    )


def _relied_on(risk: Risk, _catalogs: CatalogSet) -> list[str]:
    """The controls one risk relies on, by framework as written, as one JSON text (none
    without controls: one text a risk kept the cache's table small). Read from the risk
    alone, so the cache keeps the texts of unchanged files (``Repository.summaries``) and a
    risk edit builds no other risk: a join by framework, which ``local`` cannot follow."""
    if not risk.controls:
        return EMPTY
    return [json.dumps(risk.controls, separators=(",", ":"))]


@check(
    code="SOA011",
    reads=("statement-of-applicability",),
    name="soa-isms-missing",
    severity=Severity.ERROR,
    needs=("statement-of-applicability",),
    hint="Add ISO/IEC 27001:2022 to `frameworks` with its Statement of Applicability.",
)
def soa_isms_missing(repo: Repository) -> Iterator[Problem]:
    """ISO/IEC 27701 is in scope without an ISO/IEC 27001 Statement of Applicability.

    PASS: SoAs for iso27001-2022 and iso27701-2019.
    FAIL: an iso27701-2019 SoA alone: 27701 extends an ISMS and cannot stand on its own.
    """
    privacy = view_for(repo, "iso27701-2019")
    if privacy is not None and view_for(repo, "iso27001-2022") is None:
        yield Problem(
            privacy.where,
            ("framework",),
            "ISO/IEC 27701:2019 extends an ISO/IEC 27001 ISMS, but there is no "
            "iso27001-2022 Statement of Applicability",
        )


@check(
    code="SOA012",
    reads=("processing-activity", "statement-of-applicability"),
    name="soa-role-controls-excluded",
    severity=Severity.ERROR,
    citation=("ISO/IEC 27701:2019 5.2",),
    hint="Include the 27701 controls for that role that apply (Annex A: controller, Annex B: "
    "processor), or correct the roles the register gives.",
)
def soa_role_controls_excluded(repo: Repository) -> Iterator[Problem]:
    """All 27701 controls for a role (A: controller, B: processor) are excluded while the
    register shows the organisation acting in that role.

    PASS: a processor activity in the register and Annex B controls included.
    FAIL: a processor activity in the register and every Annex B control excluded.
    """
    view = view_for(repo, "iso27701-2019")
    if view is None:
        return
    for role, roles in (("controller", _CONTROLLER), ("processor", (ProcessingRole.PROCESSOR,))):
        controls = [c.id for c in view.catalog.controls if c.role == role]
        if _has_role(repo, *roles) and controls and all(view.excluded(c) for c in controls):
            yield Problem(
                view.where,
                ("entries",),
                f"every {role} control is excluded, but the register has {role} activities",
                hint=f"Include the {role} controls.",
                at_key=True,
            )


@check(
    code="SOA014",
    # The facts behind the scope rules (FACTS) read these kinds; each is asked only when a
    # control it concerns is excluded.
    reads=(
        "processing-activity",
        "statement-of-applicability",
        "supplier",
        "incident",
        "ai-system",
    ),
    name="soa-exclusion-contradicted",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.ERROR,
    hint="Include the control, or correct the register if it is wrong.",
)
def soa_exclusion_contradicted(repo: Repository) -> Iterator[Problem]:
    """An SoA excludes a control although the registers show it is needed.

    PASS: A.7.5.1 included while a controller activity transfers data to the US.
    FAIL: A.7.5.1 excluded while a controller activity transfers data to the US.
    """
    facts: dict[str, bool] = {}
    for rule in SCOPE_RULES:
        view = view_for(repo, rule.framework)
        if view is None:
            continue
        for index, entry in view.entries():
            if entry.control in rule.controls and entry.applicable is False:
                holds = facts.setdefault(rule.fact, FACTS[rule.fact](repo))
                if holds:
                    yield Problem(
                        view.where,
                        ("entries", index, "applicable"),
                        f"{entry.control} is excluded, but {rule.reason}",
                        citation=soa_clause(rule.framework),
                    )
