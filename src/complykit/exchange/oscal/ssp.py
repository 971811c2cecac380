"""A Statement of Applicability as an OSCAL System Security Plan.

Each SoA entry becomes an implemented requirement for its control: by-components for the system
as a whole (the justification and status) and for each measure (control record) it names, the
owner as responsible role, evidence as links. The catalog is a back-matter resource that the
import-profile points to, so no copyrighted control text is copied.
"""

from __future__ import annotations

from typing import Any

from complykit.catalog.models import Catalog
from complykit.core.errors import ComplykitError
from complykit.exchange.oscal.common import (
    STATE,
    catalog_resource,
    catalog_uuid,
    evidence_links,
    metadata,
    party_uuid,
    stable_uuid,
    string,
    token,
)
from complykit.model.control import Control
from complykit.model.soa import SoaEntry, StatementOfApplicability
from complykit.workspace.repository import Repository


def choose_soa(repo: Repository, soa_id: str | None) -> StatementOfApplicability:
    """The SoA named by ``soa_id``, or the workspace's only one; raises ComplykitError."""
    soas = {record.id: record for _, record in repo.records(StatementOfApplicability)}
    if soa_id is not None and soa_id in soas:
        return soas[soa_id]
    if soa_id is None and len(soas) == 1:
        return next(iter(soas.values()))
    known = ", ".join(soas) or "none"
    what = f"no valid Statement of Applicability '{soa_id}'" if soa_id else "choose one with --soa"
    raise ComplykitError(f"{what} (Statements of Applicability: {known})")


def ssp(repo: Repository, soa: StatementOfApplicability, oscal_version: str) -> dict[str, Any]:
    """The OSCAL ``system-security-plan`` document for ``soa``."""
    catalog = repo.catalogs.framework(soa.framework)
    if catalog is None:
        raise ComplykitError(f"{soa.id}: unknown framework '{soa.framework}'")
    org = repo.config.organisation.name
    system = stable_uuid(org, "component", "this-system")
    version = soa.approval.version if soa.approval and soa.approval.version else "draft"
    plan: dict[str, Any] = {
        "uuid": stable_uuid(org, "ssp", soa.id),
        "metadata": metadata(repo, soa.title or f"System Security Plan: {soa.id}", version,
                             oscal_version),
        "import-profile": {"href": f"#{catalog_uuid(repo, catalog)}"},  # resource, not a copy
        "system-characteristics": _characteristics(repo, soa),
        "system-implementation": _implementation(repo, soa, system),
        "control-implementation": {
            "description": f"How {org} meets the controls of {catalog.framework.name}, as its "
            f"Statement of Applicability {soa.id} records.",
            "implemented-requirements": [
                _requirement(repo, soa, entry, system) for entry in soa.entries
            ],
        },
        "back-matter": {"resources": [catalog_resource(repo, catalog)]},
    }  # fmt: skip
    if soa.approval is not None:
        approver = {"role-id": "approver", "party-uuids": [party_uuid(repo, soa.approval.by)]}
        plan["metadata"]["responsible-parties"] = [approver]
    return {"system-security-plan": plan}


def _characteristics(repo: Repository, soa: StatementOfApplicability) -> dict[str, Any]:
    org = repo.config.organisation.name
    scope = soa.scope or f"The management system of {org}."
    return {
        "system-ids": [
            {"identifier-type": "https://ietf.org/rfc/rfc4122", "id": stable_uuid(org, "system")}
        ],
        "system-name": string(org),
        "description": scope,
        "system-information": {
            "information-types": [
                {
                    "uuid": stable_uuid(org, "information-type", "organisation"),
                    "title": "Information within the scope",
                    "description": scope,
                    "confidentiality-impact": {"base": "not-assessed"},
                    "integrity-impact": {"base": "not-assessed"},
                    "availability-impact": {"base": "not-assessed"},
                }
            ]
        },
        "status": {"state": "operational"},
        "authorization-boundary": {"description": scope},
    }


