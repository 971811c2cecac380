"""GDPR: the supervisory authority named in complykit.yaml is one that can be competent.

Each authority is competent on its own territory (Art. 55(1)); for cross-border processing the
authority of the main establishment in the Union leads (Art. 56(1)), and public bodies answer to
the authority of their own Member State, without a lead authority (Art. 55(2)).
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.gdpr import controller_activities
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.config import Organisation
from complykit.model.enums import LAID_DOWN_BY_LAW
from complykit.workspace.repository import Repository

_AUTHORITY = ("organisation", "supervisory_authority")


@check(
    code="GDPR036",
    reads=("processing-activity",),
    framework="gdpr",
    name="supervisory-authority-mismatch",
    severity=Severity.WARNING,
    citation=("GDPR Art. 55", "GDPR Art. 56"),
    hint="Name the authority of the country where the organisation is established. If another "
    "authority leads because our main establishment in the Union is there (Art. 56(1)), say "
    "so in `supervisory_authority.competence`.",
)
def supervisory_authority_mismatch(repo: Repository) -> Iterator[Problem]:
    """The supervisory authority is in another country than the organisation, or its name is
    that of another country's authority.

    An authority abroad is right when it leads for the main establishment of a group in the
    Union (Art. 56(1)); ``competence`` records why, and silences this, except for public
    authorities and bodies, which Art. 56 does not cover (Art. 55(2)). Art. 55(2) also takes
    out of the lead authority's reach what private bodies process on a legal obligation or a
    public task (Art. 6(1)(c) or (e)): for a private organisation whose ``competence`` names a
    lead authority abroad, controller activities with such purposes are named, since for them
    the authority of the Member State concerned is competent. An organisation established
    outside the EEA has no lead authority, so only the name is compared. The names known are
    those in ``catalogs/countries.yaml`` (``authority_names``).

    PASS: ``country: NL`` and ``supervisory_authority: {name: Autoriteit Persoonsgegevens,
    country: NL}``.
    FAIL: ``country: NL`` and ``supervisory_authority: {name: Gegevensbeschermingsautoriteit,
    country: BE}``; or ``{name: Autoriteit Persoonsgegevens, country: BE}``.
    """
    organisation = repo.config.organisation
    authority = organisation.supervisory_authority
    countries = repo.catalogs.countries
    named = countries.authority_of(authority.name)
    if named and authority.country not in named:
        yield Problem(
            None,
            (*_AUTHORITY, "name"),
            f"'{authority.name}' is the supervisory authority of {_listed(repo, named)}, but "
            f"its country is given as {authority.country}",
            hint="Correct the authority's `country`, or its `name` to that of the authority "
            "you answer to.",
        )
    elif _abroad(organisation) and countries.in_eea(organisation.country):
        yield Problem(
            None,
            (*_AUTHORITY, "country"),
            f"the supervisory authority {authority.name} is in {authority.country}, but "
            f"'{organisation.name}' is established in {organisation.country}"
            f"{_why_not(organisation)}",
        )
    elif _leads_abroad(organisation) and countries.in_eea(organisation.country):
        yield from _outside_the_lead(repo, organisation)


def _abroad(organisation: Organisation) -> bool:
    """The authority sits elsewhere, and no lead-authority reason covers it."""
    authority = organisation.supervisory_authority
    if authority.country == organisation.country:
        return False
    return authority.competence is None or organisation.sector != "private"


def _leads_abroad(organisation: Organisation) -> bool:
    """A private organisation names an authority abroad and says why it leads."""
    authority = organisation.supervisory_authority
    return (
        organisation.sector == "private"
        and authority.country != organisation.country
        and authority.competence is not None
    )


# Art. 55(2): processing on these bases is outside the one-stop shop of Art. 56.
_NAMED_AT_MOST = 3


def _outside_the_lead(repo: Repository, organisation: Organisation) -> Iterator[Problem]:
    """The activities a lead authority abroad does not cover, as one finding, if any."""
    names = [
        activity.name
        for _, activity in controller_activities(repo)
        if any(p.legal_basis in LAID_DOWN_BY_LAW for p in activity.purposes)
    ]
    if not names:
        return
    shown = "', '".join(names[:_NAMED_AT_MOST])
    more = len(names) - _NAMED_AT_MOST
    listed = f"'{shown}'" + (f" and {more} more" if more > 0 else "")
    rest = "rests" if len(names) == 1 else "rest"
    authority = organisation.supervisory_authority
    yield Problem(
        None,
        (*_AUTHORITY, "competence"),
        f"{authority.name} ({authority.country}) leads for '{organisation.name}' under Art. "
        f"56(1), but {listed} {rest} on a legal obligation or a public task (Art. 6(1)(c) or "
        "(e)); for that processing the authority of the Member State concerned is competent, "
        "and no authority leads (Art. 55(2))",
        hint="Keep the lead authority for the rest of the processing. For processing on a "
        "legal obligation or a public task, deal with the authority of the Member State "
        "concerned, usually the one whose law lays the obligation or task down.",
    )


def _why_not(organisation: Organisation) -> str:
    if organisation.supervisory_authority.competence is None:
        return ", and `competence` does not say why that authority is competent"
    return (
        f"; as a {organisation.sector.replace('-', ' ')} it answers to the authority of its own "
        "Member State, without a lead authority (Art. 55(2))"
    )


def _listed(repo: Repository, codes: list[str]) -> str:
    countries = repo.catalogs.countries
    return " or ".join(f"{countries.name(code) or code} ({code})" for code in codes)
