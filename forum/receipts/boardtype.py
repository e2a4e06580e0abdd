"""The notice board type (DESIGN §4): 工作通知, 党政信息发布, 站务公告.

It lived in the core (forum/boards/types/notice.py) until notices could ask receipts:
its start page is now the issuing form and its thread page shows the issue and the
receipts, both of this package, which the core may not import. Its rules are unchanged.
"""
from forum.boards.registry import MANAGES, BoardType, register
from forum.models import BoardTypeKey
from forum.receipts.views import issue_page, notice_page


@register
class Notice(BoardType):
    """工作通知, 党政信息发布, 站务公告: the owning unit's accounts and admins start
    threads (issue notices, with receipts if asked); members reply unless the board's
    `replies` setting is off."""

    key = BoardTypeKey.NOTICE
    label = BoardTypeKey.NOTICE.label
    featuring = False  # its threads are not discussions

    def may_start(self, user, board, roles):
        return bool(roles & MANAGES)

    def may_reply(self, board, thread, moderates):
        if not board.settings.get("replies", True):
            return moderates
        return super().may_reply(board, thread, moderates)

    def start_page(self, board):
        return issue_page(board)

    def thread_page(self, thread, user):
        return notice_page(thread, user)
