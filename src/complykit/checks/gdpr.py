"""GDPR: each entry of the register of processing activities holds what Art. 30 asks of its role.

A controller's entry follows Art. 30(1), a processor's Art. 30(2); the organisation's declared
roles must cover the roles its activities take, and the suppliers an entry names as processors
must be processors. Every GDPR rule runs only with ``gdpr`` in ``frameworks``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.art30_exemption import exempt
from complykit.facts.problem import Problem
from complykit.load.positions import Loc
from complykit.model.duration import Duration
from complykit.model.enums import ProcessingRole
from complykit.model.processing import ProcessingActivity, Retention
from complykit.model.supplier import Supplier
from complykit.model.wording.retention import says_kept_for_good, says_no_end, sets_no_limit
from complykit.workspace.repository import Entry, Repository

Activities = Iterator[tuple[Entry, ProcessingActivity]]


def activities(repo: Repository) -> Activities:
    """Every activity of the register, when the GDPR is in scope."""
    if repo.in_scope("gdpr"):
        yield from repo.records(ProcessingActivity)


def controller_activities(repo: Repository) -> Activities:
    """Activities where we decide purposes and means, alone or jointly (Art. 30(1))."""
    for entry, activity in activities(repo):
        if activity.role is not ProcessingRole.PROCESSOR:
            yield entry, activity


def processor_activities(repo: Repository) -> Activities:
    """Activities we carry out on behalf of a controller (Art. 30(2))."""
    for entry, activity in activities(repo):
        if activity.role is ProcessingRole.PROCESSOR:
            yield entry, activity


def described(repo: Repository, found: Activities) -> Activities:
    """The activities among ``found`` that the register must describe: all but those a valid
    Art. 30(5) claim leaves out (``facts.art30_exemption``)."""
    for entry, activity in found:
        if not exempt(repo, entry, activity):
            yield entry, activity


@check(
    code="GDPR001",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="purposes-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 30(1)(b)",),
    hint="Add `purposes`, each with its description and legal basis.",
)
def purposes_missing(repo: Repository) -> Iterator[Problem]:
    """A controller activity states no purpose.

    PASS: ``role: controller`` with ``purposes: [{description: Payroll, legal_basis: contract}]``.
    FAIL: ``role: controller`` without ``purposes``.
    """
    for entry, activity in described(repo, controller_activities(repo)):
        if not activity.purposes:
            yield Problem(entry, ("purposes",), f"'{activity.name}' states no purpose")


@check(
    code="GDPR002",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="data-categories-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 30(1)(c)",),
    hint="List the categories of people in `data_subjects` and of personal data in "
    "`personal_data`.",
)
def data_categories_missing(repo: Repository) -> Iterator[Problem]:
    """A controller activity lists no categories of data subjects or of personal data.

    PASS: ``data_subjects: [Employees]`` and ``personal_data: [{name: Bank account}]``.
    FAIL: ``personal_data: [{name: Bank account}]`` without ``data_subjects``.
    """
    for entry, activity in described(repo, controller_activities(repo)):
        if not activity.data_subjects:
            yield Problem(
                entry,
                ("data_subjects",),
                f"'{activity.name}' lists no categories of data subjects",
                hint="Add `data_subjects`, e.g. [Employees, Job applicants].",
            )
        if not activity.personal_data:
            yield Problem(
                entry,
                ("personal_data",),
                f"'{activity.name}' lists no categories of personal data",
                hint="Add `personal_data`, e.g. [{name: Contact details}].",
            )


@check(
    code="GDPR003",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="retention-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 30(1)(f)",),
    hint="Add `retention: {period: P2Y, trigger: ...}`, or a `retention` on each data category.",
)
def retention_missing(repo: Repository) -> Iterator[Problem]:
    """A controller activity states no time limit for erasure, for the activity or per category.

    The register needs the time limits "where possible"; a missing one is usually a gap. An
    ``until`` that keeps the data while it is needed ("as long as necessary", "zolang nodig")
    or for ever ("indefinitely", "onbepaalde tijd", "forever", "voor altijd") names no event
    and sets no limit: storage limitation (Art. 5(1)(e)) restated, not a time limit. Nor does
    one that says the data is kept permanently ("permanently", "blijvend te bewaren"): keeping
    for good is what a law may prescribe, recorded as ``permanent: true`` with that law, which
    GDPR042 then asks for; the hint says so for both.

    PASS: ``retention: {period: P7Y, trigger: End of the financial year}``, or ``retention:
    {until: the subscriber unsubscribes}``.
    FAIL: no ``retention``, and a data category without its own ``retention``; or
    ``retention: {until: as long as necessary}``, ``{until: forever}`` or ``{until:
    permanently}``.
    """
    for entry, activity in described(repo, controller_activities(repo)):
        per_category = activity.personal_data and all(c.retention for c in activity.personal_data)
        retention = activity.retention
        until = retention.until if retention is not None else None
        if retention is None and not per_category:
            yield Problem(entry, ("retention",), f"'{activity.name}' states no retention period")
        elif until is not None and (sets_no_limit(until) or says_kept_for_good(until)):
            yield Problem(
                entry,
                ("retention", "until"),
                f"'{activity.name}' keeps its data until '{until}', which sets no time "
                "limit for erasure",
                hint=_UNTIL_AN_EVENT + _FOR_GOOD_BY_LAW * _for_good_meant(until),
                citation=("GDPR Art. 30(1)(f)", "GDPR Art. 5(1)(e)"),
            )


_UNTIL_AN_EVENT = (
    "Name the event at which the data is erased (`until: the subscriber unsubscribes`), or a "
    "period and what it counts from (`period: P2Y, trigger: end of the contract`)."
)
_FOR_GOOD_BY_LAW = (
    " If a law has the records kept for good (the Archiefwet, a selection list), record "
    "`retention: {permanent: true, legal_provision: <that law>}` instead of `until`."
)


def _for_good_meant(until: str) -> bool:
    """Whether an ``until`` says the data is kept for good or without end ("permanently",
    "forever"), which may stand for permanent retention a law prescribes."""
    return says_kept_for_good(until) or says_no_end(until)


@check(
    code="GDPR042",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="permanent-retention-without-law",
    severity=Severity.WARNING,
    citation=("GDPR Art. 5(1)(e)", "GDPR Art. 89"),
    hint="Name the law that has the records kept for good in `retention.legal_provision`, e.g. "
    "'Archiefwet 1995 art. 3; Selectielijst gemeenten 2020'; without one, set a period.",
)
def permanent_retention_without_law(repo: Repository) -> Iterator[Problem]:
    """Data is kept permanently without the law that has it kept.

    Personal data may be kept longer than its purposes need only for archiving in the public
    interest, research or statistics, with the safeguards of Art. 89(1) (Art. 5(1)(e)). A
    public body keeps records for good because a law says so (in the Netherlands the
    Archiefwet and the selection lists made under it, which mark records "blijvend te
    bewaren"); the register names that law, as it names the law behind a period. A period of
    more than 120 years, for the activity or for one of its data categories (which can state
    only a period), outlives anyone it is about whatever it counts from: that is keeping the
    data for good under another name, and is read the same way. A long period that a
    lifetime bounds ("115 years after birth") is a real limit and passes.

    The law named in ``retention.legal_provision`` covers what the activity's retention says:
    permanent retention covers every category, but a law behind a period ("Art. 52 AWR", seven
    years) covers no category kept longer than that period: a tax retention duty does not have
    photos kept for 999 years.

    PASS: ``retention: {permanent: true, legal_provision: Archiefwet 1995 art. 3;
    Selectielijst gemeenten 2020}``, with or without a category kept for P999Y.
    FAIL: ``retention: {permanent: true}``; or a data category with ``retention: P999Y`` and
    no law in the activity's ``retention.legal_provision``, or one named for a shorter period
    (``retention: {period: P7Y, legal_provision: Art. 52 AWR}``).
    """
    for entry, activity in activities(repo):
        retention = activity.retention
        law = retention.legal_provision if retention is not None else None
        if retention is not None and retention.permanent:
            if law is not None:
                continue  # the law keeps all of the activity's data for good
            yield Problem(
                entry,
                ("retention", "permanent"),
                f"'{activity.name}' keeps its data permanently, but names no law that has it kept",
            )
        elif (
            retention is not None
            and retention.period
            and _for_good(retention.period)
            and law is None
        ):
            at_period: Loc = ("retention", "period")
            yield _kept_for_good(
                entry, at_period, f"'{activity.name}' keeps its data", retention.period
            )
        lawful = retention.period if retention is not None and law is not None else None
        for index, category in enumerate(activity.personal_data):
            kept = category.retention
            if kept is None or not _for_good(kept) or _within(kept, lawful):
                continue
            place = ("personal_data", index, "retention")
            what = f"'{activity.name}' keeps '{category.name}'"
            yield _kept_for_good(entry, place, what, kept, _law_for_other_retention(retention))


# Longer than anyone lives: a period past it keeps the data for good, whatever it counts from.
_LIFETIME = timedelta(days=120 * 365)


def _for_good(period: Duration) -> bool:
    return period.as_timedelta() > _LIFETIME


def _within(kept: Duration, lawful: Duration | None) -> bool:
    """Whether a category's period is no longer than the period a named law sets."""
    return lawful is not None and kept.as_timedelta() <= lawful.as_timedelta()


def _law_for_other_retention(retention: Retention | None) -> str:
    """What to add when the activity names a law for its own, shorter, retention."""
    if retention is None or retention.legal_provision is None:
        return ""
    own = f"period of {retention.period.iso()}" if retention.period else "retention"
    return f"; '{retention.legal_provision}' is named for the activity's {own}, not for this one"


def _kept_for_good(
    entry: Entry, place: Loc, what: str, period: Duration, also: str = ""
) -> Problem:
    """``what`` ("'Members' keeps 'Photos'") for longer than anyone lives, with no law."""
    return Problem(
        entry,
        place,
        f"{what} for {period.iso()}, longer than anyone lives: that "
        f"keeps it for good, but names no law that has it kept{also}",
        hint="Set a period the purposes need. If a law has the data kept for good as an "
        "archive in the public interest, say so on the activity: `retention: {permanent: true, "
        "legal_provision: ...}`.",
    )


@check(
    code="GDPR004",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="security-description-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 30(1)(g)", "GDPR Art. 30(2)(d)"),
    hint="List the control records in `security_measures`, or write `security_description`.",
)
def security_description_missing(repo: Repository) -> Iterator[Problem]:
    """An activity names no security measures and gives no description of them.

    The register describes the Art. 32(1) measures "where possible", for either role.

    PASS: ``security_measures: [ctl-mfa, ctl-encryption]``.
    FAIL: neither ``security_measures`` nor ``security_description``.
    """
    for entry, activity in described(repo, activities(repo)):
        if not activity.security_measures and activity.security_description is None:
            point = "2)(d" if activity.role is ProcessingRole.PROCESSOR else "1)(g"
            yield Problem(
                entry,
                ("security_measures",),
                f"'{activity.name}' describes no security measures",
                citation=(f"GDPR Art. 30({point})",),
            )


