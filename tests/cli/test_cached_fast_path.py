"""A cached `validate` is answered before Typer loads, with the very bytes of a fresh run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from complykit.cache import rendered
from complykit.cache.entries import cache_folder
from complykit.cache.store import CACHE_DIRNAME, RESULT_PREFIX
from complykit.cli.cached import Request, answer, parse
from complykit.cli.entry import main
from conftest import EXAMPLE

AS_OF = "2026-11-23"
HEAVY = ("typer", "click", "pydantic", "yaml", "complykit.checks", "complykit.model")
FULL = "from complykit.cli.app import main; main()"
# Runs the installed entry point in a fresh interpreter; prints what it imported when the
# entry returns (the full Typer command exits from inside instead, so prints nothing).
PROBE = f"""
import sys
from complykit.cli.entry import main
code = main()
loaded = sorted(m for m in {HEAVY!r} if m in sys.modules)
sys.stderr.write("FAST PATH, LOADED:" + ",".join(loaded) + "\\n")
raise SystemExit(code)
"""


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository with the example, made to have findings, in a subfolder."""
    workspace = tmp_path / "repo" / "compliance"
    shutil.copytree(EXAMPLE, workspace, ignore=shutil.ignore_patterns(CACHE_DIRNAME))
    (workspace.parent / ".git").mkdir()  # enough for git_top_level; no git needed
    risk = workspace / "risks" / "risk-ransomware.yaml"
    text = risk.read_text(encoding="utf-8")
    risk.write_text(text.replace("owner: fatima-elamrani", "owner: nobody"), encoding="utf-8")
    return workspace


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-c", PROBE, *args]
    return subprocess.run(command, capture_output=True, check=False, env=env)  # noqa: S603


