"""Following threads and boards, jumping to the first unread post, marking boards read.

CSRFProtect checks every POST here before the view runs.
"""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.boards import bp
from forum.boards.loaders import get_board, get_thread
from forum.boards.reading import first_unread_post, mark_board_read
from forum.notifications.subscriptions import subscribe, unsubscribe
from forum.permissions import Access, access_for, require


@bp.post("/t/<int:thread_id>/subscribe")
@login_required
def thread_subscribe(thread_id):
    thread = _readable_thread(thread_id)
    _follow(True, thread=thread)
    return redirect(url_for("boards.thread", thread_id=thread.id))


@bp.post("/t/<int:thread_id>/unsubscribe")
@login_required
def thread_unsubscribe(thread_id):
    thread = _readable_thread(thread_id)
    _follow(False, thread=thread)
    return redirect(url_for("boards.thread", thread_id=thread.id))


@bp.post("/b/<slug>/subscribe")
@login_required
def board_subscribe(slug):
    board = _readable_board(slug)
    _follow(True, board=board)
    return redirect(url_for("boards.board", slug=board.slug))


@bp.post("/b/<slug>/unsubscribe")
@login_required
def board_unsubscribe(slug):
    board = _readable_board(slug)
    _follow(False, board=board)
    return redirect(url_for("boards.board", slug=board.slug))


@bp.post("/b/<slug>/read")
@login_required
def board_read(slug):
    board = _readable_board(slug)
    mark_board_read(current_user, board)
    flash(_("Every thread of this board is marked read."), "success")
    return redirect(url_for("boards.board", slug=board.slug))


@bp.get("/t/<int:thread_id>/unread")
@login_required
def first_unread(thread_id):
    thread = _readable_thread(thread_id)
    post = first_unread_post(current_user, thread)
    if post is not None:
        return redirect(url_for("boards.post", post_id=post.id))
    if thread.last_post_id is not None:
        return redirect(url_for("boards.post", post_id=thread.last_post_id))
    return redirect(url_for("boards.thread", thread_id=thread.id))


def _readable_thread(thread_id):
    thread = get_thread(thread_id)
    require(Access.VIEW, access_for(current_user, thread.board, thread), private=True)
    return thread


def _readable_board(slug):
    board = get_board(slug)
    require(Access.VIEW, access_for(current_user, board))
    return board


def _follow(follow, **target):
    if follow:
        subscribe(current_user, **target)
        flash(_("You follow this now: new posts come to your notifications."), "success")
    else:
        unsubscribe(current_user, **target)
        flash(_("You no longer follow this."), "success")
