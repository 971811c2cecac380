"""``complykit diff``: what a change does to a workspace, between two git revisions.

The pipeline reads in the module names: ``complykit.load.tree`` materialises a revision,
``snapshot`` loads one side, ``fields``, ``matching`` and ``notable`` compare the sides into
the values of ``changes``, ``run`` ties them together and ``formats`` renders the result.
Importing this package stays cheap: the CLI reads the format names at start-up.
"""
