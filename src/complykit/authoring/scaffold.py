"""New records drafted from a catalog: a Statement of Applicability listing every control.

Drafts are written only where no file exists, and only when no record in the workspace already
claims the id or the framework, so a draft never replaces someone's decisions.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.authoring.modeline import modeline, schema_target
from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.escape.controls import unsafe_chars, visible
from complykit.load.discover import CONFIG_FILENAME, record_files
from complykit.load.parsing import read_file
from complykit.workspace.open import load_config, workspace_catalogs

if TYPE_CHECKING:
    from collections.abc import Iterator

    from complykit.catalog.catalogset import CatalogSet
    from complykit.catalog.models import Catalog

SOA_KIND = "statement-of-applicability"
# Plain YAML scalars that stay strings: no number, date, boolean, null or indicator look-alikes.
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ._()/-]*$")
_EXISTS = "Edit the existing file, or pass --output to write somewhere else."
_NOT_PLAIN = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


@frozen
class SoaDraft:
    """A Statement of Applicability just written: where, for which framework, how many entries."""

    path: Path
    framework: str
    controls: int


def init_soa(root: Path, framework: str, output: Path | None = None) -> SoaDraft:
    """Write a Statement of Applicability for every control of `framework`.

    Raises ComplykitError when the framework is unknown or takes no SoA, when the file exists,
    or when a record already has the SoA's id or is an SoA for the framework.
    """
    catalogs, _ = workspace_catalogs(root)  # a broken catalog file: its framework is unknown
    catalog = soa_catalog(catalogs, framework)
    named = output or root / "soa" / f"{catalog.id}.yaml"
    # Resolving the folder but not the name: a link in the file's place is refused below.
    path = named.parent.resolve() / named.name
    if path.exists():
        raise ComplykitError(f"{path} already exists; soa init never overwrites a file", _EXISTS)
    problem = next(_claims(root, catalogs, catalog.id), None)
    if problem is not None:
        raise ComplykitError(problem, hint="Edit the existing Statement of Applicability instead.")
    text = soa_text(catalog, schema_target(root, path.parent, SOA_KIND))
    write_new(path, text, inside=None if output else root)
    return SoaDraft(path, catalog.id, len(catalog.controls))


def soa_catalog(catalogs: CatalogSet, framework: str) -> Catalog:
    """The catalog for `framework` (id or alias), if it takes a Statement of Applicability."""
    catalog = catalogs.framework(framework)
    if catalog is None:
        known = [c.id for c in catalogs.frameworks if c.framework.soa]
        raise ComplykitError(
            f"unknown framework '{framework}'", hint=f"Frameworks with an SoA: {', '.join(known)}."
        )
    if not catalog.framework.soa:
        raise ComplykitError(
            f"{catalog.id} takes no Statement of Applicability: its catalog says `soa: false`",
            hint="An SoA lists the controls of a management-system standard such as "
            "iso27001-2022, iso27701-2019 or iso42001-2023.",
        )
    return catalog


def soa_text(catalog: Catalog, schema_ref: str | None) -> str:
    """The YAML of a Statement of Applicability with every control still to decide."""
    info = catalog.framework
    head = [modeline(schema_ref)] if schema_ref else []
    head += [
        f"# Statement of Applicability for {_one_line(info.name)}.",
        "# Drafted by `complykit soa init`. For each control, set `applicable` (true or false),",
        "# a `justification` and the `status`.",
        f"kind: {SOA_KIND}",
        f"id: soa-{catalog.id}",
        f"framework: {catalog.id}",
        f"title: {scalar(f'Statement of Applicability, {(info.aliases or [info.name])[0]}')}",
        "entries:",
    ]
    body = [line for item in catalog.controls for line in _entry(item.id, item.title)]
    return "\n".join([*head, *body]) + "\n"


def _entry(control: str, title: str) -> list[str]:
    return [
        f"  # {control} {_one_line(title)}",
        f"  - control: {scalar(control)}",
        "    applicable:",
        "    status: to-decide",
    ]


def scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as the same string."""
    plain = _PLAIN.fullmatch(text) and text.casefold() not in _NOT_PLAIN and "  " not in text
    if plain and not text.endswith(" "):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    quoted = _UNSAFE_IN_YAML.sub(lambda found: _yaml_escape(found.group()), quoted)
    # Nor a character a terminal acts on or hides (a bidirectional override, a zero-width
    # space: escape.controls), which the file would otherwise hold raw.
    return unsafe_chars(quoted, _yaml_escape)


# What JSON leaves raw that YAML refuses to read (DEL, the C1 controls, U+FFFE and U+FFFF) or
# reads as a line break (NEL, U+2028, U+2029): written as escapes, which YAML reads back.
_UNSAFE_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _yaml_escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _one_line(text: str) -> str:
    """Text for a comment: one line, every character YAML refuses or a terminal acts on shown
    as an escape (a comment has no escapes of its own, and YAML refuses a control even there,
    so a raw one made the whole draft unreadable)."""
    shown = visible(" ".join(text.split()))
    return _UNSAFE_IN_YAML.sub(lambda found: _yaml_escape(found.group()), shown)


def _claims(root: Path, catalogs: CatalogSet, framework_id: str) -> Iterator[str]:
    record_id = f"soa-{framework_id}"
    config, _ = load_config(root)
    if config is None:
        raise ComplykitError(
            f"{root / CONFIG_FILENAME} is not valid",
            hint="Run `complykit validate` to see what to fix.",
        )
    for path in record_files(root, config.paths.exclude):
        for document in read_file(root, path).documents:
            data = document.data if isinstance(document.data, dict) else {}
            where = path.relative_to(root).as_posix()
            if data.get("id") == record_id:
                yield f"{where} already has a record with id '{record_id}'"
            elif data.get("kind") == SOA_KIND and _framework_id(catalogs, data) == framework_id:
                yield f"{where} already holds a Statement of Applicability for {framework_id}"


def _framework_id(catalogs: CatalogSet, data: dict[object, object]) -> object:
    framework = data.get("framework")
    catalog = catalogs.framework(framework) if isinstance(framework, str) else None
    return catalog.id if catalog is not None else framework


def _refuse_links_out(folder: Path, inside: Path | None) -> None:
    if inside is not None and not folder.resolve().is_relative_to(inside.resolve()):
        raise ComplykitError(
            f"{folder} links outside the workspace; nothing was written",
            hint="Replace the link with a real folder.",
        )


def write_new(path: Path, text: str, inside: Path | None = None) -> None:
    """Write `text` to `path` whole, or fail if `path` exists; never replace a file.

    With ``inside``, refuse when the folder of ``path`` is, through a link, outside it: a
    pull request can turn a workspace folder into a link to anywhere.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        _refuse_links_out(path.parent, inside)  # before a folder is made where a link leads
        path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_links_out(path.parent, inside)
        with temp.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        try:
            os.link(temp, path)  # atomic, and unlike a rename it refuses an existing target
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            with path.open("x", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
    except FileExistsError:
        raise ComplykitError(f"{path} already exists; nothing was written", _EXISTS) from None
    except OSError as error:
        raise ComplykitError(f"{path}: cannot write: {error.strerror or error}") from error
    finally:
        temp.unlink(missing_ok=True)
