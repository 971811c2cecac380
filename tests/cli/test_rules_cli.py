"""``complykit rules`` and ``complykit explain``: the rule book as users read it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from complykit.cli.app import app

runner = CliRunner()


def test_rules_json_lists_every_code_once() -> None:
    """The JSON rule list has each code once, with its severity and citations."""
    result = runner.invoke(app, ["rules", "--format", "json"])
    rules = json.loads(result.stdout)["rules"]
    codes = [r["code"] for r in rules]
    inc006 = next(r for r in rules if r["code"] == "INC006")
    assert result.exit_code == 0
    assert len(codes) == len(set(codes))
    assert {"YAML001", "REF001", "SOA002", "GDPR026"} <= set(codes)
    assert inc006["citation"] == ["GDPR Art. 33(1)"]


def test_rules_json_carries_each_rules_note() -> None:
    """The note a rule's findings close with is in its JSON entry, as in ``explain``: a tool
    that shows the rules need not run them to say it."""
    rules = json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)["rules"]
    noted = {r["code"]: r["note"] for r in rules}
    assert "Digital Omnibus" in noted["AIA005"]
    assert noted["INC006"] is None


def test_rules_family_filter_keeps_one_family() -> None:
    """--family keeps only the codes of that family, whatever its case."""
    result = runner.invoke(app, ["rules", "--family", "soa", "--format", "json"])
    codes = {r["code"] for r in json.loads(result.stdout)["rules"]}
    assert codes
    assert all(code.startswith("SOA") for code in codes)


def test_rules_family_is_exact() -> None:
    """--family SUP lists SUP rules only, not every code that merely starts with those letters."""
    rules = json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)["rules"]
    by_family = {r["family"] for r in rules}
    for family in ("SUP", "SOA", "SCH", "INC"):
        result = runner.invoke(app, ["rules", "--family", family.lower(), "--format", "json"])
        listed = json.loads(result.stdout)["rules"]
        assert listed
        assert {r["family"] for r in listed} == {family}
        assert {r["code"] for r in listed} == {r["code"] for r in rules if r["family"] == family}
    assert {"SUP", "SOA", "SCH", "INC"} <= by_family
    assert runner.invoke(app, ["rules", "--family", "S", "-f", "json"]).stdout.count("code") == 0


def test_rules_json_shows_family_and_framework() -> None:
    """Each rule names its family and the framework whose scope turns it on, or none."""
    rules = {
        r["code"]: r
        for r in json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)["rules"]
    }
    assert (rules["GDPR001"]["family"], rules["GDPR001"]["framework"]) == ("GDPR", "gdpr")
    assert (rules["AIA006"]["family"], rules["AIA006"]["framework"]) == ("AIA", "eu-ai-act")
    assert (rules["DPIA004"]["family"], rules["DPIA004"]["framework"]) == ("DPIA", "gdpr")
    assert (rules["TASK001"]["family"], rules["TASK001"]["framework"]) == ("TASK", None)
    assert (rules["YAML001"]["family"], rules["YAML001"]["framework"]) == ("YAML", None)


def test_explain_shows_examples_and_the_cited_article() -> None:
    """explain prints the summary, the PASS/FAIL examples and the cited article's title."""
    result = runner.invoke(app, ["explain", "inc006"])
    assert result.exit_code == 0
    assert result.stdout.startswith("INC006 breach-notification-overdue (error)")
    assert "PASS:" in result.stdout
    assert "FAIL:" in result.stdout
    assert "Cites GDPR Art. 33(1): " in result.stdout


def test_explain_quotes_values_as_the_hints_do() -> None:
    """The examples quote a value with one backtick, as a finding's hint does, not with the
    two of the docstring they come from, which a privacy officer reads as a typo."""
    result = runner.invoke(app, ["explain", "GDPR034"])
    assert result.exit_code == 0
    assert "PASS: `legal_basis: contract` with `data_subjects: [Employees]`." in result.stdout
    assert "``" not in result.stdout


def test_explain_json_resolves_citations() -> None:
    """In JSON every citation carries the title its catalog gives it."""
    result = runner.invoke(app, ["explain", "SOA002", "--format", "json"])
    document = json.loads(result.stdout)
    assert document["code"] == "SOA002"
    assert document["cites"][0] == {
        "citation": "ISO/IEC 27001:2022 6.1.3 d)",
        "title": "Information security risk treatment",
        "unverified": False,
    }
    unverified = {"citation": "ISO/IEC 42001:2023 6.1.3", "title": "AI risk treatment"}
    assert {**unverified, "unverified": True} in document["cites"]


def test_explain_says_which_citations_the_catalog_has_not_confirmed() -> None:
    """A provision the catalog marks unverified is called unverified, not just its title; a
    confirmed one carries no mark. The rules page says the same."""
    from complykit.reference.docs import rules_page  # noqa: PLC0415 - loads every catalog

    lines = runner.invoke(app, ["explain", "SOA002"]).stdout.splitlines()
    assert "Cites ISO/IEC 42001:2023 6.1.3: AI risk treatment (unverified)" in lines
    assert "Cites ISO/IEC 27001:2022 6.1.3 d): Information security risk treatment" in lines
    row = next(line for line in rules_page().splitlines() if line.startswith("| SOA002 "))
    assert row.endswith(
        "| ISO/IEC 27001:2022 6.1.3 d); ISO/IEC 27701:2019 5.4; "
        "ISO/IEC 42001:2023 6.1.3 (unverified) |"
    )


def test_explain_unknown_code_suggests_the_closest() -> None:
    """An unknown code exits 2 and suggests the nearest real codes."""
    result = runner.invoke(app, ["explain", "GDPR26"])
    assert result.exit_code == 2
    assert "Did you mean GDPR026" in result.stderr
