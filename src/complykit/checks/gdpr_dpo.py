"""GDPR: the organisation designates a data protection officer where Art. 37(1) requires one."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.workspace.repository import Repository


@check(
    code="GDPR027",
    reads=(),
    framework="gdpr",
    name="dpo-missing-public-authority",
    severity=Severity.ERROR,
    citation=("GDPR Art. 37(1)(a)",),
    hint="Designate a DPO and add `organisation.dpo` to complykit.yaml.",
)
def dpo_missing_public_authority(repo: Repository) -> Iterator[Problem]:
    """A public authority or body has no data protection officer.

    PASS: ``sector: public-authority`` with ``dpo: {person: dpo}``.
    FAIL: ``sector: public-body`` without ``dpo``.
    """
    organisation = repo.config.organisation
    if repo.in_scope("gdpr") and organisation.sector != "private" and organisation.dpo is None:
        yield Problem(
            None,
            ("organisation", "sector"),
            f"{organisation.name} is a {organisation.sector.replace('-', ' ')} but has no data "
            "protection officer",
        )


@check(
    code="GDPR028",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="dpo-may-be-required",
    severity=Severity.WARNING,
    citation=("GDPR Art. 37(1)(b)", "GDPR Art. 37(1)(c)"),
    hint="If this processing is a core activity, designate a DPO and add `organisation.dpo`; "
    "otherwise record why it is not core.",
)
def dpo_may_be_required(repo: Repository) -> Iterator[Problem]:
    """Without a DPO, an activity processes special or criminal data, or monitors, on a large scale.

    A DPO is required when such processing is a core activity; complykit cannot tell whether it
    is, so it warns.

    PASS: no ``dpo`` and no activity screened as ``large_scale: true``.
    FAIL: no ``dpo`` and ``scale: {large_scale: true}`` with ``special_category: health``.
    """
    if repo.config.organisation.dpo is not None:
        return
    for entry, activity in activities(repo):
        screening = activity.dpia_screening
        if screening is None or screening.scale is None or not screening.scale.large_scale:
            continue
        sensitive = any(
            c.special_category is not None or c.criminal_offence_data
            for c in activity.personal_data
        )
        reasons = [
            ("c", "processes special-category or criminal-offence data") if sensitive else None,
            ("b", "monitors people systematically") if screening.systematic_monitoring else None,
        ]
        for point, what in filter(None, reasons):
            yield Problem(
                entry,
                ("dpia_screening", "scale", "large_scale"),
                f"'{activity.name}' {what} on a large scale, and the organisation has no "
                "data protection officer",
                citation=(f"GDPR Art. 37(1)({point})",),
            )


@check(
    code="GDPR035",
    reads=(),
    framework="gdpr",
    name="dpo-contact-not-communicated",
    severity=Severity.WARNING,
    citation=("GDPR Art. 37(7)",),
    hint="Publish the DPO's contact details (an e-mail address in `dpo.email`, or the person's "
    "in `people`), communicate them to the supervisory authority (in the Netherlands through "
    "the AP's form) and set `registered_with_authority: true`.",
)
def dpo_contact_not_communicated(repo: Repository) -> Iterator[Problem]:
    """A data protection officer is designated, but the record shows no contact address to
    publish, or says the authority was not told who it is.

    Art. 37(7) applies to every designated DPO, also one designated without an obligation.

    PASS: ``dpo: {person: dpo, registered_with_authority: true}`` with an e-mail address for
    the person.
    FAIL: ``dpo: {person: dpo}`` (the authority not told), or no e-mail address anywhere.
    """
    dpo = repo.config.organisation.dpo
    if dpo is None or not repo.in_scope("gdpr"):
        return
    person = next((p for p in repo.config.people if p.id == dpo.person), None)
    lacking = []
    if not (dpo.email or (person and person.email)):
        lacking.append("no contact e-mail address to publish")
    if not dpo.registered_with_authority:
        lacking.append("the authority was not told who the DPO is")
    if lacking:
        told = "; ".join(lacking)
        yield Problem(
            None, ("organisation", "dpo"), f"a data protection officer is designated, but {told}"
        )
