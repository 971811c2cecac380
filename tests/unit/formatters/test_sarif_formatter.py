from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema import Draft4Validator

from complykit.core.findings import Severity
from complykit.core.frozen import replace
from complykit.core.result import Waived
from complykit.formatters.budget import SARIF_RESULTS
from complykit.formatters.sarif import SarifFormatter, to_sarif

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.findings import Finding
    from complykit.core.result import Result

# CI checks out ../shared/ beside the repository; a contributor's clone may not have it.
SCHEMA_FILE = Path(__file__).resolve().parents[4] / "shared/schemas/sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    if not SCHEMA_FILE.is_file():
        pytest.skip(f"the official SARIF schema is not at {SCHEMA_FILE} (CI's ../shared/)")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def render(result: Result) -> dict[str, Any]:
    stream = io.StringIO()
    SarifFormatter().render(result, stream)
    document: dict[str, Any] = json.loads(stream.getvalue())
    return document


@pytest.mark.parametrize("name", ["sample", "clean", "special"])
def test_log_is_valid_against_the_official_schema(
    name: str, validator: Draft4Validator, request: pytest.FixtureRequest
) -> None:
    """Every log complykit writes validates against the OASIS SARIF 2.1.0 schema."""
    errors = [
        error.message for error in validator.iter_errors(render(request.getfixturevalue(name)))
    ]
    assert errors == []


def test_rules_list_only_codes_that_appear(sample: Result) -> None:
    """The driver lists the rules that fired, sorted, and each result points at its rule."""
    run = render(sample)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["GDPR005", "REF001", "SOA002"]
    assert [rules[r["ruleIndex"]]["id"] for r in run["results"]] == [
        r["ruleId"] for r in run["results"]
    ]


def test_rule_carries_metadata_from_the_registry(sample: Result) -> None:
    """A rule states its name, descriptions, help with hint, default level and citation tags."""
    rule = render(sample)["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule == {
        "id": "GDPR005",
        "name": "retention-missing",
        "shortDescription": {"text": "A processing activity states no retention period."},
        "fullDescription": {
            "text": "A processing activity states no retention period.\n\n"
            "Citation: GDPR Art. 30(1)(f)"
        },
        "help": {
            "text": "A processing activity states no retention period.\n\n"
            "Hint: Add a retention period or the criteria that set it."
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["GDPR Art. 30(1)(f)"]},
    }


def test_results_map_severity_to_level(sample: Result) -> None:
    """Errors, warnings and infos become error, warning and note."""
    results = render(sample)["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]


def test_location_is_relative_to_the_source_root(special: Result) -> None:
    """Locations are percent-encoded URIs relative to %SRCROOT%, the workspace root."""
    run = render(special)["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///srv/privacy-register/"}}
    assert run["results"][0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "odd%20dir/a%2Cb%3Ac%25.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 5},
    }


def test_message_includes_the_hint(special: Result) -> None:
    """The result message is the finding's message followed by its hint."""
    message = render(special)["runs"][0]["results"][0]["message"]["text"]
    assert message == special.findings[0].message + "\n\nHint: Use | & <"


def test_unknown_code_gets_a_bare_rule(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """A code missing from the rule registry still gets a rule entry with its id."""
    run = render(make_result(make_finding(code="XYZ999")))["runs"][0]
    assert run["tool"]["driver"]["rules"] == [{"id": "XYZ999"}]


def test_waived_finding_is_a_valid_suppressed_result(
    sample: Result, validator: Draft4Validator
) -> None:
    """A waived finding becomes a result with an accepted external suppression, schema-valid."""
    waived = replace(sample, waived=(Waived(sample.findings[0], "wv-payroll"),))
    document = render(waived)
    suppressed = [r for r in document["runs"][0]["results"] if "suppressions" in r]
    assert [error.message for error in validator.iter_errors(document)] == []
    assert [s["suppressions"][0]["kind"] for s in suppressed] == ["external"]


def test_a_run_keeps_within_what_code_scanning_accepts(
    make_result: Callable[..., Result],
    make_finding: Callable[..., Finding],
    validator: Draft4Validator,
) -> None:
    """Over the limit (25,000 results; 4 here), the errors are kept before warnings, in their
    order, then waived findings; the run says how many were left out, and stays valid."""
    warnings = [
        make_finding(path=f"a/{i}.yaml", code="REF001", severity=Severity.WARNING) for i in range(5)
    ]
    errors = [make_finding(path=f"z/{i}.yaml") for i in range(2)]
    result = make_result(*warnings, *errors)
    result = replace(result, waived=(Waived(make_finding(path="w.yaml"), "wv-1"),))
    run = to_sarif(result, most=4)["runs"][0]
    places = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ]
    assert places == ["a/0.yaml", "a/1.yaml", "z/0.yaml", "z/1.yaml"]
    notice = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert notice.startswith("4 more result(s) left out: code scanning rejects a run with over 4")
    assert list(validator.iter_errors(to_sarif(result, most=4))) == []
    assert "invocations" not in to_sarif(result, most=8)["runs"][0]
    assert len(to_sarif(result, most=8)["runs"][0]["results"]) == 8
    assert SARIF_RESULTS == 25_000
