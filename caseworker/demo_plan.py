"""Plans for the demo data (caseworker.demo): goals on ZRM domains, actions on the
Groninger viertrap (justified on trede 3-4) and provisions from the catalogue."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from faker import Faker

from caseworker.models import Action, Goal, Plan, PlanRevision, Provision
from caseworker.models.enums import (
    Actor,
    Funding,
    GoalStatus,
    PersonRole,
    PlanStatus,
    ProvisionKind,
    ProvisionStatus,
)
from caseworker.reference.types import Reference
from caseworker.services.context import ServiceContext

from . import demo_content as content
from .demo_people import Member, PeopleMaker, add_months

RATE_CENTS = {
    "uur/week": 6500,
    "dagdeel/week": 5200,
    "etmaal/maand": 17500,
    "stuk": 250000,
    "traject": 150000,
}
_V4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_V4_SET = (0x4000 << 64) | (0x8000 << 48)


class BuilderBase:
    """Deterministic helpers (ids, picks, dates) and the plan of one household."""

    tables: tuple[type[Any], ...] = ()

    def __init__(
        self, ctx: ServiceContext, reference: Reference, seed: int, salt: int, today: date
    ) -> None:
        self.rng = random.Random(f"caseworker-demo:{seed}:{salt}")
        fake = Faker("nl_NL")
        fake.seed_instance(seed * 7919 + salt)
        self.people = PeopleMaker(fake, self.rng, today, self.new_id)
        self.ctx = ctx
        self.ref = reference
        self.today = today
        self.stamp = datetime.combine(today, time(8, 0), tzinfo=UTC)
        self.rows: dict[type[Any], list[dict[str, Any]]] = {m: [] for m in self.tables}
        self.archetypes: Counter[str] = Counter()
        self.weights = [a.weight for a in content.ARCHETYPES]

    # -- helpers ---------------------------------------------------------------------------
    def new_id(self) -> str:
        """A random (version 4) UUID from the seeded generator, formatted without uuid.UUID."""
        h = f"{(self.rng.getrandbits(128) & _V4_CLEAR) | _V4_SET:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def add(self, model: type[Any], **values: Any) -> str:
        values.setdefault("id", self.new_id())
        values.update(version=0, updated_at=self.stamp, updated_by=self.ctx.user_id, deleted=False)
        self.rows[model].append(values)
        return str(values["id"])

    def pick(self, seq: tuple[Any, ...] | list[Any]) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def day_between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    # -- teams and users -------------------------------------------------------------------
    def _life_area(self, domain: str) -> str:
        for instrument in self.ref.instruments.values():
            for d in instrument.domains:
                if d.code == domain and d.life_area:
                    return d.life_area
        return next(iter(self.ref.life_areas))

    def plan(
        self,
        hh: str,
        arch: content.Archetype,
        coordinator: str,
        members: list[Member],
        network: list[str],
        baselines: dict[tuple[str | None, str], int],
        agreed: date,
        closed_on: date | None,
        reason: str | None,
    ) -> None:
        draft = closed_on is None and self.rng.random() < 0.1
        status = (
            PlanStatus.CLOSED if closed_on else PlanStatus.DRAFT if draft else PlanStatus.AGREED
        )
        plan = self.add(
            Plan,
            household_id=hh,
            coordinator_id=coordinator,
            status=status,
            summary=self.pick(arch.underlying),
            agreed_on=None if draft else agreed,
            agreed_how=None if draft else self.pick(content.AGREED_HOW),
            evaluation_on=add_months(agreed, self.rng.randint(3, 6)) if not closed_on else None,
            revision_number=0 if draft else 1,
        )
        adults = [m for m in members if m.role is not PersonRole.CHILD]
        children = [m for m in members if m.role is PersonRole.CHILD]
        for pos in range(self.rng.randint(2, 4)):
            if children and arch.child_focus and self.rng.random() < 0.4:
                subject: Member | None = self.pick(children)
                code, domain = "zrm-children", self.pick(arch.child_focus)
            elif len(members) > 1 and self.rng.random() < 0.15:
                subject, code, domain = (
                    None,
                    "zrm-household",
                    self.pick(("hh_financien", "hh_relaties")),
                )
            else:
                subject, code, domain = self.pick(adults), "zrm-2017", self.pick(arch.focus)
            base = baselines.get((subject.id if subject else None, domain), 2)
            goal_status = GoalStatus.OPEN
            if closed_on:
                goal_status = (
                    GoalStatus.REACHED
                    if reason == "doelen_bereikt"
                    else self.pick(
                        (GoalStatus.NOT_REACHED, GoalStatus.CANCELLED, GoalStatus.REACHED)
                    )
                )
            goal = self.add(
                Goal,
                plan_id=plan,
                person_id=subject.id if subject else None,
                description=content.GOAL_TEXT[domain],
                life_area=self._life_area(domain),
                instrument=code,
                zrm_domain=domain,
                baseline_score=base,
                target_score=min(5, base + self.rng.randint(1, 2)),
                due_on=None
                if self.rng.random() < 0.05
                else add_months(agreed, self.rng.randint(3, 9)),
                status=goal_status,
                position=pos,
            )
            self.actions(plan, goal, members, network, agreed, pos)
        self.provisions(hh, plan, arch, members, agreed, closed_on, draft)
        if not draft:
            self.add(
                PlanRevision,
                plan_id=plan,
                number=1,
                agreed_on=agreed,
                agreed_by=coordinator,
                snapshot={},  # filled by the builder's flush once the plan's rows exist
            )

    def actions(
        self,
        plan: str,
        goal: str,
        members: list[Member],
        network: list[str],
        start: date,
        pos: int,
    ) -> None:
        steps = [1, 2] if self.rng.random() < 0.6 else [1, self.rng.randint(3, 4)]
        for i, step in enumerate(steps[: self.rng.randint(1, 2)]):
            actor = (
                (Actor.NETWORK if network and self.rng.random() < 0.5 else Actor.SELF)
                if step == 1
                else Actor.CASEWORKER
                if step == 2
                else Actor.PROVIDER
            )
            due = start + timedelta(days=self.rng.randint(14, 120))
            self.add(
                Action,
                plan_id=plan,
                goal_id=goal,
                description=self.pick(content.ACTIONS_BY_STEP[step]),
                actor=actor,
                person_id=members[0].id if actor is Actor.SELF else None,
                network_contact_id=self.pick(network) if actor is Actor.NETWORK else None,
                provider=self.pick(content.PROVIDERS) if actor is Actor.PROVIDER else None,
                step=step,
                justification=self.pick(content.JUSTIFICATIONS) if step >= 3 else None,
                due_on=due,
                done_on=due if due < self.today and self.rng.random() < 0.5 else None,
                position=pos * 2 + i,
            )

    def provisions(
        self,
        hh: str,
        plan: str,
        arch: content.Archetype,
        members: list[Member],
        start: date,
        closed_on: date | None,
        draft: bool,
    ) -> None:
        catalogue = self.ref.catalogue
        tailored = [c for c in arch.provisions if catalogue[c].kind is ProvisionKind.TAILORED]
        general = [c for c in arch.provisions if catalogue[c].kind is ProvisionKind.GENERAL]
        chosen = self.rng.sample(
            tailored, min(len(tailored), max(arch.min_tailored, self.rng.randint(0, 2)))
        )
        chosen += self.rng.sample(general, min(len(general), self.rng.randint(0, 2)))
        youths = [m for m in members if m.tag in ("youth16", "youth18")]
        children = [m for m in members if m.role is PersonRole.CHILD]
        adults = [m for m in members if m.role is not PersonRole.CHILD]
        for code in chosen:
            item = catalogue[code]
            who = (
                self.pick(youths)
                if youths and item.youth
                else self.pick(children)
                if children and item.youth
                else self.pick(adults)
            )
            pgb = item.pgb_allowed and self.rng.random() < 0.15
            end = closed_on
            status = ProvisionStatus.PROPOSED if draft else ProvisionStatus.GRANTED
            if closed_on:
                status = ProvisionStatus.ENDED
            elif not draft and self.rng.random() < 0.1:  # stepped down earlier
                end = self.day_between(start + timedelta(60), self.today)
                status = ProvisionStatus.ENDED
            is_tailored = item.kind is ProvisionKind.TAILORED
            units = item.default_units
            cost = int(RATE_CENTS.get(item.unit or "", 0) * (units or 1)) if is_tailored else None
            self.add(
                Provision,
                household_id=hh,
                plan_id=plan,
                person_id=who.id,
                catalogue_code=code,
                kind=item.kind,
                law=item.law,
                funding=Funding.PGB if pgb else Funding.ZIN if is_tailored else Funding.NONE,
                pgb_reason=self.pick(content.PGB_REASONS) if pgb else None,
                step=item.step,
                justification=self.pick(content.JUSTIFICATIONS) if item.step >= 3 else None,
                provider=self.pick(content.PROVIDERS) if is_tailored and not pgb else None,
                units=units,
                unit=item.unit,
                start_on=start,
                end_on=end if end and end >= start else None,
                decision_on=start if is_tailored and not draft else None,
                cost_cents_per_period=cost,
                cost_period=(
                    "month"
                    if item.unit in ("etmaal/maand", "traject")
                    else "once"
                    if item.unit == "stuk"
                    else "week"
                )
                if cost is not None
                else None,
                status=status,
            )
