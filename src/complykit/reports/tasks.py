"""The compliance calendar: each recurring task, when it was last done and when it is due."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.model.duration import Duration
from complykit.model.task import Task
from complykit.reports.header import Header, header
from complykit.reports.names import person_name
from complykit.reports.request import Request
from complykit.workspace.repository import Repository


class TaskRow(TypedDict):
    id: str
    title: str
    type: str
    cadence: Duration
    last_done: date | None
    next_due: date | None
    overdue: bool
    owner: str | None
    clause: str | None


class TasksContext(TypedDict):
    header: Header
    tasks: list[TaskRow]


def build(repo: Repository, request: Request) -> TasksContext:
    rows = [_row(repo, record) for _, record in repo.records(Task)]
    rows.sort(key=lambda r: (r["next_due"] is None, r["next_due"] or date.max, r["id"]))
    return TasksContext(header=header(repo, request), tasks=rows)


def _row(repo: Repository, task: Task) -> TaskRow:
    due = task.next_due
    return TaskRow(
        id=task.id,
        title=task.title,
        type=task.type,
        cadence=task.cadence,
        last_done=task.last_done,
        next_due=due,
        overdue=due is not None and due < repo.as_of,
        owner=person_name(repo, task.owner),
        clause=task.clause,
    )
