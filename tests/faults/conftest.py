"""The database failing at chosen moments, as it does when it restarts under load."""
import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from forum.extensions import db


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
