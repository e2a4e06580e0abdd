"""The branch board type (DESIGN §4): 网上支部.

The board page lists the branches (unit and member count: public); everything inside a
branch (its threads, replies and files) is its members' and secretary's alone, 404 to
everyone else, the system admin included. Branch threads are forum threads tied to their
branch by a BranchThread row, which `access` reads; none is indexed, fed, counted or
shown on the index.
"""
from forum.access import Access
from forum.boards.registry import MANAGES, BoardType, register
from forum.branch.access import branch_access, reads
from forum.branch.queries import branch_of_thread
from forum.branch.views import board_values, start_page
from forum.models import BoardTypeKey


@register
class Branch(BoardType):
    """网上支部: branches with approved members, members-only threads, 三会一课.

    Board: VIEW for everyone (the list), MANAGE for the owning unit's account and the
    system admin (creating branches). A thread: VIEW|REPLY for its branch's members and
    secretary, MODERATE for the secretary too; nothing for anyone else.
    """

    key = BoardTypeKey.BRANCH
    label = BoardTypeKey.BRANCH.label
    indexed = in_feeds = on_index = counted = featuring = False
    settings = ()
    staff_roles = ()
    index_row = None

    def access(self, user, board, thread, roles):
        if thread is None:
            return Access.VIEW | (Access.MANAGE if roles & MANAGES else Access.NONE)
        branch = branch_of_thread(thread.id)
        flags = branch_access(user, branch) if branch is not None else Access.NONE
        if not flags:
            return Access.NONE
        if Access.HANDLE in flags:
            flags |= Access.MODERATE
        if thread.is_locked and Access.MODERATE not in flags:
            flags &= ~Access.REPLY
        return flags

    def may_read_post(self, user, post, access):
        """Asked of the post's own branch, whatever flags the caller holds."""
        branch = branch_of_thread(post.thread_id)
        return (branch is not None and reads(user, branch)
                and super().may_read_post(user, post, access))

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
