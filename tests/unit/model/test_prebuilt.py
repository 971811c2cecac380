"""Validators compiled from prebuilt.json validate exactly as the models' own validators do."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from complykit.catalog import bundled_dir
from complykit.catalog.load import catalog_files, model_for
from complykit.model import prebuilt
from complykit.model.config import WorkspaceConfig
from complykit.model.docstrings import read_docstrings
from complykit.model.duration import Duration
from complykit.model.prebuilt import PREBUILT, instance, validate_json, validate_python
from complykit.model.records import RECORD_MODELS
from complykit.validate.prebuild import render, roots, same
from conftest import REPO
from record_documents import record_documents, variants

EXAMPLE = REPO / "examples" / "tulip-health"


def _outcome(validate: Any, data: Any) -> Any:
    try:
        return validate(data)
    except ValidationError as error:
        # An exception in the context compares by identity: compare its type and text.
        return [
            {**e, "ctx": {k: (type(v), str(v)) for k, v in e.get("ctx", {}).items()}}
            for e in error.errors(include_url=False)
        ]


def test_the_committed_file_is_fresh() -> None:
    """model/prebuilt.json is what `python -m complykit.validate.prebuild` writes today."""
    stale = "stale: run `python -m complykit.validate.prebuild` and commit model/prebuilt.json"
    assert PREBUILT.read_text(encoding="utf-8") == render(roots()), stale


def test_every_root_has_a_prebuilt_validator() -> None:
    assert all(prebuilt._usable(model) is not None for model in roots())


@pytest.mark.parametrize("setting", [None, "", "logfire"])
def test_plugins_the_user_turned_on_see_pydantic_s_own_validators(
    monkeypatch: pytest.MonkeyPatch, setting: str | None
) -> None:
    if setting is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", setting)
    assert prebuilt._usable(RECORD_MODELS["task"]) is None


def test_records_validate_as_with_the_models_own_validators() -> None:
    """The same record, or the same errors (type, place, message, input), for every document
    of the example and of the rule cases, and for broken copies of each."""
    compared = broken = 0
    for path, document in record_documents():
        model = RECORD_MODELS[document["kind"]]
        for data in variants(document):
            mine = _outcome(lambda d, m=model: validate_python(m, d), data)
            theirs = _outcome(model.model_validate, data)
            assert mine == theirs, path
            assert type(mine) is type(theirs)
            compared += 1
            broken += isinstance(mine, list)
    assert compared > 10_000
    assert broken > 10_000


def test_catalogs_and_configuration_validate_as_with_their_own_validators() -> None:
    for path in catalog_files(bundled_dir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        model = model_for(data)
        assert validate_python(model, data) == model.model_validate(data)
    config = yaml.safe_load((EXAMPLE / "complykit.yaml").read_text(encoding="utf-8"))
    assert validate_python(WorkspaceConfig, config) == WorkspaceConfig.model_validate(config)
    broken = {**config, "organisation": {"name": 3}}
    assert _outcome(lambda d: validate_python(WorkspaceConfig, d), broken) == _outcome(
        WorkspaceConfig.model_validate, broken
    )


def test_instances_made_at_import_equal_the_models_own() -> None:
    assert instance(Duration, hours=72) == Duration(hours=72)
    with pytest.raises(ValidationError, match="longer than zero"):
        instance(Duration)


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"",
        b"{not json",
        b"[]",
        b'{"format": 99, "pydantic_core": "0", "models": {}}',
        b'{"format": 1, "pydantic_core": "0.0.0", "models": {}}',
    ],
)
def test_without_a_usable_file_the_models_validate_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None
) -> None:
    """A missing, unreadable or foreign file, or one from another pydantic-core, is not used:
    the model's own validator gives the same result, only later."""
    target = tmp_path / "prebuilt.json"
    if content is not None:
        target.write_bytes(content)
    monkeypatch.setattr(prebuilt, "PREBUILT", target)
    _forget()
    supplier = RECORD_MODELS["supplier"]
    assert prebuilt._validator(supplier) is None
    data = {"kind": "supplier", "id": "sup-x", "name": "X", "services": "hosting"}
    assert _outcome(lambda d: validate_python(supplier, d), data) == _outcome(
        supplier.model_validate, data
    )


