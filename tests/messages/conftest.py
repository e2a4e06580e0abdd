"""Helpers for the message tests: people, conversations through the services, counts."""
import pytest

from forum.extensions import db
from forum.messages.services import start_conversation
from forum.models import Conversation, Message, MessageReport
from tests.factories import make_user


@pytest.fixture()
def alice():
    return make_user(username="alice")


@pytest.fixture()
def bob():
    return make_user(username="bob")


def converse(sender, *recipients, title="周末支部活动", body="周六上午九点集合。"):
    """Start a conversation through the service; returns its first message."""
    return start_conversation(sender, " ".join(r.username for r in recipients), title, body)


def stored():
    """(conversations, messages, reports) in the database."""
    db.session.expire_all()

    def count(model):
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()

    return count(Conversation), count(Message), count(MessageReport)
