"""A content-addressed cache of validation results, safe to delete and never trusted blindly.

Entries are JSON, signed with a key that lives in the user's cache folder outside the
workspace, so an entry committed to the repository by someone else is never believed; they are
keyed by the hash of every file's content (not its mtime), the complykit code and catalogs, the
config and the as-of day. Anything unreadable, corrupt or unsigned is ignored with a note.
"""
