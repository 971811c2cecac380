"""The workspace as loaded: its records indexed by id and kind (`repository`) and how a folder
becomes one (`open`)."""
