"""The cell parsers of the compliance calendar import: frequency, planned period, clause, and
the row as a whole, which always gives a task the model takes or a reason it cannot."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.catalog.citations import CITATION_PREFIXES
from complykit.catalog.load import load_catalogs
from complykit.exchange.row_source import Notes
from complykit.exchange.table_import import Cells
from complykit.exchange.task_cells import DURATION, Planned, cadence_of, planned_day
from complykit.exchange.task_clauses import read_clauses
from complykit.exchange.task_rows import HEADERS, draft_task
from complykit.model.config import WorkspaceConfig
from complykit.model.task import Task
from complykit.workspace.open import load_config
from conftest import BASE_CONFIG

_UNIT_WORDS = {
    "Y": ("jaar", "years", "ans"),
    "M": ("maanden", "months", "mois"),
    "W": ("weken", "weeks", "semaines"),
}
_EVERY = ("elke {n} {unit}", "om de {n} {unit}", "every {n} {unit}", "tous les {n} {unit}",
          "{n} {unit}", "Iedere {n} {unit}")  # fmt: skip
_MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jaarlijks", "P1Y"), ("Halfjaarlijks", "P6M"), ("per kwartaal", "P3M"),
        ("Maandelijks", "P1M"), ("2-jaarlijks", "P2Y"), ("elke 3 jaar", "P3Y"),
        ("wekelijks", "P1W"), ("annually", "P1Y"), ("Quarterly", "P3M"),
        ("every 6 months", "P6M"), ("annuel", "P1Y"), ("trimestriel", "P3M"),
        ("2x per jaar", "P6M"), ("om de twee jaar", "P2Y"), ("Jaarlijks (in maart)", "P1Y"),
        ("P1Y", "P1Y"), ("1 jaar en 6 maanden", "P1Y6M"),
    ],
)  # fmt: skip
def test_frequency_wordings(text: str, expected: str) -> None:
    """Dutch, English and French frequencies give their ISO 8601 interval."""
    assert cadence_of(text) == expected


@pytest.mark.parametrize(
    "text", ["ad hoc", "bij wijziging", "doorlopend", "", "0 jaar", "P0Y", "5x per jaar", "72 uur"]
)
def test_no_interval_is_guessed(text: str) -> None:
    """A frequency that names no one interval (or none of whole days) gives none."""
    assert cadence_of(text) is None


@given(
    n=st.integers(1, 99),
    unit=st.sampled_from(sorted(_UNIT_WORDS)),
    form=st.sampled_from(_EVERY),
    data=st.data(),
)
def test_every_n_units(n: int, unit: str, form: str, data: st.DataObject) -> None:
    """'elke N jaar', 'every N months', 'tous les N semaines': P<N><unit>, a cadence the model
    takes."""
    word = data.draw(st.sampled_from(_UNIT_WORDS[unit]))
    found = cadence_of(form.format(n=n, unit=word))
    assert found == f"P{n}{unit}"


@pytest.mark.parametrize("text", ["P1D1Y", "p1y1y"])
def test_a_duration_out_of_iso_order_is_no_interval(text: str) -> None:
    """Read as the model reads a task file's cadence: units out of order or twice are no ISO
    8601 duration, and used to make a task file that then failed validation."""
    assert cadence_of(text) is None


@given(st.text(max_size=40))
def test_any_frequency_is_an_interval_or_none(text: str) -> None:
    """Whatever a cell holds, the parser gives a positive ISO duration or None, never raises."""
    found = cadence_of(text)
    if found is not None:
        assert found.startswith("P")
        assert DURATION.validate_python(found).after(date(2026, 1, 1)) > date(2026, 1, 1)


_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))


@given(_DAYS, st.sampled_from(("{d}-{m}-{y}", "{y}-{m:02}-{d:02}", "{d:02}/{m:02}/{y}")))
def test_a_date_is_that_day(day: date, form: str) -> None:
    """A date, day first or ISO, is that day, with nothing assumed."""
    text = form.format(d=day.day, m=day.month, y=day.year)
    assert planned_day(text, date(2026, 1, 1)) == _planned(day, "")


def _planned(day: date, assumed: str, first: date | None = None) -> Planned:
    return Planned(day, assumed, first)


@given(_DAYS)
def test_a_month_with_its_year_is_its_last_day(day: date) -> None:
    """'maart 2026', 'Q2 2026', 'week 12 2026': the last day of that period."""
    month = _MONTH_NAMES[day.month - 1]
    last = date(day.year, day.month, monthrange(day.year, day.month)[1])
    assert planned_day(f"{month} {day.year}", date(2026, 1, 1)) == _planned(
        last, "the last day of that month", last.replace(day=1)
    )
    quarter = (day.month - 1) // 3 + 1
    end = planned_day(f"Q{quarter} {day.year}", date(2026, 1, 1))
    assert end is not None
    assert end.day.month == 3 * quarter
    assert end.day + timedelta(days=1) == date(day.year + (quarter == 4), 3 * quarter % 12 + 1, 1)
    year, week, _ = day.isocalendar()
    iso = planned_day(f"week {week} {year}", date(2026, 1, 1))
    assert iso is not None
    assert iso.day.isocalendar()[:2] == (year, week)
    assert iso.day.isoweekday() == 7


@given(_DAYS, st.integers(1, 12), st.booleans())
def test_a_month_without_a_year_is_the_next_one(after: date, month: int, starting: bool) -> None:
    """A month without a year is the first of its name that ends after ``after`` (or, for a
    task done on ``after``, that starts after it), and the warning says which year."""
    found = planned_day(_MONTH_NAMES[month - 1], after, starting=starting)
    assert found is not None
    assert found.day.month == month
    assert found.day > after
    assert found.day.replace(day=1) > after or not starting
    assert found.day.year <= after.year + 1
    assert "(no year given)" in found.assumed
    assert not found.year_given


@given(st.text(max_size=30), _DAYS)
def test_any_planned_cell_is_a_day_or_none(text: str, after: date) -> None:
    """Whatever a cell holds, the parser gives a day, None, or ValueError for a date that does
    not exist."""
    try:
        found = planned_day(text, after)
    except ValueError:
        return
    assert found is None or isinstance(found.day, date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISO 27001 9.2", ("ISO/IEC 27001:2022 9.2",)),
        ("A.6.3", ("ISO/IEC 27001:2022 A.6.3",)),
        ("AVG art. 39", ("GDPR Art. 39",)),
        ("Art. 30 AVG", ("GDPR Art. 30",)),
        ("ISO 27001 9.2 en A.5.35", ("ISO/IEC 27001:2022 9.2", "ISO/IEC 27001:2022 A.5.35")),
        ("AVG art. 32 lid 1 sub b", ("GDPR Art. 32(1)(b)",)),
        ("ISO 42001 9.3", ("ISO/IEC 42001:2023 9.3",)),
    ],
)
def test_clauses_that_exist(text: str, expected: tuple[str, ...]) -> None:
    """A clause, control or article the bundled catalogs hold is cited as rules cite it."""
    reading = read_clauses(text, load_catalogs(), ("gdpr",))
    assert (reading.clauses, reading.unread) == (expected, ())


@pytest.mark.parametrize("text", ["NEN 7510", "A.12.3", "ISO 27001 A.99.1", "Procedure", "9.3"])
def test_clauses_that_do_not_exist_or_fit_several(text: str) -> None:
    """An id no catalog holds, or a bare clause number several standards share (9.3: ISO 27001,
    27701 and 42001), is no clause."""
    reading = read_clauses(text, load_catalogs(), ("gdpr",))
    assert reading.clauses == ()


def test_a_bare_clause_of_the_one_standard_in_scope() -> None:
    """A bare '9.3' is ISO/IEC 27001's when that is the standard in scope."""
    reading = read_clauses("9.3", load_catalogs(), ("gdpr", "iso27001-2022"))
    assert reading.clauses == ("ISO/IEC 27001:2022 9.3",)


