from __future__ import annotations

import io
from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.formatters.budget import COMMENT_CHARACTERS
from complykit.formatters.markdown import MarkdownFormatter, escape, markdown_summary

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.findings import Finding
    from complykit.core.result import Result


def render(result: Result) -> list[str]:
    stream = io.StringIO()
    MarkdownFormatter().render(result, stream)
    return stream.getvalue().splitlines()


def test_findings_become_a_table(sample: Result) -> None:
    """A result with findings shows a heading, the counts and one table row per finding."""
    assert render(sample) == [
        "## complykit validate",
        "",
        (
            ":x: **1 error, 1 warning, 1 info** in 2 files; checked 12 files (140 records), "
            "as of 2024-05-01."
        ),
        "",
        "| Severity | Code | Location | Message |",
        "|---|---|---|---|",
        (
            "| :x: error | GDPR005 | records/activities.yaml:12:3 | Processing activity 'payroll' "
            "states no retention period.<br>Hint: Add a retention period or the criteria that set "
            "it.<br>Citation: GDPR Art. 30(1)(f) |"
        ),
        (
            "| :warning: warning | REF001 | records/activities.yaml:40:7 "
            "| Unknown processor 'acme-cloud'. |"
        ),
        (
            "| :information_source: info | SOA002 | soa.yaml:3:1 | Control A.5.1 is applicable but "
            "has no owner.<br>Citation: ISO/IEC 27001:2022 A.5.1 |"
        ),
    ]


def test_clean_run_says_no_problems_found(clean: Result) -> None:
    """A clean run says so instead of showing an empty table."""
    assert render(clean) == [
        "## complykit validate",
        "",
        ":white_check_mark: No problems found in 12 files (140 records), as of 2024-05-01.",
    ]


def test_special_characters_stay_in_their_cell(special: Result) -> None:
    """Pipes, HTML, Markdown markup and newlines cannot break out of the message cell.

    A lone ``&`` stays: only one that starts a character reference could turn into markup.
    """
    assert render(special)[-1] == (
        "| :x: error | GDPR005 | odd dir/a,b:c%.yaml:2:5 | Bad, value: 100%<br>next \\| "
        '&lt;tag&gt; & "quoted" \\[x\\](y) \\*z\\*<br>Hint: Use \\| & &lt; |'
    )


def test_escape_handles_backslashes_and_carriage_returns() -> None:
    """Backslashes are doubled and every kind of line break becomes one <br>."""
    assert escape("a\\b\r\nc\rd_e`f~") == "a\\\\b<br>c<br>d\\_e\\`f\\~"


def test_thousands_of_findings_fit_in_a_pull_request_comment(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """5,000 findings would make a 600 KB table that GitHub refuses to post: the errors come
    first, as many rows as fit, then a line that counts the rest."""
    warnings = [
        make_finding(
            path=f"a/{i:04d}.yaml", code="REF001", severity=Severity.WARNING, message="w" * 100
        )
        for i in range(5000)
    ]
    error = make_finding(path="z.yaml", message="The one error.")
    lines = render(make_result(*warnings, error))
    text = "\n".join(lines) + "\n"
    assert len(text) <= COMMENT_CHARACTERS - len("<!-- complykit-action:diff -->\n")
    rows = [line for line in lines if line.startswith("| :")]
    assert rows[0] == "| :x: error | GDPR005 | z.yaml:1:1 | The one error. |"
    assert 300 < len(rows) < 5001
    assert lines[-1].startswith(f"_{5001 - len(rows):,} more finding(s) not listed here")
    assert "1 error, 5000 warnings" in lines[2]


def test_a_long_error_is_cut_not_hidden_behind_warnings(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """An error whose message (here full of markup) is longer than the room left was left out
    while shorter warnings were listed. It is now listed first, cut to fit and ending in
    " […]", its text cut before escaping so that no escape is split and the cell stays one."""
    error = make_finding(path="a.yaml", message="|*<@x>" * 2_000, hint="Fix it.")
    warnings = [
        make_finding(path=f"w{n}.yaml", severity=Severity.WARNING, message="A warning.")
        for n in range(3)
    ]
    result = make_result(error, *warnings)
    text = markdown_summary(result, budget=1_200)
    assert len(text) <= 1_200
    rows = [line for line in text.splitlines() if line.startswith("| :")]
    assert rows[0].startswith("| :x: error | GDPR005 | a.yaml:1:1 | \\|\\*&lt;@&#8203;x&gt;")
    assert rows[0].endswith(" […] |")
    cell = rows[0].removeprefix("| :x: error | GDPR005 | a.yaml:1:1 | ").removesuffix(" […] |")
    assert len(_unescaped_prefix(cell)) > 100


def _unescaped_prefix(cell: str) -> str:
    """The text whose escape is ``cell``, found by escaping longer and longer prefixes."""
    text = "|*<@x>" * 2_000
    for length in range(len(text)):
        if escape(text[:length]) == cell:
            return text[:length]
    raise AssertionError(f"{cell[-40:]!r} is no escaped prefix of the message")
