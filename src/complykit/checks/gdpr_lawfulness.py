"""GDPR: a controller activity shows the ground each use of personal data rests on.

Art. 6(1) for every purpose, Art. 9(2) for special categories and Art. 10 for criminal-offence
data. Processor activities are left alone: the grounds are the controller's to establish.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import controller_activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.enums import LAID_DOWN_BY_LAW, Art9Condition, LegalBasis, SpecialCategory
from complykit.model.processing import (
    ConsentMechanism,
    LegitimateInterestAssessment,
    ProcessingActivity,
)
from complykit.model.wording.data_subjects import names_own_staff
from complykit.model.wording.general_rules import ART_10, general_rules_only, named_only
from complykit.model.wording.legal_basis import official_authority_named
from complykit.workspace.repository import Repository

# Art. 9(2) points that apply only on a basis the register should name, in the words of each.
_NEEDS_LAW = {
    Art9Condition.B: "Union or member-state law or a collective agreement",
    Art9Condition.G: "Union or member-state law",
    Art9Condition.H: "Union or member-state law, or a contract with a health professional "
    "bound by professional secrecy",
    Art9Condition.I: "Union or member-state law",
    Art9Condition.J: "Union or member-state law",
}
_PUBLIC_SECTOR = ("public-authority", "public-body")
# Dutch examples of the law behind a point of Art. 9(2), by point and category (None: any).
# The reference places the Dutch conditions in UAVG arts. 22-30 without checking each
# article and paragraph against the UAVG text, so the hint says they are unverified.
_NL_EXAMPLES: dict[tuple[Art9Condition, SpecialCategory | None], str] = {
    (Art9Condition.B, SpecialCategory.HEALTH): "UAVG art. 30 lid 1 (employers), with the "
    "labour or social-security law that requires the processing",
    (Art9Condition.B, None): "the labour or social-security law, or the collective agreement, "
    "that requires the processing",
    (Art9Condition.G, SpecialCategory.BIOMETRIC): "UAVG art. 29 (biometric identification "
    "needed for authentication or security)",
    (Art9Condition.H, SpecialCategory.HEALTH): "UAVG art. 30 lid 3 sub a (care providers)",
}


@check(
    code="GDPR029",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="legal-basis-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 6(1)",),
    hint="Add `legal_basis`: consent, contract, legal-obligation, vital-interests, "
    "public-task or legitimate-interests.",
)
def legal_basis_missing(repo: Repository) -> Iterator[Problem]:
    """A purpose states no Art. 6(1) legal basis, as imported registers often leave it.

    PASS: ``purposes: [{description: Payroll, legal_basis: legal-obligation}]``.
    FAIL: ``purposes: [{description: Payroll}]``.
    """
    for entry, activity in controller_activities(repo):
        for index, purpose in enumerate(activity.purposes):
            if purpose.legal_basis is None:
                yield Problem(
                    entry,
                    ("purposes", index),
                    f"purpose '{purpose.description}' states no legal basis; processing is "
                    "lawful only on one of the six grounds of Art. 6(1)",
                )


@check(
    code="GDPR009",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="consent-mechanism-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 7(1)", "GDPR Art. 7(3)"),
    hint="Add `consent` with how_obtained, how_recorded and how_withdrawn.",
)
def consent_mechanism_missing(repo: Repository) -> Iterator[Problem]:
    """A purpose rests on consent but does not say how consent is obtained, recorded and withdrawn.

    The controller must be able to show that the person consented (Art. 7(1)), and people
    must be able to withdraw consent as easily as they gave it (Art. 7(3)).

    PASS: ``legal_basis: consent`` with ``consent: {how_obtained: ..., how_recorded: ...,
    how_withdrawn: ...}``.
    FAIL: ``legal_basis: consent`` without ``consent``.
    """
    for entry, activity in controller_activities(repo):
        for index, purpose in enumerate(activity.purposes):
            if purpose.legal_basis is LegalBasis.CONSENT and purpose.consent is None:
                yield Problem(
                    entry,
                    ("purposes", index, "legal_basis"),
                    f"purpose '{purpose.description}' rests on consent, but the register does "
                    "not show how consent is obtained, recorded and withdrawn",
                )


@check(
    code="GDPR034",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="consent-under-power-imbalance",
    severity=Severity.WARNING,
    citation=("GDPR Art. 4(11)", "GDPR Art. 7"),
    hint="Rest the purpose on another basis (contract, legal obligation, legitimate "
    "interests with a balancing test), or record why refusing carries no consequence for "
    "the person in `consent.how_obtained`, and waive this finding with that reason.",
)
def consent_under_power_imbalance(repo: Repository) -> Iterator[Problem]:
    """A purpose rests on the consent of our own staff: the activity lists them among its data
    subjects, or its DPIA screening lists employees among its vulnerable data subjects.

    Consent must be freely given (Art. 4(11), Art. 7); an employee depends on the employer,
    so refusing is seldom free (recital 43 on imbalance of power; the EDPB's guidelines on
    consent take employment as the example). It can hold where refusing has no consequence
    at all, so this is a warning to be answered, not an error. Data subjects are read as our
    staff where an entry opens with a word for them ("Employees", "Medewerkers", "Personeel",
    "Werknemers"); staff of others ("Staff of client clinics"), former staff and people
    related to staff are not. Job applicants are not included: consent to keep them in a
    talent pool once the procedure is over is what the Dutch authority itself advises.

    PASS: ``legal_basis: contract`` with ``data_subjects: [Employees]``.
    FAIL: ``legal_basis: consent`` with ``data_subjects: [Employees]``, or with
    ``dpia_screening: {vulnerable_data_subjects: [employees]}``.
    """
    for entry, activity in controller_activities(repo):
        consented = [
            (index, purpose)
            for index, purpose in enumerate(activity.purposes)
            if purpose.legal_basis is LegalBasis.CONSENT
        ]
        # Whose consent it is asks more than whether there is any: only then.
        staff = _whose_consent(activity) if consented else None
        if staff is None:
            continue
        for index, purpose in consented:
            yield Problem(
                entry,
                ("purposes", index, "legal_basis"),
                f"purpose '{purpose.description}' rests on {staff}, who can seldom refuse "
                "it freely",
            )


def _whose_consent(activity: ProcessingActivity) -> str | None:
    """How the activity shows that its consent would come from our staff, if it does."""
    screening = activity.dpia_screening
    if screening is not None and "employees" in screening.vulnerable_data_subjects:
        return "the consent of our employees"
    named = next((s for s in activity.data_subjects if names_own_staff(s)), None)
    if named is None:
        return None
    return f"consent, while its data subjects include our staff ('{named}')"


@check(
    code="GDPR010",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="interest-assessment-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 6(1)(f)",),
    hint="Add `legitimate_interest` with the interest and the balancing test: its `document` "
    "(a file or an https URL) and the day it was `assessed`.",
)
def interest_assessment_missing(repo: Repository) -> Iterator[Problem]:
    """A purpose rests on legitimate interests without naming the interest and its balancing test.

    Art. 6(1)(f) holds only where the interest is not overridden by the data subjects'
    interests or rights: the balancing test is what shows that (and what Art. 5(2)
    accountability asks to keep). A record that names the interest but neither the test's
    document nor the day it was done has no test to show.

    PASS: ``legal_basis: legitimate-interests`` with ``legitimate_interest: {interest: Fraud
    prevention, document: evidence/lia-fraud.md}``.
    FAIL: ``legal_basis: legitimate-interests`` without ``legitimate_interest``, or with only
    ``interest``.
    """
    for entry, activity in controller_activities(repo):
        for index, purpose in enumerate(activity.purposes):
            if purpose.legal_basis is not LegalBasis.LEGITIMATE_INTERESTS:
                continue
            missing = _interest_gap(purpose.legitimate_interest)
            if missing is not None:
                yield Problem(
                    entry,
                    ("purposes", index, "legal_basis"),
                    f"purpose '{purpose.description}' rests on legitimate interests, but {missing}",
                )


def _interest_gap(assessment: LegitimateInterestAssessment | None) -> str | None:
    if assessment is None or not assessment.interest.strip():
        return "names no interest and no balancing test"
    if assessment.document is None and assessment.assessed is None:
        return "records no balancing test (neither its document nor the day it was assessed)"
    return None


@check(
    code="GDPR011",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="legal-provision-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 6(1)(c)", "GDPR Art. 6(1)(e)", "GDPR Art. 6(3)"),
    hint="Name in `legal_provision` the law that lays the obligation or task down, e.g. 'AWR "
    "art. 52'; the GDPR's own Art. 6 is not that law.",
)
def legal_provision_missing(repo: Repository) -> Iterator[Problem]:
    """A purpose rests on a legal obligation or public task without naming the law behind it.

    Both bases must be laid down in Union or member-state law (Art. 6(3)).

    The GDPR's own Art. 6(1)(c) or (e) is not that law: a `legal_provision` that names only
    GDPR articles ("Art. 6 lid 1 sub c AVG", "Art. 6(3) GDPR", "AVG art. 6") or the regulation
    itself ("Verordening (EU) 2016/679") names none.

    PASS: ``legal_basis: legal-obligation`` with ``legal_provision: AWR art. 52``.
    FAIL: ``legal_basis: public-task`` without ``legal_provision``, or with ``legal_provision:
    Art. 6 lid 1 sub e AVG``.
    """
    for entry, activity in controller_activities(repo):
        for index, purpose in enumerate(activity.purposes):
            if purpose.legal_basis not in LAID_DOWN_BY_LAW:
                continue
            said = f"purpose '{purpose.description}' rests on {purpose.legal_basis}, but"
            citation = (f"GDPR {purpose.legal_basis.citation}", "GDPR Art. 6(3)")
            if purpose.legal_provision is None:
                yield Problem(
                    entry,
                    ("purposes", index, "legal_basis"),
                    f"{said} names no law that lays it down",
                    citation=citation,
                )
            elif general_rules_only(purpose.legal_provision) is not None:
                yield Problem(
                    entry,
                    ("purposes", index, "legal_provision"),
                    f"{said} its legal_provision '{purpose.legal_provision}' "
                    f"{named_only(purpose.legal_provision)}, not the law that lays it down",
                    citation=citation,
                )


@check(
    code="GDPR012",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="legitimate-interests-public-authority",
    severity=Severity.WARNING,
    citation=("GDPR Art. 6(1)", "GDPR Art. 6(1)(f)"),
    hint="For a public task, rest the purpose on public-task with its law; "
    "keep legitimate interests for processing outside the authority's tasks.",
)
def legitimate_interests_public_authority(repo: Repository) -> Iterator[Problem]:
    """A public authority or body rests a purpose on legitimate interests.

    Art. 6(1) says point (f) does not apply to processing by public authorities in the
    performance of their tasks; for processing outside those tasks it may, so the message
    speaks of the public tasks only.

    PASS: ``sector: public-authority`` and ``legal_basis: public-task``.
    FAIL: ``sector: public-authority`` and ``legal_basis: legitimate-interests``.
    """
    if repo.config.organisation.sector not in _PUBLIC_SECTOR:
        return
    for entry, activity in controller_activities(repo):
        for index, purpose in enumerate(activity.purposes):
            if purpose.legal_basis is LegalBasis.LEGITIMATE_INTERESTS:
                yield Problem(
                    entry,
                    ("purposes", index, "legal_basis"),
                    f"purpose '{purpose.description}' rests on legitimate interests, which a "
                    "public authority or body may not use for its public tasks",
                )


@check(
    code="GDPR013",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="art9-condition-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 9(1)",),
    hint="Add `art9_condition`: the Art. 9(2) point (a-j) that allows it, e.g. h for care.",
)
def art9_condition_missing(repo: Repository) -> Iterator[Problem]:
    """A special category of personal data is processed without an Art. 9(2) condition.

    PASS: ``special_category: health`` with ``art9_condition: h``.
    FAIL: ``special_category: health`` without ``art9_condition``.
    """
    for entry, activity in controller_activities(repo):
        for index, category in enumerate(activity.personal_data):
            if category.special_category is not None and category.art9_condition is None:
                yield Problem(
                    entry,
                    ("personal_data", index, "special_category"),
                    f"'{category.name}' is {category.special_category} data, which is "
                    "prohibited unless an Art. 9(2) condition applies, but none is given",
                )


@check(
    code="GDPR014",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="art9-provision-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 9(2)",),
    hint="Add `art9_provision` naming the law that the condition rests on.",
)
def art9_provision_missing(repo: Repository) -> Iterator[Problem]:
    """An Art. 9(2) condition that rests on Union or member-state law names no such law.

    Points (b), (g), (h), (i) and (j) apply only on the basis of law (or, for (b), a collective
    agreement, and for (h), a contract with a health professional); naming it shows that the
    condition really applies. For a Dutch organisation the hint gives an example fitting the
    point and category (biometric data under (g): UAVG art. 29; health care under (h): UAVG
    art. 30 lid 3 sub a). complykit's reference places these conditions in UAVG arts. 22-30 but
    does not confirm the individual article numbers, so the hint asks the reader to check them.

    The GDPR's own Art. 9(2) is not that law: an `art9_provision` that names only GDPR
    articles ("Art. 9 lid 2 sub b AVG") names none.

    PASS: ``art9_condition: h`` with ``art9_provision: UAVG art. 30 lid 3 sub a``.
    FAIL: ``art9_condition: b`` without ``art9_provision``, or with ``art9_provision: Art. 9
    lid 2 sub b AVG``.
    """
    for entry, activity in controller_activities(repo):
        for index, category in enumerate(activity.personal_data):
            condition = category.art9_condition
            provision = category.art9_provision
            if condition not in _NEEDS_LAW:
                continue
            said = (
                f"'{category.name}' relies on Art. 9(2)({condition}), which needs a basis in "
                f"{_NEEDS_LAW[condition]}, but"
            )
            if provision is None:
                where, named = "art9_condition", f"{said} `art9_provision` names none"
            elif general_rules_only(provision) is not None:
                where, named = (
                    "art9_provision",
                    f"{said} its art9_provision '{provision}' {named_only(provision)}",
                )
            else:
                continue
            yield Problem(
                entry,
                ("personal_data", index, where),
                named,
                hint=_provision_hint(repo, condition, category.special_category),
                citation=(f"GDPR Art. 9(2)({condition})",),
            )


def _provision_hint(
    repo: Repository, condition: Art9Condition, category: SpecialCategory | None
) -> str | None:
    """The rule's hint with a Dutch example for this point and category, where we have one."""
    if repo.config.organisation.country != "NL":
        return None
    example = _NL_EXAMPLES.get((condition, category)) or _NL_EXAMPLES.get((condition, None))
    if example is None:
        return None
    return (
        f"Add `art9_provision` naming the law that the condition rests on; in the Netherlands, "
        f"for example, {example}; check the exact article in the current UAVG."
    )


