"""The parts of a CNIL PIA tool export as the text fields of a complykit ``dpia``.

The tool's structure numbers questions by section, item and question: answer ``reference_to``
121 is question 1.2.1. Section 1 is the context (the DPIA's description), section 2 the
fundamental principles (necessity and proportionality), section 3 the risks. Status codes are
the tool's own: a PIA is 0 being edited, 1 refused, 2 validated, 3 validated and signed,
4 archived; an evaluation is 1 to be corrected, 2 improvable, 3 acceptable; a DPO opinion is 0
unfavourable, 1 favourable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from complykit.exchange.html_text import plain_text

STATUS = {0: "in-progress", 1: "needs-update", 2: "completed", 3: "approved", 4: "needs-update"}
STATUS_NAMES = {
    0: "being edited", 1: "refused", 2: "validated", 3: "validated and signed", 4: "archived",
}  # fmt: skip
EVALUATION = {0: "not evaluated", 1: "to be corrected", 2: "improvable", 3: "acceptable"}
OPINION = {0: "unfavourable", 1: "favourable"}


def text(item: dict[str, Any], key: str) -> str:
    """``item[key]`` when it is text, else ""."""
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def number(item: dict[str, Any], key: str) -> int | None:
    value = item.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def measure_id(measure: dict[str, Any]) -> str:
    value = measure.get("id")
    return str(value) if isinstance(value, int | str) else ""


def _question(reference: object) -> str:
    digits = str(reference) if isinstance(reference, int | str) else ""
    if digits.isdigit() and len(digits) >= 3:
        return f"{digits[0]}.{digits[1]}.{digits[2:]}"
    return digits or "?"


def answer_line(answer: dict[str, Any]) -> str:
    """One answer as ``[1.2.1] text``, with its gauge and list when it has them."""
    raw = answer.get("data")
    data: dict[str, Any] = raw if isinstance(raw, dict) else {}
    parts = [plain_text(text(data, "text"))]
    gauge = number(data, "gauge")
    if gauge:
        parts.append(f"(gauge {gauge} of 4)")
    items = data.get("list")
    if isinstance(items, list) and items:
        parts.append("; ".join(str(item) for item in items if isinstance(item, str | int)))
    body = " ".join(part for part in parts if part)
    return f"[{_question(answer.get('reference_to'))}] {body}".rstrip()


def evaluation_line(evaluation: dict[str, Any]) -> str:
    """One evaluation with every field it has: status, comments, action plan, gauges, dates."""
    reference = evaluation.get("reference_to")
    status = EVALUATION.get(number(evaluation, "status") or 0, "not evaluated")
    parts = [f"Evaluation of {reference}: {status}"]
    for key, label in (
        ("evaluation_comment", "comment"),
        ("action_plan_comment", "action plan"),
        ("person_in_charge", "person in charge"),
        ("estimated_implementation_date", "planned for"),
    ):
        if value := plain_text(text(evaluation, key)):
            parts.append(f"{label}: {value}")
    gauges = evaluation.get("gauges")
    if isinstance(gauges, dict) and any(gauges.get(k) for k in ("x", "y")):
        parts.append(f"gauges: severity {gauges.get('x')}, likelihood {gauges.get('y')}")
    return "; ".join(parts)


def dpia_fields(
    pia: dict[str, Any],
    answers: Sequence[dict[str, Any]],
    measures: Sequence[dict[str, Any]],
    control_ids: Sequence[str],
) -> dict[str, Any]:
    """The dpia record's fields from the export; ``notes`` as a list of lines."""
    by_section: dict[str, list[str]] = {"1": [], "2": [], "3": []}
    for answer in answers:
        section = _question(answer.get("reference_to"))[0]
        by_section.get(section, by_section["3"]).append(answer_line(answer))
    status = number(pia, "status")
    fields: dict[str, Any] = {
        "title": " ".join(text(pia, "name").split()) or "PIA",
        "status": STATUS.get(status if status is not None else 0, "in-progress"),
    }
    if by_section["1"]:
        fields["description"] = "\n".join(by_section["1"])
    if by_section["2"]:
        fields["necessity_and_proportionality"] = "\n".join(by_section["2"])
    if control_ids:
        fields["measures"] = list(control_ids)
        fields["measures_description"] = "\n".join(_measure_line(m) for m in measures)
    fields.update(_opinions(pia))
    notes = _pia_notes(pia, status)
    if "dpo_advice" not in fields and (opinion := plain_text(text(pia, "dpo_opinion"))):
        notes.append(f"DPO opinion ({text(pia, 'dpos_names') or 'no name'}): {opinion}")
    fields["notes"] = notes + [f"Risks {line}" for line in by_section["3"]]
    return fields


def _measure_line(measure: dict[str, Any]) -> str:
    content = plain_text(text(measure, "content"))
    title = " ".join(plain_text(text(measure, "title")).split()) or "Measure"
    return f"{title}: {content}" if content else title


def _opinions(pia: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    day = (text(pia, "updated_at") or text(pia, "created_at"))[:10]
    opinion = plain_text(text(pia, "dpo_opinion"))
    dpo_status = number(pia, "dpo_status")
    if opinion and len(day) == 10:
        names = text(pia, "dpos_names")
        verdict = OPINION.get(dpo_status if dpo_status is not None else -1, "no opinion status")
        fields["dpo_advice"] = {
            "given_on": day,
            "summary": f"{names + ': ' if names else ''}{verdict}. {opinion}",
            "followed": dpo_status == 1,
        }
    searched = pia.get("concerned_people_searched_opinion")
    if isinstance(searched, bool):
        views: dict[str, Any] = {"sought": searched}
        said = [text(pia, "people_names"), plain_text(text(pia, "concerned_people_opinion"))]
        if summary := ": ".join(part for part in said if part):
            views["summary"] = summary
        reason = plain_text(text(pia, "concerned_people_searched_content"))
        if not searched and reason:
            views["reason_not_sought"] = reason
        fields["data_subject_views"] = views
    return fields


def _pia_notes(pia: dict[str, Any], status: int | None) -> list[str]:
    lines = [f"PIA tool status: {STATUS_NAMES.get(status or 0, 'unknown')}"]
    for key, label in (
        ("author_name", "Author"),
        ("evaluator_name", "Evaluator"),
        ("validator_name", "Validator"),
        ("category", "Category"),
        ("created_at", "Created"),
        ("updated_at", "Updated"),
        ("rejection_reason", "Rejection reason"),
        ("rejected_reason", "Rejection reason"),
        ("applied_adjustments", "Applied adjustments"),
        ("applied_adjustements", "Applied adjustments"),
    ):
        if value := plain_text(text(pia, key)):
            lines.append(f"{label}: {value}")
    status_people = number(pia, "concerned_people_status")
    if status_people is not None:
        lines.append(f"Opinion of the data subjects: {OPINION.get(status_people, 'unknown')}")
    return lines
