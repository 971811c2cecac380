"""An incident with an AI system, judged as an AI Act serious incident (Art. 3(49), Art. 73)."""

from typing import Literal

from complykit.model.base import StrictModel
from complykit.model.declaring import Field
from complykit.model.empty import EMPTY
from complykit.model.types import AiSystemRef, NonEmptyStr, Text, Timestamp

Consequence = Literal[
    "death",
    "serious-harm-to-health",
    "critical-infrastructure",
    "fundamental-rights",
    "property-or-environment",
]


class SeriousIncident(StrictModel):
    """The AI Act facts of an incident with a high-risk AI system (`ai_act` on an incident)."""

    ai_systems: list[AiSystemRef] = Field(min_length=1)
    """The AI systems whose malfunction or use is involved."""
    serious: bool
    """Whether it is a serious incident (Art. 3(49)): it led, or may have led, directly or
    indirectly to one of the `consequences`."""
    consequences: list[Consequence] = EMPTY
    """What happened or may have happened (Art. 3(49)(a)-(d)): `death` or
    `serious-harm-to-health` (a), serious and irreversible disruption of `critical-infrastructure`
    (b), infringement of Union law protecting `fundamental-rights` (c), serious harm to
    `property-or-environment` (d)."""
    widespread_infringement: bool = False
    """Whether it is a widespread infringement (Art. 3(61)): it harms the interests of people in
    several Member States; then the 2-day term of Art. 73(3) applies."""
    aware_at: Timestamp | None = None
    """When we became aware of the serious incident itself. The outer limit of Art. 73(2)-(4)
    (15, 10 or 2 days) runs from this moment, whatever the analysis of a causal link with the
    system later finds: establishing or suspecting that link only makes the report due
    immediately, it never moves the limit. Do not record here when the link was established.
    When missing, the incident's `aware_at` or `detected_at` is used."""
    reasoning: Text | None = None
    """Why it is, or is not, a serious incident."""
    provider_informed_at: Timestamp | None = None
    """As deployer: when we told the provider (Art. 26(5))."""
    reported_at: Timestamp | None = None
    """When the market surveillance authority was told (Art. 73(1)); an initial, incomplete
    report counts (Art. 73(5))."""
    authority: NonEmptyStr | None = None
    """The market surveillance authority reported to, e.g. 'Inspectie Gezondheidszorg en Jeugd'
    for a medical device or 'Autoriteit Persoonsgegevens'."""
    reference: NonEmptyStr | None = None
    """The report or case number the authority gave."""