@check(
    code="GDPR015",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="explicit-consent-not-recorded",
    severity=Severity.WARNING,
    citation=("GDPR Art. 9(2)(a)", "GDPR Art. 7(1)"),
    hint="Record under the category's `explicit_consent` how the person agrees to this data "
    "in a statement of their own (a signed form, an e-mail, a statement confirmed in a second "
    "step), how that is recorded and how it is withdrawn; the purposes keep their Art. 6(1) "
    "basis. If a consent purpose already asks for it in so many words, set `explicit: true` on "
    "its `consent`. If no such statement is asked, name the Art. 9(2) condition that applies.",
)
def explicit_consent_not_recorded(repo: Repository) -> Iterator[Problem]:
    """Special-category data relies on explicit consent, but the register does not show how
    that explicit consent is obtained.

    The Art. 6(1) basis of a purpose and the Art. 9(2) condition for special data are separate
    tests: a health app may rest on its contract with the user (Art. 6(1)(b)) and still need
    the user's explicit consent for the health data (Art. 9(2)(a)). So complykit does not ask
    for a consent purpose; it asks for the category's ``explicit_consent`` record, or for a
    consent purpose whose ``consent`` is marked ``explicit: true`` (one request that asks both
    in so many words). A consent purpose that is not marked explicit does not do: ordinary
    consent may be read from what someone does ("by continuing you agree"), explicit consent
    may not, and the controller must be able to show which it obtained (Art. 7(1)).

    PASS: ``art9_condition: a`` with ``explicit_consent: {how_obtained: ..., how_recorded: ...,
    how_withdrawn: ...}``, or a purpose with ``legal_basis: consent`` and ``consent: {...,
    explicit: true}``.
    FAIL: ``art9_condition: a`` with only ``legal_basis: contract`` purposes, or with a consent
    purpose whose consent is not marked explicit.
    """
    for entry, activity in controller_activities(repo):
        gap = _explicit_consent_gap(activity)
        for index, category in enumerate(activity.personal_data):
            if category.art9_condition is not Art9Condition.A:
                continue
            recorded = category.explicit_consent
            if recorded is None:
                if gap is not None:
                    yield Problem(
                        entry,
                        ("personal_data", index, "art9_condition"),
                        f"'{category.name}' relies on explicit consent (Art. 9(2)(a)), but {gap}",
                    )
            elif _said_not_explicit(recorded):
                yield Problem(
                    entry,
                    ("personal_data", index, "explicit_consent", "explicit"),
                    f"'{category.name}' relies on explicit consent (Art. 9(2)(a)), but its "
                    "explicit_consent says `explicit: false`",
                )


