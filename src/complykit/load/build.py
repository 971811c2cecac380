"""Turn a composed node tree into plain Python values, refusing what safe YAML excludes."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from complykit.core.frozen import frozen
from complykit.load.limits import LoadLimits
from complykit.load.pyyaml import yaml
from complykit.load.resolver import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    MAP_TAG,
    NULL_TAG,
    SEQ_TAG,
    STR_TAG,
)

MappingNode = yaml.nodes.MappingNode
Node = yaml.nodes.Node
ScalarNode = yaml.nodes.ScalarNode
SequenceNode = yaml.nodes.SequenceNode


@frozen
class BuildProblem:
    code: str
    message: str
    line: int
    column: int
    hint: str | None = None

    @classmethod
    def at(cls, node: Node, code: str, message: str, hint: str | None = None) -> BuildProblem:
        return cls(code, message, node.start_mark.line + 1, node.start_mark.column + 1, hint)


class _Abort(Exception):  # noqa: N818 - internal control flow, never escapes this module
    def __init__(self, problem: BuildProblem) -> None:
        self.problem = problem


def _int(text: str) -> int:
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text, 10)


def _float(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    return float(text)


INTERN_UP_TO = 40
"""Short strings (ids, codes, countries, enum values) repeat across thousands of records;
interning keeps one copy of each, about a tenth of the records' memory at 10,000 records."""


def _str(text: str) -> str:
    return sys.intern(text) if len(text) <= INTERN_UP_TO else text


SCALARS: dict[str, Callable[[str], Any]] = {
    STR_TAG: _str,
    NULL_TAG: lambda _text: None,
    BOOL_TAG: lambda text: text == "true",
    INT_TAG: _int,
    FLOAT_TAG: _float,
}


def _unconvertible(node: Node) -> BuildProblem:
    digits = sys.get_int_max_str_digits()
    if node.tag == INT_TAG and len(node.value) > digits:
        # Python refuses to convert longer numbers (a guard against slow conversions).
        return BuildProblem.at(
            node,
            "YAML004",
            f"a whole number of {len(node.value):,} characters is longer than the "
            f"{digits:,} digits that are read",
            "Quote it if it is a code or an identifier, not a number.",
        )
    if node.tag == FLOAT_TAG and node.value.lower() == ".nan":  # YAML 1.1 "not a number"
        return BuildProblem.at(
            node,
            "YAML004",
            f"'{node.value[:40]}' is YAML for a float that is not a number, which no field takes",
            "Write a number, or quote the value if it is text.",
        )
    return BuildProblem.at(
        node, "YAML004", f"'{node.value[:40]}' is not a valid value for tag '{node.tag}'"
    )


class _Builder:
    def __init__(self, limits: LoadLimits) -> None:
        self.limits = limits
        self.seen: set[int] = set()
        self.problems: list[BuildProblem] = []

    def build(self, node: Node, depth: int) -> Any:
        if id(node) in self.seen:
            raise _Abort(
                BuildProblem.at(
                    node, "YAML003", "aliases are not allowed", "Write the value out in full."
                )
            )
        self.seen.add(id(node))
        if depth > self.limits.max_depth:
            raise _Abort(
                BuildProblem.at(
                    node, "YAML005", f"nested deeper than {self.limits.max_depth} levels"
                )
            )
        if isinstance(node, MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, SequenceNode):
            self.check_tag(node, SEQ_TAG)
            return [self.build(item, depth + 1) for item in node.value]
        return self.scalar(node)

    def check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            raise _Abort(
                BuildProblem.at(
                    node, "YAML004", f"tag '{node.tag}' is not allowed", "Remove the tag."
                )
            )

    def scalar(self, node: Node) -> Any:
        convert = SCALARS.get(node.tag)
        if convert is None:
            raise _Abort(
                BuildProblem.at(
                    node,
                    "YAML004",
                    f"tag '{node.tag}' is not allowed",
                    "Remove the tag and write a plain value.",
                )
            )
        if len(node.value) > self.limits.max_scalar_chars:
            raise _Abort(
                BuildProblem.at(
                    node,
                    "YAML005",
                    f"a value is longer than {self.limits.max_scalar_chars:,} characters",
                )
            )
        try:
            return convert(node.value)
        except ValueError:
            raise _Abort(_unconvertible(node)) from None

    def mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        self.check_tag(node, MAP_TAG)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key in result:
                self.problems.append(
                    BuildProblem.at(
                        key_node,
                        "YAML002",
                        f"duplicate key '{key}'",
                        "Remove or rename one of the two; YAML would silently keep only one.",
                    )
                )
            result[key] = self.build(value_node, depth + 1)
        return result

    def key(self, node: Node) -> str:
        if not isinstance(node, ScalarNode) or node.tag not in (
            STR_TAG,
            INT_TAG,
            BOOL_TAG,
            FLOAT_TAG,
            NULL_TAG,
        ):
            raise _Abort(
                BuildProblem.at(
                    node, "YAML008", "mapping keys must be plain text", "Use a plain text key."
                )
            )
        if node.value == "<<" and not node.style:
            raise _Abort(
                BuildProblem.at(
                    node,
                    "YAML003",
                    "merge keys ('<<') are not allowed",
                    "Write the merged values out in full.",
                )
            )
        if "\t" in node.value:
            self.problems.append(_tab_in_key(node, node.value))
        self.seen.add(id(node))
        return str(node.value)


_SHOWN_KEY = 60
_TAB_GAP = re.compile(r"[ \t]*\t[ \t]*")


def _tab_in_key(node: Node, key: str) -> BuildProblem:
    """A tab in a key looks like a space, or like nothing at the end of it: spell it out, and
    name the key meant (an unknown field with an invisible difference helps no one). A tab
    between two words may stand for the '_' of a field name (``next<TAB>review``) or be a
    stray keystroke inside one word (``ti<TAB>tle``): the loader does not know the fields, so
    the hint names both spellings."""
    shown = key.replace("\t", "\\t")
    shown = shown if len(shown) <= _SHOWN_KEY else f"{shown[:_SHOWN_KEY]}..."
    words = [word for word in _TAB_GAP.split(key.strip(" \t")) if word]
    if not words:
        hint = "Remove the tab and name the field."
    elif len(words) == 1:
        hint = f"Remove the tab, so that the key reads '{words[0][:_SHOWN_KEY]}'."
    else:
        joined, underscored = "".join(words)[:_SHOWN_KEY], "_".join(words)[:_SHOWN_KEY]
        hint = (
            f"Remove the tab: write the key as '{underscored}' or as '{joined}', whichever is "
            "the field meant (field names join their words with '_')."
        )
    return BuildProblem.at(
        node,
        "YAML010",
        f"the key '{shown}' holds a tab, which YAML keeps as part of the key",
        hint,
    )


def build_document(node: Node, limits: LoadLimits) -> tuple[Any, list[BuildProblem]]:
    """Plain data for one document, or the problems that make it unusable."""
    builder = _Builder(limits)
    try:
        data = builder.build(node, 0)
    except _Abort as abort:
        return None, [*builder.problems, abort.problem]
    return data, builder.problems
