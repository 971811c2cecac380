"""AIA: AI literacy (Art. 4), the one AI Act duty of every provider and deployer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from complykit.catalog.catalogset import CatalogSet
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.ai_act_index import Gap, catalog, dated, start_of
from complykit.facts.problem import Problem
from complykit.model.ai_system import AiSystem
from complykit.model.empty import EMPTY
from complykit.model.task import Task
from complykit.workspace.repository import Repository

_ROLES = frozenset({"provider", "deployer"})
# A general training task that names Art. 4 in its clause counts too (Art. 4 has no paragraphs,
# so "Art. 4" must not run on into "Art. 40" or "Art. 4(").
_CITES_ART_4 = re.compile(r"AI Act Art\. 4(?![\d(])")
_HINT = (
    "Add a `task` of type ai-literacy with its cadence and owner (training, guidance or "
    "briefings fitted to each role and system), and record each time it is done."
)


@check(
    code="AIA027",
    reads=("ai-system", "task"),
    framework="eu-ai-act",
    name="ai-literacy-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 4",),
    hint=_HINT,
)
def ai_literacy_missing(repo: Repository) -> Iterator[Problem]:
    """We provide or deploy AI systems and keep no recurring AI literacy work.

    Art. 4 applies to every provider and deployer, whatever the risk class, since 2 February
    2025: staff and others who operate or use AI systems on our behalf need sufficient AI
    literacy, given their knowledge, the context and the people affected. Literacy fades and
    systems change, so complykit asks for a recurring task of type ``ai-literacy``, or one
    whose ``clause`` cites "AI Act Art. 4"; an overdue one is TASK001. The Digital Omnibus
    would reword Art. 4, and several commentators read that as softening the duty; its text
    and its effect on this duty are not verified (check the Official Journal), so complykit
    judges by Art. 4 as published.

    PASS: an AI system with ``roles: [deployer]`` and a task with ``type: ai-literacy``.
    FAIL: an AI system with ``roles: [deployer]`` and no ai-literacy task.
    """
    if catalog(repo) is None or any(repo.summaries(Task, _literacy)):
        return
    summaries = repo.summaries(AiSystem, _ours)
    ours = [
        (entry, name[0])
        for entry, name in zip(repo.of_kind("ai-system"), summaries, strict=True)
        if name
    ]
    if not ours:
        return
    names = ", ".join(f"'{name}'" for _, name in ours)
    gap = Gap(
        ours[0][0],
        ("roles",),
        f"we provide or deploy {names}, but no task of type ai-literacy keeps the AI literacy "
        "of the people who build or use them up to date",
        ("AI Act Art. 4",),
        start_of(repo, ["Art. 4"]),
    )
    yield from dated(repo, [gap], _HINT)


def _literacy(task: Task, _catalogs: CatalogSet) -> list[str]:
    """``["ai-literacy"]`` when the task keeps AI literacy up to date. Read from the task
    alone, as is ``_ours`` from the system alone, so the cache keeps the texts of unchanged
    files (``Repository.summaries``) and an edit builds no other task or system."""
    return ["ai-literacy"] if keeps_ai_literacy(task) else EMPTY


def keeps_ai_literacy(task: Task) -> bool:
    """The task is of type ai-literacy, or its ``clause`` cites AI Act Art. 4."""
    return task.type == "ai-literacy" or bool(task.clause and _CITES_ART_4.search(task.clause))


def _ours(system: AiSystem, _catalogs: CatalogSet) -> list[str]:
    """The system's name when we provide or deploy it and it is not retired."""
    ours = system.lifecycle != "retired" and _ROLES & set(system.roles)
    return [system.name] if ours else EMPTY
