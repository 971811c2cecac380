"""GDPR: a recipient that is our processor is one of the register's processors.

The register lists who receives the data (``recipients``, Art. 30(1)(d)) and, in
``processors``, the supplier records of the processors we use, which the supplier rules check
for their processor agreement (Art. 28(3)). A recipient typed ``processor`` that names no
supplier, or one that ``processors`` leaves out, falls between the two: the register prints
"Processors: none" beside a processor among the recipients, and no rule ever looks at that
processor's agreement.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import PROCESSOR_ROLES, activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.processing import ProcessingActivity
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Repository


@check(
    code="GDPR046",
    reads=("processing-activity", "supplier"),
    local=1,
    framework="gdpr",
    name="processor-recipient-not-among-processors",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(3)",),
    hint="Add a `supplier` record for the processor (role processor, with its agreement), "
    "name it in the recipient's `supplier` and list it in `processors`.",
)
def processor_recipient_not_among_processors(repo: Repository) -> Iterator[Problem]:
    """A recipient typed processor names no supplier record, or one the processors leave out.

    Either way no rule checks that processor's agreement (GDPR Art. 28(3)), and the register
    contradicts itself: a processor among the recipients, and none, or fewer, under
    processors.

    PASS: ``recipients: [{name: Nmbrs, type: processor, supplier: sup-nmbrs}]`` and
    ``processors: [sup-nmbrs]``.
    FAIL: ``recipients: [{name: Nmbrs, type: processor}]``; or ``supplier: sup-nmbrs`` on the
    recipient and no ``processors``. A supplier whose record gives another role is GDPR020's
    finding, not this one: the recipient's type is what is wrong there.
    """
    for entry, activity in activities(repo):
        for index, recipient in enumerate(activity.recipients):
            if recipient.type != "processor":
                continue
            if recipient.supplier is None:
                yield Problem(
                    entry,
                    ("recipients", index, "type"),
                    f"'{activity.name}' names '{recipient.name}' among its recipients as "
                    "processor, but no supplier record: no rule checks its processor agreement",
                )
            elif recipient.supplier not in activity.processors and _processor(
                repo, activity, recipient.supplier
            ):
                yield Problem(
                    entry,
                    ("recipients", index, "supplier"),
                    f"'{activity.name}' names {recipient.supplier} among its recipients as "
                    "processor, but `processors` does not list it",
                    hint=f"Add {recipient.supplier} to `processors`.",
                )


def _processor(repo: Repository, activity: ProcessingActivity, supplier_id: str) -> bool:
    """Whether ``supplier_id`` is a processor in ``activity`` as far as its record says: also
    when there is no such record (REF001 reports the id)."""
    target = repo.by_id.get(supplier_id)
    supplier = target.record if target is not None else None
    return not isinstance(supplier, Supplier) or supplier.role_in(activity.id) in PROCESSOR_ROLES
