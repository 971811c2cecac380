"""Analyses over a loaded workspace that are not rules: framework coverage."""
