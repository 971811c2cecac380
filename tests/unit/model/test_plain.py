"""Records declared without pydantic (``model.plain``) give the verdicts pydantic's models give.

The command line's validate path declares its model classes on ``PlainModel``; every other
command, the library and the other tests use pydantic's models. Here both run the same batch in
a child process each (the same hash seed, so that hashes compare too): every rule case, the
example, and every record document of both with broken copies of it (over 10,000), and the
findings (code, place, severity, message, hint, citation, record) and the records themselves
(their ``repr``: class, every field and value, nested parts) must be the same.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from complykit.model import plain
from complykit.model.duration import Duration
from complykit.model.prebuilt import instance
from complykit.model.records import RECORD_MODELS
from conftest import BASE_CONFIG, CASES, EXAMPLE, REPO, copy_case
from record_documents import record_documents, variants

VERDICTS = REPO / "tests" / "tools" / "verdicts.py"
AS_OF = "2026-11-23"  # as tests/test_cases.py judges a case that names no day


def _workspaces(tmp_path: Path) -> list[list[str]]:
    cases = sorted(p.parent for p in CASES.glob("*/*/expected.yaml"))
    batch = []
    for number, case in enumerate([*cases, EXAMPLE]):
        target = copy_case(case, tmp_path / f"{number:04d}-{case.name}")
        expected = case / "expected.yaml"
        spec = yaml.safe_load(expected.read_text(encoding="utf-8")) if expected.exists() else {}
        batch.append([str(target), str(spec.get("as_of", AS_OF))])
    return [
        *batch,
        *_broken_configurations(tmp_path / "configurations"),
        _broken_catalog(tmp_path / "catalog"),
    ]


def _broken_configurations(folder: Path) -> list[list[str]]:
    """Workspaces of one supplier whose complykit.yaml is the example's, or a broken copy of
    it (the configuration is validated, and its errors hinted, apart from the records)."""
    config = yaml.safe_load((EXAMPLE / "complykit.yaml").read_text(encoding="utf-8"))
    organisation = config["organisation"]
    broken = [*variants(config), {**config, "organisation": {**organisation, "nmae": "X"}}]
    batch = []
    for number, data in enumerate(broken):
        target = folder / f"{number:03d}"
        target.mkdir(parents=True)
        (target / "complykit.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
        shutil.copy(EXAMPLE / "suppliers" / "sup-aws.yaml", target / "supplier.yaml")
        batch.append([str(target), AS_OF])
    return batch


BROKEN_CATALOG = """\
schema_version: 1
framework: {id: acme-x, name: ACME X, edition: "1", publisher: ACME, published: "2026",
  sources: [internal], licence: internal, soa: false, colour: blue}
items:
  - {id: R-1, kind: article, titel: Keep a register}
"""


def _broken_catalog(folder: Path) -> list[str]:
    """A workspace catalog with unknown keys: its hints read the catalog models' fields."""
    (folder / "catalogs").mkdir(parents=True)
    (folder / "catalogs" / "acme.yaml").write_text(BROKEN_CATALOG, encoding="utf-8")
    shutil.copy(BASE_CONFIG, folder / "complykit.yaml")
    return [str(folder), AS_OF]


def _documents() -> list[list[str]]:
    return [
        [path.name, yaml.safe_dump(data, sort_keys=False, allow_unicode=True)]
        for path, document in record_documents()
        for data in variants(document)
    ]


