"""Following threads and boards: new posts in them come to the follower's notifications.

CSRFProtect checks every POST here before the view runs.
"""
from flask import flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.boards.loaders import load_board, load_thread
from forum.notifications import bp
from forum.notifications.subscriptions import subscribe, unsubscribe
from forum.urls import safe_next


@bp.post("/t/<int:thread_id>/subscribe")
@login_required
def thread_subscribe(thread_id):
    thread = load_thread(thread_id)
    _follow(True, thread=thread)
    return _back("boards.thread", thread_id=thread.id)


@bp.post("/t/<int:thread_id>/unsubscribe")
@login_required
def thread_unsubscribe(thread_id):
    thread = load_thread(thread_id)
    _follow(False, thread=thread)
    return _back("boards.thread", thread_id=thread.id)


@bp.post("/b/<slug>/subscribe")
@login_required
def board_subscribe(slug):
    board = load_board(slug)
    _follow(True, board=board)
    return _back("boards.board", slug=board.slug)


@bp.post("/b/<slug>/unsubscribe")
@login_required
def board_unsubscribe(slug):
    board = load_board(slug)
    _follow(False, board=board)
    return _back("boards.board", slug=board.slug)


def _back(endpoint, **values):
    """To the page the button was on (a 我的 list sends it), else the thread or board."""
    return redirect(safe_next(request.form.get("next"), endpoint, **values))


def _follow(follow, **target):
    if follow:
        subscribe(current_user, **target)
        flash(_("You follow this now: new posts come to your notifications."), "success")
    else:
        unsubscribe(current_user, **target)
        flash(_("You no longer follow this."), "success")
