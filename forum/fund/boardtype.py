"""The fund board type (DESIGN §4): 党内关怀基金, appeals and a public ledger.

Public read; the fund's treasurers (and the owning unit's account) start appeals and
keep the ledger; members discuss appeals as threads.
"""
from forum.access import Access
from forum.boards.registry import BoardType, register
from forum.fund import queries
from forum.fund.access import KEEPERS
from forum.fund.tools import appeal_page
from forum.fund.views import appeal_values, board_values
from forum.models import BoardTypeKey, Role


@register
class Fund(BoardType):
    """党内关怀基金: each thread is an appeal; its money is in the fund's ledger.

    START: the treasurers and the owning unit's account. REPLY: members, as on a
    discussion board. HANDLE: the treasurers, who keep the ledger.
    """

    key = BoardTypeKey.FUND
    label = BoardTypeKey.FUND.label
    featuring = False  # its threads are not discussions
    settings = ()
    staff_roles = (Role.MODERATOR, Role.TREASURER)
    index_row = "boards/fund/_index_row.html"

    def access(self, user, board, thread, roles):
        """A discussion board's flags, with HANDLE for those who keep the books."""
        flags = super().access(user, board, thread, roles)
        keeps = flags and not user.is_banned and roles & KEEPERS
        return flags | Access.HANDLE if keeps else flags

    def may_start(self, user, board, roles):
        return bool(roles & KEEPERS)

    def start_page(self, board):
        return appeal_page(board)

    def board_page(self, board, user):
        return board_values(board, user)

    def thread_page(self, thread, user):
        return appeal_values(thread, user)

    def index_figures(self, boards):
        return queries.boards_totals([board.id for board in boards])

    def queues(self, board):
        return False

    def may_move_in(self, board):
        return False

    def may_move_out(self, board):
        return False
