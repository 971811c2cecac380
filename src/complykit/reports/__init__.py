"""Audit documents rendered from a workspace: the registry of reports.

Each report is a name, a template (``templates/<template>.html.j2`` and ``.md.j2``) and a
context builder that turns the repository into a typed, sorted context. ``render.py`` holds
the one Jinja environment that renders them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from complykit.reports import ai_register, ropa, soa, tasks
from complykit.reports import risks as risk_register
from complykit.repository import Repository

ContextBuilder = Callable[[Repository, str], Mapping[str, object]]


@dataclass(frozen=True, slots=True)
class Report:
    """One report: its CLI name, its template stem and the function that builds its context."""

    name: str
    template: str
    build: ContextBuilder
    description: str


REPORTS: dict[str, Report] = {
    report.name: report
    for report in (
        Report("ropa", "ropa", ropa.build, "Register of processing activities (GDPR Art. 30)"),
        Report("soa", "soa", soa.build, "Statements of Applicability with status counts"),
        Report("risks", "risks", risk_register.build, "Risk register, highest residual first"),
        Report("ai-register", "ai_register", ai_register.build, "AI systems and their risk class"),
        Report("tasks", "tasks", tasks.build, "Compliance calendar: recurring tasks and due dates"),
    )
}
