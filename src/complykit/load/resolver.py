"""Which plain scalars become which types: a strict, YAML 1.2-like core schema.

PyYAML's default YAML 1.1 resolver turns ``NO`` (Norway) into ``False``, ``2024-01-01`` into a
date and ``1:20`` into 80. complykit wants the model, not the parser, to decide what a value
means, so only ``true``/``false``, ``null``, plain decimal/hex/octal integers and floats are
typed here; everything else stays a string.
"""

from __future__ import annotations

import re

from complykit.load.pyyaml import yaml

BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"

INT_PATTERN = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
FLOAT_PATTERN = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_IMPLICIT = (
    (BOOL_TAG, re.compile(r"^(?:true|false)$"), ["t", "f"]),
    (NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    (INT_TAG, INT_PATTERN, list("-+0123456789")),
    (FLOAT_TAG, FLOAT_PATTERN, list("-+0123456789.")),
)


class StrictResolver(yaml.resolver.BaseResolver):
    """A resolver with only the implicit types listed in ``_IMPLICIT``."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}


for _tag, _pattern, _first in _IMPLICIT:
    StrictResolver.add_implicit_resolver(_tag, _pattern, _first)
