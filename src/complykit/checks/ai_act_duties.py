"""AIA: duties of operators of AI systems, reported once they apply on ``--as-of``.

Each check reports the duty as an error from its Art. 113 date; before that date AIA012 warns,
saying from when it applies. The Digital Omnibus deferrals are unverified: hints give their
date in brief, the rules' note (OMNIBUS_NOTE, said once per run) what it means, and severities
ignore them.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts import ai_act_deployer_gaps as deployer_gaps
from complykit.facts import ai_act_gaps as gaps
from complykit.facts import ai_act_provider_gaps as provider_gaps
from complykit.facts import ai_act_transparency as transparency
from complykit.facts.ai_act_index import (
    IN_USE,
    LEGACY,
    OMNIBUS_NOTE,
    dated,
    gap_start,
    systems,
    unreviewed_legacy,
)
from complykit.facts.ai_act_practices import prohibited_gaps, urgent_request_due
from complykit.facts.problem import Problem
from complykit.model.ai_system import AiSystem
from complykit.workspace.repository import Repository


@check(
    code="AIA001",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    name="prohibited-practice",
    severity=Severity.ERROR,
    citation=("AI Act Art. 5(1)",),
)
def prohibited_practice(repo: Repository) -> Iterator[Problem]:
    """A system whose practices, class or suspicion make it prohibited is in use.

    The Art. 5(1) point is decided from ``practices``: what the system does, where, and the
    exceptions the article itself makes (medical or safety reasons for emotion recognition, the
    listed law-enforcement objectives for real-time remote biometric identification, which
    count only with the prior authorisation of a judicial or independent administrative
    authority (Art. 5(3)) and a national law that allows the use (Art. 5(5))), as well
    as from a ``suspected_art5_practice`` or, when the recorded techniques name no point's
    conduct, a declared ``risk_class: prohibited``. Where a recorded technique names a point
    and the facts leave the system outside it (an exception applies, a condition is not met),
    the facts decide and AIA013 reports the class as wrong, so the two never give opposite
    advice (stopping a system the law allows). Practices that name no technique clear nothing:
    the owner's "prohibited" stands. Record
    ``emotion-recognition`` only for a system that infers emotions or intentions from
    biometric data (face, voice, gait, keystrokes...), as the AI Act defines emotion
    recognition: sentiment analysis of written text is not, and Art. 5(1)(f) does not reach it.

    PASS: ``practices: {techniques: [emotion-recognition], settings: [workplace],
    medical_or_safety_purpose: true}`` and ``lifecycle: operation`` (Art. 5(1)(f) excepts
    medical or safety reasons; Annex III point 1(c) still applies, see AIA013), also with
    ``risk_class: prohibited`` (AIA013 reports the class).
    FAIL: ``practices: {techniques: [emotion-recognition], settings: [workplace]}`` and
    ``lifecycle: operation``; or ``suspected_art5_practice: f`` and ``lifecycle: operation``;
    or ``risk_class: prohibited`` with ``practices: {settings: [publicly-accessible-spaces]}``
    (no technique) and ``lifecycle: operation``;
    or real-time remote biometric identification in a public space with
    ``law_enforcement_objective: suspect-location`` and no ``authorisation`` or
    ``national_law``; or such a use begun in urgency (``urgent_use``) whose authorisation was
    requested more than a day after it began, or not requested by the end of the day after it
    began, or was rejected.

    Art. 5(3) lets a duly justified urgent use begin before the authorisation if it is
    requested without undue delay, at the latest within 24 hours; if it is rejected, the use
    stops at once and its data, results and outputs are deleted. While the request is pending
    ``urgent_use`` stands in for ``authorisation``. The record holds days, not hours, so
    complykit reads by day: a request on the day the use began or on the next day passes
    (keep the times in ``justification`` to show the 24 hours were kept), and a use with no
    request yet is reported only from the second day after it began; until then the 24 hours
    may still run, and AIA033 says the request is due.

    In use means ``lifecycle`` deployment or operation: Art. 5(1) forbids placing on the
    market, putting into service and use. Before that stage AIA029 warns instead.
    """
    hint = (
        "Stop using the system and set `lifecycle: retired`; if it is no prohibited practice "
        "after all, record or correct `practices`, `classification.risk_class` or "
        "`suspected_art5_practice`, and say why in `reasoning`. Real-time remote biometric "
        "identification for a listed objective needs its prior `authorisation` and "
        "`national_law` recorded too; a use begun in a duly justified urgency needs its "
        "`urgent_use`, with the authorisation requested within 24 hours and not rejected."
    )
    gaps_in_use = (g for g in prohibited_gaps(repo) if _in_use(g.where.record))
    yield from dated(repo, gaps_in_use, hint)


@check(
    code="AIA029",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    name="prohibited-practice-planned",
    severity=Severity.WARNING,
    citation=("AI Act Art. 5(1)",),
)
def prohibited_practice_planned(repo: Repository) -> Iterator[Problem]:
    """A system not yet in use is, may be or is classified as a prohibited practice.

    Art. 5(1) forbids placing such a system on the market, putting it into service and using
    it; research, testing and development before that are outside the Act (Art. 2(8)), with
    the exception of testing in real-world conditions. A system at ``idea``, ``design``,
    ``development`` or ``validation`` has not reached that point yet, so this is a warning:
    once it reaches ``deployment`` or ``operation``, AIA001 reports it as an error.

    PASS: ``practices: {techniques: [social-scoring], no_detrimental_treatment: true}`` and
    ``lifecycle: design``.
    FAIL: ``practices: {techniques: [social-scoring]}`` and ``lifecycle: idea``.
    """
    hint = (
        "Do not place the system on the market, put it into service or use it: stop the "
        "project or redesign it so that no point of Art. 5(1) applies, and record that in "
        "`practices` and `reasoning`. Testing in real-world conditions is already outside "
        "the research exclusion of Art. 2(8)."
    )
    planned = (g for g in prohibited_gaps(repo) if not _in_use(g.where.record))
    yield from dated(repo, planned, hint)


@check(
    code="AIA033",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    name="urgent-rbi-authorisation-due",
    severity=Severity.WARNING,
    citation=("AI Act Art. 5(3)",),
    hint="Request the authorisation from the judicial or independent administrative authority "
    "now and record the day in `urgent_use.requested`; if it is rejected, stop the use at once "
    "and record `rejected`.",
)
def urgent_rbi_authorisation_due(repo: Repository) -> Iterator[Problem]:
    """A real-time remote biometric identification begun in urgency has no authorisation
    requested yet, and its 24 hours may still run.

    Art. 5(3) lets a duly justified urgent use begin before the authorisation, provided the
    authorisation is requested without undue delay, at the latest within 24 hours. The record
    holds days, so on the day the use began and on the next complykit cannot tell whether the
    24 hours have run out: the use is not reported as prohibited (AIA001), and this warning
    says the request is due. From the second day after the start without a request, AIA001
    reports the use as an error instead.

    PASS: ``urgent_use: {started: 2026-12-07, requested: 2026-12-07}``.
    FAIL: ``urgent_use: {started: 2026-12-07}`` with no ``requested``, as of 2026-12-07.
    """
    for entry, system in systems(repo):
        due = urgent_request_due(system.practices, repo.as_of)
        if system.lifecycle == "retired" or due is None:
            continue
        begun, last_day = due
        yield Problem(
            entry,
            ("practices", "urgent_use"),
            f"'{system.name}' records an urgent use begun on {begun.isoformat()} with no "
            "request for its authorisation yet: Art. 5(3) requires the request without undue "
            "delay, at the latest within 24 hours of the start, so by "
            f"{last_day.isoformat()} at the latest, and earlier if the use began before that "
            "hour (complykit reads the record by day); once that day has passed without a "
            "request, the use is no longer covered and AIA001 reports it as prohibited under "
            "Art. 5(1)(h)",
        )


def _in_use(record: object) -> bool:
    return isinstance(record, AiSystem) and record.lifecycle in IN_USE


@check(
    code="AIA005",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="art6-3-assessment-undocumented",
    severity=Severity.ERROR,
    citation=("AI Act Art. 6(4)",),
)
def art6_3_assessment_undocumented(repo: Repository) -> Iterator[Problem]:
    """A system we provide relies on the Art. 6(3) exception without a documented assessment.

    Art. 6(4) binds the provider that considers its Annex III system not high-risk: it
    documents that assessment before placing the system on the market or putting it into
    service. A system we only deploy is not reported: the duty is its provider's, and a
    deployer cannot document the provider's assessment. Its provider's documentation is
    still worth asking for, since the deployer duties follow from the class.

    PASS: ``roles: [provider]`` and ``art6_3_exception: {condition: a, reasoning: ...,
    documented: 2026-05-01}``; or ``roles: [deployer]`` with no ``documented``.
    FAIL: ``roles: [provider]`` and ``art6_3_exception: {condition: a, reasoning: ...}`` and no
    ``documented``.
    """
    hint = "Document the assessment before placing the system on the market and set `documented`."
    yield from dated(repo, gaps.art6_4_gaps(repo), hint)


@check(
    code="AIA006",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="deployer-oversight-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 26(2)",),
)
def deployer_oversight_missing(repo: Repository) -> Iterator[Problem]:
    """We deploy a high-risk system without trained people assigned to oversee it.

    PASS: ``human_oversight: {description: ..., overseers: [hr-lead], trained: true}``.
    FAIL: no ``human_oversight``, no ``overseers``, or ``trained: false``.
    """
    hint = "Assign overseers with the competence, training and authority they need."
    yield from dated(repo, gaps.oversight_gaps(repo), hint)


@check(
    code="AIA007",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="high-risk-logs-too-short",
    severity=Severity.ERROR,
    citation=("AI Act Art. 26(6)", "AI Act Art. 19"),
)
def high_risk_logs_too_short(repo: Repository) -> Iterator[Problem]:
    """A high-risk system we deploy or provide keeps no logs, or keeps them under six months.

    PASS: ``logging: {enabled: true, retention: P6M}``.
    FAIL: ``logging: {enabled: true, retention: P90D}``.
    """
    hint = (
        "Keep the logs under your control at least six months (`retention: P6M`), unless "
        "other Union or national law, such as the GDPR, says otherwise."
    )
    yield from dated(repo, gaps.logging_gaps(repo), hint)


@check(
    code="AIA008",
    reads=("ai-system", "dpia", "processing-activity"),
    local=2,
    framework="eu-ai-act",
    name="deployer-dpia-missing",
    severity=Severity.ERROR,
    needs=("dpia",),
    citation=("AI Act Art. 26(9)", "GDPR Art. 35(1)"),
    hint="Carry out the DPIA with the provider's instructions for use (Art. 13) and record it "
    "under `impact_assessments`; if you concluded none is needed, waive this with the reason.",
)
def deployer_dpia_missing(repo: Repository) -> Iterator[Problem]:
    """A high-risk system we deploy processes personal data, and no DPIA is completed.

    The DPIA duty is the GDPR's (in force since 2018), so this check does not wait for the AI
    Act's application date; Art. 26(9) says to use the provider's information for it.

    PASS: ``processing_activities: [pa-recruitment]`` and a completed ``dpia`` assessment.
    FAIL: ``processing_activities: [pa-recruitment]`` and no completed DPIA; or
    ``processes_personal_data: true`` and no linked activity, so no DPIA can be found.
    """
    for entry, system, used_in in gaps.dpia_missing(repo):
        if not used_in:
            yield Problem(
                entry,
                ("processes_personal_data",),
                f"'{system.name}' is a high-risk system we deploy and processes personal data, "
                "but it is linked to no processing activity, so no DPIA of it can be found",
                hint="Link the processing activities (`processing_activities`) and record the "
                "DPIA that covers them; see also AIA014.",
            )
            continue
        yield Problem(
            entry,
            ("processing_activities",) if system.processing_activities else ("classification",),
            f"'{system.name}' is a high-risk system we deploy; it processes personal data in "
            f"{', '.join(used_in)}, but no DPIA of it is completed",
        )


@check(
    code="AIA009",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="fria-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 27(1)",),
)
def fria_missing(repo: Repository) -> Iterator[Problem]:
    """A deployer that must assess fundamental rights before using an Annex III system has not.

    Public bodies and private bodies providing public services (any Annex III area but 2),
    and every deployer of an Annex III 5(b) or 5(c) system.

    PASS: ``annex_iii: {area: 5, point: b}`` with ``impact_assessments: [{type: fria,
    status: completed}]`` (a completed Dutch IAMA counts too).
    FAIL: ``annex_iii: {area: 5, point: b}`` and no completed FRIA.
    """
    hint = (
        "Carry out the FRIA (Art. 27(1)(a)-(f)), notify the market surveillance authority of "
        "the results (Art. 27(3)) and record it as a `fria` impact assessment."
    )
    yield from dated(repo, gaps.fria_gaps(repo), hint)


@check(
    code="AIA028",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="fria-results-not-notified",
    severity=Severity.ERROR,
    citation=("AI Act Art. 27(3)",),
)
def fria_results_not_notified(repo: Repository) -> Iterator[Problem]:
    """A completed fundamental rights impact assessment whose results the market surveillance
    authority was not told of.

    Whoever must assess fundamental rights before using an Annex III system (AIA009) must also
    notify the market surveillance authority of the results, on the AI Office's template.

    PASS: ``impact_assessments: [{type: fria, status: completed, completed: 2026-09-01,
    authority_notified: 2026-09-15}]``.
    FAIL: ``impact_assessments: [{type: fria, status: completed, completed: 2026-09-01}]``.
    """
    hint = (
        "Notify the market surveillance authority of the results (the AI Office's template) and "
        "record the day in the assessment's `authority_notified`; only an Art. 46(1) exemption "
        "spares it."
    )
    yield from dated(repo, gaps.fria_notification_gaps(repo), hint)


@check(
    code="AIA010",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="transparency-disclosure-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 50",),
)
def transparency_disclosure_missing(repo: Repository) -> Iterator[Problem]:
    """An Art. 50 situation applies to a system in use, and nothing recorded meets it.

    Only the paragraphs that bind our role count: 50(1) and 50(2) bind providers, 50(3) and
    50(4) deployers. Paragraphs 1, 3 and 4 ask that people be told, which ``disclosure``
    records. Paragraph 2 asks the provider of a system that generates synthetic audio, images,
    video or text to mark each output so that machines can detect it as AI-generated, which
    only ``marking`` records: a notice to people does not meet it. A system whose recorded
    ``practices`` include emotion recognition or biometric categorisation is an Art. 50(3)
    situation even if its transparency flags say not.

    Art. 50 makes its own exceptions, and one recorded in ``transparency.exceptions`` with
    its ``reasoning`` stands in for the disclosure or marking: ``obvious`` (50(1)),
    ``law-enforcement`` (50(1) to (4)), ``assistive-editing`` and ``no-substantial-alteration``
    (50(2)) and ``editorial-responsibility`` (50(4), public-interest text). ``artistic-work``
    (50(4), an evidently artistic, creative, satirical or fictional work) only limits the
    deep-fake duty to disclosing that such content exists without hampering the work, so a
    disclosure is still needed. An exception without its reasoning lifts nothing, since
    nothing shows it holds: this rule still reports the duty, and AIA031 asks for the
    reasoning.

    The Digital Omnibus (unverified) would give generative systems placed on the market before
    2 August 2026 until 2 December 2026 to mark their output; a workspace that chose the
    Omnibus dates is judged by that date for a system in service before 2 August 2026.

    PASS: ``roles: [provider]``, ``interacts_with_people: true`` and ``disclosure: ...``; or
    ``synthetic_content: true`` and ``marking: C2PA content credentials on every image``; or
    ``public_interest_text: true`` and ``exceptions: [{ground: editorial-responsibility,
    reasoning: ...}]``.
    FAIL: ``roles: [provider]``, ``interacts_with_people: true`` and no ``disclosure``, even
    with ``exceptions: [{ground: obvious}]`` and no reasoning; or ``synthetic_content: true``
    and a ``disclosure`` but no ``marking``.
    """
    hint = (
        "For Art. 50(1), (3) and (4), write in `transparency.disclosure` how people are told, at "
        "the latest at their first interaction or exposure (Art. 50(5)). Art. 50(2) asks more "
        "than telling people: the output itself must carry a machine-readable mark (a "
        "watermark, content credentials or other metadata); record how in "
        "`transparency.marking`. Where an exception of Art. 50 itself applies, record it in "
        "`transparency.exceptions` with its reasoning."
    )
    yield from dated(repo, transparency.transparency_gaps(repo), hint)


@check(
    code="AIA012",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="ai-act-duty-upcoming",
    severity=Severity.WARNING,
    hint="Plan the work so that it is done before the duty applies.",
)
def ai_act_duty_upcoming(repo: Repository) -> Iterator[Problem]:
    """A duty of AIA001, AIA005-007, AIA009, AIA010, AIA015-026, AIA028, AIA029 or AIA032
    applies later.

    The message says from when it applies (Art. 113) and where the Digital Omnibus would
    move that date. For a high-risk system in use before the general date of application, the
    date is the one Art. 111(2) gives, as for the duty rules themselves: from a significant
    change of its design, or for a system intended to be used by public authorities
    2030-08-02, whether we provide or deploy it; a system that the article keeps out of scope
    (reviewed, unchanged, not intended for public authorities) gets no warning.

    PASS: a high-risk Annex I (Art. 6(1)) system we deploy with trained overseers.
    FAIL: the same system without ``human_oversight``, as of 2026-11-23 (applies 2027-08-02).
    """
    for finder in (*gaps.FINDERS, *deployer_gaps.FINDERS, *provider_gaps.FINDERS):
        for gap in finder(repo):
            start = gap_start(repo, gap)
            if start is None or start.applies <= repo.as_of:
                continue
            legacy = f", under {LEGACY}" if start.basis == LEGACY else ""
            hint = [start.sentence(repo.as_of), "Plan the work so that it is done by then."]
            yield Problem(
                gap.where,
                gap.loc,
                f"{gap.message} (from {start.applies.isoformat()}{legacy})",
                " ".join([*hint, *unreviewed_legacy(repo, gap)]),
                gap.citation,
            )
