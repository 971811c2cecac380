"""Class 11: a file at the loader's limits, or a record full of problems, costs time in
proportion to its size.

A pull request may add one file of a few megabytes holding a hundred thousand tiny documents
and a syntax error at its end, or a hundred thousand duplicate keys or aliases. Naming the
records such a file meant to hold, and placing each problem in it, once took minutes; every
problem was listed, hundreds of thousands of findings for one file. Each case runs in a child
process under the suite's time limit and exits 1 with a bounded list of findings.

So does a record with tens of thousands of wrong list items or broken references (each
finding was placed by unpacking the record's places again and walking its list from the
start), and a pull request adding thousands of waivers (each finding was tried against every
waiver's every path pattern).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complykit.load.limits import DEFAULT_LIMITS
from hostile.harness import git_commit_all, run_process, workspace

DOCUMENT = "---\nkind: supplier\nid: sup-{n:06d}\nname: S\n"
RISK = """\
kind: risk
id: risk-a
title: T
description: D
category: privacy
inherent: {likelihood: 3, impact: 3}
treatment: mitigate
treatment_plan: P
residual: {likelihood: 2, impact: 2}
affects: [sup-000007]
"""


def _documents(size: int) -> str:
    """Tiny documents filling ``size`` bytes, then a syntax error."""
    count = size // len(DOCUMENT.format(n=0))
    return "".join(DOCUMENT.format(n=n) for n in range(count)) + "name: [\n"


def _findings(root: Path, tmp_path: Path) -> list[dict[str, object]]:
    outcome = run_process("validate", str(root), "--format", "json", "--no-cache", cwd=tmp_path)
    outcome.assert_inert(allowed=(1,))
    findings: list[dict[str, object]] = json.loads(outcome.stdout)["findings"]
    return findings


def test_a_broken_file_of_many_documents_is_a_finding_in_proportion(tmp_path: Path) -> None:
    """Just under the size limit: the syntax error is reported, and the records it stopped
    are known, so the risk's reference to one of them is not a dangling reference."""
    text = _documents(DEFAULT_LIMITS.max_file_bytes - 1024)
    root = workspace(tmp_path, {"suppliers/all.yaml": text, "risks/a.yaml": RISK})
    findings = _findings(root, tmp_path)
    at_file = {f["code"] for f in findings if f["path"] == "suppliers/all.yaml"}
    assert at_file & {"YAML001", "YAML005"}
    assert not [f for f in findings if f["code"] == "REF001"]


def test_a_file_over_the_size_limit_names_its_records_as_unread(tmp_path: Path) -> None:
    """Over the limit nothing is parsed, but the records declared in what was read are known:
    one refused file is one finding, not one more for every reference to its records."""
    text = _documents(DEFAULT_LIMITS.max_file_bytes + 4096)
    root = workspace(tmp_path, {"suppliers/all.yaml": text, "risks/a.yaml": RISK})
    findings = _findings(root, tmp_path)
    assert [f["code"] for f in findings if f["path"] == "suppliers/all.yaml"] == ["YAML005"]
    assert not [f for f in findings if f["code"] == "REF001"]


def _one_list_of(items: int) -> str:
    return "tags: [" + ",".join(["1"] * items) + "]\n"


OVERSIZED = {
    "a record": ("suppliers/s.yaml", "kind: supplier\nid: s\nname: S\n", "s"),
    "the config": ("complykit.yaml", "organisation: {name: O}\n", None),
}


@pytest.mark.parametrize("case", OVERSIZED)
def test_a_record_of_millions_of_values_is_refused_before_it_is_validated(
    tmp_path: Path, case: str
) -> None:
    """Just under the size limit, a list of 2.4 million wrong items: validated, each was an
    error pydantic kept (3 GB and a minute; the harness allows 2 GiB). A document of more than
    ``max_record_values`` values is one finding, and a record's id is named as unread."""
    name, head, record_id = OVERSIZED[case]
    items = (DEFAULT_LIMITS.max_file_bytes - 4096) // 2
    risk = RISK.replace("sup-000007", "s")
    root = workspace(tmp_path, {name: head + _one_list_of(items), "risks/a.yaml": risk})
    outcome = run_process("validate", str(root), "--format", "json", "--no-cache", cwd=tmp_path)
    outcome.assert_inert(allowed=(1, 2))
    found = [f for f in json.loads(outcome.stdout)["findings"] if f["path"] == name]
    most = DEFAULT_LIMITS.max_record_values
    assert [(f["code"], f["line"], f["record"]) for f in found] == [("YAML005", 1, record_id)]
    assert f"more than {most:,} values" in str(found[0]["message"])
    if record_id is not None:  # unread, so the risk that names it is not a broken reference
        assert "REF001" not in {f["code"] for f in json.loads(outcome.stdout)["findings"]}


