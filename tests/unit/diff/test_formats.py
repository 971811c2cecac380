"""The diff formats: registry, JSON contract, Markdown escaping and plain text when piped."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import PurePosixPath

from complykit.core.findings import Finding, Severity
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
from complykit.formatters.budget import COMMENT_CHARACTERS

HOSTILE = "a | b <script>alert(1)</script> `x` *y*"
FINDING = Finding(
    PurePosixPath("register/x.yaml"), 4, 3, "GDPR013", Severity.ERROR, HOSTILE, record="pa-x"
)
DIFF = Diff(
    base=Side("origin/main", "0123456789abcdef0123456789abcdef01234567"),
    head=Side(None, None),
    records=RecordDiff(
        added=(RecordRef("risk", "risk-new", PurePosixPath("risks/new.yaml")),),
        changed=(
            RecordChange(
                "processing-activity",
                "pa-x",
                PurePosixPath("register/x.yaml"),
                (
                    FieldChange(("name",), "Old", HOSTILE),
                    FieldChange(("description",), None, "z" * 80),
                ),
                moved_from=PurePosixPath("x.yaml"),
            ),
        ),
    ),
    findings=FindingDiff(new=(FINDING,), unchanged=2),
    notable=(Notable("activity-added", "processing-activity", "pa-x", "A reason."),),
    as_of=date(2026, 11, 23),
)


def _render(name: str, diff: Diff = DIFF) -> str:
    stream = io.StringIO()
    DIFF_FORMATTERS[name]().render(diff, stream)
    return stream.getvalue()


def test_registry_names() -> None:
    """The CLI offers text, json and markdown."""
    assert list(DIFF_FORMATTERS) == ["text", "json", "markdown"]


def test_json_contract() -> None:
    """The JSON document carries version, sides, counts, records, findings and notable changes."""
    document = json.loads(_render("json"))
    assert list(document) == [
        "schema_version", "tool", "as_of", "fail_on", "base", "head",
        "summary", "records", "findings", "notable",
    ]  # fmt: skip
    assert document["schema_version"] == "1"
    assert document["base"] == {
        "revision": "origin/main",
        "commit": "0123456789abcdef0123456789abcdef01234567",
        "has_workspace": True,
    }
    assert document["head"] == {"revision": None, "commit": None, "has_workspace": True}
    assert document["summary"] == {
        "records_added": 1,
        "records_removed": 0,
        "records_changed": 1,
        "findings_new": 1,
        "findings_fixed": 0,
        "findings_unchanged": 2,
        "notable": 1,
        "exit_code": 1,
    }
    (changed,) = document["records"]["changed"]
    assert changed["fields"][0] == {"field": "name", "old": "Old", "new": HOSTILE}
    assert changed["moved_from"] == "x.yaml"
    assert document["findings"]["new"][0]["line"] == 4
    assert document["notable"] == [
        {
            "rule": "activity-added",
            "kind": "processing-activity",
            "id": "pa-x",
            "reason": "A reason.",
        }
    ]


def test_markdown_escapes_workspace_text() -> None:
    """Pipes, HTML and Markdown markup from the workspace show literally, on one table row."""
    out = _render("markdown")
    assert "<script>" not in out
    assert r"a \| b &lt;script&gt;alert(1)&lt;/script&gt; \`x\` \*y\*" in out
    row = next(
        line for line in out.splitlines() if line.startswith("| processing-activity pa-x | name")
    )
    assert row.count(" | ") == 3


def test_markdown_sections_and_shortened_values() -> None:
    """The comment has the heading, counts, notable changes, findings and folded field changes."""
    out = _render("markdown")
    assert out.startswith(
        "## complykit diff\n\nComparing origin/main (0123456789ab) with the working tree"
    )
    assert ":x: This change introduces 1 new finding at or above error." in out
    assert (
        "**Records:** 1 added, 0 removed, 1 changed · **Findings:** 1 new, 0 fixed, 2 unchanged"
        in out
    )
    assert "- **processing-activity pa-x**: A reason." in out
    assert "<details>\n<summary>Record changes: 1 added, 0 removed, 1 changed</summary>" in out
    assert "| processing-activity pa-x | (file) | x.yaml | register/x.yaml |" in out
    assert "| (none) | " + "z" * 59 + "… |" in out
    assert out == _render("markdown")


def test_markdown_of_an_empty_diff_is_short() -> None:
    """Without changes the comment is the heading, the verdict and zero counts."""
    empty = Diff(
        Side("main", "f" * 40), Side(None, None), RecordDiff(), FindingDiff(), (), date(2026, 1, 1)
    )
    assert _render("markdown", empty) == (
        "## complykit diff\n\n"
        "Comparing main (ffffffffffff) with the working tree, as of 2026-01-01.\n\n"
        ":white_check_mark: This change introduces no new finding at or above error.\n\n"
        "**Records:** 0 added, 0 removed, 0 changed · "
        "**Findings:** 0 new, 0 fixed, 0 unchanged\n"
    )


def test_text_is_plain_when_piped() -> None:
    """Piped text has no colour codes and shows each change and finding on its own line."""
    out = _render("text")
    assert "\x1b[" not in out
    assert "origin/main (0123456789ab) -> the working tree" in out
    assert "  + risk risk-new  (risks/new.yaml)" in out
    assert "  ~ processing-activity pa-x  (moved from x.yaml to register/x.yaml)" in out
    assert f"      name: Old -> {HOSTILE}" in out
    assert "  register/x.yaml:4:3  error  GDPR013  " in out
    assert out.rstrip().endswith("This change introduces 1 new finding at or above error.")


def test_markdown_of_a_huge_diff_fits_in_a_pull_request_comment() -> None:
    """A change of 3,000 records and 2,000 new findings stays within what GitHub accepts as a
    comment: the new errors are listed first, and each cut section says how many it left out."""
    warnings = tuple(
        Finding(PurePosixPath(f"r/{i}.yaml"), 1, 1, "REF001", Severity.WARNING, "w" * 90)
        for i in range(2000)
    )
    error = Finding(PurePosixPath("z/last.yaml"), 9, 1, "GDPR013", Severity.ERROR, "The error.")
    added = tuple(
        RecordRef("risk", f"risk-{i:05d}", PurePosixPath(f"risks/{i}.yaml")) for i in range(3000)
    )
    huge = Diff(
        base=DIFF.base,
        head=DIFF.head,
        records=RecordDiff(added=added),
        findings=FindingDiff(new=(*warnings, error), unchanged=0),
        notable=DIFF.notable,
        as_of=DIFF.as_of,
    )
    out = _render("markdown", huge)
    assert len(out) <= COMMENT_CHARACTERS - len("<!-- complykit-action:diff -->\n")
    table = [line for line in out.splitlines() if line.startswith("| :")]
    assert table[0].startswith("| :x: error | GDPR013 | z/last.yaml:9:1 | The error.")
    assert f"_{2001 - len(table):,} more finding(s) not shown here" in out
    listed = [line for line in out.splitlines() if line.startswith("- risk risk-")]
    assert len(listed) < 10  # the findings took the room first
    assert f"_{3000 - len(listed):,} more record(s) not shown here" in out
    assert out.rstrip().endswith("</details>")
    assert "- **processing-activity pa-x**: A reason." in out


def test_markdown_keeps_the_order_of_findings_that_fit() -> None:
    """Only a cut puts errors first: a comment that fits lists new findings as found."""
    warning = Finding(PurePosixPath("a.yaml"), 1, 1, "REF001", Severity.WARNING, "first")
    findings = FindingDiff(new=(warning, FINDING), unchanged=0)
    out = _render("markdown", Diff(DIFF.base, DIFF.head, RecordDiff(), findings, (), DIFF.as_of))
    table = [line for line in out.splitlines() if line.startswith("| :")]
    assert [row.split(" | ")[1] for row in table] == ["REF001", "GDPR013"]


def test_markdown_cites_and_closes_with_the_rules_notes() -> None:
    """A new finding's row gives its citation (marked when unverified), and the comment closes
    with the notes of the rules behind the new findings, as ``validate`` does."""
    national_id = Finding(
        PurePosixPath("register/x.yaml"), 4, 3, "GDPR033", Severity.ERROR, "BSN.",
        citation=("GDPR Art. 87",),
    )  # fmt: skip
    omnibus = Finding(
        PurePosixPath("ai/x.yaml"), 2, 1, "AIA005", Severity.ERROR, "No assessment.",
        citation=("AI Act Art. 6(4)",),
    )  # fmt: skip
    diff = Diff(
        base=DIFF.base,
        head=DIFF.head,
        records=RecordDiff(),
        findings=FindingDiff(new=(national_id, omnibus)),
        notable=(),
        as_of=DIFF.as_of,
    )
    out = _render("markdown", diff)
    assert "BSN.<br>Citation: GDPR Art. 87 (unverified) |" in out
    assert '\nNote (AIA005): A date "under the Digital Omnibus"' in out
    assert out.count("Note (") == 1
