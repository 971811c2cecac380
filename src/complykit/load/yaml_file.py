"""Parse one YAML file into plain Python documents, safely, with the place of every value.

Only safe YAML is accepted: no duplicate keys, aliases, anchors, merge keys or custom tags, and
size and depth limits apply. Problems become findings at file:line:col; nothing here raises on
user input. PyYAML's C parser is used where present (it is several times faster), with the pure
Python parser as fallback. Plain files are built straight from the parser's events
(``events``); a file that holds anything else is composed into nodes and built by ``build``,
which reports each problem at its place.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from complykit.core.findings import Finding, Severity, first_finding
from complykit.core.frozen import frozen, replace
from complykit.load.build import BuildProblem, build_document
from complykit.load.declared import UnreadRecord, declared_records
from complykit.load.events import Start, build_first_document, build_from_events
from complykit.load.limits import DEFAULT_LIMITS, LoadLimits
from complykit.load.positions import Places, places_of
from complykit.load.pyyaml import c_parser, yaml
from complykit.load.resolver import StrictResolver
from complykit.load.textpos import TextLines, offset_position


class _PureLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    StrictResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        StrictResolver.__init__(self)


def _loader_class() -> Any:
    parser: Any = c_parser()
    if parser is None:  # only where PyYAML was built without libyaml
        return _PureLoader

    class _CLoader(parser, StrictResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            parser.__init__(self, stream)
            StrictResolver.__init__(self)

    return _CLoader


_Loader = _loader_class()


@frozen
class YamlDocument:
    """One document of a file: its plain data and where each of its values was written.

    ``places`` is None only for data that did not come from parsing (the parsed-file cache).
    """

    index: int
    data: Any
    places: Places | None
    digest: str | None = None
    """A digest of the document's text, in a file of several documents (``digests``): a later
    run tells the records an edit changed from those it only moved."""
    alone_from: tuple[int, int] | None = None
    """Where the value starts (offset in the text, line from 0) when it starts a line: the
    document can then be read again alone, without the others of its file
    (``parse_document_in``). None where it starts after other text on its line."""

    def holds_more_values_than(self, most: int) -> bool:
        """Whether the data holds more than ``most`` values (scalars, lists, mappings). A value
        takes two bytes of places at least, so most documents are answered without a count,
        and a count stops past ``most``."""
        if self.places is not None and len(self.places.code) <= 2 * most:
            return False
        return _values_over(self.data, most)


def _values_over(data: Any, most: int) -> bool:
    count, pending = 0, [data]
    while pending:
        value = pending.pop()
        count += 1
        if count > most:
            return True
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


@frozen
class YamlFile:
    path: PurePosixPath
    documents: tuple[YamlDocument, ...]
    findings: tuple[Finding, ...]
    unread: tuple[UnreadRecord, ...] = ()
    """Records the text declares but that did not parse, so that nothing cascades from them."""

    def with_unread(self, text: str, limits: LoadLimits = DEFAULT_LIMITS) -> YamlFile:
        """This file, naming the records its text declares that it could not build."""
        first = first_finding(self.findings)
        if first is None:
            return self
        built = frozenset(
            str(d.data["id"]) for d in self.documents if isinstance(d.data, dict) and "id" in d.data
        )
        reason = f"{first.code} {first.message}"
        return YamlFile(
            self.path,
            self.documents,
            self.findings,
            declared_records(self.path, text, reason, skip=built, most=limits.max_documents),
        )


def _finding(path: PurePosixPath, lines: TextLines, problem: BuildProblem) -> Finding:
    line, column = lines.clamp(problem.line, problem.column)
    return Finding(
        path, line, column, problem.code, Severity.ERROR, problem.message, hint=problem.hint
    )


_TAB_HINT = "YAML does not allow a tab here: indent with spaces."

# What libyaml's most common complaints mean for someone editing a record, by a phrase of its
# message; anything else gets YAML001's general hint.
_SYNTAX_HINTS = (
    ("tab character", _TAB_HINT),
    ("found character '\\t'", _TAB_HINT),
    (
        "could not find expected ':'",
        (
            "A key needs ': ' after it, and at most 1,024 characters; check the line above "
            "for an unclosed quote."
        ),
    ),
    (
        "mapping values are not allowed",
        "': ' starts a value: put text that holds ': ' in quotes, or fix the indentation.",
    ),
    (
        "did not find expected key",
        "Check the indentation: the keys of one mapping start in the same column.",
    ),
    ("did not find expected '-'", "Check the indentation: the items of a list line up."),
    (
        "did not find expected ','",
        "Close the list or mapping written in brackets, or quote a value holding , [ ] { }.",
    ),
    ("found unexpected end of stream", "Close the quote or bracket that is still open."),
    ("found unknown escape character", "In double quotes write a backslash as \\\\."),
)


def syntax_hint(message: str) -> str | None:
    """What to do about libyaml's ``message``, when it is one of the common ones."""
    return next((hint for phrase, hint in _SYNTAX_HINTS if phrase in message), None)