def _implementation(repo: Repository, soa: StatementOfApplicability, system: str) -> dict[str, Any]:
    org = repo.config.organisation.name
    components = [
        {
            "uuid": system,
            "type": "this-system",
            "title": org,
            "description": soa.scope or f"The management system of {org}.",
            "status": {"state": "operational"},
        },
        *(_component(repo, control) for control in _measures(repo, soa)),
    ]
    users = [
        {
            "uuid": stable_uuid(org, "user", person.id),
            "title": person.role,
            "role-ids": ["control-owner"],
        }
        for person in repo.config.people
    ] or [{"uuid": stable_uuid(org, "user", "staff"), "title": "Staff"}]
    return {"users": users, "components": components}


def _measures(repo: Repository, soa: StatementOfApplicability) -> list[Control]:
    named = {measure for entry in soa.entries for measure in entry.measures}
    return [control for _, control in repo.records(Control) if control.id in named]


COMPONENT_TYPE = {
    "technical": "software",
    "organisational": "process-procedure",
    "physical": "physical",
    "legal": "policy",
}


def _component(repo: Repository, control: Control) -> dict[str, Any]:
    component: dict[str, Any] = {
        "uuid": control_uuid(repo, control.id),
        "type": COMPONENT_TYPE[control.type],
        "title": control.title,
        "description": control.description or control.title,
        "props": [{"name": "complykit-id", "ns": NS, "value": control.id}],
        "status": {
            "state": "operational" if control.status == "implemented" else "under-development"
        },
    }
    if control.evidence:
        component["links"] = evidence_links(control.evidence)
    return component


NS = "https://complykit.dev/ns/oscal"


def _component_state(control: Control) -> str:
    return "operational" if control.status == "implemented" else "under-development"


def control_uuid(repo: Repository, control_id: str) -> str:
    return stable_uuid(repo.config.organisation.name, "component", control_id)


def _requirement(
    repo: Repository, soa: StatementOfApplicability, entry: SoaEntry, system: str
) -> dict[str, Any]:
    org = repo.config.organisation.name
    state = "not-applicable" if entry.applicable is False else STATE[entry.status]
    described = entry.justification or (
        "Not applicable." if entry.applicable is False else "Applicability still to decide."
    )
    by_system = {
        "component-uuid": system,
        "uuid": stable_uuid(org, "by-component", soa.id, entry.control, "this-system"),
        "description": described,
        "implementation-status": {"state": state},
    }
    requirement: dict[str, Any] = {
        "uuid": stable_uuid(org, "requirement", soa.id, entry.control),
        "control-id": token(entry.control),
        "props": [
            {"name": "complykit-status", "ns": NS, "value": entry.status},
            {"name": "complykit-applicable", "ns": NS, "value": _applicable(entry)},
        ],
        "by-components": [by_system, *_by_measures(repo, soa, entry)],
    }
    if entry.owner:
        requirement["responsible-roles"] = [
            {"role-id": "control-owner", "party-uuids": [party_uuid(repo, entry.owner)]}
        ]
    if entry.evidence:
        requirement["links"] = evidence_links(entry.evidence)
    return requirement


def _applicable(entry: SoaEntry) -> str:
    return "to-decide" if entry.applicable is None else str(entry.applicable).lower()


def _by_measures(
    repo: Repository, soa: StatementOfApplicability, entry: SoaEntry
) -> list[dict[str, Any]]:
    org = repo.config.organisation.name
    controls = {control.id: control for _, control in repo.records(Control)}
    return [
        {
            "component-uuid": control_uuid(repo, measure),
            "uuid": stable_uuid(org, "by-component", soa.id, entry.control, measure),
            "description": controls[measure].description or controls[measure].title,
            "implementation-status": {"state": STATE[controls[measure].status]},
        }
        for measure in entry.measures
        if measure in controls
    ]


def catalog_of(repo: Repository, framework: str) -> Catalog | None:
    return repo.catalogs.framework(framework)
