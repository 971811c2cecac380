"""``complykit.yaml``: the organisation, its people and scope, and how it scores risk."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, NonNegativeInt, PositiveInt

from complykit.model.base import StrictModel
from complykit.model.types import (
    CountryCode,
    Email,
    FrameworkId,
    NonEmptyStr,
    PersonRef,
    RecordId,
)


class PersonEntry(StrictModel):
    """Someone records name as owner, overseer or approver."""

    id: RecordId
    name: NonEmptyStr
    role: NonEmptyStr
    email: Email | None = None


class SupervisoryAuthority(StrictModel):
    name: NonEmptyStr
    country: CountryCode


class DataProtectionOfficer(StrictModel):
    person: PersonRef | None = None
    """A person id from ``people``; or give name and email for an external DPO."""
    name: NonEmptyStr | None = None
    email: Email | None = None
    registered_with_authority: bool = False


class Organisation(StrictModel):
    name: NonEmptyStr
    country: CountryCode
    registration: NonEmptyStr | None = None
    """Chamber of Commerce (KvK/KBO) number."""
    address: NonEmptyStr | None = None
    roles: list[Literal["controller", "processor"]] = Field(min_length=1)
    sector: Literal["private", "public-authority", "public-body"] = "private"
    """Public authorities have extra duties (GDPR Art. 37(1)(a), AI Act Art. 27)."""
    provides_public_services: bool = False
    """A private body providing public services also needs a FRIA (AI Act Art. 27(1))."""
    headcount: NonNegativeInt
    """Staff count: the Art. 30(5) exemption for fewer than 250 employees depends on it."""
    dpo: DataProtectionOfficer | None = None
    supervisory_authority: SupervisoryAuthority
    privacy_contact: Email | None = None
    security_contact: Email | None = None


class ScaleLevel(StrictModel):
    value: PositiveInt
    label: NonEmptyStr
    description: str | None = None


class RiskMethod(StrictModel):
    """Likelihood and impact scales; a risk's score is likelihood x impact."""

    likelihood: list[ScaleLevel] = Field(min_length=2)
    impact: list[ScaleLevel] = Field(min_length=2)
    appetite: PositiveInt
    """The highest residual score accepted without a formal acceptance."""


class Paths(StrictModel):
    exclude: list[NonEmptyStr] = []
    """Glob patterns (relative to the workspace) of YAML files that are not records."""


class WorkspaceConfig(StrictModel):
    """The contents of ``complykit.yaml``."""

    complykit: Literal[1] = 1
    """The configuration format version."""
    organisation: Organisation
    frameworks: list[FrameworkId] = []
    """Catalog ids in scope, e.g. iso27001-2022, iso27701-2019, gdpr, eu-ai-act."""
    languages: list[Literal["en", "nl"]] = ["en"]
    people: list[PersonEntry] = []
    risk_method: RiskMethod
    paths: Paths = Paths()
