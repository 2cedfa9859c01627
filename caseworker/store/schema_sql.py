"""Raw SQL of migration 0001 that SQLAlchemy's metadata cannot express:
the FTS5 search index with its triggers and the append-only audit log.

Frozen with migration 0001: a later schema change writes its SQL inline in its
own migration, it does not edit these strings.
"""

from __future__ import annotations

_AUDIT_COLUMNS = (
    "seq", "id", "occurred_at", "user_id", "on_behalf_of", "client", "device_id", "action",
    "object_type", "object_id", "household_id", "detail", "prev_hash", "hash",
)  # fmt: skip

# One row per household; rowid = households.rowid. The text is everything a
# caseworker types to find a family: names, address, postcode, birth dates, BSN.
SEARCH_CONTENT_SQL = """
    coalesce(h.name, '') || ' ' || coalesce(h.street, '') || ' ' || coalesce(h.house_number, '')
    || ' ' || coalesce(h.postcode, '') || ' ' || replace(coalesce(h.postcode, ''), ' ', '')
    || ' ' || coalesce(h.city, '') || ' ' || coalesce(h.neighbourhood, '') || ' ' || coalesce((
        SELECT group_concat(
            p.given_name || ' ' || p.family_name || ' ' || coalesce(p.bsn, '') || ' '
            || coalesce(strftime('%d-%m-%Y', p.birth_date), ''), ' ')
        FROM persons p WHERE p.household_id = h.id AND p.deleted = 0), '')
"""


def _refresh(household_expr: str) -> str:
    return (
        "INSERT OR REPLACE INTO household_search(rowid, household_id, content) "
        f"SELECT h.rowid, h.id, {SEARCH_CONTENT_SQL} "
        f"FROM households h WHERE h.id = {household_expr};"
    )


UPGRADE_SQL: tuple[str, ...] = (
    "CREATE VIRTUAL TABLE household_search USING fts5("
    "household_id UNINDEXED, content, tokenize = 'unicode61 remove_diacritics 2', "
    "prefix = '1 2 3')",
    "CREATE TRIGGER households_search_ai AFTER INSERT ON households BEGIN "
    f"{_refresh('NEW.id')} END",
    "CREATE TRIGGER households_search_au AFTER UPDATE ON households BEGIN "
    f"{_refresh('NEW.id')} END",
    "CREATE TRIGGER households_search_ad AFTER DELETE ON households BEGIN "
    "DELETE FROM household_search WHERE rowid = OLD.rowid; END",
    "CREATE TRIGGER persons_search_ai AFTER INSERT ON persons BEGIN "
    f"{_refresh('NEW.household_id')} END",
    "CREATE TRIGGER persons_search_au AFTER UPDATE ON persons BEGIN "
    f"{_refresh('OLD.household_id')} {_refresh('NEW.household_id')} END",
    "CREATE TRIGGER persons_search_ad AFTER DELETE ON persons BEGIN "
    f"{_refresh('OLD.household_id')} END",
    "CREATE TRIGGER audit_events_append_only_u BEFORE UPDATE ON audit_events WHEN "
    + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _AUDIT_COLUMNS)
    + " BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER audit_events_append_only_d BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
)

DOWNGRADE_SQL: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS audit_events_append_only_d",
    "DROP TRIGGER IF EXISTS audit_events_append_only_u",
    "DROP TRIGGER IF EXISTS persons_search_ad",
    "DROP TRIGGER IF EXISTS persons_search_au",
    "DROP TRIGGER IF EXISTS persons_search_ai",
    "DROP TRIGGER IF EXISTS households_search_ad",
    "DROP TRIGGER IF EXISTS households_search_au",
    "DROP TRIGGER IF EXISTS households_search_ai",
    "DROP TABLE IF EXISTS household_search",
)

REBUILD_SEARCH_SQL: tuple[str, ...] = (
    "DELETE FROM household_search",
    "INSERT INTO household_search(rowid, household_id, content) "
    f"SELECT h.rowid, h.id, {SEARCH_CONTENT_SQL} FROM households h",
)
