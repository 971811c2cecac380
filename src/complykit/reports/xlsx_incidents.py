"""The breach register as worksheets: breaches (notified, then not notified), other incidents."""

from __future__ import annotations

from complykit.reports.incidents import (
    BreachRow,
    IncidentRow,
    IncidentsContext,
    NotificationRow,
    OtherNoticeRow,
)
from complykit.reports.labels import N_
from complykit.reports.xlsx_book import Book, Cell, Sheet, Words, book, lines

_BREACH_COLUMNS = (
    N_("Incident"),
    N_("Became aware of the breach"),
    N_("Our role"),
    N_("Nature of the breach"),
    N_("Categories of data subjects"),
    N_("People affected"),
    N_("Records"),
    N_("Categories of personal data"),
    N_("Risk to individuals"),
    N_("Likely consequences"),
    N_("Availability of the data"),
    N_("72-hour deadline (Art. 33(1))"),
    N_("Notification to the supervisory authority (Art. 33)"),
    N_("Communication to data subjects (Art. 34)"),
    N_("Other authorities notified"),
    N_("Remedial action taken or planned"),
    N_("AI Act: serious incident (Art. 73)"),
    N_("Status"),
    N_("Record id"),
)
_INCIDENT_COLUMNS = (
    N_("Incident"),
    N_("What happened"),
    N_("Severity"),
    N_("Status"),
    N_("Detected"),
    N_("Contained"),
    N_("Closed"),
    N_("Root cause"),
    N_("Remedial action taken or planned"),
    N_("AI Act: serious incident (Art. 73)"),
    N_("Record id"),
)


def incidents_book(context: IncidentsContext, words: Words) -> Book:
    breaches = [*context["notified"], *context["not_notified"]]
    sheets = [
        Sheet(
            words.gettext("Personal-data breaches"),
            tuple(map(words.gettext, _BREACH_COLUMNS)),
            [_breach(words, row, b) for row in breaches if (b := row["breach"]) is not None],
        ),
        Sheet(
            words.gettext("Other security incidents"),
            tuple(map(words.gettext, _INCIDENT_COLUMNS)),
            [_incident(words, row) for row in context["other"]],
        ),
    ]
    if context["undocumented"]:  # a breach all the same (INC001): never among the others
        undocumented = Sheet(
            words.gettext("Undocumented breaches"),
            tuple(map(words.gettext, _INCIDENT_COLUMNS)),
            [_incident(words, row) for row in context["undocumented"]],
        )
        sheets.insert(1, undocumented)
    title = words.gettext("Register of security incidents and personal-data breaches")
    return book(words, title, context["header"], sheets)


def _breach(words: Words, row: IncidentRow, b: BreachRow) -> tuple[Cell, ...]:
    subjects = b["data_subjects"]
    risk = f"{words.label(b['risk'], 'breach-risk')}: {b['risk_reasoning']}"
    data = [*b["data_categories"]]
    if b["special_categories"]:
        data.append(words.gettext("special categories of personal data (Art. 9)"))
    return (
        row["title"],
        words.moment(b["clock"]["aware_at"]),
        words.label(b["our_role"], "role"),
        ", ".join(words.label(n, "breach-nature") for n in b["nature"]),
        lines(b["subject_categories"]),
        b["approximate_subjects"],
        b["approximate_records"],
        lines(data),
        risk,
        b["consequences"],
        lines(b["availability"]) or None,
        words.moment(b["clock"]["deadline"]),
        _notice(words, b["authority"]),
        _notice(words, subjects) if subjects else None,
        lines([_other(words, o) for o in b["others"]]),
        lines(row["actions"]),
        _ai_act(words, row),
        words.label(row["status"], "incident-status"),
        row["id"],
    )


def _notice(words: Words, notice: NotificationRow) -> str:
    if notice["notified_at"] is not None:
        text = words.gettext("notified on %(on)s", on=words.moment(notice["notified_at"]))
        details = [notice["to"], notice["reference"], notice["method"]]
        if notice["by"]:
            details.append(
                words.gettext("by %(name)s", name=words.label(notice["by"], "notified-by"))
            )
        text = "; ".join([text, *filter(None, details)])
    elif notice["required"]:
        pending = [words.gettext("required, not yet notified"), notice["method"]]
        text = "; ".join(filter(None, pending))
    else:
        text = words.gettext("not required")
    if notice["exemption"]:
        text += "\n" + words.label(notice["exemption"], "art34-exemption")
    if notice["reason"]:
        text += f"\n{words.gettext('Reasoning')}: {notice['reason']}"
    return text


def _incident(words: Words, row: IncidentRow) -> tuple[Cell, ...]:
    return (
        row["title"],
        row["description"],
        words.label(row["severity"], "severity"),
        words.label(row["status"], "incident-status"),
        words.moment(row["detected_at"]),
        words.moment(row["contained_at"]),
        words.moment(row["closed_at"]),
        row["root_cause"],
        lines(row["actions"]),
        _ai_act(words, row),
        row["id"],
    )


def _other(words: Words, notice: OtherNoticeRow) -> str:
    text = f"{words.label(notice['authority_type'], 'authority-type')}: {notice['to']}"
    if notice["required"]:
        text += f" ({words.gettext('required')})"
    if notice["notified_at"] is None:
        return f"{text}; {words.gettext('not notified')}"
    text += "; " + words.gettext("notified on %(on)s", on=words.moment(notice["notified_at"]))
    if notice["reference"]:
        text += f"; {words.gettext('reference')} {notice['reference']}"
    if notice["by"]:
        by = words.label(notice["by"], "notified-by")
        text += "; " + words.gettext("by %(name)s", name=by)
    return text


def _ai_act(words: Words, row: IncidentRow) -> str | None:
    facts = row["ai_act"]
    if facts is None:
        return None
    parts = [f"{words.yesno(facts['serious'])}; {', '.join(facts['ai_systems'])}"]
    parts += [words.label(c, "ai-consequence") for c in facts["consequences"]]
    reported = words.moment(facts["reported_at"])
    if reported:
        where = f" — {facts['authority']}" if facts["authority"] else ""
        parts.append(
            f"{words.gettext('Reported to the market surveillance authority')}: {reported}{where}"
        )
    if facts["deadline"] is not None:
        due = words.gettext(
            "Report due (Art. 73(%(term)s), %(days)s days)",
            term=facts["term"],
            days=facts["term_days"],
        )
        parts.append(f"{due}: {words.day_end(facts['deadline'])}")
    parts.extend(filter(None, [facts["reasoning"]]))
    return "\n".join(parts)
