"""Load and validate the reference data in ``resources/`` (YAML).

Layout of a resources directory::

    instruments/*.yaml         one instrument per file (ZRM 2017, household, children)
    catalogue/*.yaml           provision categories and items
    lists/life_areas.yaml      life areas (leefgebieden)
    lists/referral_sources.yaml
    lists/closing_reasons.yaml

A malformed file fails loudly with a :class:`ReferenceDataError` that names the
file and the line (from the YAML node marks). An *overlay* directory (argument,
or the environment variable ``CASEWORKER_RESOURCES``) holds files that replace
the built-in file at the same relative path or add new ones, so a municipality
can install the licensed ZRM texts without touching the application.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from pydantic import ValidationError as PydanticValidationError

from caseworker.models.enums import Law, ProvisionKind
from caseworker.paths import builtin_resources_dir, resources_overlay_dir

from .types import CatalogueItem, ClosingReason, Domain, Instrument, Level, LifeArea, Reference

M = TypeVar("M", bound="BaseModel")

LIST_FILES = ("life_areas", "referral_sources", "closing_reasons")
CODE_PATTERN = r"^[a-z][a-z0-9_\-]*$"


class ReferenceDataError(Exception):
    """A resource file is missing or malformed. ``str()`` is ``file:line: message``."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.message = message


# -- YAML with line numbers ---------------------------------------------------------------


