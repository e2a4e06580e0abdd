"""Fixtures: one app per test session on a throw-away instance, a clean database per test.

DATABASE_URL picks the database (SQLite in a temporary instance folder by default;
PostgreSQL in CI). The schema is built by the migrations, as in production. Under
pytest-xdist (`make test` runs one worker per core) each worker has its own instance
folder and, on PostgreSQL, its own database named after the worker.
"""
import contextvars
import os
import re
import shutil
import tempfile
import types
from contextlib import contextmanager

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, inspect, text
from sqlalchemy.engine import make_url



def _worker_database():
    """Give this xdist worker its own PostgreSQL database (DATABASE_URL's name + worker id)."""
    url, worker = os.environ.get("DATABASE_URL", ""), os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    base = make_url(url)
    name = f"{base.database}_{worker}"
    server = base.set(drivername="postgresql", database="postgres")
    with psycopg.connect(server.render_as_string(hide_password=False), autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = base.set(database=name).render_as_string(hide_password=False)


_worker_database()
_INSTANCE = tempfile.mkdtemp(prefix="forum-test-")
os.environ["FORUM_INSTANCE"] = _INSTANCE
os.environ["FORUM_RATE_LIMITS"] = "off"

from config import TestingConfig  # noqa: E402
from forum import create_app, fragments, navigation, pagecache, ratelimit, settings  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.i18n import compile_catalogs  # noqa: E402
from forum.settings import put_setting  # noqa: E402
from forum.stats import hits, online, view_counts  # noqa: E402
from tests import factories  # noqa: E402

CSRF_RE = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


class IsolatedClient(FlaskClient):
    """A test client whose requests never share the test's app context.

    Flask reuses an app context that is already pushed, and with it `g`, where
    Flask-Login and Flask-WTF cache the current user and CSRF token. Each request
    here runs in an empty context, as a request to a real server does.
    """

    def open(self, *args, **kwargs):
        # Buffered: the response is read and closed, as a server does, so work deferred
        # to after the response (response.call_on_close) has run when this returns.
        kwargs.setdefault("buffered", True)
        return contextvars.Context().run(super().open, *args, **kwargs)


class CachingConfig(TestingConfig):
    """The guests' page cache and the members' shared pages on, as in production."""

    def __init__(self):
        super().__init__()
        self.PAGE_CACHE_SECONDS = 60


@pytest.fixture()
def caching_app():
    """An app of its own with the caches on, emptied before and after."""
    app = create_app(CachingConfig())
    app.test_client_class = IsolatedClient
    fragments.clear()
    pagecache.clear()
    yield app
    fragments.clear()
    pagecache.clear()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def compiled_catalogs():
    """The .mo files, compiled once per session as `make` does: the app only reads them."""
    compile_catalogs()


@pytest.fixture(scope="session")
def app(compiled_catalogs):
    app = create_app(TestingConfig())
    app.test_client_class = IsolatedClient
    with app.app_context():
        _reset_schema()
    return app


def _reset_schema():
    from flask_migrate import upgrade

    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    upgrade()


@pytest.fixture(autouse=True)
def _app_context(app):
    with app.app_context():
        # Most tests post as brand-new accounts; the moderation tests turn review back on.
        put_setting("new_account_review_posts", 0)
        db.session.commit()
        yield
        db.session.remove()
        view_counts.flush()
        online.clear()
        hits.clear()
        navigation.forget()  # the tables are emptied below the ORM, unseen by its listener
        settings.forget()  # as the navigation's
        _empty_tables()


def _empty_tables():
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            quoted = ", ".join(f'"{name}"' for name in tables)
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        else:
            # The audit logs refuse deletes (append-only triggers): lift them meanwhile.
            triggers = connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
            for name, _ in triggers:
                connection.execute(text(f'DROP TRIGGER "{name}"'))
            connection.execute(text("PRAGMA defer_foreign_keys=ON"))  # user.ban_id <-> ban.user_id
            for name in tables:
                connection.execute(text(f'DELETE FROM "{name}"'))
            for _, sql in triggers:
                connection.execute(text(sql))


@pytest.fixture()
def clock(monkeypatch):
    """A clock for forum.ratelimit that only moves when told."""
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: now[0]))
    return now


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def seeded():
    """The Zhijin units, categories and 150 boards."""
    from forum.seed import seed

    return seed()


def csrf_token(client, path="/login"):
    """The CSRF token of the client's session, read from a page's form."""
    page = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no csrf token on {path}"
    return match.group(1)


def post_form(client, path, data, **kwargs):
    """POST a form the way a browser does: with the session's CSRF token."""
    return client.post(path, data={"csrf_token": csrf_token(client), **data}, **kwargs)


def login(client, user, password=factories.PASSWORD):
    response = post_form(client, "/login", {"username": user.username, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def fresh(row):
    """The row as the database holds it now (a request commits in a session of its own,
    so the test's objects keep what they held before it); None if it was deleted."""
    model, key = type(row), inspect(row).identity
    db.session.expire_all()
    return db.session.get(model, key)


@pytest.fixture()
def empty_upload_folder(app):
    """Tests that store files start and end with an empty upload folder, as their
    database is emptied between tests."""
    shutil.rmtree(app.config["UPLOAD_FOLDER"], ignore_errors=True)
    yield
    shutil.rmtree(app.config["UPLOAD_FOLDER"], ignore_errors=True)


@pytest.fixture()
def member():
    return factories.make_user(username="member")


@pytest.fixture()
def member_client(client, member):
    return login(client, member)


@pytest.fixture()
def board():
    return factories.make_board()


class QueryCounter:
    def __init__(self):
        self.statements = []
        self.parameters = []  # each statement's, for explaining it

    def __len__(self):
        return len(self.statements)

    def __call__(self, conn, cursor, statement, parameters, *args):
        self.statements.append(statement)
        self.parameters.append(parameters)


@pytest.fixture()
def count_queries():
    """Count SQL statements run inside the `with` block."""
    @contextmanager
    def counting():
        counter = QueryCounter()
        event.listen(db.engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(db.engine, "before_cursor_execute", counter)
    return counting
