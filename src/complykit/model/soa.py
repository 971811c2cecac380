"""``statement-of-applicability``: one per framework (ISO/IEC 27001 clause 6.1.3 d))."""

from typing import Literal

from complykit.model.base import Record, StrictModel
from complykit.model.declaring import Field
from complykit.model.empty import EMPTY
from complykit.model.enums import ImplementationStatus, ImplementationStatusValue
from complykit.model.types import (
    ControlId,
    ControlRecordRef,
    EvidenceRef,
    FrameworkId,
    IsoDate,
    NonEmptyStr,
    PersonRef,
    RiskRef,
    Text,
)


class Approval(StrictModel):
    """Who approved this version of the Statement of Applicability, and when."""

    by: PersonRef = Field(description="Who approved it: a person id from `people`.")
    on: IsoDate
    """When it was approved."""
    version: str | None = None
    """The document version approved, e.g. '2.1'."""


class SoaEntry(StrictModel):
    """One control's line in the Statement of Applicability."""

    control: ControlId = Field(
        description="The catalog control this line is about, as the catalog writes it, e.g. A.8.13."
    )
    applicable: bool | None = None
    """true (included), false (excluded), or empty while still to decide."""
    justification: Text | None = None
    """Why the control is included or excluded."""
    reasons: list[
        Literal["risk-treatment", "legal", "contractual", "business", "best-practice"]
    ] = EMPTY
    """Why the control is in or out, as codes. Each code reads both ways: `risk-treatment`,
    the risk treatment needs the control (in) or the risk assessment found no risk it would
    treat (out); `legal`, a law requires it (in) or none does (out); `contractual`, a contract
    requires it (in) or none does (out); `business`, a business need asks for it (in) or none
    does (out). `best-practice` (good practice recommends it) explains inclusions only."""
    status: ImplementationStatusValue = ImplementationStatus.TO_DECIDE
    """How far the control is implemented."""
    owner: PersonRef | None = None
    """Who is responsible for the control."""
    evidence: list[EvidenceRef] = EMPTY
    """Proof of implementation: files in the repository or https URLs."""
    risks: list[RiskRef] = EMPTY
    """The risks this control treats."""
    measures: list[ControlRecordRef] = EMPTY
    """Our own measures (control records) that implement the control; their evidence counts."""


class StatementOfApplicability(Record):
    """The Statement of Applicability for one framework (ISO/IEC 27001 6.1.3 d))."""

    kind: Literal["statement-of-applicability"]
    """Always `statement-of-applicability`."""
    framework: FrameworkId = Field(
        description="The catalog this SoA covers, e.g. iso27001-2022, iso27701-2019, iso42001-2023."
    )
    title: NonEmptyStr | None = None
    """A title for the document, e.g. 'Statement of Applicability ISO/IEC 27001:2022'."""
    scope: Text | None = None
    """The scope of the management system the statement applies to."""
    approval: Approval | None = None
    """The approval of this version."""
    entries: list[SoaEntry] = EMPTY
    """One line per catalog control: included or excluded, why, and how far implemented."""
