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

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from caseworker.sync.protocol import ChangesPage, PulledRow, Purge

from .codec import TABLES, row_to_wire
from .errors import forbidden
from .scope import Principal, households_in_scope
from .sequence import SequenceAllocator, high_water
from .tables import ChangeLog, DevicePurge, DeviceScope


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
    current = households_in_scope(session, principal)
    held = set(
        session.execute(
            select(DeviceScope.household_id).where(DeviceScope.device_id == principal.device_id)
        ).scalars()
    )
    if current == held:
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


def _row_events(session: Session, principal: Principal, since: int, limit: int) -> list[_Event]:
    scoped = select(DeviceScope.household_id).where(DeviceScope.device_id == principal.device_id)
    team_rows = and_(
        ChangeLog.household_id.is_(None),
        ChangeLog.team_id.is_not(None),
        ChangeLog.team_id == principal.team_id,
    )
    query = (
        select(ChangeLog.seq, ChangeLog.table_name, ChangeLog.row_id)
        .where(ChangeLog.seq > since, or_(ChangeLog.household_id.in_(scoped), team_rows))
        .order_by(ChangeLog.seq)
        .limit(limit + 1)
    )
    return [_Event(int(s), "row", table=t, row_id=r) for s, t, r in session.execute(query)]


def build_page(session: Session, principal: Principal, since: int, limit: int) -> ChangesPage:
    """One page of the device's feed after ``since`` (at most ``limit`` events)."""
    if not principal.sees_dossiers:
        raise forbidden("administrators do not sync dossier data")
    top = high_water(session)
    events = _row_events(session, principal, since, limit)
    events += [
        _Event(int(s), "purge", household_id=h)
        for s, h in session.execute(
            select(DevicePurge.seq, DevicePurge.household_id)
            .where(DevicePurge.device_id == principal.device_id, DevicePurge.seq > since)
            .order_by(DevicePurge.seq)
            .limit(limit + 1)
        )
    ]
    events += [
        _Event(int(s), "backfill", household_id=h, backfill_upto=int(b))
        for s, h, b in session.execute(
            select(DeviceScope.entered_seq, DeviceScope.household_id, DeviceScope.backfill_upto)
            .where(DeviceScope.device_id == principal.device_id, DeviceScope.entered_seq > since)
            .order_by(DeviceScope.entered_seq)
            .limit(limit + 1)
        )
    ]
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
                for t, r in session.execute(
                    select(ChangeLog.table_name, ChangeLog.row_id)
                    .where(
                        ChangeLog.household_id == event.household_id,
                        ChangeLog.seq <= event.backfill_upto,
                    )
                    .order_by(ChangeLog.seq)
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
    for name, ids in by_table.items():
        info = TABLES[name]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in session.execute(
                select(info.table).where(info.table.c.id.in_(chunk))
            ).mappings():
                states[(name, row["id"])] = row_to_wire(info, row)
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
