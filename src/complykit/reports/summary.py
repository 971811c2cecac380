"""A one-page management summary: findings, overdue reviews and tasks, open breaches and their
clocks, SoA implementation per framework, risks above appetite, pending DPIAs, AI risk classes."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import TypedDict

from complykit.model.ai_system import AiSystem
from complykit.model.dpia import Dpia
from complykit.model.processing import ProcessingActivity
from complykit.model.task import Task
from complykit.reports import incidents, risks, soa
from complykit.reports.header import Header, header
from complykit.reports.request import Request
from complykit.workspace.repository import Repository

SEVERITIES = ("error", "warning", "info")
_PENDING_DPIA = ("planned", "in-progress", "needs-update")
_RISK_CLASSES = ("prohibited", "high-risk", "transparency", "minimal")


class FamilyRow(TypedDict):
    family: str
    counts: list[int]


class Overdue(TypedDict):
    kind: str
    title: str
    id: str
    due: date


class OpenBreach(TypedDict):
    id: str
    title: str
    aware_at: datetime | None
    deadline: datetime | None
    notified_at: datetime | None
    late: bool
    documented: bool
    """False for an incident that involves personal data but records no breach (INC001):
    an open breach all the same, whose clock the register cannot show."""


class Implementation(TypedDict):
    framework: str
    applicable: int
    implemented: int
    partial: int
    percent: int


class HighRisk(TypedDict):
    id: str
    title: str
    score: int
    treatment: str
    accepted: bool


class PendingDpia(TypedDict):
    id: str
    title: str
    status: str


class ClassCount(TypedDict):
    risk_class: str
    count: int


class SummaryContext(TypedDict):
    header: Header
    checked: bool
    severities: tuple[str, ...]
    families: list[FamilyRow]
    totals: list[int]
    overdue: list[Overdue]
    open_breaches: list[OpenBreach]
    implementation: list[Implementation]
    appetite: int
    above_appetite: list[HighRisk]
    pending_dpias: list[PendingDpia]
    unscreened: list[str]
    ai_classes: list[ClassCount]


def build(repo: Repository, request: Request) -> SummaryContext:
    families = _families(request)
    return SummaryContext(
        header=header(repo, request),
        checked=request.findings is not None,
        severities=SEVERITIES,
        families=families,
        totals=[sum(row["counts"][i] for row in families) for i in range(len(SEVERITIES))],
        overdue=_overdue(repo),
        open_breaches=_open_breaches(repo, request),
        implementation=_implementation(repo, request),
        appetite=repo.config.risk_method.appetite,
        above_appetite=_above_appetite(repo, request),
        pending_dpias=_pending_dpias(repo),
        unscreened=_dpia_missing(repo),
        ai_classes=_ai_classes(repo),
    )


def _families(request: Request) -> list[FamilyRow]:
    counts: dict[str, Counter[str]] = {}
    for found in request.findings or ():
        counts.setdefault(found.family, Counter())[found.severity] += found.count
    return [
        FamilyRow(family=family, counts=[counts[family][s] for s in SEVERITIES])
        for family in sorted(counts)
    ]


def _overdue(repo: Repository) -> list[Overdue]:
    found = [
        Overdue(kind=entry.record.kind, title=entry.record.label, id=entry.record.id, due=due)
        for entry in repo.entries
        if (due := entry.record.next_review) is not None and due < repo.as_of
    ]
    found.extend(
        Overdue(kind="task", title=task.title, id=task.id, due=task.next_due)
        for _, task in repo.records(Task)
        if task.next_due is not None and task.next_due < repo.as_of
    )
    return sorted(found, key=lambda o: (o["due"], o["id"]))


def _open_breaches(repo: Repository, request: Request) -> list[OpenBreach]:
    context = incidents.build(repo, request)
    rows = [*context["notified"], *context["not_notified"]]
    documented = [
        OpenBreach(
            id=r["id"],
            title=r["title"],
            aware_at=b["clock"]["aware_at"],
            deadline=b["clock"]["deadline"],
            notified_at=b["authority"]["notified_at"],
            late=b["clock"]["late"],
            documented=True,
        )
        for r in rows
        if (b := r["breach"]) is not None and r["status"] in _OPEN
    ]
    undocumented = [
        OpenBreach(
            id=r["id"],
            title=r["title"],
            aware_at=None,
            deadline=None,
            notified_at=None,
            late=False,
            documented=False,
        )
        for r in context["undocumented"]
        if r["status"] in _OPEN
    ]
    return documented + undocumented


_OPEN = ("open", "contained")


def _implementation(repo: Repository, request: Request) -> list[Implementation]:
    found: list[Implementation] = []
    for statement in soa.build(repo, request)["statements"]:
        applicable = [r for r in statement["rows"] if r["applicable"]]
        done = sum(1 for r in applicable if r["status"] == "implemented")
        partial = sum(1 for r in applicable if r["status"] == "partially-implemented")
        found.append(
            Implementation(
                framework=statement["framework_name"],
                applicable=len(applicable),
                implemented=done,
                partial=partial,
                percent=round(100 * done / len(applicable)) if applicable else 0,
            )
        )
    return found


def _above_appetite(repo: Repository, request: Request) -> list[HighRisk]:
    return [
        HighRisk(
            id=r["id"],
            title=r["title"],
            score=(r["residual"] or r["inherent"])["score"],
            treatment=r["treatment"],
            accepted=r["acceptance"] is not None,
        )
        for r in risks.build(repo, request)["risks"]
        if r["above_appetite"]
    ]


def _pending_dpias(repo: Repository) -> list[PendingDpia]:
    return sorted(
        (
            PendingDpia(id=d.id, title=d.title, status=d.status)
            for _, d in repo.records(Dpia)
            if d.status in _PENDING_DPIA
        ),
        key=lambda d: d["id"],
    )


def _dpia_missing(repo: Repository) -> list[str]:
    """Activities whose screening requires a DPIA that no DPIA covers."""
    covered = {a for _, d in repo.records(Dpia) for a in d.processing_activities}
    return sorted(
        a.name
        for _, a in repo.records(ProcessingActivity)
        if a.dpia_screening is not None
        and a.dpia_screening.conclusion == "dpia-required"
        and a.dpia is None
        and a.id not in covered
    )


def _ai_classes(repo: Repository) -> list[ClassCount]:
    counted: Counter[str] = Counter(s.classification.risk_class for _, s in repo.records(AiSystem))
    return [ClassCount(risk_class=c, count=counted[c]) for c in _RISK_CLASSES]
