"""Control records as an OSCAL component definition: each measure a component, implementing the
catalog controls its ``implements`` names, grouped by framework."""

from __future__ import annotations

from typing import Any

from complykit.exchange.oscal.common import (
    catalog_resource,
    catalog_uuid,
    evidence_links,
    metadata,
    stable_uuid,
    token,
)
from complykit.exchange.oscal.ssp import COMPONENT_TYPE, NS, control_uuid
from complykit.model.control import Control
from complykit.workspace.repository import Repository


def component_definition(repo: Repository, oscal_version: str) -> dict[str, Any]:
    """The OSCAL ``component-definition`` document of the workspace's control records."""
    org = repo.config.organisation.name
    controls = [control for _, control in repo.records(Control)]
    frameworks = sorted({f for control in controls for f in control.implements})
    catalogs = [c for f in frameworks if (c := repo.catalogs.framework(f)) is not None]
    definition: dict[str, Any] = {
        "uuid": stable_uuid(org, "component-definition"),
        "metadata": metadata(repo, f"Security and privacy measures of {org}", "draft",
                             oscal_version),
        "components": [_component(repo, control) for control in controls],
    }  # fmt: skip
    if catalogs:
        definition["back-matter"] = {"resources": [catalog_resource(repo, c) for c in catalogs]}
    return {"component-definition": definition}


def _component(repo: Repository, control: Control) -> dict[str, Any]:
    org = repo.config.organisation.name
    component: dict[str, Any] = {
        "uuid": control_uuid(repo, control.id),
        "type": COMPONENT_TYPE[control.type],
        "title": control.title,
        "description": control.description or control.title,
        "props": [
            {"name": "complykit-id", "ns": NS, "value": control.id},
            {"name": "complykit-status", "ns": NS, "value": control.status},
        ],
    }
    if control.evidence:
        component["links"] = evidence_links(control.evidence)
    implementations = []
    for framework, ids in sorted(control.implements.items()):
        catalog = repo.catalogs.framework(framework)
        if catalog is None or not ids:
            continue
        implementations.append(
            {
                "uuid": stable_uuid(org, "control-implementation", control.id, catalog.id),
                "source": f"#{catalog_uuid(repo, catalog)}",
                "description": f"{control.title} meets these controls of {catalog.framework.name}.",
                "implemented-requirements": [
                    {
                        "uuid": stable_uuid(org, "implements", control.id, catalog.id, item),
                        "control-id": token(item),
                        "description": control.description or control.title,
                    }
                    for item in ids
                ],
            }
        )
    if implementations:
        component["control-implementations"] = implementations
    return component
