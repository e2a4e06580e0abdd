"""Following threads and boards: subscribing, and who hears of new posts."""
from sqlalchemy import bindparam, delete, or_
from sqlalchemy.exc import IntegrityError

from forum.extensions import db
from forum.reads import read
from forum.models import Subscription, User
from forum.service import commit

# Built once: every member's thread and board page asks one of them (the follow button).
_FOLLOWS = {key: db.select(Subscription.id).where(
    Subscription.user_id == bindparam("user_id"), column == bindparam("target_id"))
    for key, column in (("thread", Subscription.thread_id), ("board", Subscription.board_id))}


def subscribe(user, *, thread=None, board=None):
    """Follow a thread's replies or a board's new threads; following twice is once."""
    if is_subscribed(user, thread=thread, board=board):
        return
    db.session.add(Subscription(user_id=user.id, thread_id=thread and thread.id,
                                board_id=board and board.id))
    try:
        commit()
    except IntegrityError:
        pass  # a double click: the other request made the row, which is the wish


def unsubscribe(user, *, thread=None, board=None):
    """Stop following."""
    db.session.execute(delete(Subscription).where(Subscription.user_id == user.id,
                                                  _target(thread, board)))
    commit()


def is_subscribed(user, *, thread=None, board=None):
    """Does the user follow this thread or board?"""
    if not user.is_authenticated:
        return False
    key, target = ("thread", thread) if thread is not None else ("board", board)
    return read(_FOLLOWS[key], {"user_id": user.id, "target_id": target.id}).first() is not None


def subscribers(thread, new_thread):
    """The accounts following a new post: the thread's followers, and for a new thread
    its board's followers."""
    return db.session.execute(_SUBSCRIBERS[new_thread],
                              {"thread": thread.id, "board": thread.board_id}).scalars().all()


def _subscribers(new_thread):
    followed = Subscription.thread_id == bindparam("thread")
    if new_thread:
        followed = or_(followed, Subscription.board_id == bindparam("board"))
    return (db.select(User).join(Subscription, Subscription.user_id == User.id)
            .where(followed, User.deleted_at.is_(None)).distinct())


# Built once, as every post asks it.
_SUBSCRIBERS = {new_thread: _subscribers(new_thread) for new_thread in (True, False)}


def _target(thread, board):
    if thread is not None:
        return Subscription.thread_id == thread.id
    return Subscription.board_id == board.id

