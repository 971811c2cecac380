"""GDPR: the supervisory authority named in complykit.yaml is one that can be competent.

Each authority is competent on its own territory (Art. 55(1)); for cross-border processing the
authority of the main establishment in the Union leads (Art. 56(1)), and public bodies answer to
the authority of their own Member State, without a lead authority (Art. 55(2)).
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.config import Organisation
from complykit.workspace.repository import Repository

_AUTHORITY = ("organisation", "supervisory_authority")


@check(
    code="GDPR036",
    reads=(),
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
    authorities and bodies, which Art. 56 does not cover (Art. 55(2)). An organisation
    established outside the EEA has no lead authority, so only the name is compared. The
    names known are those in ``catalogs/countries.yaml`` (``authority_names``).

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


def _abroad(organisation: Organisation) -> bool:
    """The authority sits elsewhere, and no lead-authority reason covers it."""
    authority = organisation.supervisory_authority
    if authority.country == organisation.country:
        return False
    return authority.competence is None or organisation.sector != "private"


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
