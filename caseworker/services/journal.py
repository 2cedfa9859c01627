"""Journal (journaal): append-only notes per household, one row per entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import JournalEntry, User
from caseworker.models.validators import ValidationError

from . import audit
from .audit import AuditAction
from .context import ServiceContext
from .households import clean_required, require_household

#: Kinds the UI offers; other lower-case codes are accepted for forward compatibility.
JOURNAL_KINDS = ("note", "visit", "phone", "meeting", "email", "letter")
_KIND_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class JournalEntryView:
    id: str
    household_id: str
    written_at: datetime
    kind: str
    text: str
    author_id: str | None
    author_name: str | None


def add_entry(
    session: Session, ctx: ServiceContext, household_id: str, text: str, kind: str = "note"
) -> str:
    household = require_household(session, household_id)
    body = clean_required(text, "text", MAX_TEXT)
    if not isinstance(kind, str) or not _KIND_RE.match(kind):
        raise ValidationError("kind", "onbekend soort journaalregel")
    entry = JournalEntry(
        household_id=household.id,
        author_id=ctx.user_id,
        written_at=ctx.now(),
        kind=kind,
        text=body,
        updated_by=ctx.user_id,
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        ctx,
        AuditAction.CREATE,
        object_type="journal_entry",
        object_id=entry.id,
        household_id=household.id,
        detail={"kind": kind},
    )
    return entry.id


def list_entries(
    session: Session, household_id: str, *, limit: int | None = None
) -> list[JournalEntryView]:
    """Latest first."""
    query = (
        select(JournalEntry, User.display_name)
        .outerjoin(User, User.id == JournalEntry.author_id)
        .where(JournalEntry.household_id == household_id, JournalEntry.deleted.is_(False))
        .order_by(JournalEntry.written_at.desc(), JournalEntry.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        JournalEntryView(
            id=e.id,
            household_id=e.household_id,
            written_at=e.written_at,
            kind=e.kind,
            text=e.text,
            author_id=e.author_id,
            author_name=name,
        )
        for e, name in session.execute(query).all()
    ]
