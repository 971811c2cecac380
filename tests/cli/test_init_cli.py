"""``complykit init``: a new workspace that validates, and never over an existing one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.model.records import RECORD_MODELS
from complykit.validate.engine import run

runner = CliRunner()
OPTIONS = ["--organisation", "Acme Zorg B.V.", "--headcount", "12"]


def test_init_creates_a_workspace_that_validates(tmp_path: Path) -> None:
    """The new workspace has config, folders and schemas, and validates with no findings."""
    target = tmp_path / "compliance"
    result = runner.invoke(
        app,
        [
            "init",
            str(target),
            *OPTIONS,
            "--role",
            "controller",
            "--role",
            "processor",
            "--language",
            "nl",
        ],
    )
    config = (target / "complykit.yaml").read_text(encoding="utf-8")
    assert result.exit_code == 0
    assert "roles: [controller, processor]" in config
    assert "name: Autoriteit Persoonsgegevens" in config
    assert (target / "register" / ".gitkeep").exists()
    assert (target / "schemas" / "processing-activity.schema.json").exists()
    assert run(target, as_of=date(2026, 11, 23)).findings == ()


def test_a_municipality_says_so_at_init_and_is_asked_for_its_dpo(tmp_path: Path) -> None:
    """--sector writes the sector into complykit.yaml, so a public authority's duties apply
    from the first validation: Art. 37(1)(a) asks it for a DPO whatever it processes."""
    target = tmp_path / "gemeente"
    result = runner.invoke(
        app, ["init", str(target), *OPTIONS, "--sector", "public-authority", "--language", "nl"]
    )
    assert result.exit_code == 0
    assert "  sector: public-authority\n" in (target / "complykit.yaml").read_text("utf-8")
    codes = [finding.code for finding in run(target, as_of=date(2026, 11, 23)).findings]
    assert codes == ["GDPR027"]


def test_init_never_overwrites_a_workspace(tmp_path: Path) -> None:
    """A second init exits 2 and leaves the existing complykit.yaml byte for byte."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    before = (tmp_path / "complykit.yaml").read_bytes()
    result = runner.invoke(
        app, ["init", str(tmp_path), "--organisation", "Other", "--headcount", "1"]
    )
    assert result.exit_code == 2
    assert "never overwrites" in result.stderr
    assert (tmp_path / "complykit.yaml").read_bytes() == before


def test_unknown_authority_country_needs_the_authority(tmp_path: Path) -> None:
    """Outside NL and BE init asks for --authority and writes nothing until it has it."""
    result = runner.invoke(app, ["init", str(tmp_path / "ws"), *OPTIONS, "--country", "DE"])
    assert result.exit_code == 2
    assert "--authority" in result.stderr
    assert not (tmp_path / "ws").exists()
    named = ["--country", "DE", "--authority", "Der Bundesbeauftragte für den Datenschutz"]
    assert runner.invoke(app, ["init", str(tmp_path / "ws"), *OPTIONS, *named]).exit_code == 0


def test_invalid_options_write_nothing(tmp_path: Path) -> None:
    """An option the config cannot hold (an unknown role) is a usage error; nothing is written."""
    result = runner.invoke(app, ["init", str(tmp_path / "ws"), *OPTIONS, "--role", "owner"])
    assert result.exit_code == 2
    assert "organisation.roles" in result.stderr
    assert not (tmp_path / "ws").exists()


def test_init_with_a_schema_url_writes_url_modelines(tmp_path: Path) -> None:
    """--schema-url puts a versioned URL in the modelines and copies no schemas in."""
    url = "https://example.org/complykit/v0.1.0/schemas/"
    result = runner.invoke(app, ["init", str(tmp_path), *OPTIONS, "--schema-url", url])
    config = (tmp_path / "complykit.yaml").read_text(encoding="utf-8")
    assert result.exit_code == 0, result.output
    assert config.startswith(f"# yaml-language-server: $schema={url}config.schema.json\n")
    assert not (tmp_path / "schemas").exists()
    assert "complykit.yaml, 11 record folders" in result.stdout
    result = runner.invoke(app, ["soa", "init", "iso27001-2022", str(tmp_path)])
    soa = (tmp_path / "soa" / "iso27001-2022.yaml").read_text(encoding="utf-8")
    assert soa.startswith(f"# yaml-language-server: $schema={url}statement-of-applicability")


