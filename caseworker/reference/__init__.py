"""Reference data: instruments (ZRM), provision catalogue and lists, loaded from resources/."""

from .types import CatalogueItem, ClosingReason, Domain, Instrument, Level, LifeArea, Reference

__all__ = [
    "CatalogueItem",
    "ClosingReason",
    "Domain",
    "Instrument",
    "Level",
    "LifeArea",
    "Reference",
]
