"""Read-only default sections for Intake, Plan and ZRM (replaced by richer widgets
through :mod:`.sections`)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from caseworker.models import IntakeStatus, IntakeStep, PlanStatus
from caseworker.services.dossier import Dossier, load_dossier

from ..deps import AppDeps
from ..forms import format_date
from .common import heading, hint, read_only_table


def _load(deps: AppDeps, household_id: str) -> Dossier:
    with deps.store.session() as session:
        return load_dossier(session, deps.ctx, household_id)


def intake_status_label(status: IntakeStatus) -> str:
    return {
        IntakeStatus.DRAFT: QCoreApplication.translate("Summaries", "in progress"),
        IntakeStatus.COMPLETED: QCoreApplication.translate("Summaries", "completed"),
        IntakeStatus.ABANDONED: QCoreApplication.translate("Summaries", "abandoned"),
    }.get(status, str(status))


def intake_step_label(step: IntakeStep) -> str:
    return {
        IntakeStep.FIRST_CONTACT: QCoreApplication.translate("Summaries", "1 First contact"),
        IntakeStep.CLARIFICATION: QCoreApplication.translate(
            "Summaries", "2 Clarifying the question"
        ),
        IntakeStep.SOLUTION: QCoreApplication.translate("Summaries", "3 Agreeing on a solution"),
        IntakeStep.ARRANGEMENT: QCoreApplication.translate("Summaries", "4 Arrangement"),
        IntakeStep.ALLOCATION: QCoreApplication.translate("Summaries", "5 Allocating provisions"),
    }.get(step, str(step))


def plan_status_label(status: PlanStatus) -> str:
    return {
        PlanStatus.DRAFT: QCoreApplication.translate("Summaries", "draft"),
        PlanStatus.AGREED: QCoreApplication.translate("Summaries", "agreed"),
        PlanStatus.CLOSED: QCoreApplication.translate("Summaries", "closed"),
    }.get(status, str(status))


class IntakeSummaryView(QWidget):
    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dossier = _load(deps, household_id)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Intake history")))
        if not dossier.intakes:
            layout.addWidget(hint(self.tr("No intake yet. Start one from the header.")))
            layout.addStretch(1)
            return
        rows = [
            (
                format_date(i.started_on),
                intake_status_label(i.status),
                intake_step_label(i.current_step),
                format_date(i.completed_on),
            )
            for i in dossier.intakes
        ]
        headers = (self.tr("Started"), self.tr("Status"), self.tr("Step"), self.tr("Completed"))
        layout.addWidget(read_only_table(headers, rows, self.tr("Intakes")))


class PlanSummaryView(QWidget):
    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plan = _load(deps, household_id).plan
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Family plan")))
        if plan is None:
            layout.addWidget(hint(self.tr("There is no plan yet.")))
            layout.addStretch(1)
            return
        form = QFormLayout()
        form.addRow(self.tr("Status:"), QLabel(plan_status_label(plan.status)))
        form.addRow(self.tr("Version:"), QLabel(str(plan.revision_number)))
        form.addRow(self.tr("Agreed on:"), QLabel(format_date(plan.agreed_on) or "–"))
        form.addRow(self.tr("Next evaluation:"), QLabel(format_date(plan.evaluation_on) or "–"))
        goals = self.tr("%1 goals: %2 open, %3 reached, %4 not reached")
        for key, value in (
            ("%1", plan.goals_total),
            ("%2", plan.goals_open),
            ("%3", plan.goals_reached),
            ("%4", plan.goals_not_reached),
        ):
            goals = goals.replace(key, str(value))
        form.addRow(self.tr("Goals:"), QLabel(goals))
        actions = (
            self.tr("%1 actions, %2 still open")
            .replace("%1", str(plan.actions_total))
            .replace("%2", str(plan.actions_open))
        )
        form.addRow(self.tr("Actions:"), QLabel(actions))
        layout.addLayout(form)
        layout.addStretch(1)


class ZrmSummaryView(QWidget):
    def __init__(self, deps: AppDeps, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dossier = _load(deps, household_id)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Latest self-reliance assessments (ZRM)")))
        if not dossier.zrm:
            layout.addWidget(hint(self.tr("No ZRM assessment yet.")))
            layout.addStretch(1)
            return
        rows: list[tuple[str, ...]] = []
        for summary in dossier.zrm:
            person = dossier.person(summary.person_id)
            who = f"{person.given_name} {person.family_name}" if person else self.tr("Household")
            instrument = deps.reference.instruments.get(summary.instrument)
            for domain_code, score in sorted(summary.scores.items()):
                domain_name = domain_code
                if instrument is not None:
                    with contextlib.suppress(KeyError):
                        domain_name = instrument.domain(domain_code).name
                rows.append((who, format_date(summary.assessed_on), domain_name, str(score)))
        headers = (self.tr("Who"), self.tr("Date"), self.tr("Domain"), self.tr("Score"))
        layout.addWidget(read_only_table(headers, rows, self.tr("ZRM scores")))
