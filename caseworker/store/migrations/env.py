"""Alembic environment for the local encrypted store.

Run programmatically by :mod:`caseworker.store.migrate` with an open
connection in ``config.attributes["connection"]``; never with a URL, so the
key never appears in a configuration file.
"""

from __future__ import annotations

from alembic import context

from caseworker.models import Base, LocalBase

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the store migrations run only through caseworker.store.migrate")

context.configure(
    connection=connection,
    target_metadata=[Base.metadata, LocalBase.metadata],
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
