"""Filters: dates, durations, countries and labels in English and Dutch."""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

import pytest

from complykit.model.ai_system import AiActRole, AiSystem, ImpactAssessment, RiskClass
from complykit.model.dpia import Dpia
from complykit.model.duration import Duration
from complykit.model.enums import (
    ImplementationStatus,
    LegalBasis,
    ProcessingRole,
    SpecialCategory,
    TransferMechanism,
)
from complykit.model.processing import Recipient
from complykit.model.risk import Risk
from complykit.model.task import Task
from complykit.reports.filters import filters, markdown_cell
from complykit.reports.labels import LABELS
from complykit.reports.render import translations
from complykit.reports.ropa import NOT_STATED


def _filters(lang: str) -> dict[str, Any]:
    return filters(lang, translations(lang))


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "23 November 2026"), ("nl", "23 november 2026")]
)
def test_dates_follow_the_locale(lang: str, expected: str) -> None:
    """A date is written out in full in the report's language."""
    assert _filters(lang)["long_date"](date(2026, 11, 23)) == expected


@pytest.mark.parametrize(
    ("lang", "duration", "expected"),
    [
        ("en", Duration(years=20), "20 years"),
        ("nl", Duration(years=2), "2 jaar"),
        ("en", Duration(years=1, months=6), "1 year and 6 months"),
        ("nl", Duration(weeks=4), "4 weken"),
        ("nl", Duration(hours=72), "72 uur"),
    ],
)
def test_durations_read_as_words(lang: str, duration: Duration, expected: str) -> None:
    """A duration is written as words in the report's language, not as ISO 8601."""
    assert _filters(lang)["duration"](duration) == expected


def test_labels_and_countries_are_translated() -> None:
    """Enum values and country codes are shown in Dutch in a Dutch report."""
    nl = _filters("nl")
    assert nl["label"]("public-task", "legal-basis") == "algemeen belang / openbaar gezag"
    assert nl["label"]("controller", "role") == "verwerkingsverantwoordelijke"
    assert nl["country"]("US") == "Verenigde Staten"
    assert [nl["yesno"](value) for value in (True, False, None)] == ["ja", "nee", "—"]


def test_markdown_cell_is_one_safe_line() -> None:
    """A Markdown cell never breaks the table: pipes and backslashes escaped, lines joined."""
    assert markdown_cell("a | b\\c\n  <i>d</i>") == "a \\| b\\\\c &lt;i&gt;d&lt;/i&gt;"
    assert markdown_cell(None) == "—"


VOCABULARIES = {
    "role": tuple(ProcessingRole),
    "legal-basis": (*LegalBasis, NOT_STATED),  # a purpose may lack its basis (GDPR029)
    "special-category": tuple(SpecialCategory),
    "transfer-mechanism": tuple(TransferMechanism),
    "status": tuple(ImplementationStatus),
    "recipient-type": get_args(Recipient.model_fields["type"].annotation),
    "dpia-status": get_args(Dpia.model_fields["status"].annotation),
    "risk-category": get_args(Risk.model_fields["category"].annotation),
    "treatment": get_args(Risk.model_fields["treatment"].annotation),
    "ai-role": get_args(AiActRole),
    "risk-class": get_args(RiskClass),
    "assessment-type": get_args(ImpactAssessment.model_fields["type"].annotation),
    "assessment-status": get_args(ImpactAssessment.model_fields["status"].annotation),
    "lifecycle": get_args(AiSystem.model_fields["lifecycle"].annotation),
    "task-type": get_args(Task.model_fields["type"].annotation),
}


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_every_value_has_a_label(vocabulary: str) -> None:
    """Each value the models allow has exactly one label in its vocabulary."""
    values = {str(v) for v in VOCABULARIES[vocabulary]}
    assert values
    assert set(LABELS[vocabulary]) == values


@pytest.mark.parametrize(
    ("lang", "interval", "expected"),
    [
        ("en", Duration(years=1), "every year"),
        ("nl", Duration(years=1), "elk jaar"),
        ("nl", Duration(months=1), "elke maand"),
        ("en", Duration(months=6), "every 6 months"),
        ("nl", Duration(months=6), "elke 6 maanden"),
        ("nl", Duration(years=1, months=6), "elke 1 jaar en 6 maanden"),
    ],
)
def test_a_recurrence_reads_as_people_write_it(
    lang: str, interval: Duration, expected: str
) -> None:
    """One unit gets its own word ("every year", "elk jaar"), not "every 1 year"."""
    assert _filters(lang)["every"](interval) == expected
