"""Unread tracking: how far each member has read, per thread and per board.

A thread is unread when its last post is newer than the latest of: the member's read
mark on it, their "mark board read" on its board, and their registration (what was
written before someone joined is not news to them).
"""
from sqlalchemy import and_, or_, select

from forum.boards.registry import get_type
from forum.extensions import db
from forum.models import Board, BoardRead, ContentStatus, Post, ThreadRead
from forum.models.base import insert_for, utcnow
from forum.service import commit


def read_marks(user, threads):
    """{thread id: the time up to which the member has read it} (two statements)."""
    board_marks = dict(db.session.execute(
        select(BoardRead.board_id, BoardRead.read_at)
        .where(BoardRead.user_id == user.id,
               BoardRead.board_id.in_({t.board_id for t in threads}))).all())
    thread_marks = dict(db.session.execute(
        select(ThreadRead.thread_id, ThreadRead.read_at)
        .where(ThreadRead.user_id == user.id,
               ThreadRead.thread_id.in_([t.id for t in threads]))).all())
    return {t.id: max(filter(None, [user.created_at, board_marks.get(t.board_id),
                                    thread_marks.get(t.id)])) for t in threads}


def unread_ids(user, threads):
    """Ids of the threads with posts the member has not read."""
    if not user.is_authenticated or not threads:
        return set()
    marks = read_marks(user, threads)
    return {t.id for t in threads if t.last_post_at and t.last_post_at > marks[t.id]}


def unread_board_ids(user):
    """Ids of the index's boards whose newest post the member has not read (one
    statement): a board's mark, as a thread's unread mark is for its newest thread."""
    if not user.is_authenticated:
        return set()
    # The newest post's time and thread by a lookup per board, not a join: without
    # statistics on the board table SQLite takes it for a big one and reads the whole
    # post table into a Bloom filter for the join (280 ms at 1,000,000 posts).
    def of_last(column):
        return select(column).where(Post.id == Board.last_post_id).scalar_subquery()

    last = select(Board.id, Board.type, of_last(Post.created_at).label("at"),
                  of_last(Post.thread_id).label("thread_id")).subquery()
    board_mark = and_(BoardRead.board_id == last.c.id, BoardRead.user_id == user.id)
    thread_mark = and_(ThreadRead.thread_id == last.c.thread_id, ThreadRead.user_id == user.id)
    rows = db.session.execute(
        select(last.c.id, last.c.type)
        .outerjoin(BoardRead, board_mark).outerjoin(ThreadRead, thread_mark)
        .where(last.c.at > user.created_at,
               or_(BoardRead.read_at.is_(None), last.c.at > BoardRead.read_at),
               or_(ThreadRead.read_at.is_(None), last.c.at > ThreadRead.read_at)))
    return {board_id for board_id, key in rows if get_type(key).on_index}


def first_unread_post(user, thread):
    """The member's first unread published post of the thread, or None."""
    mark = read_marks(user, [thread])[thread.id]
    return db.session.execute(
        select(Post).where(Post.thread_id == thread.id, Post.status == ContentStatus.PUBLISHED,
                           Post.created_at > mark)
        .order_by(Post.number).limit(1)).scalar()


def mark_thread_read(user, thread, upto_at):
    """Record that the member has read the thread up to a post's time; never backwards."""
    _upsert(ThreadRead, {"user_id": user.id, "thread_id": thread.id, "read_at": upto_at},
            ["user_id", "thread_id"])
    commit()


def mark_board_read(user, board):
    """Everything in the board so far counts as read."""
    _upsert(BoardRead, {"user_id": user.id, "board_id": board.id, "read_at": utcnow()},
            ["user_id", "board_id"])
    commit()


def _upsert(model, values, keys):
    """INSERT, or move read_at forward (one statement, safe with two tabs at once)."""
    insert = insert_for(db.session.get_bind().dialect.name)(model).values(**values)
    table = model.__table__
    db.session.execute(insert.on_conflict_do_update(
        index_elements=keys, set_={"read_at": insert.excluded.read_at},
        where=table.c.read_at < insert.excluded.read_at))
