"""``complykit diff``: what a change does to a workspace, between two git revisions.

The pipeline reads in the module names: ``run`` loads the head once; ``changed`` tells by git
blob ids which record files the base has otherwise; ``swap`` builds the base from the head's
records with those files swapped (``complykit.load.tree`` reads them from git); ``checking``
runs the rules on both sides; ``snapshot`` keeps what a side holds; ``fields``, ``matching``
and ``notable`` compare the sides into the values of ``changes``, and ``formats`` renders them.
Importing this package stays cheap: the CLI reads the format names at start-up.
"""
