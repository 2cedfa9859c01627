"""The migrated server database matches the models (shared + server-only): a model change
without a server migration fails here."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from caseworker.models import Base
from caseworker.server import db
from caseworker.server.migrations.env_filters import include_object
from caseworker.server.tables import ServerBase

from .conftest import ServerEnv


def test_migrations_match_the_models(env: ServerEnv):
    assert db.current_revision(env.engine) == db.head_revision()
    with env.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        diff = compare_metadata(context, [Base.metadata, ServerBase.metadata])
    assert diff == []
