"""Countries: ISO 3166-1 codes, EEA membership, EU adequacy decisions (GDPR Art. 45) and the
names of some supervisory authorities."""

from __future__ import annotations

import unicodedata
from functools import cached_property
from typing import TYPE_CHECKING, Literal, Self

from complykit.catalog.models import FrameworkInfo
from complykit.catalog.types import CatalogModel, CountryCode, IsoDate, NonEmptyStr
from complykit.model.declaring import Field, model_validator

if TYPE_CHECKING:
    from datetime import date


class AdequacyDecision(CatalogModel):
    """A Commission decision that a country (or part of its sector) protects data adequately."""

    decision: NonEmptyStr = Field(description="Official reference, e.g. 'Decision (EU) 2023/1795'.")
    adopted: IsoDate
    ended: IsoDate | None = Field(default=None, description="Date it stopped applying, if it did.")
    expires: IsoDate | None = Field(
        default=None,
        description="The last day it applies unless renewed (a sunset clause), if it has one.",
    )
    partial: bool = Field(description="True if only some organisations or sectors are covered.")
    scope: NonEmptyStr = Field(description="What the decision covers, in complykit's words.")
    source: NonEmptyStr | None = Field(
        default=None, description="Where the decision and its dates were checked."
    )
    verified: Literal["list", "full"] | None = Field(
        default=None,
        description="Checked against the reference facts: `list` the country and scope, "
        "`full` the dates too; None when not checked.",
    )
    unverified: bool = False

    def in_force(self, as_of: date) -> bool:
        """Whether the decision applied on `as_of`: adopted, not ended, not past its expiry."""
        started = self.adopted <= as_of
        return started and (self.ended is None or as_of < self.ended) and not self.lapsed(as_of)

    def lapsed(self, as_of: date) -> bool:
        """Whether its sunset date passed before `as_of`."""
        return self.expires is not None and self.expires < as_of


class Country(CatalogModel):
    """One ISO 3166-1 alpha-2 country or territory."""

    code: CountryCode
    name: NonEmptyStr
    eu: bool = False
    eea: bool = False
    adequacy: list[AdequacyDecision] = Field(default_factory=list)
    authority_names: list[NonEmptyStr] = Field(
        default_factory=list,
        description="Names the country's data protection supervisory authority goes by, e.g. "
        "'Autoriteit Persoonsgegevens'; where known.",
    )


class Countries(CatalogModel):
    """All ISO 3166-1 alpha-2 codes, as in `catalogs/countries.yaml`."""

    schema_version: Literal[1]
    framework: FrameworkInfo
    countries: list[Country] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_unique(self) -> Self:
        codes = [country.code for country in self.countries]
        if len(codes) != len(set(codes)):
            raise ValueError("duplicate country codes")
        return self

    @cached_property
    def by_code(self) -> dict[str, Country]:
        # A cached_property lands in the instance dict: plain attribute speed on hot paths,
        # where a pydantic private attribute would go through __getattr__ on every lookup.
        return {country.code: country for country in self.countries}

    def get(self, code: str) -> Country | None:
        """The country with this alpha-2 code (any case), or None."""
        return self.by_code.get(code) or self.by_code.get(code.upper())

    def known(self, code: str) -> bool:
        """Whether `code` is an ISO 3166-1 alpha-2 code."""
        return self.get(code) is not None

    def name(self, code: str) -> str | None:
        """The English short name for `code`, or None if unknown."""
        country = self.get(code)
        return country.name if country else None

    def in_eea(self, code: str) -> bool:
        """Whether `code` is in the EEA: the 27 EU states plus Iceland, Liechtenstein and Norway."""
        country = self.get(code)
        return bool(country and country.eea)

    def third_country(self, code: str) -> bool:
        """Whether `code` names a country outside the EEA. A code that names no country is
        neither: what holds for the country meant is not known (REF006 reports the code)."""
        return self.known(code) and not self.in_eea(code)

    def authority_of(self, name: str) -> list[str]:
        """The codes of the countries whose supervisory authority ``name`` names, if known:
        'Autoriteit Persoonsgegevens (AP)' is NL's; case, spacing and accents aside."""
        written = _plain(name)
        return [
            c.code for c in self.countries if any(_plain(n) in written for n in c.authority_names)
        ]

    def adequacy(self, code: str, as_of: date) -> AdequacyDecision | None:
        """The adequacy decision in force for `code` on `as_of`, or None. Where two are in
        force (a renewal adopted before the old decision lapses, as for the UK in December
        2025), a full one is preferred: it covers every transfer the partial one does."""
        country = self.get(code)
        in_force = [d for d in (country.adequacy if country else []) if d.in_force(as_of)]
        full = (d for d in in_force if not d.partial)
        return next(full, in_force[0] if in_force else None)


def _plain(text: str) -> str:
    """Lower case, single spaces and no accents: 'Autorité' and 'autorite' are one name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
