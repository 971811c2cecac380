"""SUP: AI vendors that process for us state whether they train on our data, and anything but
"no training" is a risk someone accepted."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.checks.suppliers import processors
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.training_terms import may_train_on_customer_data
from complykit.model.ai_system import AiSystem
from complykit.model.risk import Risk
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Entry, Repository


def ai_vendor_ids(repo: Repository) -> set[str]:
    """Suppliers named as an AI system's vendor or model supplier."""
    named: set[str] = set()
    for _, system in repo.records(AiSystem):
        model = system.general_purpose_model
        named.update(i for i in (system.vendor, model.supplier if model else None) if i)
    return named


def ai_vendors(repo: Repository) -> Iterator[tuple[Entry, Supplier]]:
    """Processors that provide an AI service, by their own flag or an AI system's link."""
    named = ai_vendor_ids(repo)
    for entry, supplier in processors(repo):
        if supplier.ai_service or supplier.id in named:
            yield entry, supplier


@check(
    code="SUP008",
    reads=("ai-system", "supplier"),
    local=1,
    name="ai-vendor-training-terms-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 28(3)(a)",),
    hint="Record `ai_training.customer_data` (prohibited, allowed, opt-out) with the contract "
    "clause that says so.",
)
def ai_vendor_training_terms_missing(repo: Repository) -> Iterator[Problem]:
    """A processor that provides an AI service does not state whether it may train on our data.

    PASS: ``ai_service: true`` with ``ai_training: {customer_data: prohibited, clause: ...}``.
    FAIL: ``ai_service: true`` (or named as an AI system's vendor) and no ``ai_training``.
    """
    for entry, supplier in ai_vendors(repo):
        if supplier.ai_training is None:
            yield Problem(
                entry,
                ("name",),
                f"'{supplier.name}' provides an AI service and processes data for us, but the "
                "record does not say whether it may train models on that data",
            )


@check(
    code="SUP009",
    reads=("ai-system", "risk", "supplier"),
    local=1,
    name="ai-vendor-training-risk-unaccepted",
    severity=Severity.ERROR,
    citation=("ISO/IEC 27001:2022 6.1.3 f)",),
    hint="Negotiate `customer_data: prohibited` (under opt-out terms, object and record "
    "`opted_out`); if the terms cannot change, record a risk that `affects` the supplier with "
    "its owner's `acceptance` (who, when, until). Accepting the risk settles the risk "
    "decision only: it gives the vendor's training no legal basis, and SUP003 or SUP004 keeps "
    "reporting the terms under the GDPR.",
)
def ai_vendor_training_risk_unaccepted(repo: Repository) -> Iterator[Problem]:
    """An AI vendor's terms allow training on our data (or may, or are unknown), and no risk
    that names the vendor has been accepted.

    Training on our data is processing for the vendor's own purposes; if we live with it
    (terms we could not change), that is a risk decision for its owner to record (ISO/IEC
    27001 6.1.3 f)), not a default. ``opt-out`` terms we objected to (``opted_out`` on or
    before the day judged) allow no training. An acceptance counts from its ``on`` day to its
    ``until`` day: one dated after the day judged was not yet given.

    This rule asks for the risk decision only, so it cites no GDPR provision: a risk
    acceptance cannot make processing lawful. Whether the terms fit Art. 28(3)(a) and
    28(10) is SUP003's question (SUP004's while they are unknown), and those findings stay
    whatever risk is accepted.

    PASS: ``ai_training: {customer_data: prohibited}``; ``opt-out`` with ``opted_out:
    2025-03-01``; or ``opt-out`` with a risk ``affects: [sup-vendor]`` and a current
    ``acceptance`` (SUP003 still reports the terms).
    FAIL: ``ai_training: {customer_data: opt-out}``, no objection and no accepted risk naming
    the vendor.
    """
    accepted = _accepted_suppliers(repo)
    for entry, supplier in ai_vendors(repo):
        terms = supplier.ai_training
        may_train = terms is not None and may_train_on_customer_data(terms, repo.as_of)
        if terms is not None and may_train and supplier.id not in accepted:
            yield Problem(
                entry,
                ("ai_training", "customer_data"),
                f"'{supplier.name}' may train models on our data ({terms.customer_data}), "
                "and no accepted risk names it",
            )


def _accepted_suppliers(repo: Repository) -> set[str]:
    current = [
        risk
        for _, risk in repo.records(Risk)
        if risk.acceptance is not None and risk.acceptance.in_force_on(repo.as_of)
    ]
    return {record for risk in current for record in risk.affects}