def _syntax_problem(error: yaml.YAMLError, text: str) -> BuildProblem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(p for p in (error.context, error.problem) if p)
        tab = _tab_at(error, text)  # libyaml's message may not say it stopped at one
        if tab is not None:
            return _tab_problem(text, tab, line, column)
        unclosed = _unclosed_quote(error)
        if unclosed is not None:
            return unclosed
        opened = _opened_at(error)
        return BuildProblem(
            "YAML001", f"YAML syntax error: {what}{opened}", line, column, syntax_hint(what)
        )
    if isinstance(error, yaml.reader.ReaderError):
        line, column = offset_position(text, error.position)
        return BuildProblem(
            "YAML006", f"character not allowed in YAML: {error.reason}", line, column
        )
    return BuildProblem("YAML001", f"YAML syntax error: {error}", 1, 1)


def _unclosed_quote(error: yaml.MarkedYAMLError) -> BuildProblem | None:
    """A quote never closed, at the quote: libyaml finds out only at the end of the file, which
    may be many lines below the value the user has to mend."""
    mark = error.context_mark
    quoted = error.context == "while scanning a quoted scalar"
    if mark is None or not quoted or "end of stream" not in (error.problem or ""):
        return None
    return BuildProblem(
        "YAML001",
        "YAML syntax error: a quoted value starts here and its quote is never closed",
        mark.line + 1,
        mark.column + 1,
        "Close the quote at the end of the value, or remove it: a value needs quotes only "
        "when it holds ': ' or ' #', or starts with a character such as [ { & * ! | > % @.",
    )


def _opened_at(error: yaml.MarkedYAMLError) -> str:
    """Where the bracket libyaml was still reading opened, when that is on another line."""
    mark, problem = error.context_mark, error.problem_mark
    flow = (error.context or "").startswith("while parsing a flow")
    if mark is None or problem is None or not flow or mark.line == problem.line:
        return ""
    return f" (the bracket opened on line {mark.line + 1}, column {mark.column + 1})"


def _tab_at(error: yaml.MarkedYAMLError, text: str) -> int | None:
    """Where the parser stopped at a tab it would not take (libyaml: "found character that
    cannot start any token", or a tab that "violates indentation"), if it did."""
    mark, problem = error.problem_mark, error.problem or ""
    if mark is None or not ("tab" in problem or "cannot start any token" in problem):
        return None
    return mark.index if text[mark.index : mark.index + 1] == "\t" else None


def _tab_problem(text: str, index: int, line: int, column: int) -> BuildProblem:
    before = text[max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1 : index]
    if before.strip(" \t"):
        message, hint = "a tab where YAML takes only spaces", "Replace the tab with a space."
    else:
        message, hint = "a tab indents this line; YAML indents with spaces only", _TAB_HINT
    return BuildProblem("YAML001", f"YAML syntax error: {message}", line, column, hint)


def _compose_all(path: PurePosixPath, text: str, limits: LoadLimits) -> YamlFile:
    loader = _Loader(text)
    documents: list[tuple[Any, Places]] = []
    starts: list[Start] = []
    problems: list[BuildProblem] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if len(documents) >= limits.max_documents:
                problems.append(BuildProblem.at(node, "YAML005", "too many documents in one file"))
                break
            data, found = build_document(node, limits)
            problems.extend(found)
            if not found and data is not None:
                documents.append((data, places_of(node)))
                mark = node.start_mark
                starts.append((mark.index, mark.line, mark.column))
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(error, text))
    except RecursionError:
        problems.append(BuildProblem("YAML005", "the file is nested too deeply to parse", 1, 1))
    finally:
        loader.dispose()
    lines = TextLines(text)
    findings = tuple(_finding(path, lines, p) for p in problems)
    built = zip(documents, digests(text, [start[0] for start in starts]), starts, strict=True)
    return YamlFile(
        path,
        tuple(
            YamlDocument(i, *document, digest, _alone_from(start))
            for i, (document, digest, start) in enumerate(built)
        ),
        findings,
    )


def _alone_from(start: Start) -> tuple[int, int] | None:
    offset, line, column = start
    return (offset, line) if column == 0 else None


def _listed(findings: Iterable[Finding], most: int) -> tuple[Finding, ...]:
    """In order, the first ``most`` findings of each code, and for a code with more, one
    finding at the first one left out that counts them: the file is unread either way, and
    fixing the first shows how to fix the rest."""
    ordered = sorted(findings)
    counts = Counter(finding.code for finding in ordered)
    shown: Counter[str] = Counter()
    listed: list[Finding] = []
    for finding in ordered:
        shown[finding.code] += 1
        if shown[finding.code] <= most:
            listed.append(finding)
        elif shown[finding.code] == most + 1:
            more = counts[finding.code] - most
            listed.append(
                replace(
                    finding,
                    message=f"{more:,} more {finding.code} problems in this file from here on, "
                    "not listed",
                    hint="Fix the problems listed first: the rest are most likely alike.",
                )
            )
    return tuple(listed)


def _decode(path: PurePosixPath, raw: bytes) -> str | Finding:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return Finding(
            path,
            line,
            column,
            "YAML006",
            Severity.ERROR,
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            hint="Save the file as UTF-8.",
        )


