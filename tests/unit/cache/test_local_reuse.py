"""Join rules judge again only the records near a change, and still give the fresh verdict.

A check declared ``local`` keeps its findings on every record a change cannot reach
(``validate.neighbours``). Each test edits one side of a join between two cached runs and
requires the cached run to give exactly what a run without the cache gives: the same findings
with the same messages, hints and citations, in the same order, and the same text output.
The property test at the end plays random sequences of such edits on a small generated
workspace.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complykit.checks import REGISTRY
from complykit.core.frozen import astuple, replace
from complykit.core.result import Result
from complykit.facts.problem import Problem
from complykit.formatters.text import TextFormatter
from complykit.load import parsing, yaml_file
from complykit.validate import reuse
from complykit.validate.validation import validate
from complykit.workspace import kept_files
from complykit.workspace.repository import Repository
from example_copies import example_copy, generated_workspace

AS_OF = date(2026, 11, 23)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return example_copy(tmp_path, monkeypatch)


def _seen(result: Result) -> tuple[list[tuple[object, ...]], str]:
    """Every field of every finding and waiver, in order, and the text output."""
    findings = [astuple(f) for f in result.findings]
    waived = [(astuple(w.finding), w.waiver) for w in result.waived]
    stream = io.StringIO()
    TextFormatter().render(result, stream)
    return [*findings, *waived], stream.getvalue()


def _same_as_fresh(workspace: Path) -> Result:
    cached = validate(workspace, as_of=AS_OF)
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    assert _seen(cached) == _seen(fresh)
    assert not cached.notes
    return cached


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _codes(result: Result) -> set[tuple[str, str, str]]:
    return {(f.code, f.path.as_posix(), f.message) for f in result.findings}


REAL = {code: registered.function for code, registered in REGISTRY.items()}


def _judged(monkeypatch: pytest.MonkeyPatch, code: str) -> list[set[str]]:
    """The ids of the records each run of check ``code`` was shown."""
    shown: list[set[str]] = []

    def counted(repo: Repository) -> Iterator[Problem]:
        shown.append({e.id for e in repo.entries})
        return REAL[code](repo)

    registered = replace(REGISTRY[code], function=counted)
    monkeypatch.setitem(REGISTRY, code, registered)
    return shown


def test_an_activity_naming_another_processor_is_judged_again(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GDPR020 and GDPR026 follow the activity to the supplier it names now; only records near
    the activity are shown to the join rules."""
    before = validate(workspace, as_of=AS_OF)
    shown = _judged(monkeypatch, "GDPR020")
    path = workspace / "register" / "pa-finance-invoicing.yaml"
    _edit(path, "processors: [sup-exact]", "processors: [sup-arbodienst]")  # a controller
    after = _same_as_fresh(workspace)
    assert ("GDPR020", "register/pa-finance-invoicing.yaml") in {
        (c, p) for c, p, _ in _codes(after) - _codes(before)
    }
    cached_run = shown[0]  # then the run without the cache, shown everything
    assert "pa-finance-invoicing" in cached_run
    assert "pa-recruitment" not in cached_run  # names neither supplier: never shown
    _edit(path, "processors: [sup-arbodienst]", "processors: [sup-exact]")
    assert _seen(_same_as_fresh(workspace)) == _seen(before)


def test_a_supplier_whose_contract_ends_is_reported_where_activities_name_it(
    workspace: Path,
) -> None:
    """SUP007 on the supplier lists the activities naming it, none of which changed."""
    before = validate(workspace, as_of=AS_OF)
    _edit(workspace / "suppliers" / "sup-selectiq.yaml", "2027-11-03", "2026-01-31")
    after = _same_as_fresh(workspace)
    assert "SUP007" in {c for c, _, _ in _codes(after) - _codes(before)}


def test_an_activity_dropping_the_supplier_changes_the_suppliers_finding(
    workspace: Path,
) -> None:
    """The other side of SUP007: an activity that stops naming an ended supplier changes the
    finding on the supplier, whose file is unchanged."""
    _edit(workspace / "suppliers" / "sup-selectiq.yaml", "2027-11-03", "2026-01-31")
    before = validate(workspace, as_of=AS_OF)
    assert "SUP007" in {c for c, _, _ in _codes(before)}
    path = workspace / "register" / "pa-recruitment.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sup-selectiq", "sup-afas"), encoding="utf-8")
    after = _same_as_fresh(workspace)
    assert "SUP007" in {c for c, _, _ in _codes(before) - _codes(after)}


