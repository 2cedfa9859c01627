"""The caseload table model.

Filtering (mine/team, open/closed, has alert, search hits) and sorting happen on a
row-index list inside the model. A QSortFilterProxyModel would call Python's
``filterAcceptsRow``/``data`` once per row (and ``lessThan`` n·log n times) on every
keystroke: measured ≈ 35 ms per keystroke at 5,000 households, twice the frame budget.

Per keystroke: the search hits are a set of integer search keys (households.rowid),
the rows passing the other filters are kept in sort order (``_base``), and the visible
list is ``_base`` restricted to the hits (< 1 ms at 5,000 rows). Display strings are
built lazily in ``data()`` and cached per row: only the rows the table paints cost
anything. Alerts arrive in a second step (``set_alerts``), after the table is usable.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import compress
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from caseworker.models import HouseholdStatus
from caseworker.services.alerts import Alert
from caseworker.services.caseload import CaseloadRow

from .forms import format_date

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALERTS_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NAME, COL_ADDRESS, COL_MEMBERS, COL_COORDINATOR, COL_STATUS, COL_EVALUATION, COL_ALERTS = range(
    7
)

StatusFilter = Literal["open", "closed", "all"]
ScopeFilter = Literal["mine", "team"]

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
OVERDUE = QColor("#b4432f")  # the next evaluation date, when it has passed
_MAX_DATE = date.max
# Filtering and sorting change only which rows are shown and in what order: this hint
# tells the views the columns stay as they are, so the horizontal header neither saves
# persistent indexes for its sections nor repaints on every keystroke, and the
# selection model keeps one persistent index per selected row instead of one per cell.
_ROWS_ONLY = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_LAYOUT_SIGNAL = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"
_UNANSWERED = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    )
)


def status_label(status: HouseholdStatus) -> str:
    labels = {
        HouseholdStatus.INTAKE: QCoreApplication.translate("CaseloadModel", "Intake"),
        HouseholdStatus.ACTIVE: QCoreApplication.translate("CaseloadModel", "Active"),
        HouseholdStatus.CLOSED: QCoreApplication.translate("CaseloadModel", "Closed"),
    }
    return labels.get(status, str(status))


@dataclass(frozen=True)
class CaseloadFilter:
    scope: ScopeFilter = "mine"
    status: StatusFilter = "open"
    only_alerts: bool = False


class CaseloadModel(QAbstractTableModel):
    """All households of the caseload; shows the filtered, sorted subset."""

    filtered = Signal(int)  # number of rows shown

    def __init__(self, user_id: str | None = None, today: date | None = None) -> None:
        super().__init__()
        self._user_id = user_id
        self._today = today or date.today()
        self._rows: list[CaseloadRow] = []
        self._alerts: list[tuple[Alert, ...]] = []
        self._display: list[tuple[str, ...] | None] = []
        self._order: list[int] = []  # all row indexes, sorted
        self._base: list[int] = []  # sorted rows passing scope/status/alert filters
        self._visible: list[int] = []  # _base restricted to the search hits
        self._base_keys: list[int] = []  # search key of each row in _base
        self._rank: dict[int, int] = {}  # search key → position in _base
        self._filter = CaseloadFilter()
        self._keys: frozenset[int] | None = None
        self._alerts_loaded = False
        self._status_labels = {s: status_label(s) for s in HouseholdStatus}
        self._sort_column = COL_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._headers = (
            self.tr("Name"),
            self.tr("Address"),
            self.tr("Members"),
            self.tr("Coordinator"),
            self.tr("Status"),
            self.tr("Next evaluation"),
            self.tr("Alerts"),
        )

    # -- loading ----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[CaseloadRow], *, keep_alerts: bool = False) -> None:
        """Show these rows; alerts are taken from the rows (empty until ``set_alerts``
        when the caseload was loaded without them). ``keep_alerts`` (a reload) shows each
        household's previous alerts until ``set_alerts`` brings the new ones, so the
        badges do not blink off and on after every save."""
        previous = (
            {r.household_id: a for r, a in zip(self._rows, self._alerts, strict=True) if a}
            if keep_alerts
            else {}
        )
        self.beginResetModel()
        self._rows = list(rows)
        self._alerts = [r.alerts or previous.get(r.household_id, ()) for r in self._rows]
        self._alerts_loaded = any(r.alerts for r in self._rows)
        self._display = [None] * len(self._rows)
        self._order = self._sorted_order()
        self._set_base(self._apply_filter())
        self._visible = self._apply_search()
        self.endResetModel()
        self.filtered.emit(len(self._visible))

    def set_alerts(self, alerts: Mapping[str, Sequence[Alert]]) -> None:
        """The second loading step: alerts per household id (absent = none)."""
        self._alerts = [tuple(alerts.get(r.household_id, ())) for r in self._rows]
        self._alerts_loaded = True
        self._display = [None] * len(self._rows)
        if self._filter.only_alerts or self._sort_column == COL_ALERTS:
            before = self._visible
            self._begin_row_layout_change()
            self._order = self._sorted_order()
            self._set_base(self._apply_filter())
            self._visible = self._apply_search()
            self._change_layout_done(before)
        elif self._visible:
            self.dataChanged.emit(
                self.index(0, COL_ALERTS), self.index(len(self._visible) - 1, COL_ALERTS)
            )

    @property
    def alerts_loaded(self) -> bool:
        return self._alerts_loaded

    def clear(self) -> None:
        """Forget every row (locking)."""
        self.beginResetModel()
        self._rows, self._alerts, self._display = [], [], []
        self._order, self._base, self._visible = [], [], []
        self._rank, self._base_keys = {}, []
        self._keys = None
        self._alerts_loaded = False
        self.endResetModel()
        self.filtered.emit(0)

    @property
    def rows(self) -> list[CaseloadRow]:
        """The loaded rows with their alerts (as far as loaded)."""
        return [
            r if r.alerts == a else replace(r, alerts=a)
            for r, a in zip(self._rows, self._alerts, strict=True)
        ]

    def total_count(self) -> int:
        return len(self._rows)

    def visible_ids(self) -> list[str]:
        return [self._rows[i].household_id for i in self._visible]

    def row_at(self, row: int) -> CaseloadRow:
        index = self._visible[row]
        found = self._rows[index]
        return (
            found
            if found.alerts == self._alerts[index]
            else replace(found, alerts=self._alerts[index])
        )

    # -- filtering and sorting ---------------------------------------------------------
    @property
    def filter(self) -> CaseloadFilter:
        return self._filter

    def set_filter(self, new_filter: CaseloadFilter) -> None:
        self._filter = new_filter
        before = self._visible
        self._begin_row_layout_change()
        self._set_base(self._apply_filter())
        self._visible = self._apply_search()
        self._change_layout_done(before)

    def set_search_keys(self, keys: frozenset[int] | None) -> None:
        """Show only the households with these search keys (``CaseloadRow.search_key``,
        the search hits); None shows all."""
        if keys is None and self._keys is None:
            return
        self._keys = keys
        visible = self._apply_search()
        if visible == self._visible:
            return
        # layoutChanged, not a model reset: the view keeps its columns, header and
        # scroll state and only re-reads the rows it paints.
        before = self._visible
        self._begin_row_layout_change()
        self._visible = visible
        self._change_layout_done(before)

    def _change_layout_done(self, before: list[int]) -> None:
        """Finish a layout change from the visible list ``before``: the view's current
        and selected cells (the only persistent indexes) follow their households, or
        are dropped when those are no longer shown."""
        persistent = self.persistentIndexList()
        if persistent:
            # a few indexes (the current cell, the selected row): look their rows up
            # instead of mapping every visible row (thousands after one character)
            position: dict[int, int | None] = {}
            for old in persistent:
                if old.row() < len(before) and before[old.row()] not in position:
                    position[before[old.row()]] = self._position_of(before[old.row()])
            moved = []
            for old in persistent:
                new_row = position.get(before[old.row()]) if old.row() < len(before) else None
                moved.append(
                    QModelIndex() if new_row is None else self.index(new_row, old.column())
                )
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged[_LAYOUT_SIGNAL].emit([], _ROWS_ONLY)  # type: ignore[index]
        self.filtered.emit(len(self._visible))

    def _begin_row_layout_change(self) -> None:
        self.layoutAboutToBeChanged[_LAYOUT_SIGNAL].emit([], _ROWS_ONLY)  # type: ignore[index]

    def _position_of(self, data_row: int) -> int | None:
        try:
            return self._visible.index(data_row)
        except ValueError:
            return None

    def _apply_search(self) -> list[int]:
        keys, base = self._keys, self._base
        if keys is None:
            return list(base)
        if len(keys) * 8 < len(base):
            # few hits (typed a name): cost grows with the hits, not with the caseload
            rank = self._rank
            return [base[p] for p in sorted(rank[k] for k in keys if k in rank)]
        # thousands of hits (one or two characters): one pass over the caseload
        return list(compress(base, map(keys.__contains__, self._base_keys)))

    def _set_base(self, base: list[int]) -> None:
        self._base = base
        rows = self._rows
        self._base_keys = [rows[i].search_key for i in base]
        self._rank = {key: position for position, key in enumerate(self._base_keys)}

    def _apply_filter(self) -> list[int]:
        f, rows, alerts, me = self._filter, self._rows, self._alerts, self._user_id
        closed = HouseholdStatus.CLOSED
        result: list[int] = []
        append = result.append
        for i in self._order:
            row = rows[i]
            if f.scope == "mine" and row.coordinator_id != me:
                continue
            if f.status == "open" and row.status == closed:
                continue
            if f.status == "closed" and row.status != closed:
                continue
            if f.only_alerts and not alerts[i]:
                continue
            append(i)
        return result

    def _sort_key(self, i: int) -> Any:
        row = self._rows[i]
        column = self._sort_column
        if column == COL_MEMBERS:
            return row.member_count
        if column == COL_EVALUATION:
            return row.next_evaluation or _MAX_DATE
        if column == COL_ALERTS:
            return len(self._alerts[i])
        if column == COL_NAME:
            return row.name.casefold()
        return self._display_row(i)[column].casefold()

    def _sorted_order(self) -> list[int]:
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(self._rows)), key=self._sort_key, reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort_column, self._sort_order = column, order
        before = self._visible
        self._begin_row_layout_change()
        self._order = self._sorted_order()
        self._set_base(self._apply_filter())
        self._visible = self._apply_search()
        self._change_layout_done(before)

    def _display_row(self, i: int) -> tuple[str, ...]:
        cached = self._display[i]
        if cached is None:
            r, alerts = self._rows[i], self._alerts[i]
            cached = self._display[i] = (
                r.name,
                r.address_line,
                str(r.member_count),
                r.coordinator_name or "",
                self._status_labels.get(r.status) or status_label(r.status),
                format_date(r.next_evaluation),
                str(len(alerts)) if alerts else "",
            )
        return cached

    def display_rows(self) -> Iterator[tuple[str, ...]]:
        """The display strings of every loaded row, shown or not, in sort order (for
        laying texts out ahead of need); ends early when other rows are loaded."""
        rows = self._rows
        for i in list(self._order):
            if self._rows is not rows:
                return
            yield self._display_row(i)

    def alerts_at(self, row: int) -> tuple[Alert, ...]:
        return self._alerts[self._visible[row]]

    def display_at(self, row: int) -> tuple[str, ...]:
        """The display strings of shown row ``row``, one per column (cached)."""
        return self._display_row(self._visible[row])

    def overdue_at(self, row: int) -> bool:
        """Whether the next evaluation of shown row ``row`` lies in the past."""
        evaluation = self._rows[self._visible[row]].next_evaluation
        return evaluation is not None and evaluation < self._today

    # -- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role in _UNANSWERED:  # font, decoration, background, check state, ...
            return None
        if role == _DISPLAY:
            return self._display_row(self._visible[index.row()])[index.column()]
        if role == HOUSEHOLD_ID_ROLE:
            return self._rows[self._visible[index.row()]].household_id
        column = index.column()
        if role == _ALIGN and column in (COL_MEMBERS, COL_ALERTS):
            return _CENTER
        if role == ALERTS_ROLE:
            return self._alerts[self._visible[index.row()]]
        if role == _TOOLTIP and column == COL_ALERTS:
            alerts = self._alerts[self._visible[index.row()]]
            return "\n".join(a.message_nl for a in alerts) or None
        if role == _FOREGROUND and column == COL_EVALUATION and self.overdue_at(index.row()):
            return OVERDUE
        return None
