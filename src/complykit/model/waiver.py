"""``waiver``: a decision, on the record, to accept one rule's findings for a while.

Waivers are records rather than comments in the files they excuse, so auditors can list them,
each has an owner and a reason, and each expires: an expired or unused waiver is a finding.
"""

from typing import Literal, Self

from complykit.model.base import Record
from complykit.model.declaring import Field, model_validator
from complykit.model.empty import EMPTY
from complykit.model.types import (
    RULE_CODE_PATTERN,
    AnyRecordRef,
    IsoDate,
    NonEmptyStr,
    PersonRef,
    Text,
)


class Waiver(Record):
    """Accepts the findings of one rule for the named records or files, until it expires."""

    kind: Literal["waiver"]
    """Always `waiver`."""
    code: NonEmptyStr = Field(pattern=RULE_CODE_PATTERN, examples=["GDPR022"])
    """The finding code waived, e.g. GDPR022 (see `complykit rules`)."""
    records: list[AnyRecordRef] = EMPTY
    """The records whose findings of this code are waived."""
    paths: list[NonEmptyStr] = EMPTY
    """Glob patterns of files (relative to the workspace) whose findings of this code are
    waived, e.g. `legacy/**`."""
    reason: Text
    """Why the finding is accepted: the risk it leaves, and why that is acceptable for now."""
    owner: PersonRef  # required here, optional on other records
    """Who answers for the waiver."""
    approved_by: PersonRef | None = None
    """Who approved it, when that is someone other than the owner."""
    approved_on: IsoDate | None = None
    """When it was approved."""
    expires: IsoDate
    """The last day it applies; after it the findings come back."""

    @model_validator(mode="after")
    def _names_what_it_waives(self) -> Self:
        if not self.records and not self.paths:
            raise ValueError("name the `records` or `paths` whose findings are waived")
        return self
