"""TASK: recurring work and record reviews that have fallen behind, judged on ``--as-of``."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import Problem, check
from complykit.findings import Severity
from complykit.model.task import Task
from complykit.repository import Repository


@check(
    code="TASK001",
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
                f"'{task.title}' was due on {due.isoformat()} ({(repo.as_of - due).days} days ago)",
                citation=citation,
            )


@check(
    code="TASK002",
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
