"""One validation run: the engine that runs the checks, waivers, the result and its cache."""
