"""The database part of a backup: a consistent snapshot while the forum writes, and its
load into an empty database. SQLite through the online backup API in one step (a step
that sees a write starts over; one step holds a read snapshot, which WAL lets writers
pass); PostgreSQL through `pg_dump -Fc` on a snapshot exported from the transaction that
counts the rows, so the counts and the dump are of the same moment."""
import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect, text

from forum.backups import BackupError, portable
from forum.extensions import db
from forum.progress import progress

FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def backend():
    return db.engine.dialect.name


def snapshot(target):
    """Write the database to `target`; returns (migration head, row counts) of that moment."""
    if backend() == "sqlite":
        return _sqlite_snapshot(target)
    return _postgres_snapshot(target)


def _sqlite_snapshot(target):
    source = sqlite3.connect(db.engine.url.database, timeout=30)
    with closing(source), closing(sqlite3.connect(target)) as copy:
        source.backup(copy)  # pages=-1: in one step, one snapshot
    engine = create_engine(f"sqlite:///{target}")
    try:
        with engine.connect() as connection:
            return head(connection), row_counts(connection)
    finally:
        engine.dispose()


def _postgres_snapshot(target):
    _require("pg_dump")
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            exported = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            counted = head(connection), row_counts(connection)
            _run("pg_dump", "-Fc", "--no-owner", f"--snapshot={exported}", "-f", str(target))
    return counted


def portable_snapshot(folder):
    """Write the forum's export format of one moment into `folder`; (head, row counts)."""
    with _one_moment(folder) as connection:
        counted = head(connection), row_counts(connection)
        rows = sum(n for table, n in counted[1].items() if table not in portable.SKIPPED_TABLES)
        with progress("rows", rows, "rows") as advance:
            portable.export_tables(connection, folder, advance)
    return counted


@contextmanager
def _one_moment(folder):
    """A connection that sees the database as it was at one moment."""
    if backend() == "postgresql":
        with db.engine.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection
        return
    with tempfile.TemporaryDirectory(dir=folder) as work:
        copy = Path(work) / "snapshot.sqlite3"
        _sqlite_snapshot(copy)
        engine = create_engine(f"sqlite:///{copy}")
        try:
            with engine.connect() as connection:
                yield connection
        finally:
            engine.dispose()


def load_portable(folder, migration, total):
    """Build the schema of `migration` in the blank database and load the exported rows
    with foreign keys off (user and ban refer to each other); SQLite checks them after."""
    upgrade(revision=migration)
    with db.engine.connect() as connection, progress("rows", total, "rows") as advance:
        if backend() == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            portable.import_tables(connection, folder, advance)
            connection.commit()
            return
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # before the transaction
        try:
            portable.import_tables(connection, folder, advance)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise BackupError(f"{len(broken)} rows refer to rows not in the backup")
            connection.commit()
        finally:
            connection.rollback()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")  # the pool keeps it


def load(source):
    """Load a snapshot made by `snapshot` on the same backend into the (blank) database."""
    db.session.remove()
    db.engine.dispose()
    if backend() == "sqlite":
        read_only = Path(source).resolve().as_uri() + "?mode=ro"  # a missing file is an error
        with closing(sqlite3.connect(read_only, uri=True)) as copy, \
                closing(sqlite3.connect(db.engine.url.database)) as live:
            copy.backup(live)
    else:
        _require("pg_restore")
        _run("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-d",
             db.engine.url.database, str(source))


def blank():
    """Drop every table (restore --force, or an instance whose tables are all empty)."""
    db.session.remove()
    if backend() == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    else:
        db.engine.dispose()
        path = db.engine.url.database
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.unlink(path + suffix)


def head(connection):
    """The migration the database is at (None before the first)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def row_counts(connection):
    """{table: rows} for every table of the database."""
    names = sorted(inspect(connection).get_table_names())
    return {name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in names}


def _require(program):
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (Debian: apt-get install postgresql-client)")


def _libpq():
    """The environment for pg_dump and pg_restore, naming the forum's database; the password
    goes in the environment, never on a command line others can read."""
    url = db.engine.url
    values = {"PGHOST": url.host, "PGPORT": url.port, "PGUSER": url.username,
              "PGPASSWORD": url.password, "PGDATABASE": url.database}
    return {**os.environ, **{k: str(v) for k, v in values.items() if v is not None}}


def _run(*command):
    done = subprocess.run(command, env=_libpq(), capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")
