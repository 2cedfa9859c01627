"""The passphrase of a new store: input, strength feedback, confirmation and the warning
that a forgotten passphrase means lost data. Shared by both tabs of the first-run dialog."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar

from caseworker.store import assess_passphrase

from .forms import ValidatedForm
from .theme import themed

_STRENGTH_COLOURS = ("#b4432f", "#c8642c", "#a86b00", "#3c8a55", "#2e7d4f")


class PassphraseFields(QObject):
    """Adds the passphrase rows to a form (``add_to``); ``warning`` is placed by the page.

    ``validated()`` shows the problems in the form and returns the passphrase when it is
    acceptable and repeated correctly, else None."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("a sentence of four or more words"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_bar.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = QLabel()
        themed(self.strength_label, "hint")
        self.strength_label.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "Remember this passphrase well. Without the passphrase the data cannot be "
                "recovered: not by you, not by the administrator, not by anyone."
            )
        )
        themed(self.warning, "demoHint")
        self.warning.setWordWrap(True)
        self._form: ValidatedForm | None = None
        self.passphrase_edit.textChanged.connect(self._update_strength)
        self._update_strength("")

    def add_to(self, form: ValidatedForm) -> None:
        self._form = form
        form.add_field("passphrase", self.tr("&Passphrase:"), self.passphrase_edit)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength_label)
        form.add_field("confirm", self.tr("&Repeat passphrase:"), self.confirm_edit)

    def _update_strength(self, text: str) -> None:
        assessment = assess_passphrase(text)
        self.strength_bar.setValue(assessment.score if text else 0)
        colour = _STRENGTH_COLOURS[assessment.score]
        self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if not text:
            self.strength_label.setText(self.tr("Strength: enter a passphrase"))
            return
        detail = " ".join(assessment.problems)
        self.strength_label.setText(
            self.tr("Strength: %1").replace("%1", assessment.label)
            + (f" — {detail}" if detail else "")
        )

    def validated(self) -> str | None:
        passphrase = self.passphrase_edit.text()
        assessment = assess_passphrase(passphrase)
        if not assessment.acceptable:
            self._show("passphrase", " ".join(assessment.problems))
            return None
        if self.confirm_edit.text() != passphrase:
            self._show("confirm", self.tr("The two passphrases are not the same."))
            return None
        return passphrase

    def _show(self, field: str, message: str) -> None:
        if self._form is not None:
            self._form.show_error(field, message)

    def set_enabled(self, enabled: bool) -> None:
        self.passphrase_edit.setEnabled(enabled)
        self.confirm_edit.setEnabled(enabled)

    def clear(self) -> None:
        self.passphrase_edit.clear()
        self.confirm_edit.clear()
