"""GDPR Chapter V: every third-country transfer is listed and rests on a valid ground.

Adequacy is judged on ``--as-of`` against the country catalog, which records partial decisions
(only some organisations or sectors covered) and decisions complykit has not verified.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain

from complykit.catalog.countries import AdequacyDecision, Countries
from complykit.checks.gdpr import activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.load.positions import Loc
from complykit.model.enums import ProcessingRole, TransferMechanism
from complykit.model.processing import Party, ProcessingActivity, Recipient, Transfer
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Entry, Repository

_SAFEGUARDS = (
    TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
    TransferMechanism.BINDING_CORPORATE_RULES,
    TransferMechanism.CODE_OF_CONDUCT,
    TransferMechanism.CERTIFICATION,
    TransferMechanism.AD_HOC_CLAUSES,
    TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT,
    TransferMechanism.SA_STANDARD_CLAUSES,
    TransferMechanism.ADMINISTRATIVE_ARRANGEMENT,
)


def _transfers(repo: Repository) -> Iterator[tuple[Entry, int, Transfer]]:
    """Transfers to known country codes; unknown codes are REF006's."""
    for entry, activity in activities(repo):
        for index, transfer in enumerate(activity.transfers):
            if repo.catalogs.countries.known(transfer.country):
                yield entry, index, transfer


def _country(repo: Repository, code: str) -> str:
    return f"{repo.catalogs.countries.name(code)} ({code})"


def _caveat(decision: AdequacyDecision) -> str:
    unverified = " complykit has not verified this entry." if decision.unverified else ""
    return f"{decision.decision} covers: {decision.scope}{unverified}"


@check(
    code="GDPR021",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="adequacy-not-in-force",
    severity=Severity.ERROR,
    citation=("GDPR Art. 45",),
    hint="Rest the transfer on standard contractual clauses (Art. 46(2)(c)) or another "
    "Art. 46 safeguard, with a transfer impact assessment.",
)
def adequacy_not_in_force(repo: Repository) -> Iterator[Problem]:
    """A transfer relies on an adequacy decision that does not exist or is no longer in force,
    or on a partial decision that the record itself says does not cover the recipient.

    A decision with a sunset date (``expires`` in the countries catalog) lapses after it unless
    renewed, so the same transfer can pass on one ``--as-of`` day and fail on a later one. A
    country in the EEA needs no decision (GDPR023 says the transfer is not one).

    PASS: ``country: CH, mechanism: adequacy-decision``.
    FAIL: ``country: IN, mechanism: adequacy-decision`` (India has none); ``country: US,
    mechanism: adequacy-decision, within_adequacy_scope: false`` (not certified under the
    Data Privacy Framework).
    """
    countries = repo.catalogs.countries
    for entry, index, transfer in _transfers(repo):
        if transfer.mechanism is not TransferMechanism.ADEQUACY_DECISION:
            continue
        if countries.in_eea(transfer.country):
            continue
        decision = countries.adequacy(transfer.country, repo.as_of)
        if decision is None:
            yield Problem(
                entry,
                ("transfers", index, "mechanism"),
                f"{_country(repo, transfer.country)} has no adequacy decision in force on "
                f"{repo.as_of.isoformat()}{_past(countries, transfer.country, repo.as_of)}",
            )
        elif decision.partial and transfer.within_adequacy_scope is False:
            yield Problem(
                entry,
                ("transfers", index, "within_adequacy_scope"),
                f"the adequacy decision for {_country(repo, transfer.country)} does not cover "
                f"{transfer.recipient}, as the record says: {_caveat(decision)}",
            )


def _past(countries: Countries, code: str, as_of: date) -> str:
    country = countries.get(code)
    return _last_decision(country.adequacy if country else [], as_of)


