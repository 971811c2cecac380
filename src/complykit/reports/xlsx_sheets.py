"""Each report's typed context as worksheets: one row per record, the templates' wording.

Every builder calls the same ``build`` as the report's templates, so the workbook and the
HTML show the same records in the same order. Record text is never translated.
"""

from __future__ import annotations

from complykit.model.enums import ImplementationStatus
from complykit.reports import ai_register, ropa, soa, tasks
from complykit.reports import risks as risk_register
from complykit.reports.labels import N_
from complykit.reports.xlsx_book import Book, Cell, Sheet, Words, book, lines
from complykit.reports.xlsx_registers import activity_sheet, system_details_sheet, system_sheet

# The SoA summary's order: done first, then work to do, then what does not apply.
_STATUSES = (
    ImplementationStatus.IMPLEMENTED,
    ImplementationStatus.PARTIALLY_IMPLEMENTED,
    ImplementationStatus.PLANNED,
    ImplementationStatus.NOT_IMPLEMENTED,
    ImplementationStatus.TO_DECIDE,
    ImplementationStatus.NOT_APPLICABLE,
)


def ropa_book(context: ropa.RopaContext, words: Words) -> Book:
    sheets = [
        activity_sheet(
            words, words.gettext("Controller (Art. 30(1))"), context["controller_activities"]
        ),
        activity_sheet(
            words,
            words.gettext("Processor (Art. 30(2))"),
            context["processor_activities"],
            processor=True,
        ),
    ]
    return book(
        words, words.gettext("Register of processing activities"), context["header"], sheets
    )


def soa_book(context: soa.SoaContext, words: Words) -> Book:
    statements = context["statements"]
    sheets = [_soa_summary(words, statements), *(_soa_sheet(words, s) for s in statements)]
    return book(words, words.gettext("Statements of Applicability"), context["header"], sheets)


def _soa_summary(words: Words, statements: list[soa.Statement]) -> Sheet:
    columns = (
        words.gettext("Framework"),
        words.gettext("Title"),
        words.gettext("Scope"),
        words.gettext("Owner"),
        words.gettext("Approved by"),
        words.gettext("Approval"),
        *(words.label(status, "status") for status in _STATUSES),
        words.gettext("not in the statement"),
        words.gettext("Total"),
        words.gettext("Record id"),
    )
    return Sheet(words.gettext("Summary"), columns, [_soa_totals(words, s) for s in statements])


def _soa_totals(words: Words, statement: soa.Statement) -> tuple[Cell, ...]:
    counts = {count["status"]: count["count"] for count in statement["counts"]}
    approval = statement["approval"]
    approved_by = None
    if approval:
        version = approval["version"]
        suffix = f" ({words.gettext('version %(version)s', version=version)})" if version else ""
        approved_by = approval["by"] + suffix
    return (
        statement["framework_name"],
        statement["title"],
        statement["scope"],
        statement["owner"],
        approved_by,
        approval["on"] if approval else None,
        *(counts.get(status.value, 0) for status in _STATUSES),
        counts.get(None, 0),
        len(statement["rows"]),
        statement["id"],
    )


def _soa_sheet(words: Words, statement: soa.Statement) -> Sheet:
    columns = (
        N_("Control"),
        N_("Title"),
        N_("Applicable"),
        N_("Justification"),
        N_("Status"),
        N_("Owner"),
        N_("Reasons"),
        N_("Risks and measures"),
        N_("Evidence"),
    )
    not_in_statement = words.gettext("not in the statement")
    rows: list[tuple[Cell, ...]] = [
        (
            row["control"],
            row["title"] or None,
            words.yesno(row["applicable"]),
            row["justification"],
            words.label(row["status"], "status") if row["status"] else not_in_statement,
            row["owner"],
            lines([words.label(reason, "soa-reason") for reason in row["reasons"]]),
            lines([*row["risks"], *row["measures"]]),
            lines(row["evidence"]),
        )
        for row in statement["rows"]
    ]
    return Sheet(statement["framework"], tuple(map(words.gettext, columns)), rows)


