"""Read catalog, mapping and country files: the bundled set and a workspace's own."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.countries import Countries
from complykit.catalog.errors import CatalogError
from complykit.catalog.models import Catalog, MappingSet
from complykit.model.compiled import ValidationError
from complykit.model.prebuilt import validate_python

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

CatalogFile = Catalog | MappingSet | Countries
Loaded = list[tuple[Path, CatalogFile]]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_catalogs(extra_dirs: Sequence[Path] = ()) -> CatalogSet:
    """The bundled catalogs plus those in `extra_dirs` (e.g. a workspace's `catalogs/`).

    Raises CatalogError, naming the file, when an extra file is unreadable, invalid, reuses a
    bundled framework id, or maps ids that do not exist.
    """
    bundled = _load_bundled()
    if not extra_dirs:
        return bundled
    loaded = [entry for directory in extra_dirs for entry in read_dir(directory)]
    return assemble(loaded, base=bundled)


def bundled_dir() -> Path:
    """Where the bundled catalogs are: inside the wheel, else the repository's `catalogs/`."""
    # The package's own folder, as importlib.resources.files("complykit") gives for an
    # installed package, without importing importlib.resources (tempfile, shutil, zipfile:
    # 2.5 ms of every run).
    packaged = Path(__file__).resolve().parents[1] / "_bundled" / "catalogs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "catalogs"


@functools.cache
def _load_bundled() -> CatalogSet:
    from complykit.catalog.parsed import ParsedCatalogs  # noqa: PLC0415 - it runs as a script

    directory = bundled_dir()
    parsed = ParsedCatalogs(directory)
    loaded = [(path, parsed.model(path) or read_file(path)) for path in catalog_files(directory)]
    return assemble(loaded, base=None)


def read_dir(directory: Path) -> Loaded:
    """Every catalog file in `directory` and its `mappings/` folder, in name order."""
    return [(path, read_file(path)) for path in catalog_files(directory)]


def catalog_files(directory: Path) -> list[Path]:
    """The catalog files of `directory` and its `mappings/` folder, in name order."""
    if not directory.is_dir():
        raise CatalogError(f"{directory}: catalog folder not found")
    return [*_yaml_files(directory), *_yaml_files(directory / "mappings")]


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.y*ml") if p.suffix in {".yaml", ".yml"})


def read_file(path: Path) -> CatalogFile:
    """One catalog, mapping or countries file, validated."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except (OSError, ValueError, yaml.YAMLError) as exc:  # ValueError: e.g. `2024-02-30`
        raise CatalogError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: expected a mapping with a 'framework' or 'mapping' header")
    model = model_for(data)
    try:
        return validate_python(model, data)
    except ValidationError as exc:
        raise CatalogError(f"{path}: {_describe(exc)}") from exc


def model_for(data: dict[object, object]) -> type[CatalogFile]:
    if "mapping" in data:
        return MappingSet
    if "countries" in data:
        return Countries
    return Catalog


def _describe(exc: ValidationError) -> str:
    problems = [
        f"{'.'.join(str(part) for part in error['loc']) or '(top)'}: {error['msg']}"
        for error in exc.errors()[:5]
    ]
    more = exc.error_count() - len(problems)
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


def assemble(loaded: Loaded, base: CatalogSet | None) -> CatalogSet:
    catalogs = list(base.frameworks) if base else []
    names = {name.casefold() for c in catalogs for name in (c.id, *c.framework.aliases)}
    countries = base.countries if base else None
    for path, model in loaded:
        if isinstance(model, Catalog):
            _claim_names(model, path, names)
            catalogs.append(model)
        elif isinstance(model, Countries):
            if countries is not None:
                raise CatalogError(f"{path}: only the bundled catalogs may define countries")
            countries = model
    if countries is None:
        raise CatalogError("bundled catalogs: countries.yaml is missing")
    mappings = [(path, m) for path, m in loaded if isinstance(m, MappingSet)]
    base_mappings = base.mappings if base else ()
    _claim_mapping_ids(mappings, {m.id for m in base_mappings})
    result = CatalogSet(catalogs, [*base_mappings, *(m for _, m in mappings)], countries)
    for path, mapping in mappings:
        _check_mapping(result, mapping, path)
    return result


def _claim_names(catalog: Catalog, path: Path, taken: set[str]) -> None:
    names = {name.casefold(): name for name in (catalog.id, *catalog.framework.aliases)}
    clashes = sorted(name for folded, name in names.items() if folded in taken)
    if clashes:
        raise CatalogError(
            f"{path}: framework id or alias {', '.join(clashes)} is already used by another catalog"
        )
    taken.update(names)


def _claim_mapping_ids(mappings: list[tuple[Path, MappingSet]], taken: set[str]) -> None:
    """A mapping's id names it in reports and look-ups: one that a bundled (or another)
    mapping already has would stand beside it unnoticed, as a framework id may not."""
    for path, mapping in mappings:
        if mapping.id in taken:
            raise CatalogError(f"{path}: mapping id {mapping.id} is already used by a mapping")
        taken.add(mapping.id)


def _check_mapping(catalogs: CatalogSet, mapping: MappingSet, path: Path) -> None:
    info = mapping.mapping
    source = _framework(catalogs, info.source_framework, path)
    target = _framework(catalogs, info.target_framework, path)
    _require_ids(path, "source", source, (row.source for row in mapping.rows))
    _require_ids(path, "target", target, (row.target for row in mapping.rows))


def _framework(catalogs: CatalogSet, framework_id: str, path: Path) -> Catalog:
    catalog = catalogs.framework(framework_id)
    if catalog is None:
        raise CatalogError(f"{path}: unknown framework '{framework_id}'")
    return catalog


def _require_ids(path: Path, side: str, catalog: Catalog, ids: Iterable[str]) -> None:
    unknown = sorted({item_id for item_id in ids if item_id not in catalog})
    if unknown:
        listed = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        raise CatalogError(f"{path}: {side} id(s) not in {catalog.id}: {listed}")