@check(
    code="GDPR022",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="adequacy-partial",
    severity=Severity.WARNING,
    citation=("GDPR Art. 45",),
    hint="Confirm that the recipient falls within the decision (for the US: that it is on the "
    "Data Privacy Framework list) and record it with `within_adequacy_scope: true`; if it "
    "does not, use an Art. 46 safeguard.",
)
def adequacy_partial(repo: Repository) -> Iterator[Problem]:
    """A transfer relies on an adequacy decision that covers only some recipients without
    saying whether the recipient is one of them, or on a decision complykit could not verify.
    (A record that says the recipient is not covered is an error: GDPR021.)

    PASS: ``country: CH, mechanism: adequacy-decision`` (full adequacy), or ``country: US``
    with ``within_adequacy_scope: true`` (a certified organisation).
    FAIL: ``country: US, mechanism: adequacy-decision`` and nothing about certification.
    """
    countries = repo.catalogs.countries
    for entry, index, transfer in _transfers(repo):
        if transfer.mechanism is not TransferMechanism.ADEQUACY_DECISION:
            continue
        decision = countries.adequacy(transfer.country, repo.as_of)
        unconfirmed = (
            decision is not None and decision.partial and transfer.within_adequacy_scope is None
        )
        if decision is not None and (unconfirmed or decision.unverified):
            yield Problem(
                entry,
                ("transfers", index, "mechanism"),
                f"the adequacy decision for {_country(repo, transfer.country)} may not cover "
                f"{transfer.recipient}: {_caveat(decision)}",
            )


@check(
    code="GDPR023",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="transfer-within-eea",
    severity=Severity.WARNING,
    citation=("GDPR Art. 44",),
    hint="Remove the transfer; list the place under `data_locations` or `recipients` instead.",
)
def transfer_within_eea(repo: Repository) -> Iterator[Problem]:
    """A transfer names a country in the EEA, which is not a third country.

    PASS: ``transfers: [{country: US, ...}]``.
    FAIL: ``transfers: [{country: IE, ...}]``.
    """
    for entry, index, transfer in _transfers(repo):
        if repo.catalogs.countries.in_eea(transfer.country):
            yield Problem(
                entry,
                ("transfers", index, "country"),
                f"{_country(repo, transfer.country)} is in the EEA; sending data there is not "
                "a third-country transfer",
            )


@check(
    code="GDPR024",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="derogation-point-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 49(1)",),
    hint="Add `derogation`: the Art. 49(1) point (a-g), or compelling-legitimate-interests.",
)
def derogation_point_missing(repo: Repository) -> Iterator[Problem]:
    """A transfer relies on a derogation without saying which one.

    PASS: ``mechanism: derogation, derogation: e`` (legal claims).
    FAIL: ``mechanism: derogation`` without ``derogation``.
    """
    for entry, index, transfer in _transfers(repo):
        if transfer.mechanism is TransferMechanism.DEROGATION and transfer.derogation is None:
            yield Problem(
                entry,
                ("transfers", index, "mechanism"),
                f"the transfer to {transfer.recipient} relies on a derogation but does not say "
                "which Art. 49(1) derogation applies",
            )


@check(
    code="GDPR025",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="transfer-impact-assessment-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 46",),
    hint="Assess the law and practice of the destination and record it as "
    "`transfer_impact_assessment`.",
)
def transfer_impact_assessment_missing(repo: Repository) -> Iterator[Problem]:
    """A transfer on Art. 46 or 47 safeguards, to a country without full adequacy, has no TIA.

    Safeguards only work if the destination's law lets the recipient honour them (CJEU
    C-311/18, Schrems II); the transfer impact assessment shows that it does.

    PASS: ``mechanism: standard-contractual-clauses`` with ``transfer_impact_assessment:
    evidence/tia-us.md``.
    FAIL: ``mechanism: standard-contractual-clauses`` to US without it.
    """
    countries = repo.catalogs.countries
    for entry, index, transfer in _transfers(repo):
        if transfer.mechanism not in _SAFEGUARDS or transfer.transfer_impact_assessment:
            continue
        if countries.in_eea(transfer.country):
            continue
        decision = countries.adequacy(transfer.country, repo.as_of)
        if decision is None or decision.partial:
            yield Problem(
                entry,
                ("transfers", index, "mechanism"),
                f"the transfer to {transfer.recipient} in {_country(repo, transfer.country)} "
                f"rests on {transfer.mechanism} without a transfer impact assessment",
            )


# Art. 46(3): the safeguards that carry a transfer only with the supervisory authority's
# authorisation, in words.
_NEEDS_AUTHORISATION = {
    TransferMechanism.AD_HOC_CLAUSES: "ad hoc contractual clauses (Art. 46(3)(a))",
    TransferMechanism.ADMINISTRATIVE_ARRANGEMENT: "an administrative arrangement (Art. 46(3)(b))",
}


@check(
    code="GDPR045",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="safeguard-not-authorised",
    severity=Severity.WARNING,
    citation=("GDPR Art. 46(3)", "GDPR Art. 46(4)"),
    hint="Record the authorisation as `sa_authorisation: {authority: ..., authorised_on: "
    "YYYY-MM-DD, reference: ...}`. Until the authority gives it, rest the transfer on a "
    "safeguard that needs none, such as the Commission's standard contractual clauses (Art. "
    "46(2)(c)) or, between public bodies, a binding instrument (Art. 46(2)(a)).",
)
def safeguard_not_authorised(repo: Repository) -> Iterator[Problem]:
    """A transfer on ad hoc contractual clauses or an administrative arrangement records no
    authorisation by the supervisory authority.

    The safeguards of Art. 46(2) need no specific authorisation; those of Art. 46(3), clauses
    drafted for the transfer (point (a)) and provisions in administrative arrangements between
    public authorities or bodies (point (b)), are appropriate safeguards only "subject to the
    authorisation from the competent supervisory authority", which applies the consistency
    mechanism (Art. 46(4)). An authorisation under the former directive stays valid until
    changed (Art. 46(5)). The authorisation may exist without being in the register, so this
    is a warning; a transfer within the EEA is GDPR023's.

    PASS: ``mechanism: ad-hoc-clauses`` with ``sa_authorisation: {authority: Autoriteit
    Persoonsgegevens, authorised_on: 2026-03-02}``; ``mechanism: standard-contractual-clauses``.
    FAIL: ``mechanism: administrative-arrangement`` without ``sa_authorisation``.
    """
    for entry, index, transfer in _transfers(repo):
        tool = _NEEDS_AUTHORISATION.get(transfer.mechanism)
        if tool is None or transfer.sa_authorisation is not None:
            continue
        if repo.catalogs.countries.in_eea(transfer.country):
            continue
        yield Problem(
            entry,
            ("transfers", index, "mechanism"),
            f"the transfer to {transfer.recipient} in {_country(repo, transfer.country)} rests "
            f"on {tool}; that safeguard carries a transfer only once the competent supervisory "
            "authority has authorised it, and the record names no authorisation",
        )


def _own_destinations(
    activity: ProcessingActivity, outside_eea: Callable[[str], bool], home: str
) -> Iterator[tuple[Loc, str, str]]:
    """Where the activity itself puts data outside the EEA: (place, country, what is there).

    Only what reaches another party counts, as the EDPB reads "transfer" (Guidelines 05/2021:
    an exporter makes the data available to another controller, joint controller or processor
    in a third country)."""
    yield from _locations_abroad(activity, outside_eea, home)
    yield from _recipients_abroad(activity, outside_eea)


def _locations_abroad(
    activity: ProcessingActivity, outside_eea: Callable[[str], bool], home: str
) -> Iterator[tuple[Loc, str, str]]:
    """Data locations outside the EEA, but for data we keep ourselves, with no supplier, in
    the country where we are established (an organisation outside the EEA): that data has
    not left us, so nothing is transferred."""
    for index, location in enumerate(activity.data_locations):
        ours_at_home = location.supplier is None and location.country == home
        if outside_eea(location.country) and not ours_at_home:
            place = ("data_locations", index, "country")
            yield place, location.country, f"data location '{location.system}'"


def _recipients_abroad(
    activity: ProcessingActivity, outside_eea: Callable[[str], bool]
) -> Iterator[tuple[Loc, str, str]]:
    """Recipients outside the EEA, but not our own staff there: an employee on a business trip
    who reaches our systems is part of us, not another controller or processor (EDPB
    Guidelines 05/2021, the business-trip example). The ``internal`` label alone does not
    decide it: an internal recipient that names a supplier record, or whose name gives a legal
    form or a group relation (``Pvt Ltd``, ``our US parent``), is another legal person; one
    named as a branch counts too, as the EDPB's wording on branches was not verified."""
    for index, recipient in enumerate(activity.recipients):
        country = recipient.country
        if country is None or not outside_eea(country):
            continue
        if recipient.type == "internal":
            why_not_ours = _not_our_staff(recipient)
            if why_not_ours is None:
                continue
            what = f"recipient '{recipient.name}', recorded as internal but {why_not_ours}"
        else:
            what = f"recipient '{recipient.name}'"
        yield ("recipients", index, "country"), country, what


