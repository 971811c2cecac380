"""GDPR: the organisation designates a data protection officer where Art. 37(1) requires one."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.dpia_unscreened import LARGE_SCALE_COUNT
from complykit.facts.problem import Problem
from complykit.load.positions import Loc
from complykit.model.processing import ProcessingActivity
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
    "if it only supports the core activities (e.g. security logging), record that assessment "
    "in complykit.yaml under `organisation.dpo_not_required`.",
)
def dpo_may_be_required(repo: Repository) -> Iterator[Problem]:
    """Without a DPO, an activity processes special or criminal data, or monitors, on a large scale.

    A DPO is required when such processing is a core activity; complykit cannot tell whether it
    is, so it warns. The screening's ``large_scale`` judges the scale; where no screening does,
    a ``data_subject_count`` of 100,000 or more counts as large scale (see DPIA014 for why that
    number). A documented assessment that no DPO is required
    (``organisation.dpo_not_required``) answers the question, and silences the rule. A public
    authority or body needs a DPO whatever it processes (Art. 37(1)(a)); GDPR027 asks for
    it, so this rule leaves such organisations alone.

    PASS: no ``dpo`` and no activity screened as ``large_scale: true`` or counting 100,000 people;
    or ``dpo_not_required: Our core activity is selling software; the logging only secures it``.
    FAIL: no ``dpo`` and ``scale: {large_scale: true}``, or no screening and
    ``data_subject_count: 500000``, with ``special_category: health``.
    """
    organisation = repo.config.organisation
    if organisation.dpo is not None or organisation.dpo_not_required is not None:
        return
    if organisation.sector != "private":  # Art. 37(1)(a) requires one outright: GDPR027
        return
    for entry, activity in activities(repo):
        large = _large_scale(activity)
        if large is None:
            continue
        loc, scale = large
        screening = activity.dpia_screening
        sensitive = any(
            c.special_category is not None or c.criminal_offence_data
            for c in activity.personal_data
        )
        monitors = screening is not None and screening.systematic_monitoring
        reasons = [
            ("c", "processes special-category or criminal-offence data") if sensitive else None,
            ("b", "monitors people systematically") if monitors else None,
        ]
        for point, what in filter(None, reasons):
            yield Problem(
                entry,
                loc,
                f"'{activity.name}' {what} on a large scale{scale}, and the organisation has no "
                "data protection officer",
                citation=(f"GDPR Art. 37(1)({point})",),
            )


def _large_scale(activity: ProcessingActivity) -> tuple[Loc, str] | None:
    """Where the record says the processing is large scale, and how it says so: the
    screening's judgement, else a head count of at least ``LARGE_SCALE_COUNT``."""
    screening = activity.dpia_screening
    if screening is not None and screening.scale is not None:
        return (
            (("dpia_screening", "scale", "large_scale"), "")
            if screening.scale.large_scale
            else None
        )
    count = activity.data_subject_count
    if count is not None and count >= LARGE_SCALE_COUNT:
        return (
            "data_subject_count",
        ), f" (about {count:,} people, and no screening judges the scale)"
    return None


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