def test_a_schema_naming_what_no_longer_exists_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry naming a function that was renamed falls back instead of failing the run."""
    text = PREBUILT.read_text(encoding="utf-8").replace(
        "complykit.model.duration:Duration._not_zero", "complykit.model.duration:Duration._gone"
    )
    target = tmp_path / "prebuilt.json"
    target.write_text(text, encoding="utf-8")
    monkeypatch.setattr(prebuilt, "PREBUILT", target)
    _forget()
    assert prebuilt._validator(Duration) is None
    assert validate_json(Duration, '{"days": 3}') == Duration(days=3)


def test_a_schema_pydantic_core_refuses_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry pydantic-core cannot compile (a hand edit, a corrupted file) falls back."""
    original = PREBUILT.read_text(encoding="utf-8")
    text = original.replace('\\"type\\":\\"model\\"', '\\"type\\":\\"modle\\"')
    assert text != original
    target = tmp_path / "prebuilt.json"
    target.write_text(text, encoding="utf-8")
    monkeypatch.setattr(prebuilt, "PREBUILT", target)
    _forget()
    assert prebuilt._validator(Duration) is None
    assert validate_python(Duration, {"hours": 1}) == Duration(hours=1)


def _forget() -> None:
    """Read the file again (the fixture below clears the caches after the test too)."""
    prebuilt._document.cache_clear()
    prebuilt._entries.cache_clear()
    prebuilt._validator.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_caches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Plugins off, as the command line sets them; the file read again after each test."""
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    yield
    prebuilt._document.cache_clear()
    prebuilt._entries.cache_clear()
    prebuilt._validator.cache_clear()


def test_docstrings_read_ahead_are_those_of_the_source() -> None:
    """Every model module's field docstrings come from prebuilt.json, and equal a fresh read."""
    for module in json.loads(PREBUILT.read_text(encoding="utf-8"))["docstrings"]:
        source = Path(sys.modules[module].__file__ or "").read_bytes()
        assert prebuilt.docstrings(module, source) == read_docstrings(module), module


def test_an_edited_source_is_read_again() -> None:
    """Docstrings read ahead are not used for a source that changed since (not even by a byte):
    the descriptions in the JSON Schemas follow the code, not a stale file."""
    source = Path(sys.modules["complykit.model.task"].__file__ or "").read_bytes()
    assert prebuilt.docstrings("complykit.model.task", source) is not None
    assert prebuilt.docstrings("complykit.model.task", source + b"\n") is None
    assert prebuilt.docstrings("complykit.model.unknown", source) is None


def test_same_tells_types_and_objects_apart() -> None:
    assert same({"a": [1, (2,)]}, {"a": [1, (2,)]})
    assert not same([1], [True])
    assert not same((1,), [1])
    assert not same(object(), object())


PROBE = """
import os, sys
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"  # as the command line sets it
from datetime import date
from pathlib import Path
from complykit.validate.validation import validate
result = validate(Path(sys.argv[1]), as_of=date(2026, 11, 23), use_cache=False)
from pydantic import BaseModel
def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)
built = sorted(
    f"{c.__module__}.{c.__qualname__}" for c in subclasses(BaseModel)
    if c.__module__.startswith("complykit.") and c.__pydantic_complete__
)
print(result.exit_code, "BUILT:" + ",".join(built))
"""


def test_validating_the_example_builds_no_model() -> None:
    """A cold validation of the example (every record kind) compiles validators from
    prebuilt.json: pydantic generates no model's schema, which took most of its start-up."""
    command = [sys.executable, "-c", PROBE, str(EXAMPLE)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.split() == ["0", "BUILT:"]
