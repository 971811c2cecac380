"""Validate plain YAML data against the record models; errors become located findings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from complykit.core.findings import Finding, Severity
from complykit.load.limits import DEFAULT_LIMITS
from complykit.load.positions import Places
from complykit.load.yaml_file import YamlDocument
from complykit.model.base import Record
from complykit.model.compact import compacted
from complykit.model.compiled import ValidationError
from complykit.model.declaring import BaseModel
from complykit.model.duration import Duration, NotADurationError
from complykit.model.patterns import described
from complykit.model.prebuilt import validate_python
from complykit.model.records import RECORD_MODELS
from complykit.model.types import NotADateError

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that holds the last part of ``loc``, following nested model fields."""
    current = model
    for part in loc[:-1]:
        field = current.model_fields.get(part) if isinstance(part, str) else None
        if field is None:
            continue  # list indexes and pydantic's union branch labels
        nested = next(models_in(field.annotation), None)
        if nested is None:
            return None
        current = nested
    return current


def _unknown_field_hint(model: type[BaseModel], loc: Sequence[str | int]) -> str | None:
    holder = _model_at(model, loc)
    if holder is None:
        return None
    allowed = list(holder.model_fields)
    written = str(loc[-1])
    return (
        suggest(written, allowed)
        or _only_field_starting(written, allowed)
        or "Fields allowed here: " + ", ".join(allowed)
    )


def _only_field_starting(written: str, allowed: Sequence[str]) -> str | None:
    """A "did you mean" for the one field whose name ``written`` begins: ``processing`` for
    ``processing_activities``, too short a part of it for a spelling match."""
    if len(written) < 4:  # "id", "ai": too short to name one field
        return None
    starting = [name for name in allowed if name.startswith(written.lower())]
    return f"Did you mean '{starting[0]}'?" if len(starting) == 1 else None


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from models_in(argument)
    for extra in getattr(annotation, "__metadata__", ()):
        yield from models_in(extra)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        yield from models_in(origin)


def suggest(word: str, options: Sequence[str]) -> str | None:
    """A 'did you mean' hint, or None."""
    import difflib  # noqa: PLC0415 - only for a field name that is not the model's

    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.7)
    return f"Did you mean '{matches[0]}'?" if matches else None


def _readable(data: Any, loc: Sequence[str | int]) -> str:
    """The error location as the user wrote it, skipping pydantic's union branch labels."""
    parts: list[str] = []
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            data = data[part]
            parts.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            parts.append(f"[{part}]")
        elif isinstance(part, str) and part.isidentifier() and part == loc[-1]:
            parts.append(part)
    return ".".join(parts).replace(".[", "[")


def _plain(message: str) -> str:
    """Pydantic's message without its 'Value error, ' prefix, which means nothing to users."""
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def error_finding(
    path: PurePosixPath,
    document: YamlDocument,
    error: ErrorDetails,
    model: type[BaseModel],
    record_id: str | None = None,
) -> Finding:
    """One pydantic error as a finding at the YAML node it concerns."""
    loc = error["loc"]
    where = _readable(document.data, loc) or "record"
    code = schema_code(error)
    hint: str | None
    if code == "SCH002":
        field = str(loc[-1]) if loc else where
        message = f"missing required field '{where}'"
        hint = f"Add `{field}:` here; the record kind's reference page says what it holds."
    elif code == "SCH003":
        message, hint = f"unknown field '{where}'", _unknown_field_hint(model, loc)
    elif error["type"] in _NOT_A_MAPPING and (shape := _shape(model, loc)) is not None:
        # "Input should be a valid dictionary or instance of Retention": the class name means
        # nothing to whoever wrote `retention: 7 years`; the fields it takes do.
        message, hint = _group_words(model, loc, error.get("input"), where, shape)
    elif (
        error["type"] == "string_pattern_mismatch"
        and (shown := _pattern_words(error, where)) is not None
    ):
        message, hint = shown
    elif error.get("input", ...) is None:
        # `name:` with nothing after it: pydantic says "should be a valid string", which hides
        # that the field was simply left empty (as `complykit new` drafts leave it).
        message = f"{where} is empty{_asked_when_empty(error)}"
        hint = f"Fill in `{where}`; it is required."
    elif error["type"] in _CHOICE and (choice := _choice_words(error, where)) is not None:
        message, hint = choice
    elif error["type"] in _BOOL and isinstance(said := error.get("input"), str):
        message, hint = _yes_or_no(said, where)
    elif error["type"] == "list_type" and isinstance(error.get("input"), str | int | float):
        message, hint = _not_a_list(error.get("input"), where, loc)
    elif isinstance(meant := _meant_spelling(error), str):
        message, hint = f"{where}: {_plain(error['msg'])}", f"Did you mean '{meant}'?"
    else:
        message, hint = f"{where}: {_plain(error['msg'])}", None
    line, column = _located(document, error)
    return Finding(path, line, column, code, Severity.ERROR, message, hint=hint, record=record_id)


