"""The moments a breach register writes: every form read back to the same day and time, the
EU's summer time as a time zone database has it, and random rows always a valid record."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.exchange.incident_rows import HEADERS, draft_incident
from complykit.exchange.moment_cells import Written, place, read_clock, read_moment
from complykit.exchange.record_files import validation_problems, yaml_text
from complykit.exchange.row_source import Notes
from complykit.exchange.table_import import Cells
from complykit.model.config import WorkspaceConfig
from complykit.workspace.open import load_config
from conftest import CASES

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")  # fmt: skip
FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")  # fmt: skip
DUTCH_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")  # fmt: skip

days = st.dates(min_value=date(1996, 1, 1), max_value=date(2099, 12, 31))
clocks = st.times().map(lambda t: t.replace(microsecond=0))


def _with_time(day: str, clock: time, style: int) -> str:
    hh, mm = f"{clock.hour:02d}", f"{clock.minute:02d}"
    return (
        f"{day} {hh}:{mm}:{clock.second:02d}",
        f"{day} {clock.hour}:{mm}" if not clock.second else f"{day} {hh}:{mm}:{clock.second:02d}",
        f"{day} om {hh}.{mm} uur" if not clock.second else f"{day} {hh}:{mm}:{clock.second:02d}",
        f"{day} {hh}u{mm}" if not clock.second else f"{day} {hh}:{mm}:{clock.second:02d}",
    )[style]


@st.composite
def written_days(draw: st.DrawFn) -> tuple[date, str]:
    day = draw(days)
    forms = (
        day.isoformat(),
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"{day.day}-{day.month}-{day.year}",
        f"{day.day}/{day.month:02d}/{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}",
        f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}",
        f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}",
        f"{day.day} {DUTCH_SHORT[day.month - 1]}. {day.year}",
    )
    return day, draw(st.sampled_from(forms))


@given(written_days())
def test_a_written_day_reads_back(written: tuple[date, str]) -> None:
    """Every form of a day, in figures or words, gives that day and no time of day."""
    day, text = written
    assert read_moment(text) == Written(day)


@given(written_days(), clocks, st.integers(0, 3))
def test_a_written_moment_reads_back(written: tuple[date, str], clock: time, style: int) -> None:
    """A day with a time of day in any of the ways registers write one gives both."""
    day, text = written
    assert read_moment(_with_time(text, clock, style)) == Written(day, clock)


@given(days, clocks, st.sampled_from(["Z", "+01:00", "+02:00", "-05:00", "+0530"]))
def test_an_iso_timestamp_keeps_its_offset(day: date, clock: time, offset: str) -> None:
    text = f"{day.isoformat()}T{clock.isoformat()}{offset}"
    expected = datetime.fromisoformat(text.replace("Z", "+00:00").replace("+0530", "+05:30"))
    found = read_moment(text)
    assert found is not None
    assert found.offset == expected.utcoffset()
    assert (found.day, found.clock) == (day, clock)


@given(st.text(max_size=40))
def test_any_cell_reads_as_a_moment_none_or_a_value_error(text: str) -> None:
    """A cell never breaks the parser: it writes a moment, none, or one that does not exist."""
    try:
        read_moment(text)
        read_clock(text)
    except ValueError:
        pass


def test_a_register_and_a_calendar_read_the_same_month_words() -> None:
    """One month list for both imports: "febr", once only in the calendar's, reads here too."""
    written = read_moment("12 febr 2025")
    assert written is not None
    assert written.day == date(2025, 2, 12)


@pytest.mark.parametrize(
    "text", ["Mardi  4 FÉVRIER 2025 14h05", "di 4 févr. 2025 14u05", "Tuesday, 4 Feb 2025 14:05"]
)
def test_a_cell_is_folded_as_the_word_lists_fold_it(text: str) -> None:
    """Case, accents, spacing and a leading weekday do not change the moment read."""
    assert read_moment(text) == Written(date(2025, 2, 4), time(14, 5))