def _config() -> WorkspaceConfig:
    config, _ = load_config(BASE_CONFIG.parent)
    assert config is not None
    return config


_CELL_SAMPLES = {
    "title": ("Interne audit", "Directiebeoordeling", "Pentest", "", "  ", "Taak"),
    "type": ("Audit", "Training", "Privacy", "", "dpia"),
    "cadence": ("jaarlijks", "per kwartaal", "ad hoc", "elke 3 jaar", "", "P1Y", "0 jaar"),
    "owner": ("CISO", "dpo", "Dana Peters", "Iemand", ""),
    "last_done": ("12-3-2025", "maart 2025", "Q2", "31-02-2025", "gisteren", "", "2025"),
    "planned": ("maart", "Q2 2026", "week 12", "week 54 2026", "31-02-2026", "zsm", ""),
    "evidence": ("evidence/a.pdf", "https://x.example/r", "Notulen", "a.pdf; Notulen", ""),
    "clause": ("ISO 27001 9.2", "A.6.3", "AVG art. 39", "NEN 7510", "9.3", ""),
    "status": ("Afgerond", "Open", ""),
    "description": ("Jaarlijkse audit", ""),
}


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({
    field: st.one_of(st.sampled_from(_CELL_SAMPLES[field]), st.text(max_size=20))
    for field in HEADERS
}))  # fmt: skip
def test_any_row_is_a_valid_task_or_a_reason(values: dict[str, str]) -> None:
    """Whatever the cells hold, a row gives a task the model takes (with its notes) or a
    reason it cannot; the draft never raises."""
    cells = Cells({k: v.strip() for k, v in values.items() if v.strip()}, ("Extra: waarde",))
    notes = Notes()
    drafted = draft_task(cells, _config(), notes)
    if isinstance(drafted, str):
        assert drafted
        return
    lines = [*notes.lines, *cells.other]
    record = {"kind": "task", "id": "task-x", **drafted, "notes": "\n".join(lines)}
    Task.model_validate(record)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AVG art. 32, 33 en 34", ("GDPR Art. 32", "GDPR Art. 33", "GDPR Art. 34")),
        ("Art. 6, lid 1 AVG", ("GDPR Art. 6(1)",)),
        ("A.5.1, A.5.2", ("ISO/IEC 27001:2022 A.5.1", "ISO/IEC 27001:2022 A.5.2")),
        ("9.2 9.3", ()),
        ("ISO 27001:2013 A.12.3", ()),
        ("ISO 27001:2013 A.9.2", ()),
        ("ISO 27001 9.2; 42001 9.3", ("ISO/IEC 27001:2022 9.2", "ISO/IEC 42001:2023 9.3")),
        ("ISO 27001 9.2; NEN 7510 9.3", ("ISO/IEC 27001:2022 9.2",)),
        ("UAVG art. 22", ()),
        ("Wbp art. 30", ()),
        ("Uitvoeringswet AVG art. 22", ()),
        ("AVG art. 30; UAVG art. 22", ("GDPR Art. 30",)),
        ("42001 9.3", ("ISO/IEC 42001:2023 9.3",)),
        ("ISO 27001 9.2; 27701 5.2", ("ISO/IEC 27001:2022 9.2", "ISO/IEC 27701:2019 5.2")),
    ],
)
def test_clause_lists(text: str, expected: tuple[str, ...]) -> None:
    """Lists by comma and 'en' are read item by item, a bare number after an article as the
    next article; two ids with nothing between them are not told apart."""
    reading = read_clauses(text, load_catalogs(), ("gdpr", "iso27001-2022"))
    assert reading.clauses == expected


