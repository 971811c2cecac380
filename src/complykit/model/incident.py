"""``incident``: a security incident, and the personal-data breach facts when there is one.

All moments are timestamps with a UTC offset: the Art. 33(1) clock runs 72 hours from the
moment the organisation became aware, and a clock without a timezone can be off by hours.
"""

from __future__ import annotations

from typing import Literal

from pydantic import NonNegativeInt

from complykit.model.base import Record, StrictModel
from complykit.model.types import (
    AnyRecordRef,
    NonEmptyStr,
    ProcessingRef,
    SupplierRef,
    Text,
    Timestamp,
)


class Notification(StrictModel):
    """A notification made, or the decision not to make one."""

    required: bool
    notified_at: Timestamp | None = None
    to: NonEmptyStr | None = None
    reference: NonEmptyStr | None = None
    reason: Text | None = None
    """Why it is not required, or why it was late (Art. 33(1))."""


class SubjectNotification(Notification):
    exemption: Literal["a", "b", "c"] | None = None
    """The Art. 34(3) point that makes notifying data subjects unnecessary."""
    method: NonEmptyStr | None = None


class Breach(StrictModel):
    """Personal-data breach details (GDPR Art. 4(12), 33, 34)."""

    our_role: Literal["controller", "processor"]
    nature: list[Literal["confidentiality", "integrity", "availability"]]
    data_subject_categories: list[NonEmptyStr] = []
    approximate_data_subjects: NonNegativeInt | None = None
    approximate_records: NonNegativeInt | None = None
    data_categories: list[NonEmptyStr] = []
    special_categories: bool = False
    risk_to_individuals: Literal["none", "risk", "high-risk"]
    risk_reasoning: Text
    likely_consequences: Text | None = None
    controller_notified_at: Timestamp | None = None
    """When we, as processor, told the controller (Art. 33(2))."""
    authority: Notification
    data_subjects: SubjectNotification | None = None


class Incident(Record):
    kind: Literal["incident"]
    title: NonEmptyStr
    description: Text
    severity: Literal["low", "medium", "high", "critical"]
    status: Literal["open", "contained", "resolved", "closed"]
    occurred_at: Timestamp | None = None
    detected_at: Timestamp
    aware_at: Timestamp | None = None
    """When the organisation became aware that personal data was affected."""
    contained_at: Timestamp | None = None
    closed_at: Timestamp | None = None
    personal_data_involved: bool
    breach: Breach | None = None
    processing_activities: list[ProcessingRef] = []
    suppliers: list[SupplierRef] = []
    affects: list[AnyRecordRef] = []
    root_cause: Text | None = None
    actions: list[Text] = []
    lessons_learned: Text | None = None
