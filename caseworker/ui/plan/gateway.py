"""The plan widgets' single door to the services (one short transaction per user action)."""

from __future__ import annotations

from datetime import date
from typing import Any

from caseworker.models import Actor, Funding
from caseworker.services import plan as plan_service
from caseworker.services import provisions as provision_service
from caseworker.services.nudges import Nudge, plan_nudges
from caseworker.services.plan import ActionInput, GoalInput, PlanView
from caseworker.services.provisions import ProvisionInput
from caseworker.ui.deps import AppDeps


class PlanGateway:
    def __init__(self, deps: AppDeps, household_id: str) -> None:
        self.deps = deps
        self.household_id = household_id
        self._plan_id: str | None = None

    # ------------------------------------------------------------------ plan
    def plan_id(self) -> str:
        if self._plan_id is None:
            with self.deps.store.transaction() as s:
                self._plan_id = plan_service.get_or_create_plan(s, self.deps.ctx, self.household_id)
        return self._plan_id

    def existing_plan_id(self) -> str | None:
        if self._plan_id is None:
            with self.deps.store.session() as s:
                self._plan_id = plan_service.find_plan_id(s, self.household_id)
        return self._plan_id

    def load(self, *, audited: bool = False) -> PlanView | None:
        if self.existing_plan_id() is None:
            return None
        with self.deps.store.transaction() as s:
            return plan_service.load_plan(
                s, self.household_id, ctx=self.deps.ctx if audited else None
            )

    def set_coordinator(self, user_id: str) -> None:
        with self.deps.store.transaction() as s:
            plan_service.set_coordinator(s, self.deps.ctx, self.plan_id(), user_id)

    def set_evaluation_date(self, on: date | None) -> None:
        with self.deps.store.transaction() as s:
            plan_service.set_evaluation_date(s, self.deps.ctx, self.plan_id(), on)

    def set_summary(self, summary: str | None) -> None:
        with self.deps.store.transaction() as s:
            plan_service.set_summary(s, self.deps.ctx, self.plan_id(), summary)

    def problems(self) -> list[str]:
        with self.deps.store.session() as s:
            return plan_service.agreement_problems(s, self.plan_id(), self.deps.ctx.today())

    def nudge_list(self) -> list[Nudge]:
        """Warnings from the seeds (never blocking)."""
        with self.deps.store.session() as s:
            return plan_nudges(s, self.household_id, self.deps.ctx.today())

    def nudges(self) -> list[str]:
        return [n.message_nl for n in self.nudge_list()]

    def agree(self, on: date, how: str) -> int:
        with self.deps.store.transaction() as s:
            return plan_service.agree_plan(s, self.deps.ctx, self.plan_id(), on, how)

    # ------------------------------------------------------------------ goals
    def add_goal(self, values: dict[str, Any]) -> str:
        with self.deps.store.transaction() as s:
            return plan_service.add_goal(s, self.deps.ctx, self.plan_id(), GoalInput(**values))

    def update_goal(self, goal_id: str, values: dict[str, Any]) -> None:
        with self.deps.store.transaction() as s:
            plan_service.update_goal(s, self.deps.ctx, goal_id, GoalInput(**values))

    def remove_goal(self, goal_id: str) -> None:
        with self.deps.store.transaction() as s:
            plan_service.remove_goal(s, self.deps.ctx, goal_id)

    # ------------------------------------------------------------------ actions
    @staticmethod
    def _action(values: dict[str, Any]) -> ActionInput:
        return ActionInput(**{**values, "actor": Actor(values["actor"])})

    def add_action(self, values: dict[str, Any]) -> str:
        with self.deps.store.transaction() as s:
            return plan_service.add_action(s, self.deps.ctx, self.plan_id(), self._action(values))

    def update_action(self, action_id: str, values: dict[str, Any]) -> None:
        with self.deps.store.transaction() as s:
            plan_service.update_action(s, self.deps.ctx, action_id, self._action(values))

    def remove_action(self, action_id: str) -> None:
        with self.deps.store.transaction() as s:
            plan_service.remove_action(s, self.deps.ctx, action_id)

    # ------------------------------------------------------------------ provisions
    @staticmethod
    def _provision(values: dict[str, Any]) -> ProvisionInput:
        return ProvisionInput(**{**values, "funding": Funding(values["funding"])})

    def add_provision(self, values: dict[str, Any]) -> str:
        self.plan_id()
        with self.deps.store.transaction() as s:
            return provision_service.add_provision(
                s, self.deps.ctx, self.deps.reference, self.household_id, self._provision(values)
            )

    def update_provision(self, provision_id: str, values: dict[str, Any]) -> None:
        with self.deps.store.transaction() as s:
            provision_service.update_provision(
                s, self.deps.ctx, self.deps.reference, provision_id, self._provision(values)
            )

    def end_provision(self, provision_id: str, on: date) -> None:
        with self.deps.store.transaction() as s:
            provision_service.end_provision(s, self.deps.ctx, provision_id, on)

    def remove_provision(self, provision_id: str) -> None:
        with self.deps.store.transaction() as s:
            provision_service.remove_provision(s, self.deps.ctx, provision_id)
