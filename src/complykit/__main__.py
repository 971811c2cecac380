"""``python -m complykit``: the same command as ``complykit``, for environments without scripts."""

from complykit.cli.entry import run

if __name__ == "__main__":
    run()