PROBLEMS = {
    "duplicate keys": ("a: 1\n" * 200_000, "YAML002"),
    "aliases": ("x: &a v\ny:\n" + "  - *a\n" * 250_000, "YAML003"),
    "merge keys": (
        "".join(f"m{n}: &m{n} {{a: 1}}\nn{n}: {{<<: *m{n}}}\n" for n in range(30_000)),
        "YAML003",
    ),
}


@pytest.mark.parametrize("case", PROBLEMS)
def test_a_file_of_countless_problems_lists_a_bounded_number(tmp_path: Path, case: str) -> None:
    body, code = PROBLEMS[case]
    root = workspace(tmp_path, {"suppliers/s.yaml": f"kind: supplier\nid: s\n{body}"})
    findings = [f for f in _findings(root, tmp_path) if f["path"] == "suppliers/s.yaml"]
    most = DEFAULT_LIMITS.max_problems_per_code
    assert [f["code"] for f in findings] == [code] * (most + 1)
    assert "more YAML00" in str(findings[-1]["message"])


COUNTLESS = {
    "wrong items": ("tags:\n" + "  - 1\n" * 60_000, "SCH004", (104, 5), 59_900),
    "unknown keys": ("".join(f"k{n}: {n}\n" for n in range(90_000)), "SCH003", (103, 1), 89_900),
}


@pytest.mark.parametrize("case", COUNTLESS)
def test_a_record_of_countless_wrong_items_lists_a_bounded_number(
    tmp_path: Path, case: str
) -> None:
    """A record's schema problems are listed up to 100 per code, then one finding at the
    first left out counts the rest: 200,000 unknown keys were 200,000 findings, each with a
    "did you mean", ten seconds and 100 MB of JSON. (So many are now past the bound on a
    record's values, see below: 90,000 stay within it.)"""
    body, code, first_left_out, more = COUNTLESS[case]
    root = workspace(tmp_path, {"suppliers/s.yaml": f"kind: supplier\nid: s\n{body}"})
    findings = [f for f in _findings(root, tmp_path) if f["code"] == code]
    assert len(findings) == 101
    assert (findings[-1]["line"], findings[-1]["column"]) == first_left_out
    assert (
        findings[-1]["message"]
        == f"{more:,} more {code} problems in this file from here on, not listed"
    )


def test_countless_broken_references_and_waivers_are_judged_in_proportion(
    tmp_path: Path,
) -> None:
    names = "".join(f"  - pa-missing-{n:06d}\n" for n in range(3_000))
    waivers = "".join(
        f"---\nkind: waiver\nid: w{n}\ncode: REF001\nrecords: [risk-b]\n"
        f"paths: ['x{n}/**', '**/y{n}*.yaml']\nreason: r\nowner: dpo\nexpires: 2999-01-01\n"
        for n in range(8_000)
    )
    root = workspace(
        tmp_path,
        {"risks/a.yaml": RISK.replace("[sup-000007]", f"\n{names}"), "waivers/w.yaml": waivers},
    )
    broken = [
        f
        for f in _findings(root, tmp_path)
        if f["code"] == "REF001" and f["path"] == "risks/a.yaml"
    ]
    assert len(broken) == 3_000  # no waiver names risk-a or matches its file


def test_a_file_over_the_size_limit_in_git_names_its_records_too(tmp_path: Path) -> None:
    """``diff`` reads the base's copy of an edited oversized file from git: the records its
    head declares are known there too, so the diff shows no dangling reference "fixed"."""
    text = _documents(DEFAULT_LIMITS.max_file_bytes + 4096)
    root = workspace(tmp_path, {"suppliers/all.yaml": text, "risks/a.yaml": RISK})
    git_commit_all(root, "base")
    with (root / "suppliers" / "all.yaml").open("a", encoding="utf-8") as edited:
        edited.write("# edited\n")
    outcome = run_process("diff", "HEAD", str(root), "--format", "json", cwd=tmp_path)
    outcome.assert_inert(allowed=(0,))
    findings = json.loads(outcome.stdout)["findings"]
    assert (findings["new"], findings["fixed"]) == ([], [])
