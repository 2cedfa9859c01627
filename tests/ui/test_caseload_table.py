"""The caseload table's painting shortcuts draw exactly what the model's roles say."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from caseworker.models import HouseholdStatus
from caseworker.services.alerts import Alert
from caseworker.services.caseload import CaseloadRow
from caseworker.ui.caseload_delegates import BadgeDelegate, CaseloadDelegate
from caseworker.ui.caseload_model import COL_ALERTS, COL_EVALUATION, COL_STATUS, CaseloadModel
from caseworker.ui.caseload_table import CaseloadTable

TODAY = date(2026, 11, 23)
ZRM = Alert("zrm_due", "warning", "ZRM-meting nodig voor 1 gezinslid")


def _rows(count: int) -> list[CaseloadRow]:
    return [
        CaseloadRow(
            household_id=f"h{k}",
            name=f"Familie {['Visser', 'Bakker', 'Smit', 'Mulder'][k % 4]} {k}",
            address_line=f"Korreweg {k}, 9715 AA Groningen",
            member_count=k % 6 + 1,
            coordinator_name=None if k % 5 == 0 else "Anna de Jong",
            status=HouseholdStatus.CLOSED if k % 7 == 0 else HouseholdStatus.ACTIVE,
            # every third evaluation overdue, some without a date
            next_evaluation=None if k % 4 == 0 else date(2026, 11 if k % 3 else 10, 1 + k % 28),
            alerts=(ZRM,) * (k % 3),
            team_id="t",
            coordinator_id="me",
            search_key=k + 1,
        )
        for k in range(count)
    ]


def _table(qtbot: QtBot, model: CaseloadModel, table: QTableView | None = None) -> QTableView:
    table = table or CaseloadTable()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.resize(900, 400)
    # the address column is too narrow: its texts are elided
    for column, width in enumerate((180, 150, 70, 120, 80, 110, 60)):
        table.setColumnWidth(column, width)
    table.selectRow(2)
    return table


def _paint(table: QTableView) -> QImage:
    return table.viewport().grab().toImage()


def _paint_focused(qtbot: QtBot, view: QTableView, current: QModelIndex) -> QImage:
    """The view painted while shown with the keyboard focus on ``current`` (the style
    draws a focus frame), then hidden again."""
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(current)
    qtbot.waitUntil(lambda: view.hasFocus() and view.isActiveWindow())
    image = _paint(view)
    view.hide()
    return image


def test_the_table_paints_what_the_model_roles_say(qapp: QApplication, qtbot: QtBot) -> None:
    model = CaseloadModel("me", TODAY)
    model.set_rows(_rows(30))
    assert any(
        model.index(r, COL_EVALUATION).data(Qt.ItemDataRole.ForegroundRole) is not None
        for r in range(10)
    ), "the sample must hold overdue dates"
    # the reference: a plain table whose base delegate asks data() for every role
    plain = _table(qtbot, model, QTableView())
    font = plain.font()
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    plain.setFont(font)
    table = _table(qtbot, model)
    assert isinstance(table, CaseloadTable)
    table.setItemDelegate(CaseloadDelegate(model, table))
    for view in (plain, table):
        view.setColumnHidden(COL_ALERTS, True)  # badges: drawn differently on purpose
    assert _paint(table) == _paint(plain)
    # the current cell, with the keyboard focus, is drawn by the style (focus frame)
    focused = [_paint_focused(qtbot, view, model.index(4, 1)) for view in (plain, table)]
    assert focused[0] == focused[1]
    assert focused[0] != _paint(plain)  # hidden again: no focus frame
    table.setColumnHidden(COL_ALERTS, False)
    table.setItemDelegateForColumn(COL_ALERTS, BadgeDelegate(model, table))
    with_badges = _paint(table)
    table.setColumnHidden(COL_ALERTS, True)
    assert with_badges != _paint(table)


def test_typing_repaints_the_column_header_once(qapp: QApplication, qtbot: QtBot) -> None:
    model = CaseloadModel("me", TODAY)
    model.set_rows(_rows(60))
    table = _table(qtbot, model)
    table.show()
    qtbot.waitExposed(table)
    qapp.processEvents()
    paints: dict[str, int] = {"rows": 0, "header": 0}

    class CountPaints(QObject):
        def __init__(self, name: str, widget: QWidget) -> None:
            super().__init__(widget)
            self._name = name
            widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints[self._name] += 1
            return False

    CountPaints("rows", table.viewport())
    CountPaints("header", table.horizontalHeader().viewport())
    selected = model.row_at(2)
    model.set_search_keys(frozenset(range(1, 61, 3)) | {selected.search_key})
    qtbot.waitUntil(lambda: paints["rows"] >= 1)
    qtbot.wait(50)
    # the header repaints for its own item layout, not a second time for its sections:
    # the model says the columns did not change
    assert paints["header"] <= 1
    rows = table.selectionModel().selectedRows()
    assert [model.row_at(i.row()).household_id for i in rows] == [selected.household_id]
    assert table.horizontalHeader().sectionSize(1) == 150


def test_the_table_font_only_skips_optional_shaping(qapp: QApplication, qtbot: QtBot) -> None:
    table = CaseloadTable()
    qtbot.addWidget(table)
    assert table.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    # family and size still follow the application font
    assert table.font().family() == QApplication.font().family()
    assert table.font().pointSizeF() == QApplication.font().pointSizeF()


class _CppRows(CaseloadTable):
    """The same table, its rows drawn by the C++ view (cell by cell, via the delegates)."""

    def _own_columns(self) -> None:
        return None


def test_the_table_draws_its_rows_like_the_cpp_view(qapp: QApplication, qtbot: QtBot) -> None:
    model = CaseloadModel("me", TODAY)
    model.set_rows(_rows(30))
    own, cpp = _table(qtbot, model), _table(qtbot, model, _CppRows())
    for view in (own, cpp):
        assert isinstance(view, CaseloadTable)
        view.setItemDelegate(CaseloadDelegate(model, view))
        view.setItemDelegateForColumn(COL_ALERTS, BadgeDelegate(model, view))
    assert isinstance(own, CaseloadTable) and own._own_columns() is not None
    # badges, selection, alternate rows and grid
    assert _paint(own) == _paint(cpp)
    # a hidden and a moved column
    for view in (own, cpp):
        view.setColumnHidden(COL_STATUS, True)
        view.horizontalHeader().moveSection(COL_ALERTS, 1)
    assert _paint(own) == _paint(cpp)
    # a selected cell instead of a row; the current cell with the focus, on a badge
    for view in (own, cpp):
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.selectionModel().select(
            model.index(5, 1), view.selectionModel().SelectionFlag.ClearAndSelect
        )
    assert _paint(own) == _paint(cpp)
    focused = [_paint_focused(qtbot, view, model.index(4, COL_ALERTS)) for view in (own, cpp)]
    assert focused[0] == focused[1]
    assert model.alerts_at(4), "the current cell must show a badge"
    # a dotted grid: drawn by the C++ view
    own.setGridStyle(Qt.PenStyle.DotLine)
    assert own._own_columns() is None


def test_texts_are_laid_out_ahead_and_forgotten_on_lock(qapp: QApplication, qtbot: QtBot) -> None:
    model = CaseloadModel("me", TODAY)
    table = _table(qtbot, model)
    assert isinstance(table, CaseloadTable)
    assert not table.laying_out_ahead  # no rows, nothing to do
    model.set_rows(_rows(400))
    table.show()
    qtbot.waitExposed(table)
    assert not table.laying_out_ahead  # until the caseload view says it loaded all
    table.lay_out_ahead()
    assert table.laying_out_ahead
    # a keystroke: laying out ahead gives way (the shown rows' texts are laid out as painted)
    model.set_search_keys(frozenset(range(1, 401, 2)))
    for _ in range(3):
        qapp.processEvents()
    paused = table.laid_out_texts
    for _ in range(3):
        qapp.processEvents()
    assert table.laid_out_texts == paused
    assert table.laying_out_ahead  # and goes on once the user paused
    model.set_search_keys(None)
    qtbot.waitUntil(lambda: not table.laying_out_ahead)
    # every text of every loaded row, shown or not, once per column (widths differ)
    texts = {(c, d[c]) for d in model.display_rows() for c in range(COL_ALERTS) if d[c]}
    assert len(texts) > 800
    assert table.laid_out_texts == len(texts)
    # a search that shows the last rows lays out nothing new
    model.set_search_keys(frozenset(range(380, 401)))
    assert 15 < model.rowCount() <= 21
    table.viewport().repaint()
    assert table.laid_out_texts == len(texts)
    # a wider column: its texts again at the new width, once the widths settled
    table.setColumnWidth(0, 200)
    qtbot.waitUntil(lambda: table.laid_out_texts >= len(texts) + 400)
    qtbot.waitUntil(lambda: not table.laying_out_ahead)
    # locked: the model is cleared and no laid-out name or address stays in memory
    model.clear()
    assert table.laid_out_texts == 0
    assert not table.laying_out_ahead
