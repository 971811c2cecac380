"""Closed vocabularies, written as a privacy officer or ISO implementer would say them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from complykit.model.declaring import Strict


class LegalBasis(StrEnum):
    """GDPR Art. 6(1) points (a)-(f)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal-obligation"
    VITAL_INTERESTS = "vital-interests"
    PUBLIC_TASK = "public-task"
    LEGITIMATE_INTERESTS = "legitimate-interests"

    @property
    def citation(self) -> str:
        point = "abcdef"[list(LegalBasis).index(self)]
        return f"Art. 6(1)({point})"


LAID_DOWN_BY_LAW = frozenset({LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK})
"""The Art. 6(1) points, (c) and (e), whose basis Union or Member State law lays down
(Art. 6(3)): they need the law named, and Art. 35(10) and Art. 55(2) turn on them."""


class SpecialCategory(StrEnum):
    """GDPR Art. 9(1) special categories of personal data."""

    RACIAL_OR_ETHNIC_ORIGIN = "racial-or-ethnic-origin"
    POLITICAL_OPINIONS = "political-opinions"
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS = "religious-or-philosophical-beliefs"
    TRADE_UNION_MEMBERSHIP = "trade-union-membership"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE_OR_ORIENTATION = "sex-life-or-orientation"


class Art9Condition(StrEnum):
    """GDPR Art. 9(2) points (a)-(j): the condition that lifts the Art. 9(1) prohibition."""

    A = "a"
    B = "b"
    C = "c"
    D = "d"
    E = "e"
    F = "f"
    G = "g"
    H = "h"
    I = "i"  # noqa: E741 - the point's name in Art. 9(2)
    J = "j"


class ProcessingRole(StrEnum):
    """Our GDPR role in an activity: controller, joint controller (Art. 26) or processor."""

    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint-controller"
    PROCESSOR = "processor"


class TransferMechanism(StrEnum):
    """GDPR Chapter V: the ground a third-country transfer rests on."""

    ADEQUACY_DECISION = "adequacy-decision"  # Art. 45
    STANDARD_CONTRACTUAL_CLAUSES = "standard-contractual-clauses"  # Art. 46(2)(c)
    BINDING_CORPORATE_RULES = "binding-corporate-rules"  # Art. 47
    CODE_OF_CONDUCT = "code-of-conduct"  # Art. 46(2)(e)
    CERTIFICATION = "certification"  # Art. 46(2)(f)
    AD_HOC_CLAUSES = "ad-hoc-clauses"  # Art. 46(3)(a)
    # The tools public authorities and bodies use among themselves, and clauses an SA adopts.
    PUBLIC_AUTHORITY_INSTRUMENT = "public-authority-instrument"  # Art. 46(2)(a)
    SA_STANDARD_CLAUSES = "sa-standard-clauses"  # Art. 46(2)(d)
    ADMINISTRATIVE_ARRANGEMENT = "administrative-arrangement"  # Art. 46(3)(b)
    DEROGATION = "derogation"  # Art. 49


class Art22Exception(StrEnum):
    """GDPR Art. 22(2): why a solely automated decision with legal effect is allowed."""

    CONTRACT = "contract"
    LAW = "law"
    EXPLICIT_CONSENT = "explicit-consent"


class ImplementationStatus(StrEnum):
    """How far a control or measure is implemented; `to-decide` while that is still open."""

    TO_DECIDE = "to-decide"
    NOT_IMPLEMENTED = "not-implemented"
    PLANNED = "planned"
    PARTIALLY_IMPLEMENTED = "partially-implemented"
    IMPLEMENTED = "implemented"
    NOT_APPLICABLE = "not-applicable"


# Strict models refuse plain strings for enums; these aliases accept exactly the enum's values
# (what YAML gives us) and nothing else.
_VALUE = Strict(strict=False)
LegalBasisValue = Annotated[LegalBasis, _VALUE]
SpecialCategoryValue = Annotated[SpecialCategory, _VALUE]
Art9ConditionValue = Annotated[Art9Condition, _VALUE]
ProcessingRoleValue = Annotated[ProcessingRole, _VALUE]
TransferMechanismValue = Annotated[TransferMechanism, _VALUE]
Art22ExceptionValue = Annotated[Art22Exception, _VALUE]
ImplementationStatusValue = Annotated[ImplementationStatus, _VALUE]