def _run(batch: dict[str, Any], *flags: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONHASHSEED": "0", "PYDANTIC_DISABLE_PLUGINS": "__all__"}
    child = subprocess.Popen(  # noqa: S603 - our own script
        [sys.executable, str(VERDICTS), *flags],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert child.stdin is not None
    child.stdin.write(json.dumps(batch))
    child.stdin.close()
    return child


def _result(child: subprocess.Popen[str]) -> dict[str, Any]:
    assert child.stdout is not None
    with child.stdout:
        output = child.stdout.read()
    assert child.wait() == 0
    loaded: dict[str, Any] = json.loads(output)
    return loaded


def test_plain_records_give_the_verdicts_of_pydantic_s_models(tmp_path: Path) -> None:
    batch = {"workspaces": _workspaces(tmp_path), "documents": _documents()}
    assert len(batch["documents"]) > 10_000
    # Compacted after two records, the plain process judges each case on records as
    # pydantic-core made them and on compact copies (``plain.slotted``) side by side.
    plain_child, pydantic_child = _run(batch, "--plain", "--compact-after", "2"), _run(batch)
    plain_result, pydantic_result = _result(plain_child), _result(pydantic_child)
    assert plain_result.pop("pydantic_imported") == []  # pydantic-core alone, not pydantic
    assert "pydantic.main" in pydantic_result.pop("pydantic_imported")
    assert {"ProcessingActivity", "Supplier", "Purpose"} <= set(plain_result["compact_classes"])
    assert pydantic_result["compact_classes"] == []
    for mine, theirs, (root, _) in zip(
        plain_result["workspaces"], pydantic_result["workspaces"], batch["workspaces"], strict=True
    ):
        assert mine == theirs, root
    broken = 0
    for mine, theirs, (name, text) in zip(
        plain_result["documents"], pydantic_result["documents"], batch["documents"], strict=True
    ):
        assert mine == theirs, (name, text)
        broken += bool(mine[1])
    assert broken > 10_000
    findings = sum(len(found) for found in plain_result["workspaces"])
    assert findings > 300  # the cases fire every rule


EDITS = [
    ("suppliers/sup-aws.yaml", "description: >-\n", "description: >-\n  Revised.\n"),
    ("register/pa-client-records.yaml", "processors: [sup-aws,", "processors: [sup-awz,"),
    ("suppliers/sup-aws.yaml", "name: Amazon", "nmae: Amazon"),
]


def _edits(folder: Path) -> list[list[str]]:
    """Copies of the example, each edited once between two runs with the cache."""
    batch = []
    for number, (name, old, new) in enumerate(EDITS):
        target = folder / f"{number}"
        shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".complykit-cache"))
        assert old in (target / name).read_text(encoding="utf-8")
        batch.append([str(target), AS_OF, name, old, new])
    return batch


def test_plain_records_give_the_verdicts_of_pydantic_s_models_through_the_cache(
    tmp_path: Path,
) -> None:
    """A first run, one file edited (a value, a broken reference, an unknown field), and an
    unchanged run: the cache restores records and reuses findings, in both processes alike."""
    plain_batch = {"workspaces": [], "documents": [], "edits": _edits(tmp_path / "a")}
    pydantic_batch = {"workspaces": [], "documents": [], "edits": _edits(tmp_path / "b")}
    plain_child, pydantic_child = _run(plain_batch, "--plain"), _run(pydantic_batch)
    mine, theirs = _result(plain_child)["edits"], _result(pydantic_child)["edits"]
    assert mine == theirs  # paths in findings are relative to each workspace
    assert len(mine) == len(EDITS)
    assert "REF001" in {finding[3] for finding in mine[1][1]}  # the broken reference
    assert "SCH003" in {finding[3] for finding in mine[2][1]}  # the unknown field
    assert all(runs[1] == runs[2] for runs in mine)  # the unchanged run, from the cache


def test_a_process_that_imported_a_model_keeps_pydantic_s() -> None:
    """Asked too late (a model module is imported, as in this process), nothing changes."""
    assert RECORD_MODELS  # imported above
    assert plain.use_plain_records() is False
    assert plain.PLAIN is False


