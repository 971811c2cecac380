"""AIA: the AI register's risk classification hangs together; AI vendors' training terms.

AI Act rules run only with ``eu-ai-act`` in ``frameworks``. Classification is a statement about
the system, so these checks do not wait for Art. 6's application date; the duties that follow
from it are in ``ai_act_duties``, dated.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.checks.suppliers import is_processor
from complykit.core.findings import Severity
from complykit.facts.ai_act_index import activities, needs_third_party, systems
from complykit.facts.ai_act_practices import annex_iii_biometric_points
from complykit.facts.problem import Problem
from complykit.facts.training_terms import opt_out_not_exercised
from complykit.model.ai_system import AiSystem, AnnexIIIBasis
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Entry, Repository


@check(
    code="AIA002",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    name="high-risk-without-basis",
    severity=Severity.ERROR,
    citation=("AI Act Art. 6(1)", "AI Act Art. 6(2)"),
    hint="Name the Annex III area and point (`annex_iii`) or the Annex I legislation "
    "(`annex_i`) that makes the system high-risk.",
)
def high_risk_without_basis(repo: Repository) -> Iterator[Problem]:
    """A system is classified high-risk without an Annex III use case or Annex I product.

    Art. 6(1) makes an Annex I system high-risk only if its product needs a third-party
    conformity assessment under that legislation (point b): a product whose
    ``annex_i_product`` says ``third_party_assessment: false`` is no basis either, and no
    provider or deployer duty of a high-risk system is checked for it.

    PASS: ``risk_class: high-risk`` with ``annex_iii: {area: 4, point: a}``.
    FAIL: ``risk_class: high-risk`` with neither ``annex_iii`` nor ``annex_i``; or with only
    ``annex_i`` and ``annex_i_product: {..., third_party_assessment: false}``.
    """
    for entry, system in systems(repo):
        basis = system.classification
        if basis.risk_class != "high-risk" or basis.annex_iii is not None:
            continue
        if not basis.annex_i:
            yield Problem(
                entry,
                ("classification", "risk_class"),
                f"'{system.name}' is classified high-risk, but names no Annex III use case "
                "or Annex I legislation",
            )
        elif not needs_third_party(system):
            yield Problem(
                entry,
                ("classification", "risk_class"),
                f"'{system.name}' is classified high-risk through Annex I ({basis.annex_i}), "
                "but its product needs no third-party conformity assessment, which Art. 6(1)(b) "
                "requires for an Annex I system to be high-risk",
                hint="Classify the system by its other facts (an Annex III use case, Art. 50, "
                "or minimal); if the product does need a notified body, set "
                "`annex_i_product.third_party_assessment: true`.",
                citation=("AI Act Art. 6(1)",),
            )


@check(
    code="AIA003",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    name="annex-iii-not-high-risk",
    severity=Severity.ERROR,
    citation=("AI Act Art. 6(2)", "AI Act Art. 6(3)"),
    hint="Classify the system as high-risk, or record the Art. 6(3) exception "
    "(`art6_3_exception`) with its condition and reasoning.",
)
def annex_iii_not_high_risk(repo: Repository) -> Iterator[Problem]:
    """A system names an Annex III use case or an Annex I product but is not high-risk, or
    claims the Art. 6(3) exception where it cannot apply.

    Art. 6(3) derogates only from Art. 6(2): an Annex III system may claim it, but an Annex I
    product that needs a third-party conformity assessment is high-risk under Art. 6(1)
    whatever it claims, and an exception with no Annex III use case departs from nothing
    (Annex III point 1 biometrics recorded only in ``practices`` count as a use case: AIA013
    asks to name them).

    PASS: ``annex_iii: {area: 4, point: a}`` with ``risk_class: high-risk``.
    FAIL: ``annex_iii: {area: 4, point: a}`` with ``risk_class: minimal`` and no
    ``art6_3_exception``; or ``annex_i: Regulation (EU) 2017/745 (MDR)`` with ``risk_class:
    minimal``; or ``art6_3_exception`` and no ``annex_iii``.
    """
    for entry, system in systems(repo):
        basis = system.classification
        lower = basis.risk_class in ("transparency", "minimal")
        if basis.annex_iii is not None and lower and basis.art6_3_exception is None:
            yield Problem(
                entry,
                ("classification", "risk_class"),
                f"'{system.name}' falls under {_annex_iii(basis.annex_iii)}, so it is "
                f"high-risk unless the Art. 6(3) exception applies, but it is classified "
                f"'{basis.risk_class}' and claims no exception",
            )
        if lower and needs_third_party(system):
            yield _annex_i_not_high_risk(entry, system)
        elif basis.art6_3_exception is not None and not _annex_iii_basis(system):
            yield Problem(
                entry,
                ("classification", "art6_3_exception"),
                f"'{system.name}' claims the Art. 6(3) exception, but names no Annex III use "
                "case: the exception only lets an Annex III system out of Art. 6(2)",
                hint="Name the Annex III area and point (`annex_iii`) the exception departs "
                "from, or remove `art6_3_exception` if the system falls under no Annex III "
                "use case.",
                at_key=True,
            )


def _annex_iii_basis(system: AiSystem) -> bool:
    """Whether the system names an Annex III use case, or its practices are Annex III
    point 1 biometrics (AIA013 asks to name that one)."""
    named = system.classification.annex_iii is not None
    return named or bool(annex_iii_biometric_points(system.practices))


def _annex_i_not_high_risk(entry: Entry, system: AiSystem) -> Problem:
    basis = system.classification
    claimed = (
        "; the Art. 6(3) exception it claims covers only Annex III use cases"
        if basis.art6_3_exception is not None
        else ""
    )
    return Problem(
        entry,
        ("classification", "risk_class"),
        f"'{system.name}' is, or is a safety component of, a product under {basis.annex_i} "
        "that needs a third-party conformity assessment, so it is high-risk under Art. 6(1), "
        f"but it is classified '{basis.risk_class}'{claimed}",
        hint="Classify the system as high-risk; if its product needs no notified body, record "
        "`provider_duties.annex_i_product` with `third_party_assessment: false`.",
        citation=("AI Act Art. 6(1)", *(("AI Act Art. 6(3)",) if claimed else ())),
    )


@check(
    code="AIA004",
    reads=("ai-system", "processing-activity"),
    local=1,
    framework="eu-ai-act",
    name="art6-3-exception-with-profiling",
    severity=Severity.ERROR,
    citation=("AI Act Art. 6(3)",),
    hint="Classify the system as high-risk: the exception is never available to a system "
    "that profiles people.",
)
def art6_3_exception_with_profiling(repo: Repository) -> Iterator[Problem]:
    """An Annex III system claims the Art. 6(3) exception, yet it profiles people.

    Art. 6(3), last subparagraph: an Annex III system that profiles natural persons is always
    high-risk. ``classification.profiling`` says whether the system itself profiles
    people. Left out, profiling is read from the DPIA screening of the linked processing
    activities (``evaluation_or_scoring``); as an activity may score people through another
    tool, the message then asks to say whether this system is the one that does.

    PASS: ``art6_3_exception`` and ``profiling: false``; or no ``profiling`` and a linked
    activity with ``evaluation_or_scoring: false``.
    FAIL: ``art6_3_exception`` and ``profiling: true``; or no ``profiling`` and a linked
    activity with ``evaluation_or_scoring: true``.
    """
    for entry, system in systems(repo):
        basis = system.classification
        if basis.art6_3_exception is None or basis.profiling is False:
            continue
        if basis.profiling:
            yield Problem(
                entry,
                ("classification", "profiling"),
                f"'{system.name}' claims the Art. 6(3) exception, but it profiles people, which "
                "keeps an Annex III system high-risk (Art. 6(3), last subparagraph)",
            )
            continue
        scoring = [
            a.id
            for a in activities(repo, system)
            if a.dpia_screening is not None and a.dpia_screening.evaluation_or_scoring
        ]
        if scoring:
            yield Problem(
                entry,
                ("classification", "art6_3_exception"),
                f"'{system.name}' claims the Art. 6(3) exception, but {', '.join(scoring)} "
                "evaluates or scores people (profiling), which keeps an Annex III system "
                "high-risk (Art. 6(3), last subparagraph), and the record does not say "
                "whether this system is what profiles them",
                hint="Classify the system as high-risk if it profiles people; if the "
                "activity scores them through another tool and this system does not, set "
                "`classification.profiling: false`.",
                at_key=True,
            )


@check(
    code="AIA011",
    reads=("ai-system", "supplier"),
    local=1,
    framework="eu-ai-act",
    name="ai-vendor-may-train",
    severity=Severity.WARNING,
    hint="Negotiate a no-training clause and set `customer_data: prohibited` with the clause, "
    "or, under `opt-out` terms, object and record the day in `opted_out`.",
)
def ai_vendor_may_train(repo: Repository) -> Iterator[Problem]:
    """A system built on a general-purpose AI model lets its vendor train on our customers' data.

    Not an AI Act duty; when the vendor is our processor, it is processing beyond our
    instructions (GDPR Art. 28(3)(a)). ``opt-out`` terms count until the day we objected is
    recorded in ``opted_out``.

    PASS: ``general_purpose_model: {...}`` with ``vendor_training: {customer_data: prohibited}``,
    or ``{customer_data: opt-out, opted_out: 2025-03-01}``.
    FAIL: ``general_purpose_model: {...}`` with ``vendor_training: {customer_data: allowed}``,
    or ``{customer_data: opt-out}`` and no ``opted_out``.
    """
    for entry, system in systems(repo):
        terms = system.vendor_training
        model = system.general_purpose_model
        if model is None or terms is None:
            continue
        if terms.customer_data == "allowed":
            told = "may train its models on our customers' data"
        elif opt_out_not_exercised(terms, repo.as_of):
            told = (
                "may train its models on our customers' data until we object, and no "
                "objection is recorded"
            )
        else:
            continue
        processor = _is_processor(repo, system.vendor or model.supplier)
        yield Problem(
            entry,
            ("vendor_training", "customer_data"),
            f"the vendor of '{system.name}' ({model.name}) {told}",
            citation=("GDPR Art. 28(3)(a)",) if processor else (),
        )


def _is_processor(repo: Repository, supplier_id: str | None) -> bool:
    found = repo.by_id.get(supplier_id) if supplier_id else None
    record = found.record if found else None
    return isinstance(record, Supplier) and is_processor(record)


def _annex_iii(basis: AnnexIIIBasis) -> str:
    return f"Annex III({basis.area})" + (f"({basis.point})" if basis.point else "")