@check(
    code="GDPR005",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="controllers-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 30(2)(a)",),
    hint="Add `controllers`: each customer we act for, with name and contact; with many "
    "customers, refer to the maintained list under `controller_list` (location and date).",
)
def controllers_missing(repo: Repository) -> Iterator[Problem]:
    """A processor activity does not say on whose behalf we act.

    Art. 30(2)(a) asks for each controller by name: list them, or refer to the list that is
    kept up to date elsewhere (``controller_list``), rather than naming a category.

    PASS: ``role: processor`` with ``controllers: [{name: Huisartsenpraktijk De Linde,
    contact: ...}]``, or ``controller_list: {location: CRM view Active contracts, updated:
    2026-11-02}``.
    FAIL: ``role: processor`` without ``controllers`` or ``controller_list``.
    """
    for entry, activity in described(repo, processor_activities(repo)):
        if not activity.controllers and activity.controller_list is None:
            yield Problem(
                entry,
                ("controllers",),
                f"'{activity.name}' is processing on behalf of controllers but names none",
            )


@check(
    code="GDPR006",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="processing-categories-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 30(2)(b)",),
    hint="Add a `description` of what we do for the controllers, or their `purposes`.",
)
def processing_categories_missing(repo: Repository) -> Iterator[Problem]:
    """A processor activity says neither what processing it carries out nor for what purposes.

    PASS: ``role: processor`` with ``description: Hosting and support of the client record``.
    FAIL: ``role: processor`` with neither ``description`` nor ``purposes``.
    """
    for entry, activity in described(repo, processor_activities(repo)):
        if activity.description is None and not activity.purposes:
            yield Problem(
                entry,
                ("description",),
                f"'{activity.name}' does not describe the processing carried out for the "
                "controllers",
            )


