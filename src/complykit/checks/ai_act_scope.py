"""AIA: AI systems recorded while the AI Act's rules are turned off.

Every AI Act rule runs only with ``eu-ai-act`` in ``frameworks``, and ``complykit init`` writes
``frameworks: [gdpr]``. A workspace that then records a CV-screening system validated without a
single finding, which reads as "nothing to do" when no AI Act rule looked at it. This rule runs
whatever ``frameworks`` says, and says so once, at ``frameworks``.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.workspace.repository import Repository

AI_ACT = "eu-ai-act"
_SHOWN = 3
"""AI systems named in the message; the rest are counted."""


@check(
    code="AIA034",
    reads=("ai-system",),
    name="ai-act-not-in-frameworks",
    severity=Severity.WARNING,
    hint="Add eu-ai-act to `frameworks` in complykit.yaml, so that the AI Act's rules check "
    "these systems; if the AI Act does not apply to you, waive this finding and say why.",
)
def ai_act_not_in_frameworks(repo: Repository) -> Iterator[Problem]:
    """AI systems are recorded, but the frameworks in complykit.yaml leave out the AI Act.

    No AI Act rule then looks at them: not the risk class, not the prohibited practices, not
    AI literacy. An organisation outside the Act's reach (AI Act Art. 2) waives this finding
    with its reason.

    PASS: ``frameworks: [gdpr, eu-ai-act]`` and an ``ai-system`` record.
    FAIL: ``frameworks: [gdpr]`` and an ``ai-system`` record.
    """
    systems = repo.of_kind("ai-system")
    if not systems or repo.in_scope(AI_ACT):
        return
    ids = ", ".join(entry.id for entry in systems[:_SHOWN])
    more = f" and {len(systems) - _SHOWN} more" if len(systems) > _SHOWN else ""
    count = "1 AI system is" if len(systems) == 1 else f"{len(systems)} AI systems are"
    yield Problem(
        None,
        ("frameworks",),
        f"{count} recorded ({ids}{more}), but `frameworks` does not name {AI_ACT}: "
        "no AI Act rule checks them",
    )
