"""Processing activities as a Fides manifest (ethyca/fideslang): a system per activity, a privacy
declaration per purpose.

Fides describes data with keys from its taxonomy (``user.contact.email``, ``marketing``). Our
registers name data in their own words, so each category, purpose and data subject becomes a
custom taxonomy entry under the closest default parent (``user.contact.email.e_mailadres``),
declared in the same manifest with our wording as its name: Fides tools see the default meaning,
and an import reads back exactly what the register said.
"""

from __future__ import annotations

import re
from typing import Any

from complykit.exchange.fides_terms import (
    ART9_LEGAL_BASIS,
    LEGAL_BASIS,
    TRANSFER_BASIS,
    category_parent,
    use_parent,
)
from complykit.exchange.record_files import slug
from complykit.model.processing import DataCategory, ProcessingActivity, Purpose, Retention
from complykit.workspace.repository import Repository

ORGANIZATION = "default_organization"


def fides_key(text: str) -> str:
    """A Fides key from free text: lower-case ASCII words joined by underscores."""
    return re.sub(r"[^a-z0-9]+", "_", slug(text, 60)).strip("_") or "unnamed"


def export_fides(repo: Repository) -> dict[str, Any]:
    """The manifest: ``system`` plus the custom ``data_category``, ``data_use`` and
    ``data_subject`` entries the systems use, each list sorted by key."""
    taxonomy: dict[str, dict[str, dict[str, Any]]] = {
        "data_category": {},
        "data_use": {},
        "data_subject": {},
    }
    systems = [_system(activity, taxonomy) for _, activity in repo.records(ProcessingActivity)]
    manifest: dict[str, Any] = {"system": systems}
    for kind, entries in taxonomy.items():
        if entries:
            manifest[kind] = [entries[key] for key in sorted(entries)]
    return manifest


def _system(activity: ProcessingActivity, taxonomy: dict[str, Any]) -> dict[str, Any]:
    declarations = [_declaration(activity, purpose, taxonomy) for purpose in activity.purposes]
    system: dict[str, Any] = {
        "fides_key": fides_key(activity.id),
        "organization_fides_key": ORGANIZATION,
        "name": activity.name,
        "description": activity.description or activity.name,
        "system_type": "Service",
        "privacy_declarations": declarations,
        "responsibility": ["Processor" if activity.role == "processor" else "Controller"],
        "processes_personal_data": True,
        "requires_data_protection_assessments": activity.dpia is not None,
    }
    if activity.transfers:
        system["does_international_transfers"] = True
        system["legal_basis_for_transfers"] = sorted(
            {TRANSFER_BASIS[t.mechanism] for t in activity.transfers}
        )
    if activity.security_description:
        system["data_security_practices"] = activity.security_description
    return system


def _declaration(
    activity: ProcessingActivity, purpose: Purpose, taxonomy: dict[str, Any]
) -> dict[str, Any]:
    categories = [_category(c, taxonomy["data_category"]) for c in activity.personal_data]
    subjects = [_subject(s, taxonomy["data_subject"]) for s in activity.data_subjects]
    special = [c for c in activity.personal_data if c.special_category]
    declaration: dict[str, Any] = {
        "name": purpose.description,
        "data_use": _use(purpose, taxonomy["data_use"]),
        "data_categories": categories or ["user"],
        "data_subjects": subjects,
    }
    if purpose.legal_basis is not None:
        declaration["legal_basis_for_processing"] = LEGAL_BASIS[purpose.legal_basis]
    if activity.retention is not None:
        declaration["retention_period"] = _retention_period(activity.retention)
    if special:
        declaration["processes_special_category_data"] = True
        conditions = [c.art9_condition for c in special if c.art9_condition]
        if conditions:
            declaration["special_category_legal_basis"] = ART9_LEGAL_BASIS[conditions[0]]
    recipients = [r.name for r in activity.recipients if r.type != "internal"]
    if recipients:
        declaration["data_shared_with_third_parties"] = True
        declaration["third_parties"] = "; ".join(recipients)
    return declaration


def _category(category: DataCategory, entries: dict[str, dict[str, Any]]) -> str:
    parent = category_parent(category)
    key = f"{parent}.{fides_key(category.name)}"
    entries.setdefault(key, {"fides_key": key, "name": category.name, "parent_key": parent,
                             "organization_fides_key": ORGANIZATION})  # fmt: skip
    return key


def _retention_period(retention: Retention) -> str:
    """Fides keeps retention as free text: ``P7Y after end of employment``, or ``until ...``."""
    if retention.permanent:
        return "permanent"
    if retention.period is None:
        return f"until {retention.until}"
    return f"{retention.period.iso()} after {retention.trigger}"


def _use(purpose: Purpose, entries: dict[str, dict[str, Any]]) -> str:
    parent = use_parent(purpose)
    key = f"{parent}.{fides_key(purpose.description)}"
    entries.setdefault(key, {"fides_key": key, "name": purpose.description, "parent_key": parent,
                             "organization_fides_key": ORGANIZATION})  # fmt: skip
    return key


def _subject(name: str, entries: dict[str, dict[str, Any]]) -> str:
    key = f"complykit_{fides_key(name)}"
    entries.setdefault(key, {"fides_key": key, "name": name,
                             "organization_fides_key": ORGANIZATION})  # fmt: skip
    return key
