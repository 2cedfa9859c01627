"""CaseloadModel: search keys, filters, sorting, alerts arriving later, selection kept."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from caseworker.models import HouseholdStatus
from caseworker.services.alerts import Alert
from caseworker.services.caseload import CaseloadRow
from caseworker.ui.caseload_model import (
    ALERTS_ROLE,
    COL_ALERTS,
    COL_MEMBERS,
    COL_NAME,
    CaseloadFilter,
    CaseloadModel,
)

ME = "me"
ZRM = Alert("zrm_due", "warning", "ZRM-meting nodig voor 1 gezinslid")


def _row(key: int, name: str, *, mine: bool = True, closed: bool = False) -> CaseloadRow:
    return CaseloadRow(
        household_id=f"h{key}",
        name=name,
        address_line="Korreweg 1, 9715 AA Groningen",
        member_count=key,
        coordinator_name="Anna",
        status=HouseholdStatus.CLOSED if closed else HouseholdStatus.ACTIVE,
        next_evaluation=date(2026, 12, key),
        alerts=(),
        team_id="t",
        coordinator_id=ME if mine else "other",
        search_key=100 + key,
    )


ROWS = [
    _row(1, "Familie Visser"),
    _row(2, "Familie Bakker"),
    _row(3, "Familie de Boer", mine=False),
    _row(4, "Familie Smit", closed=True),
    _row(5, "Familie Mulder"),
]


def _names(model: CaseloadModel) -> list[str]:
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def test_search_keys_filter_within_the_other_filters_in_sort_order(
    qapp: QApplication, qtbot: QtBot
) -> None:
    model = CaseloadModel(ME, date(2026, 11, 23))
    model.set_rows(ROWS)
    assert _names(model) == ["Familie Bakker", "Familie Mulder", "Familie Visser"]
    with qtbot.waitSignal(model.filtered) as shown:
        model.set_search_keys(frozenset({101, 103, 105, 999}))  # 103 is not mine, 999 unknown
    assert shown.args == [2]
    assert _names(model) == ["Familie Mulder", "Familie Visser"]
    assert model.visible_ids() == ["h5", "h1"]
    with qtbot.assertNotEmitted(model.layoutChanged):
        model.set_search_keys(frozenset({101, 105}))  # same rows: nothing to redo
    model.set_filter(CaseloadFilter(scope="team", status="all"))
    assert _names(model) == ["Familie Mulder", "Familie Visser"]
    model.set_search_keys(frozenset({101, 103, 105}))
    assert _names(model) == ["Familie de Boer", "Familie Mulder", "Familie Visser"]
    model.sort(COL_MEMBERS, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Familie Mulder", "Familie de Boer", "Familie Visser"]
    model.set_search_keys(frozenset())
    assert model.rowCount() == 0
    model.set_search_keys(None)
    assert model.rowCount() == 5 and model.total_count() == 5
    assert model.index(0, COL_NAME).data() == "Familie Mulder"  # display built on demand


def test_alerts_arrive_after_the_rows(qapp: QApplication, qtbot: QtBot) -> None:
    model = CaseloadModel(ME, date(2026, 11, 23))
    model.set_rows(ROWS)
    assert not model.alerts_loaded
    assert model.index(0, COL_ALERTS).data() == ""
    model.set_filter(CaseloadFilter(only_alerts=True))
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.filtered) as shown:
        model.set_alerts({"h2": (ZRM,), "h3": (ZRM, ZRM)})
    assert model.alerts_loaded and shown.args == [1]
    assert _names(model) == ["Familie Bakker"]
    assert model.index(0, COL_ALERTS).data() == "1"
    assert model.index(0, COL_ALERTS).data(ALERTS_ROLE) == (ZRM,)
    assert model.row_at(0).alerts == (ZRM,)
    assert {r.household_id: r.alerts for r in model.rows if r.alerts} == {
        "h2": (ZRM,),
        "h3": (ZRM, ZRM),
    }
    model.set_filter(CaseloadFilter())
    model.set_rows(ROWS, keep_alerts=True)  # a reload: old badges until the new alerts
    assert not model.alerts_loaded
    assert model.index(0, COL_ALERTS).data(ALERTS_ROLE) == (ZRM,)  # Familie Bakker
    model.set_rows(ROWS)
    assert model.index(0, COL_ALERTS).data(ALERTS_ROLE) == ()
    model.set_alerts({"h2": (ZRM,)})
    with qtbot.waitSignal(model.dataChanged):
        model.set_alerts({})
    assert not any(r.alerts for r in model.rows)
    model.clear()
    assert model.rowCount() == 0 and not model.alerts_loaded


def test_selection_follows_its_household_while_typing(qapp: QApplication) -> None:
    model = CaseloadModel(ME, date(2026, 11, 23))
    model.set_rows(ROWS)
    view = QTableView()
    view.setModel(model)
    selection = view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(
        model.index(2, COL_NAME), flags.ClearAndSelect | flags.Rows
    )  # Familie Visser
    model.set_search_keys(frozenset({101, 105}))  # Mulder, Visser
    assert view.currentIndex().row() == 1
    assert view.currentIndex().data() == "Familie Visser"
    assert [i.data() for i in selection.selectedRows(COL_NAME)] == ["Familie Visser"]
    model.set_search_keys(frozenset({105}))  # Visser no longer shown
    assert not view.currentIndex().isValid()
    assert selection.selectedRows() == []


def test_few_and_many_hits_give_the_same_rows(qapp: QApplication) -> None:
    rows = [_row(k, f"Familie {chr(ord('A') + (k * 7) % 26)}{k}") for k in range(1, 27)]
    model = CaseloadModel(ME, date(2026, 11, 23))
    model.set_rows(rows)
    everything = model.visible_ids()
    for keys in ({107}, {103, 119}, set(range(101, 127)), set(range(101, 127, 2))):
        model.set_search_keys(frozenset(keys))  # few: by rank; many: one pass
        expected = [hid for hid in everything if 100 + int(hid[1:]) in keys]
        assert model.visible_ids() == expected, keys
