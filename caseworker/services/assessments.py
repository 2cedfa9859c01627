"""ZRM measurements (ZRM-metingen): record, correct, remove, read back, compare, chart data.

A measurement (``Assessment``) belongs to a household and either to one person
(instruments with subject ``person`` or ``child``) or to the household itself
(subject ``household``). It holds a score 1..5 for all or a subset of the
instrument's domains, each with an optional note.

Read functions return frozen dataclasses; the Qt charts and the PDF reports
draw ``RadarData`` and ``trend_data`` without touching the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, selectinload

from caseworker.models import (
    Assessment,
    AssessmentKind,
    Goal,
    GoalStatus,
    Household,
    Person,
    Plan,
    Score,
)
from caseworker.models.validators import SCORE_MAX, SCORE_MIN
from caseworker.reference.types import Instrument, Reference

from .audit import AuditAction, record
from .context import ServiceContext
from .errors import NotFound, ValidationError

OBJECT_TYPE = "assessment"


@dataclass(frozen=True)
class AssessmentInput:
    """What the measurement form hands in. ``person_id`` is None for a household measurement."""

    household_id: str
    person_id: str | None
    instrument: str
    assessed_on: date
    kind: AssessmentKind = AssessmentKind.INTERIM
    scores: Mapping[str, int] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)  # per domain
    note: str | None = None  # on the whole measurement


@dataclass(frozen=True)
class ScoreView:
    domain: str
    score: int
    note: str | None


@dataclass(frozen=True)
class AssessmentView:
    id: str
    household_id: str
    person_id: str | None
    instrument: str
    assessed_on: date
    kind: AssessmentKind
    assessed_by: str | None
    note: str | None
    scores: tuple[ScoreView, ...]

    @property
    def score_map(self) -> dict[str, int]:
        return {s.domain: s.score for s in self.scores}


@dataclass(frozen=True)
class DomainChange:
    """One domain compared with the most recent earlier score of the same subject."""

    domain: str
    previous: int | None
    current: int | None
    delta: int | None  # current - previous, None when either is missing
    previous_on: date | None = None


@dataclass(frozen=True)
class RadarData:
    """A subject's ZRM on one instrument: per domain (in instrument order) three series."""

    instrument: str
    domains: tuple[tuple[str, str], ...]  # (code, name)
    baseline: tuple[int | None, ...]  # earliest score per domain (nulmeting)
    latest: tuple[int | None, ...]  # most recent score per domain
    target: tuple[int | None, ...]  # highest target of the subject's plan goals per domain
    baseline_on: date | None = None  # date of the earliest measurement shown
    latest_on: date | None = None  # date of the most recent measurement shown


# --------------------------------------------------------------------------- validation


def _instrument(reference: Reference, code: str) -> Instrument:
    instrument = reference.instruments.get(code)
    if instrument is None:
        raise ValidationError("instrument", "Onbekend meetinstrument.")
    return instrument


def _validate(
    session: Session, ctx: ServiceContext, reference: Reference, data: AssessmentInput
) -> Instrument:
    instrument = _instrument(reference, data.instrument)
    household = session.get(Household, data.household_id)
    if household is None or household.deleted:
        raise NotFound("huishouden")
    if instrument.subject == "household":
        if data.person_id is not None:
            raise ValidationError(
                "person_id", "Een huishoudmeting hoort bij het huishouden, niet bij een persoon."
            )
    else:
        if data.person_id is None:
            raise ValidationError("person_id", "Kies het gezinslid dat gemeten wordt.")
        person = session.get(Person, data.person_id)
        if person is None or person.deleted or person.household_id != data.household_id:
            raise ValidationError("person_id", "Dit gezinslid hoort niet bij dit huishouden.")
    if data.assessed_on > ctx.today():
        raise ValidationError("assessed_on", "De datum van de meting ligt in de toekomst.")
    if not data.scores:
        raise ValidationError("scores", "Geef voor minstens één domein een score.")
    codes = set(instrument.domain_codes)
    for domain, score in data.scores.items():
        if domain not in codes:
            raise ValidationError("scores", "Een domein hoort niet bij dit meetinstrument.")
        if isinstance(score, bool) or not isinstance(score, int):
            raise ValidationError(f"scores.{domain}", "Een score is een geheel getal van 1 tot 5.")
        if not SCORE_MIN <= score <= SCORE_MAX:
            raise ValidationError(f"scores.{domain}", "Een score ligt tussen 1 en 5.")
    for domain in data.notes:
        if domain not in data.scores:
            raise ValidationError(
                f"notes.{domain}", "Een toelichting hoort bij een gescoord domein."
            )
    return instrument


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def _audit_detail(data: AssessmentInput) -> dict[str, object]:
    return {"instrument": data.instrument, "domains": sorted(data.scores), "kind": str(data.kind)}