def test_a_removed_and_restored_target_gives_and_takes_the_unknown_reference(
    workspace: Path,
) -> None:
    """Deleting a supplier makes the references to it dangling in unchanged files (REF001 with
    a hint from every id); adding it back resolves them again."""
    before = validate(workspace, as_of=AS_OF)
    path = workspace / "suppliers" / "sup-exact.yaml"
    text = path.read_text(encoding="utf-8")
    path.unlink()
    gone = _same_as_fresh(workspace)
    assert {p for c, p, _ in _codes(gone) - _codes(before) if c == "REF001"} >= {
        "register/pa-finance-invoicing.yaml"
    }
    path.write_text(text, encoding="utf-8")
    assert _seen(_same_as_fresh(workspace)) == _seen(before)


def test_a_new_record_takes_an_id_that_a_reference_was_missing(workspace: Path) -> None:
    """An id named but missing gets a record in a new file: the unchanged referrer resolves."""
    _edit(workspace / "register" / "pa-finance-invoicing.yaml", "[sup-exact]", "[sup-exacta]")
    before = _same_as_fresh(workspace)
    assert any(c == "REF001" and "sup-exacta" in m for c, _, m in _codes(before))
    original = (workspace / "suppliers" / "sup-exact.yaml").read_text(encoding="utf-8")
    added = workspace / "suppliers" / "sup-exacta.yaml"
    added.write_text(original.replace("id: sup-exact\n", "id: sup-exacta\n", 1), encoding="utf-8")
    after = _same_as_fresh(workspace)
    assert not any(c == "REF001" and "sup-exacta" in m for c, _, m in _codes(after))


def test_a_hint_follows_the_ids_of_the_whole_workspace(workspace: Path) -> None:
    """A broken reference's "did you mean" names the closest id anywhere: when that id goes,
    the hint on a record that does not name it (and is not near the change) goes too."""
    marketing = workspace / "register" / "pa-sales-marketing.yaml"  # names no sup-exact
    _edit(marketing, "processors: [sup-hubspot]", "processors: [sup-hubspot, sup-exactt]")
    before = _same_as_fresh(workspace)
    assert [f.hint for f in before.findings if "sup-exactt" in f.message] == [
        "Did you mean 'sup-exact'?"
    ]
    (workspace / "suppliers" / "sup-exact.yaml").unlink()
    after = _same_as_fresh(workspace)
    assert "sup-exact'" not in str([f.hint for f in after.findings if "sup-exactt" in f.message])


def test_a_duplicate_id_is_reported_on_the_unchanged_file_too(workspace: Path) -> None:
    """REF003 names the first record with an id; a copy in a new file changes nothing else."""
    validate(workspace, as_of=AS_OF)
    original = workspace / "suppliers" / "sup-afas.yaml"
    shutil.copy(original, workspace / "suppliers" / "sup-aaa-copy.yaml")
    after = _same_as_fresh(workspace)
    assert "REF003" in {c for c, _, _ in _codes(after)}


def test_a_dpia_status_reaches_the_ai_system_two_steps_away(workspace: Path) -> None:
    """AIA008 (two steps: system, activity, DPIA) and DPIA005 see a DPIA that is no longer
    approved, from the AI system and the activity, neither of which changed."""
    before = validate(workspace, as_of=AS_OF)
    _edit(workspace / "dpia" / "dpia-cv-screening.yaml", "status: approved", "status: draft")
    after = _same_as_fresh(workspace)
    assert _codes(after) != _codes(before)


def test_an_ai_vendor_and_its_accepted_risk(workspace: Path) -> None:
    """SUP008/SUP009 on a supplier follow the AI systems naming it and the risks accepting it."""
    validate(workspace, as_of=AS_OF)
    _edit(workspace / "ai" / "ai-cv-screening.yaml", "vendor: sup-selectiq", "vendor: sup-bird")
    _same_as_fresh(workspace)
    risk = workspace / "risks" / "risk-us-transfer-dpf.yaml"
    _edit(risk, "affects: [sup-aws, ", "affects: [")
    _same_as_fresh(workspace)


