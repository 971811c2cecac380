"""The benchmark generator writes valid workspaces whose references all resolve."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pydantic import BaseModel

from complykit.catalog.load import load_catalogs
from complykit.load.discover import record_files, relative
from complykit.load.yaml_file import parse_yaml
from complykit.model.config import WorkspaceConfig
from complykit.model.soa import StatementOfApplicability
from complykit.model.types import RefTo
from complykit.model.validate import to_record
from complykit.validate.engine import run

if TYPE_CHECKING:
    from types import ModuleType

    from complykit.model.base import Record

GENERATOR_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
ENTITIES = 60
AS_OF = date(2026, 11, 23)


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATOR_PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


def _load_workspace(root: Path) -> tuple[WorkspaceConfig, list[Record], int]:
    """The validated config, every validated record, and the number of record files."""
    config_file = root / "complykit.yaml"
    parsed_config = parse_yaml(relative(root, config_file), config_file.read_bytes())
    assert not parsed_config.findings
    config = WorkspaceConfig.model_validate(parsed_config.documents[0].data)
    records: list[Record] = []
    files = record_files(root)
    for path in files:
        parsed = parse_yaml(relative(root, path), path.read_bytes())
        assert not parsed.findings, parsed.findings
        for document in parsed.documents:
            record, findings = to_record(parsed.path, document)
            assert not findings, findings
            assert record is not None
            records.append(record)
    return config, records, len(files)


def _ref_kinds(annotation: Any) -> tuple[str, ...] | None:
    """The kinds a field's annotation refers to, found at any depth; None if not a reference."""
    for extra in getattr(annotation, "__metadata__", ()):
        if isinstance(extra, RefTo):
            return extra.kinds
    for argument in getattr(annotation, "__args__", ()):
        kinds = _ref_kinds(argument)
        if kinds is not None:
            return kinds
    return None


def _references(model: BaseModel) -> list[tuple[str, tuple[str, ...]]]:
    """Every (id, allowed kinds) reference held by ``model`` and its sub-models."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        kinds = _ref_kinds(info.annotation)
        values = value if isinstance(value, list) else [value]
        if kinds is not None:
            found.extend((v, kinds) for v in values if isinstance(v, str))
            continue
        for item in values:
            if isinstance(item, BaseModel):
                found.extend(_references(item))
    return found


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    root = tmp_path_factory.mktemp("workspace")
    summary = generator.generate(root, ENTITIES, seed=3, defects=0)
    return root, summary


def test_every_document_validates(workspace: tuple[Path, Any]) -> None:
    """Every generated document validates against the config and record models."""
    root, summary = workspace
    _, records, files = _load_workspace(root)
    assert len(records) == ENTITIES
    assert files + 1 == summary.files
    assert sorted(r.id for r in records) == sorted(i for ids in summary.ids.values() for i in ids)


def test_every_kind_is_generated(workspace: tuple[Path, Any]) -> None:
    """A workspace of sixty records holds every record kind, SoAs included."""
    root, _ = workspace
    _, records, _ = _load_workspace(root)
    assert {r.kind for r in records} == set(generator.KINDS)


def test_each_soa_lists_every_control_of_its_framework(workspace: tuple[Path, Any]) -> None:
    """Each Statement of Applicability has one entry per control of its framework's catalog."""
    root, _ = workspace
    _, records, _ = _load_workspace(root)
    soas = [r for r in records if isinstance(r, StatementOfApplicability)]
    catalogs = load_catalogs([])
    assert {s.framework for s in soas} == {"iso27001-2022", "iso27701-2019"}
    for soa in soas:
        catalog = catalogs.framework(soa.framework)
        assert catalog is not None
        assert [e.control for e in soa.entries] == [c.id for c in catalog.controls]


def test_a_clean_workspace_has_no_findings(workspace: tuple[Path, Any]) -> None:
    """Without defects, validation finds nothing at all on the generated workspace."""
    root, _ = workspace
    assert run(root, as_of=AS_OF).findings == ()


def test_a_clean_workspace_with_risks_accepted_within_the_appetite_has_no_findings(
    tmp_path: Path,
) -> None:
    """Large enough to hold risks accepted within the appetite, which need a recorded
    acceptance too (RSK005); the benchmark's defect rate counts only deliberate defects."""
    generator.generate(tmp_path, 600, seed=11, defects=0)
    risks = [p.read_text(encoding="utf-8") for p in (tmp_path / "risks").rglob("*.yaml")]
    assert any("within_appetite: true" in text for text in risks)
    assert run(tmp_path, as_of=AS_OF).findings == ()


