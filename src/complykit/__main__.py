"""``python -m complykit``: the same command as ``complykit``, for environments without scripts."""

from complykit.cli.app import main

if __name__ == "__main__":
    main()
