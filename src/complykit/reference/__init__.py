"""Explaining rules: `complykit rules --explain` and the generated reference pages."""
