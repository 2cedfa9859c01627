"""Small shared widgets and Dutch formatting helpers (dates dd-mm-jjjj, euro amounts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from caseworker.services.errors import ServiceError, ValidationError

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
_EMPTY = QDate(1900, 1, 1)


def to_qdate(value: date | None) -> QDate:
    if value is None:
        return QDate(_EMPTY)
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date | None:
    if not value.isValid() or value == _EMPTY:
        return None
    return date(value.year(), value.month(), value.day())


def format_euro(cents: int | None) -> str:
    if cents is None:
        return ""
    return DUTCH.toCurrencyString(cents / 100, "€")


class DateEdit(QDateEdit):
    """A dd-MM-yyyy date edit with a calendar; optional dates show an empty special value."""

    def __init__(
        self, parent: QWidget | None = None, *, optional: bool = False, accessible: str = ""
    ) -> None:
        super().__init__(parent)
        self.setLocale(DUTCH)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setCalendarPopup(True)
        self._optional = optional
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText(" ")
            self.setDate(QDate(_EMPTY))
        if accessible:
            self.setAccessibleName(accessible)

    def value(self) -> date | None:
        return from_qdate(self.date())

    def set_value(self, value: date | None) -> None:
        if value is None and not self._optional:
            return
        self.setDate(to_qdate(value))


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, object]], *, empty: str | None) -> None:
    """Replace a combo's items with (label, data) pairs, optionally an empty first choice."""
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for label, data in items:
        combo.addItem(label, data)
    combo.blockSignals(False)


def select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def error_text(exc: BaseException) -> str:
    """A Dutch message for the user; service errors carry no personal data."""
    if isinstance(exc, ValidationError):
        return exc.message
    if isinstance(exc, ServiceError):
        return str(exc)
    return QCoreApplication.translate("plan", "The change could not be saved.")


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A non-blocking warning (never a nested event loop)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("plan", "Not saved"),
        error_text(exc),
        parent=parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


PROBLEM_COLOUR = "#b00020"


def problem_label(parent: QWidget) -> QLabel:
    """The red line under a dialog's form where a refused save explains itself."""
    label = QLabel(parent)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR}")
    label.setWordWrap(True)
    return label


def dialog_buttons(
    dialog: QDialog, on_accept: Callable[[], None], *, save: bool = False
) -> QDialogButtonBox:
    """OK (or Save) and Cancel; accepting calls ``on_accept``, which closes on success."""
    primary = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(primary | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
