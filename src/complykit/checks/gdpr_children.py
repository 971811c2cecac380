"""GDPR Art. 8: a child's consent to an online service offered to the child directly.

Where processing rests on consent (Art. 6(1)(a)) and an information society service is offered
directly to a child, a child below the national age cannot consent alone: the holder of
parental responsibility gives or authorises the consent (Art. 8(1)), and the controller makes
reasonable efforts to verify that (Art. 8(2)).
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import controller_activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.enums import LegalBasis
from complykit.model.processing import ConsentMechanism, ProcessingActivity, Purpose
from complykit.model.wording.consent import mentions_parents, online
from complykit.model.wording.data_subjects import names_adults, names_children
from complykit.workspace.repository import Repository


@check(
    code="GDPR044",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="child-consent-without-parents",
    severity=Severity.WARNING,
    citation=("GDPR Art. 8(1)", "GDPR Art. 8(2)"),
    hint="Describe in `consent.how_obtained` how, for a child below the age, the holder of "
    "parental responsibility gives or authorises consent, and how you check the child's age and "
    "that it is the parent who answers (Art. 8(2) asks for reasonable efforts, given the "
    "technology available). The age is 16 unless a Member State sets it lower, to no less than "
    "13; complykit takes it from `organisation.country` (16 for the Netherlands, UAVG art. 5, "
    "and 13 for Belgium, act of 30 July 2018 art. 7, neither verified against the national "
    "text) and uses 16 elsewhere; once you have checked the law that applies, set "
    "`gdpr.child_consent_age` in complykit.yaml. If the service is not offered to children "
    "directly, or only to those above the age, set this finding aside with a waiver that says "
    "so.",
)
def child_consent_without_parents(repo: Repository) -> Iterator[Problem]:
    """An online service rests on consent, its data subjects include children, and its consent
    record says nothing about their parents.

    Art. 8(1) applies where processing rests on consent and an information society service is
    offered directly to a child: below 16, or a lower age a Member State sets (at least 13),
    the consent counts only if the holder of parental responsibility gives or authorises it,
    and the controller makes reasonable efforts to verify that (Art. 8(2)). The age is
    ``gdpr.child_consent_age`` where complykit.yaml sets it, else the age of the organisation's
    country where complykit knows it (Netherlands 16, Belgium 13; neither verified against the
    national law, and the message says so), else 16, the highest the GDPR allows. complykit reads
    children from ``data_subjects`` ("Children aged 12 to 15", "Leerlingen", "Minderjarigen",
    "Patients under 16"; not "Pupils aged 16 and over", "Parents of pupils", or, where the age
    is 13, "Pupils aged 13 to 17") or from the
    DPIA screening's ``vulnerable_data_subjects: [children]`` when no data subject entry names
    adults (then the message asks whether the children give the consent themselves: a
    hospital's paediatric patients do not sign up for its newsletter). It reads the service as
    online where the activity's name, description or purpose, or how consent is obtained,
    speaks of an app, a website, an online form or account; not from how consent is recorded
    or withdrawn, since a paper form kept as a scan or withdrawn by e-mail is still given on
    paper. A consent record that speaks of the parents or another legal representative (not a
    "parent company") answers the question. A consent purpose without a consent record is left
    to GDPR009. Whether the service is offered to the children directly cannot be read from the
    register, so the message is conditional and this is a warning.

    PASS: ``legal_basis: consent`` with ``consent: {how_obtained: 'In the app; under 16 a
    parent confirms by e-mail', ...}`` and ``data_subjects: [Children aged 12 to 15]``.
    FAIL: the same with ``how_obtained: Tick box in the app``.
    """
    age, whose_age = consent_age(repo)
    for entry, activity in controller_activities(repo):
        consents = [
            (index, purpose, purpose.consent)
            for index, purpose in enumerate(activity.purposes)
            if purpose.legal_basis is LegalBasis.CONSENT and purpose.consent is not None
        ]
        if not consents:
            continue
        found = _children(activity, age)
        if found is None:
            continue
        children, condition = found
        for index, purpose, consent in consents:
            if mentions_parents(*_said(consent)) or not _online(activity, purpose, consent):
                continue
            yield Problem(
                entry,
                ("purposes", index, "consent", "how_obtained"),
                f"purpose '{purpose.description}' rests on consent given online, and "
                f"{children}, but its consent record says nothing about their parents; if "
                f"{condition}, a child below {age} cannot consent alone ({whose_age})",
            )


# The national ages complykit knows (Art. 8(1) second subparagraph), with the law that sets
# each; neither is verified against the national text, and messages say so.
_NATIONAL_AGES = {
    "NL": (16, "UAVG art. 5"),
    "BE": (13, "the act of 30 July 2018, art. 7"),
}


def consent_age(repo: Repository) -> tuple[int, str]:
    """The age below which a child cannot consent alone, and where complykit has it from:
    complykit.yaml, the national law of the organisation's country, or the GDPR's 16."""
    configured = repo.config.gdpr.child_consent_age
    if configured is not None:
        return configured, "the age set in complykit.yaml"
    country = repo.config.organisation.country
    if country in _NATIONAL_AGES:
        age, law = _NATIONAL_AGES[country]
        name = repo.catalogs.countries.name(country)
        return age, f"the age set for {name} ({country}) in {law}, which complykit has not verified"
    return 16, "the GDPR's age; a Member State may set a lower one, at least 13"


def _children(activity: ProcessingActivity, age: int) -> tuple[str, str] | None:
    """How the activity shows that its data subjects include children, if it does, and on what
    condition Art. 8 then applies. A DPIA screening's ``children`` says only that some of the
    activity's data subjects are children (a hospital's paediatric patients): it counts only
    when no entry of ``data_subjects`` names adults, and the message then asks whether the
    children consent themselves."""
    named = next((s for s in activity.data_subjects if names_children(s, age)), None)
    if named is not None:
        return f"the activity's data subjects include children ('{named}')", _DIRECTLY
    screening = activity.dpia_screening
    if screening is None or "children" not in screening.vulnerable_data_subjects:
        return None
    if any(names_adults(subject) for subject in activity.data_subjects):
        return None
    return (
        "the activity's DPIA screening lists children as vulnerable",
        f"children give this consent themselves and {_DIRECTLY}",
    )


_DIRECTLY = "the service is offered to children directly"


def _said(consent: ConsentMechanism) -> tuple[str, ...]:
    return (consent.how_obtained, consent.how_recorded, consent.how_withdrawn)


def _online(activity: ProcessingActivity, purpose: Purpose, consent: ConsentMechanism) -> bool:
    """Whether the consent is given online: read from how it is obtained and what the activity
    and purpose are, not from how it is recorded or withdrawn (a paper form kept as a scan, or
    withdrawn by e-mail, is still given on paper)."""
    texts = (activity.name, activity.description or "", purpose.description, consent.how_obtained)
    return online(*texts)
