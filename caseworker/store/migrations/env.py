"""Alembic environment for the local encrypted store.

Run programmatically by :mod:`caseworker.store.migrate` with an open
connection in ``config.attributes["connection"]``; never with a URL, so the
key never appears in a configuration file.
"""

from __future__ import annotations

from alembic import context

from caseworker.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the store migrations run only through caseworker.store.migrate")

context.configure(
    connection=connection,
    # Base.metadata, not a list with LocalBase.metadata: alembic takes the naming
    # convention of constraints made by op.create_table from a single target metadata
    # (LocalBase shares it; tests/integration/test_enrolment.py checks its table).
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