_ASKED_WHEN_EMPTY = {
    "string_type": "",  # "name is empty" says all: text goes there
    "bool_type": ": write true or false",
    "date_type": ": write a date as YYYY-MM-DD, e.g. 2026-03-31",
    "datetime_type": ": write a date and time with its UTC offset, e.g. 2026-03-31T14:05:00+02:00",
    "list_type": ": write a list, e.g. [a, b], or each item on a line of its own below it, "
    "starting with `- `",
    "int_type": ": write a whole number",
}
"""What an empty field takes, in words, by pydantic's error type; pydantic's own "input should
be a valid datetime" speaks of types, not of what to write."""


def _asked_when_empty(error: ErrorDetails) -> str:
    options = _options(error) if error["type"] in _CHOICE else []
    if options:
        return f": write one of: {', '.join(options)}"
    asked = _ASKED_WHEN_EMPTY.get(error["type"])
    return f": {_plain(error['msg']).lower()}" if asked is None else asked


def _pattern_words(error: ErrorDetails, where: str) -> tuple[str, str] | None:
    """A pattern mismatch said in words, with a "did you mean" when a small repair fits."""
    value, pattern = error.get("input"), error.get("ctx", {}).get("pattern")
    words = described(pattern, value) if isinstance(pattern, str) else None
    if words is None:
        return None
    asked, did_you_mean = words
    message = f"{where}: {_quoted(value)} is not {asked}"
    return message, did_you_mean or f"Write {asked}."


_CHOICE = frozenset({"literal_error", "enum"})


def _choice_words(error: ErrorDetails, where: str) -> tuple[str, str | None] | None:
    """A value outside a fixed list, said in words ("'x' is not one of: a, b") rather than
    pydantic's "Input should be 'a' or 'b'", with a "did you mean" when one is close."""
    options = _options(error)
    if not options:
        return None
    value = error.get("input")
    message = f"{where}: {_quoted(value)} is not one of: {', '.join(options)}"
    if not isinstance(value, str):
        return message, None
    spelled = re.sub(r"[\s_]+", "-", value.strip().lower())  # "Digital Omnibus", "art_113"
    if spelled in options:
        return message, f"Did you mean '{spelled}'?"
    # Imported here: its word lists and patterns are of use only to a value that was refused.
    from complykit.model.wording.meant import meant_value  # noqa: PLC0415

    meant = meant_value(value, options)  # "wettelijke verplichting", "6(1)(c)", "verwerker"
    if meant is not None:
        return message, f"Did you mean '{meant}'?"
    return message, _one_word_of(spelled, options) or suggest(spelled, options)


def _one_word_of(word: str, options: Sequence[str]) -> str | None:
    """A "did you mean" for one word of exactly one option: ``high`` for ``high-risk`` (too
    short for a spelling match), ``task`` for ``public-task``."""
    holding = [option for option in options if word in option.split("-")] if word else []
    return f"Did you mean '{holding[0]}'?" if len(holding) == 1 else None


_BOOL = frozenset({"bool_type", "bool_parsing"})


def _yes_or_no(value: str, where: str) -> tuple[str, str]:
    """``applicable: ja`` said to be ``true``: YAML reads only true and false as yes and no
    (complykit reads YAML 1.2, where ``yes`` is text)."""
    from complykit.model.wording.meant import meant_bool  # noqa: PLC0415 - as in _choice_words

    message = f"{where}: {_quoted(value)} is not true or false"
    meant = meant_bool(value)
    if meant is None:
        return message, "Write true or false."
    return message, f"Did you mean '{str(meant).lower()}'?"


def _not_a_list(value: object, where: str, loc: Sequence[str | int]) -> tuple[str, str]:
    """A list written as one value: ``transfers: none`` is said to be ``[]``."""
    from complykit.model.wording.meant import none_or_placeholder  # noqa: PLC0415 - as in _choice_words

    message = f"{where} is a list, not one value ({_quoted(value)})"
    if none_or_placeholder(str(value)):
        field = next((part for part in reversed(loc) if isinstance(part, str)), where)
        return message, f"For none, write `{field}: []`."
    return message, "Write each item on a line of its own below it, starting with `- `."


def _options(error: ErrorDetails) -> list[str]:
    """The values a literal or enum takes, from pydantic's "'a', 'b' or 'c'"."""
    expected = error.get("ctx", {}).get("expected")
    return re.findall(r"'([^']*)'", expected) if isinstance(expected, str) else []


