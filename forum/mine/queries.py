"""The queries of a member's own lists, one page each, newest first.

Only what the member may still read is listed: published threads and posts of boards
whose type shows its threads to every reader (the `indexed` policy). A thread hidden, or
moved into a place with readers of its own (a branch, a mailbox), leaves the lists; so
do letters, which are followed on /letters/mine. Threads and replies walk the author's
own index (ix_thread_author_created, ix_post_author_created) and stop after the page.
"""
from sqlalchemy.orm import contains_eager

from forum.boards.registry import types_where
from forum.extensions import db
from forum.models import Board, ContentStatus, Post, Subscription, Thread


def own_threads(user, page, per_page):
    """A page (flask_sqlalchemy Pagination) of the threads the user started."""
    query = (_readable(db.select(Thread).join(Thread.board))
             .options(contains_eager(Thread.board))
             .where(Thread.author_id == user.id)
             .order_by(Thread.created_at.desc(), Thread.id.desc()))
    return db.paginate(query, page=page, per_page=per_page, error_out=True)


def own_replies(user, page, per_page):
    """A page of the user's replies (not first posts), each with its thread and board."""
    query = (_readable(db.select(Post).join(Post.thread).join(Thread.board))
             .options(contains_eager(Post.thread).contains_eager(Thread.board))
             .where(Post.author_id == user.id, Post.number > 1,
                    Post.status == ContentStatus.PUBLISHED)
             .order_by(Post.created_at.desc(), Post.id.desc()))
    return db.paginate(query, page=page, per_page=per_page, error_out=True)


def followed_threads(user, page, per_page):
    """A page of the threads the user follows, the latest followed first."""
    query = (_readable(db.select(Thread).join(Subscription, Subscription.thread_id == Thread.id)
                       .join(Thread.board))
             .options(contains_eager(Thread.board))
             .where(Subscription.user_id == user.id)
             .order_by(Subscription.id.desc()))
    return db.paginate(query, page=page, per_page=per_page, error_out=True)


def followed_boards(user):
    """Every board the user follows (a few), by name."""
    return db.session.execute(
        db.select(Board).join(Subscription, Subscription.board_id == Board.id)
        .where(Subscription.user_id == user.id).order_by(Board.name)).scalars().all()


def _readable(query):
    return query.where(Thread.status == ContentStatus.PUBLISHED,
                       Board.type.in_(types_where("indexed")))
