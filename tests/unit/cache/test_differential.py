"""Differential test of the cache: after any sequence of edits, cached equals ``--no-cache``.

The cache answers a run in three ways: a whole stored result, a result rebuilt from findings
kept for checks and records a change cannot reach (``validate.reuse``), and, in the CLI, the
text an earlier run wrote, replayed (``cli/cached.py``). Each is a place where a verdict could
differ from the truth without anyone noticing. Here random edit sequences of the kinds users
make (and attackers try) are played on a generated workspace with defects; after every step
the cached library run must equal a fresh one in every finding and in its text, json and sarif
renderings, and at the end the real CLI, cached (twice, so the second replays) and not, must
write the same bytes with the same exit code in all three formats.

Set ``COMPLYKIT_FUZZ_EXAMPLES`` (say 300) for a long campaign; the default keeps it to seconds.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complykit.cache.store import CACHE_DIRNAME
from complykit.cli.result_output import rendered
from complykit.core.frozen import astuple
from complykit.core.result import Result
from complykit.load.names import MAX_FOLDER_DEPTH
from complykit.validate.validation import validate
from conftest import CASES, EXAMPLE
from edits import same_size_edit
from example_copies import generated_workspace

AS_OF = date(2026, 11, 23)
OWN_CATALOG = CASES / "SCH007" / "pass-own-catalog" / "catalogs" / "acme-baseline.yaml"
FORMATS = ("text", "json", "sarif")
EXAMPLES = int(os.environ.get("COMPLYKIT_FUZZ_EXAMPLES", "4"))
LONG = EXAMPLES > 4

ID_LINE = re.compile(r"^id: (\S+)$", re.MULTILINE)
KIND_LINE = re.compile(r"^kind: (\S+)$", re.MULTILINE)
REFERENCE = re.compile(r"\b(?:sup|pa|ai|risk|dpia|ctl|inc|task|soa)-[a-z0-9-]+\b")
DAY = re.compile(r"\b20[23]\d-\d\d-\d\d\b")
KINDS = ("supplier", "processing-activity", "risk", "task", "ai-system", "control", "incident")
Edit = tuple[str, int, int]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated workspace of every kind, with defects so that rules fire."""
    target = tmp_path_factory.mktemp("generated") / "ws"
    return generated_workspace(target, 60, 0.25)


def _records(workspace: Path) -> list[Path]:
    return sorted(
        p
        for p in workspace.rglob("*.yaml")
        if p.name != "complykit.yaml" and CACHE_DIRNAME not in p.parts and not p.is_symlink()
    )


def _people(workspace: Path) -> list[str]:
    config = (workspace / "complykit.yaml").read_text(encoding="utf-8")
    people = config.partition("\npeople:")[2]
    return re.findall(r"^  - id: (\S+)$", people, re.MULTILINE)


def _retarget(text: str, other: int, ids: list[str]) -> str:
    """Point a reference at another record, or at none."""
    if not (named := REFERENCE.findall(text.split("\n", 2)[-1])):
        return text
    old = named[other % len(named)]
    return text.replace(old, ids[other % len(ids)] if other % 3 else f"{old}x", 1)


RECORD_EDITS: dict[str, Callable[[str, int, list[str]], str]] = {
    "retarget": _retarget,
    "rename": lambda t, o, _: ID_LINE.sub(lambda m: f"id: {m.group(1)}-{o % 3}", t, count=1),
    "break": lambda t, _o, _i: t.replace("\nowner:", "\nonwer:", 1),
    "unparsable": lambda t, _o, _i: f"{t}\n  broken: [unclosed\n",
    "date": lambda t, o, _: DAY.sub("2026-01-31", t, count=1 + o % 3),
    "kind": lambda t, o, _: KIND_LINE.sub(f"kind: {KINDS[o % len(KINDS)]}", t, count=1),
    "restore": lambda t, _o, _i: t,  # the original text, given for it
}
"""Edits within one record file: the text after the edit."""


def _same_size(path: Path) -> None:
    """Change one digit of a date without changing the file's size or modification time."""
    text = path.read_text(encoding="utf-8")
    if found := DAY.search(text):
        day = found.group()
        changed = day[:3] + ("1" if day[3] != "1" else "2") + day[4:]
        same_size_edit(path, day, changed)


def _add_waiver(workspace: Path, fresh: Result, other: int) -> None:
    """Waive one finding of the last run (or a code nothing fires, for a stale waiver)."""
    people = _people(workspace)
    if not people:
        return
    judged = [f for f in fresh.findings if not f.code.startswith(("YAML", "SCH"))]
    finding = judged[other % len(judged)] if judged and other % 4 else None
    code = finding.code if finding else "SUP007"
    where = (
        f"records: [{finding.record}]"
        if finding and finding.record
        else f"paths: [{finding.path.as_posix() if finding else 'nowhere/*.yaml'}]"
    )
    expires = "2027-06-30" if other % 5 else "2026-11-01"  # now and then already expired
    (workspace / f"waiver-{other % 3}.yaml").write_text(
        f"kind: waiver\nid: wv-fuzz-{other % 3}\ncode: {code}\n{where}\n"
        f"reason: Accepted while the fuzzer looks.\nowner: {people[0]}\nexpires: {expires}\n",
        encoding="utf-8",
    )


