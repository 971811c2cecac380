from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path, PurePosixPath

from hypothesis import given
from hypothesis import strategies as st

from complykit.core.findings import Finding, Severity
from complykit.core.result import Result
from complykit.escape import defusing
from complykit.formatters.json import JsonFormatter
from complykit.formatters.junit import JunitFormatter, xml_text
from complykit.formatters.text import TextFormatter, text_blocks

segments = st.text(st.characters(exclude_characters="/\x00"), min_size=1, max_size=12)
paths = st.lists(segments, min_size=1, max_size=4).map(lambda parts: PurePosixPath(*parts))
texts = st.text(st.characters(codec=None), max_size=80)
findings = st.builds(
    Finding,
    path=paths,
    line=st.integers(1, 10_000),
    column=st.integers(1, 500),
    code=st.from_regex(r"[A-Z]{2,4}[0-9]{3}", fullmatch=True),
    severity=st.sampled_from(Severity),
    message=texts,
    hint=st.none() | texts,
    citation=st.lists(texts, max_size=2).map(tuple),
    record=st.none() | texts,
)
results = st.builds(
    Result,
    root=st.just(Path("/srv/register")),
    findings=st.lists(findings, max_size=6).map(lambda fs: tuple(sorted(fs))),
    rules=st.just({}),
    files_checked=st.integers(0, 1000),
    records_checked=st.integers(0, 100_000),
    as_of=st.just(date(2024, 5, 1)),
    fail_on=st.sampled_from([Severity.ERROR, Severity.WARNING]),
)


@given(results)
def test_json_round_trips(result: Result) -> None:
    """For any findings the JSON output parses back to the same messages and paths."""
    stream = io.StringIO()
    JsonFormatter().render(result, stream)
    document = json.loads(stream.getvalue())
    assert [(f["path"], f["message"], f["hint"]) for f in document["findings"]] == [
        (f.path.as_posix(), f.message, f.hint) for f in result.findings
    ]


@given(results)
def test_junit_parses(result: Result) -> None:
    """For any findings the JUnit output is well-formed XML with one case per finding."""
    stream = io.StringIO()
    JunitFormatter().render(result, stream)
    root = ET.fromstring(stream.getvalue())  # noqa: S314 -- our own output
    cases = list(root.iter("testcase"))
    assert len(cases) == max(len(result.findings), 1)
    failures = [f.get("message") for f in root.iter("failure")]
    assert failures == [xml_text(f.message) for f in result.failing]


@given(results)
def test_piped_text_is_what_rich_writes_without_colour(result: Result) -> None:
    """The piped text view skips Rich (formatters.text.write_plain); for any findings, however
    odd their texts, it writes the bytes Rich writes when colour is off."""
    from rich.console import Console  # noqa: PLC0415 - only this test needs Rich directly

    piped = io.StringIO()
    TextFormatter().render(result, piped)
    through_rich = io.StringIO()
    console = Console(file=through_rich, soft_wrap=True, highlight=False, markup=False, emoji=False)
    assert console.color_system is None
    with defusing(through_rich) as safe:
        console.file = safe
        for block in text_blocks(result):
            for line in block:
                console.print(line.rich())
    assert piped.getvalue() == through_rich.getvalue()
