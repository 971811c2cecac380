"""export fides / import fides: a manifest fideslang accepts, and a round trip that keeps the
activities' names, roles, purposes, bases, data, subjects, recipients and retention."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.core.errors import ComplykitError
from complykit.exchange.fides_export import export_fides
from complykit.exchange.fides_import import import_fides
from complykit.exchange.outcome import Status
from complykit.model.processing import ProcessingActivity
from complykit.workspace.open import open_repository
from complykit.workspace.repository import Repository
from conftest import EXAMPLE


@pytest.fixture(scope="module")
def repo() -> Repository:
    opened, errors = open_repository(EXAMPLE, date(2026, 12, 5))
    assert errors == 0
    return opened


def test_manifest_validates_with_fideslang(repo: Repository) -> None:
    """fideslang parses the manifest, and every custom entry hangs under an existing parent."""
    # .ci/run installs fideslang without its pydantic pin; see the comment there.
    models = pytest.importorskip("fideslang.models", reason="fideslang is not installed")
    default = pytest.importorskip("fideslang.default_taxonomy").DEFAULT_TAXONOMY
    taxonomy = models.Taxonomy.model_validate(export_fides(repo))
    assert len(taxonomy.system) == len(repo.records(ProcessingActivity))
    for kind in ("data_category", "data_use"):
        known = {e.fides_key for e in getattr(default, kind)}
        known |= {e.fides_key for e in getattr(taxonomy, kind)}
        assert {e.parent_key for e in getattr(taxonomy, kind)} <= known
    subjects = {e.fides_key for e in taxonomy.data_subject}
    for system in taxonomy.system:
        for declaration in system.privacy_declarations:
            assert set(declaration.data_subjects) <= subjects


def _comparable(activity: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": activity["name"],
        "role": activity["role"],
        "purposes": [
            (p["description"], p.get("legal_basis")) for p in activity.get("purposes", [])
        ],
        "data_subjects": activity.get("data_subjects", []),
        "personal_data": [
            (c["name"], c.get("special_category"), c.get("art9_condition"))
            for c in activity.get("personal_data", [])
        ],
        "recipients": sorted(
            r["name"] for r in activity.get("recipients", []) if r["type"] != "internal"
        ),
        "retention": activity.get("retention"),
        "security": activity.get("security_description"),
    }


def test_round_trip_keeps_every_value(repo: Repository, workspace: Path, tmp_path: Path) -> None:
    """Exporting the example and importing the manifest gives the same activities, field by
    field, for every field Fides can carry."""
    manifest = tmp_path / "fides.yml"
    manifest.write_text(yaml.safe_dump(export_fides(repo), allow_unicode=True), "utf-8")
    report = import_fides(workspace, manifest)
    assert not report.reported
    imported = {
        data["name"]: data
        for path in sorted((workspace / "register").glob("*.yaml"))
        if (data := yaml.safe_load(path.read_text(encoding="utf-8")))
    }
    records = [a for _, a in repo.records(ProcessingActivity)]
    originals = [a.model_dump(mode="json") for a in records]
    assert len(imported) == len(originals)
    for record, original in zip(records, originals, strict=True):
        expected = _comparable(original)
        # Fides has one flag for special data; trade-union membership has no parent of its own.
        expected["personal_data"] = [
            (n, None, None) if s == "trade-union-membership" else (n, s, c if s else None)
            for n, s, c in expected["personal_data"]
        ]
        got = _comparable(imported[original["name"]])
        kept = record.retention
        if kept is not None and kept.period is None:
            assert got["retention"] == {"until": kept.until}
        elif kept is not None and kept.period is not None:
            assert got["retention"] == {"period": kept.period.iso(), "trigger": kept.trigger}
        got["retention"] = expected["retention"] = None
        assert got == expected, original["id"]


def test_datasets_and_unused_entries_are_accounted_for(workspace: Path, tmp_path: Path) -> None:
    """A dataset a system references joins it; an unused data use is reported, not dropped."""
    manifest = tmp_path / "fides.yml"
    manifest.write_text(
        yaml.safe_dump(
            {
                "system": [
                    {
                        "fides_key": "crm",
                        "name": "CRM",
                        "system_type": "Service",
                        "dataset_references": ["crm_db"],
                        "privacy_declarations": [
                            {
                                "name": "Customer follow-up",
                                "data_use": "sales",
                                "data_categories": ["user.contact.email"],
                                "data_subjects": ["customer"],
                                "legal_basis_for_processing": "Legitimate interests",
                            }
                        ],
                    }
                ],
                "dataset": [{"fides_key": "crm_db", "collections": []}],
                "data_use": [{"fides_key": "marketing.unused", "parent_key": "marketing"}],
            }
        ),
        "utf-8",
    )
    report = import_fides(workspace, manifest)
    assert [(o.sheet, o.row, o.status) for o in report.outcomes] == [
        ("system", 1, Status.CREATED),
        ("dataset", 1, Status.JOINED),
        ("data_use", 1, Status.UNMATCHED),
    ]
    crm = yaml.safe_load((workspace / "register" / "pa-crm.yaml").read_text("utf-8"))
    assert crm["purposes"] == [
        {"description": "Customer follow-up", "legal_basis": "legitimate-interests"}
    ]
    assert crm["personal_data"] == [{"name": "email"}]
    assert crm["data_subjects"] == ["customer"]


def test_not_a_manifest(workspace: Path, tmp_path: Path) -> None:
    """A file without systems is an error naming what is missing."""
    source = tmp_path / "x.yml"
    source.write_text("dataset: []\n", "utf-8")
    with pytest.raises(ComplykitError, match="has no 'system' list"):
        import_fides(workspace, source)


def test_cli_export_and_import(workspace: Path, tmp_path: Path) -> None:
    """The commands write the manifest and import it, counting items."""
    target = tmp_path / "fides.yml"
    runner = CliRunner()
    assert runner.invoke(app, ["export", "fides", str(EXAMPLE), "-o", str(target)]).exit_code == 0
    result = runner.invoke(app, ["import", "fides", str(target), str(workspace)])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1].endswith("0 reported.")


def test_a_field_that_is_not_text_is_reported_not_dropped(workspace: Path, tmp_path: Path) -> None:
    """A system whose name is a list imports under its key, and says what it left out."""
    manifest = tmp_path / "fides.yml"
    system = {"fides_key": "crm", "name": ["CRM"], "description": {"a": 1}}
    manifest.write_text(yaml.safe_dump({"system": [system]}), "utf-8")
    [outcome] = import_fides(workspace, manifest, dry_run=True).outcomes
    assert outcome.messages == (
        "'name' is a list in the manifest, not text; left out",
        "'description' is a set of named fields in the manifest, not text; left out",
    )
    assert outcome.text is not None
    assert yaml.safe_load(outcome.text)["name"] == "crm"


def test_declarations_that_are_no_declarations_are_each_reported(
    workspace: Path, tmp_path: Path
) -> None:
    """``privacy_declarations: [marketing, 3]`` dropped both items without a word; each is a
    warning in plain words (not Python's type names), and a real declaration beside them stays."""
    manifest = tmp_path / "fides.yml"
    declaration = {"name": "Newsletter", "data_use": "marketing", "data_categories": []}
    system = {"fides_key": "crm", "privacy_declarations": ["marketing", 3, declaration]}
    manifest.write_text(yaml.safe_dump({"system": [system]}), "utf-8")
    [outcome] = import_fides(workspace, manifest, dry_run=True).outcomes
    assert outcome.messages[:2] == (
        (
            "privacy declaration 1 is a text in the manifest, not a declaration with its "
            "fields; left out"
        ),
        (
            "privacy declaration 2 is a number in the manifest, not a declaration with its "
            "fields; left out"
        ),
    )
    assert outcome.text is not None
    assert len(yaml.safe_load(outcome.text)["purposes"]) == 1


def test_permanent_retention_goes_to_fides_and_back(workspace: Path, tmp_path: Path) -> None:
    """Data kept for good is 'permanent' in Fides's free-text retention, and comes back as
    permanent retention (its law, which Fides has no field for, is asked again by GDPR042)."""
    (workspace / "register").mkdir(exist_ok=True)
    (workspace / "register" / "pa-brp.yaml").write_text(
        "kind: processing-activity\nid: pa-brp\nname: BRP\nrole: controller\n"
        "purposes: [{description: Bijhouden van de BRP, legal_basis: legal-obligation,"
        " legal_provision: Wet BRP}]\ndata_subjects: [Ingezetenen]\n"
        "personal_data: [{name: Naam}]\nno_recipients: Alleen de gemeente.\n"
        "retention: {permanent: true, legal_provision: Archiefwet 1995 art. 3}\n",
        encoding="utf-8",
    )
    opened, errors = open_repository(workspace, date(2026, 12, 7))
    assert errors == 0
    exported = export_fides(opened)
    manifest = tmp_path / "fides.yml"
    manifest.write_text(yaml.safe_dump(exported, allow_unicode=True), "utf-8")
    (declaration,) = exported["system"][0]["privacy_declarations"]
    assert declaration["retention_period"] == "permanent"
    other = tmp_path / "other"
    other.mkdir()
    (other / "complykit.yaml").write_text((workspace / "complykit.yaml").read_text("utf-8"))
    import_fides(other, manifest)
    (imported,) = (other / "register").iterdir()
    assert yaml.safe_load(imported.read_text("utf-8"))["retention"] == {"permanent": True}
