"""The check registry: unique codes and names, documented examples, a case and true citations."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator

import pytest

from complykit.catalog.citations import split_citation
from complykit.catalog.load import load_catalogs
from complykit.checks import REGISTRY, registry
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.soa_index import SOA_CLAUSES
from complykit.validate.engine import all_rules
from conftest import CASES

CODE = re.compile(r"^(YAML|SCH|REF|GDPR|DPIA|AIA|SOA|INC|SUP|TASK|WVR|RSK)\d{3}$")


def test_codes_follow_the_family_pattern() -> None:
    """Every code is a known family prefix plus three digits."""
    assert all(CODE.match(code) for code in all_rules())


def test_names_are_unique() -> None:
    """No two rules share a name."""
    names = [rule.name for rule in all_rules().values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_check_docstring_reads_as_prose(code: str) -> None:
    """`complykit explain` and the rules reference render a docstring as Markdown, where a line
    indented four spaces more than the text begins a code block: no line is."""
    doc = inspect.getdoc(REGISTRY[code].function) or ""
    assert not [line for line in doc.splitlines() if line.startswith("    ")]


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_check_docstring_has_pass_and_fail_examples(code: str) -> None:
    """Each check's docstring shows a passing and a failing example."""
    doc = REGISTRY[code].function.__doc__ or ""
    assert "PASS:" in doc
    assert "FAIL:" in doc


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_every_code_has_a_case(code: str) -> None:
    """Each code has at least one file-based case under tests/cases/<code>/."""
    if code == "YAML009":
        pytest.skip("an unreadable file cannot be committed; tests/unit covers it")
    assert any((CASES / code).glob("*/expected.yaml"))


def _resolve(citation: str) -> tuple[str, str]:
    parts = split_citation(citation)
    assert parts is not None, f"citation {citation!r} names no known framework"
    return parts


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_citations_exist_in_the_catalogs(code: str) -> None:
    """Every citation names an article, clause or control that its catalog holds."""
    catalogs = load_catalogs()
    for citation in all_rules()[code].citation:
        framework, item = _resolve(citation)
        catalog = catalogs.framework(framework)
        assert catalog is not None
        assert item in catalog, citation


def test_soa_clauses_cite_existing_clauses() -> None:
    """The clause each framework's SoA checks cite exists in that framework's catalog."""
    for framework, citation in SOA_CLAUSES.items():
        found_framework, item = _resolve(citation)
        catalog = load_catalogs().framework(framework)
        assert found_framework == framework
        assert catalog is not None
        assert item in catalog, citation


def _documented(_repo: object) -> Iterator[Problem]:
    """An activity states no
    retention period.

    PASS: ``retention: P2Y``. FAIL: no ``retention``.
    """
    yield from ()


def test_a_taken_code_or_name_cannot_be_registered_again() -> None:
    """A new rule that reuses another rule's code or name fails at import, not silently."""
    taken = REGISTRY["GDPR001"].info
    with pytest.raises(ValueError, match="registered twice"):
        check(code=taken.code, name="a-name-no-rule-has", severity=Severity.ERROR, reads=())(
            _documented
        )
    with pytest.raises(ValueError, match="registered twice"):
        check(code="GDPR999", name=taken.name, severity=Severity.ERROR, reads=())(_documented)


def test_a_check_cannot_take_a_code_the_loader_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """REF009 (a rule that could not run) and the YAML and SCH codes of loading are not checks:
    a check registered under one of them would change what an existing code means."""
    monkeypatch.setattr(registry, "REGISTRY", dict(REGISTRY))
    check(code="REF009", name="a-name-no-rule-has", severity=Severity.ERROR, reads=())(_documented)
    monkeypatch.setattr("complykit.validate.engine.REGISTRY", registry.REGISTRY)
    with pytest.raises(ValueError, match=r"codes the loader reports: \['REF009'\]"):
        all_rules()


def test_summary_is_the_first_paragraph_of_the_docstring(monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary `rules` and `explain` show is the docstring's first paragraph, on one line."""
    monkeypatch.setattr(registry, "REGISTRY", {})
    check(code="GDPR999", name="retention-absent", severity=Severity.WARNING, reads=())(_documented)
    assert registry.REGISTRY["GDPR999"].info.summary == "An activity states no retention period."
