"""The notice board: only the owning unit and admins announce (DESIGN §4)."""
from forum.boards.registry import MANAGES, BoardType, register
from forum.models import BoardTypeKey


@register
class Notice(BoardType):
    """工作通知, 党政信息发布, 站务公告: the owning unit's accounts and admins start
    threads; members reply unless the board's `replies` setting is off."""

    key = BoardTypeKey.NOTICE
    label = BoardTypeKey.NOTICE.label

    def may_start(self, user, board, roles):
        return bool(roles & MANAGES)

    def may_reply(self, board, thread, moderates):
        if not board.settings.get("replies", True):
            return moderates
        return super().may_reply(board, thread, moderates)
