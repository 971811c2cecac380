"""``complykit rules --format json``."""

from __future__ import annotations

from pydantic import with_config
from typing_extensions import TypedDict

from complykit.contracts.base import STRICT, SchemaVersion
from complykit.contracts.validate import Severity


@with_config(STRICT)
class RuleDocument(TypedDict):
    code: str
    family: str
    framework: str | None
    name: str
    severity: Severity
    summary: str
    citation: list[str]
    hint: str | None
    note: str | None
    """What holds for all of the rule's findings, said once (e.g. the unverified Digital
    Omnibus dates of an AI Act duty); None when nothing needs saying."""


@with_config(STRICT)
class RulesDocument(TypedDict):
    schema_version: SchemaVersion
    rules: list[RuleDocument]
