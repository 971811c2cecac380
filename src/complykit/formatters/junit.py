"""JUnit XML, which GitLab, Jenkins, Azure DevOps and most CI test tabs can show."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TYPE_CHECKING

from complykit.escape import defuse_markup, visible
from complykit.formatters.citations import cited

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TextIO

    from complykit.core.findings import Finding
    from complykit.core.result import Result

SUITE_NAME = "complykit"
CLEAN_CASE_NAME = "complykit validate"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# XML 1.0 forbids most control characters and lone surrogates even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class JunitFormatter:
    """One test suite per file and one test case per finding.

    Findings at or above ``fail_on`` fail their test case; the others pass and carry their
    text in ``<system-out>``. A clean run is one passing test case, so CI shows a green test.
    """

    def render(self, result: Result, stream: TextIO) -> None:
        root = to_element(result)
        ET.indent(root)
        # us-ascii turns every other character into a reference, so the UTF-8 declaration holds
        # whatever the stream's encoding.
        body = ET.tostring(root, encoding="us-ascii", xml_declaration=False).decode("ascii")
        stream.write(DECLARATION + defuse_markup(body) + "\n")


def to_element(result: Result) -> ET.Element:
    """The ``<testsuites>`` element for ``result``."""
    suites = ET.Element("testsuites", name=SUITE_NAME)
    if result.findings:
        for path, group in groupby(result.findings, key=lambda f: f.path):
            suites.append(_suite(path.as_posix(), list(group), result))
    else:
        suite = _suite_element(SUITE_NAME, tests=1, failures=0)
        ET.SubElement(suite, "testcase", classname=SUITE_NAME, name=CLEAN_CASE_NAME)
        suites.append(suite)
    _copy_counts(suites, list(suites))
    return suites


def _suite(path: str, findings: Sequence[Finding], result: Result) -> ET.Element:
    failures = sum(f.severity.at_least(result.fail_on) for f in findings)
    suite = _suite_element(path, tests=len(findings), failures=failures)
    for finding in findings:
        suite.append(_case(path, finding, failing=finding.severity.at_least(result.fail_on)))
    return suite


def _suite_element(name: str, *, tests: int, failures: int) -> ET.Element:
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0"}
    return ET.Element("testsuite", {"name": xml_text(name), **counts})


def _case(path: str, finding: Finding, *, failing: bool) -> ET.Element:
    name = f"{finding.code} {finding.line}:{finding.column}"
    case = ET.Element("testcase", classname=xml_text(path), name=xml_text(name))
    if failing:
        attributes = {"type": xml_text(finding.code), "message": xml_text(finding.message)}
        ET.SubElement(case, "failure", attributes).text = xml_text(_details(path, finding))
    else:
        ET.SubElement(case, "system-out").text = xml_text(_details(path, finding))
    return case


def _details(path: str, finding: Finding) -> str:
    lines = [
        f"{path}:{finding.line}:{finding.column}: {finding.severity} {finding.code}",
        finding.message,
    ]
    if finding.hint:
        lines.append(f"Hint: {finding.hint}")
    if finding.citation:
        lines.append(f"Citation: {cited(finding.citation)}")
    return "\n".join(lines)


def _copy_counts(suites: ET.Element, children: Sequence[ET.Element]) -> None:
    # No `skipped` total: Jenkins' junit-10.xsd, the strictest common schema, has none there.
    for key in ("tests", "failures", "errors"):
        suites.set(key, str(sum(int(child.get(key, "0")) for child in children)))


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry, with no control character a terminal would act on."""
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", visible(text))
