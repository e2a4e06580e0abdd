"""The sealed room's board type: every hook of the interface, overridden."""
from flask import render_template
from flask_login import current_user

from forum.access import Access
from forum.boards.registry import RULES, BoardType, Setting, register
from forum.extensions import db
from forum.models import Thread
from forum.service import Refused

KEY = "test_room"


def door_sign(value):
    """The room's sign: at most 10 characters, trimmed."""
    if len(value) > 10:
        raise Refused("门牌最多十个字。", field="door_sign")
    return value.strip()


@register
class Room(BoardType):
    key = KEY
    label = "密室"
    indexed = in_feeds = on_index = counted = False
    settings = (RULES, Setting("screened", "每个新话题先由谈心员过目", editor="admin"),
                Setting("door_sign", "门牌", "", check=door_sign))
    staff_roles = ("counsellor",)
    index_row = "boards/test_room/_index_row.html"

    def access(self, user, board, thread, roles):
        flags = super().access(user, board, None, roles)
        if "counsellor" in roles:
            flags |= Access.MODERATE
        if thread is None:
            return flags
        if "counsellor" in roles or (user.is_authenticated and thread.author_id == user.id):
            return flags | (Access.REPLY if self.may_write(user, board) else Access.NONE)
        return Access.NONE

    def index_figures(self, boards):
        ids = [board.id for board in boards]
        counts = dict(db.session.execute(db.select(Thread.board_id, db.func.count(Thread.id))
                                         .where(Thread.board_id.in_(ids))
                                         .group_by(Thread.board_id)).all())
        return {board_id: counts.get(board_id, 0) for board_id in ids}

    def may_read_post(self, user, post, access):
        return Access.VIEW in access

    def closed_to_admins(self, board):
        return True

    def board_page(self, board, user):
        return {"greeting": f"欢迎来到{board.name}"}

    def thread_page(self, thread, user):
        return {"room_note": "只有你和谈心员能看到这里"}

    def start_page(self, board):
        if current_user.is_authenticated:
            return None
        return render_template("boards/test_room/knock.html", board=board)

    def queues(self, board):
        return bool(board.settings.get("screened"))

    def may_move_in(self, board):
        return False

    def may_move_out(self, board):
        return False
