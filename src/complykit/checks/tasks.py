"""TASK: recurring work and record reviews that have fallen behind, judged on ``--as-of``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from complykit.checks.registry import EVERY_KIND, check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.task import Task
from complykit.workspace.repository import Repository


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


def _days(span: timedelta) -> str:
    return "1 day" if span.days == 1 else f"{span.days} days"