def test_an_incident_naming_another_ai_system(workspace: Path) -> None:
    """INC012-INC015 join incidents and the AI systems they name."""
    validate(workspace, as_of=AS_OF)
    path = workspace / "incidents" / "inc-2026-019.yaml"
    _edit(path, "ai_systems: [ai-triage-assistant]", "ai_systems: [ai-cv-screening]")
    _same_as_fresh(workspace)


def test_register_facts_kept_per_file_follow_each_activity(workspace: Path) -> None:
    """SOA012 reads whether the register has a processor activity from texts kept per file:
    with every processor control excluded it fires, and as the processor activities turn into
    controller ones, one file per run, each cached run equals a fresh one; after the last,
    the finding is gone."""
    soa = workspace / "soa" / "soa-iso27701-2019.yaml"
    head, _, annex_b = soa.read_text(encoding="utf-8").partition("  - control: B.")
    excluded = annex_b.replace("applicable: true", "applicable: false")
    soa.write_text(f"{head}  - control: B.{excluded}", encoding="utf-8")
    before = validate(workspace, as_of=AS_OF)
    assert "SOA012" in {f.code for f in before.findings}
    for path in sorted((workspace / "register").glob("*.yaml")):
        if "\nrole: processor\n" in path.read_text(encoding="utf-8"):
            _edit(path, "\nrole: processor\n", "\nrole: controller\n")
            after = _same_as_fresh(workspace)
    assert "SOA012" not in {f.code for f in after.findings}


