"""The plan section of the dossier: the one family plan, editable outside the intake."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.models import PlanStatus
from caseworker.services.assessments import history, latest_scores
from caseworker.services.plan import GoalView, PlanView
from caseworker.ui.deps import AppDeps
from caseworker.ui.forms import format_date

from .action_dialog import ActionDialog
from .choices import PersonChoice
from .close_dialog import CloseCaseDialog
from .escalation_dialog import EscalationDialog
from .future_plan_dialog import FuturePlanDialog
from .gateway import PlanGateway
from .goal_dialog import GoalDialog
from .history_dialog import HistoryDialog
from .household_choices import network_choices, person_choices
from .provision_dialog import ProvisionDialog
from .provision_table import ProvisionTable, provision_values
from .steps import actor_name
from .widgets import DateEdit, show_error

ROW_ID = Qt.ItemDataRole.UserRole


def goal_values(g: GoalView) -> dict[str, object]:
    return {
        "person_id": g.person_id,
        "description": g.description,
        "life_area": g.life_area,
        "instrument": g.instrument,
        "zrm_domain": g.zrm_domain,
        "baseline_score": g.baseline_score,
        "target_score": g.target_score,
        "due_on": g.due_on,
    }


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setMinimumHeight(120)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (row_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ROW_ID, row_id)
            table.setItem(r, c, item)


def _selected(table: QTableWidget) -> str | None:
    items = table.selectedItems()
    return str(items[0].data(ROW_ID)) if items else None


class PlanEditor(QWidget):
    """Goals (baseline → latest → target), actions, provisions, coordinator, evaluation."""

    changed = Signal()

    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.household_id = household_id
        self.gateway = PlanGateway(deps, household_id)
        self.plan: PlanView | None = None
        self.persons: list[PersonChoice] = []
        self.last_dialog: QDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        top = QHBoxLayout()
        self.status = QLabel(body)
        self.status.setAccessibleName(self.tr("Plan status"))
        top.addWidget(self.status, 1)
        self.coordinator = QLabel(body)
        top.addWidget(self.coordinator)
        self.take_over = QPushButton(self.tr("Become &coordinator"), body)
        top.addWidget(self.take_over)
        top.addWidget(QLabel(self.tr("Evaluation:"), body))
        self.evaluation = DateEdit(body, optional=True, accessible=self.tr("Evaluation date"))
        top.addWidget(self.evaluation)
        layout.addLayout(top)
        self.nudges = QLabel(body)
        self.nudges.setWordWrap(True)
        self.nudges.setStyleSheet(
            "QLabel { background: #fff4e5; color: #7a4b00; border: 1px solid #f0c36d;"
            " border-radius: 4px; padding: 6px; }"
        )
        layout.addWidget(self.nudges)

        goals_box = QGroupBox(self.tr("Goals"), body)
        goals_layout = QVBoxLayout(goals_box)
        self.goal_table = _table(
            goals_box,
            [self.tr("For"), self.tr("Goal"), self.tr("ZRM domain"),
             self.tr("Baseline → latest → target"), self.tr("Due")],
            self.tr("Goals"),
        )  # fmt: skip
        goals_layout.addWidget(self.goal_table)
        goals_layout.addLayout(self._buttons("goal"))
        layout.addWidget(goals_box)

        actions_box = QGroupBox(self.tr("Actions"), body)
        actions_layout = QVBoxLayout(actions_box)
        self.action_table = _table(
            actions_box,
            [self.tr("Step"), self.tr("What"), self.tr("Who"), self.tr("Justification"),
             self.tr("Due")],
            self.tr("Actions"),
        )  # fmt: skip
        actions_layout.addWidget(self.action_table)
        actions_layout.addLayout(self._buttons("action"))
        layout.addWidget(actions_box)

        provisions_box = QGroupBox(self.tr("Provisions"), body)
        provisions_layout = QVBoxLayout(provisions_box)
        self.provision_table = ProvisionTable(deps.reference, provisions_box)
        self.provision_table.setMinimumHeight(120)
        provisions_layout.addWidget(self.provision_table)
        provisions_layout.addLayout(self._buttons("provision"))
        layout.addWidget(provisions_box)

        bottom = QHBoxLayout()
        self.history_button = QPushButton(self.tr("&Versions…"), body)
        self.future_button = QPushButton(self.tr("&Future plan…"), body)
        self.escalate_button = QPushButton(self.tr("E&scalate…"), body)
        self.close_button = QPushButton(self.tr("C&lose case…"), body)
        for button in (
            self.history_button, self.future_button, self.escalate_button, self.close_button
        ):  # fmt: skip
            bottom.addWidget(button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

        self.take_over.clicked.connect(self._take_over)
        self.evaluation.editingFinished.connect(self._evaluation_changed)
        self.history_button.clicked.connect(self.open_history)
        self.future_button.clicked.connect(self.open_future_plan)
        self.escalate_button.clicked.connect(self.open_escalation)
        self.close_button.clicked.connect(self.open_close)
        self.goal_table.doubleClicked.connect(lambda _i: self.edit_goal())
        self.action_table.doubleClicked.connect(lambda _i: self.edit_action())
        self.provision_table.doubleClicked.connect(lambda _i: self.edit_provision())
        self.reload()

    def _buttons(self, kind: str) -> QHBoxLayout:
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add…"), self)
        edit = QPushButton(self.tr("Edit…"), self)
        remove = QPushButton(self.tr("Remove"), self)
        add.setAccessibleName(f"add-{kind}")
        add.clicked.connect(getattr(self, f"add_{kind}"))
        edit.clicked.connect(getattr(self, f"edit_{kind}"))
        remove.clicked.connect(lambda: self._remove(kind))
        for b in (add, edit, remove):
            row.addWidget(b)
        if kind == "provision":
            end = QPushButton(self.tr("End today"), self)
            end.clicked.connect(self.end_provision)
            row.addWidget(end)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------------ reading
    def reload(self) -> None:
        self.persons = person_choices(self.deps, self.household_id)
        self.plan = self.gateway.load(audited=True)
        plan = self.plan
        names = {p.id: p.label for p in self.persons}
        if plan is None:
            self.status.setText(self.tr("No plan yet: start the intake or add a goal."))
            self.coordinator.setText("")
        else:
            status = {
                PlanStatus.DRAFT: self.tr("Draft"),
                PlanStatus.AGREED: self.tr("Agreed"),
                PlanStatus.CLOSED: self.tr("Closed"),
            }[plan.status]
            text = f"<b>{status}</b>"
            if plan.revision_number:
                text += " · " + self.tr("version %1 of %2").replace(
                    "%1", str(plan.revision_number)
                ).replace("%2", format_date(plan.agreed_on))
            if plan.revision_number and plan.has_unagreed_changes:
                text += " · " + self.tr("changed since agreement")
            self.status.setText(text)
            self.coordinator.setText(self.tr("Coordinator: ") + (plan.coordinator_name or "–"))
            self.evaluation.blockSignals(True)
            self.evaluation.set_value(plan.evaluation_on)
            self.evaluation.blockSignals(False)
        goals = plan.goals if plan else ()
        latest = self._latest(goals)
        _fill(
            self.goal_table,
            [
                (
                    g.id,
                    [
                        names.get(g.person_id or "", self.tr("Household")),
                        g.description,
                        self._domain_name(g),
                        f"{g.baseline_score or '–'} → {latest.get(g.id) or '–'} → "
                        f"{g.target_score or '–'}",
                        format_date(g.due_on),
                    ],
                )
                for g in goals
            ],
        )
        _fill(
            self.action_table,
            [
                (
                    a.id,
                    [
                        str(a.step),
                        a.description,
                        actor_name(a.actor.value),
                        a.justification or "",
                        format_date(a.due_on),
                    ],
                )
                for a in sorted(plan.actions if plan else (), key=lambda a: (a.step, a.position))
            ],
        )
        self.provision_table.set_provisions(plan.provisions if plan else (), names)
        messages = self.gateway.nudges()
        self.nudges.setText("<br>".join(f"⚠ {m}" for m in messages))
        self.nudges.setVisible(bool(messages))
        self.changed.emit()

    def _domain_name(self, g: GoalView) -> str:
        inst = self.deps.reference.instruments.get(g.instrument or "")
        if inst is None or not g.zrm_domain:
            return ""
        try:
            return inst.domain(g.zrm_domain).name
        except KeyError:
            return g.zrm_domain

    def _latest(self, goals: tuple[GoalView, ...]) -> dict[str, int]:
        """The latest measured score of each goal's domain (person or household level)."""
        result: dict[str, int] = {}
        with self.deps.store.session() as s:
            person_ids = [g.person_id for g in goals if g.person_id]
            scores = latest_scores(s, person_ids) if person_ids else {}
            household: dict[str, int] = {}
            if any(g.person_id is None for g in goals):
                for a in reversed(
                    history(s, household_id=self.household_id, household_level_only=True)
                ):
                    household.update(a.score_map)
        for g in goals:
            if not g.zrm_domain:
                continue
            if g.person_id:
                found = scores.get(g.person_id, {}).get(g.zrm_domain)
                if found:
                    result[g.id] = found[0]
            elif g.zrm_domain in household:
                result[g.id] = household[g.zrm_domain]
        return result

    # ------------------------------------------------------------------ editing
    def _after(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(self.reload)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _goal_by_id(self, goal_id: str | None) -> GoalView | None:
        return next((g for g in self.plan.goals if g.id == goal_id), None) if self.plan else None

    def add_goal(self) -> QDialog:
        dialog = GoalDialog(self.deps.reference, self.persons, self)
        dialog.on_save = self.gateway.add_goal
        return self._after(dialog)

    def edit_goal(self) -> QDialog | None:
        goal = self._goal_by_id(_selected(self.goal_table))
        if goal is None:
            return None
        dialog = GoalDialog(self.deps.reference, self.persons, self, initial=goal_values(goal))
        dialog.on_save = lambda values: self.gateway.update_goal(goal.id, values)
        return self._after(dialog)

    def _action_dialog(self, initial: dict[str, object] | None) -> ActionDialog:
        goals = [(g.id, g.description) for g in self.plan.goals] if self.plan else []
        return ActionDialog(
            self.persons,
            network_choices(self.deps, self.household_id),
            self,
            goals=goals,
            initial=initial,
            step=int(str(initial["step"])) if initial else 1,
        )

    def add_action(self) -> QDialog:
        dialog = self._action_dialog(None)
        dialog.on_save = self.gateway.add_action
        return self._after(dialog)

    def edit_action(self) -> QDialog | None:
        from caseworker.ui.intake.page_solution import action_values

        action_id = _selected(self.action_table)
        action = (
            next((a for a in self.plan.actions if a.id == action_id), None) if self.plan else None
        )
        if action is None:
            return None
        dialog = self._action_dialog(action_values(action))
        dialog.on_save = lambda values: self.gateway.update_action(action.id, values)
        return self._after(dialog)

    def add_provision(self) -> QDialog:
        dialog = ProvisionDialog(self.deps.reference, self.persons, self)
        dialog.on_save = self.gateway.add_provision
        return self._after(dialog)

    def edit_provision(self) -> QDialog | None:
        pid = self.provision_table.selected_id()
        found = next((p for p in self.plan.provisions if p.id == pid), None) if self.plan else None
        if found is None:
            return None
        dialog = ProvisionDialog(
            self.deps.reference, self.persons, self, initial=provision_values(found)
        )
        dialog.on_save = lambda values: self.gateway.update_provision(found.id, values)
        return self._after(dialog)

    def end_provision(self) -> None:
        pid = self.provision_table.selected_id()
        if pid is None:
            return
        self._call(lambda: self.gateway.end_provision(pid, self.deps.ctx.today()))

    def _remove(self, kind: str) -> None:
        if kind == "goal":
            row_id = _selected(self.goal_table)
        elif kind == "action":
            row_id = _selected(self.action_table)
        else:
            row_id = self.provision_table.selected_id()
        if row_id is None:
            return
        remove = {
            "goal": self.gateway.remove_goal,
            "action": self.gateway.remove_action,
            "provision": self.gateway.remove_provision,
        }[kind]
        self._call(lambda: remove(row_id))

    def _call(self, func: object) -> None:
        try:
            func()  # type: ignore[operator]
        except Exception as exc:
            show_error(self, exc)
        self.reload()

    def _take_over(self) -> None:
        user = self.deps.ctx.user_id
        if user:
            self._call(lambda: self.gateway.set_coordinator(user))

    def _evaluation_changed(self) -> None:
        value = self.evaluation.value()
        if self.plan is not None and value != self.plan.evaluation_on:
            self._call(lambda: self.gateway.set_evaluation_date(value))

    # ------------------------------------------------------------------ other dialogs
    def open_history(self) -> QDialog | None:
        if self.plan is None:
            return None
        dialog = HistoryDialog(self.deps, self.plan, self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def open_future_plan(self) -> QDialog:
        youths = [p for p in self.persons if p.is_child]
        dialog = FuturePlanDialog(self.deps, self.household_id, youths, self)
        return self._after(dialog)

    def open_escalation(self) -> QDialog:
        return self._after(EscalationDialog(self.deps, self.household_id, self))

    def open_close(self) -> QDialog:
        dialog = CloseCaseDialog(self.deps, self.household_id, self.persons, self)
        return self._after(dialog)


def plan_section(deps: AppDeps, household_id: str, parent: QWidget) -> QWidget:
    """SectionFactory for the dossier (issue 4): the plan editor."""
    return PlanEditor(deps, household_id, parent)
