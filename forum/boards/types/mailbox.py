"""The mailbox: a thread is a letter, read only through forum.letters (DESIGN §4)."""
from forum.boards.registry import BoardType, register
from forum.labels import BOARD_TYPES
from forum.permissions import Access


@register
class Mailbox(BoardType):
    """县委书记信箱, 组织部长信箱, 组织信箱, 举报信箱.

    The box page is public (its description, published letters and figures); a letter
    itself never is: every generic thread and post route answers 404 for it, whoever
    asks, and its readers (writer, handlers, the unit it was transferred to) use the
    letter pages, which check `permissions.letter_access`.
    Settings: guests, anonymous, whistleblower, accept_days, answer_days or
    deadline_days, superior (the slug of the box that takes letters about this one).
    """

    key = "mailbox"
    label = BOARD_TYPES["mailbox"]
    public = False

    def access(self, user, board, thread, roles):
        if thread is not None:
            return Access.NONE
        flags = Access.VIEW
        if "handler" in roles:
            flags |= Access.HANDLE
        if roles & {"manager", "admin"}:
            flags |= Access.MANAGE
        if self.may_write(user, board):
            flags |= Access.START
        return flags

    def may_write(self, user, board):
        """Members who may write here; guests where the box takes their letters."""
        if not user.is_authenticated:
            return bool(board.settings.get("guests"))
        return not user.is_banned and (user.is_verified or not board.settings.get("verified_only"))

    def closed_to_admins(self, board):
        """The whistleblower box: no admin reads who blew the whistle."""
        from forum.letters.writers import is_whistleblower_box

        return is_whistleblower_box(board)

    def start_page(self, board):
        from forum.letters.views import write_page

        return write_page(board)

    def page_context(self, board):
        from forum.letters.queries import box_page

        return box_page(board)
