"""AIA: what a provider of a high-risk system must have before placing it on the market.

Reported as errors once the duty applies on ``--as-of`` (Art. 113: 2026-08-02 for Annex III,
2027-08-02 for Art. 6(1) products); AIA012 warns before. The national registration of
critical infrastructure systems (AIA032) stays a warning: the Act leaves its procedure to the
Member States.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts import ai_act_provider_gaps as gaps
from complykit.facts.ai_act_index import OMNIBUS_NOTE, dated
from complykit.facts.problem import Problem
from complykit.workspace.repository import Repository


@check(
    code="AIA019",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="quality-management-system-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 17",),
)
def quality_management_system_missing(repo: Repository) -> Iterator[Problem]:
    """We provide a high-risk system and record no quality management system.

    PASS: ``provider_duties: {quality_management_system: evidence/policies/qms.md}``.
    FAIL: a high-risk system we provide with no ``quality_management_system``.
    """
    hint = (
        "Document the quality management system (Art. 17(1)(a)-(m)); for an Annex I product it "
        "may be part of the product legislation's QMS (Art. 17(3))."
    )
    yield from dated(repo, gaps.qms_gaps(repo), hint)


@check(
    code="AIA020",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="technical-documentation-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 11",),
)
def technical_documentation_missing(repo: Repository) -> Iterator[Problem]:
    """We provide a high-risk system and record no technical documentation.

    PASS: ``provider_duties: {technical_documentation: evidence/reports/annex-iv.md}``.
    FAIL: a high-risk system we provide with no ``technical_documentation``.
    """
    hint = "Draw up the technical documentation with the Annex IV contents and link it."
    yield from dated(repo, gaps.documentation_gaps(repo), hint)


@check(
    code="AIA021",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="conformity-assessment-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 43",),
)
def conformity_assessment_missing(repo: Repository) -> Iterator[Problem]:
    """A high-risk system we provide has no completed conformity assessment on an allowed route.

    Art. 43(1): Annex III point 1 (biometrics) by internal control or a notified body; 43(2):
    points 2-8 by internal control (Annex VI); 43(3): Annex I products by the procedure of
    their own legislation. A third-party route names its notified body.

    PASS: ``annex_iii: {area: 4, point: a}`` and ``conformity_assessment: {route:
    internal-control, completed: 2026-06-30}``.
    FAIL: ``annex_iii: {area: 4, point: a}`` and ``conformity_assessment: {route:
    notified-body, completed: 2026-06-30}``; or no completed assessment.
    """
    hint = "Carry out the conformity assessment on the route Art. 43 sets and record it."
    yield from dated(repo, gaps.conformity_gaps(repo), hint)


@check(
    code="AIA022",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="declaration-of-conformity-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 47",),
)
def declaration_of_conformity_missing(repo: Repository) -> Iterator[Problem]:
    """A high-risk system we provide has no signed EU declaration of conformity.

    PASS: ``provider_duties: {declaration_of_conformity: 2026-07-01}``.
    FAIL: a high-risk system we provide with no ``declaration_of_conformity``.
    """
    hint = "Draw up and sign the EU declaration of conformity (Annex V) and keep it ten years."
    yield from dated(repo, gaps.declaration_gaps(repo), hint)


@check(
    code="AIA023",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="ce-marking-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 48",),
)
def ce_marking_missing(repo: Repository) -> Iterator[Problem]:
    """A high-risk system we provide carries no CE marking.

    PASS: ``provider_duties: {ce_marking: true}``.
    FAIL: a high-risk system we provide with ``ce_marking: false`` or not stated.
    """
    hint = "Affix the CE marking (digitally for a digital system) and set `ce_marking: true`."
    yield from dated(repo, gaps.ce_marking_gaps(repo), hint)


@check(
    code="AIA024",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="provider-unregistered",
    severity=Severity.ERROR,
    citation=("AI Act Art. 49(1)", "AI Act Art. 49(2)"),
)
def provider_unregistered(repo: Repository) -> Iterator[Problem]:
    """An Annex III system we provide is not registered in the EU database.

    A high-risk one is registered under Art. 49(1); Annex III point 2 is registered nationally
    instead (Art. 49(5), see AIA032), and Annex I products are not registered under Art.
    49(1). One we hold not high-risk under the Art. 6(3) exception is registered too, with us
    as its provider, before it is placed on the market (Art. 6(4), Art. 49(2)); Art. 49(2)
    makes no exception for point 2, so that holds for a critical infrastructure system too.

    PASS: ``provider_duties: {eu_database_registration: {registered: 2026-07-15}}``; or
    ``art6_3_exception: {..., eu_database_registration: {registered: 2026-07-15}}``.
    FAIL: ``annex_iii: {area: 4, point: a}``, ``roles: [provider]`` and no registration; or
    the same with ``risk_class: minimal``, ``art6_3_exception: {condition: a, ...}`` and no
    ``eu_database_registration`` in it.
    """
    hint = (
        "Register in the EU database before placing the system on the market (the Annex VIII "
        "data) and record the entry as `eu_database_registration`: under `provider_duties` for "
        "a high-risk system, under `art6_3_exception` for one held not high-risk."
    )
    yield from dated(repo, gaps.registration_gaps(repo), hint)
    yield from dated(repo, gaps.art6_3_registration_gaps(repo), hint)


@check(
    code="AIA032",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="critical-infrastructure-unregistered",
    severity=Severity.WARNING,
    citation=("AI Act Art. 49(5)",),
)
def critical_infrastructure_unregistered(repo: Repository) -> Iterator[Problem]:
    """A critical infrastructure system we provide is not registered at national level.

    Art. 49(1) leaves the high-risk systems of Annex III point 2 (safety components of critical
    digital infrastructure, road traffic, or the supply of water, gas, heating or electricity)
    out of the EU database, and Art. 49(5) has them registered at national level instead. The
    Act names neither the register nor the procedure, which each Member State sets, so this is
    a warning: find out from the national authority how to register, and record it. Whether a
    public authority that deploys such a system must register its use nationally too is left
    to national law and not checked.

    PASS: ``annex_iii: {area: 2, point: a}``, ``roles: [provider]`` and ``provider_duties:
    {national_registration: {registered: 2026-07-15, authority: ...}}``.
    FAIL: the same system with no ``national_registration``, or with only an
    ``eu_database_registration``.
    """
    hint = (
        "Register the system at national level as the Member State's market surveillance "
        "authority directs, and record it as `provider_duties.national_registration` "
        "(registered, authority, reference)."
    )
    yield from dated(repo, gaps.national_registration_gaps(repo), hint)


@check(
    code="AIA025",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="post-market-monitoring-plan-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 72",),
)
def post_market_monitoring_plan_missing(repo: Repository) -> Iterator[Problem]:
    """A high-risk system we provide has no post-market monitoring plan.

    PASS: ``provider_duties: {post_market_monitoring_plan: evidence/reports/pmm-plan.md}``.
    FAIL: a high-risk system we provide with no ``post_market_monitoring_plan``.
    """
    hint = "Write the post-market monitoring plan as part of the technical documentation."
    yield from dated(repo, gaps.monitoring_plan_gaps(repo), hint)


@check(
    code="AIA026",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="annex-i-product-undocumented",
    severity=Severity.ERROR,
    citation=("AI Act Art. 43", "AI Act Art. 6(1)"),
)
def annex_i_product_undocumented(repo: Repository) -> Iterator[Problem]:
    """An Art. 6(1) system we provide names no product legislation, class or notified body.

    An Annex I product is high-risk because its own legislation requires a third-party
    conformity assessment; for a medical device the MDR class decides that.

    PASS: ``annex_i_product: {legislation: Regulation (EU) 2017/745 (MDR), annex_i_point: 11,
    conformity_class: IIa, notified_body: DEKRA Certification B.V. (0344)}``.
    FAIL: ``annex_i: ...`` with ``roles: [provider]`` and no ``annex_i_product``.
    """
    hint = (
        "Record `provider_duties.annex_i_product`: the Annex I act and point, the product's "
        "class under it and the notified body that assesses it."
    )
    yield from dated(repo, gaps.product_gaps(repo), hint)
