"""Revision history of the plan with a readable diff between two agreed versions."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.plan import PlanView, revision_snapshot
from caseworker.services.plan_diff import diff_revisions
from caseworker.ui.deps import AppDeps
from caseworker.ui.forms import format_date

from .widgets import fill_combo, select_data

COLOURS = {"added": "#1b5e20", "removed": "#b71c1c", "changed": "#0d47a1"}
MARKS = {"added": "+", "removed": "−", "changed": "~"}


class HistoryDialog(QDialog):
    def __init__(self, deps: AppDeps, plan: PlanView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan versions"))
        self.resize(720, 520)
        self._deps = deps
        self._plan_id = plan.id
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        choices = [
            (self.tr("Version %1 of %2").replace("%1", str(r.number)).replace(
                "%2", format_date(r.agreed_on)), r.number)
            for r in plan.revisions
        ]  # fmt: skip
        self.old = QComboBox(self)
        self.old.setAccessibleName(self.tr("Older version"))
        fill_combo(self.old, choices, empty=self.tr("(nothing: first version)"))
        self.new = QComboBox(self)
        self.new.setAccessibleName(self.tr("Newer version"))
        fill_combo(self.new, choices, empty=None)
        row.addWidget(QLabel(self.tr("From"), self))
        row.addWidget(self.old, 1)
        row.addWidget(QLabel(self.tr("to"), self))
        row.addWidget(self.new, 1)
        layout.addLayout(row)
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(self.tr("Changes"))
        layout.addWidget(self.diff, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if plan.revisions:
            newest = plan.revisions[-1].number
            select_data(self.new, newest)
            select_data(self.old, newest - 1 if newest > 1 else None)
        self.old.currentIndexChanged.connect(self.show_diff)
        self.new.currentIndexChanged.connect(self.show_diff)
        self.show_diff()

    def show_diff(self) -> None:
        new = self.new.currentData()
        if new is None:
            self.diff.setHtml(f"<p>{self.tr('The plan has not been agreed yet.')}</p>")
            return
        old = self.old.currentData()
        with self._deps.store.session() as s:
            new_snapshot = revision_snapshot(s, self._plan_id, int(new))
            old_snapshot = revision_snapshot(s, self._plan_id, int(old)) if old else None
        lines = diff_revisions(old_snapshot, new_snapshot)
        if not lines:
            self.diff.setHtml(f"<p>{self.tr('No differences.')}</p>")
            return
        items = "".join(
            f"<li style='color:{COLOURS.get(line.kind, '#000')}'>"
            f"<b>{MARKS.get(line.kind, '')}</b> {escape(line.text)}</li>"
            for line in lines
        )
        self.diff.setHtml(f"<ul>{items}</ul>")