@check(
    code="GDPR007",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="role-not-declared",
    severity=Severity.ERROR,
    citation=("GDPR Art. 4(7)", "GDPR Art. 4(8)"),
    hint="Add the role to `organisation.roles` in complykit.yaml, or correct the activity's "
    "`role`.",
)
def role_not_declared(repo: Repository) -> Iterator[Problem]:
    """An activity takes a role that ``organisation.roles`` in complykit.yaml does not list.

    PASS: ``roles: [controller, processor]`` and an activity with ``role: processor``.
    FAIL: ``roles: [controller]`` and an activity with ``role: processor``.
    """
    declared = set(repo.config.organisation.roles)
    for entry, activity in activities(repo):
        needed, point = (
            ("processor", "8") if activity.role is ProcessingRole.PROCESSOR else ("controller", "7")
        )
        if needed not in declared:
            yield Problem(
                entry,
                ("role",),
                f"'{activity.name}' is a {activity.role} activity, but complykit.yaml does not "
                f"list {needed} among the organisation's roles",
                hint=f"Add {needed} to `organisation.roles`, or correct this activity's role.",
                citation=(f"GDPR Art. 4({point})",),
            )


@check(
    code="GDPR008",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="joint-controllers-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 26", "GDPR Art. 30(1)(a)"),
    hint="Add `joint_controllers` with each party's name and contact details.",
)
def joint_controllers_missing(repo: Repository) -> Iterator[Problem]:
    """A joint-controller activity does not name the other controllers.

    PASS: ``role: joint-controller`` with ``joint_controllers: [{name: Partner clinic B.V.}]``.
    FAIL: ``role: joint-controller`` without ``joint_controllers``.
    """
    for entry, activity in activities(repo):
        if activity.role is ProcessingRole.JOINT_CONTROLLER and not activity.joint_controllers:
            yield Problem(
                entry,
                ("joint_controllers",),
                f"'{activity.name}' is a joint-controller activity but names no joint controller",
            )


