"""RSK: every risk is owned, treated to a residual score, planned, accepted and reassessed.

ISO/IEC 27001:2022 6.1.2 asks for risk owners and a repeatable assessment, 6.1.3 for the
controls a treatment needs, a treatment plan the owners approve and residual risks they
accept, 8.2 for assessments at planned intervals and 8.3 for carrying the plan out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from complykit.catalog.catalogset import CatalogSet
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.risk_treatment import overdue, plan_open, remaining
from complykit.model.empty import EMPTY
from complykit.model.risk import Risk
from complykit.model.soa import StatementOfApplicability
from complykit.workspace.repository import Repository


@check(
    code="RSK003",
    reads=("risk",),
    per_record=True,
    name="risk-owner-missing",
    severity=Severity.ERROR,
    citation=("ISO/IEC 27001:2022 6.1.2 c)",),
    hint="Name the person accountable for the risk in `owner` (a person id from complykit.yaml).",
)
def risk_owner_missing(repo: Repository) -> Iterator[Problem]:
    """A risk has no owner.

    PASS: ``owner: ciso``.
    FAIL: a risk record without ``owner``.
    """
    for entry, risk in repo.records(Risk):
        if risk.owner is None:
            yield Problem(entry, ("title",), f"the risk '{risk.title}' has no owner")


def treated(risk: Risk) -> bool:
    """Mitigated or transferred, with no action of its plan still open.

    An accepted risk keeps its inherent score, which is its residual; an avoided one leaves
    none, since the activity that gave rise to it has stopped; without actions, the chosen
    treatment is taken as carried out.
    """
    return risk.treatment in ("mitigate", "transfer") and not plan_open(risk)


@check(
    code="RSK004",
    reads=("risk",),
    per_record=True,
    name="residual-risk-missing",
    severity=Severity.WARNING,
    citation=("ISO/IEC 27001:2022 6.1.3", "ISO/IEC 27001:2022 8.3"),
    hint="Score the risk as it stands after treatment in `residual`; while actions of its plan "
    "are still open, record them under `actions`.",
)
def residual_risk_missing(repo: Repository) -> Iterator[Problem]:
    """A treated risk has no residual score.

    A risk counts as treated when it is mitigated or transferred and none of its ``actions``
    is still planned or in progress. An accepted risk keeps its inherent score; an avoided
    risk leaves no residual risk (ISO/IEC 27001 6.1.3: the activity that gave rise to it has
    stopped), so neither is asked for one.

    PASS: ``residual: {likelihood: 2, impact: 3}``; or no residual while an action is
    ``status: in-progress``; or ``treatment: avoid`` and no residual.
    FAIL: ``treatment: mitigate``, no open actions and no ``residual``.
    """
    for entry, risk in repo.records(Risk):
        if risk.residual is None and treated(risk):
            yield Problem(
                entry,
                ("treatment",),
                f"the risk '{risk.title}' is treated ({risk.treatment}), but has no residual score",
            )


@check(
    code="RSK005",
    reads=("risk",),
    per_record=True,
    name="risk-acceptance-missing",
    severity=Severity.ERROR,
    citation=("ISO/IEC 27001:2022 6.1.3 f)",),
    hint="Record the owner's `acceptance` (by, on, until, rationale); for a risk within the "
    "appetite, set `within_appetite: true`.",
)
def risk_acceptance_missing(repo: Repository) -> Iterator[Problem]:
    """A risk treated by acceptance records no acceptance, or states the appetite wrongly.

    Accepting is a decision by the risk owner, also when the score is within the appetite;
    an acceptance that says ``within_appetite`` must be so.

    The score is the one that remains after treatment; under ``treatment: accept`` that is the
    inherent score, since accepting lowers nothing and a residual stated beside it rests on
    nothing done.

    PASS: ``treatment: accept`` with ``acceptance: {by: ciso, on: ..., until: ...,
    rationale: ..., within_appetite: true}`` and a score within the appetite.
    FAIL: ``treatment: accept`` and no ``acceptance``; or ``within_appetite: true`` with a
    score above the appetite; or ``treatment: accept``, ``inherent`` 25, a ``residual`` of 4 and
    ``within_appetite: true``.
    """
    appetite = repo.config.risk_method.appetite
    for entry, risk in repo.records(Risk):
        score = remaining(risk)[0].value
        if risk.treatment == "accept" and risk.acceptance is None:
            yield Problem(
                entry,
                ("treatment",),
                f"the risk '{risk.title}' is treated by acceptance, but no acceptance records "
                "who accepted it, when and until when",
            )
        elif risk.acceptance is not None and risk.acceptance.within_appetite and score > appetite:
            yield Problem(
                entry,
                ("acceptance", "within_appetite"),
                f"the acceptance of '{risk.title}' says it is within the appetite, but its "
                f"score {score} is above the appetite of {appetite}{_residual_ignored(risk)}",
            )


def _residual_ignored(risk: Risk) -> str:
    """Why a residual an accepted risk states does not count, when it would have."""
    if risk.treatment != "accept" or risk.residual is None:
        return ""
    return (
        f" (an accepted risk keeps its inherent score: the residual {risk.residual.value} it "
        "states is not the result of any treatment)"
    )


@check(
    code="RSK006",
    reads=("risk",),
    per_record=True,
    name="treatment-action-overdue",
    severity=Severity.WARNING,
    citation=("ISO/IEC 27001:2022 6.1.3 e)", "ISO/IEC 27001:2022 8.3"),
    hint="Finish the action and set `status: done` with `done_on`, or give it a new `due` "
    "date the owner agrees to.",
)
def treatment_action_overdue(repo: Repository) -> Iterator[Problem]:
    """An action of a risk treatment plan is past its due date and not done.

    PASS: ``actions: [{due: 2026-12-31, status: in-progress, ...}]``, as of 2026-11-23.
    FAIL: ``actions: [{due: 2026-09-30, status: planned, ...}]``, as of 2026-11-23.
    """
    for entry, risk in repo.records(Risk):
        for index, action in enumerate(risk.actions):
            if overdue(action, repo.as_of):
                late = (repo.as_of - action.due).days
                yield Problem(
                    entry,
                    ("actions", index, "due"),
                    f"the action '{action.action}' for '{risk.title}' was due on "
                    f"{action.due.isoformat()} ({late} days ago) and is {action.status}",
                )


@check(
    code="RSK007",
    reads=("risk",),
    per_record=True,
    name="risk-assessment-stale",
    severity=Severity.WARNING,
    citation=("ISO/IEC 27001:2022 8.2",),
    hint="Assess the risk again (likelihood, impact, residual) and set `last_assessed`.",
)
def risk_assessment_stale(repo: Repository) -> Iterator[Problem]:
    """A risk was last assessed longer ago than its planned interval.

    The interval is the risk's ``assessment_interval``, else ``risk_method.assessment_interval``
    in complykit.yaml; the date is ``last_assessed``, else ``identified``.

    PASS: ``last_assessed: 2026-06-01`` and ``assessment_interval: P1Y``, as of 2026-11-23.
    FAIL: ``last_assessed: 2025-06-01`` and ``assessment_interval: P1Y``, as of 2026-11-23.
    """
    default = repo.config.risk_method.assessment_interval
    for entry, risk in repo.records(Risk):
        last, interval = risk.last_assessed or risk.identified, risk.assessment_interval or default
        if last is None or interval is None:
            continue
        due = interval.after(last)
        if due < repo.as_of:
            field = "last_assessed" if risk.last_assessed else "identified"
            yield Problem(
                entry,
                (field,),
                f"the risk '{risk.title}' was last assessed on {last.isoformat()} and was due "
                f"again on {due.isoformat()}",
            )


@check(
    code="RSK009",
    reads=("risk", "statement-of-applicability"),
    name="risk-treatment-unsupported",
    severity=Severity.WARNING,
    citation=("ISO/IEC 27001:2022 6.1.3 b)", "ISO/IEC 27001:2022 6.1.3 e)"),
    hint="Record how the risk is treated: the catalog `controls` it relies on, our own "
    "`measures`, the `actions` of its plan or a `treatment_plan` in prose; or, if nothing is "
    "done about it, choose `treatment: accept` and record the owner's acceptance.",
)
def risk_treatment_unsupported(repo: Repository) -> Iterator[Problem]:
    """A risk to be mitigated, transferred or avoided records nothing that treats it.

    Treating a risk means determining the controls it needs (6.1.3 b)) and a plan to carry
    the treatment out (6.1.3 e)). A risk counts as supported by ``controls``, ``measures``,
    ``actions`` or a ``treatment_plan``, or by a Statement of Applicability entry that names it
    under ``risks``. Without any of them a residual below the inherent score rests on nothing
    the register shows; the message says so. An avoided risk is not carried (RSK001 does not
    ask for its acceptance), so the register must show how it is avoided: the activity
    stopped, or the action or plan that stops it.

    PASS: ``treatment: mitigate`` with ``controls: {iso27001-2022: [A.8.13]}``.
    FAIL: ``treatment: mitigate``, ``inherent`` 9, ``residual`` 3 and no controls, measures,
    actions or treatment plan; or ``treatment: avoid`` with none of them.
    """
    bare = repo.summaries(Risk, _unsupported)
    if not any(bare):
        return  # every risk says how it is treated: no SoA needs reading
    named = {name for texts in repo.summaries(StatementOfApplicability, _named) for name in texts}
    for entry, texts in zip(repo.of_kind("risk"), bare, strict=True):
        if not texts:
            continue
        risk = json.loads(texts[0])
        if risk["id"] in named:
            continue
        lowered = ""
        if risk["residual"] is not None and risk["residual"] < risk["inherent"]:
            lowered = (
                f"; its residual score {risk['residual']} below the inherent "
                f"{risk['inherent']} rests on nothing recorded"
            )
        yield Problem(
            entry,
            ("treatment",),
            f"the risk '{risk['title']}' is to be {_DONE[risk['treatment']]}, but no controls, "
            f"measures, actions or treatment plan say how{lowered}",
        )


_DONE = {"mitigate": "mitigated", "transfer": "transferred", "avoid": "avoided"}


def _unsupported(risk: Risk, _catalogs: CatalogSet) -> list[str]:
    """What RSK009 says of a risk to be mitigated, transferred or avoided that records nothing
    that treats it, as one JSON text; none for any other risk. Read from the risk alone, so the
    cache keeps the texts of unchanged files and a risk edit builds no other risk."""
    if risk.treatment not in _DONE:
        return EMPTY
    if any(risk.controls.values()) or risk.measures or risk.actions or risk.treatment_plan:
        return EMPTY
    residual = risk.residual.value if risk.residual is not None else None
    facts = {
        "id": risk.id,
        "title": risk.title,
        "treatment": risk.treatment,
        "inherent": risk.inherent.value,
        "residual": residual,
    }
    return [json.dumps(facts, separators=(",", ":"))]


def _named(soa: StatementOfApplicability, _catalogs: CatalogSet) -> list[str]:
    """The risks an SoA's entries name as treated by their controls."""
    return list(dict.fromkeys(name for line in soa.entries for name in line.risks))
