"""TASK: recurring work and record reviews that have fallen behind, judged on ``--as-of``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from complykit.catalog.catalogset import CatalogSet
from complykit.checks.ai_act_literacy import keeps_ai_literacy
from complykit.checks.registry import EVERY_KIND, check
from complykit.core.findings import Severity
from complykit.facts.ai_act_index import IN_USE, OMNIBUS_DATES, catalog, start_of
from complykit.facts.problem import Problem
from complykit.model.ai_system import AiSystem
from complykit.model.empty import EMPTY
from complykit.model.task import Task
from complykit.workspace.repository import Entry, Repository


@check(
    code="TASK001",
    reads=("task",),
    per_record=True,
    name="task-overdue",
    severity=Severity.WARNING,
    hint="Do the task and add an entry to its `history`, with evidence.",
)
def task_overdue(repo: Repository) -> Iterator[Problem]:
    """A recurring task's next due date (last done plus cadence) has passed.

    PASS: ``cadence: P1Y`` and ``history: [{done_on: 2026-03-01}]``, as of 2026-11-23.
    FAIL: ``cadence: P1Y`` and ``history: [{done_on: 2024-01-10}]``, as of 2026-11-23.
    """
    for entry, task in repo.records(Task):
        due = task.next_due
        if due is not None and due < repo.as_of:
            where = ("history", task.latest_index) if task.history else ("first_due",)
            citation = (task.clause,) if task.clause else ()
            yield Problem(
                entry,
                where,
                f"'{task.title}' was due on {due.isoformat()} ({_days(repo.as_of - due)} ago)",
                citation=citation,
            )


@check(
    code="TASK002",
    reads=(EVERY_KIND,),
    per_record=True,
    name="review-overdue",
    severity=Severity.WARNING,
    hint="Review the record, then move `next_review` forward.",
)
def review_overdue(repo: Repository) -> Iterator[Problem]:
    """A record's ``next_review`` date has passed.

    PASS: ``next_review: 2027-03-01``, as of 2026-11-23.
    FAIL: ``next_review: 2026-01-01``, as of 2026-11-23.
    """
    for entry in repo.entries:
        review = entry.record.next_review
        if review is not None and review < repo.as_of:
            yield Problem(
                entry,
                ("next_review",),
                f"{entry.record.kind} '{entry.record.id}' was due for review on "
                f"{review.isoformat()}",
            )


# The recurring work each management-system standard requires, as task types (data, not code).
_SYSTEM_TASKS = {
    "internal-audit": "9.2",
    "management-review": "9.3",
}
_DONE_WORK = {"internal-audit": "internal audits", "management-review": "management reviews"}
_MANAGEMENT_SYSTEMS = {
    "iso27001-2022": "ISO/IEC 27001:2022",
    "iso42001-2023": "ISO/IEC 42001:2023",
}


@check(
    code="TASK003",
    reads=("task",),
    name="management-system-task-missing",
    severity=Severity.ERROR,
    needs=("task",),
    citation=("ISO/IEC 27001:2022 9.2", "ISO/IEC 27001:2022 9.3"),
    hint="Add a `task` of that type with its cadence and owner, and record each occurrence.",
)
def management_system_task_missing(repo: Repository) -> Iterator[Problem]:
    """A management-system standard is in scope without a recurring internal audit or
    management review.

    PASS: ``frameworks: [iso27001-2022]`` and tasks of type internal-audit and management-review.
    FAIL: ``frameworks: [iso27001-2022]`` and no internal-audit task.
    """
    types = {task.type for _, task in repo.records(Task)}
    for index, name in enumerate(repo.config.frameworks):
        catalog = repo.catalogs.framework(name)
        standard = _MANAGEMENT_SYSTEMS.get(catalog.id) if catalog else None
        for task_type, clause in _SYSTEM_TASKS.items():
            if standard is not None and task_type not in types:
                yield Problem(
                    None,
                    ("frameworks", index),
                    f"{standard} is in scope, but no task has type {task_type}",
                    citation=(f"{standard} {clause}",),
                )


@check(
    code="TASK004",
    reads=("task", "ai-system"),
    name="required-task-never-done",
    severity=Severity.WARNING,
    hint="Record the occurrences already done in `history`, with evidence; if none has been "
    "done yet, do it, and meanwhile set `first_due` to the day it is planned for.",
)
def required_task_never_done(repo: Repository) -> Iterator[Problem]:
    """A task the law or a standard in scope requires has never been done and is not due.

    A planned task is not a performed one: ISO/IEC 27001 and 42001 9.2 and 9.3 ask for
    internal audits and management reviews to be carried out, and AI Act Art. 4 for AI
    literacy measures since 2 February 2025. TASK003 and AIA027 are satisfied by such a task
    once it exists; this rule reports one that has an empty ``history`` and no ``first_due``,
    so that TASK001 can never find it overdue. An AI literacy task that has never been done is
    reported also when its ``first_due`` lies ahead, once Art. 4 applies and we provide or
    deploy an AI system in deployment or operation: the duty already applies. A never-done
    task whose ``first_due`` has passed is TASK001's. The duty falls on the organisation, not
    on each task: a never-done task is left alone when another task of the same kind (an AI
    literacy task, or an internal audit or management review) has a ``history``, e.g. an extra
    literacy session planned for new staff after the all-staff training.

    PASS: ``type: internal-audit``, ``frameworks: [iso27001-2022]`` and ``history: [{done_on:
    2026-03-01}]``; or no history and ``first_due: 2027-01-31``.
    FAIL: ``type: internal-audit``, ``frameworks: [iso27001-2022]``, no history and no
    ``first_due``; or ``type: ai-literacy``, a deployed AI system, ``first_due: 2027-06-01``
    and no literacy task done yet, as of 2026-12-07.
    """
    standards = _standards(repo)
    literacy = _literacy_since(repo)
    done = {kind for texts in repo.summaries(Task, _done_kinds) for kind in texts}
    for entry, texts in zip(repo.of_kind("task"), repo.summaries(Task, _never_done), strict=True):
        if not texts:
            continue
        task = json.loads(texts[0])
        if task["type"] in _SYSTEM_TASKS and task["type"] in done:
            continue  # another task of this type has been done
        if task["literacy"] and _LITERACY in done:
            continue  # AI literacy measures have been taken under another task
        if task["type"] in _SYSTEM_TASKS and standards and task["first_due"] is None:
            clause = _SYSTEM_TASKS[task["type"]]
            yield Problem(
                entry,
                ("type",),
                f"'{task['title']}' has never been done and has no first_due, so it never "
                f"falls due: nothing shows that {_DONE_WORK[task['type']]} are carried out",
                citation=tuple(f"{standard} {clause}" for standard in standards),
            )
        elif task["literacy"] and literacy is not None:
            yield from _literacy_never_done(repo, entry, task, literacy)


def _literacy_never_done(
    repo: Repository, entry: Entry, task: dict[str, Any], since: str
) -> Iterator[Problem]:
    first_due = task["first_due"]
    if first_due is not None and first_due < repo.as_of.isoformat():
        return  # overdue: TASK001
    if first_due is None:
        message = f"'{task['title']}' has never been done and has no first_due"
    else:
        message = (
            f"'{task['title']}' has never been done and is first due on {first_due}, although "
            f"AI literacy has been required since {since}"
        )
    hint = (
        "Take AI literacy measures now (training, guidance or briefings fitted to the people "
        "who build or use the systems) and record each in `history`: Art. 4 already applies."
    )
    if repo.config.ai_act.dates == OMNIBUS_DATES:
        hint += (
            " complykit.yaml chooses the Digital Omnibus, which rewords Art. 4 (several "
            "commentators read it as softening the duty); its text is not verified: check the "
            "Official Journal for what Art. 4 now asks."
        )
    yield Problem(
        entry,
        ("first_due",) if first_due is not None else ("type",),
        f"{message}, and we provide or deploy AI systems in use",
        hint=hint,
        citation=("AI Act Art. 4",),
    )


def _standards(repo: Repository) -> list[str]:
    """The management-system standards in scope that require internal audits and reviews."""
    found = [repo.catalogs.framework(name) for name in repo.config.frameworks]
    return [_MANAGEMENT_SYSTEMS[c.id] for c in found if c and c.id in _MANAGEMENT_SYSTEMS]


def _literacy_since(repo: Repository) -> str | None:
    """Since when Art. 4 applies, when it does on ``--as-of`` and we provide or deploy a system
    in deployment or operation; else None."""
    if catalog(repo) is None:
        return None
    start = start_of(repo, ["Art. 4"]).applies
    if start > repo.as_of or not any(repo.summaries(AiSystem, _ours_in_use)):
        return None
    return start.isoformat()


def _never_done(task: Task, _catalogs: CatalogSet) -> list[str]:
    """What TASK004 needs of a task that has never been done, as one JSON text; none for a
    task done at least once. Read from the task alone, so the cache keeps the texts of
    unchanged files and a task edit builds no other task."""
    if task.history:
        return EMPTY
    facts = {
        "title": task.title,
        "type": task.type,
        "literacy": keeps_ai_literacy(task),
        "first_due": task.first_due.isoformat() if task.first_due else None,
    }
    return [json.dumps(facts, separators=(",", ":"))]


_LITERACY = "ai-literacy"


def _done_kinds(task: Task, _catalogs: CatalogSet) -> list[str]:
    """For a task done at least once: its type, and ``ai-literacy`` when it keeps AI literacy
    (by type or by its clause); none for a task never done."""
    if not task.history:
        return EMPTY
    return [task.type, _LITERACY] if keeps_ai_literacy(task) else [task.type]


def _ours_in_use(system: AiSystem, _catalogs: CatalogSet) -> list[str]:
    """The system's id when we provide or deploy it and it is in deployment or operation."""
    ours = system.lifecycle in IN_USE and {"provider", "deployer"} & set(system.roles)
    return [system.id] if ours else EMPTY


def _days(span: timedelta) -> str:
    return "1 day" if span.days == 1 else f"{span.days} days"
