"""Registers kept as forms: one sheet per activity, its labels down a column, values beside them.

The CNIL's model register ("registre des activités de traitement") has a summary sheet and a
"fiche de registre" per activity: labels such as "Objectifs poursuivis" or "Catégories de
personnes concernées" in one column and what the organisation filled in beside them. Many small
organisations in France and Belgium keep their register that way, in French or in Dutch.

A form sheet is read as the one table row it stands for: each label becomes a header, its values
the cell under it. The row then goes through the same reading as a row of a table register
(``register_rows.draft_activity``), so legal bases, retention wording, recipients, transfers and
unknown labels are read exactly as they are in a table.

Some Dutch and Belgian templates put several activities on one form sheet, one per column: the
labels down column A, an activity in each of columns B, C, D... (``read_forms``). Each such
column is read as a form of its own, named after the sheet and its column letter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from complykit.core.frozen import frozen
from complykit.exchange.row_source import Source, column_letters
from complykit.exchange.sheet import Row, Sheet
from complykit.exchange.shown import shown
from complykit.exchange.vocabulary import field_of, map_columns, plain_header, unqualified

LABEL_COLUMNS = 4
"""Labels are looked for in columns A to D: a form may leave a margin or number its lines."""
MIN_FIELDS = 3
"""Distinct register fields a column of labels must name: one or two may be chance (a table's
header row names one field in column A), three down one column are a form."""
MIN_FILLED = 2
"""Labels with a value beside them: a form that is not filled in at all holds no activity."""
TITLE_LABEL = "Title on the sheet"
"""The label a form's title rows are kept in the notes under (no register field)."""
TEXT_LABEL = "Text on the sheet"
"""The label the lines between a form's labels that have no value and name no field (the
model's help text, a section title) are kept in the notes under."""
HELP_LABEL = "Help beside the labels"
"""The label a form's help column (``Toelichting``, ``Explanation``) is kept in the notes under,
one line per label it explains."""
SHEET_TEXT = frozenset({TITLE_LABEL, TEXT_LABEL, HELP_LABEL})
"""The labels of what the sheet says besides its fields: no label of the user's to report."""
NAME_LABEL = "Name"
"""The header a form's activity name is filed under when only the sheet's title names it."""
# A title that names the activity: "Fiche de registre de l'activité : Paie", "Activité : Paie",
# "Verwerking: Salarisadministratie", "Processing activity - Payroll".
_TITLE = re.compile(
    r"^(?:fiche(?: de registre)?(?: de l'activite| du traitement)?|activite(?: de traitement)?"
    r"|traitement|verwerking(?:sactiviteit)?|processing activity|activity)\s*(?:n\S*\s*\d+\s*)?"
    r"[:\-\u2013]\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
# A label and its value in one cell, as a form copied from a document writes it: "Nom : Paie".
_INLINE = re.compile(r"^(?P<label>[^:\n]{2,80}?)\s*:\s*(?P<value>\S.*)$", re.DOTALL)


# The header of a column beside a form's labels that explains each label rather than answering
# it: "Vraag | Toelichting | Antwoord", "Field | Guidance | Activity 1 | Activity 2".
HELP_HEADERS = frozenset(
    {"toelichting", "uitleg", "instructie", "instructies", "invulinstructie", "handleiding",
     "explanation", "guidance", "help", "instructions", "how to fill in",
     "aide", "explication", "explications", "consignes",
     "erlauterung", "erlauterungen", "hinweis", "hinweise", "ausfullhinweise"}
)  # fmt: skip


@frozen
class Form:
    """A form sheet read as one register row, and what the reading warns about."""

    source: Source
    warnings: tuple[str, ...]
    sheet: str = ""
    """The workbook's sheet the form is on: the source's sheet, or for an activity laid out in a
    column beside others, the sheet that column is part of."""


@dataclass(slots=True)
class _Entry:
    """One label of a form and the values beside and below it."""

    row: int
    label: str
    values: list[str] = field(default_factory=list)
    columns: int = 0
    """The most value cells one of its rows filled: more than one is worth a warning."""


def is_form(sheet: Sheet) -> bool:
    """Whether ``sheet`` is a form of one activity: one column names at least ``MIN_FIELDS``
    register fields, at least ``MIN_FILLED`` of them with a value beside them, and no row reads
    as a table's header row (three or more fields across one row)."""
    if any(len(map_columns(row.cells).fields) >= MIN_FIELDS for row in sheet.rows):
        return False
    column = _label_column(sheet.rows)
    if column is None:
        return False
    labelled = [
        (field_of(row.cells[column]), _values(row, column))
        for row in sheet.rows
        if _first_filled(row) == column
    ]
    fields = {found for found, _ in labelled if found is not None}
    filled = sum(1 for found, values in labelled if found is not None and values)
    return len(fields) >= MIN_FIELDS and filled >= MIN_FILLED


def split_forms(sheets: Sequence[Sheet]) -> tuple[list[Sheet], list[Sheet]]:
    """The form sheets of a workbook, and the others, each in workbook order."""
    forms = [sheet for sheet in sheets if is_form(sheet)]
    return forms, [sheet for sheet in sheets if sheet not in forms]


def read_forms(sheet: Sheet) -> list[Form]:
    """The activities a form sheet describes: one, or one per column when the sheet lays them
    out side by side (``activity_columns``). A column's form is named ``<sheet> (column C)``,
    so each activity's outcome and record comment say where it came from."""
    sheet, aside, told = _help_apart(sheet)
    columns = activity_columns(sheet)
    if not columns:
        forms = [read_form(sheet, aside=aside)]
    else:
        label = _label_column(sheet.rows) or 0
        forms = [read_form(_one_column(sheet, label, c), sheet.name, aside) for c in columns]
    return [Form(f.source, (*told, *f.warnings), f.sheet) for f in forms]


def _help_apart(sheet: Sheet) -> tuple[Sheet, tuple[str, ...], tuple[str, ...]]:
    """``sheet`` without its help columns (a column headed ``HELP_HEADERS`` above the first
    label), what they say per label (``Label: help``), and the warning naming them; the sheet
    as it is when it has none. Read as values, the help would join every answer, or make an
    activity of its own."""
    label = _label_column(sheet.rows)
    first = next((r.number for r in sheet.rows if _is_field_label(r, label)), None)
    if label is None or first is None:
        return sheet, (), ()
    helps = {
        i: cell.strip()
        for row in sheet.rows
        if row.number < first
        for i, cell in enumerate(row.cells)
        if i > label and unqualified(cell) in HELP_HEADERS
    }
    if not helps:
        return sheet, (), ()
    aside = tuple(
        f"{row.cells[label].strip() or '(continued)'}: {row.cells[i].strip()}"
        for row in sheet.rows
        if row.number >= first
        for i in sorted(helps)
        if i < len(row.cells) and row.cells[i].strip()
    )
    rows = tuple(
        Row(row.number, tuple("" if i in helps and row.number >= first else c
                              for i, c in enumerate(row.cells)))
        for row in sheet.rows
    )  # fmt: skip
    names = ", ".join(f"{column_letters(i)} ('{shown(h)}')" for i, h in sorted(helps.items()))
    told = f"column {names} explains the labels; kept in notes under '{HELP_LABEL}', not values"
    kept = Sheet(sheet.name, rows, sheet.warnings, sheet.delimiter, sheet.hidden, sheet.merged)
    return kept, aside, (told,)


def _is_field_label(row: Row, label: int | None) -> bool:
    return (
        label is not None and _first_filled(row) == label and field_of(row.cells[label]) is not None
    )


def activity_columns(sheet: Sheet) -> list[int]:
    """The columns of a form sheet that each hold an activity, when it holds several side by
    side: at least two columns right of the labels are filled on ``MIN_FILLED`` field labels or
    more, most filled field labels have values in two of them, and a label for the name, if
    there is one, names two activities or more. Else none: a single form whose labels spill
    into a second cell (a category and its retention) stays one activity. Every column with a
    value on a label row is an activity then, so that one filled on one line only is not lost."""
    label = _label_column(sheet.rows)
    if label is None:
        return []
    labelled = [row for row in sheet.rows if _first_filled(row) == label]
    fields = [row for row in labelled if field_of(row.cells[label]) is not None]
    counts = Counter(i for row in fields for i in _filled_after(row, label))
    strong = [i for i, count in counts.items() if count >= MIN_FILLED]
    spread = sum(1 for row in fields if len(set(_filled_after(row, label)) & set(strong)) > 1)
    filled = sum(1 for row in fields if _filled_after(row, label))
    names = [row for row in fields if field_of(row.cells[label]) == "name"]
    if (
        len(strong) < 2
        or spread * 2 <= filled
        or any(len(_filled_after(r, label)) < 2 for r in names)
    ):
        return []
    return sorted({i for row in labelled for i in _filled_after(row, label)})


def _filled_after(row: Row, label: int) -> list[int]:
    return [i for i, cell in enumerate(row.cells) if i > label and cell.strip()]


def _one_column(sheet: Sheet, label: int, column: int) -> Sheet:
    """``sheet`` with only its labels and the values of ``column``: one activity's form."""
    rows = tuple(
        Row(
            row.number,
            tuple(c if i <= label or i == column else "" for i, c in enumerate(row.cells)),
        )
        for row in sheet.rows
    )
    return Sheet(f"{sheet.name} (column {column_letters(column)})", rows)


def read_form(sheet: Sheet, workbook_sheet: str | None = None, aside: Sequence[str] = ()) -> Form:
    """The register row a form sheet stands for. A label's values continue on the rows below
    it that leave the label cell empty. A row in the label column with no value and no
    register label (the model's help text, a section title) is kept in the notes under
    ``TEXT_LABEL``, with a warning: it may be the user's own remark. Title rows above the
    first label are kept in the notes, and one of the form "Activité : Paie" names the
    activity when no label does."""
    column = _label_column(sheet.rows) or 0
    entries: list[_Entry] = []
    titles: list[str] = []
    texts: list[str] = []
    for row in sheet.rows:
        if row.empty:
            continue
        first = _first_filled(row)
        if first == column and _label_row(row, column, entries):
            continue
        if first == column and entries:
            texts.append(row.cells[column].strip())
        elif first > column and entries:
            _add_values(entries[-1], [cell.strip() for cell in row.cells if cell.strip()])
        else:
            titles.extend(cell.strip() for cell in row.cells if cell.strip())
    form = _form(sheet.name, entries, titles, texts, aside)
    return Form(form.source, form.warnings, workbook_sheet or sheet.name)


def _label_row(row: Row, column: int, entries: list[_Entry]) -> bool:
    """Add the label of ``row`` to ``entries``; False when it is none (no value, no field)."""
    label = row.cells[column].strip()
    values = _values(row, column)
    inline = _INLINE.match(label) if not values and field_of(label) is None else None
    if inline is not None and field_of(inline["label"]) is not None:
        label, values = inline["label"], [inline["value"].strip()]
    if values or field_of(label) is not None:
        entry = _Entry(row.number, label)
        _add_values(entry, values)
        entries.append(entry)
        return True
    return False


def _add_values(entry: _Entry, values: list[str]) -> None:
    entry.values.extend(values)
    entry.columns = max(entry.columns, len(values))


def _form(
    sheet: str, entries: list[_Entry], titles: list[str], texts: list[str], aside: Sequence[str]
) -> Form:
    warnings = [
        f"label '{shown(e.label)}' (row {e.row}) has values in {e.columns} columns; "
        "read as one value, a line each"
        for e in entries
        if e.columns > 1
    ]
    if texts:
        warnings.append(
            f"{len(texts)} line(s) between the labels have no value and name no field (help "
            f"text, a section title); kept in notes under '{TEXT_LABEL}'"
        )
    labels = [e.label for e in entries]
    cells = ["\n".join(e.values) for e in entries]
    named = any(field_of(label) == "name" for label in labels)
    title_name = next((m["name"].strip() for t in titles if (m := _TITLE.match(plain_header(t)))),
                      None)  # fmt: skip
    if not named and title_name is not None:
        original = next(t for t in titles if _TITLE.match(plain_header(t)))
        labels.insert(0, NAME_LABEL)
        cells.insert(0, _original_name(original))
        titles = [t for t in titles if t != original]
    if titles:
        labels.append(TITLE_LABEL)
        cells.append("\n".join(titles))
    if texts:
        labels.append(TEXT_LABEL)
        cells.append("\n".join(texts))
    if aside:
        labels.append(HELP_LABEL)
        cells.append("\n".join(aside))
    columns = map_columns(labels)
    number = entries[0].row if entries else 1
    source = Source(sheet, Row(number, tuple(cells)), columns)
    return Form(source, tuple(warnings))


def _original_name(title: str) -> str:
    """The name in a title as written (accents and case kept): what follows its colon or dash."""
    return re.split(r"\s*[:\-\u2013]\s*", title.strip(), maxsplit=1)[-1].strip()


def _label_column(rows: Sequence[Row]) -> int | None:
    """The column most register labels stand in, as the first filled cell of their row."""
    counts = Counter(
        _first_filled(row)
        for row in rows
        if not row.empty
        and _first_filled(row) < LABEL_COLUMNS
        and field_of(row.cells[_first_filled(row)]) is not None
    )
    return counts.most_common(1)[0][0] if counts else None


def _first_filled(row: Row) -> int:
    return next((i for i, cell in enumerate(row.cells) if cell.strip()), len(row.cells))


def _values(row: Row, column: int) -> list[str]:
    return [cell.strip() for cell in row.cells[column + 1 :] if cell.strip()]
