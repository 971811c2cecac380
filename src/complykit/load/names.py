"""The names discovery goes by: the config file, YAML suffixes, folders that hold no records.

Kept apart from :mod:`complykit.load.discover` so that the start-up path of a cached
``complykit validate`` can hash a workspace by the same rules without importing pathlib.
"""

from __future__ import annotations

CONFIG_FILENAME = "complykit.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
# Folders that never hold records: VCS data, environments, and the workspace's own catalogs.
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "catalogs", "site"})
# Folders nested deeper than this are reported, not read.
MAX_FOLDER_DEPTH = 32