def _not_our_staff(recipient: Recipient) -> str | None:
    """Why an ``internal`` recipient is another legal person, or None when nothing says so."""
    if recipient.supplier is not None:
        return f"naming supplier {recipient.supplier}, an organisation of its own"
    # Imported here: its patterns are compiled on import, and only an internal recipient in a
    # third country needs them, which most runs never meet.
    from complykit.model.wording.organisations import (  # noqa: PLC0415
        names_branch,
        names_other_organisation,
    )

    if names_other_organisation(recipient.name):
        return "named as a company of its own (a group company is a controller or processor)"
    if names_branch(recipient.name):
        return (
            "named as a branch: complykit counts our branch in a third country as it counts a "
            "data location there, since the EDPB's position on branches is not verified here"
        )
    return None


def _parties_abroad(
    activity: ProcessingActivity, outside_eea: Callable[[str], bool]
) -> Iterator[tuple[Loc, str, str]]:
    """The other controllers of the activity outside the EEA that the record does not say are
    kept from personal data (``receives_personal_data: false``): in an activity we carry out as
    processor, each controller we act for, since personal data returned to it, or its access
    to the data with us, is a transfer (EDPB Guidelines 05/2021, the example of a processor in
    the EU that returns data to its controller in a third country); in any activity, each
    joint controller, another controller that receives the data (the second criterion)."""
    parties: list[tuple[str, int, Party, str]] = []
    if activity.role is ProcessingRole.PROCESSOR:
        parties += [("controllers", i, p, "controller") for i, p in enumerate(activity.controllers)]
    parties += [
        ("joint_controllers", i, p, "joint controller")
        for i, p in enumerate(activity.joint_controllers)
    ]
    for field, index, party, role in parties:
        country = party.country
        if country is None or party.receives_personal_data is False or not outside_eea(country):
            continue
        yield (field, index, "country"), country, f"{role} '{party.name}'"


def _outside_eea_by_supplier(repo: Repository) -> dict[str, list[tuple[str, str]]]:
    """Per supplier: (country, what is there) for its locations and sub-processors outside
    the EEA. Built once, since many activities share the same few processors."""
    countries = repo.catalogs.countries
    found: dict[str, list[tuple[str, str]]] = {}
    for _, supplier in repo.records(Supplier):
        places = [(c, f"processor {supplier.id}") for c in {x.country for x in supplier.locations}]
        places += [
            (s.country, f"{supplier.id}'s sub-processor {s.name}") for s in supplier.sub_processors
        ]
        found[supplier.id] = sorted(
            (p for p in places if countries.third_country(p[0])),
            key=lambda p: (p[1].startswith(supplier.id), p[0]),
        )
    return found


def _processor_destinations(
    activity: ProcessingActivity, outside: dict[str, list[tuple[str, str]]]
) -> Iterator[tuple[Loc, str, str]]:
    """Where the activity's processors and their sub-processors put data outside the EEA."""
    for index, supplier_id in enumerate(activity.processors):
        for country, what in outside.get(supplier_id, ()):
            yield ("processors", index), country, what


_PARTY_HINT = (
    "Add a `transfers` entry for the country, with its recipient and mechanism. If nothing "
    "personal reaches the party (it gets only anonymous results and cannot reach the data with "
    "us), record `receives_personal_data: false` on it instead."
)