def _edit_config(workspace: Path, other: int) -> None:
    """Drop a framework or a person, exclude a folder, or change the headcount."""
    path = workspace / "complykit.yaml"
    text = path.read_text(encoding="utf-8")
    choice = other % 4
    if choice == 0 and (listed := re.search(r"^frameworks: \[([^\]]*)\]$", text, re.MULTILINE)):
        kept = [f.strip() for f in listed.group(1).split(",")][1:]
        text = text.replace(listed.group(0), f"frameworks: [{', '.join(kept)}]", 1)
    elif choice == 1 and (people := _people(workspace)):
        victim = people[other % len(people)]
        text = re.sub(rf"^  - id: {victim}\n(?:    .*\n)*", "", text, count=1, flags=re.MULTILINE)
    elif choice == 2:
        folders = sorted({p.parent.name for p in _records(workspace)} - {workspace.name})
        if folders and "\npaths:" not in text:
            text += f"\npaths:\n  exclude: ['{folders[other % len(folders)]}/**']\n"
    else:
        text = re.sub(r"headcount: \d+", f"headcount: {[12, 249, 250, 900][other % 4]}", text)
    path.write_text(text, encoding="utf-8")


@dataclass
class Playing:
    """The workspace being edited, its files as they were, and the last fresh result."""

    workspace: Path
    originals: dict[Path, str]
    fresh: Result


def _copy(play: Playing, path: Path, other: int) -> None:
    """A second record with the same id, as when a file is split in two."""
    text = path.read_text(encoding="utf-8") if path.exists() else play.originals[path]
    path.with_name(f"copy-{other % 4}-{path.name}").write_text(text, encoding="utf-8")


def _move(play: Playing, path: Path, other: int) -> None:
    if path.exists():
        path.rename(sorted(play.originals)[other % len(play.originals)].parent / f"m-{path.name}")


def _swap(play: Playing, path: Path, other: int) -> None:
    partner = sorted(play.originals)[other % len(play.originals)]
    if path.exists() and partner.exists():
        mine, theirs = path.read_text(encoding="utf-8"), partner.read_text(encoding="utf-8")
        partner.write_text(mine, encoding="utf-8")
        path.write_text(theirs, encoding="utf-8")


def _link(play: Playing, path: Path, other: int) -> None:
    """A second name for the same record."""
    if path.exists():
        link = path.with_name(f"link-{other % 2}-{path.name}")
        link.unlink(missing_ok=True)
        link.symlink_to(path.name)


def _link_folder(play: Playing, path: Path, other: int) -> None:
    """A linked folder, which discovery does not follow and reports."""
    link = play.workspace / f"linked-{other % 2}"
    if not link.is_symlink():
        link.symlink_to(path.parent, target_is_directory=True)


WORKSPACE_EDITS: dict[str, Callable[[Playing, Path, int], None]] = {
    "delete": lambda _p, path, _o: path.unlink(missing_ok=True),
    "copy": _copy,
    "move": _move,
    "swap": _swap,
    "same-size": lambda _p, path, _o: _same_size(path) if path.exists() else None,
    "waiver": lambda play, _path, other: _add_waiver(play.workspace, play.fresh, other),
    "config": lambda play, _path, other: _edit_config(play.workspace, other),
    "symlink": _link,
    "folder-link": _link_folder,
}
EDITS = (*RECORD_EDITS, *WORKSPACE_EDITS)


def _apply(play: Playing, edit: Edit) -> None:
    """One edit of the workspace, as a user or an attacker would make it."""
    action, which, other = edit
    files = sorted(play.originals)
    path = files[which % len(files)]
    if action in WORKSPACE_EDITS:
        WORKSPACE_EDITS[action](play, path, other)
        return
    ids = sorted({m for text in play.originals.values() for m in ID_LINE.findall(text)})
    original = play.originals[path]
    text = path.read_text(encoding="utf-8") if path.exists() and action != "restore" else original
    path.write_text(RECORD_EDITS[action](text, other, ids), encoding="utf-8")


def seen(result: Result) -> tuple[object, ...]:
    """Every field of every finding and waiver, in order, the counts, and the three outputs."""
    findings = [astuple(f) for f in result.findings]
    waived = [(astuple(w.finding), w.waiver) for w in result.waived]
    outputs = [rendered(result, name, io.StringIO()) for name in FORMATS]
    counts = (result.files_checked, result.records_checked, result.exit_code)
    return findings, waived, counts, outputs