@given(st.text(alphabet="AaBrt.0123456789 ,;enISO27001:AVG()lid", max_size=40))
def test_any_clause_cell_names_catalog_items_only(text: str) -> None:
    """Whatever a clause cell holds, each clause read is an item of the catalog it cites."""
    catalogs = load_catalogs()
    for clause in read_clauses(text, catalogs, ("gdpr",)).clauses:
        prefix = next(p for p in CITATION_PREFIXES if clause.startswith(p))
        item, framework = clause.removeprefix(prefix), CITATION_PREFIXES[prefix]
        catalog = catalogs.framework(framework)
        assert catalog is not None
        assert item in {i.id for i in catalog.items}


def _drafted(**values: str) -> tuple[dict[str, object] | str, list[str]]:
    """The record a calendar row gives, and the warnings on it."""
    drafted, notes = _drafted_with_notes(**values)
    return drafted, list(notes.warnings)


def _drafted_with_notes(**values: str) -> tuple[dict[str, object] | str, Notes]:
    notes = Notes()
    cells = Cells({"title": "Toegangsrechten review", "cadence": "jaarlijks", **values}, ())
    return draft_task(cells, _config(), notes), notes


@pytest.mark.parametrize(
    ("cell", "named"),
    [
        ("ISO 27001:2013 A.9.2", "'iso 27001:2013'"),
        ("UAVG art. 22", "'uavg'"),
        ("Wbp art. 30", "'wbp'"),
        ("NEN 7510 9.3", "'nen 7510'"),
    ],
)
def test_a_standard_or_act_without_a_catalog_is_no_clause(cell: str, named: str) -> None:
    """A clause of ISO 27001:2013, NEN 7510, the UAVG or the Wbp is never cited as the clause
    of another standard or law with that number; the cell stays in notes with a warning."""
    drafted, warnings = _drafted(clause=cell)
    assert isinstance(drafted, dict)
    assert "clause" not in drafted
    assert any(named in w and "no catalog" in w for w in warnings), warnings


