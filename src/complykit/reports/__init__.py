"""Audit documents rendered from a workspace: the one registry of reports.

A report is declared once, here: its CLI name, its title, the function that builds its typed
context, its templates (``templates/<template>.html.j2`` and ``.md.j2``) and the function
that lays the same context out as worksheets. Functions are named as ``module:function``
inside this package and imported only when a report is rendered, so that the CLI can list the
reports (and ``--help`` stays fast) without loading Jinja or the models.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, cast

from complykit.core.frozen import frozen

if TYPE_CHECKING:
    from complykit.reports.request import Request
    from complykit.reports.xlsx_book import Book, Words
    from complykit.workspace.repository import Repository

ContextBuilder = Callable[["Repository", "Request"], Mapping[str, Any]]
SheetsBuilder = Callable[[Mapping[str, Any], "Words"], "Book"]

AUDIENCES = ("internal", "public")


@frozen
class Report:
    """One report: everything that renders it, in every language and format."""

    name: str
    description: str
    context: str
    """``module:function`` that builds the typed context from the repository."""
    template: str
    """The stem of ``templates/<template>.html.j2`` and ``.md.j2``."""
    sheets: str
    """``module:function`` that turns the context into an xlsx Book."""
    per_record: str | None = None
    """The record kind when the report is one document per record (``--id`` picks one)."""
    audiences: tuple[str, ...] = ("internal",)
    """Who the report may be given to; ``public`` leaves out what is internal."""
    checks: bool = False
    """Whether the report shows findings, so that the records must be checked first."""
    translated: bool = True
    """Whether the context builder writes text in the request's language. When it does not,
    an audit pack builds one context for every language (a test compares them)."""

    def build(self, repo: Repository, request: Request) -> Mapping[str, Any]:
        return cast("ContextBuilder", _function(self.context))(repo, request)

    def book(self, context: Mapping[str, Any], words: Words) -> Book:
        return cast("SheetsBuilder", _function(self.sheets))(context, words)

    def import_builders(self) -> None:
        """Import the context and sheet builders now rather than at first use."""
        _function(self.context)
        _function(self.sheets)


def _function(reference: str) -> object:
    module, _, function = reference.partition(":")
    return getattr(import_module(f"{__name__}.{module}"), function)


REPORTS: dict[str, Report] = {
    report.name: report
    for report in (
        Report(
            "ropa",
            "Register of processing activities (GDPR Art. 30)",
            "ropa:build",
            "ropa",
            "xlsx_sheets:ropa_book",
            translated=False,
        ),
        Report(
            "soa",
            "Statements of Applicability with status counts",
            "soa:build",
            "soa",
            "xlsx_sheets:soa_book",
        ),
        Report(
            "risks",
            "Risk register, highest residual first",
            "risks:build",
            "risks",
            "xlsx_sheets:risks_book",
            translated=False,
        ),
        Report(
            "ai-register",
            "AI systems and their risk class",
            "ai_register:build",
            "ai_register",
            "xlsx_sheets:ai_register_book",
        ),
        Report(
            "tasks",
            "Compliance calendar: recurring tasks and due dates",
            "tasks:build",
            "tasks",
            "xlsx_sheets:tasks_book",
            translated=False,
        ),
        Report(
            "incidents",
            "Security incidents and the breach register (GDPR Art. 33(5))",
            "incidents:build",
            "incidents",
            "xlsx_incidents:incidents_book",
            translated=False,
        ),
        Report(
            "suppliers",
            "Processors, sub-processors and other suppliers (GDPR Art. 28)",
            "suppliers:build",
            "suppliers",
            "xlsx_suppliers:suppliers_book",
            audiences=AUDIENCES,
            translated=False,
        ),
        Report(
            "dpia",
            "Data protection impact assessments (GDPR Art. 35), one document each",
            "dpia:build",
            "dpia",
            "xlsx_dpia:dpia_book",
            per_record="dpia",
            translated=False,
        ),
        Report(
            "summary",
            "One-page management summary of findings, breaches, SoA, risks, DPIAs and AI",
            "summary:build",
            "summary",
            "xlsx_summary:summary_book",
            checks=True,
        ),
    )
}