class MarkedDict(dict[Any, Any]):
    """A mapping that remembers its own line and the line of each value (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class MarkedList(list[Any]):
    line: int = 0
    item_lines: list[int]


class _MarkedLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    result = MarkedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise ReferenceDataError(
                Path(loader.name), key_node.start_mark.line + 1, f"sleutel '{key}' komt dubbel voor"
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = value_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _MarkedLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path) -> MarkedDict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceDataError(
            path, None, f"bestand niet leesbaar ({type(exc).__name__})"
        ) from None
    loader = _MarkedLoader(text)
    loader.name = str(path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        raise ReferenceDataError(path, line, f"geen geldige YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ReferenceDataError(path, None, f"geen geldige YAML: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(data, MarkedDict):
        raise ReferenceDataError(path, 1, "het bestand moet een mapping (sleutel: waarde) zijn")
    return data


def line_of(data: Any, loc: Sequence[int | str]) -> int | None:
    """The line of the deepest node on ``loc`` (a pydantic error location) that exists."""
    line: int | None = getattr(data, "line", None)
    node = data
    for part in loc:
        if isinstance(node, MarkedDict) and part in node:
            line = node.key_lines[part]
            node = node[part]
        elif isinstance(node, MarkedList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


# -- file schemas (pydantic) --------------------------------------------------------------

_CODE = Field(pattern=CODE_PATTERN, min_length=1, max_length=64)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LevelModel(_Model):
    score: StrictInt = Field(ge=1, le=5)
    name: StrictStr = Field(min_length=1)
    description: StrictStr = ""


class DomainModel(_Model):
    code: StrictStr = _CODE
    name: StrictStr = Field(min_length=1)
    description: StrictStr = ""
    life_area: StrictStr | None = None


class InstrumentModel(_Model):
    code: StrictStr = _CODE
    name: StrictStr = Field(min_length=1)
    version: StrictStr
    subject: StrictStr = Field(pattern=r"^(person|household|child)$")
    levels: list[LevelModel] = Field(min_length=1)
    domains: list[DomainModel] = Field(min_length=1)


class CategoryModel(_Model):
    code: StrictStr = _CODE
    name: StrictStr = Field(min_length=1)


class ItemModel(_Model):
    code: StrictStr = _CODE
    name: StrictStr = Field(min_length=1)
    kind: ProvisionKind
    law: Law
    step: StrictInt = Field(ge=1, le=4)
    category: StrictStr
    unit: StrictStr | None = None
    default_units: float | None = Field(default=None, ge=0)
    pgb_allowed: StrictBool = False
    youth: StrictBool = False
    description: StrictStr = ""


class CatalogueModel(_Model):
    categories: list[CategoryModel] = Field(default_factory=list)
    items: list[ItemModel] = Field(default_factory=list)


class ListEntryModel(_Model):
    code: StrictStr = _CODE
    name: StrictStr = Field(min_length=1)
    goals_reached: StrictBool = False


def _validate(model: type[M], data: MarkedDict, path: Path) -> M:
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc) or "(bestand)"
        raise ReferenceDataError(path, line_of(data, loc), f"{where}: {first['msg']}") from None


def _unique(
    codes: Iterable[tuple[str, tuple[int | str, ...]]],
    data: MarkedDict,
    path: Path,
    what: str = "code",
) -> None:
    seen: set[str] = set()
    for code, loc in codes:
        if code in seen:
            raise ReferenceDataError(path, line_of(data, loc), f"{what} '{code}' komt dubbel voor")
        seen.add(code)


# -- the parts ----------------------------------------------------------------------------


def _load_instrument(path: Path, life_areas: dict[str, LifeArea]) -> Instrument:
    data = read_yaml(path)
    model = _validate(InstrumentModel, data, path)
    _unique(((d.code, ("domains", i, "code")) for i, d in enumerate(model.domains)), data, path)
    _unique(
        ((str(lv.score), ("levels", i, "score")) for i, lv in enumerate(model.levels)),
        data,
        path,
        "score",
    )
    scores = sorted(lv.score for lv in model.levels)
    if scores != [1, 2, 3, 4, 5]:
        raise ReferenceDataError(
            path,
            line_of(data, ("levels",)),
            "levels moeten precies de scores 1 tot en met 5 hebben",
        )
    for i, d in enumerate(model.domains):
        if d.life_area is not None and d.life_area not in life_areas:
            raise ReferenceDataError(
                path,
                line_of(data, ("domains", i, "life_area")),
                f"onbekend leefgebied '{d.life_area}'",
            )
    return Instrument(
        code=model.code,
        name=model.name,
        version=model.version,
        subject=model.subject,
        levels=tuple(
            Level(score=lv.score, name=lv.name, description=lv.description)
            for lv in sorted(model.levels, key=lambda lv: lv.score)
        ),
        domains=tuple(
            Domain(code=d.code, name=d.name, description=d.description, life_area=d.life_area)
            for d in model.domains
        ),
    )


def _load_catalogue(
    paths: list[Path],
) -> tuple[dict[str, CatalogueItem], dict[str, str]]:
    parsed = [(p, read_yaml(p)) for p in paths]
    models = [(p, d, _validate(CatalogueModel, d, p)) for p, d in parsed]
    categories: dict[str, str] = {}
    for path, data, model in models:
        for i, cat in enumerate(model.categories):
            if cat.code in categories:
                raise ReferenceDataError(
                    path,
                    line_of(data, ("categories", i, "code")),
                    f"code '{cat.code}' komt dubbel voor",
                )
            categories[cat.code] = cat.name
    items: dict[str, CatalogueItem] = {}
    for path, data, model in models:
        for i, item in enumerate(model.items):
            if item.code in items:
                raise ReferenceDataError(
                    path,
                    line_of(data, ("items", i, "code")),
                    f"code '{item.code}' komt dubbel voor",
                )
            if item.category not in categories:
                raise ReferenceDataError(
                    path,
                    line_of(data, ("items", i, "category")),
                    f"onbekende categorie '{item.category}'",
                )
            if item.kind == ProvisionKind.GENERAL and item.pgb_allowed:
                raise ReferenceDataError(
                    path,
                    line_of(data, ("items", i, "pgb_allowed")),
                    "een algemene voorziening kan niet met een pgb",
                )
            if item.kind == ProvisionKind.TAILORED and item.step < 3:
                raise ReferenceDataError(
                    path,
                    line_of(data, ("items", i, "step")),
                    "een maatwerkvoorziening staat op trede 3 of 4",
                )
            items[item.code] = CatalogueItem(
                code=item.code,
                name=item.name,
                kind=item.kind,
                law=item.law,
                step=item.step,
                category=item.category,
                unit=item.unit,
                default_units=item.default_units,
                pgb_allowed=item.pgb_allowed,
                youth=item.youth,
                description=item.description,
            )
    return items, categories


def _load_list(path: Path, key: str) -> list[ListEntryModel]:
    data = read_yaml(path)
    if key not in data:
        raise ReferenceDataError(path, data.line, f"sleutel '{key}' ontbreekt")
    extra = [k for k in data if k != key]
    if extra:
        raise ReferenceDataError(path, data.key_lines[extra[0]], f"onbekende sleutel '{extra[0]}'")
    entries = data[key]
    if not isinstance(entries, MarkedList) or not entries:
        raise ReferenceDataError(
            path, data.key_lines[key], f"'{key}' moet een niet-lege lijst zijn"
        )
    result: list[ListEntryModel] = []
    for i, entry in enumerate(entries):
        try:
            result.append(ListEntryModel.model_validate(entry))
        except PydanticValidationError as exc:
            first = exc.errors()[0]
            loc = (key, i, *first["loc"])
            where = ".".join(str(p) for p in loc)
            raise ReferenceDataError(path, line_of(data, loc), f"{where}: {first['msg']}") from None
    _unique(((e.code, (key, i, "code")) for i, e in enumerate(result)), data, path)
    if key != "closing_reasons":
        for i, e in enumerate(result):
            if e.goals_reached:
                raise ReferenceDataError(
                    path, line_of(data, (key, i, "goals_reached")), "goals_reached hoort hier niet"
                )
    return result


# -- directory resolution -----------------------------------------------------------------


def _files(base: Path, overlay: Path | None, sub: str, pattern: str = "*.yaml") -> list[Path]:
    """Files under ``sub`` of base, where the overlay replaces or adds by file name."""
    found: dict[str, Path] = {}
    for root in (base, overlay):
        if root is None or not (root / sub).is_dir():
            continue
        for path in sorted((root / sub).glob(pattern)):
            found[path.name] = path
    return [found[name] for name in sorted(found)]


def _single(base: Path, overlay: Path | None, relative: str) -> Path:
    if overlay is not None and (overlay / relative).is_file():
        return overlay / relative
    path = base / relative
    if not path.is_file():
        raise ReferenceDataError(path, None, "bestand ontbreekt")
    return path


def load_reference(directory: Path | None = None, overlay: Path | None = None) -> Reference:
    """Load and validate all reference data.

    ``directory`` is a complete resources directory (default: the built-in one).
    ``overlay`` (default: ``$CASEWORKER_RESOURCES``) holds files that replace the
    file of the same relative path or add new instruments and catalogue files.
    """
    base = Path(directory) if directory is not None else builtin_resources_dir()
    if overlay is None:
        overlay = resources_overlay_dir()
    if overlay is not None and not overlay.is_dir():
        raise ReferenceDataError(overlay, None, "map met eigen referentiegegevens bestaat niet")

    lists = {
        key: _load_list(_single(base, overlay, f"lists/{key}.yaml"), key) for key in LIST_FILES
    }
    life_areas = {e.code: LifeArea(code=e.code, name=e.name) for e in lists["life_areas"]}
    referral_sources = {e.code: e.name for e in lists["referral_sources"]}
    closing_reasons = {
        e.code: ClosingReason(code=e.code, name=e.name, goals_reached=e.goals_reached)
        for e in lists["closing_reasons"]
    }

    instruments: dict[str, Instrument] = {}
    instrument_files = _files(base, overlay, "instruments")
    if not instrument_files:
        raise ReferenceDataError(base / "instruments", None, "geen instrumenten gevonden")
    for path in instrument_files:
        instrument = _load_instrument(path, life_areas)
        if instrument.code in instruments:
            raise ReferenceDataError(path, 1, f"instrument '{instrument.code}' komt dubbel voor")
        instruments[instrument.code] = instrument

    catalogue_files = _files(base, overlay, "catalogue")
    if not catalogue_files:
        raise ReferenceDataError(base / "catalogue", None, "geen voorzieningencatalogus gevonden")
    catalogue, categories = _load_catalogue(catalogue_files)

    return Reference(
        instruments=instruments,
        catalogue=catalogue,
        life_areas=life_areas,
        referral_sources=referral_sources,
        closing_reasons=closing_reasons,
        provision_categories=categories,
    )


__all__ = ["ReferenceDataError", "load_reference", "read_yaml"]
