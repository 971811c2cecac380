"""INC: telling the people affected by a high-risk breach (Art. 34): whether they are told, or a
public communication replaces the individual notices (Art. 34(3)(c)), and whether it is late.

Art. 34(1) says "without undue delay" and sets no term; see ``SUBJECTS_TERM`` for the one
complykit counts.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import (
    SUBJECTS_TERM,
    Clock,
    breaches,
    clock_of,
    deadline_at,
    end_of,
    term_stands,
)
from complykit.facts.problem import Problem
from complykit.load.positions import Loc
from complykit.model.incident import SubjectNotification
from complykit.workspace.repository import Entry, Repository

_PUBLIC = ("GDPR Art. 34(3)(c)",)
_DAYS = SUBJECTS_TERM.days


@check(
    code="INC010",
    reads=("incident",),
    per_record=True,
    name="breach-data-subjects-not-told",
    severity=Severity.ERROR,
    citation=("GDPR Art. 34",),
    hint="Tell the people affected, or name the Art. 34(3) exemption under `data_subjects`; "
    "under exemption c, record the public communication that replaces the individual notices "
    "in `method`.",
)
def breach_data_subjects_not_told(repo: Repository) -> Iterator[Problem]:
    """As controller, a high-risk breach is not to be communicated to the people affected.

    A high risk means telling them, unless an Art. 34(3) exemption applies. Exemption (c),
    disproportionate effort, only replaces the individual notices: a public communication or
    a similar measure must inform the people as effectively, so it must be named.

    PASS: ``risk_to_individuals: high-risk`` and ``data_subjects: {required: true, notified_at:
    ...}``, or ``{required: false, exemption: a}``, or ``{required: false, exemption: c,
    method: notice on the website and in two national newspapers, notified_at: ...}``.
    FAIL: ``risk_to_individuals: high-risk`` and no ``data_subjects``, or ``{required: false}``,
    or ``{required: false, exemption: c}`` with no ``method``.
    """
    for entry, _, breach in breaches(repo, "controller"):
        people = breach.data_subjects
        if breach.risk_to_individuals != "high-risk":
            continue
        if people is None:
            yield _not_told(
                entry, ("breach", "risk_to_individuals"), "no communication to them is recorded"
            )
        elif people.exemption == "c" and people.method is None:
            yield Problem(
                entry,
                ("breach", "data_subjects", "exemption"),
                "the breach poses a high risk to people and exemption (c) is claimed, but it only "
                "replaces the individual notices by a public communication or similar measure "
                "that informs them as effectively, and none is recorded (`method`)",
                citation=_PUBLIC,
            )
        elif not (people.required or people.exemption or people.notified_at):
            loc: Loc = ("breach", "data_subjects", "required")
            yield _not_told(entry, loc, "the record says they need not be told")


def _not_told(entry: Entry, loc: Loc, told: str) -> Problem:
    return Problem(
        entry,
        loc,
        f"the breach poses a high risk to people, but {told} and no Art. 34(3) exemption is given",
    )


@check(
    code="INC023",
    reads=("incident",),
    per_record=True,
    name="breach-encryption-exemption-for-loss",
    severity=Severity.WARNING,
    citation=("GDPR Art. 34(3)(a)",),
    hint="If the people affected still face the loss or alteration, tell them (`required: "
    "true`); if another exemption fits, name it; if the measures leave no high risk, rate the "
    "risk again and say why in `risk_reasoning`.",
)
def breach_encryption_exemption_for_loss(repo: Repository) -> Iterator[Problem]:
    """As controller, a high-risk breach that discloses nothing claims exemption (a), data
    rendered unintelligible.

    Encryption and similar measures keep data from being read by whoever gets hold of it.
    They do not undo the loss or the alteration of data: a ransomware attack that leaves no
    backup harms the people just as much when the files were encrypted. Art. 34(3)(a) names
    unintelligibility as its chief example but speaks of appropriate protection measures in
    general, so this is a warning, not a verdict.

    PASS: ``nature: [confidentiality]``, ``risk_to_individuals: high-risk`` and
    ``data_subjects: {required: false, exemption: a}`` (an encrypted laptop).
    FAIL: ``nature: [availability]``, ``risk_to_individuals: high-risk`` and ``data_subjects:
    {required: false, exemption: a}``.
    """
    for entry, _, breach in breaches(repo, "controller"):
        people = breach.data_subjects
        claimed = people is not None and people.exemption == "a" and not people.notified_at
        high = breach.risk_to_individuals == "high-risk"
        # An empty nature is not yet known: nothing to weigh the exemption against.
        disclosed_nothing = bool(breach.nature) and "confidentiality" not in breach.nature
        if claimed and high and disclosed_nothing:
            yield Problem(
                entry,
                ("breach", "data_subjects", "exemption"),
                f"exemption (a) is claimed for a high-risk breach of {' and '.join(breach.nature)} "
                "only, but data made unintelligible is protected against disclosure, not "
                "against loss or alteration",
            )


# What each Art. 34(3) exemption rests on: the facts a reason must state.
_EXEMPTION_GROUNDS = {
    "a": "which protection measures, such as encryption, were applied to the data affected "
    "and why they keep it unintelligible to whoever got it",
    "b": "which measures taken since the breach ensure the high risk is no longer likely to "
    "materialise",
    "c": "why telling each person would take a disproportionate effort",
}


@check(
    code="INC024",
    reads=("incident",),
    per_record=True,
    name="breach-exemption-without-reason",
    severity=Severity.WARNING,
    citation=("GDPR Art. 34(3)",),
    hint="State in `data_subjects.reason` the facts the exemption rests on; if they do not "
    "hold, tell the people affected.",
)
def breach_exemption_without_reason(repo: Repository) -> Iterator[Problem]:
    """As controller, a high-risk breach claims an Art. 34(3) exemption without saying why.

    Each exemption holds only on concrete facts: (a) protection measures applied to the data
    affected, (b) measures taken since that ensure the high risk is no longer likely to
    materialise, (c) a disproportionate effort, and then a public communication that informs
    the people as effectively. The controller must be able to show them (Art. 5(2)), the
    breach register records the remedial action (Art. 33(5)), and the authority may decide
    whether the conditions are met (Art. 34(4)). A claim with no ``reason`` shows none of this,
    so it is reported as a warning: the exemption may well apply, but the record does not say
    why. Only high-risk breaches are judged, for only they must be communicated at all.

    PASS: ``risk_to_individuals: high-risk`` and ``data_subjects: {required: false, exemption:
    b, reason: all copies deleted from the recipient's mailbox, confirmed in writing}``.
    FAIL: ``risk_to_individuals: high-risk`` and ``data_subjects: {required: false, exemption:
    b}``.
    """
    for entry, _, breach in breaches(repo, "controller"):
        people = breach.data_subjects
        if breach.risk_to_individuals != "high-risk" or people is None:
            continue
        if people.exemption is not None and people.reason is None:
            point = people.exemption
            yield Problem(
                entry,
                ("breach", "data_subjects", "exemption"),
                f"exemption ({point}) is claimed for a high-risk breach, but no `reason` says "
                f"{_EXEMPTION_GROUNDS[point]}",
                citation=(f"GDPR Art. 34(3)({point})",),
            )


def _pending(repo: Repository) -> Iterator[tuple[Entry, Clock, SubjectNotification]]:
    """High-risk breaches whose people are owed a communication, individual or public, that is
    not recorded as made."""
    for entry, incident, breach in breaches(repo, "controller"):
        people = breach.data_subjects
        if breach.risk_to_individuals != "high-risk" or people is None or people.notified_at:
            continue
        public = people.exemption == "c" and people.method is not None
        if public or (people.required and not people.exemption):
            yield entry, clock_of(incident), people


def _where(people: SubjectNotification) -> Loc:
    field = "method" if people.exemption == "c" else "required"
    return ("breach", "data_subjects", field)


def _what(people: SubjectNotification) -> str:
    if people.exemption == "c":
        return f"the public communication that replaces the individual notices ({people.method})"
    return "a communication to them"


@check(
    code="INC011",
    reads=("incident",),
    per_record=True,
    name="breach-data-subjects-pending",
    severity=Severity.WARNING,
    citation=("GDPR Art. 34",),
    hint="Tell the people affected without undue delay and record `notified_at`.",
)
def breach_data_subjects_pending(repo: Repository) -> Iterator[Problem]:
    """As controller, people affected by a high-risk breach are to be told and are not yet.

    Under exemption (c) they are told by a public communication instead, which is just as due.
    Once 7 days have passed since becoming aware, INC022 reports it as an error instead.

    PASS: ``data_subjects: {required: true, notified_at: 2026-11-20T10:00:00+01:00}``.
    FAIL: ``data_subjects: {required: true}`` and no ``notified_at``, less than 7 days after
    ``aware_at``.
    """
    for entry, clock, people in _pending(repo):
        term = SUBJECTS_TERM.after_moment(clock.start)
        if term >= end_of(repo):
            yield Problem(
                entry,
                _where(people),
                "the people affected by this high-risk breach must be told without undue delay; "
                f"no communication is recorded yet ({_what(people)} is due); complykit counts "
                f"the delay as undue from {deadline_at(term)}, {_DAYS} days {clock.since}",
                citation=_PUBLIC if people.exemption == "c" else (),
            )


@check(
    code="INC022",
    reads=("incident",),
    per_record=True,
    name="breach-data-subjects-overdue",
    severity=Severity.ERROR,
    citation=("GDPR Art. 34",),
    hint="Tell the people affected now and record `notified_at`. If a public authority asked "
    "you to wait (e.g. the police, for an investigation), record a waiver with that reason "
    "and an expiry. The 7 days are complykit's reading of 'without undue delay', not a term "
    "in the law.",
)
def breach_data_subjects_overdue(repo: Repository) -> Iterator[Problem]:
    """As controller, people affected by a high-risk breach are still not told 7 days after we
    became aware.

    Art. 34(1) asks for "without undue delay" and sets no number. complykit counts a delay as
    undue once 7 days have passed since becoming aware (``aware_at``, or ``detected_at`` when
    it is missing), compared as instants in UTC with the end of the ``--as-of`` day, as the
    72-hour clock is; when the 7 days run out during that day, the message says when. By then
    the 72 hours the law gives for notifying the authority are long gone, and each day makes
    the warning less useful to people who could protect themselves. Telling people may well
    take longer than 72 hours (who is affected, addresses, coordination with the authority),
    so the 72 hours themselves would be stricter than the law. Before the 7 days INC011
    warns. Under exemption (c) the public communication is what is due.

    PASS: ``data_subjects: {required: true, notified_at: ...}``, or no ``notified_at`` 3 days
    after ``aware_at`` (INC011).
    FAIL: ``data_subjects: {required: true}``, no ``notified_at``, and ``aware_at`` 35 days ago.
    """
    for entry, clock, people in _pending(repo):
        term = SUBJECTS_TERM.after_moment(clock.start)
        if term >= end_of(repo):
            continue
        elapsed = term_stands(
            f"the {_DAYS} days {clock.since}",
            term,
            repo.as_of,
            then=": complykit counts the delay as undue from then on",
            passed=f"more than {_DAYS} days have passed {clock.since}: complykit counts the "
            f"delay as undue since {deadline_at(term)}",
        )
        yield Problem(
            entry,
            _where(people),
            "the people affected by this high-risk breach had to be told without undue "
            f"delay; {_what(people)} is still not recorded as made, and {elapsed}{clock.note}",
            citation=_PUBLIC if people.exemption == "c" else (),
        )
