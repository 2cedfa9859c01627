"""Team dashboard (team leads): the indicators for a period and team; every number opens
the households behind it (``households_requested``); CSV export is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.households import get_household
from caseworker.services.indicator_export import (
    EXPERIENCE_LABELS,
    INDICATOR_LABELS,
    export_indicators_csv,
)
from caseworker.services.indicators import Indicator, Indicators, compute_indicators
from caseworker.services.ui_support import session_user
from caseworker.ui.deps import AppDeps
from caseworker.ui.plan.widgets import DateEdit, fill_combo, format_euro

IDS = Qt.ItemDataRole.UserRole
LABEL = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Cell:
    text: str
    ids: tuple[str, ...] | None = None  # clickable when set


def _value(ind: Indicator) -> str:
    if ind.value is None:
        return "–"
    if ind.unit == "cents":
        return format_euro(round(ind.value))
    return f"{ind.value * 100:.1f} %".replace(".", ",")


def category_name(code: str) -> str:
    """A readable name for a catalogue category code (the reference has codes only)."""
    text = code.replace("_", " ")
    return text[:1].upper() + text[1:]


class TeamDashboard(QWidget):
    households_requested = Signal(str, list)  # label, household ids
    household_opened = Signal(str)  # a household id from the drill-down list
    computed = Signal()

    def __init__(self, deps: AppDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.indicators: Indicators | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.team = QComboBox(self)
        self.team.setAccessibleName(self.tr("Team"))
        with deps.store.session() as s:
            me = session_user(s, deps.ctx.user_id)
        choices: list[tuple[str, object]] = []
        if me is not None and me.team_id:
            choices.append((self.tr("My team"), me.team_id))
        fill_combo(self.team, choices, empty=self.tr("All teams"))
        if choices:
            self.team.setCurrentIndex(1)
        today = deps.ctx.today()
        self.start = DateEdit(self, accessible=self.tr("Period start"))
        self.start.set_value(date(today.year, 1, 1))
        self.end = DateEdit(self, accessible=self.tr("Period end"))
        self.end.set_value(today)
        self.refresh_button = QPushButton(self.tr("&Compute"), self)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        for label, widget in (
            (self.tr("Team:"), self.team), (self.tr("From:"), self.start),
            (self.tr("to:"), self.end),
        ):  # fmt: skip
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        split = QSplitter(self)
        tables = QWidget(split)
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        self.table = self._table(
            tables,
            [self.tr("Indicator"), self.tr("Value"), self.tr("Numerator"),
             self.tr("Denominator")],
        )  # fmt: skip
        self.categories = self._table(
            tables, [self.tr("Provision category"), self.tr("Households"), self.tr("Persons")]
        )
        self.experience = self._table(
            tables,
            [self.tr("Client experience"), self.tr("Mean (1–5)"), self.tr("Agree (4–5)"),
             self.tr("Answers")],
        )  # fmt: skip
        titles = (
            self.tr("Indicators"),
            self.tr("Users per category"),
            self.tr("Client experience at closure"),
        )
        for title, table, stretch in zip(
            titles, (self.table, self.categories, self.experience), (3, 2, 3), strict=True
        ):
            tables_layout.addWidget(QLabel(f"<b>{title}</b>", tables))
            tables_layout.addWidget(table, stretch)
        side = QWidget(split)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.drill_title = QLabel(self.tr("Click a number to see its households."), side)
        self.drill_title.setWordWrap(True)
        self.drill = QListWidget(side)
        self.drill.setAccessibleName(self.tr("Households behind the number"))
        side_layout.addWidget(self.drill_title)
        side_layout.addWidget(self.drill, 1)
        split.addWidget(tables)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.status = QLabel(self)
        layout.addWidget(self.status)

        for table in (self.table, self.categories, self.experience):
            table.cellClicked.connect(lambda row, col, t=table: self._clicked(t, row, col))
        self.households_requested.connect(self._show_households)
        self.drill.itemActivated.connect(lambda item: self.household_opened.emit(item.data(IDS)))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._ask_export)
        self.export_button.setEnabled(False)

    @staticmethod
    def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent)
        table.setAccessibleName(headers[0])
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        return table

    # ------------------------------------------------------------------ computing
    def refresh(self) -> None:
        team_id = self.team.currentData()
        start = self.start.value() or self.deps.ctx.today()
        end = self.end.value() or self.deps.ctx.today()
        if end < start:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        deps = self.deps

        def work() -> Indicators:
            with deps.store.session() as s:
                return compute_indicators(
                    s, deps.reference, team_id=team_id, period_start=start, period_end=end,
                    today=deps.ctx.today(),
                )  # fmt: skip

        self.status.setText(self.tr("Computing…"))
        self.refresh_button.setEnabled(False)
        self.deps.runner.run(work, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("The indicators could not be computed."))

    def _show(self, ind: Indicators) -> None:
        self.indicators = ind
        self.refresh_button.setEnabled(True)
        self.export_button.setEnabled(True)
        rows: list[list[Cell]] = []
        for code, label in INDICATOR_LABELS.items():
            i: Indicator = getattr(ind, code)
            numerator = format_euro(i.numerator) if i.unit == "cents" else str(i.numerator)
            rows.append(
                [Cell(label), Cell(_value(i)), Cell(numerator, i.household_ids),
                 Cell(str(i.denominator), i.denominator_household_ids)]
            )  # fmt: skip
        self._fill(self.table, rows)
        self._fill(
            self.categories,
            [
                [
                    Cell(category_name(u.category)),
                    Cell(str(u.households), u.household_ids),
                    Cell(str(u.persons)),
                ]
                for u in ind.users_per_category
            ],
        )
        exp_rows = []
        for q in ind.client_experience:
            mean = "–" if q.mean is None else f"{q.mean:.1f}".replace(".", ",")
            exp_rows.append(
                [Cell(EXPERIENCE_LABELS.get(q.question, q.question)), Cell(mean),
                 Cell(str(q.agree)), Cell(str(q.answers), q.household_ids)]
            )  # fmt: skip
        self._fill(self.experience, exp_rows)
        self.status.setText(
            self.tr("Period %1 – %2").replace("%1", ind.period_start.strftime("%d-%m-%Y")).replace(
                "%2", ind.period_end.strftime("%d-%m-%Y"))
        )  # fmt: skip
        self.computed.emit()

    def _fill(self, table: QTableWidget, rows: list[list[Cell]]) -> None:
        table.setRowCount(len(rows))
        link = QColor("#1558b0")
        for r, cells in enumerate(rows):
            label = cells[0].text
            for c, cell in enumerate(cells):
                item = QTableWidgetItem(cell.text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if cell.ids is not None:
                    item.setData(IDS, list(cell.ids))
                    item.setData(LABEL, label)
                    item.setForeground(link)
                    font = QFont(item.font())
                    font.setUnderline(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Show the households behind this number"))
                table.setItem(r, c, item)

    # ------------------------------------------------------------------ drill-down
    def _clicked(self, table: QTableWidget, row: int, col: int) -> None:
        item = table.item(row, col)
        if item is None or item.data(IDS) is None:
            return
        self.households_requested.emit(str(item.data(LABEL)), list(item.data(IDS)))

    def click_number(self, table: QTableWidget, row: int, col: int) -> None:
        """Same as a click by the user (used by keyboard activation and tests)."""
        self._clicked(table, row, col)

    def _show_households(self, label: str, ids: list[str]) -> None:
        self.drill_title.setText(f"<b>{label}</b>: {len(ids)}")
        self.drill.clear()
        with self.deps.store.session() as s:
            for hid in ids:
                item = QListWidgetItem(get_household(s, hid).name)
                item.setData(IDS, hid)
                self.drill.addItem(item)

    # ------------------------------------------------------------------ export
    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export indicators"), "indicatoren.csv", "CSV (*.csv)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> int:
        if self.indicators is None:
            return 0
        with (
            path.open("w", encoding="utf-8", newline="") as out,
            self.deps.store.transaction() as s,
        ):
            rows = export_indicators_csv(s, self.deps.ctx, self.indicators, out)
        self.status.setText(self.tr("Exported %n rows.", "", rows))
        return rows


def team_dashboard(deps: AppDeps, parent: QWidget | None = None) -> TeamDashboard:
    return TeamDashboard(deps, parent)