@check(
    code="GDPR040",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="joint-arrangement-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 26",),
    hint="Record the arrangement under `joint_arrangement` (agreed_on, document), and in "
    "`essence_published` where the people concerned can read its essence, e.g. the privacy "
    "notice.",
)
def joint_arrangement_missing(repo: Repository) -> Iterator[Problem]:
    """Joint controllers have no recorded arrangement, or its essence is not made available.

    Controllers who decide together on purposes and means set out, in an arrangement, who
    meets which GDPR duty, in particular towards the people concerned (Art. 26(1)); the
    essence of that arrangement is made available to those people (Art. 26(2)).

    A joint-controller activity that names no partner is reported by GDPR008 alone.

    PASS: ``joint_controllers: [{name: Partner clinic B.V.}]`` with ``joint_arrangement:
    {agreed_on: 2025-06-01, essence_published: privacy notice, section 4}``.
    FAIL: ``joint_controllers`` and no ``joint_arrangement``; or one without
    ``essence_published``.
    """
    for entry, activity in controller_activities(repo):
        arrangement = activity.joint_arrangement
        if not activity.joint_controllers:
            continue  # a joint-controller activity naming no partner is GDPR008's
        if arrangement is None:
            yield Problem(
                entry,
                ("joint_controllers",),
                f"'{activity.name}' is carried out with joint controllers, but no arrangement "
                "on our respective responsibilities is recorded",
                at_key=True,
            )
        elif arrangement.essence_published is None:
            yield Problem(
                entry,
                ("joint_arrangement",),
                f"the arrangement with the joint controllers of '{activity.name}' is recorded, "
                "but not where the people concerned can read its essence",
                at_key=True,
            )