# --------------------------------------------------------------------------- writes


def record_assessment(
    session: Session, ctx: ServiceContext, reference: Reference, data: AssessmentInput
) -> str:
    """Validate and store a new measurement; returns its id. Audited as CREATE."""
    _validate(session, ctx, reference, data)
    assessment = Assessment(
        household_id=data.household_id,
        person_id=data.person_id,
        instrument=data.instrument,
        assessed_on=data.assessed_on,
        assessed_by=ctx.user_id,
        kind=data.kind,
        note=_clean(data.note),
        updated_by=ctx.user_id,
    )
    session.add(assessment)
    session.flush()
    for domain, score in data.scores.items():
        session.add(
            Score(
                assessment_id=assessment.id,
                domain=domain,
                score=score,
                note=_clean(data.notes.get(domain)),
                updated_by=ctx.user_id,
            )
        )
    session.flush()
    record(
        session,
        ctx,
        AuditAction.CREATE,
        object_type=OBJECT_TYPE,
        object_id=assessment.id,
        household_id=data.household_id,
        detail=_audit_detail(data),
    )
    return assessment.id


def _live_assessment(session: Session, assessment_id: str) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None or assessment.deleted:
        raise NotFound("meting")
    return assessment


def update_assessment(
    session: Session,
    ctx: ServiceContext,
    reference: Reference,
    assessment_id: str,
    data: AssessmentInput,
) -> None:
    """Correct a measurement. Scores of dropped domains are tombstoned, never hard-deleted."""
    assessment = _live_assessment(session, assessment_id)
    if data.household_id != assessment.household_id:
        raise ValidationError("household_id", "Een meting kan niet naar een ander huishouden.")
    _validate(session, ctx, reference, data)
    assessment.person_id = data.person_id
    assessment.instrument = data.instrument
    assessment.assessed_on = data.assessed_on
    assessment.kind = data.kind
    assessment.note = _clean(data.note)
    assessment.updated_by = ctx.user_id
    existing = {
        s.domain: s
        for s in session.execute(select(Score).where(Score.assessment_id == assessment.id))
        .scalars()
        .all()
    }
    for domain, row in existing.items():
        if domain not in data.scores and not row.deleted:
            row.deleted = True
            row.updated_by = ctx.user_id
    for domain, score in data.scores.items():
        note = _clean(data.notes.get(domain))
        current = existing.get(domain)
        if current is None:
            session.add(
                Score(
                    assessment_id=assessment.id,
                    domain=domain,
                    score=score,
                    note=note,
                    updated_by=ctx.user_id,
                )
            )
        elif current.deleted or current.score != score or current.note != note:
            current.deleted = False
            current.score = score
            current.note = note
            current.updated_by = ctx.user_id
    session.flush()
    record(
        session,
        ctx,
        AuditAction.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=assessment.id,
        household_id=assessment.household_id,
        detail=_audit_detail(data),
    )


