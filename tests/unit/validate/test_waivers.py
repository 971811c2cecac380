"""Which waiver sets a finding aside: the first of its code that names its record or matches
its file, found through an index, exactly as trying every waiver in order would."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import PurePosixPath

from hypothesis import given
from hypothesis import strategies as st

from complykit.core.findings import Finding, Severity
from complykit.model.validate import try_record
from complykit.model.waiver import Waiver
from complykit.validate.waivers import apply_waivers

CODES = st.sampled_from(["REF001", "GDPR001", "SUP002"])
RECORDS = st.sampled_from(["pa-a", "pa-b", "sup-c"])
PATHS = st.sampled_from(["register/pa-a.yaml", "register/old/pa-b.yaml", "suppliers/c.yaml"])
GLOBS = st.sampled_from(["register/**", "register/*.yaml", "*/old/*", "**/c.yaml", "x", "[rs]*"])


def _waiver(name: str, code: str, records: list[str], paths: list[str]) -> Waiver:
    waiver = try_record(
        {
            "kind": "waiver",
            "id": name,
            "code": code,
            "records": records,
            "paths": paths,
            "reason": "r",
            "owner": "dpo",
            "expires": "2999-01-01",
        }
    )
    assert isinstance(waiver, Waiver)
    return waiver


@st.composite
def waivers(draw: st.DrawFn) -> list[Waiver]:
    count = draw(st.integers(0, 6))
    made = []
    for number in range(count):
        records = draw(st.lists(RECORDS, max_size=2))
        paths = draw(st.lists(GLOBS, min_size=0 if records else 1, max_size=2))
        made.append(_waiver(f"w{number}", draw(CODES), records, paths))
    return made


@st.composite
def findings(draw: st.DrawFn) -> list[Finding]:
    return [
        Finding(
            PurePosixPath(draw(PATHS)),
            1,
            1,
            draw(CODES),
            Severity.ERROR,
            "m",
            record=draw(st.none() | RECORDS),
        )
        for _ in range(draw(st.integers(0, 6)))
    ]


def _first_covering(found: Finding, given: list[Waiver]) -> str | None:
    """The definition: the first waiver of the finding's code naming its record or matching
    its path (fnmatch, as the waiver's documentation says)."""
    for waiver in given:
        path = found.path.as_posix()
        named = found.record in waiver.records
        if waiver.code == found.code and (named or any(fnmatch(path, p) for p in waiver.paths)):
            return waiver.id
    return None


@given(waivers(), findings())
def test_the_first_covering_waiver_sets_each_finding_aside(
    given_waivers: list[Waiver], given_findings: list[Finding]
) -> None:
    kept, waived = apply_waivers(given_findings, given_waivers)
    expected = [(f, _first_covering(f, given_waivers)) for f in given_findings]
    assert kept == [f for f, waiver in expected if waiver is None]
    assert [(w.finding, w.waiver) for w in waived] == [
        (f, waiver) for f, waiver in expected if waiver is not None
    ]


def test_a_later_waiver_naming_the_record_loses_to_an_earlier_pattern() -> None:
    """Order decides between a waiver that names the record and one whose pattern matches."""
    path = PurePosixPath("register/pa-a.yaml")
    found = Finding(path, 1, 1, "REF001", Severity.ERROR, "m", record="pa-a")
    by_path = _waiver("w-path", "REF001", [], ["register/*"])
    by_record = _waiver("w-record", "REF001", ["pa-a"], [])
    assert apply_waivers([found], [by_path, by_record])[1][0].waiver == "w-path"
    assert apply_waivers([found], [by_record, by_path])[1][0].waiver == "w-record"
