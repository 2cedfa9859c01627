"""Alembic environment of the server database (PostgreSQL or SQLite).

Run through :mod:`caseworker.server.db` with an open connection in
``config.attributes["connection"]`` (so the database URL and its password never
have to be written into an alembic.ini).
"""

from __future__ import annotations

from alembic import context

from caseworker.models import Base
from caseworker.server.migrations.env_filters import include_object
from caseworker.server.tables import ServerBase

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the server migrations run only through caseworker.server.db")


context.configure(
    connection=connection,
    target_metadata=[Base.metadata, ServerBase.metadata],
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
