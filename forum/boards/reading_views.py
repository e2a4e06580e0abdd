"""Jumping to the first unread post, marking boards read.

CSRFProtect checks every POST here before the view runs.
"""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.boards import bp
from forum.boards.loaders import load_board, load_thread
from forum.boards.reading import first_unread_post, mark_board_read


@bp.post("/b/<slug>/read")
@login_required
def board_read(slug):
    board = load_board(slug)
    mark_board_read(current_user, board)
    flash(_("Every thread of this board is marked read."), "success")
    return redirect(url_for("boards.board", slug=board.slug))


@bp.get("/t/<int:thread_id>/unread")
@login_required
def first_unread(thread_id):
    thread = load_thread(thread_id)
    post = first_unread_post(current_user, thread)
    if post is not None:
        return redirect(url_for("boards.post", post_id=post.id))
    if thread.last_post_id is not None:
        return redirect(url_for("boards.post", post_id=thread.last_post_id))
    return redirect(url_for("boards.thread", thread_id=thread.id))
