"""Fetch one object for a view, or 404: `load_*` also check the current user's access
(404 where its existence is private, 403 where they may see it but lack `need`)."""
from flask import abort
from flask_login import current_user
from sqlalchemy import bindparam
from sqlalchemy.orm import joinedload

from forum.access import Access, require
from forum.boards.registry import get_type
from forum.boards.services import archived_message
from forum.extensions import db
from forum.models import Board, ContentStatus, Post, Thread
from forum.permissions import WRITING, access_for

# Built once: board and thread pages run them on every view (building a statement costs
# more than SQLite running it).
_BOARD = db.select(Board).options(joinedload(Board.category)).where(Board.slug == bindparam("slug"))
_THREAD = db.select(Thread).options(joinedload(Thread.board)).where(Thread.id == bindparam("id"))


def load_board(slug, need=Access.VIEW):
    """The board, if the current user holds `need` on it."""
    board = get_board(slug)
    refuse_if_archived(board, need)
    require(need, access_for(current_user._get_current_object(), board))
    return board


def refuse_if_archived(board, need=WRITING):
    """Answer a write to an archived board with the reason (403), not a bare refusal."""
    if board.archived_at is not None and need & WRITING:
        abort(403, description=archived_message())


def load_thread(thread_id, need=Access.VIEW):
    """The thread, if the current user may see it (else 404) and holds `need` on it."""
    thread = get_thread(thread_id)
    access = access_for(current_user._get_current_object(), thread.board, thread)
    require(Access.VIEW, access, private=True)
    refuse_if_archived(thread.board, need)
    require(need, access)
    return thread


def load_post(post_id, need=Access.VIEW):
    """The post, if the current user may see its thread (else 404) and holds `need`."""
    post = get_post(post_id)
    access = access_for(current_user, post.thread.board, post.thread)
    require(Access.VIEW, access, private=True)
    refuse_if_archived(post.thread.board, need)
    require(need, access)
    return post


def start_refusal(board):
    """None if the current user may start a thread on the board; else, where the board
    type says why and what to do about it, (message, url, link text); else 404 or 403."""
    access = access_for(current_user, board)
    if Access.START in access:
        return None
    why = get_type(board.type).start_refusal(current_user, board) if Access.VIEW in access else None
    if why is None:
        require(Access.START, access)
    return why


def get_board(slug):
    """The board with its category (the breadcrumb names it), or 404."""
    board = db.session.execute(_BOARD, {"slug": slug}).scalar_one_or_none()
    if board is None:
        abort(404)
    return board


def get_thread(thread_id):
    thread = db.session.execute(_THREAD, {"id": thread_id}).scalar_one_or_none()
    if thread is None:
        abort(404)
    return thread


def get_post(post_id):
    post = db.session.execute(
        db.select(Post).options(joinedload(Post.thread).joinedload(Thread.board))
        .where(Post.id == post_id)
    ).scalar_one_or_none()
    if post is None:
        abort(404)
    return post


def quotable_post(thread, post_id):
    """A published post of this same thread, or None: a quote never crosses threads."""
    return db.session.execute(
        db.select(Post).options(joinedload(Post.author))
        .where(Post.id == post_id, Post.thread_id == thread.id,
               Post.status == ContentStatus.PUBLISHED)
    ).scalar_one_or_none()
