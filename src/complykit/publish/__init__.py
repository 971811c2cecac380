"""Documents to hand over: reports of a workspace (at a git revision, with provenance) and the
audit pack that bundles them. Sits above ``diff`` because it reads git through the same layer."""
