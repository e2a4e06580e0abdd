"""The database failing at chosen moments, as it does when it restarts under load."""
import pytest
from flask_migrate import upgrade
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from config import TestingConfig
from forum import create_app
from forum.extensions import db
from forum.settings import put_setting
from tests.conftest import IsolatedClient


class Blip:
    """Once armed, every statement after the next commit fails, as when the database
    restarts just after it answered the commit; `over()` brings it back."""

    def __init__(self):
        self.armed = self.gone = False

    def arm(self):
        self.armed = True

    def over(self):
        self.armed = self.gone = False

    def note(self, _session):
        self.gone = self.armed

    def refuse(self, *_args):
        if self.gone:
            raise OperationalError("SELECT …", {}, Exception("server closed the connection"))


@pytest.fixture()
def blip(app):
    blip = Blip()
    event.listen(Session, "after_commit", blip.note, insert=True)
    event.listen(db.engine, "before_cursor_execute", blip.refuse)
    yield blip
    event.remove(db.engine, "before_cursor_execute", blip.refuse)
    event.remove(Session, "after_commit", blip.note)


def second_app(monkeypatch, tmp_path, database_url):
    """An app on its own instance folder and the database URL given."""
    monkeypatch.setenv("FORUM_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", database_url)
    made = create_app(TestingConfig())
    made.test_client_class = IsolatedClient
    return made


@pytest.fixture()
def sqlite_app(monkeypatch, tmp_path):
    """A throw-away forum on its own SQLite file, migrated, whatever the tests' backend."""
    made = second_app(monkeypatch, tmp_path, f"sqlite:///{tmp_path / 'forum.db'}")
    with made.app_context():
        upgrade()
        put_setting("new_account_review_posts", 0)  # as the tests' own app
        db.session.commit()
    yield made
    with made.app_context():
        db.engine.dispose()
