"""Class 1: nothing from the workspace reaches stdout or stderr as a CI runner command.

One workspace carries the payload in record text, a record key, a file name and a catalog;
every command that reads it runs in every format, and no output line is a GitHub or Azure
command (``::cmd::`` at a line start, ``##[cmd]`` or ``##vso[`` anywhere).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.core.findings import Finding, Severity
from complykit.core.result import Result
from complykit.diff.changes import (
    Diff,
    FieldChange,
    FindingDiff,
    Notable,
    RecordChange,
    RecordDiff,
    RecordRef,
    Side,
)
from complykit.diff.formats import DIFF_FORMATTERS
from complykit.formatters import FORMATTERS
from complykit.reports import REPORTS
from hostile.harness import (
    PAYLOAD,
    VALIDATE_FORMATS,
    assert_inert,
    fingerprint,
    git_commit_all,
    planted,
    run,
    workspace,
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git workspace whose working tree adds every payload to a clean base commit."""
    root = workspace(tmp_path_factory.mktemp("ci"))
    git_commit_all(root, "clean base")
    return planted(root)


def test_the_payload_reaches_the_output(hostile: Path) -> None:
    """The payload is shown, escaped: the other tests prove something."""
    outcome = run("validate", str(hostile), "--format", "text")
    assert "INJECTED" in outcome.stdout
    assert "FILENAME" in outcome.stdout


@pytest.mark.parametrize("output_format", VALIDATE_FORMATS)
def test_validate_prints_no_runner_command(hostile: Path, output_format: str) -> None:
    """validate in every format exits 1 with its findings and prints nothing live."""
    before = fingerprint(hostile)
    run("validate", str(hostile), "--format", output_format).assert_inert(allowed=(1,))
    assert fingerprint(hostile) == before


@pytest.mark.parametrize("output_format", sorted(DIFF_FORMATTERS))
def test_diff_prints_no_runner_command(hostile: Path, output_format: str) -> None:
    """diff against the clean base shows the payload's records and findings, inertly, and
    changes nothing in the workspace or its repository."""
    before = fingerprint(hostile.parent)
    outcome = run("diff", "HEAD", str(hostile), "--format", output_format)
    outcome.assert_inert(allowed=(1,))
    assert "INJECTED" in outcome.stdout
    assert fingerprint(hostile.parent) == before


@pytest.mark.parametrize("output_format", ["markdown", "html"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_reports_print_no_runner_command(hostile: Path, name: str, output_format: str) -> None:
    """Every report, printed to a log, holds no command; so do the problems it lists."""
    before = fingerprint(hostile.parent)
    run("report", name, str(hostile), "--format", output_format).assert_inert(allowed=(1,))
    outcome = run("report", name, str(hostile), "--format", output_format, "--partial")
    outcome.assert_inert(allowed=(0,))
    assert fingerprint(hostile.parent) == before


@pytest.mark.parametrize(
    "args",
    [
        ("catalog", "list"),
        ("catalog", "show", "acme-hostile"),
        ("catalog", "show", "acme-hostile", "AB-1"),
        ("catalog", "search", "INJECTED"),
        ("catalog", "list", "--format", "json"),
        ("coverage",),
        ("coverage", "--format", "json"),
    ],
)
def test_other_commands_print_no_runner_command(hostile: Path, args: tuple[str, ...]) -> None:
    """Catalog browsing and coverage show workspace catalog titles inertly."""
    run(*args, "--workspace", str(hostile)).assert_inert(allowed=(0,))


def test_an_unknown_revision_named_with_a_payload_is_an_inert_error(hostile: Path) -> None:
    """A revision argument carrying a command is refused in one inert line, exit 2."""
    outcome = run("diff", "main\n::warning::REV", str(hostile))
    outcome.assert_inert(allowed=(2,))


_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=())),  # lone surrogates too: undecodable names
    st.lists(st.sampled_from([PAYLOAD, "::", "##[", "##vso[", "\n", " ", ":", "#"])).map("".join),
)
_FINDINGS = st.builds(
    Finding,
    path=_TEXT.filter(lambda t: "\x00" not in t and t).map(PurePosixPath),
    line=st.integers(1, 99),
    column=st.integers(1, 99),
    code=_TEXT,
    severity=st.sampled_from(Severity),
    message=_TEXT,
    hint=st.none() | _TEXT,
    citation=st.lists(_TEXT, max_size=2).map(tuple),
    record=st.none() | _TEXT,
)


@pytest.mark.parametrize("name", ["\ud800.yaml", "caf\udce9.yaml", "a/../b.yaml"])
@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_a_file_name_no_codec_can_encode_is_still_rendered(output_format: str, name: str) -> None:
    """A lone surrogate in a path (Hypothesis found one) is written escaped, never raised."""
    finding = Finding(PurePosixPath(name), 1, 1, "SCH004", Severity.ERROR, "bad")
    result = Result(
        root=Path("/srv/ws"),
        findings=(finding,),
        rules={},
        files_checked=1,
        records_checked=1,
        as_of=date(2026, 1, 1),
    )
    stream = io.StringIO()
    FORMATTERS[output_format]().render(result, stream)
    assert "SCH004" in stream.getvalue()
    assert_inert(stream.getvalue())


@settings(max_examples=60, deadline=None)
@given(st.lists(_FINDINGS, max_size=4))
def test_every_validate_formatter_is_inert_for_any_text(findings: list[Finding]) -> None:
    """Arbitrary text in every field of a finding gives no command or raw control, any format."""
    result = Result(
        root=Path("/srv/ws"),
        findings=tuple(findings),
        rules={},
        files_checked=1,
        records_checked=1,
        as_of=date(2026, 1, 1),
    )
    for formatter in FORMATTERS.values():
        stream = io.StringIO()
        formatter().render(result, stream)
        assert_inert(stream.getvalue())


@settings(max_examples=60, deadline=None)
@given(_TEXT, _TEXT, _TEXT, st.lists(_FINDINGS, max_size=2))
def test_every_diff_formatter_is_inert_for_any_text(
    kind: str, record_id: str, value: str, findings: list[Finding]
) -> None:
    """Arbitrary text in record kinds, ids, paths, field names and values stays inert."""
    ref = RecordRef(kind, record_id, PurePosixPath("a") / (value or "x"))
    change = RecordChange(
        kind, record_id, PurePosixPath(value or "x"), (FieldChange((value, kind), value, [value]),)
    )
    diff = Diff(
        base=Side(value, "0" * 40),
        head=Side(None, None),
        as_of=date(2026, 1, 1),
        fail_on=Severity.ERROR,
        records=RecordDiff((ref,), (ref,), (change,)),
        findings=FindingDiff(tuple(findings), tuple(findings), 0),
        notable=(Notable("rule", kind, record_id, value),),
    )
    for formatter in DIFF_FORMATTERS.values():
        stream = io.StringIO()
        formatter().render(diff, stream)
        assert_inert(stream.getvalue())
