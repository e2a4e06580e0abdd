"""The schema the migrations build is the schema the models describe: Alembic's
autogenerate comparison between the migrated test database and the models finds nothing.
The migrations read in the order they run: each follows the one numbered before it."""
import logging
import re
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from forum.extensions import db

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"

# The PostgreSQL search backend's own columns and indexes (migrations 0008, 0034, 0035): the
# search adapter reads and writes them in SQL, so no model names them.
SEARCH_BACKEND_OBJECTS = {"search_vector", "ix_post_search_vector", "rank_vector",
                          "ix_post_search_vector_recent"}


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
    # Alembic warns when it skips what it cannot compare (an expression index, say).
    assert [record.getMessage() for record in caplog.records] == []


def _header(script, field):
    """A field of the migration's docstring header ("Revision ID", "Revises")."""
    match = re.search(rf"^{field}:[ \t]*(\S*)", script.module.__doc__, re.MULTILINE)
    return match and match.group(1)


def test_each_migration_follows_the_one_numbered_before_it_and_its_header_says_so():
    scripts = ScriptDirectory(str(MIGRATIONS))
    files = sorted(path.name for path in (MIGRATIONS / "versions").glob("*.py"))
    numbers = [name.split("_", 1)[0] for name in files]
    assert scripts.get_heads() == numbers[-1:]
    for name, number, parent in zip(files, numbers, [None, *numbers]):
        script = scripts.get_revision(number)
        assert (Path(script.path).name, script.down_revision) == (name, parent)
        assert (_header(script, "Revision ID"), _header(script, "Revises")) == (number, parent or "")
