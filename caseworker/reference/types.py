"""Typed reference data (loaded from resources/ by caseworker.reference.loader).

This is the contract every part of the application codes against.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from caseworker.models.enums import Law, ProvisionKind


@dataclass(frozen=True)
class Level:
    score: int  # 1..5
    name: str  # e.g. "acute problematiek"
    description: str


@dataclass(frozen=True)
class Domain:
    code: str  # e.g. "financien"
    name: str  # e.g. "Financiën"
    description: str
    life_area: str | None = None  # code of a LifeArea


@dataclass(frozen=True)
class Instrument:
    code: str  # "zrm-2017", "zrm-household", "zrm-children"
    name: str
    version: str
    subject: str  # "person", "household", "child"
    levels: tuple[Level, ...]
    domains: tuple[Domain, ...]

    def domain(self, code: str) -> Domain:
        for d in self.domains:
            if d.code == code:
                return d
        raise KeyError(code)

    @property
    def domain_codes(self) -> tuple[str, ...]:
        return tuple(d.code for d in self.domains)


@dataclass(frozen=True)
class CatalogueItem:
    code: str  # e.g. "wmo-hh1"
    name: str  # e.g. "Huishoudelijke hulp HH1"
    kind: ProvisionKind
    law: Law
    step: int  # trede 1..4
    category: str  # grouping for the indicator tables (seed 000/001)
    unit: str | None = None  # "uur/week", "dagdeel/week", "etmaal/maand", ...
    default_units: float | None = None
    pgb_allowed: bool = False
    youth: bool = False  # jeugdhulp
    description: str = ""


@dataclass(frozen=True)
class LifeArea:
    code: str
    name: str


@dataclass(frozen=True)
class ClosingReason:
    code: str
    name: str
    goals_reached: bool = False  # counts towards sustained exit when goals reached


@dataclass(frozen=True)
class Reference:
    instruments: dict[str, Instrument]
    catalogue: dict[str, CatalogueItem]
    life_areas: dict[str, LifeArea]
    referral_sources: dict[str, str]  # code -> Dutch name
    closing_reasons: dict[str, ClosingReason]
    extra: dict[str, object] = field(default_factory=dict)
    provision_categories: dict[str, str] = field(default_factory=dict)  # code -> Dutch name
