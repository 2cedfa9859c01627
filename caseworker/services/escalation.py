"""Opschaling: mark a household for the Taskforce, De Ploeg or Veilig Thuis (seeds 000, 003).

Callers commit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Escalation, EscalationKind

from ._inputs import audit, check_date, get_household, get_live, optional_text, required_text, touch
from .audit import AuditAction
from .context import ServiceContext
from .errors import RuleViolation, ValidationError


@dataclass(frozen=True)
class EscalationView:
    id: str
    household_id: str
    kind: EscalationKind
    reason: str
    escalated_on: date
    resolved_on: date | None
    outcome: str | None

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None


def _view(row: Escalation) -> EscalationView:
    return EscalationView(
        row.id, row.household_id, row.kind, row.reason, row.escalated_on, row.resolved_on,
        row.outcome,
    )  # fmt: skip


def escalate(
    session: Session,
    ctx: ServiceContext,
    household_id: str,
    kind: EscalationKind,
    reason: str,
    on: date,
) -> str:
    get_household(session, household_id)
    if not isinstance(kind, EscalationKind):
        raise ValidationError("kind", "kies Taskforce, De Ploeg of Veilig Thuis")
    text = required_text(reason, "reason", "geef de reden van de opschaling")
    check_date(on, "escalated_on", required=True)
    if on > ctx.today():
        raise ValidationError("escalated_on", "de datum ligt in de toekomst")
    row = Escalation(household_id=household_id, kind=kind, reason=text, escalated_on=on)
    touch(row, ctx)
    session.add(row)
    session.flush()
    audit(session, ctx, AuditAction.CREATE, "escalation", row.id, household_id, kind=str(kind))
    return row.id


def resolve_escalation(
    session: Session,
    ctx: ServiceContext,
    escalation_id: str,
    resolved_on: date,
    outcome: str | None = None,
) -> None:
    row: Escalation = get_live(session, Escalation, escalation_id, "opschaling")
    if row.resolved_on is not None:
        raise RuleViolation("deze opschaling is al afgerond")
    check_date(resolved_on, "resolved_on", required=True)
    if resolved_on < row.escalated_on:
        raise ValidationError("resolved_on", "de datum ligt voor de datum van opschaling")
    row.resolved_on = resolved_on
    row.outcome = optional_text(outcome, "outcome")
    touch(row, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "escalation", row.id, row.household_id, resolved=True)


def open_escalations(session: Session, household_id: str) -> list[EscalationView]:
    rows = session.execute(
        select(Escalation)
        .where(
            Escalation.household_id == household_id,
            Escalation.deleted.is_(False),
            Escalation.resolved_on.is_(None),
        )
        .order_by(Escalation.escalated_on, Escalation.id)
    ).scalars()
    return [_view(r) for r in rows]


def all_escalations(session: Session, household_id: str) -> list[EscalationView]:
    """Open and resolved, newest first (dossier history)."""
    rows = session.execute(
        select(Escalation)
        .where(Escalation.household_id == household_id, Escalation.deleted.is_(False))
        .order_by(Escalation.escalated_on.desc(), Escalation.id)
    ).scalars()
    return [_view(r) for r in rows]


def open_escalation_kinds(
    session: Session, household_ids: Iterable[str] | None = None
) -> dict[str, list[EscalationKind]]:
    """household_id → kinds of open escalations, in one query (for the caseload column)."""
    query = select(Escalation.household_id, Escalation.kind).where(
        Escalation.deleted.is_(False), Escalation.resolved_on.is_(None)
    )
    if household_ids is not None:
        query = query.where(Escalation.household_id.in_(list(household_ids)))
    result: dict[str, list[EscalationKind]] = {}
    for household_id, kind in session.execute(query.order_by(Escalation.escalated_on)).all():
        result.setdefault(household_id, []).append(kind)
    return result
