"""The facts a DPIA screening decides on (EDPB/WP248 criteria and the Dutch AP list).

Each flag is one criterion, stated as a fact about the processing, so that rules count criteria
instead of guessing from prose. 'Sensitive data' (criterion 4) is derived from the activity's
data categories and need not be repeated here; ``highly_personal_data`` covers the rest of it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, NonNegativeInt

from complykit.model.base import StrictModel
from complykit.model.types import IsoDate, Text

VulnerableGroup = Literal[
    "children",
    "patients",
    "employees",
    "applicants",
    "elderly",
    "asylum-seekers",
    "mentally-ill",
    "other",
]


class Scale(StrictModel):
    """The numbers behind 'large scale' (WP248 criterion 5)."""

    data_subjects: NonNegativeInt | None = None
    records: NonNegativeInt | None = None
    geographic_extent: Literal["local", "regional", "national", "international"] | None = None
    large_scale: bool
    """Our judgement, given the numbers above."""


class DpiaScreening(StrictModel):
    """Per-criterion answers for one processing activity."""

    evaluation_or_scoring: bool = False
    automated_decision_legal_effect: bool = False
    systematic_monitoring: bool = False
    highly_personal_data: bool = False
    scale: Scale | None = None
    matching_or_combining: bool = False
    vulnerable_data_subjects: list[VulnerableGroup] = []
    innovative_technology: bool = False
    """New technology or a new use of it, including AI."""
    prevents_exercising_rights: bool = False
    """Whether it can stop people exercising a right or using a service or contract."""
    ap_list_items: list[int] = Field(
        default=[], json_schema_extra={"items": {"minimum": 1, "maximum": 17}}
    )
    """Items (1-17) of the Dutch AP list of processing that always needs a DPIA."""
    conclusion: Literal["dpia-required", "dpia-not-required", "to-decide"] = "to-decide"
    rationale: Text | None = None
    screened_on: IsoDate | None = None
    """When the screening was done."""
