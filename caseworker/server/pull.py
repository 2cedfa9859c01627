"""Pull: the change feed of one device, by server sequence, paged (DESIGN.md §3 Sync).

The feed of a device holds three kinds of events, ordered by sequence number:
- the latest change of every row of its households (and of its team's teams/users rows);
- a *purge* when a household left its scope;
- a *backfill* when a household entered its scope: all rows of that household the device
  would not get otherwise (seq <= its cursor at that moment), sent whole in one page.
Scope changes are detected at pull time and written with their own sequence numbers,
so a lost answer is simply asked again with the same cursor.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    delete,
    exists,
    literal_column,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from caseworker.sync.protocol import ChangesPage, PulledRow, Purge

from .codec import TABLES, wire_rows
from .direct import Direct
from .errors import forbidden
from .scope import Principal, households_in_scope, scope_kind, scope_params, scope_statement
from .sequence import SequenceAllocator
from .tables import ChangeLog, Counter, DevicePurge, DeviceScope, SeqInt, core


@dataclass(frozen=True)
class _Event:
    seq: int
    kind: str  # row | purge | backfill
    table: str = ""
    row_id: str = ""
    household_id: str = ""
    backfill_upto: int = 0


def sync_scope(session: Session, principal: Principal, since: int) -> bool:
    """Bring the device's recorded scope in line with the current one. Returns True when
    something changed (then the caller must commit)."""
    if not _scope_differs(session, principal):
        return False
    seq = SequenceAllocator(session)  # lock, then look again under the lock
    current = households_in_scope(session, principal)
    held = set(
        session.execute(
            select(DeviceScope.household_id).where(DeviceScope.device_id == principal.device_id)
        ).scalars()
    )
    left = sorted(held - current)
    entered = sorted(current - held)
    if left:
        session.execute(
            delete(DeviceScope).where(
                DeviceScope.device_id == principal.device_id, DeviceScope.household_id.in_(left)
            )
        )
        session.add_all(
            DevicePurge(seq=seq.next(), device_id=principal.device_id, household_id=h) for h in left
        )
    session.add_all(
        DeviceScope(
            device_id=principal.device_id,
            household_id=h,
            entered_seq=seq.next(),
            backfill_upto=since,
        )
        for h in entered
    )
    # purges the device has acknowledged (its cursor passed them) are no longer needed
    session.execute(
        delete(DevicePurge).where(
            DevicePurge.device_id == principal.device_id, DevicePurge.seq <= since
        )
    )
    seq.save()
    session.flush()
    return bool(left or entered)


_LOG = core(ChangeLog)
_SCOPE = core(DeviceScope)
_PURGES = core(DevicePurge)
_COUNTER = core(Counter)


@functools.cache
def _scope_differs_statement(kind: str, cutoff: bool) -> Select[Any]:
    current = scope_statement(kind, cutoff)
    held = select(_SCOPE.c.household_id).where(_SCOPE.c.device_id == bindparam("p_device"))
    return select(or_(exists(current.except_(held)), exists(held.except_(current))))


def _scope_differs(session: Session, principal: Principal) -> bool:
    """Whether the device's recorded scope differs from its current one (one query)."""
    statement = _scope_differs_statement(scope_kind(principal), principal.closed_before is not None)
    params = {**scope_params(principal), "p_device": principal.device_id}
    return bool(session.connection().execute(statement, params).scalar_one())


def _word(word: str) -> ColumnElement[str]:
    """A constant written into the statement's text, not bound as a parameter: the events
    statement stays under psycopg's 4,096 characters and 50 parameters, beyond which it
    converts the statement anew on every execution (≈ 1 ms)."""
    assert word.isalpha()
    return literal_column(f"'{word}'", String)


def _event(*columns: ColumnElement[Any] | None) -> list[ColumnElement[Any]]:
    """The six columns of an events part (seq, kind, t, r, h, b), labelled so that every
    part has distinct column names; ``None`` is a NULL text (written into the statement)."""
    return [
        (cast(null(), String) if column is None else column).label(name)
        for column, name in zip(columns, ("seq", "kind", "t", "r", "h", "b"), strict=True)
    ]


