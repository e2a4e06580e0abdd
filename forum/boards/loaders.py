"""Fetch one object for a view, or 404."""
from flask import abort
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import Board, ContentStatus, Post, Thread


def get_board(slug):
    board = db.session.execute(db.select(Board).where(Board.slug == slug)).scalar_one_or_none()
    if board is None:
        abort(404)
    return board


def get_thread(thread_id):
    thread = db.session.execute(
        db.select(Thread).options(joinedload(Thread.board)).where(Thread.id == thread_id)
    ).scalar_one_or_none()
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
