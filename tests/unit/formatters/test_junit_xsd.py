"""JUnit output is valid against the strictest common JUnit schema, Jenkins' junit-10.xsd."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import xmlschema

from complykit.formatters.junit import JunitFormatter

if TYPE_CHECKING:
    from complykit.core.result import Result

XSD = Path(__file__).parents[2] / "schemas" / "junit-jenkins.xsd"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(XSD)


def _render(result: Result) -> str:
    stream = io.StringIO()
    JunitFormatter().render(result, stream)
    return stream.getvalue()


def test_findings_validate_against_the_jenkins_schema(
    schema: xmlschema.XMLSchema, sample: Result
) -> None:
    """A run with failing and passing findings gives a document the schema accepts."""
    schema.validate(_render(sample))


def test_a_clean_run_validates_against_the_jenkins_schema(
    schema: xmlschema.XMLSchema, clean: Result
) -> None:
    """A run without findings (one passing test case) is accepted too."""
    schema.validate(_render(clean))


def test_the_schema_refuses_skipped_on_testsuites(schema: xmlschema.XMLSchema) -> None:
    """The schema is strict where Jenkins is: `skipped` on <testsuites> is not allowed."""
    suite = '<testsuite name="a" tests="0" failures="0" errors="0"/>'
    assert schema.is_valid(f"<testsuites>{suite}</testsuites>")
    document = f'<testsuites skipped="0">{suite}</testsuites>'
    assert not schema.is_valid(document)