def _explicit_consent_gap(activity: ProcessingActivity) -> str | None:
    """What the activity's purposes lack to show explicit consent, or None if one shows it."""
    consents = [p for p in activity.purposes if p.legal_basis is LegalBasis.CONSENT]
    if any(p.consent is not None and p.consent.explicit for p in consents):
        return None
    if not consents:
        return (
            "the register does not record how that consent is asked, recorded and withdrawn "
            "(`explicit_consent`)"
        )
    named = "', '".join(p.description for p in consents)
    purposes = "purpose" if len(consents) == 1 else "purposes"
    return (
        f"the consent of {purposes} '{named}' is not marked `explicit: true`, and the category "
        "records no `explicit_consent`"
    )


def _said_not_explicit(recorded: ConsentMechanism) -> bool:
    """Whether a category's explicit_consent itself says the consent is not explicit."""
    return "explicit" in recorded.model_fields_set and not recorded.explicit


@check(
    code="GDPR016",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="criminal-data-basis-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 10",),
    hint="Add `art10_basis`: the official authority under whose control the data is processed, "
    "or the law that allows it; in the Netherlands, for example, 'UAVG art. 33 lid 2 sub a'; "
    "check the exact article in the current UAVG.",
)
def criminal_data_basis_missing(repo: Repository) -> Iterator[Problem]:
    """Criminal-offence data is processed without naming the authority or law that allows it.

    Art. 10 allows it only under the control of official authority or where Union or
    member-state law authorises it. The GDPR's own Art. 10 is not that law: an `art10_basis`
    that names only GDPR articles ("Art. 10 AVG") names none. The UAVG article in the hint is
    an example that complykit's reference does not confirm, so the hint asks to check it.

    PASS: ``criminal_offence_data: true`` with ``art10_basis: UAVG art. 33 lid 2 sub a``, or
    ``art10_basis: Under official authority``.
    FAIL: ``criminal_offence_data: true`` without ``art10_basis``, or with ``art10_basis: Art. 10
    AVG``.
    """
    for entry, activity in controller_activities(repo):
        for index, category in enumerate(activity.personal_data):
            if not category.criminal_offence_data:
                continue
            basis = category.art10_basis
            if basis is None:
                yield Problem(
                    entry,
                    ("personal_data", index, "criminal_offence_data"),
                    f"'{category.name}' is criminal-offence data, but names no official "
                    "authority or law that allows processing it",
                )
            elif _art10_basis_names_only_the_gdpr(basis):
                yield Problem(
                    entry,
                    ("personal_data", index, "art10_basis"),
                    f"'{category.name}' is criminal-offence data, but its art10_basis '{basis}' "
                    "names only the GDPR, not the official authority or the law that allows "
                    "processing it",
                )


def _art10_basis_names_only_the_gdpr(basis: str) -> bool:
    """Whether ``basis`` names neither official authority nor a law, only GDPR articles."""
    return not official_authority_named(basis) and general_rules_only(basis, (ART_10,)) is not None