def remove_assessment(session: Session, ctx: ServiceContext, assessment_id: str) -> None:
    """Tombstone a measurement and its scores (rows stay for sync). Audited as DELETE."""
    assessment = _live_assessment(session, assessment_id)
    assessment.deleted = True
    assessment.updated_by = ctx.user_id
    for row in session.execute(select(Score).where(Score.assessment_id == assessment.id)).scalars():
        if not row.deleted:
            row.deleted = True
            row.updated_by = ctx.user_id
    session.flush()
    record(
        session,
        ctx,
        AuditAction.DELETE,
        object_type=OBJECT_TYPE,
        object_id=assessment.id,
        household_id=assessment.household_id,
        detail={"instrument": assessment.instrument},
    )


# --------------------------------------------------------------------------- reads


def _view(assessment: Assessment) -> AssessmentView:
    scores = tuple(
        ScoreView(domain=s.domain, score=s.score, note=s.note)
        for s in sorted(assessment.scores, key=lambda s: s.domain)
        if not s.deleted
    )
    return AssessmentView(
        id=assessment.id,
        household_id=assessment.household_id,
        person_id=assessment.person_id,
        instrument=assessment.instrument,
        assessed_on=assessment.assessed_on,
        kind=assessment.kind,
        assessed_by=assessment.assessed_by,
        note=assessment.note,
        scores=scores,
    )


def get_assessment(session: Session, assessment_id: str) -> AssessmentView:
    return _view(_live_assessment(session, assessment_id))


def history(
    session: Session,
    *,
    person_id: str | None = None,
    household_id: str | None = None,
    instrument: str | None = None,
    household_level_only: bool = False,
) -> list[AssessmentView]:
    """Measurements, newest first. Filter by person, household, instrument.

    With ``household_level_only`` only the household's own measurements
    (``person_id`` NULL) are returned.
    """
    if person_id is None and household_id is None:
        raise ValueError("history needs person_id or household_id")
    query = (
        select(Assessment)
        .where(Assessment.deleted.is_(False))
        .options(selectinload(Assessment.scores))
        .order_by(Assessment.assessed_on.desc(), Assessment.updated_at.desc())
    )
    if person_id is not None:
        query = query.where(Assessment.person_id == person_id)
    if household_id is not None:
        query = query.where(Assessment.household_id == household_id)
    if household_level_only:
        query = query.where(Assessment.person_id.is_(None))
    if instrument is not None:
        query = query.where(Assessment.instrument == instrument)
    return [_view(a) for a in session.execute(query).scalars()]


def _subject_filter(person_id: str | None, household_id: str | None) -> list[ColumnElement[bool]]:
    if person_id is not None:
        return [Assessment.person_id == person_id]
    if household_id is None:
        raise ValueError("need person_id or household_id")
    return [Assessment.person_id.is_(None), Assessment.household_id == household_id]


def _series(
    session: Session,
    *,
    person_id: str | None,
    household_id: str | None,
    instrument: str | None,
) -> dict[str, list[tuple[date, int]]]:
    """Per domain the (date, score) pairs of the subject, oldest first (one query)."""
    conditions: list[ColumnElement[bool]] = [
        Assessment.deleted.is_(False),
        Score.deleted.is_(False),
        *_subject_filter(person_id, household_id),
    ]
    if instrument is not None:
        conditions.append(Assessment.instrument == instrument)
    rows = session.execute(
        select(Score.domain, Assessment.assessed_on, Score.score)
        .join(Assessment, Assessment.id == Score.assessment_id)
        .where(and_(*conditions))
        .order_by(Assessment.assessed_on, Assessment.updated_at)
    ).all()
    out: dict[str, list[tuple[date, int]]] = {}
    for domain, on, score in rows:
        out.setdefault(domain, []).append((on, score))
    return out


