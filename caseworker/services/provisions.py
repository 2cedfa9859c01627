"""Voorzieningen (arrangement, intake step 4): provisions from the catalogue.

Kind, law and trede come from the catalogue item, never from the form. PGB only
with a written reason (seed 003: only where it adds value); trede 3-4 only with
a justification ("goedkoopst adequaat", seed 002). Callers commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Funding, Plan, Provision, ProvisionKind, ProvisionStatus
from caseworker.models.enums import Law
from caseworker.reference.types import CatalogueItem, Reference

from ._inputs import (
    audit,
    check_date,
    check_person,
    get_household,
    get_live,
    optional_text,
    tombstone,
    touch,
)
from .audit import AuditAction
from .context import ServiceContext
from .errors import RuleViolation, ValidationError

COST_PERIODS = frozenset({"week", "month", "year", "once"})
RUNNING_STATUSES = (ProvisionStatus.PROPOSED, ProvisionStatus.GRANTED)


@dataclass(frozen=True)
class ProvisionInput:
    catalogue_code: str
    person_id: str | None = None
    funding: Funding = Funding.ZIN
    pgb_reason: str | None = None
    provider: str | None = None
    units: float | None = None
    unit: str | None = None
    start_on: date | None = None
    end_on: date | None = None
    cost_cents_per_period: int | None = None
    cost_period: str | None = None
    justification: str | None = None


@dataclass(frozen=True)
class ProvisionView:
    id: str
    household_id: str
    plan_id: str | None
    person_id: str | None
    catalogue_code: str
    kind: ProvisionKind
    law: Law
    funding: Funding
    pgb_reason: str | None
    step: int
    justification: str | None
    provider: str | None
    units: float | None
    unit: str | None
    start_on: date | None
    end_on: date | None
    decision_on: date | None
    cost_cents_per_period: int | None
    cost_period: str | None
    status: ProvisionStatus

    def is_running(self, on: date) -> bool:
        """Proposed or granted and not ended before ``on``."""
        return self.status in RUNNING_STATUSES and (self.end_on is None or self.end_on >= on)


def to_view(p: Provision) -> ProvisionView:
    return ProvisionView(
        id=p.id,
        household_id=p.household_id,
        plan_id=p.plan_id,
        person_id=p.person_id,
        catalogue_code=p.catalogue_code,
        kind=p.kind,
        law=p.law,
        funding=p.funding,
        pgb_reason=p.pgb_reason,
        step=p.step,
        justification=p.justification,
        provider=p.provider,
        units=p.units,
        unit=p.unit,
        start_on=p.start_on,
        end_on=p.end_on,
        decision_on=p.decision_on,
        cost_cents_per_period=p.cost_cents_per_period,
        cost_period=p.cost_period,
        status=p.status,
    )


def _catalogue_item(reference: Reference, code: str | None) -> CatalogueItem:
    item = reference.catalogue.get(code or "")
    if item is None:
        raise ValidationError("catalogue_code", "onbekende voorziening in de catalogus")
    return item


def _validated(
    session: Session, reference: Reference, household_id: str, data: ProvisionInput
) -> dict[str, object]:
    item = _catalogue_item(reference, data.catalogue_code)
    check_person(session, household_id, data.person_id)
    funding = data.funding
    if not isinstance(funding, Funding):
        raise ValidationError("funding", "kies zorg in natura (ZIN) of PGB")
    if item.kind == ProvisionKind.GENERAL:
        if funding == Funding.PGB:
            raise ValidationError("funding", "een algemene voorziening kan niet als PGB")
        funding = Funding.NONE
    elif funding == Funding.NONE:
        raise ValidationError("funding", "kies zorg in natura (ZIN) of PGB")
    pgb_reason = optional_text(data.pgb_reason, "pgb_reason")
    if funding == Funding.PGB:
        if not item.pgb_allowed:
            raise ValidationError("funding", "voor deze voorziening is geen PGB mogelijk")
        if pgb_reason is None:
            raise ValidationError(
                "pgb_reason", "geef aan waarom een PGB hier meerwaarde heeft boven zorg in natura"
            )
    else:
        pgb_reason = None
    justification = optional_text(data.justification, "justification")
    if item.step >= 3 and justification is None:
        raise ValidationError(
            "justification",
            f"trede {item.step}: onderbouw waarom lichtere hulp niet volstaat "
            "(goedkoopst adequaat)",
        )
    if data.units is not None and (
        isinstance(data.units, bool) or not isinstance(data.units, int | float) or data.units < 0
    ):
        raise ValidationError("units", "aantal eenheden moet 0 of meer zijn")
    cost = data.cost_cents_per_period
    if cost is not None and (isinstance(cost, bool) or not isinstance(cost, int) or cost < 0):
        raise ValidationError("cost_cents_per_period", "kosten moeten 0 of meer zijn")
    if data.cost_period is not None and data.cost_period not in COST_PERIODS:
        raise ValidationError("cost_period", "kies per week, maand, jaar of eenmalig")
    if cost is not None and data.cost_period is None:
        raise ValidationError("cost_period", "geef aan over welke periode de kosten gaan")
    start_on = check_date(data.start_on, "start_on")
    end_on = check_date(data.end_on, "end_on")
    if start_on is not None and end_on is not None and end_on < start_on:
        raise ValidationError("end_on", "einddatum ligt voor de begindatum")
    return {
        "catalogue_code": item.code,
        "person_id": data.person_id,
        "kind": item.kind,
        "law": item.law,
        "step": item.step,
        "funding": funding,
        "pgb_reason": pgb_reason,
        "justification": justification,
        "provider": optional_text(data.provider, "provider", 200),
        "units": float(data.units) if data.units is not None else None,
        "unit": optional_text(data.unit, "unit", 32) or item.unit,
        "start_on": start_on,
        "end_on": end_on,
        "cost_cents_per_period": cost,
        "cost_period": data.cost_period,
    }


def _plan_id(session: Session, household_id: str) -> str | None:
    return session.execute(
        select(Plan.id).where(Plan.household_id == household_id)
    ).scalar_one_or_none()


def add_provision(
    session: Session,
    ctx: ServiceContext,
    reference: Reference,
    household_id: str,
    data: ProvisionInput,
) -> str:
    """Propose a provision for the household (attached to its plan when there is one)."""
    get_household(session, household_id)
    values = _validated(session, reference, household_id, data)
    row = Provision(
        household_id=household_id,
        plan_id=_plan_id(session, household_id),
        status=ProvisionStatus.PROPOSED,
        **values,
    )
    touch(row, ctx)
    session.add(row)
    session.flush()
    audit(
        session,
        ctx,
        AuditAction.CREATE,
        "provision",
        row.id,
        household_id,
        catalogue_code=row.catalogue_code,
    )
    return row.id


def update_provision(
    session: Session,
    ctx: ServiceContext,
    reference: Reference,
    provision_id: str,
    data: ProvisionInput,
) -> None:
    row: Provision = get_live(session, Provision, provision_id, "voorziening")
    if row.status in (ProvisionStatus.ENDED, ProvisionStatus.REJECTED):
        raise RuleViolation("een beëindigde voorziening kan niet meer worden gewijzigd")
    values = _validated(session, reference, row.household_id, data)
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for key, value in values.items():
        setattr(row, key, value)
    touch(row, ctx)
    session.flush()
    audit(
        session,
        ctx,
        AuditAction.UPDATE,
        "provision",
        row.id,
        row.household_id,
        fields=sorted(changed),
    )


def end_provision(session: Session, ctx: ServiceContext, provision_id: str, end_on: date) -> None:
    """Stop a running provision at ``end_on`` (afschalen)."""
    row: Provision = get_live(session, Provision, provision_id, "voorziening")
    check_date(end_on, "end_on", required=True)
    if row.start_on is not None and end_on < row.start_on:
        raise ValidationError("end_on", "einddatum ligt voor de begindatum")
    row.end_on = end_on
    row.status = ProvisionStatus.ENDED
    touch(row, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "provision", row.id, row.household_id, status="ended")


def set_provision_status(
    session: Session, ctx: ServiceContext, provision_id: str, status: ProvisionStatus
) -> None:
    row: Provision = get_live(session, Provision, provision_id, "voorziening")
    row.status = status
    touch(row, ctx)
    session.flush()
    audit(
        session, ctx, AuditAction.UPDATE, "provision", row.id, row.household_id, status=str(status)
    )


def remove_provision(session: Session, ctx: ServiceContext, provision_id: str) -> None:
    """Tombstone a provision entered by mistake (kept for sync, hidden everywhere)."""
    row: Provision = get_live(session, Provision, provision_id, "voorziening")
    tombstone(session, ctx, row, "provision", row.household_id)


def list_provisions(session: Session, household_id: str) -> list[ProvisionView]:
    rows = session.execute(
        select(Provision)
        .where(Provision.household_id == household_id, Provision.deleted.is_(False))
        .order_by(Provision.step, Provision.catalogue_code, Provision.id)
    ).scalars()
    return [to_view(p) for p in rows]


def provision_problems(provisions: list[ProvisionView], today: date) -> list[str]:
    """Blocking problems before agreement (Dutch, no personal data)."""
    problems: list[str] = []
    for number, p in enumerate(provisions, start=1):
        if not p.is_running(today) and p.status != ProvisionStatus.PROPOSED:
            continue
        if p.funding == Funding.PGB and not (p.pgb_reason or "").strip():
            problems.append(f"Voorziening {number} is een PGB zonder vermelde reden.")
        if p.step >= 3 and not (p.justification or "").strip():
            problems.append(
                f"Voorziening {number} staat op trede {p.step} zonder onderbouwing "
                "(goedkoopst adequaat)."
            )
    return problems