_ZERO = literal_column("0", SeqInt)


@functools.cache
def _events_direct(kind: str, cutoff: bool, per_household: bool) -> Direct:
    return Direct(_events_statement(kind, cutoff, per_household))


@functools.cache
def _events_statement(kind: str, cutoff: bool, per_household: bool) -> CompoundSelect[Any]:
    """Rows (of its households, of its team), purges and backfills after ``p_since`` (up to
    ``p_limit`` of each), the high-water mark and whether the device's recorded scope
    differs from its current one, as one ``UNION ALL`` (parameters: :func:`scope_params`,
    ``p_device``, ``p_since``, ``p_limit``). Built once per form of the scope query.

    ``per_household`` (PostgreSQL, a caseworker's few households): the rows of each of the
    device's households by its own ``(household_id, seq)`` index range (``LATERAL``), then
    the first ``p_limit`` of them. Otherwise (a team lead's many households; SQLite) the
    change log from ``p_since`` on, by seq, keeping those of its households: the plan
    PostgreSQL prepares for that form scans every other device's changes since the cursor."""
    log = _LOG.c
    scoped = select(_SCOPE.c.household_id).where(_SCOPE.c.device_id == bindparam("p_device"))
    team_rows = and_(
        log.household_id.is_(None),
        log.team_id.is_not(None),
        log.team_id == bindparam("p_team"),
    )
    limit = bindparam("p_limit", type_=Integer)
    since = bindparam("p_since", type_=SeqInt)

    def row_events(source: Any, where: ColumnElement[bool]) -> Select[Any]:
        return (
            select(*_event(source.seq, _word("row"), source.table_name, source.row_id, None, _ZERO))
            .where(where)
            .order_by(source.seq)
            .limit(limit)
        )

    if per_household:
        held = _SCOPE.alias("held")
        of_each = (
            select(log.seq, log.table_name, log.row_id)
            .where(log.household_id == held.c.household_id, log.seq > since)
            .order_by(log.seq)
            .limit(limit)
            .lateral("of_each")
        )
        rows = row_events(of_each.c, held.c.device_id == bindparam("p_device")).select_from(
            held.join(of_each, true())
        )
    else:
        # one part with "household IN (…) OR team rows" scanned the log from since
        rows = row_events(log, and_(log.seq > since, log.household_id.in_(scoped)))
    team = row_events(log, and_(log.seq > since, team_rows))
    purges = (
        select(*_event(_PURGES.c.seq, _word("purge"), None, None, _PURGES.c.household_id, _ZERO))
        .where(_PURGES.c.device_id == bindparam("p_device"), _PURGES.c.seq > since)
        .order_by(_PURGES.c.seq)
        .limit(limit)
    )
    backfills = (
        select(
            *_event(
                _SCOPE.c.entered_seq,
                _word("backfill"),
                None,
                None,
                _SCOPE.c.household_id,
                _SCOPE.c.backfill_upto,
            )
        )
        .where(_SCOPE.c.device_id == bindparam("p_device"), _SCOPE.c.entered_seq > since)
        .order_by(_SCOPE.c.entered_seq)
        .limit(limit)
    )
    top = select(*_event(_COUNTER.c.last_seq, _word("top"), None, None, None, _ZERO)).where(
        _COUNTER.c.id == 1
    )
    current = scope_statement(kind, cutoff)
    changed = or_(exists(current.except_(scoped)), exists(scoped.except_(current)))
    differs = select(
        *_event(
            case((changed, literal_column("1", SeqInt)), else_=_ZERO),
            _word("scope"),
            None,
            None,
            None,
            _ZERO,
        )
    )
    parts = [q.subquery() for q in (rows, team, purges, backfills)]
    return union_all(top, differs, *(select(*part.c) for part in parts))


_BACKFILL = (
    select(_LOG.c.table_name, _LOG.c.row_id)
    .where(_LOG.c.household_id == bindparam("p_household"), _LOG.c.seq <= bindparam("p_upto"))
    .order_by(_LOG.c.seq)
)


