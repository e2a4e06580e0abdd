"""Following threads and boards: subscribing, and who hears of new posts."""
from sqlalchemy import Integer, bindparam, delete, or_, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import lazyload

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


def followers(thread, new_thread):
    """The accounts a new post concerns by standing: the thread's author (for a reply)
    and followers, and for a new thread its board's followers; deleted accounts left out.
    One statement: a lazy load of the thread's author alone cost a reply 8% of its
    request. The accounts come without their unit and ban joined, as the request's own
    account does (forum/auth/sessions.py): one with no ban is known unbanned without
    loading one, and a unit is read for a few unit accounts only."""
    return db.session.execute(_FOLLOWERS[new_thread], {
        "thread": thread.id, "board": thread.board_id, "author": thread.author_id}).scalars().all()


def _followers(new_thread):
    followed = Subscription.thread_id == bindparam("thread")
    if new_thread:
        followed = or_(followed, Subscription.board_id == bindparam("board"))
    ids = db.select(Subscription.user_id).where(followed)
    if not new_thread:  # a reply: its thread's author too
        ids = union(ids, db.select(bindparam("author", type_=Integer)))
    return (db.select(User).options(lazyload(User.unit), lazyload(User.ban))
            .where(User.id.in_(ids), User.deleted_at.is_(None)))


# Built once, as every post asks it.
_FOLLOWERS = {new_thread: _followers(new_thread) for new_thread in (True, False)}


def _target(thread, board):
    if thread is not None:
        return Subscription.thread_id == thread.id
    return Subscription.board_id == board.id

