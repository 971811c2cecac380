"""The hardened YAML loader: safe subset, located problems, never an exception."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings

from complykit.load import yaml_file
from complykit.load.limits import LoadLimits
from complykit.load.yaml_file import parse_yaml
from strategies import any_bytes, yaml_like_text

PATH = PurePosixPath("records/x.yaml")


def _codes(text: str | bytes) -> list[tuple[str, int, int]]:
    raw = text.encode() if isinstance(text, str) else text
    return [(f.code, f.line, f.column) for f in parse_yaml(PATH, raw).findings]


def _data(text: str) -> object:
    parsed = parse_yaml(PATH, text.encode())
    assert not parsed.findings
    return parsed.documents[0].data


def test_yaml11_booleans_and_dates_stay_strings() -> None:
    """Country code NO, 'yes' and dates stay text; only true/false are booleans."""
    data = _data("country: NO\nanswer: yes\nday: 2024-01-01\nflag: true\nold: 1:20\n")
    assert data == {
        "country": "NO",
        "answer": "yes",
        "day": "2024-01-01",
        "flag": True,
        "old": "1:20",
    }


def test_numbers_and_nulls_follow_the_core_schema() -> None:
    """Decimal, hex and octal integers, floats and null are typed."""
    data = _data("a: 012\nb: 0x1F\nc: 0o17\nd: 1.5\ne: ~\nf:\ng: .inf\n")
    assert data == {"a": 12, "b": 31, "c": 15, "d": 1.5, "e": None, "f": None, "g": float("inf")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", [("YAML002", 3, 1)]),
        ("a: &x 1\n", [("YAML003", 1, 4)]),
        ("<<: {a: 1}\n", [("YAML003", 1, 1)]),
        ("a: !!binary aGk=\n", [("YAML004", 1, 4)]),
        ("a: !custom x\n", [("YAML004", 1, 4)]),
        ("? [a]\n: 1\n", [("YAML008", 1, 3)]),
        ("a: 1\nti\ttle: x\n", [("YAML010", 2, 1)]),
        ('a: 1\n"title\\t": x\n', [("YAML010", 2, 1)]),
        ("a:\n  b: 1\n  'c\t': 2\n", [("YAML010", 3, 3)]),
        ("a: [1\n", [("YAML001", 2, 1)]),
        ("a: \x07\n", [("YAML006", 1, 4)]),
    ],
)
def test_unsafe_or_broken_yaml_is_a_located_finding(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    """Each refused construct gives its own code at the offending position."""
    assert _codes(text) == expected


def test_invalid_utf8_is_located() -> None:
    """A byte that is not UTF-8 is reported on its own line and column."""
    assert _codes(b"a: 1\nb: \xff\n") == [("YAML006", 2, 4)]


def test_size_and_depth_limits_apply() -> None:
    """Oversized files and deep nesting are refused instead of exhausting resources."""
    limits = LoadLimits(max_file_bytes=10, max_depth=3)
    assert [f.code for f in parse_yaml(PATH, b"a: 1234567890", limits).findings] == ["YAML005"]
    deep = b"a: [[[[[1]]]]]"
    assert [f.code for f in parse_yaml(PATH, deep, limits).findings] == ["YAML005"]


def test_a_file_over_the_size_limit_names_the_records_in_what_was_read() -> None:
    """References to a record of a file too large to load are not dangling: the ids declared
    in the part that was read (never more) are unread records, with the limit as the reason."""
    text = "\ufeffkind: supplier\nid: sup-a\n---\nkind: supplier\nid: sup-b\n---\nid: sup-c\n"
    limit = text.encode().index(b"id: sup-c") + len("id: sup")  # cut inside the third id
    parsed = parse_yaml(PATH, text.encode(), LoadLimits(max_file_bytes=limit))
    assert [f.code for f in parsed.findings] == ["YAML005"]
    assert [(u.id, u.kind, u.line) for u in parsed.unread] == [
        ("sup-a", "supplier", 2),
        ("sup-b", "supplier", 5),  # not "sup": a line cut short is not read
    ]
    assert parsed.unread[0].reason.startswith("YAML005 the file is larger than the limit")


def test_a_files_problems_are_listed_up_to_a_number_per_code_then_counted() -> None:
    """Every duplicate key of a file is a problem; past the limit one finding counts the rest,
    at the first left out, and problems of other codes are listed as before."""
    text = b"kind: task\nid: t\n" + b"a: 1\n" * 10 + b"x: &anchor 1\n"
    parsed = parse_yaml(PATH, text, LoadLimits(max_problems_per_code=3))
    listed = [(f.code, f.line, f.message) for f in parsed.findings]
    assert listed == [
        ("YAML002", 4, "duplicate key 'a'"),
        ("YAML002", 5, "duplicate key 'a'"),
        ("YAML002", 6, "duplicate key 'a'"),
        ("YAML002", 7, "6 more YAML002 problems in this file from here on, not listed"),
        ("YAML003", 13, "anchor '&anchor' is not allowed"),
    ]
    assert parse_yaml(PATH, text, LoadLimits(max_problems_per_code=9)).findings[-2].line == 12


def test_an_alias_is_named_as_an_alias_not_as_an_anchor() -> None:
    """The finding at ``*n`` quotes what the line holds, so the user finds it in the file."""
    parsed = parse_yaml(PATH, b"kind: supplier\nid: s\nname: &n Mailer\nservices: [*n]\n")
    assert [(f.code, f.line, f.column, f.message) for f in parsed.findings] == [
        ("YAML003", 3, 7, "anchor '&n' is not allowed"),
        ("YAML003", 4, 12, "alias '*n' is not allowed"),
    ]


def test_billion_laughs_is_refused_quickly() -> None:
    """Nested aliases are refused at the first alias instead of being expanded."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    parsed = parse_yaml(PATH, "\n".join(lines).encode())
    assert parsed.documents == ()
    assert {f.code for f in parsed.findings} == {"YAML003"}