@check(
    code="GDPR020",
    reads=("processing-activity", "supplier"),
    local=1,
    framework="gdpr",
    name="processor-role-mismatch",
    severity=Severity.ERROR,
    citation=("GDPR Art. 4(8)", "GDPR Art. 28"),
    hint="If the supplier decides its own purposes, move it to `recipients`; "
    "otherwise set its `role` to processor and sign a DPA.",
)
def processor_role_mismatch(repo: Repository) -> Iterator[Problem]:
    """An activity lists a supplier as processor whose record says it is not one.

    Under ``processors``, or as a recipient of ``type: processor`` that names the supplier: the
    register then tells the authority that a party receives the data as our processor (Art.
    30(1)(d)) while the supplier record says it decides for itself, as an auditor does under
    its own legal duties (EDPB Guidelines 07/2020). A supplier named in both places is
    reported once, under ``processors``.

    PASS: ``processors: [sup-afas]`` and sup-afas has ``role: processor``.
    FAIL: ``processors: [sup-arbodienst]``, or ``recipients: [{type: processor, supplier:
    sup-arbodienst, ...}]``, and sup-arbodienst has ``role: controller``.
    """
    for entry, activity in activities(repo):
        for index, supplier_id in enumerate(activity.processors):
            found = _not_a_processor(repo, activity, supplier_id)
            if found is not None:
                supplier, role = found
                yield Problem(
                    entry,
                    ("processors", index),
                    f"'{activity.name}' uses {supplier.id} ({supplier.name}) as processor, "
                    f"but its supplier record gives its role as {role}",
                )
        for index, recipient in enumerate(activity.recipients):
            if recipient.type != "processor" or recipient.supplier is None:
                continue
            if recipient.supplier in activity.processors:
                continue  # reported above, under `processors`
            found = _not_a_processor(repo, activity, recipient.supplier)
            if found is not None:
                supplier, role = found
                yield Problem(
                    entry,
                    ("recipients", index, "type"),
                    f"'{activity.name}' names {supplier.id} ({supplier.name}) among its "
                    f"recipients as processor, but its supplier record gives its role as {role}",
                    # It is among the recipients already: what may be wrong is its type.
                    hint="If the supplier decides its own purposes, set this recipient's `type` "
                    "to controller; otherwise set its `role` to processor and sign a DPA.",
                )


def _not_a_processor(
    repo: Repository, activity: ProcessingActivity, supplier_id: str
) -> tuple[Supplier, str] | None:
    """The supplier and its role in ``activity``, where the record names a supplier that is
    not a processor there; None otherwise (also for an id that names no supplier)."""
    target = repo.by_id.get(supplier_id)
    supplier = target.record if target is not None else None
    if not isinstance(supplier, Supplier):
        return None
    if supplier.processes_for_us_in(activity.id):
        return None
    return supplier, supplier.role_in(activity.id)
