"""The one error a broken catalog file raises."""

from __future__ import annotations


class CatalogError(Exception):
    """A catalog or mapping file cannot be used; the message names the file."""
