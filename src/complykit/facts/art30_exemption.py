"""Whether an activity's Art. 30(5) exemption claim holds: GDPR031 reports a claim that does
not, and the register-content rules of Art. 30(1) and (2) leave out an activity whose claim does."""

from __future__ import annotations

from complykit.facts.dpia_screening import Screened, screen
from complykit.model.processing import ProcessingActivity
from complykit.workspace.repository import Entry, Repository

SMALL = 250
"""Art. 30(5): the exemption is for organisations employing fewer than this many persons."""


def failed_conditions(repo: Repository, entry: Entry, activity: ProcessingActivity) -> list[str]:
    """The Art. 30(5) conditions a claim fails, in words; empty when it holds or is not made.

    Reads only the activity, the config and the catalogs, so rules that use it stay per record.
    """
    claim = activity.art30_exemption
    if claim is None:
        return []
    headcount = repo.config.organisation.headcount
    failed = []
    if headcount >= SMALL:
        failed.append(f"the organisation has {headcount} staff (not under {SMALL})")
    if not claim.occasional:
        failed.append("the processing is not occasional")
    if any(d.special_category or d.criminal_offence_data for d in activity.personal_data):
        failed.append("it includes special categories or criminal-offence data")
    risk = _risk(activity, screen(repo, entry, activity))
    if risk is not None:
        failed.append(f"it is likely to result in a risk ({risk})")
    return failed


def _risk(activity: ProcessingActivity, screened: Screened | None) -> str | None:
    """What shows that the processing is likely to result in a risk, in words; None if nothing
    in the register does.

    Art. 30(5) speaks of "a risk", not of the high risk that calls for a DPIA (Art. 35(1)):
    one WP248 criterion met is enough, as are the solely automated decisions of Art. 22,
    themselves such a criterion, even without a screening.
    """
    if activity.dpia is not None:
        return "a DPIA covers it"
    if screened is not None and (screened.likely_high_risk or screened.mandatory):
        return "its DPIA screening points to a DPIA"
    if screened is not None and screened.criteria:
        return (
            f"its DPIA screening meets {screened.criteria_named}; Art. 30(5) asks only for a "
            "risk, not a high one"
        )
    decisions = activity.automated_decisions
    if decisions is not None and decisions.used:
        return "it makes solely automated decisions with legal or similarly significant effects"
    return None


def exempt(repo: Repository, entry: Entry, activity: ProcessingActivity) -> bool:
    """Whether the activity validly claims the Art. 30(5) exemption, so Art. 30(1) and (2)
    do not ask the register to describe it."""
    claim = activity.art30_exemption
    return claim is not None and not failed_conditions(repo, entry, activity)