@pytest.mark.parametrize(
    "url",
    [
        "https://x.example/schemas\npaths: {exclude: ['**']}",
        "https://x.example/schemas\n",
        "https://x.example/sch emas # comment",
        "https://x.example/\u202eschemas",
        "ftp://x.example/schemas",
    ],
)
def test_init_refuses_a_schema_url_that_could_write_yaml(tmp_path: Path, url: str) -> None:
    """The URL goes into a comment line of complykit.yaml: a line break in it would write
    configuration (an exclusion hiding every record), so only visible ASCII is taken."""
    result = runner.invoke(app, ["init", str(tmp_path), *OPTIONS, "--schema-url", url])
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.stderr
    assert not (tmp_path / "complykit.yaml").exists()


def test_init_says_what_it_wrote(tmp_path: Path) -> None:
    """The closing message counts the config, the schemas and the folders it created."""
    result = runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    assert "complykit.yaml, 11 JSON Schemas in schemas/, 11 record folders" in result.stdout


def _git_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / ".git").mkdir()  # enough for complykit to see the repository's top
    return path


def test_init_with_ci_pre_commit_and_demo_validates_clean(tmp_path: Path) -> None:
    """CI and pre-commit files land at the repository top, naming the workspace subfolder, and
    the demo organisation validates without a single finding as written."""
    top = _git_repo(tmp_path / "repo")
    args = ["init", str(top / "compliance"), *OPTIONS, "--ci", "github", "--pre-commit", "--demo"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    workflow = yaml.safe_load((top / ".github/workflows/complykit.yml").read_text("utf-8"))
    [_checkout, action] = workflow["jobs"]["validate"]["steps"]
    assert action["with"] == {"workspace": "compliance"}
    hooks = yaml.safe_load((top / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["hooks"] == [{"id": "complykit-validate", "args": ["compliance"]}]
    assert run(top / "compliance", as_of=date.today()).findings == ()  # noqa: DTZ011
    assert "../.github/workflows/complykit.yml" in result.stdout
    assert "register/pa-newsletter.yaml" in result.stdout
    modeline = "# yaml-language-server: $schema=../schemas/processing-activity.schema.json"
    assert (top / "compliance/register/pa-newsletter.yaml").read_text("utf-8").startswith(modeline)


def test_the_demo_is_written_in_the_first_report_language(tmp_path: Path) -> None:
    """With Dutch first, the demo's names, purposes and owner are Dutch (its keys stay
    complykit's), and it validates without a finding as written."""
    args = ["init", str(tmp_path / "ws"), *OPTIONS, "--language", "nl", "--demo"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    activity = yaml.safe_load((tmp_path / "ws/register/pa-nieuwsbrief.yaml").read_text("utf-8"))
    assert activity["name"] == "Nieuwsbrief"
    assert activity["retention"] == {"until": "de abonnee zich afmeldt"}
    config = yaml.safe_load((tmp_path / "ws/complykit.yaml").read_text("utf-8"))
    assert config["people"][0]["role"] == "Privacyfunctionaris"
    assert run(tmp_path / "ws", as_of=date.today()).findings == ()  # noqa: DTZ011


def test_init_with_gitlab_ci_writes_a_valid_pipeline(tmp_path: Path) -> None:
    """--ci gitlab writes a .gitlab-ci.yml that GitLab's schema accepts, including the template."""
    import check_jsonschema  # type: ignore[import-untyped]  # noqa: PLC0415
    from click.testing import CliRunner as ClickRunner  # noqa: PLC0415

    result = runner.invoke(app, ["init", str(tmp_path), *OPTIONS, "--ci", "gitlab"])
    pipeline = tmp_path / ".gitlab-ci.yml"
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(pipeline.read_text("utf-8"))["variables"] == {"COMPLYKIT_WORKSPACE": "."}
    checked = ClickRunner().invoke(
        check_jsonschema.main, ["--builtin-schema", "vendor.gitlab-ci", str(pipeline)]
    )
    assert checked.exit_code == 0, checked.output


def test_init_refuses_before_writing_when_a_ci_file_exists(tmp_path: Path) -> None:
    """An existing .pre-commit-config.yaml stops init before it writes anything."""
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path), *OPTIONS, "--pre-commit"])
    assert result.exit_code == 2
    assert "nothing was written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pre-commit-config.yaml"]