def _events(
    session: Session, principal: Principal, since: int, limit: int
) -> tuple[list[_Event], int, bool]:
    """The next events of the device's feed (rows, purges, backfills; up to ``limit`` + 1
    of each), the high-water mark and whether its scope changed, in one query."""
    kind = scope_kind(principal)
    conn = session.connection()
    per_household = kind == "own" and conn.dialect.name == "postgresql"
    statement = _events_direct(kind, principal.closed_before is not None, per_household)
    params = {
        **scope_params(principal),
        "p_device": principal.device_id,
        "p_since": since,
        "p_limit": limit + 1,
    }
    events: list[_Event] = []
    high = 0
    differs = False
    for seq, event, table, row_id, household, upto in statement.rows(conn, params):
        if event == "top":
            high = int(seq)
        elif event == "scope":
            differs = bool(seq)
        else:
            events.append(
                _Event(
                    int(seq),
                    event,
                    table=table or "",
                    row_id=row_id or "",
                    household_id=household or "",
                    backfill_upto=int(upto or 0),
                )
            )
    return events, high, differs


def build_page(
    session: Session,
    principal: Principal,
    since: int,
    limit: int,
    writer: Callable[[], AbstractContextManager[Session]] | None = None,
) -> ChangesPage:
    """One page of the device's feed after ``since`` (at most ``limit`` events), read in
    ``session``. A change of the device's scope found on the way is recorded first
    (:func:`sync_scope`), and the page is read again with its purges and backfills: in a
    transaction of ``writer`` (committed before the page is read again), or without one
    in ``session``, whose caller commits."""
    if not principal.sees_dossiers:
        raise forbidden("administrators do not sync dossier data")
    events, top, differs = _events(session, principal, since, limit)
    if differs:
        with writer() if writer is not None else nullcontext(session) as recording:
            changed = sync_scope(recording, principal, since)
        if changed:
            events, top, _differs = _events(session, principal, since, limit)
    events.sort(key=lambda e: e.seq)
    has_more = len(events) > limit
    events = events[:limit]
    wanted: list[tuple[str, str]] = []
    purges: list[Purge] = []
    for event in events:
        if event.kind == "row":
            wanted.append((event.table, event.row_id))
        elif event.kind == "purge":
            purges.append(Purge(household_id=event.household_id, seq=event.seq))
        elif event.backfill_upto > 0:
            wanted.extend(
                (t, r)
                for t, r in session.connection().execute(
                    _BACKFILL,
                    {"p_household": event.household_id, "p_upto": event.backfill_upto},
                )
            )
    rows = fetch_rows(session, wanted)
    last = events[-1].seq if events else since
    next_since = last if has_more else max(last, top, since)
    return ChangesPage(rows=rows, purges=purges, next_since=next_since, has_more=has_more)


def fetch_rows(session: Session, wanted: list[tuple[str, str]]) -> list[PulledRow]:
    """The full current state of the given rows, in the given order (duplicates dropped)."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in wanted:
        by_table.setdefault(table, []).append(row_id)
    states: dict[tuple[str, str], dict[str, Any]] = {}
    conn = session.connection()
    for name, ids in by_table.items():
        info = TABLES[name]
        for start in range(0, len(ids), 500):
            for state in wire_rows(conn, info, ids[start : start + 500]):
                states[(name, state["id"])] = state
    out: list[PulledRow] = []
    seen: set[tuple[str, str]] = set()
    for key in wanted:
        if key in seen or key not in states:
            continue
        seen.add(key)
        state = states[key]
        out.append(PulledRow(table=key[0], seq=int(state["version"]), row=state))
    return out


def household_rows(session: Session, household_id: str) -> list[PulledRow]:
    """Every row of one household (a dossier read)."""
    wanted = [
        (t, r)
        for t, r in session.execute(
            select(ChangeLog.table_name, ChangeLog.row_id)
            .where(ChangeLog.household_id == household_id)
            .order_by(ChangeLog.seq)
        )
    ]
    return fetch_rows(session, wanted)