def parse_yaml(path: PurePosixPath, raw: bytes, limits: LoadLimits = DEFAULT_LIMITS) -> YamlFile:
    """Parse ``raw`` bytes read from ``path``; never raises on any input."""
    if len(raw) > limits.max_file_bytes:
        message = f"the file is larger than the limit of {limits.max_file_bytes:,} bytes"
        too_big = Finding(
            path,
            1,
            1,
            "YAML005",
            Severity.ERROR,
            message,
            hint="Split the records over several files.",
        )
        # The ids declared in the lines read whole (no more is ever read): references to them
        # are records that could not be read, not dangling references.
        read = raw[: limits.max_file_bytes].decode("utf-8", "replace").removeprefix("\ufeff")
        whole_lines = read[: read.rfind("\n") + 1]
        return YamlFile(path, (), (too_big,)).with_unread(whole_lines, limits)
    text = _decode(path, raw)
    if isinstance(text, Finding):
        return YamlFile(path, (), (text,)).with_unread(raw.decode("utf-8", "replace"), limits)
    # An "&" is most often prose ("Privacy & Compliance", "R&D"): only a real anchor (refused,
    # and reported with every other problem of the file) needs the composing builder.
    anchors = find_anchors(path, text) if "&" in text else ()
    if not anchors:
        built = _from_events(text, limits)
        if built is not None:
            return YamlFile(path, built, ())
    parsed = _compose_all(path, text, limits)
    # An anchor the compose pass refused too is listed once.
    findings = {*anchors, *parsed.findings} if anchors else parsed.findings
    listed = _listed(findings, limits.max_problems_per_code)
    parsed = YamlFile(path, () if anchors else parsed.documents, listed)
    return parsed.with_unread(text, limits)


def digests(text: str, starts: list[int]) -> list[str | None]:
    """For the documents of a file of several, the digest of each one's text: from where its
    value starts to where the next one's starts (both builders skip the same empty documents
    and start a value at the same place). A file of one document needs none: its own digest
    says whether its record changed.

    Equal texts mean equal data: a document is read from its own text alone (no alias reaches
    across documents, and no tag a directive could change is allowed).
    """
    if len(starts) < 2:
        return [None] * len(starts)
    ends = [*starts[1:], len(text)]
    return [_digest(text[start:end]) for start, end in zip(starts, ends, strict=True)]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _from_events(text: str, limits: LoadLimits) -> tuple[YamlDocument, ...] | None:
    loader = _Loader(text)
    try:
        built = build_from_events(loader, limits)
    finally:
        loader.dispose()
    if built is None:
        return None
    found = digests(text, [start[0] for *_, start in built])
    return tuple(
        YamlDocument(i, data, places, digest, _alone_from(start))
        for i, ((data, places, start), digest) in enumerate(zip(built, found, strict=True))
    )


_LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029")


def decode_file(raw: bytes) -> str | None:
    """The text of a file's bytes as ``parse_document_in`` reads it; None when not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def parse_document_in(
    text: str, alone_from: tuple[int, int], limits: LoadLimits = DEFAULT_LIMITS
) -> tuple[Any, Places] | None:
    """The data and places of the document whose value starts at ``alone_from`` (see
    ``YamlDocument.alone_from``) in a file's ``text`` (``decode_file``), read alone; or None,
    and the caller parses the whole file.

    Only for a text whose bytes read as a whole file gave that document, unchanged (the caller
    checks their hash): at the start of a line, between documents, the parser is in the state
    it is in at the start of a stream, so what follows reads the same. The lines before it are
    replaced by as many empty ones, so every place is where it is in the file. The text is
    decoded once by a caller that reads several documents of one file.
    """
    offset, line = alone_from
    if not 0 <= offset <= len(text) or (offset and text[offset - 1] not in _LINE_BREAKS):
        return None
    if line > offset:  # each line before the value ends in a break of its own
        return None
    loader = _Loader("\n" * line + text[offset:])
    try:
        return build_first_document(loader, limits)
    finally:
        loader.dispose()


def _refused(event: yaml.Event, name: str) -> str:
    """What is refused at ``event``: an alias (``*name``) reuses what an anchor marked."""
    if isinstance(event, yaml.AliasEvent):
        return f"alias '*{name}' is not allowed"
    return f"anchor '&{name}' is not allowed"


def find_anchors(path: PurePosixPath, text: str) -> tuple[Finding, ...]:
    """Anchors are refused even when unused; only scanned for when the text holds an ``&``."""
    loader = _Loader(text)
    found: list[Finding] = []
    lines = TextLines(text)
    try:
        while (event := loader.get_event()) is not None:
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                mark = event.start_mark
                line, column = lines.clamp(mark.line + 1, mark.column + 1)
                found.append(
                    Finding(
                        path,
                        line,
                        column,
                        "YAML003",
                        Severity.ERROR,
                        _refused(event, anchor),
                        hint="Write the values out in full instead of anchoring and reusing them.",
                    )
                )
            if isinstance(event, yaml.StreamEndEvent):
                break
    except (yaml.YAMLError, RecursionError):
        pass  # the compose pass reports syntax errors
    finally:
        loader.dispose()
    return tuple(found)
