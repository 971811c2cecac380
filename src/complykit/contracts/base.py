"""What every output document shares: a version, the tool, and strict TypedDicts."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

# extra="forbid" becomes additionalProperties: false, so a key added to the output without
# being added here fails the schema test instead of going undocumented.
STRICT = ConfigDict(extra="forbid")

SchemaVersion = Literal["1"]


@with_config(STRICT)
class ToolInfo(TypedDict):
    name: Literal["complykit"]
    version: str
