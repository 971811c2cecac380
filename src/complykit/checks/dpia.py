"""DPIA: screenings that count the WP248 criteria, and DPIAs that hold what Art. 35 asks.

Only activities where we are (joint) controller are judged on their screening: for processor
activities the DPIA is the controller's duty, which we only assist with (Art. 28(3)(f)).
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.dpia_screening import (
    and_joined,
    mandatory_citation,
    screened,
    under_the_ap,
)
from complykit.facts.problem import Problem
from complykit.model.dpia import Dpia
from complykit.model.processing import ProcessingActivity
from complykit.workspace.repository import Entry, RecordT, Repository

_CONCLUSION = ("dpia_screening", "conclusion")
_FINISHED = ("completed", "approved")


@check(
    code="DPIA001",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="dpia-screening-unjustified",
    severity=Severity.ERROR,
    citation=("GDPR Art. 35(1)",),
    hint="Carry out a DPIA, or write in `rationale` why this processing is not high risk.",
)
def dpia_screening_unjustified(repo: Repository) -> Iterator[Problem]:
    """A screening meets two or more WP248 criteria yet concludes, without a reason, no DPIA.

    Two criteria mean a DPIA is needed in most cases; a controller may decide otherwise, but
    must write down why. A recorded Art. 35(10) exemption (``art35_10_basis``, see DPIA003)
    is such a reason.

    PASS: ``vulnerable_data_subjects: [employees]``, health data, ``conclusion:
    dpia-not-required`` and a ``rationale``.
    FAIL: the same without ``rationale``.
    """
    for s in screened(repo):
        not_required = s.screening.conclusion == "dpia-not-required"
        unexplained = s.screening.rationale is None and not s.exempt
        if not_required and s.likely_high_risk and unexplained:
            yield Problem(
                s.where,
                _CONCLUSION,
                f"{len(s.criteria)} WP248 criteria are met ({s.criteria_named}), but the "
                "screening concludes that no DPIA is needed and does not say why",
                citation=("GDPR Art. 35(1)", *s.criteria_cited),
            )


@check(
    code="DPIA002",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="dpia-screening-undecided",
    severity=Severity.WARNING,
    citation=("GDPR Art. 35(1)",),
    hint="Decide: `dpia-required`, or `dpia-not-required` with a `rationale`.",
)
def dpia_screening_undecided(repo: Repository) -> Iterator[Problem]:
    """A screening meets two or more WP248 criteria and is still to be decided.

    When the processing is also on the AP list or in Art. 35(3) and no DPIA is linked, DPIA004
    reports that a DPIA is always needed; this rule, which says only "likely", stays quiet.

    PASS: two criteria met and ``conclusion: dpia-required``; or two criteria met, an AP list
    item, ``conclusion: to-decide`` and no ``dpia`` (DPIA004).
    FAIL: two criteria met and ``conclusion: to-decide`` (or no conclusion).
    """
    for s in screened(repo):
        if s.mandatory and not s.exempt and s.activity.dpia is None:
            continue  # a DPIA is always needed, not likely: DPIA004 says so
        if s.screening.conclusion == "to-decide" and s.likely_high_risk:
            yield Problem(
                s.where,
                _CONCLUSION,
                f"{len(s.criteria)} WP248 criteria are met ({s.criteria_named}), so a DPIA is "
                "likely needed, but the screening is still undecided",
                citation=("GDPR Art. 35(1)", *s.criteria_cited),
            )


@check(
    code="DPIA003",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="dpia-screening-ignores-mandatory-list",
    severity=Severity.ERROR,
    citation=("GDPR Art. 35(3)", "GDPR Art. 35(4)"),
    hint="Processing on the AP list or in a case of Art. 35(3) needs a DPIA: set "
    "`dpia-required` and carry it out. For Art. 35(3)(a), set "
    "`systematic_extensive_automated: false` only if the evaluation is not systematic, not "
    "extensive, or not based on automated processing, or `decisions_with_significant_effect: "
    "false` only if no decision "
    "with legal or similarly significant effects rests on it, with the reason in `rationale`. "
    "Only where the processing rests on Art. 6(1)(c) or (e) and a law adopted with a general "
    "impact assessment does Art. 35(10) lift the duty; then record the law and its assessment "
    "in `art35_10_basis`.",
)
def dpia_screening_ignores_mandatory_list(repo: Repository) -> Iterator[Problem]:
    """A screening concludes no DPIA is needed for processing that always needs one.

    The Dutch AP list (Art. 35(4)) and the three cases of Art. 35(3) leave no room for a
    rationale: (a) evaluation or scoring on which decisions with legal or similarly
    significant effects rest, whether a system or a person takes them
    (``evaluation_or_scoring`` with ``decisions_with_significant_effect: true``; unstated,
    with ``automated_decision_legal_effect``, ``automated_decisions.used`` or
    ``prevents_exercising_rights``, and then the message says the reading is inferred), for
    an evaluation that is systematic and extensive and based on automated processing
    (``systematic_extensive_automated``; while it is unstated the message says the DPIA is
    needed if it is so; a stated ``false`` for either fact wins); (b) special-category or
    criminal data on a large scale; (c) systematic monitoring of a publicly accessible area on
    a large scale (``systematic_monitoring``, ``publicly_accessible_area`` and
    ``large_scale``).

    Art. 35(10) is the one way out: processing that rests on Art. 6(1)(c) or (e) and a law
    regulating it, adopted with a general impact assessment that covered data protection,
    needs no DPIA of its own unless the Member State requires one (``art35_10_basis``, with
    every purpose on Art. 6(1)(c) or (e); whether a Member State requires one is not checked).

    PASS: ``ap_list_items: [7]`` and ``conclusion: dpia-required``.
    FAIL: ``ap_list_items: [7]``, or ``evaluation_or_scoring`` with
    ``automated_decision_legal_effect`` or ``decisions_with_significant_effect``, and
    ``conclusion: dpia-not-required``.
    """
    for s in screened(repo):
        not_required = s.screening.conclusion == "dpia-not-required"
        if not_required and s.mandatory and not s.exempt:
            yield Problem(
                s.where,
                _CONCLUSION,
                "the screening concludes that no DPIA is needed, but "
                f"{s.needs('one')}{s.exemption_refused}{s.a_clearing}",
                citation=mandatory_citation(s.mandatory),
            )


@check(
    code="DPIA004",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="dpia-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 35(1)",),
    hint="Carry out the DPIA and link it with `dpia:`; a DPIA still in progress may be linked "
    "already. Where the finding rests on Art. 35(3)(a), set `systematic_extensive_automated` or "
    "`decisions_with_significant_effect` to `false` only if that is so, with the reason in "
    "`rationale`.",
)
def dpia_missing(repo: Repository) -> Iterator[Problem]:
    """A controller activity needs a DPIA (by its screening or a mandatory list) and links none.

    A screening still to be decided for processing on the AP list (Art. 35(4)) or in Art.
    35(3) needs a DPIA all the same; the finding then cites those provisions, as DPIA003 does.
    Not so when Art. 35(10) lifts the duty (``art35_10_basis``, as for DPIA003), unless the
    screening itself concludes that a DPIA is required.

    PASS: ``conclusion: dpia-required`` and ``dpia: dpia-portal``.
    FAIL: ``conclusion: dpia-required`` and no ``dpia``.
    """
    for s in screened(repo):
        if not s.dpia_needed or s.activity.dpia is not None:
            continue
        if s.screening.conclusion == "dpia-required":
            yield Problem(
                s.where,
                _CONCLUSION,
                "the screening concludes a DPIA is required, but no `dpia` is linked",
            )
        else:
            yield Problem(
                s.where,
                _CONCLUSION,
                f"{s.needs('a DPIA')}, but no `dpia` is linked{s.exemption_refused}{s.a_clearing}",
                citation=mandatory_citation(s.mandatory),
            )


@check(
    code="DPIA005",
    reads=("dpia", "processing-activity"),
    local=1,
    framework="gdpr",
    name="dpia-unfinished",
    severity=Severity.ERROR,
    citation=("GDPR Art. 35(1)",),
    hint="Finish the DPIA before the processing starts, then set its status.",
)
def dpia_unfinished(repo: Repository) -> Iterator[Problem]:
    """A controller activity that needs a DPIA links one that is not completed or approved.

    PASS: the linked DPIA has ``status: approved``.
    FAIL: the linked DPIA has ``status: in-progress`` or ``needs-update``.
    """
    for s in screened(repo):
        linked = _record(repo, s.activity.dpia, Dpia)
        if s.dpia_needed and linked and linked.status not in _FINISHED:
            yield Problem(
                s.where,
                ("dpia",),
                f"the DPIA '{linked.id}' this activity needs is {linked.status}, "
                "not completed or approved",
            )


def _finished(repo: Repository) -> Iterator[tuple[Entry, Dpia]]:
    return ((e, d) for e, d in repo.records(Dpia) if d.status in _FINISHED)


@check(
    code="DPIA006",
    reads=("dpia",),
    per_record=True,
    framework="gdpr",
    name="dpia-content-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 35(7)",),
    hint="Fill in `description`, `necessity_and_proportionality`, `risks` (or `feared_events`) "
    "and `measures`.",
)
def dpia_content_missing(repo: Repository) -> Iterator[Problem]:
    """A completed or approved DPIA lacks one of the four parts Art. 35(7)(a)-(d) requires.

    The risks may be assessed as risk records or per feared event (the CNIL method); the
    measures as control records or in ``measures_description``.

    PASS: ``status: approved`` with description, necessity and proportionality, risks
    (``risks`` or ``feared_events``) and measures.
    FAIL: ``status: approved`` and neither ``risks`` nor ``feared_events``.
    """
    for entry, dpia in _finished(repo):
        parts = {
            "(a)": ("a description of the processing", dpia.description),
            "(b)": ("necessity and proportionality", dpia.necessity_and_proportionality),
            "(c)": ("risks", dpia.risks or dpia.feared_events),
            "(d)": ("measures", dpia.measures or dpia.measures_description),
        }
        missing = [(point, what) for point, (what, value) in parts.items() if not value]
        if missing:
            yield Problem(
                entry,
                ("status",),
                f"the DPIA is {dpia.status} but lacks "
                f"{and_joined(f'{what} (Art. 35(7){point})' for point, what in missing)}",
                citation=tuple(f"GDPR Art. 35(7){point}" for point, _ in missing),
            )


@check(
    code="DPIA007",
    reads=("dpia",),
    per_record=True,
    framework="gdpr",
    name="dpia-dpo-advice-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 35(2)",),
    hint="Ask the DPO for advice and record it under `dpo_advice`.",
)
def dpia_dpo_advice_missing(repo: Repository) -> Iterator[Problem]:
    """A completed or approved DPIA records no advice although the organisation has a DPO.

    PASS: ``organisation.dpo`` set and ``dpo_advice`` recorded.
    FAIL: ``organisation.dpo`` set and no ``dpo_advice``.
    """
    if repo.config.organisation.dpo is None:
        return
    for entry, dpia in _finished(repo):
        if dpia.dpo_advice is None:
            yield Problem(
                entry,
                ("status",),
                f"the DPIA is {dpia.status} without the advice of the data protection officer",
            )


@check(
    code="DPIA008",
    reads=("dpia",),
    per_record=True,
    framework="gdpr",
    name="dpia-prior-consultation-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 36(1)",),
    hint="Consult the supervisory authority before processing; record `submitted_on`.",
)
def dpia_prior_consultation_missing(repo: Repository) -> Iterator[Problem]:
    """A DPIA leaves a high residual risk, or says prior consultation is required, and the
    supervisory authority was not consulted.

    The DPIA's own ``prior_consultation.required: true`` is the controller's conclusion that
    Art. 36(1) applies, whatever ``residual_risk`` says.

    PASS: ``residual_risk: high`` and ``prior_consultation: {required: true, submitted_on: ...}``.
    FAIL: ``residual_risk: high`` and no ``prior_consultation``, or no ``submitted_on``; or
    ``residual_risk: medium`` and ``prior_consultation: {required: true}`` with no
    ``submitted_on``.
    """
    for entry, dpia in repo.records(Dpia):
        consultation = dpia.prior_consultation
        if consultation and consultation.submitted_on:
            continue
        if dpia.residual_risk == "high":
            yield Problem(
                entry,
                ("residual_risk",),
                "the residual risk is high, but no prior consultation of the supervisory "
                "authority is recorded as submitted",
            )
        elif consultation and consultation.required:
            yield Problem(
                entry,
                ("prior_consultation", "required"),
                "the DPIA says prior consultation of the supervisory authority is required, "
                "but none is recorded as submitted",
            )


@check(
    code="DPIA009",
    reads=("dpia", "processing-activity"),
    local=1,
    framework="gdpr",
    name="dpia-link-one-sided",
    severity=Severity.WARNING,
    hint="List the activity in the DPIA's `processing_activities` and set the activity's `dpia`.",
)
def dpia_link_one_sided(repo: Repository) -> Iterator[Problem]:
    """A DPIA and a processing activity do not point at each other.

    PASS: ``processing_activities: [pa-portal]`` and, in pa-portal, ``dpia: dpia-portal``.
    FAIL: ``processing_activities: [pa-portal]`` and pa-portal has no ``dpia``.
    """
    for entry, dpia in repo.records(Dpia):
        for index, pa_id in enumerate(dpia.processing_activities):
            activity = _record(repo, pa_id, ProcessingActivity)
            if activity and activity.dpia != dpia.id:
                points = f"'{activity.dpia}'" if activity.dpia else "no DPIA"
                yield Problem(
                    entry,
                    ("processing_activities", index),
                    f"the DPIA covers '{pa_id}', but that activity names {points}",
                    # Only the activity's side is missing: the DPIA lists it already.
                    hint=_one_side_hint(repo, dpia.id, pa_id, activity.dpia),
                )
    # Each DPIA's activities as a set, made once: one DPIA may cover hundreds of activities
    # that each name it, and a look-up in its list for each of them was quadratic.
    listed: dict[int, frozenset[str]] = {}
    for entry, activity in repo.records(ProcessingActivity):
        linked = _record(repo, activity.dpia, Dpia)
        if linked is None:
            continue
        covered = listed.get(id(linked))
        if covered is None:
            covered = listed[id(linked)] = frozenset(linked.processing_activities)
        if activity.id not in covered:
            yield Problem(
                entry,
                ("dpia",),
                f"the activity names DPIA '{linked.id}', which does not list it "
                "in `processing_activities`",
                hint=f"Add {activity.id} to the `processing_activities` of {linked.id}.",
            )


def _one_side_hint(repo: Repository, dpia_id: str, activity_id: str, named: str | None) -> str:
    """What to write when a DPIA lists an activity that does not name it back: only the
    activity's side is missing, or, where the activity names another DPIA that exists, one of
    the two links is wrong (an id that names no DPIA is REF001's finding, never an option)."""
    fix = f"Set `dpia: {dpia_id}` in {activity_id}"
    if named is None or _record(repo, named, Dpia) is None:
        return f"{fix}."
    return (
        f"{fix}, or, if it belongs to {named}, remove it from this DPIA's `processing_activities`."
    )


def _record(repo: Repository, record_id: str | None, model: type[RecordT]) -> RecordT | None:
    """The valid record with this id if it is of ``model``; REF checks report the rest."""
    found = repo.by_id.get(record_id or "")
    return found.record if found and isinstance(found.record, model) else None


@check(
    code="DPIA012",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="ap-list-outside-the-netherlands",
    severity=Severity.WARNING,
    citation=("GDPR Art. 35(4)",),
    hint="Check the list of your own supervisory authority (for Belgium: the GBA/APD's) and "
    "record what it requires in the screening's rationale; remove `ap_list_items`.",
)
def ap_list_outside_the_netherlands(repo: Repository) -> Iterator[Problem]:
    """A screening names items of the Dutch AP's Art. 35(4) list, but the organisation's
    supervisory authority is not the Dutch one.

    Each authority publishes its own list of processing that always needs a DPIA; the AP's
    binds controllers it supervises. The items are not taken as mandatory (DPIA003 does not
    cite them); this says why.

    PASS: ``ap_list_items: [7]`` with ``supervisory_authority: {country: NL}``.
    FAIL: ``ap_list_items: [7]`` with ``supervisory_authority: {country: BE}``.
    """
    if under_the_ap(repo):
        return
    authority = repo.config.organisation.supervisory_authority
    for s in screened(repo):
        if s.screening.ap_list_items:
            yield Problem(
                s.where,
                ("dpia_screening", "ap_list_items"),
                f"the screening names items of the Dutch AP's DPIA list, but our supervisory "
                f"authority is {authority.name} ({authority.country}), whose own list applies",
            )
