"""Unread tracking: how far each member has read, per thread and per board.

A thread is unread when its last post is newer than the latest of: the member's read
mark on it, their "mark board read" on its board, and their registration (what was
written before someone joined is not news to them).
"""
from sqlalchemy import bindparam, literal, select, union_all

from forum.extensions import db
from forum.models import BoardRead, ContentStatus, Post, ThreadRead
from forum.models.base import insert_for, utcnow
from forum.reads import read
from forum.service import commit

# Built once and run through Core (forum/reads.py): members' board, thread and index
# pages run them on every view (building a statement costs more than SQLite running it).
_USER = bindparam("user_id")
# Every board mark of the member (one per board at most): a list of the boards wanted
# would cost SQLAlchemy about 1 µs a board on every run, writing the statement again with a
# parameter for each (the index asks for 140).
_MARKS = union_all(
    select(literal("board"), BoardRead.board_id, BoardRead.read_at).where(BoardRead.user_id == _USER),
    select(literal("thread"), ThreadRead.thread_id, ThreadRead.read_at).where(
        ThreadRead.user_id == _USER, ThreadRead.thread_id.in_(bindparam("threads", expanding=True))))
_THREAD_MARK = select(ThreadRead.read_at).where(
    ThreadRead.user_id == _USER, ThreadRead.thread_id == bindparam("thread_id"))


def _marks(user, thread_ids):
    """{("board" or "thread", id): read up to} of the member's marks on every board and on
    these threads (one statement)."""
    return {(kind, key): at for kind, key, at in read(_MARKS, {
        "user_id": user.id, "threads": list(thread_ids)}).all()}


def _read_up_to(joined, marks, board_id, thread_id):
    """The time up to which the member has read a thread of `_marks`: the latest of their
    joining (`joined`, read once by the caller: the member is often current_user, whose
    every attribute goes through its proxy), the board's mark and the thread's."""
    return max(filter(None, [joined, marks.get(("board", board_id)),
                             marks.get(("thread", thread_id))]))


def read_marks(user, threads):
    """{thread id: the time up to which the member has read it} (one statement: their
    marks on the threads' boards and on the threads themselves)."""
    marks = _marks(user, [t.id for t in threads])
    joined = user.created_at
    return {t.id: _read_up_to(joined, marks, t.board_id, t.id) for t in threads}


def unread_ids(user, threads):
    """Ids of the threads with posts the member has not read."""
    if not user.is_authenticated or not threads:
        return set()
    marks = read_marks(user, threads)
    return {t.id for t in threads if t.last_post_at and t.last_post_at > marks[t.id]}


def unread_board_ids(user, newest):
    """Ids of the boards whose newest post the member has not read, of `newest`: (board
    id, the post's time, its thread id) for the index's boards (queries.newest_posts). A
    board's mark, as a thread's unread mark is for its newest thread."""
    if not newest:
        return set()
    marks = _marks(user, {thread_id for _, _, thread_id in newest})
    joined = user.created_at
    return {board_id for board_id, at, thread_id in newest
            if at > _read_up_to(joined, marks, board_id, thread_id)}


def first_unread_post(user, thread):
    """The member's first unread published post of the thread, or None."""
    mark = read_marks(user, [thread])[thread.id]
    return db.session.execute(
        select(Post).where(Post.thread_id == thread.id, Post.status == ContentStatus.PUBLISHED,
                           Post.created_at > mark)
        .order_by(Post.number).limit(1)).scalar()


def mark_thread_read(user, thread, upto_at):
    """Record that the member has read the thread up to a post's time; never backwards.
    A page read again writes nothing: a look at the mark costs less than a write."""
    mark = read(_THREAD_MARK, {"user_id": user.id, "thread_id": thread.id}).scalar()
    if mark is not None and mark >= upto_at:
        return
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