def risks_book(context: risk_register.RisksContext, words: Words) -> Book:
    columns = (
        words.gettext("Risk"),
        words.gettext("Category"),
        words.gettext("Inherent likelihood"),
        words.gettext("Inherent impact"),
        words.gettext("Inherent score"),
        words.gettext("Residual likelihood"),
        words.gettext("Residual impact"),
        words.gettext("Residual score"),
        words.heading("above appetite"),
        words.gettext("Treatment"),
        words.gettext("Controls and measures"),
        words.gettext("Acceptance"),
        words.gettext("Owner"),
        words.gettext("Source"),
        words.gettext("Assessed"),
        words.gettext("Next review"),
        words.gettext("Assessment interval"),
        words.gettext("Record id"),
    )
    rows = [_risk(words, risk) for risk in context["risks"]]
    appetite = words.gettext(
        "Risk appetite: a residual score of at most %(appetite)s is accepted without a formal "
        "acceptance.",
        appetite=context["appetite"],
    )
    sheets = [
        Sheet(words.gettext("Risk register"), columns, rows),
        _actions_sheet(words, context["risks"]),
    ]
    return book(words, words.gettext("Risk register"), context["header"], sheets, appetite)


def _actions_sheet(words: Words, risks: list[risk_register.RiskRow]) -> Sheet:
    """The treatment plans: one row per action (ISO/IEC 27001 6.1.3 e), 8.3)."""
    columns = (
        words.gettext("Risk"),
        words.gettext("Action"),
        words.gettext("Owner"),
        words.gettext("Due"),
        words.gettext("Status"),
        words.gettext("Done on"),
        words.gettext("Record id"),
    )
    rows: list[tuple[Cell, ...]] = [
        (
            risk["title"],
            a["action"],
            a["owner"],
            a["due"],
            words.label(a["status"], "action-status"),
            a["done_on"],
            risk["id"],
        )
        for risk in risks
        for a in risk["actions"]
    ]
    return Sheet(words.gettext("Treatment plans"), columns, rows)


def _risk(words: Words, risk: risk_register.RiskRow) -> tuple[Cell, ...]:
    residual = risk["residual"]
    treatment = words.label(risk["treatment"], "treatment")
    if risk["treatment_plan"]:
        treatment = f"{treatment}: {risk['treatment_plan']}"
    controls = [
        f"{c['control']} ({c['framework']}): " + _control_status(words, c["status"])
        for c in risk["controls"]
    ]
    controls += [
        f"{m['title']}: {words.label(m['status'], 'status') if m['status'] else '—'}"
        for m in risk["measures"]
    ]
    return (
        risk["title"],
        words.label(risk["category"], "risk-category"),
        risk["inherent"]["likelihood"],
        risk["inherent"]["impact"],
        risk["inherent"]["score"],
        residual["likelihood"] if residual else None,
        residual["impact"] if residual else None,
        residual["score"] if residual else None,
        words.yesno(risk["above_appetite"]),
        treatment,
        lines(controls),
        _acceptance(words, risk["acceptance"]),
        risk["owner"],
        risk["source"],
        risk["last_assessed"],
        risk["next_review"],
        words.duration(interval) if (interval := risk["assessment_interval"]) else None,
        risk["id"],
    )


def _acceptance(words: Words, acceptance: risk_register.AcceptanceRow | None) -> str | None:
    if acceptance is None:
        return None
    accepted = words.gettext(
        "accepted by %(name)s on %(on)s, until %(until)s",
        name=acceptance["by"],
        on=words.long_date(acceptance["on"]),
        until=words.long_date(acceptance["until"]),
    )
    text = f"{accepted}: {acceptance['rationale']}"
    # The flag records why it was accepted; left out, it says nothing (the score says the rest).
    if acceptance["within_appetite"]:
        text += f"\n{words.gettext('accepted as within the appetite')}"
    return text


def tasks_book(context: tasks.TasksContext, words: Words) -> Book:
    columns = (
        words.gettext("Task"),
        words.gettext("Type"),
        words.gettext("Every"),
        words.gettext("Last done"),
        words.gettext("Next due"),
        words.heading("overdue"),
        words.gettext("Owner"),
        words.gettext("Requirement"),
        words.gettext("Record id"),
    )
    rows: list[tuple[Cell, ...]] = [
        (
            task["title"],
            words.label(task["type"], "task-type"),
            words.duration(task["cadence"]),
            task["last_done"],
            task["next_due"],
            words.yesno(task["overdue"]),
            task["owner"],
            task["clause"],
            task["id"],
        )
        for task in context["tasks"]
    ]
    sheets = [Sheet(words.gettext("Compliance calendar"), columns, rows)]
    return book(words, words.gettext("Compliance calendar"), context["header"], sheets)


def ai_register_book(context: ai_register.AiRegisterContext, words: Words) -> Book:
    systems = context["systems"]
    sheets = [system_sheet(words, systems), system_details_sheet(words, systems)]
    return book(words, words.gettext("AI register"), context["header"], sheets)


def _control_status(words: Words, status: str | None) -> str:
    if status == "missing":
        return words.gettext("not in the statement")
    if status is None:
        return words.gettext("no statement of applicability")
    return words.label(status, "status")
