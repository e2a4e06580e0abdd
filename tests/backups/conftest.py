"""A second, empty instance to restore into: its own folder and, on PostgreSQL, its own
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
def fresh_app(app, tmp_path, monkeypatch):
    monkeypatch.setenv("FORUM_INSTANCE", str(tmp_path / "fresh"))
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    server = None
    if url.get_backend_name() == "postgresql":
        target = url.set(database=url.database + "_restore")
        server = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
        monkeypatch.setenv("DATABASE_URL", target.render_as_string(hide_password=False))
    fresh = create_app(TestingConfig())
    fresh.test_client_class = IsolatedClient
    yield fresh
    with fresh.app_context():
        db.engine.dispose()
    if server is not None:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
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
