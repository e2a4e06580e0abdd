"""Fetch a moderation object for a view, or abort: `load_*` also check that the current
user moderates its board (404 where they may not even see it)."""
from flask import abort
from flask_login import current_user

from forum.access import Access, require
from forum.boards.registry import get_type
from forum.extensions import db
from forum.models import Board, QueueItem, Report
from forum.permissions import access_for, can_read_post


def load_queue_item(item_id, need=Access.MODERATE):
    """The queued item, if the current user holds `need` on its board and reads its post
    (else 404)."""
    item = db.session.get(QueueItem, item_id)
    if item is None or not can_read_post(current_user, item.post):
        abort(404)
    require(need, access_for(current_user, item.board), private=True)
    return item


def load_report(report_id, need=Access.MODERATE):
    """The report, if the current user holds `need` on its board and reads its post
    (else 404)."""
    report = db.session.get(Report, report_id)
    if report is None or not can_read_post(current_user, report.post):
        abort(404)
    require(need, access_for(current_user, db.session.get(Board, report.board_id)), private=True)
    return report


def load_move_target(thread, board_id):
    """The board a thread may be moved to by the current user: both types allow the move
    (else 403) and the user moderates the target."""
    target = db.session.get(Board, board_id) if board_id else None
    if (target is None or not get_type(target.type).may_move_in(target)
            or not get_type(thread.board.type).may_move_out(thread.board)):
        abort(403)
    require(Access.MODERATE, access_for(current_user, target))
    return target