def test_multiple_documents_are_kept_in_order() -> None:
    """Every non-empty document of a multi-document file becomes its own document."""
    parsed = parse_yaml(PATH, b"---\na: 1\n---\n---\nb: 2\n")
    assert [d.data for d in parsed.documents] == [{"a": 1}, {"b": 2}]
    assert [d.index for d in parsed.documents] == [0, 1]


def _assert_total(raw: bytes) -> None:
    parsed = parse_yaml(PATH, raw)
    text = raw.decode("utf-8-sig", errors="replace")
    lines = text.split("\n")
    for finding in parsed.findings:
        assert finding.path == PATH
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1


@settings(max_examples=300, deadline=None)
@given(yaml_like_text)
def test_any_yaml_like_text_gives_documents_or_located_findings(text: str) -> None:
    """For any text the loader returns documents or findings inside the text, never raising."""
    _assert_total(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(any_bytes)
def test_any_bytes_give_documents_or_located_findings(raw: bytes) -> None:
    """For any bytes the loader returns documents or findings inside the text, never raising."""
    _assert_total(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("country: NO\nday: 2024-01-01\n", []),
        ("a: 1\na: 2\n", [("YAML002", 2, 1)]),
        ("a: &x 1\n", [("YAML003", 1, 4)]),
        ("a: !custom x\n", [("YAML004", 1, 4)]),
    ],
)
def test_pure_python_fallback_behaves_like_libyaml(
    text: str, expected: list[tuple[str, int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without libyaml the pure-Python parser gives the same data and the same findings."""
    monkeypatch.setattr(yaml_file, "_Loader", yaml_file._PureLoader)
    assert _codes(text) == expected
    if not expected:
        assert _data(text) == {"country": "NO", "day": "2024-01-01"}


def _counted(data: object) -> int:
    if isinstance(data, dict):
        return 1 + sum(_counted(v) for v in data.values())
    if isinstance(data, list):
        return 1 + sum(_counted(v) for v in data)
    return 1


@given(yaml_like_text)
@settings(max_examples=200)
def test_a_document_holds_more_values_than_a_bound_exactly_when_it_counts_more(text: str) -> None:
    """The bound on a record's values (``LoadLimits.max_record_values``) counts scalars, lists
    and mappings at every depth, and the shortcut through the places never answers wrongly."""
    for document in parse_yaml(PATH, text.encode()).documents:
        values = _counted(document.data)
        for most in {0, 1, values // 2, values - 1, values, values + 1}:
            if most >= 0:
                assert document.holds_more_values_than(most) == (values > most)


def test_the_values_of_a_record_are_its_mappings_lists_and_scalars() -> None:
    document = parse_yaml(PATH, b"kind: supplier\ntags: [a, [b, c], {d: 1}]\n").documents[0]
    assert document.holds_more_values_than(8)  # 1 + 1 + 1 + (1 + 1 + 2) + (1 + 1) = 9
    assert not document.holds_more_values_than(9)


def test_a_number_too_long_to_convert_says_so() -> None:
    """Python converts at most 4,300 digits; a longer number is refused as such, not as "not a
    valid int"."""
    parsed = parse_yaml(PATH, b"kind: supplier\nemployees: " + b"7" * 5000 + b"\n")
    [finding] = parsed.findings
    assert (finding.code, finding.line, finding.column) == ("YAML004", 2, 12)
    assert finding.message == (
        "a whole number of 5,000 characters is longer than the 4,300 digits that are read"
    )
    assert finding.hint == "Quote it if it is a code or an identifier, not a number."


def test_records_of_a_file_of_several_carry_a_digest_of_their_data() -> None:
    """So a later run can tell the records an edit changed from those it only moved."""
    first = parse_yaml(PATH, "---\nid: a\nname: Zoë 😀\n---\nid: b\nname: B\n".encode()).documents
    text = "# ∑ moved\n\n---\nid: a\nname: Zoë 😀\n---\nid: b\nname: C\n"
    moved = parse_yaml(PATH, text.encode()).documents
    assert [d.digest is not None for d in first] == [True, True]
    assert first[0].digest == moved[0].digest  # the same text, further down
    assert first[1].digest != moved[1].digest
    # The composing builder (a file with a problem elsewhere) cuts the texts the same way.
    composed = parse_yaml(PATH, ("---\nid: c\nid: c\n" + text).encode()).documents
    assert [d.digest for d in composed] == [d.digest for d in moved]
    assert parse_yaml(PATH, b"id: a\nname: A\n").documents[0].digest is None


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (b"kind: risk\n\ttitle: x\n", "indent with spaces"),
        (b"kind: risk\nevidence:\n\t- x\n", "indent with spaces"),
        (b"kind: risk\nimplements:\n  gdpr: [a]\n  \tiso: [b]\n", "indent with spaces"),
        (b'kind: risk\ntitle: "a\\qb"\n', "write a backslash as"),
        (b"kind: risk\ntitle: a: b\n", "put text that holds ': ' in quotes"),
        (b'kind: risk\ntitle: "abc\n', "Close the quote at the end of the value"),
        (b"kind: risk\nlist: [a, b\n", "Close the list or mapping written in brackets"),
        (b"kind: risk\n" + b"k" * 1100 + b": 1\n", "at most 1,024 characters"),
    ],
)
def test_common_syntax_errors_say_what_to_do(text: bytes, hint: str) -> None:
    """libyaml's common complaints come with a hint in the user's terms."""
    [finding] = parse_yaml(PurePosixPath("r.yaml"), text).findings
    assert finding.code == "YAML001"
    assert finding.hint is not None
    assert hint in finding.hint


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (b"kind: risk\nevidence:\n\t- x\n", (3, 1)),
        (b"kind: risk\nimplements:\n  gdpr: [a]\n  \tiso: [b]\n", (4, 3)),
        (b"kind: risk\r\nevidence:\r\n\t- x\r\n", (3, 1)),
        (b"kind: risk\n\ttitle: x\n", (2, 1)),
    ],
)
def test_a_tab_that_indents_is_named_at_the_tab(text: bytes, place: tuple[int, int]) -> None:
    """libyaml's "found character that cannot start any token" says nothing of a tab: the
    finding does, at the tab, whichever parser read it."""
    for loader in (yaml_file._Loader, yaml_file._PureLoader):
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(yaml_file, "_Loader", loader)
            [finding] = parse_yaml(PurePosixPath("r.yaml"), text).findings
        assert (finding.code, finding.line, finding.column) == ("YAML001", *place)
        assert finding.message == (
            "YAML syntax error: a tab indents this line; YAML indents with spaces only"
        )


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "kind: risk\nti\ttle: x\n",
            "the key 'ti\\ttle' holds a tab, which YAML keeps as part of the key",
            (
                "Remove the tab: write the key as 'ti_tle' or as 'title', whichever is the field "
                "meant (field names join their words with '_')."
            ),
        ),
        (
            "kind: risk\nnext\treview: x\n",
            "the key 'next\\treview' holds a tab, which YAML keeps as part of the key",
            (
                "Remove the tab: write the key as 'next_review' or as 'nextreview', whichever "
                "is the field meant (field names join their words with '_')."
            ),
        ),
        (
            'kind: risk\n"name\\t": x\n',
            "the key 'name\\t' holds a tab, which YAML keeps as part of the key",
            "Remove the tab, so that the key reads 'name'.",
        ),
        (
            'kind: risk\n"\\t": x\n',
            "the key '\\t' holds a tab, which YAML keeps as part of the key",
            "Remove the tab and name the field.",
        ),
    ],
)
def test_a_tab_in_a_key_is_named_with_the_key_meant(text: str, message: str, hint: str) -> None:
    """A tab kept in a key would be an unknown field with an invisible difference; the finding
    spells the tab out and names the key without it."""
    parsed = parse_yaml(PurePosixPath("r.yaml"), text.encode())
    [finding] = parsed.findings
    assert (finding.code, finding.line, finding.column) == ("YAML010", 2, 1)
    assert (finding.message, finding.hint) == (message, hint)
    assert parsed.documents == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('kind: risk\n"name\\t": x\n', ("YAML010", 2, 1, "the key 'name\\t' holds a tab")),
        ("kind: risk\nti\ttle: x\n", ("YAML001", 2, 3, "a tab where YAML takes only spaces")),
        ("- a\n-\t- b\n", ("YAML001", 2, 2, "a tab where YAML takes only spaces")),
    ],
)
def test_without_libyaml_a_tab_is_named_too(
    text: str, expected: tuple[str, int, int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pure-Python parser refuses a tab inside a plain key as a syntax error: at the tab,
    saying so, and not as indentation."""
    monkeypatch.setattr(yaml_file, "_Loader", yaml_file._PureLoader)
    [finding] = parse_yaml(PurePosixPath("r.yaml"), text.encode()).findings
    assert (finding.code, finding.line, finding.column) == expected[:3]
    assert expected[3] in finding.message
