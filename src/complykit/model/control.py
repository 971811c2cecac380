"""``control``: one of the organisation's own measures, and the catalog controls it implements."""

from typing import Literal

from complykit.model.base import Record
from complykit.model.declaring import Field
from complykit.model.empty import EMPTY
from complykit.model.enums import ImplementationStatusValue
from complykit.model.types import EvidenceRef, FrameworkControls, NonEmptyStr, Text


class Control(Record):
    """One of our own security or privacy measures, mapped to the catalog controls it meets."""

    kind: Literal["control"]
    """Always `control`."""
    title: NonEmptyStr
    """A short name for the measure, e.g. 'Encrypted nightly backups'."""
    description: Text | None = None
    """What the measure is and how it works in practice."""
    type: Literal["technical", "organisational", "physical", "legal"] = "organisational"
    """The nature of the measure."""
    status: ImplementationStatusValue
    """How far the measure is implemented."""
    implements: FrameworkControls = Field(
        default={},
        description="The catalog controls this measure implements, by framework, "
        "e.g. {iso27001-2022: [A.8.13]}.",
    )
    evidence: list[EvidenceRef] = EMPTY
    """Proof that the measure works: files in the repository or https URLs."""
