"""Placeholder: rules arrive in this module."""

from __future__ import annotations
