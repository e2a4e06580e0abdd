"""The disclosure board type (DESIGN §4): 党务公开, notices with a 公示期.

Public read; only the owning unit's account and the units it authorises publish; nobody
replies in public (feedback during the period is private, in its own pages).
"""
from flask_babel import lazy_gettext as _l

from forum.access import Access
from forum.boards.registry import BoardType, Setting, register
from forum.disclosure import period
from forum.disclosure.access import check_issuers, may_publish
from forum.disclosure.queries import open_counts
from forum.disclosure.views import board_listing, disclosure_page, publish_page
from forum.models import BoardTypeKey, Role

ISSUERS = Setting("issuers", _l("Other units that may publish here (their short names, one "
                                "per line)"), "", check=check_issuers)


@register
class Disclosure(BoardType):
    """党务公开, 任前公示: public notices, some with a period for private feedback.

    START: unit accounts of the owning unit and of the units in `issuers`.
    REPLY: never. MODERATE/MANAGE as on a discussion board; HANDLE for the board's
    handlers, who read the feedback on their unit's disclosures.
    """

    key = BoardTypeKey.DISCLOSURE
    label = BoardTypeKey.DISCLOSURE.label
    featuring = False  # its threads are not discussions
    settings = (ISSUERS,)
    staff_roles = (Role.HANDLER,)
    index_row = "boards/disclosure/_index_row.html"

    def access(self, user, board, thread, roles):
        """A discussion board's flags, with HANDLE for the board's handlers."""
        flags = super().access(user, board, thread, roles)
        return flags | Access.HANDLE if flags and Role.HANDLER in roles else flags

    def may_start(self, user, board, roles):
        return may_publish(user, board)

    def may_reply(self, board, thread, moderates):
        return False

    def start_page(self, board):
        return publish_page(board)

    def board_page(self, board, user):
        return board_listing(board)

    def thread_page(self, thread, user):
        return disclosure_page(thread, user)

    def index_figures(self, boards):
        return open_counts([board.id for board in boards], period.today())

    def queues(self, board):
        return False

    def may_move_in(self, board):
        return False

    def may_move_out(self, board):
        return False