def test_a_file_with_a_yaml_problem_is_kept_and_read_again_only_for_a_record_it_holds(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two suppliers in one file, the first with a duplicate key: a run with another file
    changed does not parse that file again, and an edit of an activity naming the second
    supplier builds it from its own document only, as a fresh run builds it."""
    suppliers = workspace / "suppliers"
    broken = (suppliers / "sup-brugwacht.yaml").read_text(encoding="utf-8")
    broken = broken.replace("\ncriticality:", "\ncriticality: low\ncriticality:", 1)
    bird = (suppliers / "sup-bird.yaml").read_text(encoding="utf-8")
    (suppliers / "together.yaml").write_text(f"{broken}---\n{bird}", encoding="utf-8")
    (suppliers / "sup-brugwacht.yaml").unlink()
    (suppliers / "sup-bird.yaml").unlink()
    first = validate(workspace, as_of=AS_OF)
    assert ("YAML002", "suppliers/together.yaml") in {(c, p) for c, p, _ in _codes(first)}
    parsed: list[str] = []
    real = yaml_file.parse_yaml

    def counted(rel: PurePosixPath, raw: bytes, *rest: Any) -> Any:
        parsed.append(rel.as_posix())
        return real(rel, raw, *rest)

    monkeypatch.setattr(parsing, "parse_yaml", counted)
    _edit(workspace / "tasks" / "task-pentest.yaml", "title: ", "title: Revised. ")
    again = validate(workspace, as_of=AS_OF)
    assert "tasks/task-pentest.yaml" in parsed
    assert "suppliers/together.yaml" not in parsed
    assert _seen(again) == _seen(validate(workspace, as_of=AS_OF, use_cache=False))
    read_alone: list[str] = []
    real_alone = yaml_file.parse_document_in

    def counted_alone(text: str, alone_from: tuple[int, int]) -> Any:
        read_alone.append(text[alone_from[0] :].partition("\nid: ")[2][:8])
        return real_alone(text, alone_from)

    monkeypatch.setattr(kept_files, "parse_document_in", counted_alone)
    _edit(
        workspace / "register" / "pa-patient-scheduling.yaml",
        "description: >-\n",
        "description: >-\n  Revised.\n",
    )
    parsed.clear()
    cached = validate(workspace, as_of=AS_OF)
    # The supplier this activity names was read alone from its file, not parsed whole.
    assert "sup-bird" in read_alone
    assert "suppliers/together.yaml" not in parsed
    assert _seen(cached) == _seen(validate(workspace, as_of=AS_OF, use_cache=False))


def test_records_read_alone_from_one_file_read_it_once(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every supplier kept in one file: the first edit after a first run (which keeps no
    record data) builds the suppliers the edited activities name, each from its own document,
    from one read of that file, and judges as a run without the cache."""
    suppliers = sorted((workspace / "suppliers").glob("*.yaml"))
    joined = "---\n".join(path.read_text(encoding="utf-8") for path in suppliers)
    for path in suppliers:
        path.unlink()
    (workspace / "suppliers" / "all.yaml").write_text(joined, encoding="utf-8")
    validate(workspace, as_of=AS_OF)
    reads: list[str] = []
    real_read = parsing.read_raw

    def counted_read(path: Path, *rest: Any) -> Any:
        reads.append(path.relative_to(workspace).as_posix())
        return real_read(path, *rest)

    read_alone: list[tuple[int, int]] = []
    real_alone = yaml_file.parse_document_in

    def counted_alone(text: str, alone_from: tuple[int, int]) -> Any:
        read_alone.append(alone_from)
        return real_alone(text, alone_from)

    monkeypatch.setattr("complykit.workspace.kept_files.read_raw", counted_read)
    monkeypatch.setattr(kept_files, "parse_document_in", counted_alone)
    for path in sorted((workspace / "register").glob("*.yaml")):
        path.write_text(path.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    _same_as_fresh(workspace)
    assert len(set(read_alone)) > 3, "several suppliers were read alone"
    assert reads.count("suppliers/all.yaml") == 1


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated workspace of every kind, with defects, small enough to validate often."""
    target = tmp_path_factory.mktemp("small") / "ws"
    return generated_workspace(target, 80, 0.2)


ID_LINE = re.compile(r"^id: (\S+)$", re.MULTILINE)
REFERENCE = re.compile(r"\b(?:sup|pa|ai|risk|dpia|ctl|inc)-[a-z0-9-]+\b")
EDITS = ("retarget", "rename", "delete", "copy", "break", "yaml", "date", "shift", "restore")


def _apply(workspace: Path, originals: dict[Path, str], edit: tuple[str, int, int]) -> None:
    """One edit of a record file: point a reference elsewhere (to another id or to none),
    rename a record, delete or copy a file, break its schema or its YAML, end a date, or
    restore it."""
    action, which, other = edit
    files = sorted(originals)
    path = files[which % len(files)]
    ids = sorted({m for text in originals.values() for m in ID_LINE.findall(text)})
    text = path.read_text(encoding="utf-8") if path.exists() else originals[path]
    if action == "retarget" and (named := REFERENCE.findall(text.split("\n", 2)[-1])):
        old = named[other % len(named)]
        new = ids[other % len(ids)] if other % 3 else f"{old}x"
        text = text.replace(old, new, 1)
    elif action == "rename" and (found := list(ID_LINE.finditer(text))):
        at = found[other % len(found)]  # in a file of several records, any of them
        text = f"{text[: at.start()]}id: {at.group(1)}-{other % 3}{text[at.end() :]}"
    elif action == "delete":
        path.unlink(missing_ok=True)
        return
    elif action == "copy":
        path.with_name(f"copy-{other % 4}-{path.name}").write_text(text, encoding="utf-8")
        return
    elif action == "break":
        text = text.replace("\nowner:", "\nonwer:", 1)
    elif action == "yaml" and (found := list(ID_LINE.finditer(text))):
        # A YAML problem in one record: a duplicate key, or a list left open.
        at = found[other % len(found)]
        broken = f"{at.group(0)}\n{at.group(0)}" if other % 2 else f"{at.group(0)}\ntags: [open"
        text = f"{text[: at.start()]}{broken}{text[at.end() :]}"
    elif action == "shift":
        # Lines added above a record move it (and those after it) without changing its data.
        starts = [0, *(m.end() for m in re.finditer(r"^---\n", text, re.MULTILINE))]
        offset = starts[other % len(starts)]
        text = f"{text[:offset]}# moved\n\n{text[offset:]}"
    elif action == "date":
        text = re.sub(r"\b20[23]\d-\d\d-\d\d\b", "2026-01-31", text, count=1 + other % 3)
    else:
        text = originals[path]
    path.write_text(text, encoding="utf-8")


PLAYED = settings(
    max_examples=int(os.environ.get("COMPLYKIT_FUZZ_EXAMPLES", "8")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
EDIT_SEQUENCES = st.lists(
    st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000), st.integers(0, 10_000)),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def several_to_a_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``small``'s records kept three files to one, as registers often are: a change to
    one record of a file must still give the fresh verdict on the others, which only moved."""
    return generated_workspace(tmp_path_factory.mktemp("several") / "ws", 80, 0.2, per_file=3)


def test_a_record_an_edit_only_moved_is_judged_again_in_place(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task and an activity with a broken reference kept in one file: lines added to the
    task's text move the activity without changing it. Nothing near the task reaches the
    activity, yet its finding must be placed anew, as a fresh run places it."""
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    workspace = tmp_path / "ws"
    shutil.copytree(small, workspace)
    task = min((workspace / "tasks").rglob("*.yaml"))
    activity = next(
        p for p in sorted((workspace / "register").rglob("*.yaml")) if "sup-" in p.read_text()
    )
    broken = re.sub(r"\bsup-[a-z0-9-]+", "sup-nobody", activity.read_text("utf-8"), count=1)
    together = workspace / "register" / "together.yaml"
    together.write_text(f"{task.read_text(encoding='utf-8')}---\n{broken}", encoding="utf-8")
    task.unlink()
    activity.unlink()
    before = validate(workspace, as_of=AS_OF)
    assert ("REF001", "register/together.yaml") in {(c, p) for c, p, _ in _codes(before)}
    _edit(together, "---\n", "# moved\n\n---\n")
    after = _same_as_fresh(workspace)
    moved = [f for f in after.findings if f.code == "REF001" and f.path.name == "together.yaml"]
    assert moved
    assert {f.line for f in moved}.isdisjoint(
        f.line for f in before.findings if f.code == "REF001" and f.path.name == "together.yaml"
    )


@pytest.mark.parametrize("layout", ["small", "several_to_a_file"])
@PLAYED
@given(EDIT_SEQUENCES)
def test_random_edits_give_the_fresh_findings(
    layout: str,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    edits: list[tuple[str, int, int]],
) -> None:
    """After every edit of a random sequence, the cached run equals a run without the cache:
    on records one to a file, and kept several to a file."""
    small: Path = request.getfixturevalue(layout)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    workspace = tmp_path_factory.mktemp("edited") / "ws"
    shutil.copytree(small, workspace)
    originals = {
        p: p.read_text(encoding="utf-8")
        for p in sorted(workspace.rglob("*.yaml"))
        if p.name != "complykit.yaml" and "catalogs" not in p.parts
    }
    validate(workspace, as_of=AS_OF)
    for edit in edits:
        _apply(workspace, originals, edit)
        _same_as_fresh(workspace)


def test_records_an_edit_only_moved_keep_their_findings_moved_with_them(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three suppliers kept in one file, the last with a contract that has ended while an
    activity still names it (SUP007). Lines added to the first move the others without
    changing their text: the finding moves with its record, as a fresh run places it, and
    neither that record nor the activity naming it is judged again (a file of 400 suppliers
    re-judged every activity that named any of them)."""
    folder = workspace / "suppliers"
    names = ("sup-hubspot.yaml", "sup-brugwacht.yaml", "sup-plausible.yaml")
    texts = [(folder / name).read_text(encoding="utf-8") for name in names]
    texts[2] += "contract_end: 2026-06-30\n"
    together = folder / "together.yaml"
    together.write_text("---\n".join(texts), encoding="utf-8")
    for name in names:
        (folder / name).unlink()
    before = validate(workspace, as_of=AS_OF)
    ended = [f for f in before.findings if f.code == "SUP007" and f.record == "sup-plausible"]
    assert len(ended) == 1
    viewed: list[str] = []
    real_near = reuse.near  # type: ignore[attr-defined] # the name reuse calls

    def near(repo: Repository, ids: frozenset[str]) -> Any:
        viewed.extend(ids)
        return real_near(repo, ids)

    _edit(together, "---\n", "# reviewed in November\n\n---\n")
    with monkeypatch.context() as watching:
        watching.setattr(reuse, "near", near)
        after = validate(workspace, as_of=AS_OF)
    assert _seen(after) == _seen(validate(workspace, as_of=AS_OF, use_cache=False))
    moved = [f for f in after.findings if f.code == "SUP007" and f.record == "sup-plausible"]
    assert [f.line for f in moved] == [ended[0].line + 2]
    assert "sup-hubspot" in viewed  # the edited record is judged again
    assert not {"sup-plausible", "pa-website-analytics"} & set(viewed)
