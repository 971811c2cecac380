"""GDPR: a register whose recipients name a processor lists that processor among its processors.

A controller's register names who receives the data (``recipients``, Art. 30(1)(d)) and, in
``processors``, the supplier records of the processors it uses, which the supplier rules check
for their processor agreement (Art. 28(3)). A recipient typed ``processor`` in an activity that
lists no processors at all leaves the register printing "Processors: none" beside a processor
among the recipients, with no supplier record whose agreement could be checked. A recipient that
names a processor's supplier record that ``processors`` leaves out makes the two lists disagree.
A category of processors among the recipients ("IT service providers") is lawful (Art.
30(1)(d) speaks of categories of recipients) once the processors themselves are listed.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.enums import ProcessingRole
from complykit.model.processing import ProcessingActivity, Recipient
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Repository

_REGISTER = "GDPR Art. 30(1)(d)"


@check(
    code="GDPR046",
    reads=("processing-activity", "supplier"),
    local=1,
    framework="gdpr",
    name="processor-recipient-not-among-processors",
    severity=Severity.WARNING,
    citation=(_REGISTER, "GDPR Art. 28(3)"),
    hint="Add a `supplier` record for the processor (role processor, with its agreement), "
    "name it in the recipient's `supplier` and list it in `processors`.",
)
def processor_recipient_not_among_processors(repo: Repository) -> Iterator[Problem]:
    """A controller's activity names a processor among its recipients but not among its
    processors.

    With no processors listed at all, no supplier record stands for that processor, so no rule
    checks its agreement (GDPR Art. 28(3)), and the register shows none beside a processor
    among the recipients. A recipient that names a processor's supplier record which the
    processors leave out is the register contradicting itself (Art. 30(1)(d)); SUP001 checks
    that supplier's agreement all the same. An id that names no supplier is REF001's finding,
    and a supplier whose record gives another role GDPR020's. A processor's own activities
    (Art. 30(2)) keep no recipients and are not judged.

    PASS: ``recipients: [{name: Nmbrs, type: processor, supplier: sup-nmbrs}]`` and
    ``processors: [sup-nmbrs]``; ``recipients: [{name: IT service providers, type:
    processor}]`` and ``processors: [sup-aws]``.
    FAIL: ``recipients: [{name: Nmbrs, type: processor}]`` and no ``processors``; or
    ``supplier: sup-nmbrs`` on the recipient and ``processors`` without it.
    """
    for entry, activity in activities(repo):
        if activity.role is ProcessingRole.PROCESSOR:
            continue
        for index, recipient in enumerate(activity.recipients):
            if recipient.type != "processor":
                continue
            if recipient.supplier is None and not activity.processors:
                yield Problem(
                    entry,
                    ("recipients", index, "type"),
                    f"'{activity.name}' names '{recipient.name}' among its recipients as "
                    "processor, but lists no processors: no supplier record stands for it, so no "
                    "rule checks its processor agreement",
                )
            elif _left_out(repo, activity, recipient):
                yield Problem(
                    entry,
                    ("recipients", index, "supplier"),
                    f"'{activity.name}' names {recipient.supplier} among its recipients as "
                    "processor, but `processors` does not list it",
                    hint=f"Add {recipient.supplier} to `processors`.",
                    citation=(_REGISTER,),
                )


def _left_out(repo: Repository, activity: ProcessingActivity, recipient: Recipient) -> bool:
    """Whether ``recipient`` names a processor's supplier record that ``processors`` omits."""
    if recipient.supplier is None or recipient.supplier in activity.processors:
        return False
    target = repo.by_id.get(recipient.supplier)
    supplier = target.record if target is not None else None
    return isinstance(supplier, Supplier) and supplier.processes_for_us_in(activity.id)
