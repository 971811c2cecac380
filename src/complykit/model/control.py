"""``control``: one of the organisation's own measures, and the catalog controls it implements."""

from __future__ import annotations

from typing import Literal

from complykit.model.base import Record
from complykit.model.enums import ImplementationStatusValue
from complykit.model.types import EvidenceRef, FrameworkControls, NonEmptyStr, Text


class Control(Record):
    kind: Literal["control"]
    title: NonEmptyStr
    description: Text | None = None
    type: Literal["technical", "organisational", "physical", "legal"] = "organisational"
    status: ImplementationStatusValue
    implements: FrameworkControls = {}
    evidence: list[EvidenceRef] = []
