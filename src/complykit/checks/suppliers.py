"""SUP: suppliers' contracts, certificates and AI-training terms, judged on ``--as-of``.

Rules that cite the GDPR run only with ``gdpr`` in ``frameworks``; rules that start from a
processing activity (e.g. "processors: names a non-processor") belong to the GDPR family.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import duration
from complykit.facts.problem import Problem
from complykit.facts.training_terms import opt_out_not_exercised
from complykit.model.processing import ProcessingActivity
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Entry, Repository

_BREACH_CLOCK = timedelta(hours=72)


def processors(repo: Repository) -> Iterator[tuple[Entry, Supplier]]:
    """Processors and sub-processors, when the GDPR is in scope."""
    if repo.in_scope("gdpr"):
        for entry, supplier in repo.records(Supplier):
            if is_processor(supplier):
                yield entry, supplier


def is_processor(supplier: Supplier) -> bool:
    """Processor or sub-processor in any activity it serves."""
    return supplier.processes_for_us()


@check(
    code="SUP001",
    reads=("supplier",),
    per_record=True,
    name="processor-without-dpa",
    severity=Severity.ERROR,
    citation=("GDPR Art. 28(3)",),
    hint="Sign a data processing agreement and record it under `dpa` (signed_on, document).",
)
def processor_without_dpa(repo: Repository) -> Iterator[Problem]:
    """A processor has no data processing agreement on the ``--as-of`` day.

    A supplier recorded only as a sub-processor needs no agreement with us: our processor
    signs with it, and what Art. 28(2) and (4) ask of us sits in our agreement with that
    processor (``dpa.sub_processing``, ``terms.sub_processors``, its ``sub_processors``
    list), which SUP011, SUP013 and SUP014 judge on the processor's record. (Whether some
    processor lists it is not asked here: the answer would tie every supplier's verdict to
    every other supplier, and a one-supplier edit would judge them all again.)

    An agreement signed after that day did not govern the processing on it (Art. 28(3) asks
    for the contract while the processor works for us), so it counts as not yet signed.

    PASS: ``role: processor`` with ``dpa: {signed_on: 2025-03-01}``; ``role: sub-processor``
    and no ``dpa``.
    FAIL: ``role: processor`` and no ``dpa``; or ``dpa: {signed_on: 2027-01-01}``, as of
    2026-11-23.
    """
    for entry, supplier in processors(repo):
        sub = not _works_for_us(supplier)
        citation = ("GDPR Art. 28(4)", "GDPR Art. 28(2)") if sub else ()
        if supplier.dpa is None:
            if not sub:
                yield Problem(
                    entry,
                    ("role",),
                    f"'{supplier.name}' is a processor but no data processing agreement "
                    "is recorded",
                )
        elif supplier.dpa.signed_on > repo.as_of:
            yield Problem(
                entry,
                ("dpa", "signed_on"),
                f"'{supplier.name}' processes personal data, but its data processing agreement "
                f"is dated {supplier.dpa.signed_on.isoformat()}, after "
                f"{repo.as_of.isoformat()}: on that day it was not yet signed",
                hint="If the agreement is signed, correct `signed_on`; if not, have it signed "
                "before the supplier processes our data.",
                citation=citation,
            )


def _works_for_us(supplier: Supplier) -> bool:
    """Whether the supplier is our processor (main or activity role ``processor``)."""
    roles = [supplier.role, *(r.role for r in supplier.activity_roles)]
    return "processor" in roles


@check(
    code="SUP002",
    reads=("supplier",),
    per_record=True,
    name="certification-expired",
    severity=Severity.WARNING,
    hint="Ask the supplier for the renewed certificate and update `expires`, or remove it.",
)
def certification_expired(repo: Repository) -> Iterator[Problem]:
    """A supplier's certificate expired before the ``--as-of`` date.

    PASS: ``certifications: [{name: ISO/IEC 27001:2022, expires: 2027-06-30}]``, as of 2026-11-23.
    FAIL: ``certifications: [{name: ISO/IEC 27001:2022, expires: 2026-06-30}]``, as of 2026-11-23.
    """
    for entry, supplier in repo.records(Supplier):
        for index, cert in enumerate(supplier.certifications):
            if cert.expires is not None and cert.expires < repo.as_of:
                yield Problem(
                    entry,
                    ("certifications", index, "expires"),
                    f"'{supplier.name}': certificate '{cert.name}' expired on "
                    f"{cert.expires.isoformat()}",
                )


@check(
    code="SUP003",
    reads=("supplier",),
    per_record=True,
    name="processor-may-train-ai",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(3)(a)", "GDPR Art. 28(10)"),
    hint="Negotiate a clause that forbids training on our data and set `customer_data: "
    "prohibited`; if we want the training, document the instruction and its legal basis.",
)
def processor_may_train_ai(repo: Repository) -> Iterator[Problem]:
    """A processor's contract lets it train AI models on our customer data.

    Training its own models is processing for the processor's purposes, beyond our documented
    instructions; a processor that decides purposes becomes a controller for that processing.
    ``opt-out`` terms let it train until we object: they are reported until the day we did is
    recorded in ``opted_out``.

    PASS: ``role: processor`` with ``ai_training: {customer_data: prohibited}``, or
    ``{customer_data: opt-out, opted_out: 2025-03-01}``.
    FAIL: ``role: processor`` with ``ai_training: {customer_data: allowed}``, or
    ``{customer_data: opt-out}`` and no ``opted_out``.
    """
    for entry, supplier in processors(repo):
        clause = supplier.ai_training
        if clause is not None and clause.customer_data == "allowed":
            yield Problem(
                entry,
                ("ai_training", "customer_data"),
                f"'{supplier.name}' processes personal data for us, and its contract lets it "
                "train AI models on our customer data",
            )
        elif clause is not None and opt_out_not_exercised(clause, repo.as_of):
            yield Problem(
                entry,
                ("ai_training", "customer_data"),
                f"'{supplier.name}' processes personal data for us, and its terms let it train "
                "AI models on our customer data until we object; no objection is recorded",
                hint=_OPT_OUT_HINT,
            )


_OPT_OUT_HINT = (
    "Object as the terms describe (an admin setting, an e-mail) and record the day under "
    "`ai_training.opted_out`, or negotiate `customer_data: prohibited`."
)


@check(
    code="SUP004",
    reads=("supplier",),
    per_record=True,
    name="processor-ai-training-unknown",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(3)(a)",),
    hint="Read the contract or ask the supplier, then record `allowed`, `prohibited` or `opt-out` "
    "with the clause.",
)
def processor_ai_training_unknown(repo: Repository) -> Iterator[Problem]:
    """It is unknown whether a processor may train AI models on our customer data.

    PASS: ``role: processor`` with ``ai_training: {customer_data: prohibited, clause: DPA 5.3}``.
    FAIL: ``role: processor`` with ``ai_training: {customer_data: unknown}``.
    """
    for entry, supplier in processors(repo):
        if supplier.ai_training is not None and supplier.ai_training.customer_data == "unknown":
            yield Problem(
                entry,
                ("ai_training", "customer_data"),
                f"it is not known whether '{supplier.name}' may train AI models on our "
                "customer data",
            )


@check(
    code="SUP005",
    reads=("supplier",),
    per_record=True,
    name="breach-notification-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(3)(f)", "GDPR Art. 33(2)"),
    hint="Record the agreement's breach-notification clause under `breach_notification` "
    "(within: PT24H, clause); if it has none, agree one.",
)
def breach_notification_missing(repo: Repository) -> Iterator[Problem]:
    """A processor with a DPA has no recorded promise to tell us of a breach in time.

    Without a DPA, SUP001 reports the processor instead.

    PASS: ``dpa: {signed_on: 2025-03-01}`` with ``breach_notification: {within: PT24H}``.
    FAIL: ``dpa: {signed_on: 2025-03-01}`` and no ``breach_notification``.
    """
    for entry, supplier in processors(repo):
        if supplier.dpa is not None and supplier.breach_notification is None:
            yield Problem(
                entry,
                ("dpa",),
                f"'{supplier.name}' has no recorded commitment on how fast it tells us "
                "of a personal-data breach",
                at_key=True,
            )


@check(
    code="SUP006",
    reads=("supplier",),
    per_record=True,
    name="breach-notification-too-slow",
    severity=Severity.WARNING,
    citation=("GDPR Art. 33(2)", "GDPR Art. 33(1)"),
    hint="Negotiate notification within 24 to 48 hours: every hour the processor waits delays "
    "our own response to the breach.",
)
def breach_notification_too_slow(repo: Repository) -> Iterator[Problem]:
    """A processor may take longer than 72 hours to tell us of a breach.

    The processor must tell us without undue delay (Art. 33(2)). Our own 72 hours to notify
    the authority (Art. 33(1)) start when the processor tells us, so its delay does not use
    them up; but a promise of more than 72 hours delays our response to the breach and is
    hard to square with "without undue delay". A weak contract, not a missed deadline: a
    warning.

    PASS: ``breach_notification: {within: PT48H}``.
    FAIL: ``breach_notification: {within: P5D}``.
    """
    for entry, supplier in processors(repo):
        promise = supplier.breach_notification
        if promise is not None and promise.within.as_timedelta() > _BREACH_CLOCK:
            yield Problem(
                entry,
                ("breach_notification", "within"),
                f"'{supplier.name}' may take up to {duration(promise.within.as_timedelta())} "
                f"({promise.within.iso()}) to "
                "tell us of a breach: that is hardly 'without undue delay', and it holds up "
                "our response (our own 72 hours start only when it tells us)",
            )


@check(
    code="SUP007",
    reads=("processing-activity", "supplier"),
    local=1,
    name="contract-ended-still-used",
    severity=Severity.WARNING,
    hint="Renew the contract and move `contract_end`, or remove the supplier from the "
    "processing activities that still name it.",
)
def contract_ended_still_used(repo: Repository) -> Iterator[Problem]:
    """A supplier's contract has ended, yet processing activities still name it.

    PASS: ``contract_end: 2027-11-03``, as of 2026-11-23, named in ``processors``.
    FAIL: ``contract_end: 2026-06-30``, as of 2026-11-23, still named in ``processors``.
    """
    users = _activities_by_supplier(repo)
    for entry, supplier in repo.records(Supplier):
        end = supplier.contract_end
        names = users.get(supplier.id, [])
        if end is not None and end < repo.as_of and names:
            processor = is_processor(supplier) and repo.in_scope("gdpr")
            yield Problem(
                entry,
                ("contract_end",),
                f"the contract with '{supplier.name}' ended on {end.isoformat()}, but "
                f"{_listing(names)} still name{'s' if len(names) == 1 else ''} it",
                citation=("GDPR Art. 28(3)",) if processor else (),
            )


def _activities_by_supplier(repo: Repository) -> dict[str, list[str]]:
    """Processing activity ids by the supplier ids they name as processor, recipient or host."""
    found: dict[str, list[str]] = {}
    for _, activity in repo.records(ProcessingActivity):
        named = {*activity.processors}
        named.update(r.supplier for r in activity.recipients if r.supplier)
        named.update(t.supplier for t in activity.transfers if t.supplier)
        named.update(d.supplier for d in activity.data_locations if d.supplier)
        for supplier_id in sorted(named):
            found.setdefault(supplier_id, []).append(activity.id)
    return found


def _listing(ids: list[str]) -> str:
    noun = "processing activity" if len(ids) == 1 else "processing activities"
    return f"{noun} {', '.join(ids)}"
