"""/u/<username>: the public profile."""
from flask import abort, render_template
from flask_login import current_user
from sqlalchemy import func
from sqlalchemy.orm import joinedload

from forum.auth import bp
from forum.auth.services import find_user
from forum.boards.registry import types_where
from forum.extensions import db
from forum.models import Board, ContentStatus, Post, Talent, Thread
from forum.permissions import marks_talent

RECENT = 10


@bp.get("/u/<username>")
def profile(username):
    user = find_user(username)
    if user is None or user.deleted_at is not None:
        abort(404)
    return render_template("auth/profile.html", user=user, posts=recent_public_posts(user),
                           talent=db.session.get(Talent, user.id),
                           marks_talent=marks_talent(current_user))


def recent_public_posts(user):
    """The user's newest post in each of the threads they last wrote in, that anyone may
    read: published, in public boards. One row per thread, so a title is not repeated."""
    newest = (
        db.select(func.max(Post.id))
        .join(Thread, Thread.id == Post.thread_id).join(Board, Board.id == Thread.board_id)
        .where(Post.author_id == user.id, Post.status == ContentStatus.PUBLISHED,
               Thread.status == ContentStatus.PUBLISHED, Board.type.in_(types_where("counted")))
        .group_by(Post.thread_id).order_by(func.max(Post.id).desc()).limit(RECENT))
    return db.session.execute(
        db.select(Post).options(joinedload(Post.thread).joinedload(Thread.board))
        .where(Post.id.in_(newest)).order_by(Post.id.desc())).scalars().all()
