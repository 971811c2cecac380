"""Finding codes for records that do not fit their schema."""

from __future__ import annotations

from complykit.core.findings import RuleInfo, Severity

SCHEMA_RULES = (
    RuleInfo(
        "SCH001",
        "unknown-kind",
        Severity.ERROR,
        "A record has no `kind`, or a kind complykit does not know.",
        hint="Set `kind:` to one of the record kinds in docs/reference/records.",
    ),
    RuleInfo(
        "SCH002",
        "missing-field",
        Severity.ERROR,
        "A required field is missing.",
        hint="Add the field; the record kind's reference page lists what is required.",
    ),
    RuleInfo(
        "SCH003",
        "unknown-field",
        Severity.ERROR,
        "A field is not part of the record kind; typos would otherwise be ignored.",
        hint="Check the spelling, or move the text into `notes`.",
    ),
    RuleInfo(
        "SCH004",
        "invalid-value",
        Severity.ERROR,
        "A value has the wrong type or is not one of the allowed values.",
        hint="Correct the value as the message says; the kind's JSON Schema in schemas/ lists "
        "what each field takes, and an editor with the YAML language server shows it as you type.",
    ),
    RuleInfo(
        "SCH005",
        "invalid-config",
        Severity.ERROR,
        "complykit.yaml does not fit its schema.",
        hint="Correct complykit.yaml at the place shown; schemas/config.schema.json describes "
        "every setting.",
    ),
    RuleInfo(
        "SCH007",
        "invalid-catalog",
        Severity.ERROR,
        "A file in the workspace's catalogs/ folder cannot be used: it reuses a framework or "
        "mapping id, maps ids that do not exist, or is no catalog, mapping or countries file.",
        hint="Fix the file; until then complykit works with the other catalogs.",
    ),
)