def _meant_spelling(error: ErrorDetails) -> str | None:
    """The ISO 8601 spelling of a duration written in words (``72 uur``: ``PT72H``) or of a
    date written day first (``31-12-2026``: ``2026-12-31``)."""
    raised = error.get("ctx", {}).get("error")
    return raised.meant if isinstance(raised, NotADurationError | NotADateError) else None


def _quoted(value: object) -> str:
    text = str(value)
    return repr(text[:60] + "..." if len(text) > 60 else text)


_NOT_A_MAPPING = frozenset({"model_type", "model_attributes_type", "dict_type"})


def _shape(model: type[BaseModel], loc: Sequence[str | int]) -> str | None:
    """The fields the model at ``loc`` takes, required ones marked, or None when unknown."""
    nested = _model_at(model, [*loc, ""])
    if nested is None or nested is model:
        return None
    fields = nested.model_fields
    required = [name for name, field in fields.items() if field.is_required()]
    optional = [name for name in fields if name not in required]
    named = [f"{name} (required)" for name in required] + optional
    return ", ".join(named[:8]) + (", ..." if len(named) > 8 else "")


def _group_words(
    model: type[BaseModel], loc: Sequence[str | int], value: Any, where: str, shape: str
) -> tuple[str, str]:
    """A group of fields written as one value, or left empty as `complykit new` drafts it
    (`inherent:`): said as empty, not as Python's "NoneType"; a duration also takes P1Y."""
    if value is not None:
        return f"{where} is a group of fields, not {_yaml_type(value)}", _group_hint(
            model, loc, value, shape
        )
    if _model_at(model, [*loc, ""]) is Duration:
        asked = "a duration such as P1Y or P3M, or a mapping such as {months: 3}"
        return f"{where} is empty: write {asked}", f"Fill in `{where}`; it is required."
    return (
        f"{where} is empty: it takes a group of fields",
        f"Fill in `{where}`: write its fields on the lines below it, indented: {shape}.",
    )


def _group_hint(model: type[BaseModel], loc: Sequence[str | int], value: Any, shape: str) -> str:
    """How to write a group of fields given as text: ``personal_data: [Naam]`` as
    ``- name: Naam`` where the group has one required field, which the text is then most
    likely the value of; else its fields."""
    nested = _model_at(model, [*loc, ""])
    required = (
        [name for name, field in nested.model_fields.items() if field.is_required()]
        if nested is not None and nested is not model
        else []
    )
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not text or len(text) > _SHOWN or _NOT_PLAIN.search(text) or len(required) != 1:
        return f"Write its fields on the lines below it, indented: {shape}."
    item = "- " if loc and isinstance(loc[-1], int) else ""
    return f"Write it as `{item}{required[0]}: {text}`; its fields: {shape}."


_SHOWN = 60
"""The longest text a hint repeats as a value to write (a longer one reads as the fields)."""
_NOT_PLAIN = re.compile(r"`|:\s|:$|\s#|^[-?:,\[\]{}#&*!|>'\"%@]")
"""Text that would not stay the same text written after ``name: `` in YAML."""


def _located(document: YamlDocument, error: ErrorDetails) -> tuple[int, int]:
    """Where the error is: an unknown field at its key, anything else at its value."""
    return _places(document).locate(error["loc"], at_key=error["type"] == "extra_forbidden")


def _places(document: YamlDocument) -> Places:
    if document.places is None:
        raise RuntimeError("the document's places were not kept")  # a bug: callers keep them
    return document.places


def _kind_problem(path: PurePosixPath, places: Places, data: dict[str, Any]) -> Finding | None:
    kind = data.get("kind")
    if isinstance(kind, str) and kind in RECORD_MODELS:
        return None
    line, column = places.locate(["kind"])
    if kind is None:
        return Finding(
            path,
            line,
            column,
            "SCH001",
            Severity.ERROR,
            "the record has no 'kind'",
            hint="Add `kind:` with one of: " + ", ".join(RECORD_MODELS),
        )
    if not isinstance(kind, str):  # `kind: [risk]`, `kind: 3`: not a name to quote
        message = f"`kind` is a {_yaml_type(kind)}, not the name of a kind"
        hint = "Write the kind as one word: one of " + ", ".join(RECORD_MODELS)
    else:
        message = f"unknown kind '{kind}'"
        hint = suggest(kind, list(RECORD_MODELS)) or "Use one of: " + ", ".join(RECORD_MODELS)
    return Finding(path, line, column, "SCH001", Severity.ERROR, message, hint=hint)


