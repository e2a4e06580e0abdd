"""Empty instances to restore into: each its own folder and, on PostgreSQL, its own
database beside the tests' one (dropped afterwards)."""
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from config import TestingConfig
from forum import create_app
from forum.extensions import db
from tests.conftest import IsolatedClient


@pytest.fixture()
def new_instance(app, tmp_path, monkeypatch):
    """Make empty instances: `new_instance("sqlite")` or ("postgresql"); the tests' own
    backend by default. Each has its own folder; on PostgreSQL its own database."""
    made, databases = [], []
    tests_url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])

    def make(backend=None):
        backend = backend or tests_url.get_backend_name()
        folder = tmp_path / f"instance{len(made)}"
        monkeypatch.setenv("FORUM_INSTANCE", str(folder))
        if backend == "postgresql":
            url = tests_url.set(database=f"{tests_url.database}_restore{len(databases)}")
            _create_database(url)
            databases.append(url)
            monkeypatch.setenv("DATABASE_URL", url.render_as_string(hide_password=False))
        else:
            monkeypatch.setenv("DATABASE_URL", f"sqlite:///{folder / 'forum.db'}")
        fresh = create_app(TestingConfig())
        fresh.test_client_class = IsolatedClient
        made.append(fresh)
        return fresh

    yield make
    for fresh in made:
        with fresh.app_context():
            db.engine.dispose()
    for url in databases:
        _drop_database(url)


@pytest.fixture()
def fresh_app(new_instance):
    """An empty instance on the tests' backend."""
    return new_instance()


def _server(url):
    return create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


def _create_database(url):
    _drop_database(url)
    server = _server(url)
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    server.dispose()


def _drop_database(url):
    server = _server(url)
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    server.dispose()


def table_rows():
    """{table: sorted rows} of the current app's database; the search column aside, as
    restore rebuilds it."""
    rows = {}
    with db.engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name != "search_vector"]
            rows[table.name] = sorted(
                (tuple(map(repr, row)) for row in connection.execute(select(*columns))))
    return rows


def upload_hashes(folder):
    """{relative path: SHA-256} of every file under `folder`."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}
