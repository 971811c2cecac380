from __future__ import annotations

import io
from typing import TYPE_CHECKING

from complykit.formatters.markdown import MarkdownFormatter, escape

if TYPE_CHECKING:
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
