"""SUP: each place outside the EEA where a processor handles our data rests on a Chapter V
transfer tool that holds on the ``--as-of`` day."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from complykit.checks.registry import check
from complykit.checks.suppliers import processors
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.enums import TransferMechanism
from complykit.model.supplier import Location, Supplier
from complykit.workspace.repository import Entry, Repository

if TYPE_CHECKING:
    from complykit.catalog.countries import AdequacyDecision


@check(
    code="SUP010",
    reads=("supplier",),
    per_record=True,
    name="supplier-location-transfer-tool",
    severity=Severity.ERROR,
    citation=("GDPR Art. 44", "GDPR Art. 45", "GDPR Art. 46"),
    hint="Record the Chapter V tool for the location (`transfer_mechanism`), e.g. "
    "standard-contractual-clauses with a transfer impact assessment, or adequacy-decision "
    "where one is in force and covers the supplier.",
)
def supplier_location_transfer_tool(repo: Repository) -> Iterator[Problem]:
    """A processor handles our data outside the EEA on no transfer tool, or on an adequacy
    decision that is not in force on the as-of day or does not cover it.

    Transfers are judged per supplier location as well as per activity (GDPR021): a supplier
    that supports us from a third country transfers data there whatever activity it serves.
    A processor established in a third country (its ``country``) receives our data there even
    when it hosts in the EEA, so its ``locations`` must name that country with its tool too.

    PASS: ``locations: [{country: US, transfer_mechanism: standard-contractual-clauses}]``; or
    ``{country: CH, transfer_mechanism: adequacy-decision}``.
    FAIL: ``locations: [{country: US}]``; or ``{country: IN, transfer_mechanism:
    adequacy-decision}`` (no decision in force); or ``country: US`` and ``locations: [{country:
    DE}]``.

    A code that is no ISO 3166-1 country (``UK`` for ``GB``) is left to REF006: nothing true
    can be said of the adequacy of a country that is not known.
    """
    countries = repo.catalogs.countries
    for entry, supplier in processors(repo):
        unlisted = _establishment_unlisted(repo, entry, supplier)
        if unlisted is not None:
            yield unlisted
        for index, location in enumerate(supplier.locations):
            if not countries.third_country(location.country):
                continue
            problem = _problem(repo, location)
            if problem is not None:
                name = countries.name(location.country) or location.country
                yield Problem(
                    entry,
                    ("locations", index, "country"),
                    f"'{supplier.name}' handles our data in {name}, but {problem}",
                )


def _establishment_unlisted(repo: Repository, entry: Entry, supplier: Supplier) -> Problem | None:
    """A processor established in a third country whose ``locations`` do not name it."""
    countries = repo.catalogs.countries
    home = supplier.country
    if not countries.third_country(home):
        return None
    if any(location.country == home for location in supplier.locations):
        return None  # that location's tool is judged with the others
    name = countries.name(home) or home
    adequacy = _adequacy_note(repo, home, name)
    return Problem(
        entry,
        ("country",),
        f"'{supplier.name}' is established in {name}, outside the EEA: as a processor of our "
        f"data it receives that data there, but no location in {name} is recorded with the "
        "transfer tool that allows it",
        hint=f"Add {home} to `locations` with its `transfer_mechanism` (e.g. "
        f"standard-contractual-clauses with a transfer impact assessment{adequacy}); if our "
        "contract is with a company of the group established in the EEA, record that "
        "company's `name` and `country` instead.",
    )


def _adequacy_note(repo: Repository, code: str, name: str) -> str:
    """The adequacy decision in force for the country, as a hint adds it."""
    decision = repo.catalogs.countries.adequacy(code, repo.as_of)
    if decision is None:
        return ""
    if decision.partial:
        return (
            f", or adequacy-decision with `within_adequacy_scope: true` if the supplier is "
            f"covered by the partial decision in force for {name}"
        )
    return f", or adequacy-decision: one is in force for {name}"


def _problem(repo: Repository, location: Location) -> str | None:
    tool = location.transfer_mechanism
    if tool is None:
        return "no transfer tool is recorded for that location"
    if tool is not TransferMechanism.ADEQUACY_DECISION:
        return None
    decision = repo.catalogs.countries.adequacy(location.country, repo.as_of)
    if decision is None:
        return f"no adequacy decision is in force there on {repo.as_of.isoformat()}"
    if not decision.partial or location.within_adequacy_scope:
        return None
    partial = _partial(decision, repo.catalogs.countries.name(location.country))
    if location.within_adequacy_scope is False:
        return f"{partial}, and the record says the supplier falls outside it"
    return (
        f"{partial}, and the record does not say the supplier and our data fall within it "
        "(`within_adequacy_scope`)"
    )


def _partial(decision: AdequacyDecision, country: str | None) -> str:
    """What a partial decision covers, in the countries catalog's words. Some decisions cover
    some recipients (the US: certified organisations), others some data or processing
    (Israel: automated processing; the UK until 2025: all but immigration-control data), so
    the scope is quoted rather than summed up."""
    head, colon, rest = decision.scope.partition(": ")
    scope = rest if colon and head == country else decision.scope
    return (
        f"the adequacy decision in force there is partial ({decision.decision}; scope: "
        f"{scope.removesuffix('.')})"
    )


@check(
    code="SUP012",
    reads=("supplier",),
    per_record=True,
    name="supplier-location-on-derogation",
    severity=Severity.WARNING,
    citation=("GDPR Art. 49(1)",),
    hint="Rest the location on an adequacy decision that covers the supplier or on an Art. 46 "
    "safeguard such as standard contractual clauses, with a transfer impact assessment.",
)
def supplier_location_on_derogation(repo: Repository) -> Iterator[Problem]:
    """A processor handles our data outside the EEA on an Art. 49 derogation.

    Derogations are exceptions for specific, occasional situations and are read narrowly; a
    processor's location where it hosts or supports our data serves it systematically, which
    calls for adequacy or Art. 46 safeguards instead.

    PASS: ``locations: [{country: US, transfer_mechanism: standard-contractual-clauses}]``.
    FAIL: ``locations: [{country: US, purpose: hosting, transfer_mechanism: derogation}]``.
    """
    countries = repo.catalogs.countries
    for entry, supplier in processors(repo):
        for index, location in enumerate(supplier.locations):
            derogation = location.transfer_mechanism is TransferMechanism.DEROGATION
            if derogation and countries.third_country(location.country):
                name = countries.name(location.country) or location.country
                yield Problem(
                    entry,
                    ("locations", index, "transfer_mechanism"),
                    f"'{supplier.name}' handles our data in {name} on a derogation, which is "
                    "meant for occasional transfers, not for a processor's ongoing work",
                )