def test_plain_records_are_refused_where_prebuilt_validators_are_not_used() -> None:
    """With pydantic plugins on, validations must go through pydantic's validators."""
    environment = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": ""}
    code = "from complykit.model.plain import use_plain_records; print(use_plain_records())"
    shown = subprocess.run(  # noqa: S603 - a fixed command from the test
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "False"


def _in_plain_process(code: str) -> subprocess.CompletedProcess[str]:
    prologue = (
        "from complykit.model.plain import use_plain_records; assert use_plain_records()\n"
        "from complykit.model.duration import Duration\n"
        "from complykit.model.supplier import Supplier\n"
        "assert Supplier.__mro__[-2].__name__ == 'PlainModel'\n"
    )
    environment = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"}
    command = [sys.executable, "-c", prologue + code]
    return subprocess.run(  # noqa: S603 - a fixed command from the test
        command, env=environment, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("statement", ["record.name = 'other'", "del record.name"])
def test_plain_records_are_frozen(statement: str) -> None:
    given = "kind='supplier', id='sup-x', name='X', services=['hosting'], role='processor'"
    failed = _in_plain_process(
        f"record, twin = Supplier({given}, country='NL'), Supplier({given}, country='NL')\n"
        "assert record == twin and record is not twin\n"
        "assert record.model_fields_set == {'kind', 'id', 'name', 'services', 'role', 'country'}\n"
        f"{statement}\n"
    )
    assert failed.returncode == 1, failed.stderr
    assert "TypeError: Supplier is frozen" in failed.stderr


def test_plain_records_hash_and_print_as_pydantic_s(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record of immutable values hashes by them (equal parts are shared in sets and dicts)
    and prints as pydantic prints it."""
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    mine = _in_plain_process("d = Duration(hours=72); print(hash(d)); print(repr(d)); print(d)")
    theirs = instance(Duration, hours=72)  # through the same prebuilt validator
    assert mine.stdout.splitlines() == [str(hash(theirs)), repr(theirs), str(theirs)]


def test_a_compact_copy_keeps_its_fields_in_slots_and_behaves_as_the_record() -> None:
    """A processing activity has more fields than CPython shares one dict layout for: its
    compact copy holds them in slots, and is the record in every way the rules can tell."""
    shown = _in_plain_process(
        "import yaml\n"
        "from complykit.model import plain\n"
        "from complykit.model.compact import compacted\n"
        "from complykit.model.processing import ProcessingActivity\n"
        "from complykit.model.prebuilt import validate_python\n"
        f"data = yaml.safe_load(open({str(EXAMPLE / 'register' / 'pa-client-records.yaml')!r}))\n"
        "record = validate_python(ProcessingActivity, data)\n"
        "copy = compacted(record)\n"
        "assert len(ProcessingActivity.model_fields) > 29\n"
        "assert type(copy) in plain.SLOTTED and type(record) is ProcessingActivity\n"
        "assert isinstance(copy, ProcessingActivity)\n"
        "assert plain.model_class(copy) is ProcessingActivity\n"
        "assert copy == record and record == copy\n"
        "assert hash(copy.retention) == hash(record.retention)\n"
        "assert repr(copy) == repr(record) and str(copy) == str(record)\n"
        "assert list(copy) == list(record) and copy.model_fields_set == record.model_fields_set\n"
        "assert type(copy).model_fields == ProcessingActivity.model_fields\n"
        "assert not vars(copy)  # no value in an instance dict\n"
        "assert compacted(copy) is copy and copy.purposes[0] == record.purposes[0]\n"
        "assert type(copy.purposes[0]) in plain.SLOTTED\n"
        "print('checked')\n"
        "copy.name = 'other'\n"
    )
    assert shown.stdout.strip() == "checked", shown.stderr
    assert "TypeError: ProcessingActivity is frozen" in shown.stderr


def test_what_a_cached_property_stores_is_not_part_of_a_plain_record() -> None:
    """A catalog keeps its index by id in the instance dict (``cached_property``): as with
    pydantic's models, equality and printing see the fields only."""
    shown = _in_plain_process(
        "from complykit.catalog.load import load_catalogs\n"
        "from complykit.catalog.models import Catalog\n"
        "catalog = load_catalogs().framework('iso27001-2022')\n"
        "twin = Catalog(**{name: getattr(catalog, name) for name in Catalog.model_fields})\n"
        "assert catalog.by_id and 'by_id' in catalog.__dict__ and 'by_id' not in twin.__dict__\n"
        "assert catalog == twin and twin == catalog\n"
        "assert 'by_id' not in repr(catalog) and 'by_id' not in str(catalog)\n"
        "print('checked')\n"
    )
    assert shown.stdout.strip() == "checked", shown.stderr
