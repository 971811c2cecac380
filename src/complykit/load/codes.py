"""Finding codes the loader emits, with their metadata (registered once, here)."""

from __future__ import annotations

from complykit.core.findings import RuleInfo, Severity

YAML_RULES = (
    RuleInfo(
        "YAML001",
        "syntax-error",
        Severity.ERROR,
        "The file is not well-formed YAML.",
        hint="Fix the YAML syntax at the position shown; a YAML-aware editor helps.",
    ),
    RuleInfo(
        "YAML002",
        "duplicate-key",
        Severity.ERROR,
        "A mapping has the same key twice; YAML parsers silently keep only one of them.",
        hint="Remove or rename one of the two keys.",
    ),
    RuleInfo(
        "YAML003",
        "alias-or-anchor",
        Severity.ERROR,
        "Anchors, aliases and merge keys are not allowed: they hide what a record says.",
        hint="Write the values out in full.",
    ),
    RuleInfo(
        "YAML004",
        "custom-tag",
        Severity.ERROR,
        "Only the standard YAML tags (str, int, float, bool, null, seq, map) are allowed.",
        hint="Remove the tag and write a plain value.",
    ),
    RuleInfo(
        "YAML005",
        "too-large",
        Severity.ERROR,
        "The file exceeds a size or nesting limit, or a record holds too many values.",
        hint="Split the file, or flatten the structure.",
    ),
    RuleInfo(
        "YAML006",
        "encoding",
        Severity.ERROR,
        "The file is not valid UTF-8 text.",
        hint="Save the file as UTF-8.",
    ),
    RuleInfo(
        "YAML007",
        "not-a-mapping",
        Severity.ERROR,
        "A YAML document must be a mapping with at least `kind` and `id`.",
        hint="Start the document with `kind:` and `id:` lines.",
    ),
    RuleInfo(
        "YAML008",
        "complex-key",
        Severity.ERROR,
        "Mapping keys must be plain strings.",
        hint="Use a plain text key.",
    ),
    RuleInfo(
        "YAML009",
        "unreadable",
        Severity.ERROR,
        "A file or folder could not be read, or is not read (a link, a special file).",
        hint="Keep records in regular files inside the workspace: put the file or folder "
        "itself where a link stands, and check that complykit may read it.",
    ),
    RuleInfo(
        "YAML010",
        "tab-in-key",
        Severity.ERROR,
        "A mapping key holds a tab: YAML keeps it as part of the key, so the key is not the "
        "field it looks like.",
        hint="Remove the tab; indent and separate with spaces only.",
    ),
)
