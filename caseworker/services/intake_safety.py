"""Safety screen of the intake (eerste contact): signals of domestic violence or child abuse,
recorded as SafetySignal rows and handled along the Meldcode. Re-exported by
``caseworker.services.intake``; import from there. Callers commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Intake, SafetySignal, SafetySignalKind

from ._inputs import audit, check_date, check_person, optional_text, touch
from .audit import AuditAction
from .context import ServiceContext
from .errors import ValidationError


@dataclass(frozen=True)
class SafetySignalInput:
    kind: SafetySignalKind
    person_id: str | None = None
    description: str | None = None
    meldcode_step: int = 1
    reported_to_veilig_thuis: bool = False
    reported_on: date | None = None


@dataclass(frozen=True)
class SafetySignalView:
    id: str
    kind: SafetySignalKind
    person_id: str | None
    description: str | None
    recorded_on: date
    meldcode_step: int
    reported_to_veilig_thuis: bool
    reported_on: date | None


def meldcode_steps() -> list[str]:
    """The five steps of the Meldcode huiselijk geweld en kindermishandeling (own wording)."""
    return [
        "Stap 1 – Breng de signalen in kaart: leg feiten en waarnemingen vast, "
        "met bron en datum, gescheiden van interpretaties.",
        "Stap 2 – Overleg met een collega of aandachtsfunctionaris en raadpleeg zo nodig "
        "Veilig Thuis (anoniem advies is mogelijk).",
        "Stap 3 – Ga in gesprek met de betrokkene(n): bespreek wat je ziet en hoort "
        "en hoe zij dat zelf zien.",
        "Stap 4 – Weeg het risico op huiselijk geweld of kindermishandeling af, "
        "met het afwegingskader; twijfel je, raadpleeg dan opnieuw Veilig Thuis.",
        "Stap 5 – Beslis: is melden bij Veilig Thuis noodzakelijk, en is hulp bieden of "
        "organiseren (ook) mogelijk? Bij acute of structurele onveiligheid: altijd melden.",
    ]


def sync_signals(
    session: Session, ctx: ServiceContext, intake: Intake, signals: Sequence[SafetySignalInput]
) -> bool:
    """Make the intake's live SafetySignal rows match the ticked signals (kind + person)."""
    wanted: dict[tuple[SafetySignalKind, str | None], SafetySignalInput] = {}
    for signal in signals:
        if not isinstance(signal.kind, SafetySignalKind):
            raise ValidationError("safety_signals", "onbekend soort signaal")
        check_person(session, intake.household_id, signal.person_id, "safety_signals")
        if not 1 <= signal.meldcode_step <= 5:
            raise ValidationError("safety_signals", "stap van de meldcode moet 1 tot en met 5 zijn")
        wanted[(signal.kind, signal.person_id)] = signal
    existing = session.execute(
        select(SafetySignal).where(
            SafetySignal.intake_id == intake.id, SafetySignal.deleted.is_(False)
        )
    ).scalars()
    changed = False
    for row in existing:
        ticked = wanted.pop((row.kind, row.person_id), None)
        if ticked is None:
            row.deleted = True  # unticked while still a draft
        else:
            values = {
                "description": optional_text(ticked.description, "safety_signals"),
                "meldcode_step": ticked.meldcode_step,
                "reported_to_veilig_thuis": ticked.reported_to_veilig_thuis,
                "reported_on": check_date(ticked.reported_on, "safety_signals"),
            }
            if all(getattr(row, k) == v for k, v in values.items()):
                continue
            for key, value in values.items():
                setattr(row, key, value)
        touch(row, ctx)
        changed = True
    for (kind, person_id), signal in wanted.items():
        row = SafetySignal(
            household_id=intake.household_id,
            intake_id=intake.id,
            person_id=person_id,
            kind=kind,
            description=optional_text(signal.description, "safety_signals"),
            recorded_on=ctx.today(),
            meldcode_step=signal.meldcode_step,
            reported_to_veilig_thuis=signal.reported_to_veilig_thuis,
            reported_on=check_date(signal.reported_on, "safety_signals"),
        )
        touch(row, ctx)
        session.add(row)
        session.flush()
        audit(
            session, ctx, AuditAction.CREATE, "safety_signal", row.id, intake.household_id,
            kind=str(kind),
        )  # fmt: skip
        changed = True
    return changed
