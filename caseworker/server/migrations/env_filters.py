"""What alembic's autogenerate compares (shared by env.py and the schema test)."""

from __future__ import annotations


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """The foreign keys from server tables into shared tables exist only in the migration."""
    return not (type_ == "foreign_key_constraint" and (name or "").startswith("fk_server_"))
