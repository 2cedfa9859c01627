"""Step 3 – Oplossing afspreken: actions per trede, walking the viertrap from trede 1 up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.models import IntakeStep
from caseworker.services.intake import IntakeView
from caseworker.services.plan import ActionView
from caseworker.ui.plan.action_dialog import ActionDialog
from caseworker.ui.plan.household_choices import network_choices, person_choices
from caseworker.ui.plan.steps import actor_name, step_name, step_question
from caseworker.ui.plan.widgets import show_error

from .gateway import IntakeGateway
from .page_base import IntakePage, set_messages, warning_label

ACTION_ID = Qt.ItemDataRole.UserRole


def action_values(action: ActionView) -> dict[str, object]:
    return {
        "goal_id": action.goal_id,
        "description": action.description,
        "actor": action.actor.value,
        "person_id": action.person_id,
        "network_contact_id": action.network_contact_id,
        "provider": action.provider,
        "step": action.step,
        "justification": action.justification,
        "due_on": action.due_on,
    }


class SolutionPage(IntakePage):
    step = IntakeStep.SOLUTION

    def __init__(self, gateway: IntakeGateway, parent: QWidget | None = None) -> None:
        super().__init__(gateway, parent)
        self.setTitle(self.tr("3. Agree on the solution"))
        self.setSubTitle(
            self.tr(
                "Start at step 1: what the family and its network do; go higher only when "
                "really needed."
            )
        )
        self.last_dialog: ActionDialog | None = None
        self._actions: dict[str, ActionView] = {}
        outer = QVBoxLayout(self)
        self.nudges = warning_label(self)
        outer.addWidget(self.nudges)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.lists: dict[int, QListWidget] = {}
        self.add_buttons: dict[int, QPushButton] = {}
        for step in range(1, 5):
            box = QGroupBox(step_name(step), body)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(QLabel(step_question(step), box))
            actions = QListWidget(box)
            actions.setAccessibleName(step_name(step))
            actions.setMaximumHeight(80)
            actions.itemDoubleClicked.connect(self._edit_item)
            box_layout.addWidget(actions)
            row = QHBoxLayout()
            add = QPushButton(self.tr("Add action on step %n…", "", step), box)
            remove = QPushButton(self.tr("Remove"), box)
            add.clicked.connect(lambda _=False, s=step: self.open_action_dialog(s))
            remove.clicked.connect(lambda _=False, s=step: self._remove_selected(s))
            row.addWidget(add)
            row.addWidget(remove)
            row.addStretch(1)
            box_layout.addLayout(row)
            layout.addWidget(box)
            self.lists[step] = actions
            self.add_buttons[step] = add
        notes = QFormLayout()
        self.summary = QPlainTextEdit(body)
        self.summary.setAccessibleName(self.tr("Notes on the solution"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(56)
        notes.addRow(self.tr("&Notes"), self.summary)
        layout.addLayout(notes)
        self.summary.textChanged.connect(self.mark_edited)
        self.other_summary: Callable[[], str | None] = lambda: None

    def fill(self, view: IntakeView) -> None:
        self.summary.setPlainText(view.solution_summary or "")

    def save(self) -> None:
        self.gateway.save_summaries(self.summary.toPlainText(), self.other_summary())
        self.dirty = False

    def refresh(self) -> None:
        plan = self.gateway.plan.load()
        self._actions = {a.id: a for a in plan.actions} if plan else {}
        for actions in self.lists.values():
            actions.clear()
        for action in self._actions.values():
            item = QListWidgetItem(f"{action.description} — {actor_name(action.actor.value)}")
            item.setData(ACTION_ID, action.id)
            self.lists[action.step].addItem(item)
        set_messages(self.nudges, self.gateway.plan.nudges())

    def _dialog(self, step: int, initial: dict[str, object] | None) -> ActionDialog:
        deps, hid = self.gateway.deps, self.gateway.household_id
        plan = self.gateway.plan.load()
        goals = [(g.id, g.description) for g in plan.goals] if plan else []
        dialog = ActionDialog(
            person_choices(deps, hid),
            network_choices(deps, hid),
            self,
            goals=goals,
            initial=initial,
            step=step,
        )
        self.last_dialog = dialog
        return dialog

    def open_action_dialog(self, step: int) -> ActionDialog:
        dialog = self._dialog(step, None)
        dialog.on_save = lambda values: self.gateway.plan.add_action(values)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _edit_item(self, item: QListWidgetItem) -> None:
        action = self._actions.get(item.data(ACTION_ID))
        if action is None:
            return
        dialog = self._dialog(action.step, action_values(action))
        dialog.on_save = lambda values: self.gateway.plan.update_action(action.id, values)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def _remove_selected(self, step: int) -> None:
        item = self.lists[step].currentItem()
        if item is None:
            return
        try:
            self.gateway.plan.remove_action(item.data(ACTION_ID))
        except Exception as exc:
            show_error(self, exc)
        self.refresh()
