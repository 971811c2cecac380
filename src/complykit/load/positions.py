"""Map a path of keys and indexes (as pydantic reports it) back to a place in the YAML text."""

from __future__ import annotations

from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Loc = Sequence[str | int]


def node_position(node: Node) -> tuple[int, int]:
    """1-based line and column where a node starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _child(node: Node, part: str | int) -> tuple[Node, Node] | None:
    """The (key node, value node) that ``part`` names inside ``node``, if any."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == part:
                return key, value
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item, item
    return None


def locate(root: Node, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
    """Position of the deepest node along ``loc``.

    Parts that name nothing (pydantic's union branch labels, a missing field) are skipped, so an
    error on a missing field points at its nearest existing parent. With ``at_key`` the final
    mapping entry is located at its key rather than its value, which reads better for
    "unknown field" errors.
    """
    node, key_node = root, root
    for part in loc:
        found = _child(node, part)
        if found is not None:
            key_node, node = found
    return node_position(key_node if at_key else node)
