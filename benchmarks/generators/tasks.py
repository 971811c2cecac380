"""Recurring tasks with their history, grouped several to a file."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from generators.text import common_head, day, flow, prose, q, sentences
from generators.vocabulary import CADENCE_DAYS, CADENCES, INTRANET, TASK_TYPES, TASKS_PER_FILE

if TYPE_CHECKING:
    import random

    from generators.plan import Plan


def history_lines(rng: random.Random, tid: str, cadence_days: int) -> list[str]:
    """One to three past occurrences a cadence apart, the latest recent enough not to be due
    before 2026-12 (so the workspace is not overdue on the day the figures were taken)."""
    latest = date(2026, 9, 7) + timedelta(days=rng.randrange(75))
    done = [latest - timedelta(days=cadence_days * k) for k in reversed(range(rng.randint(1, 3)))]
    lines = ["history:"]
    for when in done:
        lines += [
            f"  - done_on: {when.isoformat()}",
            "    evidence:",
            f"      - {INTRANET}/tasks/{tid}/{when.isoformat()}.pdf",
        ]
    return lines


def render_task(plan: Plan, tid: str) -> tuple[str, str]:
    rng = plan.rng(tid)
    number = int(tid.rsplit("-", 1)[1]) - 1
    # Types in turn, so that even a small workspace has the audits an ISMS requires.
    kind, title, clause = TASK_TYPES[number % len(TASK_TYPES)]
    cadence = rng.choice(CADENCES)
    lines = [
        *common_head(plan, rng, "task", tid),
        f"title: {q(title)}",
        f"type: {kind}",
        f"cadence: {cadence}",
        *prose("description", sentences(rng, 1, 2)),
    ]
    # AI literacy has applied since 2025-02-02 (AI Act Art. 4): a clean workspace has done it
    # (TASK004), while other tasks may still be planned for a first time.
    if rng.random() < 0.8 or kind == "ai-literacy":
        lines += history_lines(rng, tid, CADENCE_DAYS[cadence])
    else:
        lines.append(f"first_due: {day(rng, date(2027, 2, 1), 200)}")
    related = plan.some(rng, "control", 0, 2) + plan.some(rng, "processing-activity", 0, 1)
    lines += [f"relates_to: {flow(sorted(related))}", f"clause: {q(clause)}"]
    return f"tasks/plan-{number // TASKS_PER_FILE + 1:03d}.yaml", "\n".join(lines) + "\n"
