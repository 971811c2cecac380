"""What ``complykit init`` can add beside the workspace: CI, pre-commit, and a demo organisation.

CI and pre-commit files belong at the top of the git repository (the workspace may be a folder
inside it); their text names the workspace's path from there. Every file is new: init refuses
before its first write if any of them exists.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path, PurePosixPath

from complykit.authoring.modeline import modeline

# The release these files pin; the repository owner is a placeholder until complykit is hosted.
RELEASE = "v0.1.0"
SOURCE = "OWNER/complykit"
CI_CHOICES = ("github", "gitlab")
_DEMO_PEOPLE = {
    "en": "  - {id: privacy-lead, name: Demo Privacy Lead, role: Privacy lead}\n",
    "nl": "  - {id: privacy-lead, name: Demo Privacyfunctionaris, role: Privacyfunctionaris}\n",
}


def demo_person(language: str) -> str:
    """The ``people`` entry the demo records name as owner, in the reports' first language."""
    return _DEMO_PEOPLE.get(language, _DEMO_PEOPLE["en"])


def github_workflow(workspace: PurePosixPath) -> str:
    return f"""\
# complykit: validation with annotations, SARIF for code scanning and one pull-request comment.
# Replace {SOURCE} with the repository you take complykit from.
name: complykit
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
  pull-requests: write
  security-events: write
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: {SOURCE}@{RELEASE}
        with: {{workspace: {workspace.as_posix()}}}
"""


def gitlab_pipeline(workspace: PurePosixPath) -> str:
    url = f"https://raw.githubusercontent.com/{SOURCE}/{RELEASE}/templates/gitlab/complykit.gitlab-ci.yml"
    return f"""\
# complykit: Code Quality and JUnit reports, and one merge-request note with `complykit diff`.
# Replace OWNER with the account that hosts complykit; see docs/guides/ci.md.
include:
  - remote: {url}
variables:
  COMPLYKIT_WORKSPACE: {workspace.as_posix()}
"""


def pre_commit_config(workspace: PurePosixPath) -> str:
    args = "" if workspace == PurePosixPath(".") else f"\n        args: [{workspace.as_posix()}]"
    return f"""\
# Replace OWNER with the account that hosts complykit; see docs/guides/pre-commit.md.
repos:
  - repo: https://github.com/{SOURCE}
    rev: {RELEASE}
    hooks:
      - id: complykit-validate{args}
"""


def ci_files(ci: str | None, *, pre_commit: bool, workspace: PurePosixPath) -> dict[str, str]:
    """File path (from the repository top) to text, for the CI and pre-commit files asked for."""
    files = {}
    if ci == "github":
        files[".github/workflows/complykit.yml"] = github_workflow(workspace)
    elif ci == "gitlab":
        files[".gitlab-ci.yml"] = gitlab_pipeline(workspace)
    if pre_commit:
        files[".pre-commit-config.yaml"] = pre_commit_config(workspace)
    return files


def demo_records(
    today: date, schema_target: dict[str, str | None], language: str = "en"
) -> dict[str, str]:
    """A small organisation's first records (workspace path to text), clean as of ``today``,
    written in ``language`` (en or nl: the first of the reports' languages)."""
    review = (today + timedelta(days=365)).isoformat()
    activity, supplier = _DEMO_TEXTS.get(language, _DEMO_TEXTS["en"])
    records = {
        _DEMO_ACTIVITY_PATHS.get(language, "register/pa-newsletter.yaml"): (
            "processing-activity",
            activity.format(review=review),
        ),
        "suppliers/sup-mailer.yaml": ("supplier", supplier.format(review=review)),
    }
    return {
        path: (modeline(target) + "\n" if (target := schema_target.get(kind)) else "") + text
        for path, (kind, text) in records.items()
    }


_ACTIVITY = """\
# A demo record: replace it with your own processing activities (GDPR Art. 30).
kind: processing-activity
id: pa-newsletter
name: Newsletter
role: controller
owner: privacy-lead
purposes:
  - description: Sending the monthly newsletter to subscribers
    legal_basis: consent
    consent:
      how_obtained: Unticked box on the sign-up form
      how_recorded: Mailing tool audit log
      how_withdrawn: Unsubscribe link in every mail
data_subjects: [subscribers]
personal_data:
  - name: contact details
processors: [sup-mailer]
retention:
  until: the subscriber unsubscribes
data_locations:
  - {{system: Mailer, country: NL}}
security_description: Access control and encryption at rest.
next_review: {review}
"""

_SUPPLIER = """\
# A demo record: the mailing service that processes the newsletter's subscribers.
kind: supplier
id: sup-mailer
name: Demo Mailer B.V.
owner: privacy-lead
services:
  - Sending newsletters
role: processor
country: NL
criticality: low
dpa:
  signed_on: 2025-01-15
  version: Standard processing agreement
locations:
  - country: NL
    purpose: Hosting
breach_notification:
  within: PT24H
  clause: Processing agreement art. 7 - within 24 hours
next_review: {review}
"""

_ACTIVITY_NL = """\
# Een voorbeeldrecord: vervang het door uw eigen verwerkingsactiviteiten (art. 30 AVG).
kind: processing-activity
id: pa-nieuwsbrief
name: Nieuwsbrief
role: controller
owner: privacy-lead
purposes:
  - description: Versturen van de maandelijkse nieuwsbrief aan abonnees
    legal_basis: consent
    consent:
      how_obtained: Niet vooraf aangevinkt vakje op het aanmeldformulier
      how_recorded: Auditlog van de mailingtool
      how_withdrawn: Afmeldlink in elke mail
data_subjects: [abonnees]
personal_data:
  - name: contactgegevens
processors: [sup-mailer]
retention:
  until: de abonnee zich afmeldt
data_locations:
  - {{system: Mailer, country: NL}}
security_description: Toegangsbeheer en versleuteling van opgeslagen gegevens.
next_review: {review}
"""

_SUPPLIER_NL = """\
# Een voorbeeldrecord: de mailingdienst die de gegevens van de abonnees verwerkt.
kind: supplier
id: sup-mailer
name: Demo Mailer B.V.
owner: privacy-lead
services:
  - Versturen van nieuwsbrieven
role: processor
country: NL
criticality: low
dpa:
  signed_on: 2025-01-15
  version: Standaard verwerkersovereenkomst
locations:
  - country: NL
    purpose: Hosting
breach_notification:
  within: PT24H
  clause: Verwerkersovereenkomst art. 7 - binnen 24 uur
next_review: {review}
"""

# Keys stay English (complykit reads them); names, descriptions and comments follow the
# reports' first language, as the risk scales in complykit.yaml do.
_DEMO_TEXTS = {"en": (_ACTIVITY, _SUPPLIER), "nl": (_ACTIVITY_NL, _SUPPLIER_NL)}
_DEMO_ACTIVITY_PATHS = {"nl": "register/pa-nieuwsbrief.yaml"}


def repository_top(root: Path, git_top: Path | None) -> tuple[Path, PurePosixPath]:
    """Where CI files go, and the workspace's path from there (``.`` at the top itself)."""
    top = git_top or root
    relative = PurePosixPath(root.resolve().relative_to(top.resolve()).as_posix())
    return top, relative