def test_defects_make_rules_fire(tmp_path: Path) -> None:
    """With defects, about that share of records yields findings from several rule families."""
    generator.generate(tmp_path, 400, seed=7, defects=0.1)
    findings = run(tmp_path, as_of=AS_OF).findings
    families = {f.code.rstrip("0123456789") for f in findings}
    assert 20 <= len(findings) <= 120
    assert {"SCH", "REF", "YAML"} <= families
    assert len(families) >= 5


def test_references_resolve_to_the_right_kind(workspace: tuple[Path, Any]) -> None:
    """Every reference names a person in complykit.yaml or a generated record of an allowed kind."""
    root, _ = workspace
    config, records, _ = _load_workspace(root)
    people = {p.id for p in config.people}
    kind_of = {r.id: r.kind for r in records}
    references = [ref for record in records for ref in _references(record)]
    assert len(references) > ENTITIES
    for target, kinds in references:
        if kinds == ("person",):
            assert target in people, target
        else:
            assert target in kind_of, target
            assert not kinds or kind_of[target] in kinds, (target, kinds)


def test_some_files_hold_several_documents(workspace: tuple[Path, Any]) -> None:
    """At least one generated file is a multi-document YAML file."""
    root, _ = workspace
    assert any("\n---\n" in p.read_text(encoding="utf-8") for p in record_files(root))


def test_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    """Two runs with the same seed write byte-identical workspaces."""
    first, second = tmp_path / "first", tmp_path / "second"
    generator.generate(first, 40, seed=11)
    generator.generate(second, 40, seed=11)
    contents = [
        {p.relative_to(root): p.read_bytes() for p in root.rglob("*.yaml")}
        for root in (first, second)
    ]
    assert contents[0] == contents[1]


def test_files_joined_hold_the_same_records(tmp_path: Path) -> None:
    """``per_file`` writes the same documents in fewer files, folder by folder, and leaves
    the SoAs one per framework."""
    alone, joined = tmp_path / "alone", tmp_path / "joined"
    generator.generate(alone, 120, seed=5)
    generator.generate(joined, 120, seed=5, per_file=4)
    documents = []
    for root in (alone, joined):
        parsed = [parse_yaml(relative(root, p), p.read_bytes()) for p in record_files(root)]
        documents.append(sorted(repr(d.data) for f in parsed for d in f.documents))
    assert documents[0] == documents[1]
    files = [{p.relative_to(root).parent for p in record_files(root)} for root in (alone, joined)]
    assert files[0] == files[1]
    assert len(record_files(joined)) * 2 < len(record_files(alone))
    soas = [sorted(p.name for p in (root / "soa").glob("*.yaml")) for root in (alone, joined)]
    assert soas[0] == soas[1]


def test_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    """The generator refuses to write into a folder that already holds files."""
    mine = tmp_path / "notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit, match="not empty"):
        generator.generate(tmp_path, 10, seed=0)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    assert mine.read_text(encoding="utf-8") == "keep me"


def test_force_writes_into_a_non_empty_folder(tmp_path: Path) -> None:
    """With force the generator writes beside files already in the folder."""
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    generator.generate(tmp_path, 10, seed=0, force=True)
    assert (tmp_path / "complykit.yaml").is_file()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_the_skewed_shape_is_clean_without_defects(tmp_path: Path) -> None:
    """The second shape (hubs, long lists and texts, long id prefixes, many records to a file)
    is a valid workspace: without defects, validation finds nothing."""
    summary = generator.generate(tmp_path, 600, seed=5, defects=0, shape="skewed")
    _, records, _ = _load_workspace(tmp_path)
    assert len(records) == 600 == sum(map(len, summary.ids.values()))
    assert run(tmp_path, as_of=AS_OF).findings == ()


def test_the_skewed_shape_has_hubs_long_lists_and_waived_defects(tmp_path: Path) -> None:
    """Most activities name the same few processors, some records list 40 controls, and the
    defects come with waivers that set their findings aside."""
    generator.generate(tmp_path, 2000, seed=5, shape="skewed")
    result = run(tmp_path, as_of=AS_OF)
    codes = {f.code for f in result.findings}
    assert "REF001" in codes
    assert result.waived
    hub = "sup-procurement-framework-agreement-00001"
    naming = sum(hub in p.read_text("utf-8") for p in (tmp_path / "register").rglob("*.yaml"))
    assert naming > 100
    assert any(
        len(line.split(",")) >= 40
        for p in (tmp_path / "risks").glob("*.yaml")
        for line in p.read_text("utf-8").splitlines()
        if line.startswith("measures:")
    )
