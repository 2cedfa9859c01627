"""The intake wizard's door to the services: one short transaction per save."""

from __future__ import annotations

from caseworker.models import IntakeStep
from caseworker.services import intake as intake_service
from caseworker.services.intake import FirstContactInput, IntakeView, QuestionInput
from caseworker.ui.deps import AppDeps
from caseworker.ui.plan.gateway import PlanGateway


class IntakeGateway:
    def __init__(self, deps: AppDeps, household_id: str) -> None:
        self.deps = deps
        self.household_id = household_id
        self.plan = PlanGateway(deps, household_id)
        self.intake_id = ""

    def start(self) -> str:
        """Resume the household's draft intake, or begin one (which extends the one plan)."""
        with self.deps.store.transaction() as s:
            existing = intake_service.current_draft(s, self.household_id)
            self.intake_id = existing or intake_service.start_intake(
                s, self.deps.ctx, self.household_id, None
            )
        return self.intake_id

    def load(self, *, audited: bool = False) -> IntakeView:
        with self.deps.store.transaction() as s:
            return intake_service.load_intake(
                s, self.intake_id, ctx=self.deps.ctx if audited else None
            )

    def save_first_contact(self, data: FirstContactInput) -> None:
        with self.deps.store.transaction() as s:
            intake_service.save_first_contact(s, self.deps.ctx, self.intake_id, data)

    def save_question(self, data: QuestionInput) -> str:
        with self.deps.store.transaction() as s:
            return intake_service.save_question(s, self.deps.ctx, self.intake_id, data)

    def remove_question(self, question_id: str) -> None:
        with self.deps.store.transaction() as s:
            intake_service.remove_question(s, self.deps.ctx, self.intake_id, question_id)

    def save_strengths(self, own_strength: str | None, network_summary: str | None) -> None:
        with self.deps.store.transaction() as s:
            intake_service.save_strengths(
                s, self.deps.ctx, self.intake_id, own_strength, network_summary
            )

    def save_summaries(self, solution: str | None, arrangement: str | None) -> None:
        with self.deps.store.transaction() as s:
            intake_service.save_summaries(
                s,
                self.deps.ctx,
                self.intake_id,
                solution_summary=solution,
                arrangement_summary=arrangement,
            )

    def set_step(self, step: IntakeStep) -> None:
        with self.deps.store.transaction() as s:
            intake_service.set_step(s, self.deps.ctx, self.intake_id, step)

    def meldcode_steps(self) -> list[str]:
        return intake_service.meldcode_steps()