@pytest.mark.parametrize("status", ["nog niet uitgevoerd", "niet gedaan", "Not done", "pas fait"])
def test_a_status_saying_not_done_asks_for_no_done_date(status: str) -> None:
    """A task not done has no occurrence: the status is kept in notes, and the officer is not
    asked to add a done date, which would invent evidence."""
    drafted, notes = _drafted_with_notes(status=status)
    assert isinstance(drafted, dict)
    assert "history" not in drafted
    assert f"Status as written in the calendar: {status}" in notes.lines
    assert not any("no date last done" in w for w in notes.warnings), notes.warnings


@pytest.mark.parametrize("status", ["Afgerond", "uitgevoerd", "Done", "fait"])
def test_a_status_saying_done_without_a_date_warns(status: str) -> None:
    """A status saying done, with no date last done, asks for the date."""
    _, warnings = _drafted(status=status)
    assert any("no date last done" in w for w in warnings), warnings


@pytest.mark.parametrize(
    ("frequency", "cadence", "read_as", "hint"),
    [
        ("tweejaarlijks", "P2Y", "every two years (P2Y)", "'halfjaarlijks' or '2x per jaar'"),
        ("biannually", "P6M", "twice a year (P6M)", "'every 2 years'"),
        ("bisannuel", "P2Y", "every two years (P2Y)", "'semestriel' or '2x par an'"),
    ],
)
def test_a_frequency_used_both_ways_keeps_its_reading_and_warns(
    frequency: str, cadence: str, read_as: str, hint: str
) -> None:
    """'tweejaarlijks', 'bisannuel' and 'biannually' each mean both twice a year and every two
    years; the dictionary reading is kept and the row says both meanings."""
    drafted, warnings = _drafted(cadence=frequency)
    assert isinstance(drafted, dict)
    assert drafted["cadence"] == cadence
    doubt = next(w for w in warnings if w.startswith(f"frequency '{frequency}'"))
    assert read_as in doubt
    assert hint in doubt
    assert "twice a year" in doubt
    assert "every two years" in doubt


