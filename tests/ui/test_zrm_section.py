"""Issue 6: enter a ZRM measurement through the dialog and see the radar and trend update."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from caseworker.services import ServiceContext
from caseworker.services.assessments import history
from caseworker.services.plan import GoalInput, add_goal, get_or_create_plan
from caseworker.store import OpenStore
from caseworker.ui.plan.widgets import select_data
from caseworker.ui.zrm.assessment_dialog import AssessmentDialog
from caseworker.ui.zrm.section import ZrmSection

from .casework_support import click_ok, make_deps, make_family


def test_measurement_updates_radar_and_trend(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    with open_store.transaction() as s:
        plan_id = get_or_create_plan(s, ctx, family.household_id)
        add_goal(s, ctx, plan_id, GoalInput(family.mother, "Rust in de financiën", "werk_inkomen",
                                             "zrm-2017", "financien", 2, 4))  # fmt: skip
    section = ZrmSection(make_deps(open_store, ctx), family.household_id)
    qtbot.addWidget(section)
    select_data(section.subject, family.mother)
    assert section.instrument.currentData() == "zrm-2017"
    codes = [code for code, _ in section.radar_codes()]
    fin = codes.index("financien")
    assert section.radar.values("latest") == []
    assert section.radar.values("target")[0][1] == 4.0  # the plan goal's target

    dialog = section.open_measurement()
    assert dialog.subject.currentData() == family.mother
    assert len(dialog.domain_codes()) == 13
    dialog.assessed_on.set_value(date(2026, 9, 1))
    dialog.set_score("financien", 2, "Schulden bij vier schuldeisers")
    dialog.set_score("huisvesting", 4)
    with qtbot.waitSignal(section.refreshed, timeout=2000):
        click_ok(dialog)
    assert section.trend.values("financien") == [2.0]
    assert section.table.rowCount() == 1
    latest = dict(section.radar.values("latest"))
    assert latest[fin * 360 / 13] == 2.0

    dialog = section.open_measurement()
    assert isinstance(dialog, AssessmentDialog)
    dialog.set_score("financien", 3)
    assert "+1" in dialog.change_text("financien")  # compared with the previous measurement
    with qtbot.waitSignal(section.refreshed, timeout=2000):
        click_ok(dialog)
    assert section.trend.values("financien") == [2.0, 3.0]
    assert section.trend.values("huisvesting") == [4.0]
    assert dict(section.radar.values("latest"))[fin * 360 / 13] == 3.0
    assert dict(section.radar.values("baseline"))[fin * 360 / 13] == 2.0
    with open_store.session() as s:
        saved = history(s, person_id=family.mother)
    assert [a.score_map for a in saved] == [{"financien": 3}, {"financien": 2, "huisvesting": 4}]
    assert saved[1].scores[0].note == "Schulden bij vier schuldeisers"


def test_household_variant_and_children_supplement(
    qtbot: QtBot, open_store: OpenStore, ctx: ServiceContext
) -> None:
    family = make_family(open_store, ctx)
    section = ZrmSection(make_deps(open_store, ctx), family.household_id)
    qtbot.addWidget(section)
    select_data(section.subject, None)
    assert [section.instrument.itemData(i) for i in range(section.instrument.count())] == [
        "zrm-household"
    ]
    select_data(section.subject, family.truant)
    assert [section.instrument.itemData(i) for i in range(section.instrument.count())] == [
        "zrm-2017",
        "zrm-children",
    ]
    select_data(section.instrument, "zrm-children")
    dialog = section.open_measurement()
    assert len(dialog.domain_codes()) == 6
    dialog.set_score("kind_scholing", 1)
    dialog.set_score("kind_socialisering", 3)
    dialog.set_score("kind_opvang", 3)
    dialog._include_all(False)  # a subset: only the ones ticked again
    dialog.set_score("kind_scholing", 1)
    with qtbot.waitSignal(section.refreshed, timeout=2000):
        click_ok(dialog)
    assert set(section.trend.series) == {"kind_scholing"}
    empty = section.open_measurement()
    empty._include_all(False)
    click_ok(empty)
    assert empty.isVisible() and empty.problem.text()  # nothing scored: refused, dialog stays
