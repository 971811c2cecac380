"""SOA: AI system impact assessments as ISO/IEC 42001 asks for them (8.4, A.5.2-A.5.5).

These run with ``iso42001-2023`` in ``frameworks``. Clause 6.1.4 (planning the assessment) is
numbered from our knowledge of the standard, not from checked reference facts, so the rules
cite the verified 8.4 and Annex A controls.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.ai_system import AiSystem, ImpactAssessment
from complykit.workspace.repository import Entry, Repository

_ISO42001 = "iso42001-2023"


def _aisias(repo: Repository) -> Iterator[tuple[Entry, AiSystem, int, ImpactAssessment]]:
    """Each AI system impact assessment of a system not retired, with its index."""
    if not repo.in_scope(_ISO42001):
        return
    for entry, system in repo.records(AiSystem):
        for index, assessment in enumerate(system.impact_assessments):
            if assessment.type == "aisia" and system.lifecycle != "retired":
                yield entry, system, index, assessment


@check(
    code="SOA013",
    reads=("ai-system",),
    per_record=True,
    framework="iso42001-2023",
    name="ai-impact-assessment-missing",
    severity=Severity.ERROR,
    citation=("ISO/IEC 42001:2023 8.4", "ISO/IEC 42001:2023 A.5.2"),
    hint="Add an `aisia` entry under impact_assessments; a DPIA alone does not cover "
    "impacts on groups and society. If you considered it and found it not required, record "
    "`status: not-required` with the `reasoning`.",
)
def ai_impact_assessment_missing(repo: Repository) -> Iterator[Problem]:
    """With ISO/IEC 42001 in scope, an AI system has no AI system impact assessment.

    An assessment considered and found not required counts, with its reasoning (SOA015 asks
    for that reasoning).

    PASS: ``impact_assessments: [{type: aisia, status: completed}]``, or ``{type: aisia,
    status: not-required, reasoning: ...}``.
    FAIL: only ``{type: dpia}``, or no impact assessments.
    """
    if not repo.in_scope(_ISO42001):
        return
    for entry, system in repo.records(AiSystem):
        kinds = {a.type for a in system.impact_assessments if a.status != "not-started"}
        if "aisia" not in kinds and system.lifecycle != "retired":
            yield Problem(
                entry,
                ("impact_assessments",),
                f"AI system '{system.id}' has no AI system impact assessment",
            )


@check(
    code="SOA015",
    reads=("ai-system",),
    per_record=True,
    framework="iso42001-2023",
    name="ai-impact-assessment-incomplete",
    severity=Severity.WARNING,
    citation=(
        "ISO/IEC 42001:2023 8.4",
        "ISO/IEC 42001:2023 A.5.4",
        "ISO/IEC 42001:2023 A.5.5",
    ),
    hint="Record under the `aisia` entry the `impacts` on individuals, groups and society and "
    "the `consequences` considered; for `not-required`, say why in `reasoning`.",
)
def ai_impact_assessment_incomplete(repo: Repository) -> Iterator[Problem]:
    """A completed AI system impact assessment leaves out whom it looked at, or what it weighed.

    ISO/IEC 42001 asks the assessment to cover impacts on individuals and groups (A.5.4) and
    on society (A.5.5), and the potential consequences of the system (8.4); an assessment
    found not required says why.

    PASS: ``{type: aisia, status: completed, impacts: {individuals: ..., groups: ...,
    society: ...}, consequences: ...}``.
    FAIL: ``{type: aisia, status: completed}`` with no ``impacts.society``; or ``{type: aisia,
    status: not-required}`` with no ``reasoning``.
    """
    for entry, system, index, assessment in _aisias(repo):
        missing = _missing(assessment)
        if missing:
            yield Problem(
                entry,
                ("impact_assessments", index, "status"),
                f"the AI system impact assessment of '{system.name}' records no "
                f"{', '.join(missing)}",
            )


def _missing(assessment: ImpactAssessment) -> list[str]:
    if assessment.status == "not-required":
        return [] if assessment.reasoning else ["reasoning why it is not required"]
    if assessment.status != "completed":
        return []
    scope = assessment.impacts
    wanted = {
        "impacts on individuals": scope.individuals if scope else None,
        "impacts on groups": scope.groups if scope else None,
        "impacts on society": scope.society if scope else None,
        "consequences considered": assessment.consequences,
    }
    return [name for name, value in wanted.items() if value is None]


@check(
    code="SOA016",
    reads=("ai-system",),
    per_record=True,
    framework="iso42001-2023",
    name="ai-impact-assessment-review-overdue",
    severity=Severity.WARNING,
    citation=("ISO/IEC 42001:2023 8.4",),
    hint="Review the assessment, then set `last_reviewed`.",
)
def ai_impact_assessment_review_overdue(repo: Repository) -> Iterator[Problem]:
    """An AI system impact assessment is older than its planned review interval.

    PASS: ``{completed: 2026-04-22, review_interval: P1Y}``, as of 2026-11-23.
    FAIL: ``{completed: 2025-04-22, review_interval: P1Y}`` and no later ``last_reviewed``, as
    of 2026-11-23.
    """
    for entry, system, index, assessment in _aisias(repo):
        last = assessment.last_reviewed or assessment.completed
        interval = assessment.review_interval
        if last is None or interval is None or assessment.status != "completed":
            continue
        due = interval.after(last)
        if due < repo.as_of:
            yield Problem(
                entry,
                ("impact_assessments", index, "review_interval"),
                f"the AI system impact assessment of '{system.name}' was last reviewed on "
                f"{last.isoformat()} and was due again on {due.isoformat()}",
            )
