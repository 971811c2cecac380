"""GDPR: what the register must say outright: recipients or none, the Art. 30(5) exemption
claimed only where it holds, the EU representative, and national identification numbers."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import activities, controller_activities, described
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.art30_exemption import failed_conditions
from complykit.facts.problem import Problem
from complykit.model.wording.general_rules import ART_87, UAVG_46, general_rules_only, named_only
from complykit.model.wording.national_ids import MARKED_AS, national_number
from complykit.workspace.repository import Repository


@check(
    code="GDPR030",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="recipients-unstated",
    severity=Severity.ERROR,
    citation=("GDPR Art. 30(1)(d)",),
    hint="List the recipients (internal departments, processors, other controllers, "
    "authorities), or say in `no_recipients` that there are none and why.",
)
def recipients_unstated(repo: Repository) -> Iterator[Problem]:
    """A controller activity lists no recipients and does not say that there are none.

    Processors count as recipients (Art. 4(9)). An empty list reads as not filled in; a
    register that really has none says so, with the reason. Saying none while listing
    recipients is reported too.

    PASS: ``recipients: [{name: Payroll provider, type: processor}]``, or ``no_recipients:
    The data stays with the two HR staff who collect it``.
    FAIL: no ``recipients``, no ``processors`` and no ``no_recipients``.
    """
    for entry, activity in described(repo, controller_activities(repo)):
        listed = bool(activity.recipients or activity.processors)
        if not listed and activity.no_recipients is None:
            yield Problem(
                entry,
                ("name",),
                f"'{activity.name}' names no recipients and does not say there are none",
            )
        elif listed and activity.no_recipients is not None:
            yield Problem(
                entry,
                ("no_recipients",),
                f"'{activity.name}' says no one receives the data, yet lists recipients or "
                "processors",
                hint="Remove `no_recipients`, or the recipients that do not receive the data.",
            )


@check(
    code="GDPR031",
    reads=("processing-activity",),
    local=1,
    framework="gdpr",
    name="art30-5-exemption-invalid",
    severity=Severity.ERROR,
    citation=("GDPR Art. 30(5)",),
    hint="Withdraw the exemption claim (`art30_exemption`) and keep the activity in the "
    "register with everything Art. 30 asks.",
)
def art30_5_exemption_invalid(repo: Repository) -> Iterator[Problem]:
    """An activity claims the Art. 30(5) exemption where one of its conditions fails.

    The exemption is only for organisations with fewer than 250 employees, and only for
    processing that is occasional, not likely to result in a risk to people's rights, and that
    includes no special categories (Art. 9(1)) or criminal-offence data (Art. 10); any one of
    the three ends it. "A risk" is less than the high risk that calls for a DPIA: a DPIA, a
    DPIA screening that meets even one WP248 criterion, or solely automated decisions (Art.
    22) each show one. A register that says nothing about the risk cannot show it, so the claim
    is then judged on its other conditions only. The register stays required for
    all other processing. Where the claim holds, the rules on what the register must say
    (GDPR001-GDPR006, GDPR030) leave the activity out; where it fails, they read it as usual.

    PASS: 40 staff, ``art30_exemption: {occasional: true, reasoning: ...}`` on a one-off event
    registration with contact details only.
    FAIL: 300 staff; or the same claim on an activity with health data, a DPIA, or a
    screening that records systematic monitoring.
    """
    for entry, activity in activities(repo):
        failed = failed_conditions(repo, entry, activity)
        if failed:
            yield Problem(
                entry,
                ("art30_exemption",),
                f"'{activity.name}' claims the Art. 30(5) exemption, but {'; '.join(failed)}",
                at_key=True,
            )


@check(
    code="GDPR032",
    reads=(),
    framework="gdpr",
    name="eu-representative-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 27",),
    hint="Designate a representative in writing in a Member State where the people are, and "
    "record `organisation.eu_representative`; if Art. 27(2) exempts you, say why in "
    "`eu_representative_not_required`.",
)
def eu_representative_missing(repo: Repository) -> Iterator[Problem]:
    """An organisation established outside the Union designates no representative in it.

    Art. 27 applies to controllers and processors under Art. 3(2), those outside the Union
    that offer goods or services to, or monitor, people in it. Public authorities, and
    occasional processing without large-scale special categories that is unlikely to be a
    risk, are exempt (Art. 27(2)); the exemption is stated, not assumed.

    PASS: ``country: US`` with ``eu_representative: {name: ..., country: IE, contact: ...}``.
    FAIL: ``country: US`` with no ``eu_representative``.
    """
    organisation = repo.config.organisation
    # The GDPR applies in the whole EEA (EEA Agreement), so "the Union" reads as the EEA.
    outside = not repo.catalogs.countries.in_eea(organisation.country)
    exempt = organisation.sector != "private" or organisation.eu_representative_not_required
    if repo.in_scope("gdpr") and outside and not exempt and organisation.eu_representative is None:
        yield Problem(
            None,
            ("organisation", "country"),
            f"'{organisation.name}' is established in {organisation.country}, outside the "
            "Union, and names no representative in the Union",
        )


# The national identification numbers known by their `national_id` code: what each is, and
# the national law that says when it may be used (GDPR Art. 87 leaves that to each state).
_NUMBERS = {
    "bsn": ("the Dutch citizen service number (BSN)", "UAVG art. 46"),
    "rrn": (
        "the Belgian national register number",
        "the Belgian Law of 8 August 1983 on the National Register",
    ),
}
"""The numbers a ``national_id`` code stands for, with the law that sets their use."""
# UAVG art. 46 permits no use of the BSN by itself: it restricts it to the uses a law prescribes,
# so the finding asks for that law and names art. 46 as the restriction, never as the law.
_BSN_RESTRICTION = "UAVG art. 46 allows the BSN only where a law prescribes it"
_NAMED = {
    **{code: what for code, (what, _law) in _NUMBERS.items()},
    "insz": "the Belgian social security identification number (INSZ/NISS)",
    "social-security": "a social security number",
    "public-service": "the Irish Personal Public Service Number (PPSN)",
}
"""How GDPR041 names each number a category's name may name
(``wording.national_ids.national_number``)."""


@check(
    code="GDPR033",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="national-id-without-legal-basis",
    severity=Severity.ERROR,
    citation=("GDPR Art. 87",),
    hint="Name the law that prescribes or allows the number for this purpose in "
    "`national_id_provision`; for the BSN, that is the law that prescribes its use, not UAVG "
    "art. 46, which allows no other use. Without one, stop using the number.",
)
def national_id_without_legal_basis(repo: Repository) -> Iterator[Problem]:
    """A national identification number, such as the BSN, is processed without the law that
    allows it.

    Member States set the conditions for national identification numbers (GDPR Art. 87); in
    the Netherlands the BSN may only be used where a law prescribes it (UAVG art. 46), e.g.
    the Wabvpz for care providers or tax law for payroll. In Belgium the national register
    number (``rrn``) may be used only where the Law of 8 August 1983 on the National Register
    allows it, by a law or an authorisation.

    Art. 87 itself is not that law, and neither is UAVG art. 46, which only restricts the BSN
    to the uses another law prescribes: a provision that names only these general rules ("AVG
    art. 87", "UAVG art. 46", "Art. 87 AVG; art. 46 UAVG") names none, nor does one that names
    only the GDPR itself ("AVG", "Art. 6 lid 1 sub c AVG").

    PASS: ``{name: BSN, national_id: bsn, national_id_provision: Wet op de loonbelasting
    1964}``.
    FAIL: ``{name: BSN, national_id: bsn}`` with no ``national_id_provision``, or with
    ``national_id_provision: AVG art. 87`` or ``UAVG art. 46``.
    """
    for entry, activity in activities(repo):
        for index, data in enumerate(activity.personal_data):
            if data.national_id is None:
                continue
            said = f"'{activity.name}' processes a national identification number ('{data.name}')"
            provision = data.national_id_provision
            if provision is None:
                yield Problem(
                    entry,
                    ("personal_data", index, "national_id"),
                    f"{said} without naming {_law_asked_for(data.national_id)}",
                )
            elif (general := general_rules_only(provision, _GENERAL_RULES)) is not None:
                yield Problem(
                    entry,
                    ("personal_data", index, "national_id_provision"),
                    f"{said}, but its national_id_provision '{provision}' "
                    f"{_names_only(general, data.national_id, provision)}",
                )


def _law_asked_for(national_id: str) -> str:
    """The law a number with no provision is asked for, and what governs that number."""
    if national_id == "bsn":
        return f"the law that prescribes the number for this purpose ({_BSN_RESTRICTION})"
    known = _NUMBERS.get(national_id)
    return "the law that allows it" + (f" ({known[1]})" if known is not None else "")


# The general rules on national identification numbers: neither is the law that allows one.
_GENERAL_RULES = (ART_87, UAVG_46)


def _names_only(general: tuple[str, ...], national_id: str, provision: str) -> str:
    """What a provision that names only the general rules on the number, or only the GDPR,
    lacks."""
    if not general:
        said = f"{named_only(provision)}, not the law that allows the number for this purpose"
        if national_id == "bsn":
            return f"{said}; {_BSN_RESTRICTION}"
        known = _NUMBERS.get(national_id)
        return said + (f" ({known[1]})" if known is not None else "")
    if general == (ART_87.name,):
        known = _NUMBERS.get(national_id)
        law = f" ({known[1]})" if known is not None else ""
        return f"names only {ART_87.name}, which leaves the conditions to member-state law{law}"
    rules = "rule" if len(general) == 1 else "rules"
    said = (
        f"names only the general {rules} ({', '.join(general)}), not the law that prescribes "
        "the number for this purpose"
    )
    return f"{said}; {_BSN_RESTRICTION}" if national_id == "bsn" else said


@check(
    code="GDPR041",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="national-id-unmarked",
    severity=Severity.WARNING,
    citation=("GDPR Art. 87",),
    hint="Mark the category `national_id: bsn` (`rrn` for the Belgian national register "
    "number, `other` for another identifier of general application such as the INSZ) and "
    "name the law that allows the number for this purpose in `national_id_provision`. If "
    "it holds no such number, rename it.",
)
def national_id_unmarked(repo: Repository) -> Iterator[Problem]:
    """A data category named after a national identification number is not marked as one.

    Registers name the BSN or the national register number among the data ("naam, adres,
    BSN") without saying what that brings: Member States set the conditions for national
    identification numbers and any other identifier of general application (GDPR Art. 87),
    and only a number marked ``national_id`` is asked for the law that allows it (GDPR033).
    A category that names such a number, and neither marks it nor names a law, is asked to:
    the BSN, the Belgian national register number, the Belgian social security number (INSZ,
    NISS, which is the national register number or a BIS number), a social security number
    elsewhere (the UK's National Insurance number, Germany's Sozialversicherungsnummer) and
    Ireland's Personal Public Service Number (the last three are marked ``other``). Names are
    read in Dutch, English and French (and German for a social security number); "geen BSN"
    names none.

    PASS: ``{name: BSN, national_id: bsn, national_id_provision: Wet op de loonbelasting
    1964}``.
    FAIL: ``{name: "Naam, adres, BSN"}``.
    """
    for entry, activity in activities(repo):
        for index, data in enumerate(activity.personal_data):
            if data.national_id is not None or data.national_id_provision is not None:
                continue
            if (number := national_number(data.name)) is not None:
                yield Problem(
                    entry,
                    ("personal_data", index, "name"),
                    f"'{activity.name}' lists '{data.name}', which names {_NAMED[number]}, "
                    f"without marking it `national_id: {MARKED_AS[number]}`",
                )
