"""GDPR Art. 49: a derogation carries a transfer only within its limits.

Derogations are exceptions for specific situations, read narrowly: some are closed to public
authorities exercising public powers (Art. 49(3)), the compelling-legitimate-interests one needs
its assessment and safeguards on record (Art. 49(6)), and none fits the systematic transfer of
a processor that hosts or handles our data abroad.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.enums import LegalBasis, ProcessingRole, TransferMechanism
from complykit.model.processing import ProcessingActivity, Transfer
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Entry, Repository

_COMPELLING = "compelling-legitimate-interests"
# Art. 49(3): closed to public authorities in the exercise of their public powers.
_CLOSED_TO_PUBLIC_POWERS = ("a", "b", "c", _COMPELLING)


def _derogations(repo: Repository) -> Iterator[tuple[Entry, ProcessingActivity, int, Transfer]]:
    for entry, activity in activities(repo):
        for index, transfer in enumerate(activity.transfers):
            if transfer.mechanism is TransferMechanism.DEROGATION:
                yield entry, activity, index, transfer


def _named(derogation: str) -> str:
    if derogation == _COMPELLING:
        return "the compelling legitimate interests of Art. 49(1) second subparagraph"
    return f"Art. 49(1)({derogation})"


@check(
    code="GDPR037",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="derogation-closed-to-public-powers",
    severity=Severity.ERROR,
    citation=("GDPR Art. 49(3)",),
    hint="If the transfer is part of exercising public powers, rest it on an adequacy decision "
    "or an Art. 46 safeguard (between public authorities: `public-authority-instrument`, Art. "
    "46(2)(a), or `administrative-arrangement`, Art. 46(3)(b), which needs the supervisory "
    "authority's authorisation), or on Art. 49(1)(d) where Union or Member State law "
    "recognises the public interest. If the activity holds no public powers (a public task "
    "carried out as any organisation could, or a legal obligation the authority meets as any "
    "employer or customer would, such as withholding wage tax on salaries), record "
    "`public_powers: false` on it.",
)
def derogation_closed_to_public_powers(repo: Repository) -> Iterator[Problem]:
    """A public authority transfers data, in the exercise of its public powers, on a derogation
    that Art. 49(3) closes to it.

    Points (a), (b) and (c) of Art. 49(1) and its compelling-legitimate-interests subparagraph
    do not apply to "activities carried out by public authorities in the exercise of their
    public powers". Not everything an authority does is that: as an employer it pays salaries
    and withholds wage tax under a legal obligation (Art. 6(1)(c)) as any employer does, and a
    payroll transfer on explicit consent is open to it. Art. 49(3) asks in what capacity the
    authority acts, not on which point of Art. 6(1): an exchange of tax data between tax
    administrations is the exercise of public powers and rests on a legal obligation (Art.
    6(1)(c)). complykit judges an activity of ``organisation.sector: public-authority`` that
    says ``public_powers: true``, or, when it says nothing, one whose purposes all rest on the
    public-task basis (Art. 6(1)(e)) or on legal obligations (Art. 6(1)(c)), the bases on which
    an authority exercises its powers; the message for the latter is conditional, since
    neither basis shows public powers for certain, and says to record ``public_powers: false``
    for an obligation met as any employer or customer would meet it. An activity with a
    purpose on another basis (e.g. consent for a voluntary exchange), or one that says
    ``public_powers: false``, is not judged. A public body that holds no public powers
    (``public-body``) is not judged.

    PASS: ``sector: public-authority``, a public-task purpose and ``derogation: e`` (legal
    claims); a payroll activity on a legal obligation with ``public_powers: false`` and
    ``derogation: a``; a public-task and a consent purpose with ``derogation: a``; or ``sector:
    private`` with ``derogation: a``.
    FAIL: ``sector: public-authority``, only public-task purposes and ``derogation: a``; an
    exchange with a foreign tax administration on a legal obligation and ``derogation: a``; or
    ``public_powers: true`` and ``derogation: a``.
    """
    if repo.config.organisation.sector != "public-authority":
        return
    for entry, activity, index, transfer in _derogations(repo):
        if transfer.derogation not in _CLOSED_TO_PUBLIC_POWERS:
            continue
        closed = (
            f"cannot rest on {_named(transfer.derogation)}, which Art. 49(3) closes to public "
            "authorities acting in that capacity"
        )
        if activity.public_powers:
            yield Problem(
                entry,
                ("transfers", index, "derogation"),
                f"'{activity.name}' is carried out in the exercise of public powers "
                f"(`public_powers: true`), so its transfer to {transfer.recipient} {closed}",
            )
        elif activity.public_powers is None and (duties := _public_duties(activity)):
            yield Problem(
                entry,
                ("transfers", index, "derogation"),
                f"'{activity.name}' serves {duties}; if its transfer to {transfer.recipient} "
                f"is part of exercising public powers, it {closed}"
                + _AS_ANY_EMPLOYER
                * (LegalBasis.PUBLIC_TASK not in _bases(activity)),
            )


# An authority meets some legal obligations as any controller does; the officer says so.
_AS_ANY_EMPLOYER = (
    "; if it meets them as any employer or customer would (payroll, for instance), record "
    "`public_powers: false`"
)


def _bases(activity: ProcessingActivity) -> set[LegalBasis | None]:
    return {p.legal_basis for p in activity.purposes}


def _public_duties(activity: ProcessingActivity) -> str | None:
    """What the activity serves, in words, if all its purposes rest on the public-task basis or
    on legal obligations, the bases on which an authority exercises its public powers; None
    otherwise. Neither shows public powers for certain: an authority withholds wage tax as any
    employer does, and carries out some public tasks as any organisation could."""
    bases = _bases(activity)
    if not bases or not bases <= _PUBLIC_CAPACITY:
        return None
    if bases == {LegalBasis.LEGAL_OBLIGATION}:
        return "only legal obligations (Art. 6(1)(c))"
    if LegalBasis.LEGAL_OBLIGATION in bases:
        return "public tasks (Art. 6(1)(e)) and legal obligations"
    return "only public tasks (Art. 6(1)(e))"


# The Art. 6(1) bases on which a public authority acts in its public capacity.
_PUBLIC_CAPACITY = {LegalBasis.PUBLIC_TASK, LegalBasis.LEGAL_OBLIGATION}


@check(
    code="GDPR038",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="compelling-interests-undocumented",
    severity=Severity.ERROR,
    citation=("GDPR Art. 49(1) second subparagraph", "GDPR Art. 49(6)"),
    hint="Record in `safeguards` the assessment of the circumstances of the transfer and the "
    "safeguards it led to; also inform the supervisory authority and the people concerned, "
    "as the subparagraph requires.",
)
def compelling_interests_undocumented(repo: Repository) -> Iterator[Problem]:
    """A transfer on compelling legitimate interests records no safeguards.

    This last-resort derogation holds only for a non-repetitive transfer about a limited number
    of people, after assessing all its circumstances and providing suitable safeguards; the
    assessment and the safeguards belong in the register (Art. 49(6)).

    PASS: ``derogation: compelling-legitimate-interests`` with ``safeguards: One-off; names
    only; deleted by the recipient after the claim; AP informed 2026-05-02``.
    FAIL: ``derogation: compelling-legitimate-interests`` without ``safeguards``.
    """
    for entry, activity, index, transfer in _derogations(repo):
        if transfer.derogation == _COMPELLING and transfer.safeguards is None:
            yield Problem(
                entry,
                ("transfers", index, "derogation"),
                f"'{activity.name}' transfers data to {transfer.recipient} on compelling "
                "legitimate interests, but records no assessment or safeguards",
            )


@check(
    code="GDPR039",
    reads=("processing-activity", "supplier"),
    local=1,
    framework="gdpr",
    name="derogation-for-processor",
    severity=Severity.WARNING,
    citation=("GDPR Art. 49(1)",),
    hint="Rest the processor's transfer on an adequacy decision that covers it or on an "
    "Art. 46 safeguard such as standard contractual clauses, with a transfer impact assessment.",
)
def derogation_for_processor(repo: Repository) -> Iterator[Problem]:
    """A transfer to one of the activity's processors rests on a derogation.

    Derogations are exceptions for specific, occasional situations and are read narrowly; a
    processor that hosts or handles our data abroad transfers it systematically, which calls for
    adequacy or Art. 46 safeguards instead.

    PASS: ``processors: [sup-us]``, a transfer with ``supplier: sup-us, mechanism:
    standard-contractual-clauses``.
    FAIL: ``processors: [sup-us]``, a transfer with ``supplier: sup-us, mechanism: derogation,
    derogation: a``.

    In an activity where we act as processor, the supplier is our processor and so the
    controller's sub-processor; the message says so.
    """
    names = {supplier.id: supplier.name for _, supplier in repo.records(Supplier)}
    for entry, activity, index, transfer in _derogations(repo):
        if transfer.supplier is not None and transfer.supplier in activity.processors:
            name = names.get(transfer.supplier, transfer.supplier)
            role = "sub-processor" if activity.role is ProcessingRole.PROCESSOR else "processor"
            yield Problem(
                entry,
                ("transfers", index, "mechanism"),
                f"'{activity.name}' transfers data to its {role} '{name}' on a derogation, "
                "which is meant for occasional transfers, not for a processor's ongoing work",
            )
