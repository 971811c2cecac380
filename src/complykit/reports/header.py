"""The document header every report opens with: organisation, DPO, authority, as-of date, and
where the records came from (commit, tag, uncommitted changes, tool version, unread records)."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.reports.names import person_name
from complykit.reports.request import Provenance, Request, Unreadable
from complykit.workspace.repository import Repository


class Header(TypedDict):
    organisation: str
    registration: str | None
    address: str | None
    dpo: str | None
    dpo_not_required: str | None
    """Without a DPO: why none is designated (Art. 37(1)), as the organisation recorded it."""
    eu_representative: str | None
    privacy_contact: str | None
    supervisory_authority: str
    as_of: date
    provenance: Provenance | None
    unreadable: list[Unreadable]


def header(repo: Repository, request: Request) -> Header:
    organisation = repo.config.organisation
    return Header(
        organisation=organisation.name,
        registration=organisation.registration,
        address=organisation.address,
        dpo=_dpo(repo),
        dpo_not_required=None if organisation.dpo else organisation.dpo_not_required,
        eu_representative=_representative(repo),
        privacy_contact=organisation.privacy_contact,
        supervisory_authority=organisation.supervisory_authority.name,
        as_of=repo.as_of,
        provenance=request.provenance,
        unreadable=list(request.unreadable),
    )


def _representative(repo: Repository) -> str | None:
    """The Art. 27 representative: name, contact and Member State code."""
    found = repo.config.organisation.eu_representative
    return f"{found.name}, {found.contact} ({found.country})" if found else None


def _dpo(repo: Repository) -> str | None:
    dpo = repo.config.organisation.dpo
    if dpo is None:
        return None
    name = person_name(repo, dpo.person) if dpo.person else dpo.name
    parts = [part for part in (name, dpo.email) if part]
    return ", ".join(parts) or None
