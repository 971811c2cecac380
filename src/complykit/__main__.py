"""``python -m complykit``: the same command as ``complykit``, for environments without scripts."""

from complykit.cli.entry import main

if __name__ == "__main__":
    raise SystemExit(main())
