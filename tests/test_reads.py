"""Column reads on the session's connection (forum/reads.py) see what the request has
written, as the session's own statements do."""
from forum.extensions import db
from forum.models import Subscription
from forum.notifications.subscriptions import is_subscribed
from forum.reads import read
from tests.factories import make_thread, make_user


def test_a_read_sees_a_row_the_session_holds_but_has_not_yet_written(app):
    thread, member = make_thread(), make_user()
    db.session.add(Subscription(user_id=member.id, thread_id=thread.id))
    assert is_subscribed(member, thread=thread)
    db.session.rollback()
    assert not is_subscribed(member, thread=thread)


def test_a_read_runs_in_the_sessions_own_transaction(app):
    member = make_user(username="ann")
    member.display_name = "安书记"
    db.session.flush()
    statement = db.select(type(member).display_name).where(type(member).id == member.id)
    assert read(statement).scalar_one() == "安书记"
    db.session.rollback()
    assert read(statement).scalar_one() is None
