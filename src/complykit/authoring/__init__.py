"""Writing files for the user: new workspaces, record drafts, SoA scaffolds, modelines, schemas."""