@pytest.mark.parametrize("kind", sorted(RECORD_MODELS))
def test_new_writes_a_draft_with_modeline_and_required_fields(tmp_path: Path, kind: str) -> None:
    """`new KIND ID` writes the record with its modeline and every required field as a key."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    result = runner.invoke(app, ["new", kind, "draft-1", str(tmp_path)])
    assert result.exit_code == 0, result.output
    [path] = list(tmp_path.rglob("draft-1.yaml"))
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    assert (data["kind"], data["id"]) == (kind, "draft-1")
    assert set(data) == set(RECORD_MODELS[kind].model_json_schema()["required"])


def test_new_counts_one_required_field_in_the_singular(tmp_path: Path) -> None:
    """A statement of applicability has one required field: "1 required field", not "fields"."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    result = runner.invoke(app, ["new", "statement-of-applicability", "soa-a", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(
        "statement-of-applicability soa-a, 1 required field to fill in."
    )
    risk = runner.invoke(app, ["new", "risk", "risk-a", str(tmp_path)])
    assert risk.stdout.splitlines()[0].endswith("risk risk-a, 4 required fields to fill in.")


@pytest.mark.parametrize(
    ("kind", "value"),
    [("control", "to-decide"), ("supplier", "joint-controller"), ("supplier", "sub-processor")],
)
def test_new_never_splits_an_allowed_value_over_two_comment_lines(
    tmp_path: Path, kind: str, value: str
) -> None:
    """The comment above a field lists its values; `to-decide` cut into `to-` and `decide`
    on two lines reads as two values, neither of which validates."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    assert runner.invoke(app, ["new", kind, "draft-1", str(tmp_path)]).exit_code == 0
    [path] = list(tmp_path.rglob("draft-1.yaml"))
    comments = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
    assert any(value in line for line in comments), comments
    assert not any(line.endswith("-") for line in comments), comments


def test_a_waiver_draft_says_what_its_reason_is_to_hold(tmp_path: Path) -> None:
    """The comment above `reason:` is the field's own description, not the "Free text." that
    every text field shares and that tells the owner nothing about what to write."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    assert runner.invoke(app, ["new", "waiver", "waiver-a", str(tmp_path)]).exit_code == 0
    text = (tmp_path / "waivers" / "waiver-a.yaml").read_text(encoding="utf-8")
    assert (
        "# Why the finding is accepted: the risk it leaves, and why that is acceptable for now.\n"
        "reason:\n"
    ) in text
    assert "Free text" not in text


@pytest.mark.parametrize(
    ("demo", "people"),
    [
        ([], "Next: add people to complykit.yaml, "),
        (["--demo"], "Next: replace the demo person in complykit.yaml with your own people, "),
    ],
)
def test_init_names_the_command_that_starts_a_record(
    tmp_path: Path, demo: list[str], people: str
) -> None:
    """The last line says how to start a record (`complykit new`), which a new user cannot
    guess, and does not ask to add people the demo already added one of."""
    result = runner.invoke(app, ["init", str(tmp_path / "compliance"), *OPTIONS, *demo])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        f"{people}then start each record with `complykit new <kind> <id>` "
        "(e.g. `complykit new processing-activity pa-payroll`); run `complykit validate`."
    )


def test_new_finds_the_one_workspace_below_the_repository_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Right after `init compliance` at the top of the repository, `complykit new` writes into
    compliance/, as `complykit validate` and the pre-commit hook find it there, instead of
    refusing with "not inside a complykit workspace"."""
    assert runner.invoke(app, ["init", str(tmp_path / "compliance"), *OPTIONS]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "processing-activity", "pa-payroll"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Created compliance/register/pa-payroll.yaml: ")
    assert (tmp_path / "compliance" / "register" / "pa-payroll.yaml").is_file()


@pytest.mark.parametrize(
    ("frameworks", "noted"),
    [([], True), (["--framework", "gdpr", "--framework", "eu-ai-act"], False)],
)
def test_new_ai_system_says_the_ai_act_must_be_in_scope(
    tmp_path: Path, frameworks: list[str], noted: bool
) -> None:
    """With the default `frameworks: [gdpr]` no AI Act rule looks at an AI system: a high-risk
    CV screener validated without a word. `new ai-system` says so while eu-ai-act is not in
    scope, and says nothing once it is."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS, *frameworks])
    result = runner.invoke(app, ["new", "ai-system", "ai-cv", str(tmp_path)])
    assert result.exit_code == 0, result.output
    note = (
        "Note: the AI Act's rules check AI systems only with eu-ai-act among the `frameworks` "
        "of complykit.yaml; add it, or validate says nothing of this system."
    )
    assert (note in result.stdout.splitlines()) is noted


