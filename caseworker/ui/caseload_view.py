"""The caseload page: filters, search-as-you-type and the households table."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.alerts import Alert
from caseworker.services.caseload import CaseloadRow, caseload_alerts, load_caseload
from caseworker.services.ui_support import search_household_keys

from .caseload_delegates import BadgeDelegate, CaseloadDelegate
from .caseload_model import (
    COL_ALERTS,
    COL_NAME,
    CaseloadFilter,
    CaseloadModel,
)
from .caseload_table import CaseloadTable
from .deps import AppDeps
from .theme import icon, themed


class CaseloadView(QWidget):
    open_household = Signal(str)
    new_household_requested = Signal()
    loaded = Signal(int)  # rows loaded (the table is usable; alerts may follow)
    alerts_loaded = Signal()  # the alerts of the loaded rows arrived

    def __init__(self, deps: AppDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deps = deps
        self._generation = 0  # the reload whose results may still be shown
        self.model = CaseloadModel(deps.ctx.user_id, deps.ctx.today())

        title = QLabel(self.tr("Caseload"))
        themed(title, "pageTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name, address, birth date or BSN"))
        self.search_edit.setAccessibleName(self.tr("Search households"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(self.apply_search)
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("My households"), "mine")
        self.scope_combo.addItem(self.tr("Team"), "team")
        self.scope_combo.setAccessibleName(self.tr("Whose households"))
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Open"), "open")
        self.status_combo.addItem(self.tr("Closed"), "closed")
        self.status_combo.addItem(self.tr("All"), "all")
        self.status_combo.setAccessibleName(self.tr("Status filter"))
        self.alert_check = QCheckBox(self.tr("Only with alert"))
        self.alert_check.setAccessibleName(self.tr("Only households with an alert"))
        for signal in (self.scope_combo.currentIndexChanged, self.status_combo.currentIndexChanged):
            signal.connect(self._filters_changed)
        self.alert_check.toggled.connect(self._filters_changed)
        self.new_button = QPushButton(icon("add"), self.tr("New household"))
        self.new_button.setToolTip(self.tr("New household (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_household_requested)
        self.count_label = QLabel()
        themed(self.count_label, "hint")
        self._fix_count_label_size()

        self.table = CaseloadTable()
        self.table.setModel(self.model)
        self.table.setItemDelegate(CaseloadDelegate(self.model, self.table))
        self.table.setAccessibleName(self.tr("Households"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        rows = self.table.verticalHeader()
        rows.hide()
        # one fixed height for every row: nothing is measured when thousands of rows come
        # and go per keystroke
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(rows.defaultSectionSize())
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((220, 280, 80, 160, 90, 120, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setItemDelegateForColumn(COL_ALERTS, BadgeDelegate(self.model, self.table))
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.model.filtered.connect(self._update_count)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.scope_combo)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.alert_check)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # -- data ---------------------------------------------------------------------
    def reload(self) -> None:
        """Load the caseload off the GUI thread in two steps: the rows (``loaded`` fires
        when the table shows them), then their alerts (``alerts_loaded``)."""
        store, ctx = self._deps.store, self._deps.ctx
        self._generation += 1
        generation = self._generation

        def work() -> list[CaseloadRow]:
            with store.session() as session:
                return load_caseload(
                    session, ctx, scope="team", include_closed=True, with_alerts=False
                )

        self._deps.runner.run(
            work,
            lambda rows: self._set_rows(generation, rows),
            lambda _exc: self._set_rows(generation, []),
        )

    def _current(self, generation: int) -> bool:
        # locked, or reloaded since: these results are stale
        return generation == self._generation and self._deps.store.is_open

    def _set_rows(self, generation: int, rows: list[CaseloadRow]) -> None:
        if not self._current(generation):
            return
        self.model.set_rows(rows, keep_alerts=True)
        if self.search_edit.text().strip():
            self.apply_search(self.search_edit.text())
        self.loaded.emit(len(rows))
        if rows:
            self._load_alerts(generation, rows)
        else:
            self.table.lay_out_ahead()

    def _load_alerts(self, generation: int, rows: list[CaseloadRow]) -> None:
        store, ctx = self._deps.store, self._deps.ctx

        def work() -> dict[str, tuple[Alert, ...]]:
            with store.session() as session:
                return caseload_alerts(session, ctx, rows)

        def done(alerts: dict[str, tuple[Alert, ...]]) -> None:
            if self._current(generation):
                self.model.set_alerts(alerts)
                self.alerts_loaded.emit()
                self.table.lay_out_ahead()  # the background work is done: idle time

        self._deps.runner.run(work, done, lambda _exc: None)

    def clear(self) -> None:
        self._generation += 1
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.model.clear()

    def apply_search(self, text: str) -> None:
        """Filter the loaded caseload by the search text, synchronously: one FTS5 query
        for the matching search keys (≈ 1–3 ms at 5,000 households), then the model
        restricts its visible rows to them."""
        if not text.strip():
            self.model.set_search_keys(None)
            return
        if not self._deps.store.is_open:
            return
        with self._deps.store.session() as session:
            keys = search_household_keys(session, text)
        self.model.set_search_keys(keys if keys is not None else frozenset())

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _filters_changed(self) -> None:
        self.model.set_filter(
            CaseloadFilter(
                scope=self.scope_combo.currentData(),
                status=self.status_combo.currentData(),
                only_alerts=self.alert_check.isChecked(),
            )
        )

    def _fix_count_label_size(self) -> None:
        """A fixed size for the "n of m shown" label. A label whose text changes asks its
        parents for a new layout; the QTabWidget around the caseload answers any layout
        request by repainting the whole page (≈ 10 ms per keystroke at 1360×820), while
        a fixed-size widget's new text repaints only the label."""
        label = self.count_label
        label.ensurePolished()
        label.setText(self._count_text(99_999, 99_999))
        hint = label.sizeHint()
        label.setFixedSize(hint.width() + label.fontMetrics().averageCharWidth() * 8, hint.height())
        label.clear()

    def _count_text(self, shown: int, total: int) -> str:
        return (
            self.tr("%1 of %2 households shown").replace("%1", str(shown)).replace("%2", str(total))
        )

    def _update_count(self, shown: int) -> None:
        self.count_label.setText(self._count_text(shown, self.model.total_count()))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_household.emit(self.model.row_at(index.row()).household_id)