def compare_with_previous(session: Session, assessment_id: str) -> list[DomainChange]:
    """Each domain of this measurement (and of earlier ones) against its previous score.

    "Previous" is per domain: the most recent score of that domain for the same
    subject and instrument measured before this measurement's date, so a
    measurement of a subset of domains still compares with older full ones.
    Domains scored now come first (alphabetical), then domains only scored before.
    """
    current = _live_assessment(session, assessment_id)
    now = {s.domain: s.score for s in current.scores if not s.deleted}
    series = _series(
        session,
        person_id=current.person_id,
        household_id=current.household_id,
        instrument=current.instrument,
    )
    changes: list[DomainChange] = []
    before: dict[str, tuple[date, int]] = {}
    for domain, points in series.items():
        earlier = [p for p in points if p[0] < current.assessed_on]
        if earlier:
            before[domain] = earlier[-1]
    for domain in sorted(now):
        prev = before.get(domain)
        changes.append(
            DomainChange(
                domain=domain,
                previous=prev[1] if prev else None,
                current=now[domain],
                delta=now[domain] - prev[1] if prev else None,
                previous_on=prev[0] if prev else None,
            )
        )
    for domain in sorted(set(before) - set(now)):
        on, score = before[domain]
        changes.append(
            DomainChange(domain=domain, previous=score, current=None, delta=None, previous_on=on)
        )
    return changes


def latest_scores(
    session: Session, person_ids: Iterable[str]
) -> dict[str, dict[str, tuple[int, date]]]:
    """Per person, per domain (any instrument) the most recent (score, date)."""
    ids = list(dict.fromkeys(person_ids))
    out: dict[str, dict[str, tuple[int, date]]] = {pid: {} for pid in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(Assessment.person_id, Score.domain, Score.score, Assessment.assessed_on)
            .join(Assessment, Assessment.id == Score.assessment_id)
            .where(
                Assessment.person_id.in_(chunk),
                Assessment.deleted.is_(False),
                Score.deleted.is_(False),
            )
            .order_by(Assessment.assessed_on, Assessment.updated_at)
        ).all()
        for pid, domain, score, on in rows:
            if pid is not None:
                out[pid][domain] = (score, on)  # later rows overwrite earlier ones
    return out


def _targets(
    session: Session, *, person_id: str | None, household_id: str | None
) -> dict[str, int]:
    query = (
        select(Goal.zrm_domain, Goal.target_score)
        .join(Plan, Plan.id == Goal.plan_id)
        .where(
            Goal.deleted.is_(False),
            Plan.deleted.is_(False),
            Goal.status != GoalStatus.CANCELLED,
            Goal.zrm_domain.is_not(None),
            Goal.target_score.is_not(None),
        )
    )
    if person_id is not None:
        query = query.where(Goal.person_id == person_id)
    else:
        query = query.where(Goal.person_id.is_(None), Plan.household_id == household_id)
    targets: dict[str, int] = {}
    for domain, target in session.execute(query).all():
        if domain is not None and target is not None:
            targets[domain] = max(target, targets.get(domain, 0))
    return targets


def radar_data(
    session: Session,
    reference: Reference,
    person_id: str | None,
    instrument: str,
    *,
    household_id: str | None = None,
) -> RadarData:
    """Baseline (earliest), latest and target score per domain of one instrument.

    For a household instrument pass ``person_id=None`` and ``household_id``.
    Targets come from the subject's plan goals (highest target when two goals
    share a domain); a domain without data has ``None`` in a series.
    """
    inst = _instrument(reference, instrument)
    series = _series(session, person_id=person_id, household_id=household_id, instrument=instrument)
    targets = _targets(session, person_id=person_id, household_id=household_id)
    codes = inst.domain_codes
    dates = [p[0] for points in series.values() for p in points]
    return RadarData(
        instrument=instrument,
        domains=tuple((d.code, d.name) for d in inst.domains),
        baseline=tuple(series[c][0][1] if c in series else None for c in codes),
        latest=tuple(series[c][-1][1] if c in series else None for c in codes),
        target=tuple(targets.get(c) for c in codes),
        baseline_on=min(dates) if dates else None,
        latest_on=max(dates) if dates else None,
    )


def trend_data(
    session: Session,
    person_id: str | None,
    instrument: str,
    *,
    household_id: str | None = None,
) -> dict[str, list[tuple[date, int]]]:
    """Per measured domain the (date, score) points, oldest first."""
    return _series(session, person_id=person_id, household_id=household_id, instrument=instrument)
