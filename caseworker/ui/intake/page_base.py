"""Common base of the five intake pages: a ``edited`` signal and load/save hooks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from caseworker.models import IntakeStep
from caseworker.services.intake import IntakeView

from .gateway import IntakeGateway


class IntakePage(QWizardPage):
    """A page edits part of the draft; it emits ``edited`` on every field change."""

    edited = Signal()
    step: IntakeStep = IntakeStep.FIRST_CONTACT

    def __init__(self, gateway: IntakeGateway, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self._loading = False
        self.dirty = False

    def mark_edited(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self.edited.emit()

    def load(self, view: IntakeView) -> None:
        self._loading = True
        try:
            self.fill(view)
        finally:
            self._loading = False
        self.dirty = False

    def fill(self, view: IntakeView) -> None:
        """Put the saved draft into the fields (signals of the fields are ignored meanwhile)."""

    def save(self) -> None:
        """Persist this page's fields through the gateway (called by the debouncer)."""

    def refresh(self) -> None:
        """Re-read plan data when the page is shown."""


def warning_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(
        "QLabel { background: #fff4e5; color: #7a4b00; border: 1px solid #f0c36d;"
        " border-radius: 4px; padding: 6px; }"
    )
    label.setVisible(False)
    return label


def set_messages(label: QLabel, messages: list[str]) -> None:
    label.setText("<br>".join(f"⚠ {m}" for m in messages))
    label.setVisible(bool(messages))