@check(
    code="GDPR026",
    reads=("processing-activity", "supplier"),
    local=1,
    framework="gdpr",
    name="transfer-not-listed",
    severity=Severity.ERROR,
    citation=("GDPR Art. 44", "GDPR Art. 30(1)(e)", "GDPR Art. 30(2)(c)"),
    hint="Add a `transfers` entry for the country, with its recipient and mechanism.",
)
def transfer_not_listed(repo: Repository) -> Iterator[Problem]:
    """The record puts personal data in a country outside the EEA, or names a party there that
    receives it, and the activity lists no transfer to that country.

    Counts data locations, recipients, the locations and sub-processors of the activity's
    processors, joint controllers and, in an activity we carry out as processor, its
    controllers; reported once per country, at its first mention. Following the EDPB
    (Guidelines 05/2021), a transfer is data made available to another controller, joint
    controller or processor in a third country, so two things do not count: our own employees
    abroad (an ``internal`` recipient, e.g. on a business trip) reaching our systems, and data
    an organisation established outside the EEA keeps itself, with no supplier, in its own
    country. An ``internal`` recipient that names a supplier, or whose name gives a legal form
    or a group relation, is another legal person and counts. Whether the staff of our own
    branch in a third country receive a transfer is not settled here (the EDPB's wording on
    branches was not verified), so an ``internal`` recipient named as a branch counts, as a data
    location at the branch does.

    A controller we process for, or a joint controller, outside the EEA counts unless the
    record says nothing personal reaches it (``receives_personal_data: false``); this holds
    also for a processor outside the EEA working for a controller in its own country, which is
    the three criteria applied, not a verified EDPB example. Not checked: a controller with no
    `country`, and controllers named only through `controller_list`: the processor's register
    need not give the country (Art. 30(2)(a)), and complykit does not read the list.

    PASS: ``data_locations: [{country: US, ...}]`` and ``transfers: [{country: US, ...}]``;
    or ``recipients: [{type: internal, country: IN}]`` (staff on a business trip).
    FAIL: ``processors: [sup-aws]``, whose sub-processor is in US, and no transfer to US;
    ``role: processor`` with ``controllers: [{name: Harbor Inc., country: US}]`` and no
    transfer to US; ``recipients: [{name: Maple India Pvt Ltd, type: internal, country: IN}]``.
    """
    countries = repo.catalogs.countries
    outside = _outside_eea_by_supplier(repo)
    home = repo.config.organisation.country
    for entry, activity in activities(repo):
        listed = {transfer.country for transfer in activity.transfers}
        shown: dict[str, list[tuple[Loc, str]]] = {}
        for loc, code, what in chain(
            _own_destinations(activity, countries.third_country, home),
            _parties_abroad(activity, countries.third_country),
            _processor_destinations(activity, outside),
        ):
            if code not in listed:
                shown.setdefault(code, []).append((loc, what))
        record_field = (
            "GDPR Art. 30(2)(c)"
            if activity.role is ProcessingRole.PROCESSOR
            else "GDPR Art. 30(1)(e)"
        )
        for code, found in shown.items():
            parties = [what for loc, what in found if loc[0] in _PARTY_FIELDS]
            yield Problem(
                entry,
                found[0][0],
                _unlisted(activity.name, _country(repo, code), found),
                hint=_PARTY_HINT if parties else None,
                citation=("GDPR Art. 44", record_field),
            )


_PARTY_FIELDS = ("controllers", "joint_controllers")


def _unlisted(activity: str, country: str, found: list[tuple[Loc, str]]) -> str:
    """What the record shows in ``country``: where it puts personal data, and which parties it
    names there, whose receiving personal data is the transfer (not shown by the record)."""
    places = [what for loc, what in found if loc[0] not in _PARTY_FIELDS]
    parties = [what for loc, what in found if loc[0] in _PARTY_FIELDS]
    message = f"'{activity}' lists no transfer to {country}"
    if places:
        message += f", but the record puts personal data there: {_joined(places)}"
    if parties:
        message += (
            f"{', and' if places else ', but'} names {_joined(parties)} there: personal data "
            "it receives from us, or reaches with us, is a transfer"
        )
    return message


def _joined(whats: list[str]) -> str:
    return ", ".join(dict.fromkeys(whats))


def _last_decision(decisions: list[AdequacyDecision], as_of: date) -> str:
    """'; the last one, X, ended on D' for the latest decision that ended or lapsed."""
    over = [(d.ended or d.expires, d) for d in decisions if d.ended or d.lapsed(as_of)]
    if not over:
        return ""
    when, last = max(over, key=lambda pair: str(pair[0]))
    verb = "ended" if last.ended else "expired"
    return f"; the last one, {last.decision}, {verb} on {when}"
