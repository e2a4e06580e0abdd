"""Writes to threads and posts; each service commits once, counters included."""
from sqlalchemy import update

from forum.boards.registry import get_type
from forum.extensions import db
from forum.markup import render
from forum.models import Board, Post, Thread, User
from forum.models.base import utcnow
from forum.service import commit


def create_thread(board, author, title, body):
    """Start a thread with its first post; board and author counters follow."""
    now = utcnow()
    thread = Thread(board_id=board.id, author_id=author.id, title=title, last_number=1,
                    last_post_at=now, created_at=now)
    post = Post(thread=thread, author_id=author.id, number=1, body=body,
                body_html=render(body), created_at=now)
    db.session.add_all([thread, post])
    db.session.flush()
    thread.last_post_id = post.id
    _count_post(board, author, post, new_thread=True)
    commit()
    return thread


def reply(thread, author, body):
    """Add a post to the thread at the next floor; counters follow."""
    now = utcnow()
    # Taking the next floor is the first write: it locks the thread row, so two
    # replies at once get different floors instead of a conflict.
    number = db.session.execute(
        update(Thread).where(Thread.id == thread.id)
        .values(last_number=Thread.last_number + 1, reply_count=Thread.reply_count + 1,
                last_post_at=now)
        .returning(Thread.last_number)
    ).scalar_one()
    post = Post(thread_id=thread.id, author_id=author.id, number=number, body=body,
                body_html=render(body), created_at=now)
    db.session.add(post)
    db.session.flush()
    db.session.execute(update(Thread).where(Thread.id == thread.id).values(last_post_id=post.id))
    _count_post(thread.board, author, post, new_thread=False)
    commit()
    return post


def edit_post(post, editor, body, title=None):
    """Change a post's text (and its thread's title, for a first post); record who."""
    post.body = body
    post.body_html = render(body)
    post.edited_at = utcnow()
    post.edited_by_id = editor.id
    if title is not None and post.number == 1:
        post.thread.title = title
    commit()
    return post


def _count_post(board, author, post, new_thread):
    values = {"post_count": Board.post_count + 1, "last_post_id": post.id}
    if new_thread:
        values["thread_count"] = Board.thread_count + 1
    db.session.execute(update(Board).where(Board.id == board.id).values(**values))
    if get_type(board.type).public:
        db.session.execute(update(User).where(User.id == author.id)
                           .values(post_count=User.post_count + 1))
