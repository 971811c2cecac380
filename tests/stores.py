"""The cache store of a test workspace, for tests that read or write its entries directly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.cache.store import CacheStore, open_store

if TYPE_CHECKING:
    from pathlib import Path


def cache_store(root: Path) -> CacheStore:
    """The store of ``root``; fails the test when the cache cannot be opened there."""
    store = open_store(root)
    assert isinstance(store, CacheStore), store
    return store
