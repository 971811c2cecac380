"""``statement-of-applicability``: one per framework (ISO/IEC 27001 clause 6.1.3 d))."""

from __future__ import annotations

from typing import Literal

from complykit.model.base import Record, StrictModel
from complykit.model.enums import ImplementationStatus, ImplementationStatusValue
from complykit.model.types import (
    ControlId,
    ControlRecordRef,
    EvidenceRef,
    FrameworkId,
    IsoDate,
    PersonRef,
    RiskRef,
    Text,
)


class Approval(StrictModel):
    by: PersonRef
    on: IsoDate
    version: str | None = None


class SoaEntry(StrictModel):
    """One control's line in the Statement of Applicability."""

    control: ControlId
    applicable: bool | None = None
    """true (included), false (excluded), or empty while still to decide."""
    justification: Text | None = None
    """Why the control is included or excluded."""
    reasons: list[
        Literal["risk-treatment", "legal", "contractual", "business", "best-practice"]
    ] = []
    status: ImplementationStatusValue = ImplementationStatus.TO_DECIDE
    owner: PersonRef | None = None
    evidence: list[EvidenceRef] = []
    risks: list[RiskRef] = []
    measures: list[ControlRecordRef] = []


class StatementOfApplicability(Record):
    kind: Literal["statement-of-applicability"]
    framework: FrameworkId
    title: str | None = None
    scope: Text | None = None
    approval: Approval | None = None
    entries: list[SoaEntry] = []