def _same_as_fresh(workspace: Path) -> Result:
    cached = validate(workspace, as_of=AS_OF)
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    assert seen(cached) == seen(fresh)
    return fresh


def _cli(workspace: Path, output_format: str, *options: str) -> tuple[int, str, str]:
    command = [sys.executable, "-m", "complykit", "validate", str(workspace)]
    command += ["--format", output_format, "--as-of", AS_OF.isoformat(), *options]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our CLI
    return done.returncode, done.stdout, done.stderr


def cli_same_as_fresh(workspace: Path) -> None:
    """The real command: a cached run (then its replay) writes what ``--no-cache`` writes."""
    for name in FORMATS:
        fresh = _cli(workspace, name, "--no-cache")
        assert fresh[0] in {0, 1}, fresh
        assert _cli(workspace, name)[:2] == fresh[:2]
        assert _cli(workspace, name)[:2] == fresh[:2]  # answered from the kept text


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000), st.integers(0, 10_000)),
        min_size=1,
        max_size=12 if LONG else 4,
    ),
    st.booleans(),
)
def test_cached_runs_equal_fresh_runs_after_any_edits(
    generated: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    edits: list[Edit],
    through_cli: bool,
) -> None:
    """After each edit of a random sequence the cached run equals a run without the cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg")))
    workspace = tmp_path_factory.mktemp("edited") / "ws"
    shutil.copytree(generated, workspace)
    originals = {p: p.read_text(encoding="utf-8") for p in _records(workspace)}
    play = Playing(workspace, originals, _same_as_fresh(workspace))
    for edit in edits:
        _apply(play, edit)
        play.fresh = _same_as_fresh(workspace)
    if through_cli or LONG:
        cli_same_as_fresh(workspace)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "tulip"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(CACHE_DIRNAME))
    return target


def test_a_linked_folder_added_is_reported_by_a_cached_run(example: Path) -> None:
    """Discovery reports a linked folder (YAML009) without reading it; the cache key once
    skipped it, so the stored clean result was given again."""
    _same_as_fresh(example)
    (example / "shared").symlink_to(example / "suppliers", target_is_directory=True)
    assert "YAML009" in {f.code for f in _same_as_fresh(example).findings}


def test_a_yaml_named_link_to_a_folder_is_reported_by_a_cached_run(example: Path) -> None:
    _same_as_fresh(example)
    (example / "more.yaml").symlink_to(example / "suppliers", target_is_directory=True)
    assert "YAML009" in {f.code for f in _same_as_fresh(example).findings}


def test_folders_nested_too_deep_are_reported_by_a_cached_run(example: Path) -> None:
    """Empty folders hold no YAML, yet discovery reports nesting beyond its limit."""
    _same_as_fresh(example)
    example.joinpath(*["deep"] * (MAX_FOLDER_DEPTH + 2)).mkdir(parents=True)
    assert _same_as_fresh(example).findings
    shutil.rmtree(example / "deep")
    assert not _same_as_fresh(example).findings


def test_a_catalog_behind_a_linked_catalogs_folder_counts(example: Path) -> None:
    """The workspace catalogs are read through a link that stays inside the workspace, so an
    edit behind the link must be a miss."""
    shared = example / ".shared" / "catalogs"
    shared.mkdir(parents=True)
    catalog = shared / "acme.yaml"
    catalog.write_text(OWN_CATALOG.read_text(encoding="utf-8"), encoding="utf-8")
    (example / "catalogs").symlink_to(".shared/catalogs", target_is_directory=True)
    assert not _same_as_fresh(example).findings
    catalog.write_text("schema_version: [\n", encoding="utf-8")
    assert _same_as_fresh(example).findings


def test_a_record_missing_two_fields_is_described_alike_by_either_validator(
    example: Path,
) -> None:
    """REF009 names the first schema finding of a record that could not be read. The prebuilt
    validators (used by the command) and pydantic's own (used with plugins on, and by the
    library) list missing fields in different orders, so the name depended on which one ran,
    and a cache filled by one was replayed to the other."""
    (example / "tasks" / "task-half.yaml").write_text(
        "kind: task\nid: task-half\nowner: sanne-devries\n", encoding="utf-8"
    )
    library = _same_as_fresh(example)  # fills the cache, through pydantic's own validators
    described = [f.message for f in library.findings if f.code == "REF009"]
    expected = (
        "task task-half could not be read (SCH002 missing required field 'cadence'), "
        "so TASK003 did not run"
    )
    assert described == [expected]
    fresh = _cli(example, "json", "--no-cache")
    assert _cli(example, "json") == fresh
    plugins_on = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "0"}
    command = [sys.executable, "-m", "complykit", "validate", str(example), "--no-cache"]
    command += ["--format", "json", "--as-of", AS_OF.isoformat()]
    own = subprocess.run(command, capture_output=True, text=True, check=False, env=plugins_on)  # noqa: S603 - our CLI
    assert (own.returncode, own.stdout) == fresh[:2]