def _full(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The Typer command itself, never the paths of cli/entry.py."""
    command = [sys.executable, "-c", FULL, *args]
    return subprocess.run(command, capture_output=True, check=False, env=env)  # noqa: S603


def _environment(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "NO_COLOR"}}
    return {**env, **changes}


@pytest.mark.parametrize("output_format", ["json", "sarif", "github", "text", "junit", "gitlab"])
def test_runs_without_typer_write_what_the_typer_command_writes(
    repository: Path, output_format: str
) -> None:
    """Same stdout bytes and exit code as the Typer command: validated without Typer, then
    answered from the cache without even the models or rules."""
    args = ("validate", str(repository), "--format", output_format, "--as-of", AS_OF)
    env = _environment()
    full = _full(*args, "--no-cache", env=env)
    direct = _run(*args, "--no-cache", env=env)
    _run(*args, env=env)  # writes the cache
    cached = _run(*args, env=env)
    assert (direct.returncode, direct.stdout) == (full.returncode, full.stdout)
    assert (cached.returncode, cached.stdout) == (full.returncode, full.stdout)
    assert full.returncode == 1
    assert b"risk-ransomware.yaml" in cached.stdout
    assert direct.stderr == b"FAST PATH, LOADED:complykit.checks,complykit.model,yaml\n"
    assert cached.stderr == b"FAST PATH, LOADED:\n"


def test_under_github_actions_the_default_format_is_github(
    repository: Path,
) -> None:
    """Without --format, GITHUB_ACTIONS picks annotations, as in the full command."""
    env = _environment(GITHUB_ACTIONS="true")
    args = ("validate", str(repository), f"--as-of={AS_OF}")
    fresh = _full(*args, "--no-cache", env=env)
    _run(*args, env=env)
    cached = _run(*args, env=env)
    assert cached.stdout == fresh.stdout
    assert b"::error file=" in cached.stdout
    assert cached.stderr == b"FAST PATH, LOADED:\n"


def test_a_corrupt_entry_is_reported_and_validated_afresh(repository: Path) -> None:
    """A corrupt entry is never written as is: the run warns, as the Typer command does, and
    validates afresh."""
    home = Path(os.environ["XDG_CACHE_HOME"]).parent / "fast-path-home"
    env = {**_environment(HOME=str(home)), "XDG_CACHE_HOME": ""}
    args = ("validate", str(repository), "-f", "json", "--as-of", AS_OF)
    fresh = _full(*args, "--no-cache", env=env)
    _run(*args, env=env)
    [entry] = (repository / CACHE_DIRNAME).glob(f"{RESULT_PREFIX}*.json")
    entry.write_bytes(b"\x00not an entry")
    again = _run(*args, env=env)
    assert (again.returncode, again.stdout) == (fresh.returncode, fresh.stdout)
    assert again.stderr.startswith(b"warning: cache entry")
    assert b"LOADED:\n" not in again.stderr
    entry.write_bytes(b"\x00not an entry")
    full = _full(*args, env=env)
    assert (full.stdout, full.stderr) == (again.stdout, again.stderr.rpartition(b"FAST")[0])


def test_an_edit_is_never_answered_from_the_cache(repository: Path) -> None:
    """After a same-size edit, the full command runs and sees it."""
    args = ("validate", str(repository), "-f", "json", "--as-of", AS_OF)
    env = _environment()
    _run(*args, env=env)
    risk = repository / "risks" / "risk-ransomware.yaml"
    before = risk.stat()
    text = risk.read_text(encoding="utf-8")
    risk.write_text(text.replace("owner: nobody", "owner: nobodx"), encoding="utf-8")
    os.utime(risk, ns=(before.st_atime_ns, before.st_mtime_ns))
    edited = _run(*args, env=env)
    assert b"complykit.model" in edited.stderr  # validated, not written from the cache
    assert b"nobodx" in edited.stdout


def test_no_options_mean_the_current_folder_in_text_as_of_today() -> None:
    # Today is read around the call, not when the tests are collected: a run can span midnight.
    before = date.today().isoformat()  # noqa: DTZ011 - the user's own calendar day, as the CLI
    request = parse([])
    after = date.today().isoformat()  # noqa: DTZ011
    assert request in (
        Request(None, "text", "error", before),
        Request(None, "text", "error", after),
    )


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            ["ws", "--format=JSON", "--fail-on", "warning", "--as-of", AS_OF, "-j", "2"],
            Request("ws", "json", "warning", AS_OF, 2),
        ),
        (["-f", "sarif", "--as-of", AS_OF], Request(None, "sarif", "error", AS_OF)),
        (
            ["--no-cache", "-j", "3", "--as-of", AS_OF],
            Request(None, "text", "error", AS_OF, 3, no_cache=True),
        ),
        (
            ["-o", "out.sarif", "-f", "sarif", "--force", "--as-of", AS_OF],
            Request(None, "sarif", "error", AS_OF, output="out.sarif", force=True),
        ),
        (
            ["ws", "--output=reports/out.json", "--as-of", AS_OF],
            Request("ws", "text", "error", AS_OF, output="reports/out.json"),
        ),
    ],
)
def test_plain_command_lines_are_understood(arguments: list[str], expected: Request | None) -> None:
    """PATH, --format (any case), --fail-on, --as-of, --jobs, --no-cache, --output and
    --force, in any order."""
    assert parse(arguments) == expected


@pytest.mark.parametrize(
    "arguments",
    [
        ["--no-cache", "--no-cache"],
        ["--force", "--force"],
        ["--force=yes"],
        ["--output"],
        ["-o", "-"],
        ["-oout.json"],
        ["-o", "a.json", "-o", "b.json"],
        ["--path-base", "."],
        ["--help"],
        ["a", "b"],
        ["-f", "json", "-f", "text"],
        ["-fjson"],
        ["--format"],
        ["--fail-on", "ERROR"],
        ["--as-of", "tomorrow"],
        ["--jobs", "0"],
        ["--", "ws"],
    ],
)
def test_anything_else_goes_to_the_full_command(arguments: list[str]) -> None:
    """Other options, errors and repeats are left to Typer, which reports them as usual."""
    assert parse(arguments) is None


@pytest.mark.parametrize(
    "arguments", [["--format", "yaml", "--as-of", AS_OF], ["-f", "json", "--as-of", "2026-02-30"]]
)
def test_a_format_or_day_the_command_refuses_goes_to_it(
    repository: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str]
) -> None:
    """Names and days checked only once the formatters and datetime are imported still fall
    through to the full command, which refuses them."""
    monkeypatch.setenv("XDG_CACHE_HOME", os.environ["XDG_CACHE_HOME"])
    _run("validate", str(repository), "-f", "json", "--as-of", AS_OF, env=_environment())
    assert answer([str(repository), *arguments]) is None


def test_an_interrupted_fast_path_ends_as_click_ends_a_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while hashing prints Click's "Aborted!" and exits 1, without a traceback."""

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    # A cache folder, as after an earlier run: the fast path hashes to look for a kept text.
    Path(cache_folder(str(EXAMPLE.resolve()))).mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(rendered, "workspace_digests", interrupted)
    monkeypatch.setattr(sys, "argv", ["complykit", "validate", str(EXAMPLE)])
    assert main() == 1
    assert capsys.readouterr().err == "\nAborted!\n"


PLUGINS = """
import sys
from complykit.cli.entry import main
main()
from pydantic.plugin import _loader
sys.stderr.write(f"PLUGINS:{_loader._plugins!r}")
"""


@pytest.mark.parametrize(("setting", "looked_up"), [(None, b"None"), ("", b"{}")])
def test_pydantic_plugins_are_not_looked_up_unless_the_user_says(
    setting: str | None, looked_up: bytes
) -> None:
    """Plugins would see every record; the scan for them costs a tenth of a small run."""
    env = {k: v for k, v in _environment().items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    command = [sys.executable, "-c", PLUGINS, "validate", str(EXAMPLE), "--no-cache", "-f", "json"]
    run = subprocess.run(command, capture_output=True, check=False, env=env)  # noqa: S603
    assert run.stderr.endswith(b"PLUGINS:" + looked_up)


def test_a_step_in_the_workspace_folder_annotates_paths_from_the_checkout(
    repository: Path,
) -> None:
    """A workflow step with ``working-directory: compliance`` still names files from the
    checkout, as GitHub reads them; a kept rendering is not replayed for another checkout."""
    checkout = repository.parent
    args = [sys.executable, "-c", PROBE, "validate", "-f", "github", "--as-of", AS_OF]

    def step(job_workspace: Path) -> bytes:
        env = _environment(GITHUB_WORKSPACE=str(job_workspace))
        done = subprocess.run(args, capture_output=True, check=False, cwd=repository, env=env)  # noqa: S603
        return done.stdout

    fresh, cached = step(checkout), step(checkout)
    assert b"::error file=compliance/risks/risk-ransomware.yaml," in fresh
    assert cached == fresh
    assert b"::error file=risks/risk-ransomware.yaml," in step(repository)


@pytest.mark.parametrize("output_format", ["sarif", "gitlab", "junit", "text"])
def test_an_output_file_is_written_as_the_typer_command_writes_it(
    repository: Path, tmp_path: Path, output_format: str
) -> None:
    """``--output`` without Typer: the same file, the same line on standard error and the same
    exit code as the Typer command, validated afresh and then from the cache."""
    env = _environment()
    written = {name: tmp_path / f"{name}.out" for name in ("full", "direct", "cached")}

    def args(name: str) -> tuple[str, ...]:
        return ("validate", str(repository), "-f", output_format, "--as-of", AS_OF, "-o",
                str(written[name]))  # fmt: skip

    full = _full(*args("full"), "--no-cache", env=env)
    direct = _run(*args("direct"), env=env)
    cached = _run(*args("cached"), env=env)
    assert full.returncode == direct.returncode == cached.returncode == 1
    expected = written["full"].read_bytes()
    assert b"risk-ransomware.yaml" in expected
    assert written["direct"].read_bytes() == written["cached"].read_bytes() == expected
    said = full.stderr.replace(b"full.out", b"{}.out")
    for name, done in (("direct", direct), ("cached", cached)):
        assert done.stderr.replace(f"{name}.out".encode(), b"{}.out").startswith(said)
        assert done.stdout == full.stdout == b""
    assert direct.stderr.endswith(b"FAST PATH, LOADED:complykit.checks,complykit.model,yaml\n")
    assert cached.stderr.endswith(b"FAST PATH, LOADED:\n")


def test_an_output_file_that_exists_is_refused_by_the_typer_command(
    repository: Path, tmp_path: Path
) -> None:
    """Without --force an existing file is the Typer command's to refuse (exit 2, untouched);
    with --force it is replaced without Typer."""
    target = tmp_path / "complykit.sarif"
    target.write_text("mine\n", encoding="utf-8")
    args = ("validate", str(repository), "-f", "sarif", "--as-of", AS_OF, "-o", str(target))
    refused = _run(*args, env=_environment())
    assert refused.returncode == 2
    assert b"already exists; nothing was written" in refused.stderr
    assert b"FAST PATH" not in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = _run(*args, "--force", env=_environment())
    assert forced.returncode == 1
    assert forced.stderr.endswith(b"FAST PATH, LOADED:\n")
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
