"""The escapers: untrusted text in, nothing a terminal, CI runner or Markdown renderer acts on."""

from __future__ import annotations

import io
import json
import re
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from complykit.escape import (
    DefusingWriter,
    defuse,
    defuse_json,
    defuse_markup,
    has_command,
    markdown,
    one_line,
    plain,
)
from complykit.escape.controls import escape_char, is_unsafe, visible

# Characters that make payloads: runner prefixes, controls, bidi, markup and mentions.
_PIECES = st.sampled_from(
    [
        "::",
        "::warning::",
        "##[",
        "##vso[",
        "##VSO[",
        "##teamcity[",
        "#",
        ":",
        "\n",
        "\r",
        " ",
        "\t",
        "\x1b",
        "\x1b]52;c;SE9PSw==\x07",
        "\x9b",
        "\u202e",
        "\u2066",
        "\u2028",
        "\ufeff",
        "@",
        "@octocat",
        "<img src=x>",
        "[a](javascript:alert(1))",
        "![t](https://t.example/p.png)",
        "|",
        "&#64;",
        "\\",
        "\udcff",
        "a",
    ]
)
HOSTILE = st.one_of(st.text(), st.lists(_PIECES, max_size=12).map("".join))
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_LIVE_MENTION = re.compile(r"(?<![A-Za-z0-9_\\])@[A-Za-z0-9]")


# Hostile text inside a page long enough for the escapers' whole-page shortcuts to apply.
_PAGE = "<p>ASCII &amp; Dutch: één café \u2018quoted\u2019 \u2014 10 \u20ac</p>\n    " * 80
LONG = st.tuples(HOSTILE, st.integers(0, len(_PAGE))).map(
    lambda parts: _PAGE[: parts[1]] + parts[0] + _PAGE[parts[1] :]
)


def _each_char_escaped(text: str, *, keep_newlines: bool) -> str:
    """What ``visible`` promises, one character at a time."""
    kept = "\n" if keep_newlines else ""
    return "".join(escape_char(c) if is_unsafe(c) and c != kept else c for c in text)


def _runner_commands(output: str) -> list[str]:
    """Lines a GitHub or Azure runner would execute."""
    return [line for line in output.split("\n") if has_command(line)]


def test_unsafe_set_covers_every_control_format_and_separator_character() -> None:
    """Every Cc, Cf, Cs, Zl and Zp character is escaped, except tab, soft hyphen and joiners."""
    kept = set("\t\u00ad\u200c\u200d")
    categories = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) in categories and char not in kept:
            assert is_unsafe(char), hex(code)


@given(HOSTILE)
def test_plain_leaves_no_runner_command_or_raw_control(text: str) -> None:
    """Plain text keeps only newlines and tabs raw, and no line is a runner command."""
    safe = plain(text)
    assert not _runner_commands(safe)
    assert not _RAW_CONTROL.search(safe)
    safe.encode("utf-8")  # no lone surrogate left


@given(HOSTILE)
def test_one_line_is_one_line(text: str) -> None:
    """One-line text holds no line break of any kind."""
    assert len(one_line(text).splitlines()) <= 1


@given(HOSTILE, HOSTILE)
def test_defused_fields_stay_inert_when_joined(left: str, right: str) -> None:
    """Two escaped fields joined as formatters join them make no command."""
    assert not _runner_commands(f"  {plain(left)}: {plain(right)}")


@given(HOSTILE)
def test_markdown_is_one_inert_line(text: str) -> None:
    """Markdown-escaped text is one line with no tag, link, mention, pipe or command."""
    safe = markdown(text)
    assert "\n" not in safe
    assert "<" not in safe.replace("<br>", "")
    assert not re.search(r"(?<!\\)[|\[\]`*]", safe)
    assert not _LIVE_MENTION.search(safe)
    assert not _runner_commands(safe)
    assert not _RAW_CONTROL.search(safe)


@given(HOSTILE)
def test_json_defusing_keeps_the_data(text: str) -> None:
    """Defused JSON decodes to the same value and shows no command or raw control."""
    document = json.dumps({"k": text, "l": [text]}, indent=2, ensure_ascii=False)
    safe = defuse_json(document)
    assert json.loads(safe) == json.loads(document)
    assert not _runner_commands(safe)
    assert not _RAW_CONTROL.search(safe)


def test_markup_defusing_uses_character_references() -> None:
    """HTML and XML keep their meaning: the runner prefixes become character references."""
    defused = defuse_markup("<p>\n  ::error::x ##vso[y]</p>")
    assert defused == "<p>\n  &#58;:error::x #&#35;vso[y]</p>"


def test_the_hook_payload_is_defused() -> None:
    """The record key of the project's own hook check shows escaped, on no command line."""
    payload = "x\n::warning::HOOK-INJECTED \x1b]52;c;SE9PSw==\x07 ##vso[task.setvariable x]1"
    assert plain(payload) == (
        "x\n\\x3a:warning::HOOK-INJECTED \\x1b]52;c;SE9PSw==\\x07 \\x23#vso[task.setvariable x]1"
    )


def test_email_addresses_are_no_mentions() -> None:
    """An e-mail address stays readable; a mention gets a zero-width space after the @."""
    assert markdown("dpo@example.nl, @octocat") == "dpo@example.nl, @&#8203;octocat"


@given(st.lists(HOSTILE, max_size=5))
def test_defusing_writer_checks_whole_lines(chunks: list[str]) -> None:
    """However writes split a line, the stream's lines hold no command."""
    target = io.StringIO()
    writer = DefusingWriter(target)
    for chunk in chunks:
        writer.write(chunk)
    writer.close()
    assert not _runner_commands(target.getvalue())


@given(st.one_of(HOSTILE, LONG), st.booleans())
def test_visible_escapes_every_unsafe_character_of_long_and_short_texts(
    text: str, keep_newlines: bool
) -> None:
    """A whole page is escaped exactly as character by character, shortcut or not."""
    expected = _each_char_escaped(text, keep_newlines=keep_newlines)
    assert visible(text, keep_newlines=keep_newlines) == expected


@given(st.one_of(HOSTILE, LONG))
def test_defusing_a_page_misses_no_line_that_starts_with_a_colon(text: str) -> None:
    """Every line a runner would read as a command is defused, in short and long texts."""
    github = re.compile(r"^((?:\s|\x1b\[[0-9;]*m)*):", re.MULTILINE)
    anywhere = re.sub(r"#(?=#[A-Za-z]*\[)", r"\\x23", text)
    assert defuse(text) == github.sub(lambda m: f"{m.group(1)}\\x3a", anywhere)
    page = visible(text).replace("##", "#&#35;")
    assert defuse_markup(text) == github.sub(lambda m: f"{m.group(1)}&#58;", page)
    assert not _runner_commands(defuse_markup(text))