def _yaml_type(value: object) -> str:
    """How YAML calls what ``value`` came from."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


def try_record(data: Any) -> Record | None:
    """The record for plain data when it is valid, else None (without locating anything)."""
    if not isinstance(data, dict):
        return None
    model = RECORD_MODELS.get(data.get("kind"))  # type: ignore[arg-type]
    if model is None:
        return None
    try:
        record = validate_python(model, data)
    except ValidationError:
        return None
    return compacted(record)


def to_record(
    path: PurePosixPath,
    document: YamlDocument,
    listed: SchemaListing | None = None,
    *,
    compact: bool = True,
) -> tuple[Record | None, list[Finding]]:
    """The validated record for one YAML document, or the findings that stop it.

    ``listed``: what the file's earlier documents listed already (see ``SchemaListing``); by
    default the document is listed on its own. ``compact``: store the record compactly
    (``model.compact``), as is worth it in a large workspace."""
    data = document.data
    if not isinstance(data, dict):
        line, column = _places(document).start()
        return None, [
            Finding(
                path,
                line,
                column,
                "YAML007",
                Severity.ERROR,
                "a record must be a mapping with `kind` and `id`",
                hint="Start the document with `kind:` and `id:` lines.",
            )
        ]
    problem = _kind_problem(path, _places(document), data)
    if problem is not None:
        return None, [problem]
    model = RECORD_MODELS[data["kind"]]
    record_id = data.get("id") if isinstance(data.get("id"), str) else None
    oversized = too_many_values(path, document, record_id)
    if oversized is not None:
        return None, [oversized]
    try:
        record = validate_python(model, data)
    except ValidationError as error:
        listing = SchemaListing() if listed is None else listed
        return None, listing.findings(path, document, error, model, record_id)
    return (compacted(record) if compact else record), []


def too_many_values(
    path: PurePosixPath, document: YamlDocument, record_id: str | None = None
) -> Finding | None:
    """A finding when the document holds more values than a record may: it is not validated
    (pydantic lists every error, some 800 bytes each, before any is reported)."""
    most = DEFAULT_LIMITS.max_record_values
    if not document.holds_more_values_than(most):
        return None
    line, column = _places(document).start()
    return Finding(
        path,
        line,
        column,
        "YAML005",
        Severity.ERROR,
        f"the record holds more than {most:,} values; larger records are not read",
        hint="Split it into several records: a record this large is most likely generated by "
        "mistake.",
        record=record_id,
    )


class SchemaListing:
    """How many schema findings of each code a file has listed, and those it left out.

    A record with a hundred thousand unknown keys or wrong list items was as many findings,
    each with a "did you mean" worked out against the model's fields: a 2 MB file ran for
    ten seconds, held 800 MB and printed 100 MB of JSON. A file's schema findings are listed
    up to ``most`` per code, as its YAML problems are (``LoadLimits.max_problems_per_code``),
    though never fewer than one a record, and ``left_out`` then gives one finding per code,
    at the first not listed, that counts the rest."""

    def __init__(self, most: int = DEFAULT_LIMITS.max_problems_per_code) -> None:
        self.most = most
        self.shown: Counter[str] = Counter()
        self._first_left_out: dict[str, tuple[PurePosixPath, int, int, str | None]] = {}
        self._left_out: Counter[str] = Counter()

    def findings(
        self,
        path: PurePosixPath,
        document: YamlDocument,
        error: ValidationError,
        model: type[BaseModel],
        record_id: str | None,
    ) -> list[Finding]:
        """The findings of ``error`` that are still to be listed, in pydantic's order; the
        first always is, so that every record that could not be read says why."""
        found = []
        for index, details in enumerate(error.errors(include_url=False)):
            code = schema_code(details)
            if index == 0 or self.shown[code] < self.most:
                self.shown[code] += 1
                found.append(error_finding(path, document, details, model, record_id))
            else:
                self._left_out[code] += 1
                if code not in self._first_left_out:
                    line, column = _located(document, details)
                    self._first_left_out[code] = (path, line, column, record_id)
        return found

    def left_out(self) -> list[Finding]:
        """One finding per code with findings left out, at the first of them, counting them."""
        return [
            Finding(
                path,
                line,
                column,
                code,
                Severity.ERROR,
                f"{self._left_out[code]:,} more {code} problems in this file from here on, "
                "not listed",
                hint="Fix the problems listed first: the rest are most likely alike.",
                record=record,
            )
            for code, (path, line, column, record) in self._first_left_out.items()
        ]


def schema_code(details: ErrorDetails) -> str:
    """The finding code of one pydantic error (``error_finding`` says it in words)."""
    kind = details["type"]
    return "SCH002" if kind == "missing" else "SCH003" if kind == "extra_forbidden" else "SCH004"
