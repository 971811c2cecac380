"""AIA: what a system's record declares must agree with the facts it records and the register.

These are statements about the system, not dated duties: they run whatever ``--as-of`` says.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts import ai_act_transparency as transparency
from complykit.facts.ai_act_index import IN_USE, activities, catalog, systems
from complykit.facts.ai_act_practices import (
    BIOMETRIC_EMOTIONS,
    annex_iii_biometric_points,
    practice_title,
    prohibited_points,
    recorded_points,
)
from complykit.facts.problem import Problem
from complykit.model.ai_practices import PracticeFacts
from complykit.model.ai_system import AiSystem
from complykit.workspace.repository import Entry, Repository


@check(
    code="AIA013",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    name="risk-class-contradicts-practices",
    severity=Severity.ERROR,
    citation=("AI Act Art. 5(1)",),
    hint="Correct `classification.risk_class` (or `suspected_art5_practice`) to what the "
    "recorded `practices` show, or correct the practices and explain in `practices.reasoning`.",
)
def risk_class_contradicts_practices(repo: Repository) -> Iterator[Problem]:
    """The declared risk class or suspected Art. 5 point contradicts the recorded practices.

    Art. 5(1) is decided from ``practices`` (see AIA001); a label that says otherwise is wrong
    in one of the two places, and an auditor will read the facts. Practices that no point of
    Art. 5(1) prohibits may still be Annex III point 1 biometrics (remote biometric
    identification, biometric categorisation by sensitive attributes, emotion recognition),
    which Art. 6(2) makes high-risk: a system classified minimal or transparency that names no
    Annex III use case (else AIA003) and claims no Art. 6(3) exception contradicts them.
    Emotion recognition with ``medical_or_safety_purpose`` is still Annex III point 1(c): the
    medical or safety exception is Art. 5(1)(f)'s only. Physical states such as fatigue or
    pain are not emotions (recital 18): such a system should not record
    ``emotion-recognition`` at all.
    Emotion recognition means inferring emotions or intentions from biometric data (face,
    voice, gait, keystrokes...); sentiment analysis of written text is not, and belongs
    outside ``practices.techniques``.
    A system classified prohibited that no point catches is cited by the points its recorded
    techniques name (e.g. Art. 5(1)(f) for emotion recognition for safety reasons), and the
    message says which condition is not met or which exception applies; for point h's
    exception it also cites the prior authorisation (Art. 5(3)) and the national law (Art.
    5(5)) it relies on; AIA001 then stays quiet: the recorded facts, not the class, decide
    whether the system must stop. With no such technique it cites Art. 5(1) and asks for the
    technique: practices that name none clear nothing, so AIA001's "stop using" stands.
    Before the system is in use (``lifecycle`` before deployment), practices that fall under
    Art. 5(1) under another risk class are left to AIA029's warning, as AIA001 leaves them:
    an error there would undo that softening for a team that records a concern early.

    PASS: ``risk_class: prohibited`` with ``practices: {techniques: [emotion-recognition],
    settings: [workplace]}``; or ``risk_class: high-risk`` with ``practices: {techniques:
    [social-scoring]}`` and ``lifecycle: idea`` (AIA029 warns).
    FAIL: ``risk_class: minimal`` with ``practices: {techniques: [emotion-recognition],
    settings: [education]}``; or ``risk_class: prohibited`` with ``practices: {techniques:
    [emotion-recognition], settings: [workplace], medical_or_safety_purpose: true}``; or
    ``risk_class: minimal`` with ``practices: {techniques: [emotion-recognition], settings:
    [publicly-accessible-spaces]}`` or with ``settings: [workplace],
    medical_or_safety_purpose: true`` (Annex III point 1(c)).
    """
    for entry, system in systems(repo):
        if system.practices is not None:
            yield from _contradictions(repo, entry, system)


def _contradictions(repo: Repository, entry: Entry, system: AiSystem) -> Iterator[Problem]:
    points = prohibited_points(system.practices, repo.as_of)
    basis = system.classification
    named = ", ".join(practice_title(repo, p) for p in points)
    if points and basis.risk_class != "prohibited" and system.lifecycle in IN_USE:
        yield Problem(
            entry,
            ("classification", "risk_class"),
            f"'{system.name}' is classified '{basis.risk_class}', but its recorded practices "
            f"fall under {named}: a prohibited AI practice"
            + (f" ({BIOMETRIC_EMOTIONS})" if "f" in points else ""),
            citation=tuple(f"AI Act Art. 5(1)({p})" for p in points),
        )
    elif not points and basis.risk_class == "prohibited":
        yield _not_prohibited(repo, entry, system)
    biometric = annex_iii_biometric_points(system.practices)
    if (
        biometric
        and not points
        and basis.risk_class in ("minimal", "transparency")
        and basis.annex_iii is None
        and basis.art6_3_exception is None
    ):
        items = [f"Annex III(1)({p})" for p in biometric]
        yield Problem(
            entry,
            ("classification", "risk_class"),
            f"'{system.name}' is classified '{basis.risk_class}', but its recorded practices "
            f"fall under {', '.join(_annex_title(repo, i) for i in items)}: high-risk under "
            "Art. 6(2) unless the Art. 6(3) exception applies, and it claims none"
            + (f" ({BIOMETRIC_EMOTIONS})" if "c" in biometric else ""),
            hint="Classify the system as high-risk with `annex_iii` (area 1 and its point), or "
            "record the Art. 6(3) exception (`art6_3_exception`) if it poses no significant "
            "risk; if the system does not do this, correct `practices`.",
            citation=("AI Act Art. 6(2)", *(f"AI Act {i}" for i in items)),
        )
    suspected = basis.suspected_art5_practice
    if suspected is not None and points and suspected not in points:
        yield Problem(
            entry,
            ("classification", "suspected_art5_practice"),
            f"'{system.name}' is suspected of {practice_title(repo, suspected)}, but its "
            f"recorded practices fall under {named} instead",
        )


def _not_prohibited(repo: Repository, entry: Entry, system: AiSystem) -> Problem:
    """A system classified prohibited whose recorded practices no point of Art. 5(1) catches.
    Where a technique names a point's conduct, the finding is about that point and says why
    the recorded facts leave it out (point f's exception for medical or safety reasons, say),
    and the citation names that point, not the whole article."""
    named = recorded_points(system.practices)
    if not named or system.practices is None:
        # Nothing recorded clears the system, so AIA001's "stop using" stands (unless it is
        # retired); what is missing is the technique, not a lower class.
        return Problem(
            entry,
            ("classification", "risk_class"),
            f"'{system.name}' is classified 'prohibited', but its recorded practices fall "
            "under no point of Art. 5(1): they name no technique that a point of Art. 5(1) "
            "prohibits, so they do not show which prohibition applies",
            hint="Record in `practices.techniques` the conduct that makes the system "
            "prohibited (e.g. `social-scoring`), with the facts its point asks for. Only if "
            "no point of Art. 5(1) applies after all, correct `classification.risk_class` "
            "and say why in `practices.reasoning`.",
        )
    facts = system.practices
    reasons = "; ".join(f"{practice_title(repo, p)}: {_why_not_caught(p, facts)}" for p in named)
    citation = tuple(f"AI Act Art. 5(1)({p})" for p in named)
    if "h" in named and _h_exception_recorded(facts):
        citation += ("AI Act Art. 5(3)", "AI Act Art. 5(5)")
    return Problem(
        entry,
        ("classification", "risk_class"),
        f"'{system.name}' is classified 'prohibited', but as recorded its practices are not "
        f"caught by {reasons}",
        citation=citation,
    )


def _why_not_caught(point: str, facts: PracticeFacts) -> str:
    """Which condition of the point the recorded facts do not meet, or which of its own
    exceptions they rely on (``_POINTS`` in facts.ai_act_practices decides; this says why)."""
    settings = set(facts.settings)
    if point == "f":
        if not settings & {"workplace", "education"}:
            return "its condition is not met, as no recorded setting is a workplace or education"
        return (
            "point (f)'s exception for medical or safety reasons applies "
            "(`medical_or_safety_purpose`)"
        )
    if point == "h":
        if not settings >= {"law-enforcement", "publicly-accessible-spaces"}:
            return (
                "its condition is not met, as `settings` do not record use for law enforcement "
                "in publicly accessible spaces"
            )
        return (
            "point (h)'s exception applies as recorded: a listed objective, the prior "
            "authorisation of Art. 5(3) (or an urgent use still within its terms) and a national "
            "law that allows the use under Art. 5(5); complykit does not check the other "
            "safeguards of Art. 5(2)-(7) (paragraph numbers unverified in complykit's reference)"
        )
    return _OWN_TERMS.get(point, "a condition of the point is not met")


# Points a-d and g: the flag that takes the recorded conduct outside the point.
_OWN_TERMS = {
    "a": "its condition of (likely) significant harm is not met (`no_significant_harm`)",
    "b": "its condition of (likely) significant harm is not met (`no_significant_harm`)",
    "c": "its condition of detrimental or unfavourable treatment is not met "
    "(`no_detrimental_treatment`)",
    "d": "it does not apply to a system that supports a human assessment based on objective, "
    "verifiable facts (`supports_human_assessment`)",
    "g": "it does not cover labelling or filtering lawfully acquired biometric datasets, or "
    "categorisation in the area of law enforcement (`lawful_dataset_labelling`)",
}


def _h_exception_recorded(facts: PracticeFacts) -> bool:
    """Point h is left out by its exception, not by its conditions: the message then relies
    on Art. 5(3) and 5(5), and the citation names them."""
    return set(facts.settings) >= {"law-enforcement", "publicly-accessible-spaces"}


def _annex_title(repo: Repository, item: str) -> str:
    """``Annex III(1)(c) (emotion recognition)``, with the catalog's title."""
    found = catalog(repo)
    known = found.item(item) if found else None
    return f"{item} ({known.title.lower()})" if known else item


@check(
    code="AIA014",
    reads=("ai-system", "processing-activity"),
    local=1,
    framework="eu-ai-act",
    name="ai-personal-data-unregistered",
    severity=Severity.ERROR,
    citation=("GDPR Art. 30(1)",),
    hint="Link the processing activities in which the system processes personal data "
    "(`processing_activities`, or `ai_systems` on the activity); add the activity to the "
    "register if it is missing.",
)
def ai_personal_data_unregistered(repo: Repository) -> Iterator[Problem]:
    """An AI system that processes personal data is linked to no processing activity.

    Every processing of personal data belongs in the Art. 30 register; an AI system that
    processes it without a linked activity is processing the register does not show, and the
    rules that need the link (such as AIA008's DPIA) cannot judge it. A system that says it
    processes no personal data but is linked to activities is reported too.

    PASS: ``processes_personal_data: true`` and ``processing_activities: [pa-recruitment]``.
    FAIL: ``processes_personal_data: true`` and no linked activity.
    """
    for entry, system in systems(repo):
        linked = activities(repo, system)
        if system.processes_personal_data and not linked:
            yield Problem(
                entry,
                ("processes_personal_data",),
                f"'{system.name}' processes personal data, but no processing activity in the "
                "register is linked to it",
            )
        elif system.processes_personal_data is False and linked:
            yield Problem(
                entry,
                ("processes_personal_data",),
                f"'{system.name}' says it processes no personal data, yet "
                f"{', '.join(a.id for a in linked)} names it as processing personal data",
                hint="Set `processes_personal_data: true`, or remove the link if the system "
                "does not take part in that processing.",
            )


_IDENTIFIES = "real-time-remote-biometric-identification"


@check(
    code="AIA030",
    reads=("ai-system", "processing-activity"),
    local=1,
    framework="eu-ai-act",
    name="ai-biometrics-unregistered",
    severity=Severity.WARNING,
    citation=("GDPR Art. 9(1)",),
    hint="Add the biometric data to the linked activity's `personal_data` with "
    "`special_category: biometric` and the Art. 9(2) condition that allows it (with its "
    "Union or national provision where the point needs one); or correct `practices` if the "
    "system does not identify people by their biometrics.",
)
def ai_biometrics_unregistered(repo: Repository) -> Iterator[Problem]:
    """A system in use identifies people by their biometrics, yet no linked processing
    activity records biometric data.

    Biometric data processed to identify a person uniquely is a special category under
    GDPR Art. 9(1), and the register must show it with the Art. 9(2) condition that allows
    it. Only remote biometric identification is judged: biometric categorisation and emotion
    recognition do not identify people, so their data is not always a special category. A
    system without linked activities is AIA014's.

    PASS: ``practices: {techniques: [real-time-remote-biometric-identification]}`` and a
    linked activity with ``personal_data: [{name: face templates, special_category:
    biometric, ...}]``.
    FAIL: the same system, its linked activity recording no biometric data.
    """
    if not repo.in_scope("gdpr"):
        return
    for entry, system in systems(repo, in_use=True):
        facts = system.practices
        if facts is None or _IDENTIFIES not in facts.techniques:
            continue
        linked = activities(repo, system)
        if not linked or any(
            item.special_category == "biometric" for a in linked for item in a.personal_data
        ):
            continue
        yield Problem(
            entry,
            ("practices", "techniques", facts.techniques.index(_IDENTIFIES)),
            f"'{system.name}' identifies people remotely by their biometrics, but its "
            f"processing activities ({', '.join(a.id for a in linked)}) record no biometric "
            "data as a special category",
        )


@check(
    code="AIA031",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    name="transparency-exception-unexplained",
    severity=Severity.WARNING,
    citation=("AI Act Art. 50",),
    hint="Say in the exception's `reasoning` why it holds: the circumstances that make the AI "
    "obvious, the law that authorises the use to detect, prevent, investigate or prosecute "
    "criminal offences (for Art. 50(1), also that the public cannot use the system to report "
    "an offence), what the editing does, the work the deep fake "
    "belongs to, or who reviews the text and holds editorial responsibility; or remove the "
    "exception, or the `ground` that does not fit the recorded situations.",
)
def transparency_exception_unexplained(repo: Repository) -> Iterator[Problem]:
    """An Art. 50 exception is relied on without a reason, or for no situation the record shows.

    An exception in ``transparency.exceptions`` stands in for the disclosure or marking the
    paragraph asks only with its ``reasoning``, which says why it holds: a bare claim shows
    nothing (whether the AI is obvious, for one, depends on the circumstances and the context
    of use, Art. 50(1)). Without it AIA010 still reports the missing disclosure or marking,
    and this rule asks for the reasoning. A ground that reaches none of the recorded
    situations (``obvious`` for a system that does not interact with people, say) excuses
    nothing and hints that the flags or the ground are wrong.

    PASS: ``interacts_with_people: true`` and ``exceptions: [{ground: obvious, reasoning: A
    voice menu that says 'press 1'; nobody takes it for a person}]``.
    FAIL: ``interacts_with_people: true`` and ``exceptions: [{ground: obvious}]``; or
    ``exceptions: [{ground: editorial-responsibility, reasoning: ...}]`` with no
    ``public_interest_text``.
    """
    yield from transparency.exception_problems(repo)
