from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from complykit.formatters.text import TextFormatter
from conftest import EXAMPLE

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.findings import Finding
    from complykit.core.result import Result


@pytest.fixture(autouse=True)
def _no_colour_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def render(result: Result, stream: io.StringIO | None = None) -> str:
    stream = stream or io.StringIO()
    TextFormatter().render(result, stream)
    return stream.getvalue()


def test_piped_output_is_plain_and_grouped_by_file(sample: Result) -> None:
    """Piped output lists findings per file with aligned columns and ends with the counts."""
    assert render(sample).splitlines() == [
        "records/activities.yaml",
        "  12:3  error    GDPR005  Processing activity 'payroll' states no retention period.",
        "                          Add a retention period or the criteria that set it.",
        "                          GDPR Art. 30(1)(f)",
        "  40:7  warning  REF001   Unknown processor 'acme-cloud'.",
        "",
        "soa.yaml",
        "  3:1  info     SOA002  Control A.5.1 is applicable but has no owner.",
        "                        ISO/IEC 27001:2022 A.5.1",
        "",
        "1 error, 1 warning, 1 info in 2 files; checked 12 files (140 records)",
    ]


def test_clean_run_prints_only_the_summary(clean: Result) -> None:
    """A run without findings prints one reassuring line."""
    assert render(clean) == "No problems in 12 files (140 records).\n"


def test_summary_uses_singular_and_plural(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """The summary counts say "1 error" but "2 errors"."""
    result = make_result(make_finding(line=1), make_finding(line=2))
    assert render(result).splitlines()[-1] == "2 errors in 1 file; checked 12 files (140 records)"


def test_long_lines_and_markup_stay_literal(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """Long paths and messages stay on one line and Rich markup in a message is not applied."""
    path = "records/" + "nested/" * 30 + "activity.yaml"
    message = "[bold]Not bold[/bold] " + "word " * 60 + "end."
    output = render(make_result(make_finding(path=path, message=message)))
    assert output.splitlines()[:2] == [path, f"  1:1  error    GDPR005  {message}"]


def test_special_characters_pass_through(special: Result) -> None:
    """Commas, percent signs, pipes and markup characters appear as written."""
    assert render(special).splitlines()[1:4] == [
        "  2:5  error    GDPR005  Bad, value: 100%",
        '                         next | <tag> & "quoted" [x](y) *z*',
        "                         Use | & <",
    ]


def test_terminal_output_is_coloured(sample: Result) -> None:
    """Output to a terminal carries ANSI styles."""
    assert "\x1b[" in render(sample, _Terminal())


def test_no_color_turns_colour_off_at_a_terminal(
    sample: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR removes colour even at a terminal."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[31" not in render(sample, _Terminal())


def test_force_color_colours_piped_output(sample: Result, monkeypatch: pytest.MonkeyPatch) -> None:
    """FORCE_COLOR makes Rich colour a pipe too; the view without Rich steps aside for it."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in render(sample)


def test_tty_compatible_zero_keeps_a_terminal_plain(
    sample: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TTY_COMPATIBLE=0 says the terminal takes no escapes: plain, as Rich would write it."""
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    assert render(sample, _Terminal()) == render(sample)


def test_piped_text_needs_no_rich() -> None:
    """A piped run of the example writes its text without importing Rich (10 ms of it)."""
    code = (
        "import sys; sys.argv = ['complykit', 'validate', sys.argv[1], '--no-cache']\n"
        "from complykit.cli.entry import main\n"
        "code = main()\n"
        "print('RICH:' + ','.join(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code, str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert out.stdout.splitlines()[-1] == "RICH:", out.stderr
    assert out.stdout.splitlines()[0].startswith("No problems in")