@pytest.mark.parametrize("text", ["31-02-2025", "2025-13-01", "12-03-2025 25:00", "29-2-2025"])
def test_days_and_times_that_do_not_exist(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the reader's own ValueError
        read_moment(text)


@given(days, clocks)
def test_placed_as_a_time_zone_database_places_it(day: date, clock: time) -> None:
    """Central European Time with the EU's summer time is Amsterdam's time, except in the hour
    the clocks skip (read as winter time) and the one they repeat (its first pass)."""
    placed = place(day, clock)
    naive = datetime.combine(day, clock)
    assert placed.moment.replace(tzinfo=None) == naive
    first = naive.replace(tzinfo=AMSTERDAM, fold=0)
    second = naive.replace(tzinfo=AMSTERDAM, fold=1)
    skipped = first.astimezone(AMSTERDAM).replace(tzinfo=None) != naive
    if skipped:
        assert placed.moment.utcoffset() == timedelta(hours=1)
        assert placed.doubt
    else:
        assert placed.moment.utcoffset() == first.utcoffset()
        assert bool(placed.doubt) == (first.utcoffset() != second.utcoffset())


# Random rows: any column of the register, each cell empty, a word the import knows, a date
# or number written some way, or any text at all.
_WORDS = st.sampled_from([
    "Ja", "Nee", "ja, gezondheid", "nee", "n.v.t.", "Oui", "Non", "onbekend", "Geen risico",
    "Hoog", "laag", "Vertrouwelijkheid", "beschikbaarheid, integriteit", "Gesloten", "Open",
    "Verwerker", "Verwerkingsverantwoordelijke", "ca. 1.200", "100-200", "14", "0",
    "12-03-2025 14:05", "2025-03-12", "12 maart 2025", "31-02-2025", "2025-03-30 02:30",
    "2025-10-26 02:30", "14:05", "25:00", "-",
])  # fmt: skip
_CELL = st.one_of(st.just(""), _WORDS, st.text(max_size=30))
_CONFIG: list[WorkspaceConfig] = []


def _config() -> WorkspaceConfig:
    if not _CONFIG:
        config, _ = load_config(CASES / "_base")
        assert config is not None
        _CONFIG.append(config)
    return _CONFIG[0]


@given(st.fixed_dictionaries({}, optional=dict.fromkeys(HEADERS, _CELL)))
def test_random_rows_make_valid_records(values: dict[str, str]) -> None:
    """Whatever a row holds, it makes a record the incident model takes, or it is reported
    for want of a date of discovery; it never makes an invalid file."""
    cells = Cells({k: v.strip() for k, v in values.items() if v.strip()}, ())
    drafted = draft_incident(cells, _config(), Notes())
    if isinstance(drafted, str):
        assert drafted.startswith(("no date the breach was discovered", "no description"))
        return
    data = {"kind": "incident", "id": "inc-random", **drafted}
    rel = PurePosixPath("incidents/inc-random.yaml")
    assert validation_problems(rel, yaml_text("random row", data)) == ()


@given(
    st.fixed_dictionaries({}, optional=dict.fromkeys(HEADERS, _CELL)),
    written_days(),
    st.one_of(st.just(""), clocks.map(lambda c: f" {c:%H:%M}")),
    st.text(min_size=1, max_size=60).filter(str.strip),
)
def test_rows_with_a_discovery_date_always_make_a_record(
    values: dict[str, str], discovered: tuple[date, str], clock: str, description: str
) -> None:
    """A row that dates the discovery and says what happened always makes a valid record,
    whatever its other cells hold."""
    values |= {"aware": discovered[1] + clock, "description": description}
    values.pop("detected", None)
    cells = Cells({k: v.strip() for k, v in values.items() if v.strip()}, ())
    drafted = draft_incident(cells, _config(), Notes())
    assert isinstance(drafted, dict), drafted
    assert drafted["aware_at"].startswith(discovered[0].isoformat())
    data = {"kind": "incident", "id": "inc-random", **drafted}
    rel = PurePosixPath("incidents/inc-random.yaml")
    assert validation_problems(rel, yaml_text("random row", data)) == ()
