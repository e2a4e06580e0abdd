"""The schema the migrations build is the schema the models describe: Alembic's
autogenerate comparison between the migrated test database and the models finds nothing."""
import logging

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from forum.extensions import db

# The PostgreSQL search backend's own column and index (migration 0005): the search
# adapter reads and writes them in SQL, so no model names them.
SEARCH_BACKEND_OBJECTS = {"search_vector", "ix_post_search_vector"}


def _not_the_search_backends(obj, name, type_, reflected, compare_to):
    return name not in SEARCH_BACKEND_OBJECTS


def _differences():
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_object": _not_the_search_backends})
        return compare_metadata(context, db.metadata)


def test_the_models_match_the_migrated_schema(caplog):
    caplog.set_level(logging.WARNING, logger="alembic")
    assert _differences() == []
