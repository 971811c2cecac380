"""Model: the pydantic records a workspace holds; the only schema written by hand."""
