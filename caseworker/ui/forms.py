"""Small form helpers shared by the dialogs: a field with its error message next to it,
Dutch date parsing (dd-mm-jjjj) and accessible names."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .theme import themed

DATE_FORMAT = "%d-%m-%Y"


def format_date(value: date | None) -> str:
    """A date as ``DATE_FORMAT`` writes it ('23-11-2026'); None → ''. Formatted by hand:
    ``strftime`` costs ≈ 25 µs, and the caseload formats one date per household."""
    if value is None:
        return ""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def parse_date(text: str) -> date | None:
    """'23-11-2026' → date; empty → None; anything else raises ValueError."""
    cleaned = text.strip()
    if not cleaned:
        return None
    return datetime.strptime(cleaned.replace("/", "-").replace(".", "-"), DATE_FORMAT).date()


class FieldError(QLabel):
    """A red message shown right under one input; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        themed(self, "fieldError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")


class ValidatedForm(QFormLayout):
    """A QFormLayout where each row is (label, input + error label underneath)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, FieldError] = {}
        self.inputs: dict[str, QWidget] = {}
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add_field(self, field: str, label: str, widget: QWidget, accessible: str = "") -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = FieldError(box)
        column.addWidget(error)
        widget.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        self.addRow(label, box)
        label_widget = self.labelForField(box)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(widget)
        self.errors[field] = error
        self.inputs[field] = widget

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` next to ``field``; False when the form has no such field."""
        error = self.errors.get(field)
        if error is None:
            return False
        error.show_message(message)
        widget = self.inputs[field]
        widget.setFocus()
        return True


def row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def text_box(
    parent: QWidget, accessible: str, height: int, placeholder: str = ""
) -> QPlainTextEdit:
    """A multi-line text field of fixed height where Tab moves on to the next field
    (keyboard path through forms) and an accessible name is always set."""
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit
