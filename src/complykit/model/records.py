"""Every record kind, registered in one place: the discriminated union and the kind lookup."""

from __future__ import annotations

from typing import Annotated

from complykit.model.ai_system import AiSystem
from complykit.model.base import Record
from complykit.model.control import Control
from complykit.model.declaring import Field
from complykit.model.dpia import Dpia
from complykit.model.incident import Incident
from complykit.model.processing import ProcessingActivity
from complykit.model.risk import Risk
from complykit.model.soa import StatementOfApplicability
from complykit.model.supplier import Supplier
from complykit.model.task import Task
from complykit.model.waiver import Waiver

RECORD_MODELS: dict[str, type[Record]] = {
    "processing-activity": ProcessingActivity,
    "ai-system": AiSystem,
    "risk": Risk,
    "statement-of-applicability": StatementOfApplicability,
    "dpia": Dpia,
    "incident": Incident,
    "supplier": Supplier,
    "task": Task,
    "control": Control,
    "waiver": Waiver,
}

AnyRecord = Annotated[
    ProcessingActivity
    | AiSystem
    | Risk
    | StatementOfApplicability
    | Dpia
    | Incident
    | Supplier
    | Task
    | Control
    | Waiver,
    Field(discriminator="kind"),
]
