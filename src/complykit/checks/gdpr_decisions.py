"""GDPR: solely automated decisions with legal or similar effects rest on an Art. 22 exception.

Art. 22 binds the controller, so processor activities are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import controller_activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.enums import Art9Condition, Art22Exception
from complykit.model.processing import AutomatedDecisionMaking, ProcessingActivity
from complykit.workspace.repository import Entry, Repository

_ART22_4_CONDITIONS = (Art9Condition.A, Art9Condition.G)


def _deciding(
    repo: Repository,
) -> Iterator[tuple[Entry, ProcessingActivity, AutomatedDecisionMaking]]:
    for entry, activity in controller_activities(repo):
        decisions = activity.automated_decisions
        if decisions is not None and decisions.used:
            yield entry, activity, decisions


@check(
    code="GDPR017",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="automated-decision-exception-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 22(2)",),
    hint="Set `automated_decisions.exception` to contract, law or explicit-consent, or have "
    "each decision taken by a person with the authority and competence to change the "
    "outcome, who weighs it (one who only confirms it does not count), and set `used: false`.",
)
def automated_decision_exception_missing(repo: Repository) -> Iterator[Problem]:
    """An activity makes solely automated decisions without an Art. 22(2) exception.

    PASS: ``automated_decisions: {used: true, exception: explicit-consent, safeguards: ...}``.
    FAIL: ``automated_decisions: {used: true}``.
    """
    for entry, activity, decisions in _deciding(repo):
        if decisions.exception is None:
            yield Problem(
                entry,
                ("automated_decisions", "used"),
                f"'{activity.name}' makes solely automated decisions, but names no Art. 22(2) "
                "exception that allows them",
            )


@check(
    code="GDPR018",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="automated-decision-special-data",
    severity=Severity.WARNING,
    citation=("GDPR Art. 22(4)",),
    hint="Base such decisions on explicit consent (Art. 9(2)(a)) or substantial public "
    "interest (Art. 9(2)(g)) with safeguards, or keep the special data out of the decision.",
)
def automated_decision_special_data(repo: Repository) -> Iterator[Problem]:
    """Automated decisions use special-category data whose Art. 9(2) condition is neither
    explicit consent nor substantial public interest.

    Art. 22(4) allows decisions on special categories only under Art. 9(2)(a) or (g), whichever
    Art. 22(2) exception the decision rests on: explicit consent to the decision (Art.
    22(2)(c)) is not the explicit consent to the special data that Art. 9(2)(a) asks. The
    warning names the categories whose condition is another point.

    PASS: ``exception: contract`` and no special categories, or ``special_category: health``
    with ``art9_condition: a``.
    FAIL: ``exception: contract`` or ``explicit-consent`` and ``special_category: health`` with
    ``art9_condition: h``.
    """
    for entry, activity, decisions in _deciding(repo):
        if decisions.exception is None:  # GDPR017 asks for the exception first
            continue
        special = [
            c.name
            for c in activity.personal_data
            if c.special_category is not None and c.art9_condition not in _ART22_4_CONDITIONS
        ]
        if special:
            consent_only_to_the_decision = (
                "; consent to the decision is not explicit consent to the special data"
                if decisions.exception is Art22Exception.EXPLICIT_CONSENT
                else ""
            )
            yield Problem(
                entry,
                ("automated_decisions", "exception"),
                f"'{activity.name}' makes automated decisions under the {decisions.exception} "
                f"exception while processing special-category data ({'; '.join(special)}) "
                "without explicit consent or substantial public interest"
                f"{consent_only_to_the_decision}",
            )


@check(
    code="GDPR019",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="automated-decision-safeguards-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 22(3)",),
    hint="Describe in `automated_decisions.safeguards` how people get human intervention, "
    "give their view and contest the decision.",
)
def automated_decision_safeguards_missing(repo: Repository) -> Iterator[Problem]:
    """Automated decisions under the contract or consent exception list no safeguards.

    Art. 22(3) is a duty, not advice: under these exceptions the controller must give at least
    human intervention, a chance to be heard and a way to contest. Like a missing exception
    (GDPR017), safeguards that the register does not show cannot be demonstrated (Art. 5(2)),
    so this is an error.

    PASS: ``exception: contract`` with ``safeguards: Reviewer re-decides on request``.
    FAIL: ``exception: explicit-consent`` without ``safeguards``.
    """
    needs_safeguards = (Art22Exception.CONTRACT, Art22Exception.EXPLICIT_CONSENT)
    for entry, activity, decisions in _deciding(repo):
        if decisions.exception in needs_safeguards and decisions.safeguards is None:
            yield Problem(
                entry,
                ("automated_decisions", "exception"),
                f"'{activity.name}' makes automated decisions under the {decisions.exception} "
                "exception but describes no safeguards",
            )
