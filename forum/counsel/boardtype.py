"""The counsel board type (DESIGN §4): 干部谈心室.

The board page is public (the counsellors' cards, the hosted sessions, the figures);
a talk is not a thread: it lives in the package's own tables, read through its pages,
so no core reader (search, feeds, the index, counters, the queue) ever sees one.
"""
from flask_babel import lazy_gettext as _l

from forum.access import Access
from forum.boards.registry import MANAGES, BoardType, Setting, register
from forum.counsel.views import board_values, start_page
from forum.models import BoardTypeKey, Role

DANGER_WORDS = Setting("danger_words", _l("Words of danger (one per line): a talk that holds one "
                                          "is urgent and its member sees the help text"),
                       "", editor="admin")
HELP_TEXT = Setting("help_text", _l("Help text shown at once to a member who wrote a word of "
                                    "danger (hotlines, whom to call)"), "", editor="admin")


@register
class Counsel(BoardType):
    """干部谈心室: counsellors' cards, confidential talks, hosted sessions.

    VIEW: everyone (the board page). START (open a talk): members who may write.
    HANDLE: the board's counsellors (their card, queue, sessions). MANAGE: unit
    managers and the system admin. No thread ever exists here.
    """

    key = BoardTypeKey.COUNSEL
    label = BoardTypeKey.COUNSEL.label
    indexed = in_feeds = on_index = counted = featuring = False
    settings = (DANGER_WORDS, HELP_TEXT)
    staff_roles = (Role.COUNSELLOR,)
    index_row = None

    def access(self, user, board, thread, roles):
        if thread is not None:
            return Access.NONE
        flags = Access.VIEW
        if Role.COUNSELLOR in roles:
            flags |= Access.HANDLE
        if roles & MANAGES:
            flags |= Access.MANAGE
        if self.may_write(user, board):
            flags |= Access.START
        return flags

    def may_read_post(self, user, post, access):
        return False

    def start_page(self, board):
        return start_page(board)

    def board_page(self, board, user):
        return board_values(board, user)

    def queues(self, board):
        return False

    def may_move_in(self, board):
        return False

    def may_move_out(self, board):
        return False
