"""Pluggable dossier sections (Intake, Plan, ZRM).

Another part of the app (intake wizard, plan editor, ZRM charts) supplies its own
widgets by passing factories to the dossier view; nothing is registered globally.
Until then the read-only summaries below are used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QWidget

from ..deps import AppDeps

#: Builds one section widget for one household: (deps, household_id, parent) -> widget.
SectionFactory = Callable[[AppDeps, str, QWidget], QWidget]

INTAKE = "intake"
PLAN = "plan"
ZRM = "zrm"
PLUGGABLE = (INTAKE, PLAN, ZRM)


def default_section_factories() -> dict[str, SectionFactory]:
    from .summaries import IntakeSummaryView, PlanSummaryView, ZrmSummaryView

    return {INTAKE: IntakeSummaryView, PLAN: PlanSummaryView, ZRM: ZrmSummaryView}


def resolve_sections(overrides: Mapping[str, SectionFactory] | None) -> dict[str, SectionFactory]:
    """The defaults with ``overrides`` (keys intake/plan/zrm) put in their place."""
    factories = default_section_factories()
    for key, factory in (overrides or {}).items():
        if key not in PLUGGABLE:
            raise KeyError(key)
        factories[key] = factory
    return factories
