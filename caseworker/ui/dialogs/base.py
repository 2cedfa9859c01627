"""A form dialog that saves through a service and shows ValidationErrors next to the field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from caseworker.services.errors import NotFound, RuleViolation, ValidationError

from ..deps import AppDeps
from ..forms import ValidatedForm
from ..theme import themed


def sentence(message: str) -> str:
    """'is verplicht' → 'Is verplicht.'"""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class FieldProblem(Exception):
    """Raised by a dialog's own checks before the service is called."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field)
        self.field = field
        self.message = message


class ServiceFormDialog(QDialog):
    """Subclasses fill ``self.form`` and implement ``save(session) -> str`` (the id saved)."""

    def __init__(self, deps: AppDeps, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.saved_id: str | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = ValidatedForm()
        self.general_error = QLabel()
        themed(self.general_error, "fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def save(self, session: Session) -> str:
        raise NotImplementedError

    def run_save(self, action: Callable[[Session], str]) -> bool:
        """Run ``action`` in one transaction; show problems and return False on failure."""
        self.form.clear_errors()
        self.general_error.hide()
        try:
            with self.deps.store.transaction() as session:
                self.saved_id = action(session)
        except FieldProblem as problem:
            self._show(problem.field, problem.message)
            return False
        except ValidationError as exc:
            self._show(exc.field, sentence(exc.message))
            return False
        except (NotFound, RuleViolation) as exc:
            self._show("", sentence(str(exc)))
            return False
        return True

    def _show(self, field: str, message: str) -> None:
        if not self.form.show_error(field, message):
            self.general_error.setText(message)
            self.general_error.show()

    def submit(self) -> None:
        if self.run_save(self.save):
            self.accept()