_FILLED = {
    "name:\n": "name: Payroll\n",
    "role:\n": "role: controller\n",
    "#   - description:\n": "#   - description: Paying salaries\n",
    "#     legal_basis:  #": "#     legal_basis: contract  #",
    "# data_subjects: []": "# data_subjects: [employees]",
    "#   - name:  #": "#   - name: bank account number  #",
    "#   - {name: , type: }": "#   - {name: Payroll team, type: internal}",
    "# retention: {period: , trigger: }": "# retention: {period: P7Y, trigger: end of employment}",
    "# security_description:": "# security_description: Access limited to HR staff.",
}


def test_a_processing_activity_draft_filled_in_as_it_says_validates_clean(tmp_path: Path) -> None:
    """The draft names what the register holds beyond the two required keys, as comments; a
    user who fills in each and removes the leading `# ` gets a record without findings."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    drafted = runner.invoke(app, ["new", "processing-activity", "pa-payroll", str(tmp_path)])
    assert drafted.exit_code == 0
    path = tmp_path / "register" / "pa-payroll.yaml"
    text = path.read_text(encoding="utf-8")
    for draft, filled in _FILLED.items():
        assert draft in text, draft
        text = text.replace(draft, filled, 1)
    stubs = text.index("# purposes:")
    body = "\n".join(line.removeprefix("# ") for line in text[stubs:].splitlines())
    path.write_text(text[:stubs] + body + "\n", encoding="utf-8")
    assert run(tmp_path, as_of=date(2026, 12, 1)).findings == ()


@pytest.mark.parametrize(
    "record_id", ["../../outside/evil", "a/b", "", ".hidden", "x\x1b[31m", "risk-x\n"]
)
def test_new_refuses_an_id_a_record_cannot_hold(tmp_path: Path, record_id: str) -> None:
    """The id names the file: one with a folder in it, or that no record could hold, is
    refused before anything is written, and its control characters are not echoed raw."""
    workspace = tmp_path / "ws"
    runner.invoke(app, ["init", str(workspace), *OPTIONS])
    before = sorted(tmp_path.rglob("*"))
    result = runner.invoke(app, ["new", "risk", record_id, str(workspace / "risks")])
    assert result.exit_code == 2
    assert "is not a record id; nothing was written" in result.stderr
    assert "\x1b" not in result.stderr
    assert sorted(tmp_path.rglob("*")) == before


def test_new_writes_through_no_link(tmp_path: Path) -> None:
    """A link planted where the file would go, or in place of the kind's folder, is refused:
    nothing is written where it leads."""
    workspace, outside = tmp_path / "ws", tmp_path / "outside"
    runner.invoke(app, ["init", str(workspace), *OPTIONS])
    outside.mkdir()
    (workspace / "risks" / "risk-x.yaml").symlink_to(outside / "planted.yaml")
    planted = runner.invoke(app, ["new", "risk", "risk-x", str(workspace)])
    assert planted.exit_code == 2
    assert "already exists" in planted.stderr
    shutil.rmtree(workspace / "tasks", ignore_errors=True)
    (workspace / "tasks").symlink_to(outside, target_is_directory=True)
    linked = runner.invoke(app, ["new", "task", "task-y", str(workspace)])
    assert linked.exit_code == 2
    assert "links outside the workspace" in linked.stderr
    assert list(outside.iterdir()) == []


def test_new_never_overwrites(tmp_path: Path) -> None:
    """A second `new` with the same id exits 2 and leaves the first file as it was."""
    runner.invoke(app, ["init", str(tmp_path), *OPTIONS])
    runner.invoke(app, ["new", "risk", "risk-a", str(tmp_path)])
    draft = tmp_path / "risks" / "risk-a.yaml"
    draft.write_text(draft.read_text("utf-8") + "# mine\n", encoding="utf-8")
    before = draft.read_bytes()
    again = runner.invoke(app, ["new", "risk", "risk-a", str(tmp_path)])
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert draft.read_bytes() == before
    unknown = runner.invoke(app, ["new", "thing", "x", str(tmp_path)])
    assert unknown.exit_code == 2
    assert "unknown kind 'thing'" in unknown.stderr
