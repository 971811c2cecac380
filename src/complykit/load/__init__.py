"""Load: find workspace files and read YAML safely, with a source position for every node."""
