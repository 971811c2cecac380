from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.formatters.junit import JunitFormatter, xml_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.findings import Finding
    from complykit.core.result import Result


def render(result: Result) -> str:
    stream = io.StringIO()
    JunitFormatter().render(result, stream)
    return stream.getvalue()


def parse(result: Result) -> ET.Element:
    # Parsing our own output, not untrusted XML.
    return ET.fromstring(render(result))  # noqa: S314


def test_output_starts_with_an_xml_declaration(sample: Result) -> None:
    """The document opens with a UTF-8 XML declaration."""
    assert render(sample).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')


def test_one_suite_per_file_and_one_case_per_finding(sample: Result) -> None:
    """Suites group findings by file and the totals add up."""
    root = parse(sample)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["records/activities.yaml", "soa.yaml"]
    assert [(s.get("tests"), s.get("failures")) for s in suites] == [("2", "1"), ("1", "0")]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "0")
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == ["GDPR005 12:3", "REF001 40:7", "SOA002 3:1"]


def test_failing_finding_has_a_failure_with_details(sample: Result) -> None:
    """A finding at the threshold fails its test case with code, message, hint and citation."""
    failure = parse(sample).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.attrib == {
        "type": "GDPR005",
        "message": "Processing activity 'payroll' states no retention period.",
    }
    assert (failure.text or "").splitlines() == [
        "records/activities.yaml:12:3: error GDPR005",
        "Processing activity 'payroll' states no retention period.",
        "Hint: Add a retention period or the criteria that set it.",
        "Citation: GDPR Art. 30(1)(f)",
    ]


def test_finding_below_threshold_passes_with_output(sample: Result) -> None:
    """A warning under --fail-on error passes and shows its text as system-out."""
    case = parse(sample).findall("testsuite/testcase")[1]
    assert [child.tag for child in case] == ["system-out"]


def test_fail_on_warning_fails_warnings(sample: Result, make_result: Callable[..., Result]) -> None:
    """Under --fail-on warning a warning fails its test case as well."""
    root = parse(make_result(*sample.findings, fail_on=Severity.WARNING))
    assert root.get("failures") == "2"


def test_clean_run_is_one_passing_test(clean: Result) -> None:
    """A clean run shows one passing test case so CI reports green."""
    root = parse(clean)
    cases = list(root.iter("testcase"))
    assert [(c.get("classname"), c.get("name"), list(c)) for c in cases] == [
        ("complykit", "complykit validate", [])
    ]
    assert (root.get("tests"), root.get("failures")) == ("1", "0")


def test_special_characters_round_trip(special: Result) -> None:
    """Quotes, ampersands, angle brackets and newlines in attributes read back unchanged."""
    case = parse(special).find("testsuite/testcase")
    assert case is not None
    assert case.get("classname") == "odd dir/a,b:c%.yaml"
    assert case[0].get("message") == special.findings[0].message


def test_control_characters_become_visible_escapes(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """Characters XML cannot carry are written as backslash escapes, keeping the XML valid."""
    failure = parse(make_result(make_finding(message="bell\x07 nul\x00"))).find(".//failure")
    assert failure is not None
    assert failure.get("message") == "bell\\x07 nul\\x00"
    assert xml_text("ok\ttab") == "ok\ttab"