@pytest.mark.parametrize(("frequency", "cadence"), [("elke 999 jaar", "P999Y"), ("P11Y", "P11Y")])
def test_a_frequency_over_ten_years_warns(frequency: str, cadence: str) -> None:
    """An interval over ten years is kept as written but warned: a typo makes a task that is
    never due."""
    drafted, warnings = _drafted(cadence=frequency)
    assert isinstance(drafted, dict)
    assert drafted["cadence"] == cadence
    assert f"frequency '{frequency}' read as {cadence}, more than ten years: check the number" in (
        warnings
    )


@pytest.mark.parametrize("frequency", ["jaarlijks", "halfjaarlijks", "elke 10 jaar"])
def test_a_plain_frequency_says_nothing(frequency: str) -> None:
    _, warnings = _drafted(cadence=frequency)
    assert not any(w.startswith("frequency") for w in warnings), warnings


@pytest.mark.parametrize("field", ["last_done", "planned"])
def test_an_excel_date_number_is_named_as_one(field: str) -> None:
    """45658 in a General-format cell is Excel's number for 2025-01-01: the row says to format
    the column as a date, as the breach import does, and keeps the cell in notes."""
    drafted, notes = _drafted_with_notes(**{field: "45658"})
    assert isinstance(drafted, dict)
    assert "history" not in drafted
    assert "first_due" not in drafted
    label = {"last_done": "last done", "planned": "planned"}[field]
    assert (
        f"{label} '45658' looks like an Excel date number: format the column as a date; "
        "kept in notes"
    ) in notes.warnings


def test_a_plan_without_a_year_is_after_the_period_done() -> None:
    """Last done 'Q3 2025' (read as 2025-07-01) and planned 'september': the plan is September
    2026, not the September inside the quarter just done."""
    drafted, warnings = _drafted(last_done="Q3 2025", planned="september")
    assert isinstance(drafted, dict)
    assert drafted["history"] == [{"done_on": "2025-07-01"}]
    assert "first_due" not in drafted
    assert not any("(2025-09-30)" in w for w in warnings), warnings
    assert (
        "planned 'september' (2026-09-30), but the next due date is derived from the last done "
        "date and the frequency: 2026-07-01; the plan is kept in notes"
    ) in warnings


def test_a_plan_in_the_month_derived_from_a_period_done_agrees() -> None:
    """Last done 'maart 2026' and planned 'maart': next March, the month the derived date
    (2027-03-01) falls in, so no conflict is reported that comes only from the readings."""
    drafted, warnings = _drafted(last_done="maart 2026", planned="maart")
    assert isinstance(drafted, dict)
    assert drafted["history"] == [{"done_on": "2026-03-01"}]
    assert not any("but the next due date" in w for w in warnings), warnings


def test_a_plan_a_month_off_a_day_done_still_differs() -> None:
    """With a day done, the plan is compared to the day: 15-03-2026 and 'maart' differ."""
    _, warnings = _drafted(last_done="15-03-2026", planned="maart")
    assert any("but the next due date" in w and "2027-03-15" in w for w in warnings), warnings


@pytest.mark.parametrize(
    ("planned", "day", "said"),
    [
        ("S1 2027", "2027-06-30", "the last day of that half year"),
        ("1er semestre 2027", "2027-06-30", "the last day of that half year"),
        (
            "sem 2 2027",
            "2027-12-31",
            "the last day of that half year ('sem' read as semestre, not semaine)",
        ),
        ("sem 12 2027", "2027-03-28", "the Sunday that ends ISO week 12"),
    ],
)
def test_a_semestre_is_a_half_year(planned: str, day: str, said: str) -> None:
    """A Belgian plan annuel's 'S1 2027' or 'sem 2' is a semestre, its last day the plan; 'sem'
    with a higher number is a week (semaine). The row says which reading was taken."""
    drafted, warnings = _drafted(planned=planned)
    assert isinstance(drafted, dict)
    assert drafted["first_due"] == day
    assert f"planned '{planned}' read as {day}, {said}" in warnings
